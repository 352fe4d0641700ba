"""Property tests: every entry point fed untrusted text answers instead of raising.

Hypothesis generates the hostile shapes of `hostile_inputs` (random unicode, control characters, Whoosh
syntax fragments, nested quotes, only stop words, only punctuation, markup); the 100k-character cases run
once each as plain parametrized tests. `max_examples` stays modest so CI is fast; `scripts/fuzz.py` runs
the same targets for a time budget.
"""

from __future__ import annotations

import contextlib
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import citation_inputs
import hostile_inputs as hostile
import invariants
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzers import citations, french
from analyzers.citations import find_citations
from search.index_view import POOL_SIZE
from search.service import SearchRequest, SearchService

CI = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HUGE = [example for example in hostile.EXAMPLES if len(example) >= 2_000]
CODES = st.sampled_from([None, "LEGITEXT000006072050", "Code du travail", "", "<b>"])


@pytest.fixture(scope="module")
def service(small_home: Path) -> SearchService:
    return SearchService.open(small_home, build_if_missing=False)


# The citation tokenizer has no safety net: a bug raises here instead of giving [] in silence.


@CI
@given(hostile.hostile_text(huge=False), CODES)
def test_citation_tokenizer_never_raises_and_spans_cover_their_text(text: str, code: str | None) -> None:
    invariants.check_citations(text, find_citations(text, code))


@CI
@given(citation_inputs.legal_text(), citation_inputs.CODES, citation_inputs.KNOWN_ARTICLES)
def test_citation_tokenizer_reads_any_mix_of_its_own_words(text: str, code, known) -> None:
    invariants.check_citations(text, find_citations(text, code, known))


@pytest.mark.parametrize("text", [*HUGE, *citation_inputs.HUGE], ids=lambda text: f"{len(text)}-chars")
def test_citation_tokenizer_survives_huge_input(text: str) -> None:
    invariants.check_citations(text, find_citations(text, "Code du travail", {"LEGITEXT000006070721": {"2"}}))


@settings(CI, max_examples=5)
@given(citation_inputs.huge_legal_text(), citation_inputs.KNOWN_ARTICLES)
def test_citation_tokenizer_survives_huge_legal_text(text: str, known) -> None:
    invariants.check_citations(text, find_citations(text, "Code du travail", known))


def test_a_bug_in_the_citation_grammar_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the fuzz tests above rely on: the tokenizer does not turn a bug into "no citation"."""

    def broken(*_args, **_kwargs):
        raise IndexError("a bug in the grammar")

    monkeypatch.setattr(citations, "_parse_list", broken)
    with pytest.raises(IndexError):
        find_citations("l'article L. 1233-3 du code du travail")


@CI
@given(hostile.hostile_text(huge=False))
def test_french_analysis_never_raises_nor_yields_empty_tokens(text: str) -> None:
    invariants.check_tokens(french.analyze_lemmas(text))
    invariants.check_tokens(french.analyze_surface(text))
    french.expand_query_terms(text)


@pytest.mark.parametrize("text", HUGE, ids=lambda text: f"{len(text)}-chars")
def test_french_analysis_survives_huge_input(text: str) -> None:
    invariants.check_tokens(french.analyze_lemmas(text))


@CI
@given(
    query=hostile.hostile_text(huge=False),
    at=st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))),
    all_versions=st.booleans(),
    code=CODES,
    limit=st.integers(min_value=0, max_value=30),
    offset=st.sampled_from([0, 0, 5, 10_000]),
)
def test_any_query_returns_results_or_a_clear_message(
    service: SearchService, query: str, at, all_versions: bool, code, limit: int, offset: int
) -> None:
    request = SearchRequest(
        query=query, at=at, all_versions=all_versions, code=code, limit=limit, offset=offset
    )
    invariants.check_results(request, service.search(request))


@pytest.mark.parametrize("query", hostile.EXAMPLES, ids=lambda q: repr(q[:20]) + f"-{len(q)}")
def test_each_known_hostile_query_returns_results_or_a_clear_message(
    service: SearchService, query: str
) -> None:
    request = SearchRequest(query=query)
    invariants.check_results(request, service.search(request))


def test_over_long_query_is_truncated_with_a_notice(service: SearchService) -> None:
    results = service.search(SearchRequest(query="licenciement " * 10_000))
    assert results.notices, "a 130k-character query was accepted without a word"


@pytest.mark.parametrize("markup", hostile.MARKUP)
def test_markup_in_a_query_never_reaches_a_snippet_unescaped(service: SearchService, markup: str) -> None:
    request = SearchRequest(query=f"licenciement {markup}")
    results = service.search(request)
    invariants.check_results(request, results)  # snippets: escaped text, only <mark> added
    assert results.hits, "the plain word of the query should still find articles"


@pytest.mark.parametrize("query", ["licenciement", "ne", "L. 1233-3"])
def test_date_before_any_version_finds_nothing_instead_of_dropping_the_filter(
    service: SearchService, query: str
) -> None:
    """Whoosh reads an empty `filter=` set as "no filter": an empty version filter must not widen."""
    request = SearchRequest(query=query, at=date(1810, 8, 9))
    results = service.search(request)
    invariants.check_results(request, results)
    assert results.hits == ()


def test_concurrent_searches_open_no_new_file_descriptors(service: SearchService) -> None:
    """One shared index per process: searching from many threads never opens the index again."""
    requests = [SearchRequest(query=query) for query in ("licenciement", "L. 1233-3", "salaire", "congé")]

    def burst() -> None:
        with ThreadPoolExecutor(max_workers=8) as pool:
            for results in pool.map(service.search, requests * 25):
                assert results.total >= 0

    burst()  # one-time openings (lazily loaded tables, the first searchers)
    # Fill the searcher pool to its bound by holding that many searchers at once: how full it gets
    # otherwise depends on how many searches happened to overlap, which is not what is tested.
    view = service._current_view()
    with contextlib.ExitStack() as held:
        for _ in range(POOL_SIZE):
            held.enter_context(view.searcher())
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(5):
        burst()
    assert len(os.listdir("/proc/self/fd")) <= before

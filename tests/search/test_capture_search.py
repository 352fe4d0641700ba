"""Searching a code whose latest wordings come from a capture merged with its history: the new notion is
found, citations resolve within the code, and date filters show the last wording known in force."""

from __future__ import annotations

from datetime import date

import pytest
from captures import write_capture, write_history

from corpus.capture import Capture
from corpus.dating import later_change_notice
from corpus.ingest import build_store, ingest
from corpus.model import DatePrecision, UncertainDate
from search.service import SearchRequest, SearchService

COMMERCE = "LEGITEXT000005634379"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> SearchService:
    home = tmp_path_factory.mktemp("capture-home")
    history = write_history(home / "sources" / "history")
    tree = write_capture(home / "sources" / "tree")
    store = build_store(home / "corpus.sqlite3", [history], progress=False)
    ingest(store, [tree], progress=False, captured=Capture(date(2023, 3, 1), DatePrecision.MONTH))
    store.close()
    opened = SearchService.open(home, progress=False)
    yield opened
    opened.close()


def _hits(service: SearchService, query: str, at: date) -> list:
    return list(service.search(SearchRequest(query, at=at)).hits)


def test_new_notion_finds_the_captured_articles_using_it_highlighted(service: SearchService):
    hits = {hit.article: hit for hit in _hits(service, "classes de parties affectées", date(2024, 1, 1))}
    assert {"L626-30", "L626-30-2"} <= set(hits)
    for number in ("L626-30", "L626-30-2"):
        assert hits[number].code_id == COMMERCE
        assert "<mark>parties</mark> <mark>affectées</mark>" in hits[number].snippet


def test_citations_of_the_captured_wording_resolve_within_the_code(service: SearchService):
    (hit,) = [
        h for h in _hits(service, "classes de parties affectées", date(2024, 1, 1)) if h.article == "L626-30"
    ]
    targets = {target for _, _, target, _, _ in service.citations_in(hit.version_id)}
    assert f"{COMMERCE}:L225-99" in targets
    cited = service.resolve_citation(f"{COMMERCE}:L225-99", date(2024, 1, 1))
    assert cited is not None and cited.number == "L225-99"


def test_search_at_a_day_in_the_unknown_span_shows_the_older_wording_with_its_uncertain_end(
    service: SearchService,
):
    (hit,) = [
        h for h in _hits(service, "deux comités de créanciers", date(2019, 1, 1)) if h.article == "L626-30"
    ]
    assert hit.valid_from == date(2013, 6, 27)
    assert hit.end_uncertain == UncertainDate(date(2015, 4, 7), DatePrecision.MONTH)
    notice = later_change_notice(hit.valid_to, hit.end_uncertain, date(2019, 1, 1))
    assert notice is not None and "entre le 7 avril 2015 et mars 2023" in notice


def test_search_after_the_capture_shows_the_captured_wording(service: SearchService):
    (hit,) = [h for h in _hits(service, "parties affectées", date(2024, 1, 1)) if h.article == "L626-30"]
    assert hit.valid_from == date(2023, 3, 1) and hit.valid_to is None
    assert hit.start_uncertain == UncertainDate(date(2015, 4, 7), DatePrecision.MONTH)
    # The old words still match an article, but only through the wording in force in 2024.
    old_words = [
        h for h in _hits(service, "deux comités de créanciers", date(2024, 1, 1)) if h.article == "L626-30"
    ]
    assert [h.valid_from for h in old_words] in ([], [date(2023, 3, 1)])

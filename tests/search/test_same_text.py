"""Grouping hits of the same wording (search.same_text): a copy of a better-ranked article's text in
another code is listed under it instead of taking a row; the total still counts it; a similarity of 0 switches it off."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import NamedTuple

import pytest
from written_corpus import served, single_version

from corpus.model import Article, Code
from search import same_text
from search.candidates import Candidate
from search.read_cache import ReadCache
from search.same_text import collapse_same_text, jaccard, shingles
from search.service import SearchRequest, SearchService

MAINLAND = Code("LEGITEXT000000000061", "Code d'essai métropolitain")
ISLAND = Code("LEGITEXT000000000062", "Code d'essai applicable à l'île")
WORDING = (
    "Le gardien du phare tient le registre des passages de navires et le transmet chaque trimestre "
    "à l'autorité maritime compétente."
)
# The island's copy differs by one word at the end: still the same text.
COPY = WORDING.replace("compétente", "territoriale")
OTHER = "Le gardien du phare veille sur la lanterne et signale toute avarie des navires au port voisin."


def _article(code: Code, number: str, text: str) -> Article:
    return single_version(code, f"ESSAI{code.code_id[-2:]}{number}", number, text)


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory):
    codes = [
        (MAINLAND, [_article(MAINLAND, "L1", WORDING), _article(MAINLAND, "L2", OTHER)]),
        (ISLAND, [_article(ISLAND, "L7", COPY)]),
    ]
    with served(tmp_path_factory.mktemp("copied"), codes) as service:
        yield service


def _search(service: SearchService, similarity: float, **request):
    config = replace(service.ranking, same_text_similarity=similarity)
    query = SearchRequest(query="registre des passages de navires", highlight=False, **request)
    return service.search(query, ranking_config=config)


def test_a_copy_in_another_code_is_listed_under_the_hit_it_repeats(copied: SearchService) -> None:
    results = _search(copied, 0.7)
    rows = [(hit.code_id, hit.article) for hit in results.hits]
    assert len(rows) == 2 and (MAINLAND.code_id, "L2") in rows
    (grouped,) = [hit for hit in results.hits if hit.same_text]
    (twin,) = grouped.same_text
    assert {(grouped.code_id, grouped.article), (twin.code_id, twin.article)} == {
        (MAINLAND.code_id, "L1"),
        (ISLAND.code_id, "L7"),
    }
    assert twin.article_url and twin.code in (MAINLAND.title, ISLAND.title)
    # Both copies still count among the articles having every word (L2 lacks some).
    assert results.total == 2 == _search(copied, 0.0).total
    assert any(notice.startswith("Textes identiques regroupés") for notice in results.notices)


def test_every_hit_has_its_row_at_similarity_zero(copied: SearchService) -> None:
    results = _search(copied, 0.0)
    assert len(results.hits) == 3 and not any(hit.same_text for hit in results.hits)
    assert not any(notice.startswith("Textes identiques") for notice in results.notices)


def test_grouping_fills_the_page_from_the_rows_below(copied: SearchService) -> None:
    first = _search(copied, 0.7, limit=1)
    second = _search(copied, 0.7, limit=1, offset=1)
    shown = {(hit.code_id, hit.article) for hit in (*first.hits, *second.hits)}
    assert (MAINLAND.code_id, "L2") in shown and len(shown) == 2


def test_shingles_ignore_case_and_accents_and_tell_texts_apart() -> None:
    assert shingles("Le salarié est informé") == shingles("LE SALARIE EST INFORME")
    assert jaccard(shingles(WORDING), shingles(COPY)) >= 0.7
    assert jaccard(shingles(WORDING), shingles(OTHER)) < 0.2
    assert jaccard(shingles(""), shingles(WORDING)) == 0.0


class _Row(NamedTuple):
    version_id: str


class _View(NamedTuple):
    """What the grouping reads of an index view: each document's version id, and its cache."""

    rows: tuple[_Row, ...] = (_Row("v0"), _Row("v1"), _Row("v2"))
    read_cache: ReadCache = ReadCache(0)


def test_an_article_the_query_cites_is_never_folded() -> None:
    texts = {"v0": (WORDING, []), "v1": (COPY, []), "v2": (OTHER, [])}
    ranked = (Candidate("a:L1", 0, cited_order=0), Candidate("b:L7", 1, cited_order=1), Candidate("a:L2", 2))
    collapsed = collapse_same_text(ranked, 10, _View(), lambda ids: {i: texts[i] for i in ids}, 0.7)
    assert [c.key for c in collapsed.ranked] == ["a:L1", "b:L7", "a:L2"] and not collapsed.folded
    uncited = (Candidate("a:L1", 0), Candidate("b:L7", 1), Candidate("a:L2", 2))
    collapsed = collapse_same_text(uncited, 10, _View(), lambda ids: {i: texts[i] for i in ids}, 0.7)
    assert [c.key for c in collapsed.ranked] == ["a:L1", "a:L2"] and collapsed.folded == {"a:L1": (1,)}


def _pairwise(texts: list[str], wanted: int, similarity: float) -> tuple[list[int], dict[int, list[int]]]:
    """The grouping by its definition: each text against every kept one, best-ranked first."""
    kept: list[int] = []
    folded: dict[int, list[int]] = {}
    for index, text in enumerate(texts):
        if len(kept) >= wanted:
            break
        twin = next((k for k in kept if jaccard(shingles(text), shingles(texts[k])) >= similarity), None)
        if twin is None:
            kept.append(index)
        else:
            folded.setdefault(twin, []).append(index)
    return kept, folded


@pytest.mark.parametrize("indexed_from", [1, 4, 64])
def test_a_long_ranking_groups_as_comparing_every_pair_would(indexed_from: int, monkeypatch) -> None:
    """Past a few kept rows only those sharing a shingle are compared (a deep page has thousands): the
    grouping must be the one of the pairwise definition, copies of several kept rows included."""
    monkeypatch.setattr(same_text, "INDEXED_FROM", indexed_from)
    chooser = random.Random(7)
    words = [
        "salarié",
        "employeur",
        "contrat",
        "préavis",
        "indemnité",
        "rupture",
        "délai",
        "congé",
        "durée",
        "accord",
    ]
    bases = [" ".join(chooser.choice(words) for _ in range(30)) for _ in range(6)]
    texts = []
    for _ in range(80):
        changed = chooser.choice(bases).split()
        for _ in range(chooser.randrange(0, 8)):
            changed[chooser.randrange(len(changed))] = chooser.choice(words)
        texts.append(" ".join(changed))
    ids = {f"v{i}": (text, []) for i, text in enumerate(texts)}

    class View:
        rows = tuple(_Row(f"v{i}") for i in range(len(texts)))
        read_cache = ReadCache()  # the shingles of the first walk serve the next ones

    ranked = tuple(Candidate(f"a:L{i}", i) for i in range(len(texts)))
    for wanted in (5, 30, 80):
        collapsed = collapse_same_text(ranked, wanted, View(), lambda got: {i: ids[i] for i in got}, 0.5)
        kept, folded = _pairwise(texts, wanted, 0.5)
        assert [c.key for c in collapsed.ranked][: len(kept)] == [f"a:L{i}" for i in kept]
        assert collapsed.folded == {f"a:L{k}": tuple(v) for k, v in folded.items()}
        assert folded  # the texts do have copies


def test_the_json_of_a_hit_names_the_articles_of_the_same_text(copied: SearchService) -> None:
    from ui.api.payloads import results_json

    payload = results_json(_search(copied, 0.7), links=True)
    grouped = [hit for hit in payload["hits"] if hit["same_text"]]
    assert len(grouped) == 1
    (same,) = grouped[0]["same_text"]
    assert {"article", "code", "code_id", "version_id", "article_url", "links"} <= set(same)
    assert all(hit["same_text"] == [] for hit in payload["hits"] if hit is not grouped[0])

"""Word pairs (search.word_pairs): of two articles with the same words, the one that has the query's
adjacent words next to each other comes first; a weight of 0 switches it off."""

from __future__ import annotations

from dataclasses import replace

import pytest
from written_corpus import served, served_texts, single_version

from corpus.model import Code
from search.service import SearchRequest, SearchService
from search.word_pairs import has_pair, query_pairs

CODE = Code("LEGITEXT000000000078", "Code d'essai des écluses")
ARTICLES = (
    ("L3302", "Le bassin du canal est vidé chaque automne."),  # "canal" then "bassin" in the query: apart
    ("L3303", "Le canal du bassin est vidé chaque automne."),
)


@pytest.fixture(scope="module")
def locks(tmp_path_factory: pytest.TempPathFactory):
    with served_texts(tmp_path_factory.mktemp("word_pairs"), CODE, "ESSAIECLUSE", ARTICLES) as service:
        yield service


def _order(service: SearchService, query: str, weight: float) -> list[str]:
    # One section: its opening article (L3302) would be raised by the section evidence.
    config = replace(
        service.ranking, word_pair_weight=weight, same_text_similarity=0.0, section_opening_weight=0.0
    )
    request = SearchRequest(query=query, highlight=False)
    return [hit.article for hit in service.search(request, ranking_config=config).hits]


def test_the_article_holding_the_typed_pair_comes_first(locks: SearchService) -> None:
    assert _order(locks, "vider le canal du bassin", 0.0) == ["L3302", "L3303"]  # a tie: key order
    assert _order(locks, "vider le canal du bassin", 0.6) == ["L3303", "L3302"]


@pytest.mark.parametrize(
    ("sequence", "pairs"),
    [
        (("rupture", "conventionnel"), (("rupture", "conventionnel"),)),
        (("solde", "tout", "compte"), (("solde", "tout"), ("tout", "compte"))),
        (("conge", "conge", "paye"), (("conge", "paye"),)),  # a word next to itself is no pair
        (("a", "b", "a", "b"), (("a", "b"), ("b", "a"))),  # each pair once
        (("seul",), ()),
    ],
)
def test_query_pairs_are_the_distinct_adjacent_words(sequence, pairs) -> None:
    assert query_pairs(sequence) == pairs


def test_a_pair_is_found_only_in_its_order() -> None:
    positions = {"canal": [4], "bassin": [5, 9]}
    assert has_pair(positions, ("canal", "bassin"))
    assert not has_pair(positions, ("bassin", "canal"))
    assert not has_pair(positions, ("canal", "ecluse"))


HEADED = (
    # The same body; only the first article's heading names the pair the question types.
    (
        "L3402",
        ("Livre III : Les écluses", "Chapitre I : Vanne de l'écluse"),
        "La vanne est ouverte chaque matin.",
    ),
    (
        "L3401",
        ("Livre III : Les écluses", "Chapitre II : Vanne du quai"),
        "La vanne est ouverte chaque matin.",
    ),
)


@pytest.fixture(scope="module")
def headed(tmp_path_factory: pytest.TempPathFactory):
    articles = []
    for number, path, text in HEADED:
        article = single_version(CODE, f"ESSAIVANNE{number}", number, text)
        articles.append(replace(article, versions=(replace(article.versions[0], section_path=path),)))
    with served(tmp_path_factory.mktemp("heading_pairs"), [(CODE, articles)]) as service:
        yield service


def _headed_order(service: SearchService, query: str, heading_pairs: bool) -> list[str]:
    config = replace(
        service.ranking,
        question_heading_pairs=heading_pairs,
        question_section_factor=0.0,  # the pair alone: a question's own search of the titles left out
        same_text_similarity=0.0,
        section_opening_weight=0.0,
        authority_weight=0.0,
    )
    request = SearchRequest(query=query, highlight=False)
    return [hit.article for hit in service.search(request, ranking_config=config).hits]


def test_a_question_pair_counts_in_the_headings(headed: SearchService) -> None:
    """With a question's search of the section titles off, the pair it names still counts where a
    heading holds it. A query that is no question searches the titles, and is left as it was."""
    question = "comment ouvrir la vanne de l'écluse ?"
    assert _headed_order(headed, question, False) == ["L3401", "L3402"]  # a tie: key order
    assert _headed_order(headed, question, True) == ["L3402", "L3401"]
    assert _headed_order(headed, "vanne ouverte", True) == ["L3401", "L3402"]

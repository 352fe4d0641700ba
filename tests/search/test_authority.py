"""The citation prior (search.authority): of two articles matching a query alike, the one other articles
in force cite comes first with the prior; a weight of 0 switches it off."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from written_corpus import served, single_version

from corpus.model import Article, Code
from search.authority import authority_factor
from search.service import SearchRequest, SearchService

CODE = Code("LEGITEXT000006072050", "Code du travail")  # a code whose citations the parser knows
SAME = "Le gardien du phare tient le registre des passages de navires."
CITING = (
    "Les dispositions de l'article L1111-9 s'appliquent aux balises.",
    "Le préfet contrôle l'application de l'article L1111-9.",
    "Une amende punit la méconnaissance de l'article L1111-9.",
)


def _article(number: str, text: str, until: date | None = None) -> Article:
    return single_version(CODE, f"ESSAIPHARE{number}", number, text, until)


@pytest.fixture(scope="module")
def cited(tmp_path_factory: pytest.TempPathFactory):
    # Not L1111-1: a chapter's opening article is raised by the article prior (search.article_prior).
    articles = [_article("L1111-2", SAME), _article("L1111-9", SAME)]
    articles += [_article(f"L1112-{i + 1}", text) for i, text in enumerate(CITING)]
    with served(tmp_path_factory.mktemp("cited"), [(CODE, articles)]) as service:
        yield service


def _order(
    service: SearchService,
    weight: float,
    at: date | None = None,
    query: str = "registre des passages",
    question_factor: float = 0.0,
) -> list[str]:
    # Two rows; one section, whose opening article (L1111-2) the section evidence would raise.
    config = replace(
        service.ranking,
        authority_weight=weight,
        same_text_similarity=0.0,
        section_opening_weight=0.0,
        question_authority_factor=question_factor,
    )
    request = SearchRequest(query=query, at=at, highlight=False)
    return [hit.article for hit in service.search(request, ranking_config=config).hits]


def test_the_cited_article_comes_first_with_the_prior(cited: SearchService) -> None:
    assert _order(cited, 0.0) == ["L1111-2", "L1111-9"]  # equal text scores: the article key breaks the tie
    assert _order(cited, 0.1) == ["L1111-9", "L1111-2"]


def test_a_question_in_words_weighs_the_prior_by_its_factor(cited: SearchService) -> None:
    """A question asks about a detail: the prior for much-cited articles is scaled by
    question_authority_factor there (0: off), and a short query keeps it whatever the factor."""
    question = "comment tenir le registre des passages"
    assert _order(cited, 0.1, query=question) == ["L1111-2", "L1111-9"]
    assert _order(cited, 0.1, query=question, question_factor=1.0) == ["L1111-9", "L1111-2"]
    assert _order(cited, 0.1, question_factor=0.0) == ["L1111-9", "L1111-2"]


def test_citations_of_versions_not_in_force_do_not_count(cited: SearchService) -> None:
    assert cited.graph_at(date(2005, 1, 1)).citing_count(f"{CODE.code_id}:L1111-9") == 0
    assert cited.graph_at(date(2020, 1, 1)).citing_count(f"{CODE.code_id}:L1111-9") == 3


def test_the_factor_grows_with_the_log_of_citing_articles() -> None:
    assert authority_factor(0, 0.5) == 1.0
    assert authority_factor(10, 0.1) < authority_factor(100, 0.1) < 1.5
    assert authority_factor(1000, 0.0) == 1.0

"""Section evidence (search.sections): a candidate whose section holds other matching articles gains, and
the section's opening article joins the results, raised by its section's evidence; 0 switches both off."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from written_corpus import served

from corpus.model import Article, Code, Status, Version
from search.service import SearchRequest, SearchService

CODE = Code("LEGITEXT000000000077", "Code d'essai des phares")
LIGHTS = ("Livre I : Les phares", "Chapitre II : Entretien des phares")
KEEPERS = ("Livre I : Les phares", "Chapitre III : Les gardiens")
OTHER = ("Livre II : Les ports", "Chapitre IV : Les quais")
ARTICLES = (
    # The chapter on lights: its opening article states the general rule, in more words.
    (
        "L2200",
        LIGHTS,
        "Le présent chapitre fixe les obligations de la commune envers chaque lanterne du port.",
    ),
    ("L2201", LIGHTS, "La lanterne est repeinte chaque printemps."),
    ("L2202", LIGHTS, "La lanterne est nettoyée avant chaque hiver."),
    ("L2203", LIGHTS, "Le registre de la lanterne est tenu à jour."),
    # The same wording, alone in a chapter about something else.
    ("L2301", KEEPERS, "Le gardien est logé près du port."),
    ("L2102", OTHER, "La lanterne est repeinte chaque printemps."),
)


def _article(number: str, path: tuple[str, ...], text: str) -> Article:
    article_id = f"ESSAIPHARE{number}"
    version = Version(
        f"{article_id}V0", article_id, number, text, date(2010, 1, 1), None, Status.IN_FORCE, path
    )
    return Article(article_id, CODE, number, (version,))


@pytest.fixture(scope="module")
def lights(tmp_path_factory: pytest.TempPathFactory):
    with served(tmp_path_factory.mktemp("sections"), [(CODE, [_article(*a) for a in ARTICLES])]) as service:
        yield service


def _order(service: SearchService, query: str, evidence: float, opening: float) -> list[str]:
    config = replace(
        service.ranking,
        section_evidence=evidence,
        section_opening_weight=opening,
        same_text_similarity=0.0,  # the two identical wordings stay two rows
        authority_weight=0.0,
        article_prior=False,
        opening_words_weight=0.0,  # where "lanterne" stands in each text is not what is tested
    )
    request = SearchRequest(query=query, highlight=False)
    return [hit.article for hit in service.search(request, ranking_config=config).hits]


def test_an_article_among_matching_neighbours_outranks_its_lone_twin(lights: SearchService) -> None:
    # Same text, same score: the article key breaks the tie without the evidence.
    assert _order(lights, "lanterne repeinte", 0.0, 0.0)[:2] == ["L2102", "L2201"]
    assert _order(lights, "lanterne repeinte", 0.5, 0.0)[:2] == ["L2201", "L2102"]


def test_the_opening_article_of_a_matching_section_is_raised(lights: SearchService) -> None:
    assert _order(lights, "lanterne", 0.0, 0.0)[-1] == "L2200"  # the longest text that says it once
    assert _order(lights, "lanterne", 0.0, 0.5)[0] == "L2200"


def test_an_opening_article_that_matches_nothing_is_not_added(lights: SearchService) -> None:
    assert "L2301" not in _order(lights, "lanterne", 0.5, 0.5)


def test_evidence_is_off_with_all_versions(lights: SearchService) -> None:
    config = replace(lights.ranking, section_evidence=0.0, section_opening_weight=0.5, article_prior=False)
    request = SearchRequest(query="lanterne", all_versions=True, highlight=False)
    hits = lights.search(request, ranking_config=config).hits
    assert hits[-1].article == "L2200"

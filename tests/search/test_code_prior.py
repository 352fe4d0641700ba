"""The code prior (search.code_prior): a query worded in one code's vocabulary ranks that code's article
above an equally matching article of another code; with one code it changes nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from written_corpus import scored_hits, served, single_version

from corpus.model import Article, Code
from search.code_prior import code_log_prior
from search.service import SearchRequest, SearchService

FARMING = Code("LEGITEXT000000000051", "Code d'essai rural")
WORK = Code("LEGITEXT000000000052", "Code d'essai du travail")
# Both codes hold this wording word for word: BM25 alone cannot tell the two articles apart.
SHARED = "Le troupeau et le salarié figurent au registre tenu en mairie."
FARMING_TEXTS = (
    "Le troupeau est déclaré chaque année avec le nombre de bêtes.",
    "Le troupeau transhumant est conduit vers les pâturages d'été.",
    "Le berger veille sur le troupeau pendant la saison.",
    "Tout troupeau porte la marque de son éleveur.",
)
WORK_TEXTS = (
    "Le salarié reçoit chaque mois un bulletin de paie.",
    "Le salarié bénéficie de congés payés chaque année.",
    "Le contrat du salarié précise sa qualification.",
    "Le salarié peut consulter son dossier personnel.",
)


def _article(code: Code, ordinal: int, text: str) -> Article:
    return single_version(code, f"ESSAI{code.code_id[-2:]}ART{ordinal:04d}", f"L{ordinal}", text)


@pytest.fixture(scope="module")
def two_codes(tmp_path_factory: pytest.TempPathFactory):
    codes = [
        (code, [_article(code, i + 1, text) for i, text in enumerate((SHARED, *texts))])
        for code, texts in ((FARMING, FARMING_TEXTS), (WORK, WORK_TEXTS))
    ]
    with served(tmp_path_factory.mktemp("two_codes"), codes) as service:
        yield service


def _shared_order(service: SearchService, query: str, weight: float) -> list[str]:
    """The codes of the two articles holding SHARED, in the order the query ranks them (the prior alone:
    code selection and the section evidence, which also tell them apart — here each code is one section —
    off)."""
    config = replace(
        service.ranking,
        code_prior_weight=weight,
        code_selection_weight=0.0,
        section_evidence=0.0,
        section_opening_weight=0.0,
    )
    hits = service.search(SearchRequest(query=query, limit=20, highlight=False), ranking_config=config).hits
    return [hit.code_id for hit in hits if hit.article == "L1"]


@pytest.mark.parametrize(("query", "code"), [("salarié registre", WORK), ("troupeau registre", FARMING)])
def test_the_code_whose_vocabulary_the_query_speaks_ranks_first(
    two_codes: SearchService, query: str, code: Code
) -> None:
    assert _shared_order(two_codes, query, 1.0)[0] == code.code_id


def test_without_the_weight_the_two_articles_tie_on_text_alone(two_codes: SearchService) -> None:
    # The same order for both queries: only the prior can tell them apart.
    assert _shared_order(two_codes, "salarié registre", 0.0) == _shared_order(
        two_codes, "troupeau registre", 0.0
    )


def test_with_one_code_the_prior_changes_nothing(written_service: SearchService) -> None:
    view = written_service._current_view()
    with view.engine() as engine:
        assert code_log_prior(engine, view, ("salarie", "contrat")) is None
    for query in ("indemnité de fin de contrat", "gestes répétés"):
        plain = scored_hits(written_service, query, code_prior_weight=0.0)
        assert plain and plain == scored_hits(written_service, query, code_prior_weight=2.0)

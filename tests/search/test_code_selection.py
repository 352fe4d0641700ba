"""Code selection (search.code_selection): when a query's best matches concentrate in one code, an
article of another code that happens to match it densely no longer ranks first; an article whose wording
the query quotes keeps its rank; with one code, a code filter, a code named in the query or over all
versions nothing changes."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from written_corpus import scored_hits, served, single_version

from corpus.model import Article, Code
from search.code_selection import SHARE_FLOOR, selection_factors
from search.service import SearchRequest, SearchService

WORK = Code("LEGITEXT000000000061", "Code d'essai du travail")
ROADS = Code("LEGITEXT000000000062", "Code d'essai de la voirie")
# The query's words spread over many articles of one code...
WORK_TEXTS = (
    "Le salarié qui présente sa démission par écrit respecte le préavis fixé par la convention collective "
    "de la branche dont relève son entreprise.",
    "La démission du salarié résulte d'une volonté claire et non équivoque ; le préavis court à compter du "
    "jour où l'employeur en reçoit la notification écrite.",
    "Pendant le préavis de démission, le salarié peut s'absenter deux heures par jour pour rechercher un "
    "emploi, selon les usages écrits de la profession.",
    "L'employeur peut dispenser le salarié d'exécuter son préavis de démission par une décision écrite ; il "
    "lui verse alors l'indemnité compensatrice correspondant au salaire qu'il aurait perçu.",
    "La durée du préavis de démission est fixée par la loi, la convention ou l'accord collectif écrit de "
    "travail, ou à défaut par les usages pratiqués dans la localité.",
    "Le salarié en congé parental qui présente sa démission par écrit n'est pas tenu d'exécuter un préavis.",
    "Le salarié protégé peut donner sa démission ; l'inspecteur du travail en est informé par écrit avant "
    "le terme du préavis.",
    "La démission donnée pendant la période d'essai n'ouvre pas de préavis ; elle est confirmée par écrit.",
    "Le salarié reçoit chaque mois un bulletin de paie remis par l'employeur.",
)
# ... and two short articles of another code holding them densely: BM25 ranks those first.
ROAD_TEXTS = (
    "Démission du cantonnier : préavis.",
    "Le gardien remet sa démission avec un préavis écrit d'un mois.",
    "Le cantonnier entretient les fossés et les accotements de la route communale.",
    "Le gardien ferme la barrière du chemin rural pendant la nuit.",
)
QUOTED = "démission préavis écrit"  # ROADS L2's words, side by side


def _articles(code: Code, texts: tuple[str, ...]) -> list[Article]:
    prefix = f"ESSAI{code.code_id[-2:]}ART"
    return [single_version(code, f"{prefix}{i:04d}", f"L{i}", text) for i, text in enumerate(texts, 1)]


@pytest.fixture(scope="module")
def two_codes(tmp_path_factory: pytest.TempPathFactory):
    codes = [(WORK, _articles(WORK, WORK_TEXTS)), (ROADS, _articles(ROADS, ROAD_TEXTS))]
    with served(tmp_path_factory.mktemp("code_selection"), codes) as service:
        yield service


def _hits(service: SearchService, weight: float, quote_words: int = 3, **request) -> list[tuple[str, str]]:
    """(code id, number) of each hit, best first, with code selection at `weight`."""
    # The section evidence off (search.sections): each code is one section here, so it too lifts the code
    # where the matches concentrate, and its opening article.
    config = replace(
        service.ranking,
        code_selection_weight=weight,
        code_selection_quote_words=quote_words,
        section_evidence=0.0,
        section_opening_weight=0.0,
    )
    request = {"limit": 20, "highlight": False, **request}
    return [
        (hit.code_id, hit.article)
        for hit in service.search(SearchRequest(**request), ranking_config=config).hits
    ]


def test_the_code_where_the_best_matches_concentrate_ranks_first(two_codes: SearchService) -> None:
    # On text alone, the short article of the other code wins.
    assert _hits(two_codes, 0.0, query="démission préavis")[0] == (ROADS.code_id, "L1")
    selected = _hits(two_codes, 0.4, query="démission préavis")
    assert selected[0][0] == WORK.code_id
    assert {(ROADS.code_id, "L1"), (ROADS.code_id, "L2")} <= set(selected)  # lowered, never dropped


def test_an_article_whose_wording_the_query_quotes_keeps_its_rank(two_codes: SearchService) -> None:
    assert _hits(two_codes, 0.0, query=QUOTED)[0] == (ROADS.code_id, "L2")
    assert _hits(two_codes, 0.4, query=QUOTED)[0] == (ROADS.code_id, "L2")
    # Without the quotation reading, the same article gives way to the code of the best matches.
    assert _hits(two_codes, 0.4, quote_words=0, query=QUOTED)[0][0] == WORK.code_id


@pytest.mark.parametrize(
    "request_fields",
    [
        {"query": "démission préavis", "code": ROADS.code_id},  # a code filter: one code in scope
        {"query": "démission préavis code de commerce"},  # a code named in the query
        {"query": "démission préavis", "all_versions": True},  # a past wording, wherever it sits
    ],
)
def test_selection_changes_nothing_when_the_user_chose_the_code_or_the_wording(
    two_codes: SearchService, request_fields: dict
) -> None:
    assert _hits(two_codes, 0.4, **request_fields) == _hits(two_codes, 0.0, **request_fields)


def test_with_one_code_selection_changes_nothing(written_service: SearchService) -> None:
    for query in ("indemnité de fin de contrat", "gestes répétés"):
        plain = scored_hits(written_service, query, code_selection_weight=0.0)
        assert plain and plain == scored_hits(written_service, query, code_selection_weight=1.0)


@pytest.mark.parametrize(
    ("shares", "weight", "expected"),
    [
        ([0.6, 0.3, 0.1], 1.0, [1.0, 0.5, 1 / 6]),  # relative to the best code, which keeps 1
        ([0.25, 0.5, 0.25], 0.5, [0.5**0.5, 1.0, 0.5**0.5]),
        ([0.9, 0.1, 0.0], 1.0, [1.0, 1 / 9, SHARE_FLOOR]),  # a code with no best match: floored
        ([0.9, 0.1, 0.0], 0.0, [1.0, 1.0, 1.0]),
    ],
)
def test_selection_factors(shares: list[float], weight: float, expected: list[float]) -> None:
    assert selection_factors(np.array(shares), weight) == pytest.approx(expected)

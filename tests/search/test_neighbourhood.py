"""An article's section and chapter in the semantic re-rank (search.neighbourhood): the paths, the
centroids, their part in the re-rank, and their wiring through the service."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import numpy as np
import pytest
from written_corpus import served

from analyzers.embedding import DIMENSIONS
from corpus.model import Article, Code, Status, Version
from corpus.store import Store
from indexer.passage_vectors import update_vectors
from search.candidates import Candidate
from search.neighbourhood import Neighbourhoods, chapter_path
from search.ranking import RankingConfig
from search.semantic import PassageVectors, with_semantic
from search.service import SearchRequest

PART = "Partie législative"
CHAPTER_ONE = "Chapitre Ier : Dispositions générales"
CHAPTER_TWO = "Chapitre II : Autres dispositions"


def _unit(*weights: float) -> np.ndarray:
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


def test_the_chapter_is_the_path_down_to_its_last_chapter_heading() -> None:
    path = (PART, "Livre Ier", "Titre II", CHAPTER_ONE, "Section 1 : Champ", "Sous-section 2 : Durée")
    assert chapter_path(path) == path[:4]
    assert chapter_path(path[:4]) == path[:4]


def test_without_a_chapter_the_parent_heading_stands_for_it() -> None:
    assert chapter_path(("Livre Ier", "Titre préliminaire")) == ("Livre Ier",)
    assert chapter_path(("Titre unique",)) == ("Titre unique",)


def test_centroids_are_the_unit_means_of_their_members() -> None:
    vectors = np.vstack([_unit(1, 0), _unit(0, 1), _unit(0, 0, 1)])
    section_a, section_b = (PART, CHAPTER_ONE, "Section 1"), (PART, CHAPTER_ONE, "Section 2")
    rows = [("V0", section_a), ("V1", section_a), ("V2", section_b), ("OLD", section_b)]
    built = Neighbourhoods.build(vectors, {"V0": 0, "V1": 1, "V2": 2}, rows)
    query = _unit(1, 0)
    section_cosines = built.cosines(query, [section_a, section_b], 1.0, 0.0)
    assert section_cosines == pytest.approx([1 / np.sqrt(2), 0.0], abs=1e-6)
    # The chapter holds all three: its mean is (1, 1, 1) / 3, unit (1, 1, 1) / √3.
    chapter_cosines = built.cosines(query, [section_a], 0.0, 1.0)
    assert chapter_cosines == pytest.approx([1 / np.sqrt(3)], abs=1e-6)
    assert built.cosines(query, [section_a], 0.0, 0.0) == pytest.approx([0.0])


def test_a_section_without_vectors_counts_the_mean_of_the_others() -> None:
    vectors = np.vstack([_unit(1, 0), _unit(0, 1)])
    first, second = (PART, CHAPTER_ONE, "Section 1"), (PART, CHAPTER_TWO, "Section 1")
    built = Neighbourhoods.build(vectors, {"V0": 0, "V1": 1}, [("V0", first), ("V1", second)])
    unknown = (PART, "Chapitre III : Nouveau", "Section 1")
    cosines = built.cosines(_unit(1, 0), [first, second, unknown], 1.0, 0.0)
    assert cosines == pytest.approx([1.0, 0.0, 0.5], abs=1e-6)


def test_a_candidate_whose_section_is_about_the_query_rises_in_the_rerank() -> None:
    # Two candidates whose own passages are equally far from the query; the second's section holds an
    # article about it (V2, not a candidate).
    first, second = (PART, CHAPTER_ONE, "Section 1"), (PART, CHAPTER_TWO, "Section 1")
    paths = {"V0": first, "V1": second, "V2": second}
    vectors = PassageVectors(np.vstack([_unit(0, 1), _unit(0, 1), _unit(1, 0)]), {"V0": 0, "V1": 1, "V2": 2})
    built = Neighbourhoods.build(vectors.matrix, vectors.row, paths.items())
    view = SimpleNamespace(rows=[SimpleNamespace(version_id=key, section_path=paths[key]) for key in paths])
    ranked = tuple(Candidate(f"LEGITEXT:L{rank}", rank, score=10.0 - rank) for rank in range(2))
    config = RankingConfig(semantic_depth=50)
    alone = with_semantic(ranked, _unit(1, 0), vectors, view, 1.0, config, neighbourhoods=built)
    assert [c.key for c in alone] == ["LEGITEXT:L0", "LEGITEXT:L1"]
    helped = with_semantic(ranked, _unit(1, 0), vectors, view, 1.0, config, neighbourhoods=built, section=0.5)
    assert [c.key for c in helped] == ["LEGITEXT:L1", "LEGITEXT:L0"]
    assert [c.score for c in helped] == [c.score for c in ranked]


class _Topics:
    """A stand-in model: a passage is about a birth when its text says « bébé »; a query's vector is
    fixed (about a birth)."""

    def passages(self, texts):
        return np.vstack([_unit(1, 0) if "bébé" in text else _unit(0, 1) for text in texts])

    def query(self, text: str) -> np.ndarray:
        return _unit(1, 0)


CODE = Code("LEGITEXT000000000077", "Code d'essai des voisinages")
TEXTS = (
    # Chapter one: a birth (L1), and a rule on informing the employer (L2).
    ("L1", CHAPTER_ONE, "La mère du bébé bénéficie d'un repos."),
    ("L2", CHAPTER_ONE, "Le salarié informe l'employeur de la date."),
    # Chapter two: the same words said twice, so that lexically L3 comes first.
    ("L3", CHAPTER_TWO, "Le salarié informe l'employeur. Le salarié informe l'employeur du report."),
)


def _article(number: str, chapter: str, text: str) -> Article:
    article_id = f"VOISIN{number}"
    version = Version(
        f"{article_id}V0", article_id, number, text, date(2010, 1, 1), None, Status.IN_FORCE, (PART, chapter)
    )
    return Article(article_id, CODE, number, (version,))


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("neighbourhood")
    with served(home, [(CODE, [_article(*row) for row in TEXTS])]) as service:
        with Store.open(home / "corpus.sqlite3") as store:
            assert update_vectors(store, home, encoder=_Topics(), progress=False).articles == 3
        service._semantic._encoder = _Topics()
        yield service


def _order(service, query: str, **settings: object) -> list[str]:
    config = replace(service.ranking, semantic_lead=0.0, **settings)
    results = service.search(SearchRequest(query=query, highlight=False), ranking_config=config)
    return [hit.article for hit in results.hits]


def test_a_short_query_prefers_the_article_whose_chapter_is_about_it(service) -> None:
    without = {"semantic_section_weight": 0.0, "semantic_chapter_weight": 0.0}
    assert _order(service, "salarié informe employeur", **without)[:2] == ["L3", "L2"]
    assert _order(service, "salarié informe employeur")[:2] == ["L2", "L3"]


def test_a_question_counts_the_neighbourhood_only_with_its_factor(service) -> None:
    question = "Quand le salarié informe-t-il l'employeur ?"
    assert _order(service, question, question_neighbourhood_factor=0.0)[:2] == ["L3", "L2"]
    assert _order(service, question, question_neighbourhood_factor=1.0)[:2] == ["L2", "L3"]


def test_the_centroids_are_made_once_per_vectors_file_and_index(service) -> None:
    encoding = service._semantic
    vectors, view = encoding.vectors(), service._current_view()
    assert encoding.neighbourhoods(vectors, view) is encoding.neighbourhoods(vectors, view)


def test_a_new_index_generation_gets_its_own_centroids(tmp_path) -> None:
    from search.semantic import QueryEncoding

    encoding = QueryEncoding(tmp_path / "passages.npz")
    vectors = PassageVectors(np.vstack([_unit(1, 0), _unit(0, 1)]), {"V0": 0, "V1": 1})
    section = (PART, CHAPTER_ONE, "Section 1")

    def view(target: str, version_id: str) -> SimpleNamespace:
        return SimpleNamespace(
            target=target, rows=[SimpleNamespace(version_id=version_id, section_path=section)]
        )

    first = encoding.neighbourhoods(vectors, view("g1", "V0"))
    assert encoding.neighbourhoods(vectors, view("g1", "V0")) is first
    second = encoding.neighbourhoods(vectors, view("g2", "V1"))
    assert second is not first
    assert second.cosines(_unit(0, 1), [section], 1.0, 0.0) == pytest.approx([1.0])
    encoding.close()

"""The semantic re-rank of questions and short queries: the stage itself, and its wiring through the
service."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from written_corpus import served, single_version

from analyzers.embedding import DIMENSIONS
from analyzers.expansion import Alternative, QueryExpansion
from analyzers.synonyms import ABBREVIATIONS
from corpus.model import Code
from corpus.store import Store
from indexer.passage_vectors import update_vectors
from search.candidates import Candidate
from search.ranking import RankingConfig
from search.semantic import (
    LONG_QUESTION_WORDS,
    SWITCH_INTERVAL,
    PassageVectors,
    QueryEncoding,
    encoded_text,
    in_code_words,
    semantic_weight,
    with_semantic,
)
from search.service import SearchRequest

CONFIG = RankingConfig(semantic_question_weight=1.5, semantic_weight=0.0, semantic_depth=50)


def _unit(index: int) -> np.ndarray:
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    vector[index] = 1.0
    return vector


def _ranked(count: int, cited: int | None = None) -> tuple[Candidate, ...]:
    return tuple(
        Candidate(f"LEGITEXT:L{rank}", rank, score=10.0 - rank, cited_order=0 if rank == cited else None)
        for rank in range(count)
    )


def _view(count: int) -> SimpleNamespace:
    return SimpleNamespace(rows=[SimpleNamespace(version_id=f"V{docnum}") for docnum in range(count)])


def _vectors(rows: dict[str, np.ndarray]) -> PassageVectors:
    return PassageVectors(np.vstack(list(rows.values())), {key: i for i, key in enumerate(rows)})


def test_the_closest_candidate_rises_and_scores_stay_in_order() -> None:
    vectors = _vectors({"V0": _unit(1), "V1": _unit(1), "V2": _unit(0)})
    ranked = with_semantic(_ranked(3), _unit(0), vectors, _view(3), 1.5, CONFIG)
    assert [c.key for c in ranked] == ["LEGITEXT:L2", "LEGITEXT:L0", "LEGITEXT:L1"]
    assert [c.score for c in ranked] == [10.0, 9.0, 8.0]


def test_a_first_candidate_that_leads_by_its_score_keeps_its_place() -> None:
    vectors = _vectors({"V0": _unit(1), "V1": _unit(1), "V2": _unit(0)})
    # _ranked's scores are 10, 9, 8: the first leads the second by 1.11 times.
    kept = with_semantic(_ranked(3), _unit(0), vectors, _view(3), 1.5, CONFIG, lead=1.1)
    assert [c.key for c in kept] == ["LEGITEXT:L0", "LEGITEXT:L2", "LEGITEXT:L1"]
    assert [c.score for c in kept] == [10.0, 9.0, 8.0]
    moved = with_semantic(_ranked(3), _unit(0), vectors, _view(3), 1.5, CONFIG, lead=1.2)
    assert [c.key for c in moved] == ["LEGITEXT:L2", "LEGITEXT:L0", "LEGITEXT:L1"]


def test_a_small_weight_keeps_the_lexical_order() -> None:
    vectors = _vectors({"V0": _unit(1), "V1": _unit(1), "V2": _unit(0)})
    ranked = with_semantic(_ranked(3), _unit(0), vectors, _view(3), 0.005, CONFIG)
    assert [c.key for c in ranked] == ["LEGITEXT:L0", "LEGITEXT:L1", "LEGITEXT:L2"]


def test_a_cited_article_keeps_its_place() -> None:
    vectors = _vectors({"V0": _unit(1), "V1": _unit(1), "V2": _unit(0)})
    ranked = with_semantic(_ranked(3, cited=0), _unit(0), vectors, _view(3), 1.5, CONFIG)
    assert [c.key for c in ranked] == ["LEGITEXT:L0", "LEGITEXT:L2", "LEGITEXT:L1"]


def test_only_the_first_candidates_move() -> None:
    vectors = _vectors({f"V{i}": _unit(1) for i in range(5)} | {"V4": _unit(0)})
    ranked = with_semantic(_ranked(5), _unit(0), vectors, _view(5), 1.5, replace(CONFIG, semantic_depth=3))
    assert [c.key for c in ranked] == [f"LEGITEXT:L{i}" for i in range(5)]


def test_a_candidate_without_vector_counts_the_mean() -> None:
    vectors = _vectors({"V0": _unit(0), "V2": _unit(1)})
    assert vectors.cosines(_unit(0), ["V0", "V1", "V2"]).tolist() == pytest.approx([1.0, 0.5, 0.0])


def test_the_weight_depends_on_the_kind_of_query() -> None:
    config = RankingConfig(semantic_question_weight=1.5, semantic_weight=0.2)
    assert semantic_weight(True, config) == 1.5
    assert semantic_weight(False, config) == 0.2
    assert semantic_weight(True, replace(config, semantic=False)) == 0.0


class _Topics:
    """A stand-in model: a passage's vector says whether it speaks of a birth; a query's is fixed."""

    def __init__(self, query: np.ndarray) -> None:
        self.query_vector = query

    def passages(self, texts):
        return np.vstack([_unit(0) if "naissance" in text else _unit(1) for text in texts])

    def query(self, text: str) -> np.ndarray:
        return self.query_vector


CODE = Code("LEGITEXT000000000001", "Code d'essai")
ARTICLES = [
    single_version(CODE, "A1", "L1", "Le congé du salarié est pris en été. Le congé du salarié est payé."),
    single_version(CODE, "A2", "L2", "Le congé du salarié peut être reporté."),
    single_version(CODE, "A3", "L3", "Le salarié bénéficie d'un congé à la naissance de son enfant."),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("semantic")
    with served(home, [(CODE, ARTICLES)]) as service:
        with Store.open(home / "corpus.sqlite3") as store:
            report = update_vectors(store, home, encoder=_Topics(_unit(0)), progress=False)
        assert report.articles == 3
        service._semantic._encoder = _Topics(_unit(0))
        yield service


def _order(service, query: str, **settings: object) -> list[str]:
    config = replace(service.ranking, **settings)
    results = service.search(SearchRequest(query=query, highlight=False), ranking_config=config)
    return [hit.article for hit in results.hits]


def test_a_question_is_reranked_by_meaning(service) -> None:
    question = "Quel congé pour le salarié ?"
    assert _order(service, question, semantic=False)[0] != "L3"
    assert _order(service, question)[0] == "L3"


def test_a_short_query_is_reranked_by_meaning_unless_its_weight_is_zero(service) -> None:
    lexical = _order(service, "congé salarié", semantic=False)
    assert lexical[0] != "L3"
    assert _order(service, "congé salarié", semantic_weight=0.0) == lexical
    assert _order(service, "congé salarié", semantic_lead=0.0)[0] == "L3"


class _Recording(_Topics):
    def __init__(self, query: np.ndarray) -> None:
        super().__init__(query)
        self.texts: list[str] = []

    def query(self, text: str) -> np.ndarray:
        self.texts.append(text)
        return self.query_vector


def test_a_short_query_is_encoded_in_the_codes_words_a_question_as_typed(service) -> None:
    recording = _Recording(_unit(0))
    kept = service._semantic._encoder
    service._semantic._encoder = recording
    try:
        service._semantic.recent.clear()
        _order(service, "CDD salarié")
        _order(service, "Quel CDD pour le salarié ?")
    finally:
        service._semantic._encoder = kept
    assert recording.texts == [
        encoded_text(f"{ABBREVIATIONS['CDD'][0]} salarié"),
        encoded_text("Quel CDD pour le salarié ?"),
    ]


def test_in_code_words_replaces_each_known_span_by_its_first_wording() -> None:
    text = "chômage partiel et arrêt maladie en août"
    expansions = (
        QueryExpansion(
            "chômage partiel", 0, 15, ("chomage", "partiel"), (Alternative("activité partielle", (), ()),)
        ),
        QueryExpansion(
            "arrêt maladie",
            19,
            32,
            ("arret", "maladie"),
            (Alternative("arrêt de travail", (), ()), Alternative("x", (), ())),
        ),
    )
    assert in_code_words(text, expansions) == "activité partielle et arrêt de travail en août"
    assert in_code_words(text, ()) == text


def test_without_vectors_file_the_search_is_lexical(tmp_path: Path) -> None:
    with served(tmp_path, [(CODE, ARTICLES)]) as bare:
        question = "Quel congé pour le salarié ?"
        assert _order(bare, question) == _order(bare, question, semantic=False)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("L'employeur a-t-il le droit ?", "l'employeur a t il le droit ?"),
        ("mon employeur peut-il  réduire", "mon employeur peut il réduire"),
        ("Puis-je partir", "puis je partir"),
        ("L. 1234-5", "l. 1234-5"),  # an article number keeps its hyphen
    ],
)
def test_one_question_typed_two_ways_is_encoded_once(typed: str, read: str) -> None:
    assert encoded_text(typed) == read


def test_a_query_typed_with_or_without_accents_is_encoded_as_the_code_spells_it() -> None:
    assert (
        encoded_text("Délégué syndical élu") == encoded_text("delegue syndical elu") == "délégué syndical élu"
    )
    assert encoded_text("délai à respecter") == encoded_text("delai a respecter") == "délai a respecter"


def test_a_long_question_is_encoded_without_its_stop_words_but_with_its_negations() -> None:
    long = "Le salarié qui ne reprend pas son poste à la fin de son congé a-t-il droit à une indemnité ?"
    assert len(long.split()) > LONG_QUESTION_WORDS
    assert encoded_text(long) == "salarié ne reprend pas poste fin congé droit une indemnité ?"
    short = "le salarié a-t-il droit à une indemnité ?"
    assert encoded_text(short) == "le salarié a t il droit a une indemnité ?"  # stop words folded


def test_a_home_that_cannot_be_written_still_serves(search_home: Path, monkeypatch, capsys) -> None:
    from search import service as service_module

    def read_only(store, home):
        raise PermissionError(13, "Permission denied", str(home / "vectors"))

    monkeypatch.setattr(service_module, "seed_vectors", read_only)
    opened = service_module.SearchService.open(search_home, progress=False)
    try:
        assert opened.search(SearchRequest(query="congé de maternité", highlight=False)).hits
    finally:
        opened.close()
    assert "vecteurs non copiés" in capsys.readouterr().err


class _Counting:
    """An encoder that counts its calls and fails the first `failures` of them."""

    def __init__(self, failures: int = 0) -> None:
        self.calls, self.failures = 0, failures

    def query(self, text: str) -> np.ndarray:
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError("modèle indisponible")
        return _unit(sum(map(ord, text)) % DIMENSIONS)


def test_a_question_asked_again_is_not_encoded_again(tmp_path: Path) -> None:
    encoding = QueryEncoding(tmp_path / "passages.npz")
    encoding._encoder = _Counting()
    try:
        first = encoding.query_vector(encoding.encode("puis je partir"))
        again = encoding.query_vector(encoding.encode("puis je partir"))
        other = encoding.query_vector(encoding.encode("puis je rester"))
    finally:
        encoding.close()
    assert encoding._encoder.calls == 2
    assert np.array_equal(first, again) and not np.array_equal(first, other)


def test_a_failed_encoding_is_tried_again(tmp_path: Path, capsys) -> None:
    encoding = QueryEncoding(tmp_path / "passages.npz")
    encoding._encoder = _Counting(failures=1)
    try:
        assert encoding.query_vector(encoding.encode("puis je partir")) is None
        assert encoding.query_vector(encoding.encode("puis je partir")) is not None
    finally:
        encoding.close()
    assert encoding._encoder.calls == 2
    assert "re-rank sémantique désactivé" in capsys.readouterr().err


@pytest.mark.parametrize("before", [0.005, 0.0002])
def test_the_encoders_thread_waits_at_most_the_switch_interval(tmp_path: Path, before: float) -> None:
    """The interpreter is handed to the encoder's thread within SWITCH_INTERVAL, never later than it was."""
    saved = sys.getswitchinterval()
    sys.setswitchinterval(before)
    try:
        QueryEncoding(tmp_path / "passages.npz").close()
        assert sys.getswitchinterval() == pytest.approx(min(before, SWITCH_INTERVAL))
    finally:
        sys.setswitchinterval(saved)

"""The retrieval engine interface (search.engine): the Whoosh engine provides it, and its answers mean
what the interface says, on the written corpus (tests/search/written_corpus.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from indexer.location import current_directory
from search.engine import Engine
from search.index_view import IndexView
from search.matching import analyze_query
from search.query import parse_query
from search.ranking import RankingConfig


@pytest.fixture(scope="module")
def view(written_home: Path):
    opened = IndexView(current_directory(written_home / "index"), "")
    yield opened
    opened.close()


def _docs(view: IndexView, number: str) -> list[int]:
    return [docnum for docnum, row in enumerate(view.rows) if row.number == number]


def test_whoosh_engine_is_an_engine(view: IndexView) -> None:
    with view.engine() as engine:
        assert isinstance(engine, Engine)


def test_retrieve_matches_only_allowed_documents(view: IndexView) -> None:
    allowed = np.zeros(len(view.rows), dtype=bool)
    allowed[_docs(view, "L10-2")] = True
    with view.engine() as engine:
        everywhere = engine.retrieve(
            analyze_query(parse_query("gestes")), ~allowed | allowed, RankingConfig()
        )
        retrieved = engine.retrieve(analyze_query(parse_query("gestes")), allowed, RankingConfig())
    assert set(np.flatnonzero(everywhere.matched)) == {*_docs(view, "L10-1"), *_docs(view, "L10-2")}
    assert set(np.flatnonzero(retrieved.matched)) == set(_docs(view, "L10-2"))
    assert (retrieved.scores[~retrieved.matched] == 0).all()
    assert list(retrieved.top(5)) == _docs(view, "L10-2")


def test_quoted_phrase_is_required_and_excluded_words_remove(view: IndexView) -> None:
    allowed = np.ones(len(view.rows), dtype=bool)
    with view.engine() as engine:
        phrase = engine.retrieve(
            analyze_query(parse_query('"blessante ou humiliante"')), allowed, RankingConfig()
        )
        excluded = engine.retrieve(analyze_query(parse_query("gestes -registre")), allowed, RankingConfig())
    assert set(np.flatnonzero(phrase.matched)) == {_docs(view, "L10-1")[1]}
    assert set(np.flatnonzero(excluded.matched)) == set(_docs(view, "L10-1"))


def test_positions_are_those_of_the_lemma_stream(view: IndexView) -> None:
    old, new = _docs(view, "L10-1")
    (blessante, repetes) = analyze_query(parse_query("blessante répétés")).lemmas
    with view.engine() as engine:
        found = engine.positions((blessante, repetes, "absentdelindex"), {old, new})
    # "… tonalité blessante répétés …" then "… tonalité blessante ou humiliante répétés …"
    assert found[old][repetes][0] - found[old][blessante][0] == 1
    assert found[new][repetes][0] - found[new][blessante][0] > 1
    assert "absentdelindex" not in found[old]

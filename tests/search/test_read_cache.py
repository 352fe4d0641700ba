"""What a view remembers of its postings across requests (search.read_cache): bounded, least recently
used out first, and the engine's answers from it are the answers read from the index."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from search.index_view import IndexView
from search.matching import analyze_query
from search.query import parse_query
from search.ranking import RankingConfig
from search.read_cache import ENTRY_OVERHEAD, ReadCache, nbytes
from search.results import SearchRequest
from search.retrieval import WhooshEngine
from search.service import SearchService


def _reader(calls: list[str], name: str, size: int = 10):
    def read() -> np.ndarray:
        calls.append(name)
        return np.arange(size, dtype=np.int64)

    return read


def test_a_value_is_read_once_then_remembered() -> None:
    cache, calls = ReadCache(), []
    first = cache.get("a", _reader(calls, "a"))
    again = cache.get("a", _reader(calls, "a"))
    assert calls == ["a"] and again is first
    assert (cache.hits, cache.misses) == (1, 1)


def test_a_cleared_cache_reads_again() -> None:
    cache, calls = ReadCache(), []
    cache.get("a", _reader(calls, "a"))
    cache.clear()
    cache.get("a", _reader(calls, "a"))
    assert calls == ["a", "a"] and len(cache) == 1 and cache.size == nbytes(np.arange(10)) + ENTRY_OVERHEAD


def test_the_least_recently_used_goes_first_past_the_budget() -> None:
    entry = nbytes(np.arange(10, dtype=np.int64)) + ENTRY_OVERHEAD
    cache, calls = ReadCache(budget=2 * entry), []
    cache.get("a", _reader(calls, "a"))
    cache.get("b", _reader(calls, "b"))
    cache.get("a", _reader(calls, "a"))  # a is now the most recently used
    cache.get("c", _reader(calls, "c"))  # evicts b, not a
    assert len(cache) == 2 and cache.size <= cache.budget
    cache.get("a", _reader(calls, "a"))
    cache.get("b", _reader(calls, "b"))
    assert calls == ["a", "b", "c", "b"]


def test_a_value_larger_than_the_budget_is_read_each_time_and_evicts_nothing() -> None:
    cache, calls = ReadCache(budget=ENTRY_OVERHEAD + 100), []
    cache.get("small", _reader(calls, "small", 2))
    cache.get("big", _reader(calls, "big", 1000))
    cache.get("big", _reader(calls, "big", 1000))
    cache.get("small", _reader(calls, "small", 2))
    assert calls == ["small", "big", "big"]


def test_remembered_arrays_cannot_be_written_by_a_request() -> None:
    cache = ReadCache()
    ids, tf = cache.get("term", lambda: (np.arange(3), np.ones(3)))
    with pytest.raises(ValueError):
        tf[0] = 5.0
    with pytest.raises(ValueError):
        ids += 1


QUESTIONS = [
    "mon employeur peut-il me licencier pendant un arrêt maladie ?",
    "chômage partiel indemnisation",
    "durée du préavis en cas de démission",
    '"période d\'essai" renouvellement -apprentissage',
    "congés payés pendant le congé de maternité",
]


@pytest.fixture(scope="module")
def view(search_home: Path):
    from indexer.location import current_directory

    opened = IndexView(current_directory(search_home / "index"), "")
    yield opened
    opened.close()


def _answers(engine: WhooshEngine, view: IndexView, query: str):
    config = RankingConfig()
    terms = analyze_query(parse_query(query))
    retrieved = engine.retrieve(terms, np.ones(len(view.rows), dtype=bool), config)
    best = retrieved.top(30).tolist()
    return retrieved, engine.positions(list(terms.lemmas), best), engine.phrase(list(terms.lemmas)[:2])


def test_answers_from_the_cache_are_the_index_answers(view: IndexView) -> None:
    """The same scores, matches, coverage, positions and phrase matches whether read from the index or
    from what earlier requests left in the view's cache (asked twice: the second answer is remembered)."""
    with view.searcher() as searcher:
        reading = WhooshEngine(searcher, view.stats, view.article_index)  # remembers nothing
        remembering = WhooshEngine(searcher, view.stats, view.article_index, ReadCache())
        for query in QUESTIONS:
            expected = _answers(reading, view, query)
            for _ in range(2):
                got = _answers(remembering, view, query)
                assert np.array_equal(got[0].scores, expected[0].scores), query
                assert np.array_equal(got[0].matched, expected[0].matched), query
                assert np.array_equal(got[0].coverage, expected[0].coverage), query
                assert got[0].unmatched == expected[0].unmatched, query
                assert got[1] == expected[1], query
                assert np.array_equal(got[2], expected[2]), query
        assert remembering.cache.hits > 0 and reading.cache.hits == 0


def test_a_service_gives_the_same_page_with_its_cache_warm(search_service: SearchService) -> None:
    view = search_service._current_view()
    kept, view.read_cache = view.read_cache, ReadCache()  # cold: nothing remembered
    try:
        for query in QUESTIONS:
            request = SearchRequest(query, limit=10, highlight=False)
            cold = search_service.search(request)
            warm = search_service.search(request)
            assert [(hit.version_id, hit.score) for hit in warm.hits] == [
                (hit.version_id, hit.score) for hit in cold.hits
            ], query
        assert view.read_cache.hits > 0
    finally:
        view.read_cache = kept

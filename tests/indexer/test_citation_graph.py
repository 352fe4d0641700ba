"""The citation graph cut at a date: only links carried by versions in force that day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from indexer.citation_graph import GRAPH_FILE, CitationGraph, Edge
from indexer.errors import StaleIndexError
from search.graph import distances

CT = "LEGITEXT000006072050"
L1233_3, L1233_2, L1233_4, L1235_3 = (f"{CT}:{n}" for n in ("L1233-3", "L1233-2", "L1233-4", "L1235-3"))

GRAPH_EDGES = [
    Edge(L1233_2, L1233_3, date(2008, 5, 1), None),
    Edge(L1233_4, L1233_3, date(2008, 5, 1), date(2016, 8, 10)),  # a past wording's link
    Edge(L1235_3, L1233_4, date(2017, 9, 24), None),
]
GRAPH = CitationGraph(GRAPH_EDGES)


def test_links_of_versions_not_in_force_are_left_out() -> None:
    assert GRAPH.at(date(2020, 1, 1)).neighbors(L1233_3) == {L1233_2}
    assert GRAPH.at(date(2010, 1, 1)).neighbors(L1233_3) == {L1233_2, L1233_4}


def test_all_versions_keep_every_link_in_both_directions() -> None:
    graph = GRAPH.at(None)
    assert graph.neighbors(L1233_3) == {L1233_2, L1233_4}
    assert graph.neighbors(L1233_4) == {L1233_3, L1235_3}


def test_distances_follow_links_valid_at_the_date() -> None:
    assert distances(GRAPH.at(None), [L1233_3]) == {L1233_3: 0, L1233_2: 1, L1233_4: 1, L1235_3: 2}
    assert distances(GRAPH.at(date(2020, 1, 1)), [L1233_3]) == {L1233_3: 0, L1233_2: 1}


def test_an_unknown_article_has_no_neighbours() -> None:
    assert GRAPH.at(date(2020, 1, 1)).neighbors(f"{CT}:L9999-1") == frozenset()


def test_citing_count_counts_distinct_citing_articles_in_force_at_the_date() -> None:
    graph = CitationGraph(
        [
            *GRAPH_EDGES,
            Edge(L1233_2, L1233_3, date(2019, 1, 1), None),  # a later version of the same citing article
            Edge(L1233_3, L1233_3, date(2008, 5, 1), None),  # an article citing itself counts for nothing
        ]
    )
    assert graph.at(date(2020, 1, 1)).citing_count(L1233_3) == 1
    assert graph.at(date(2010, 1, 1)).citing_count(L1233_3) == 2
    assert graph.at(None).citing_count(L1233_3) == 2
    assert graph.at(None).citing_count(L1233_2) == 0  # it cites, nothing cites it


class _Store:
    """What `CitationGraph.open` asks of a store: its citation edges."""

    def __init__(self, edges: list[Edge]) -> None:
        self.edges = edges

    def citation_edges(self) -> list[Edge]:
        return self.edges


@pytest.mark.parametrize("edges", [GRAPH_EDGES, []])
def test_a_saved_graph_opens_as_it_was_written(tmp_path: Path, edges: list[Edge]) -> None:
    CitationGraph(edges).write(tmp_path)
    opened = CitationGraph.open(tmp_path, _Store([]))  # the file answers, not the store
    assert opened.edge_list() == edges
    for day in (None, date(2010, 1, 1), date(2020, 1, 1)):
        for key in (L1233_2, L1233_3, L1233_4, L1235_3):
            assert opened.at(day).neighbors(key) == CitationGraph(edges).at(day).neighbors(key)
            assert opened.at(day).citing_count(key) == CitationGraph(edges).at(day).citing_count(key)


def test_an_index_saved_without_its_graph_reads_the_store(tmp_path: Path) -> None:
    opened = CitationGraph.open(tmp_path, _Store(GRAPH_EDGES))
    assert opened.at(date(2010, 1, 1)).neighbors(L1233_3) == {L1233_2, L1233_4}


def test_an_unreadable_graph_file_names_itself_and_the_rebuild(tmp_path: Path) -> None:
    (tmp_path / GRAPH_FILE).write_bytes(b"not a numpy archive")
    with pytest.raises(StaleIndexError, match=f"{GRAPH_FILE}.*lexsearch index"):
        CitationGraph.open(tmp_path, _Store(GRAPH_EDGES))

"""Citation-graph ranking signals on small hand-built graphs of real Code du travail article keys.

The links are real: L. 1233-3 (définition du motif économique) is cited by L. 1233-2 and L. 1233-4;
L. 1234-9 (indemnité de licenciement) is cited by R. 1234-1 and L. 1237-13; L. 1152-1 (harcèlement
moral) is cited by L. 1152-2 and L. 1152-3.
"""

from __future__ import annotations

import pytest

from search.graph import distances, personalized_pagerank, rerank

CT = "LEGITEXT000006072050"


def key(number: str) -> str:
    return f"{CT}:{number}"


L1233_2, L1233_3, L1233_4, L1233_5 = key("L1233-2"), key("L1233-3"), key("L1233-4"), key("L1233-5")
L1234_9, R1234_1, L1237_13 = key("L1234-9"), key("R1234-1"), key("L1237-13")
L1152_1, L1152_2, L1152_3 = key("L1152-1"), key("L1152-2"), key("L1152-3")

CITATIONS = {
    L1233_2: [L1233_3],
    L1233_4: [L1233_3],
    R1234_1: [L1234_9],
    L1237_13: [L1234_9],
    L1152_2: [L1152_1],
    L1152_3: [L1152_1, L1152_2],
}


def both_ways(citations: dict[str, list[str]]) -> dict[str, set[str]]:
    """The neighbours of each article, whichever way the citation points (as the store's graph gives)."""
    neighbours: dict[str, set[str]] = {}
    for source, targets in citations.items():
        for target in targets:
            neighbours.setdefault(source, set()).add(target)
            neighbours.setdefault(target, set()).add(source)
    return neighbours


def test_distances_count_links_either_way_from_the_cited_article() -> None:
    # L1233-5 cites L1233-4, which cites L1233-3: distance 2 from the query's target.
    found = distances(both_ways({**CITATIONS, L1233_5: [L1233_4]}), [L1233_3], max_distance=2)
    assert found == {L1233_3: 0, L1233_2: 1, L1233_4: 1, L1233_5: 2}


def test_distances_stop_at_max_distance() -> None:
    found = distances(both_ways({**CITATIONS, L1233_5: [L1233_4]}), [L1233_3], max_distance=1)
    assert set(found) == {L1233_3, L1233_2, L1233_4}


def test_distances_keep_the_shortest_distance_to_any_cited_article() -> None:
    found = distances(both_ways(CITATIONS), [L1152_1, L1152_2])
    assert found[L1152_2] == 0
    assert found[L1152_3] == 1


def test_distance_of_an_unknown_article_is_only_itself() -> None:
    assert distances(both_ways(CITATIONS), [key("L9999-1")]) == {key("L9999-1"): 0}


def test_pagerank_mass_sums_to_one() -> None:
    rank = personalized_pagerank(both_ways(CITATIONS), {L1233_3: 1.0, L1234_9: 0.5})
    assert sum(rank.values()) == pytest.approx(1.0)
    assert set(rank) == {L1233_3, L1233_2, L1233_4, L1234_9, R1234_1, L1237_13}


def test_candidate_linked_to_strong_candidates_rises() -> None:
    # L1237-13 scores a little below L1152-1 on text, but it is linked (through L1234-9) to strong
    # candidates, while L1152-1's neighbours are not candidates.
    seeds = {L1234_9: 1.0, R1234_1: 0.9, L1152_1: 0.8, L1237_13: 0.78}
    scores = rerank(seeds, both_ways(CITATIONS))
    assert scores[L1237_13] > scores[L1152_1]


def test_neighbours_can_be_a_mapping_a_function_or_a_graph_object() -> None:
    mapping = both_ways(CITATIONS)
    seeds = {L1234_9: 1.0, R1234_1: 0.9, L1152_1: 0.8, L1237_13: 0.78}

    def around(key: str) -> set[str]:
        return mapping.get(key, set())

    assert rerank(seeds, around) == rerank(seeds, mapping) == rerank(seeds, _GraphWithNeighbors(mapping))
    assert distances(around, [L1233_3]) == distances(mapping, [L1233_3])


class _GraphWithNeighbors:
    """Shaped like indexer.citation_graph.GraphAt: a `neighbors(key)` method."""

    def __init__(self, mapping: dict[str, set[str]]) -> None:
        self.mapping = mapping

    def neighbors(self, key: str) -> frozenset[str]:
        return frozenset(self.mapping.get(key, set()))


def test_rerank_scores_candidates_in_unit_range_and_favours_linked_ones() -> None:
    seeds = {L1234_9: 1.0, R1234_1: 0.9, L1152_1: 0.8, L1237_13: 0.78}
    scores = rerank(seeds, _GraphWithNeighbors(both_ways(CITATIONS)))
    assert set(scores) == set(seeds)
    assert max(scores.values()) == pytest.approx(1.0)
    assert all(0.0 <= value <= 1.0 for value in scores.values())
    assert scores[L1237_13] > scores[L1152_1]


def test_rerank_without_links_is_proportional_to_the_text_scores() -> None:
    seeds = {L1234_9: 1.0, L1152_1: 0.5}
    assert rerank(seeds, {}) == pytest.approx({L1234_9: 1.0, L1152_1: 0.5})
    assert rerank({}, {}) == {}


def test_pagerank_subgraph_choice_of_outside_neighbours() -> None:
    neighbours = both_ways(CITATIONS)
    seeds = {L1234_9: 1.0, L1237_13: 0.5, L1233_3: 0.5}
    every = personalized_pagerank(neighbours, seeds, outside_min_links=1)
    bridges = personalized_pagerank(neighbours, seeds, outside_min_links=2)
    alone = personalized_pagerank(neighbours, seeds, outside_min_links=None)
    assert set(every) == {L1234_9, L1237_13, L1233_3, R1234_1, L1233_2, L1233_4}
    assert set(bridges) == set(alone) == set(seeds)  # no neighbour here joins two seeds
    assert sum(alone.values()) == pytest.approx(1.0)
    # A neighbour shared by two seeds is kept as a bridge.
    shared = personalized_pagerank(neighbours, {L1233_2: 1.0, L1233_4: 1.0}, outside_min_links=2)
    assert set(shared) == {L1233_2, L1233_4, L1233_3}

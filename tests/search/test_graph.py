"""Citation-graph ranking signals on small hand-built graphs of real Code du travail article keys.

The links are real: L. 1233-3 (définition du motif économique) is cited by L. 1233-2 and L. 1233-4;
L. 1234-9 (indemnité de licenciement) is cited by R. 1234-1 and L. 1237-13; L. 1152-1 (harcèlement
moral) is cited by L. 1152-2 and L. 1152-3.
"""

from __future__ import annotations

import time

import pytest

from search.graph import personalized_pagerank, ppr_rerank, reference_proximity, rerank, undirected

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


def test_undirected_links_both_ways_and_drops_self_citations() -> None:
    neighbours = undirected({L1233_2: [L1233_3, L1233_2]})
    assert neighbours == {L1233_2: {L1233_3}, L1233_3: {L1233_2}}


def test_reference_proximity_decays_with_distance() -> None:
    # L1233-5 cites L1233-4, which cites L1233-3: distance 2 from the query's target.
    neighbours = undirected({**CITATIONS, L1233_5: [L1233_4]})
    scores = reference_proximity(neighbours, [L1233_3], decay=0.5, max_distance=2)
    assert scores[L1233_3] == 1.0
    assert scores[L1233_2] == scores[L1233_4] == 0.5
    assert scores[L1233_5] == 0.25
    assert L1234_9 not in scores


def test_reference_proximity_stops_at_max_distance() -> None:
    neighbours = undirected({**CITATIONS, L1233_5: [L1233_4]})
    scores = reference_proximity(neighbours, [L1233_3], max_distance=1)
    assert set(scores) == {L1233_3, L1233_2, L1233_4}


def test_reference_proximity_keeps_the_shortest_distance_to_any_target() -> None:
    neighbours = undirected(CITATIONS)
    scores = reference_proximity(neighbours, [L1152_1, L1152_2])
    assert scores[L1152_2] == 1.0
    assert scores[L1152_3] == 0.5


def test_reference_proximity_of_an_unknown_article_is_only_itself() -> None:
    assert reference_proximity(undirected(CITATIONS), [key("L9999-1")]) == {key("L9999-1"): 1.0}


def test_pagerank_mass_sums_to_one() -> None:
    rank = personalized_pagerank(undirected(CITATIONS), {L1233_3: 1.0, L1234_9: 0.5})
    assert sum(rank.values()) == pytest.approx(1.0)
    assert set(rank) == {L1233_3, L1233_2, L1233_4, L1234_9, R1234_1, L1237_13}


def test_empty_graph_leaves_order_unchanged() -> None:
    candidates = [(L1233_3, 9.0), (L1234_9, 7.5), (L1152_1, 7.4), (L1233_2, 1.0)]
    reranked = ppr_rerank(candidates, {}, weight=0.5)
    assert [item.key for item in reranked] == [k for k, _ in candidates]


def test_candidate_linked_to_strong_candidates_rises() -> None:
    # L1237-13 scores a little below L1152-1 on text, but it is linked (through L1234-9) to
    # strong candidates, while L1152-1's neighbours are not candidates.
    candidates = [(L1234_9, 10.0), (R1234_1, 9.0), (L1152_1, 8.0), (L1237_13, 7.8)]
    plain = [k for k, _ in candidates]
    reranked = [item.key for item in ppr_rerank(candidates, undirected(CITATIONS), weight=0.4)]
    assert reranked.index(L1237_13) < plain.index(L1237_13)
    assert reranked.index(L1237_13) < reranked.index(L1152_1)


def test_zero_weight_keeps_the_text_order() -> None:
    candidates = [(L1234_9, 10.0), (R1234_1, 9.0), (L1152_1, 8.0), (L1237_13, 7.8)]
    reranked = ppr_rerank(candidates, undirected(CITATIONS), weight=0.0)
    assert [item.key for item in reranked] == [k for k, _ in candidates]


def test_candidates_beyond_top_n_stay_behind_in_their_order() -> None:
    candidates = [(L1234_9, 10.0), (R1234_1, 9.0), (L1152_1, 8.0), (L1237_13, 7.8)]
    reranked = ppr_rerank(candidates, undirected(CITATIONS), weight=0.9, top_n=2)
    assert [item.key for item in reranked][2:] == [L1152_1, L1237_13]
    assert reranked[1].score >= reranked[2].score


def test_rerank_of_a_hundred_candidates_is_fast() -> None:
    # A hundred candidates in a chain, each also cited by five non-candidates: a dense worst case.
    graph: dict[str, list[str]] = {}
    for index in range(100):
        graph[key(f"L{index}-1")] = [key(f"L{index + 1}-1")]
        for other in range(5):
            graph[key(f"R{index}-{other}")] = [key(f"L{index}-1")]
    neighbours = undirected(graph)
    candidates = [(key(f"L{index}-1"), 100.0 - index) for index in range(100)]
    started = time.perf_counter()
    for _ in range(10):
        ppr_rerank(candidates, neighbours)
    assert (time.perf_counter() - started) / 10 < 0.05  # generous on a shared machine; typically ~2 ms


def test_neighbours_can_be_a_function() -> None:
    mapping = undirected(CITATIONS)
    candidates = [(L1234_9, 10.0), (R1234_1, 9.0), (L1152_1, 8.0), (L1237_13, 7.8)]

    def around(key: str) -> set[str]:
        return mapping.get(key, set())

    assert ppr_rerank(candidates, around) == ppr_rerank(candidates, mapping)
    assert reference_proximity(around, [L1233_3]) == reference_proximity(mapping, [L1233_3])


class _GraphWithNeighbors:
    """Shaped like indexer.citation_graph.ArticleGraph: a `neighbors(key)` method."""

    def __init__(self, mapping: dict[str, set[str]]) -> None:
        self.mapping = mapping

    def neighbors(self, key: str) -> frozenset[str]:
        return frozenset(self.mapping.get(key, set()))


def test_rerank_scores_candidates_in_unit_range_and_favours_linked_ones() -> None:
    seeds = {L1234_9: 1.0, R1234_1: 0.9, L1152_1: 0.8, L1237_13: 0.78}
    scores = rerank(seeds, _GraphWithNeighbors(undirected(CITATIONS)))
    assert set(scores) == set(seeds)
    assert max(scores.values()) == pytest.approx(1.0)
    assert all(0.0 <= value <= 1.0 for value in scores.values())
    assert scores[L1237_13] > scores[L1152_1]


def test_rerank_without_links_is_proportional_to_the_text_scores() -> None:
    seeds = {L1234_9: 1.0, L1152_1: 0.5}
    assert rerank(seeds, {}) == pytest.approx({L1234_9: 1.0, L1152_1: 0.5})
    assert rerank({}, {}) == {}


def test_pagerank_subgraph_choice_of_outside_neighbours() -> None:
    neighbours = undirected(CITATIONS)
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

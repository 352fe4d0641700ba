"""Ranking signals from the citation graph: pure functions over plain mappings, no I/O.

A citation links two articles whichever way it points: an article that cites L. 1233-3 and one that
L. 1233-3 cites are both about the same rule, so both signals walk the links undirected. The graph is
given as its neighbours: a mapping `key -> neighbour keys`, a function, or an object with a
`neighbors(key)` method (`indexer.citation_graph.GraphAt`, the links in force at a date).

- `distances`: a query cites articles; their neighbours score by graph distance
  (`search.ranking.reference_score`), so the cited article comes first, then what cites it or what it cites.
- `rerank`: free text; the top candidates get a personalized PageRank seeded by their normalized text
  scores, to be mixed with the text score. An article linked to other strong candidates rises; an isolated
  one keeps its text score. The walk can go through the candidates' neighbours too (`outside_min_links`);
  the evaluation chose the candidates' own links (see RERANK_OUTSIDE_MIN_LINKS).

This module imports nothing from the package (like bm25s's scoring module), so it is tested on
hand-built graphs and cannot drift with the index.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping

Neighbours = Mapping[str, Iterable[str]] | Callable[[str], Iterable[str]]


def _lookup(neighbours: Neighbours | object) -> Callable[[str], Iterable[str]]:
    """Accepts a mapping, a function, or any graph object with a `neighbors(key)` method."""
    method = getattr(neighbours, "neighbors", None)
    if callable(method):
        return method
    if callable(neighbours):
        return neighbours
    return lambda key: neighbours.get(key, ())


def distances(neighbours: Neighbours | object, seeds: Iterable[str], max_distance: int = 2) -> dict[str, int]:
    """Undirected graph distance of every article within `max_distance` links of the nearest seed."""
    around = _lookup(neighbours)
    found: dict[str, int] = {}
    queue: deque[str] = deque()
    for seed in seeds:
        if seed not in found:
            found[seed] = 0
            queue.append(seed)
    while queue:
        node = queue.popleft()
        here = found[node]
        if here >= max_distance:
            continue
        for neighbour in around(node):
            if neighbour not in found:
                found[neighbour] = here + 1
                queue.append(neighbour)
    return found


def personalized_pagerank(
    neighbours: Neighbours | object,
    seeds: Mapping[str, float],
    *,
    damping: float = 0.85,
    iterations: int = 12,
    outside_min_links: int | None = 1,
) -> dict[str, float]:
    """PageRank whose teleport goes to `seeds` (weights, any scale) over the undirected graph.

    Nodes are the seeds plus the non-seed neighbours linked to at least `outside_min_links` seeds
    (1: every neighbour; 2: only "bridges" joining two seeds; None: the seeds alone). Mass reaching a
    node without links inside that subgraph returns to the seeds, so the total stays 1. A few power
    iterations suffice: the re-rank only needs the order of ~100 candidates, not a converged vector.
    """
    total = sum(weight for weight in seeds.values() if weight > 0)
    if total <= 0:
        return {}
    around = _lookup(neighbours)
    teleport = {key: weight / total for key, weight in seeds.items() if weight > 0}
    seed_links = {key: set(around(key)) for key in teleport}
    nodes = set(teleport)
    if outside_min_links is not None:
        shared = Counter(other for linked in seed_links.values() for other in linked if other not in teleport)
        nodes.update(other for other, count in shared.items() if count >= outside_min_links)
    links = {
        node: [
            other
            for other in (seed_links[node] if node in seed_links else around(node))
            if other != node and other in nodes
        ]
        for node in nodes
    }
    rank = {node: teleport.get(node, 0.0) for node in nodes}
    for _ in range(iterations):
        following = dict.fromkeys(nodes, 0.0)
        dangling = 0.0
        for node, mass in rank.items():
            out = links[node]
            if not out:
                dangling += mass
                continue
            share = damping * mass / len(out)
            for other in out:
                following[other] += share
        back = (1.0 - damping) + damping * dangling
        for key, weight in teleport.items():
            following[key] += back * weight
        rank = following
    return rank


# Which neighbours the re-rank's PageRank walks through, chosen on the "tune" half of the free-text
# judgments (scripts/eval_search.py): the candidates alone beat candidates plus every neighbour
# (nDCG@10 0.767 vs 0.746 on tune, 0.741 vs 0.728 on test) and run ~10x faster. Non-candidate
# neighbours mostly leak mass away from well-cited candidates instead of linking two candidates.
RERANK_OUTSIDE_MIN_LINKS: int | None = None


def rerank(
    seeds: Mapping[str, float],
    neighbours: Neighbours | object,
    *,
    damping: float = 0.85,
    iterations: int = 12,
    outside_min_links: int | None = RERANK_OUTSIDE_MIN_LINKS,
) -> dict[str, float]:
    """Graph score in [0, 1] of each candidate (key -> text score): its personalized PageRank, divided by
    the best candidate's. The caller mixes it with the text score (`search.ranking.combine`)."""
    positive = {key: score for key, score in seeds.items() if score > 0}
    rank = personalized_pagerank(
        neighbours, positive, damping=damping, iterations=iterations, outside_min_links=outside_min_links
    )
    top = max((rank.get(key, 0.0) for key in positive), default=0.0)
    if top <= 0:
        return {}
    return {key: rank.get(key, 0.0) / top for key in positive}

"""The citation graph: article → article links found in every version's text, kept in the store.

Extraction runs once per build (`citation_rows`, called from the build's worker processes); the build
then saves the graph beside the index generation (`CitationGraph.write`), which the search layer opens
without re-parsing any text nor re-reading the store's million rows (`CitationGraph.open`). Each edge
remembers the validity of the version that carries it, so the graph can be cut at a date.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import date
from pathlib import Path

import numpy as np

from analyzers.citations import find_citations
from corpus.citation_rows import OTHER_TEXT_PREFIX, CitationEdge, CitationRow
from corpus.store import Store
from indexer.errors import StaleIndexError
from indexer.schema import REBUILD_COMMAND

Edge = CitationEdge  # source and target article keys, validity of the citing version


def citation_rows(
    version_id: str,
    text: str,
    code_title: str | None,
    known_articles: Collection[str] | Callable[[str], bool] | None,
) -> list[CitationRow]:
    """Rows for the store's citations table: one per cited article (a range gives one row per article).

    Citations of other texts (a loi, a décret) keep their span with a target `other:<span>`, so the
    article page can still show them.
    """
    rows: list[CitationRow] = []
    for citation in find_citations(text, code_title, known_articles):
        keys = citation.keys
        if keys:
            rows.extend(
                CitationRow(version_id, key, citation.kind, citation.detail, citation.start, citation.end)
                for key in keys
            )
        else:
            target = OTHER_TEXT_PREFIX + citation.text
            rows.append(
                CitationRow(version_id, target, citation.kind, citation.detail, citation.start, citation.end)
            )
    return rows


NEVER = np.iinfo(np.int32).max  # the day number of an unknown start (never in force) or of no end
GRAPH_FILE = "citation_graph.npz"  # beside the index generation it was built with


def _day_number(day: date | None) -> int:
    return NEVER if day is None else day.toordinal()


class GraphAt:
    """The links valid at one date, cut lazily: ranking only ever asks for the neighbours of a hundred
    candidates, so cutting all edges (~930,000 over all codes) for every new date would be wasted work."""

    def __init__(self, graph: CitationGraph, day: date | None) -> None:
        self._graph = graph
        self._day = None if day is None else day.toordinal()
        self._memo: dict[str, frozenset[str]] = {}
        self._citing: dict[str, int] = {}

    def _incident(self, key: str) -> tuple[int, np.ndarray, np.ndarray] | None:
        """The article's number, and the other end and edge number of each link touching it in force."""
        graph = self._graph
        node = graph.numbers.get(key)
        if node is None:
            return None
        low, high = graph.offsets[node], graph.offsets[node + 1]
        others, edges = graph.others[low:high], graph.edges[low:high]
        if self._day is not None:
            active = (graph.valid_from[edges] <= self._day) & (self._day < graph.valid_to[edges])
            others, edges = others[active], edges[active]
        return node, others, edges

    def neighbors(self, key: str) -> frozenset[str]:
        found = self._memo.get(key)
        if found is None:
            incident = self._incident(key)
            keys = self._graph.keys
            found = frozenset() if incident is None else frozenset(keys[i] for i in incident[1].tolist())
            self._memo[key] = found
        return found

    def citing_count(self, key: str) -> int:
        """How many other articles cite `key` through a version in force at the date (its in-degree):
        a query-independent sign of how central the article is (search.authority)."""
        found = self._citing.get(key)
        if found is None:
            incident = self._incident(key)
            if incident is None:
                found = 0
            else:
                node, others, edges = incident
                citing = others[(self._graph.target[edges] == node) & (others != node)]
                found = int(np.unique(citing).size)
            self._citing[key] = found
        return found


class CitationGraph:
    """Every citation edge of the store as arrays (edge i: source[i] → target[i], in force from
    valid_from[i] to valid_to[i], day numbers), with each article's touching edges contiguous (CSR), so
    that a service opens it from its file in a fraction of a second and cuts it per date on demand."""

    def __init__(self, edges: Iterable[Edge]) -> None:
        numbers: dict[str, int] = {}
        columns: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
        for edge in edges:
            columns[0].append(numbers.setdefault(edge.source, len(numbers)))
            columns[1].append(numbers.setdefault(edge.target, len(numbers)))
            columns[2].append(_day_number(edge.valid_from))
            columns[3].append(_day_number(edge.valid_to))
        self._arrange(list(numbers), *(np.array(column, dtype=np.int32) for column in columns))

    def _arrange(
        self,
        keys: list[str],
        source: np.ndarray,
        target: np.ndarray,
        valid_from: np.ndarray,
        valid_to: np.ndarray,
    ) -> None:
        self.keys = keys
        self.numbers = {key: number for number, key in enumerate(keys)}
        self.source, self.target, self.valid_from, self.valid_to = source, target, valid_from, valid_to
        ends = np.concatenate([source, target])
        order = np.argsort(ends, kind="stable")
        self.others = np.concatenate([target, source])[order]
        self.edges = np.tile(np.arange(source.size, dtype=np.int32), 2)[order]
        self.offsets = np.concatenate([[0], np.cumsum(np.bincount(ends, minlength=len(keys)))])

    @classmethod
    def load(cls, store: Store) -> CitationGraph:
        """The graph from the store's citations (what the index build wrote there)."""
        return cls(store.citation_edges())

    @classmethod
    def open(cls, directory: Path, store: Store) -> CitationGraph:
        """The graph saved with the index generation in `directory`, or the store's for an index built
        before graphs were saved (both come from the same build's citations)."""
        try:
            with np.load(directory / GRAPH_FILE, allow_pickle=False) as saved:
                arrays = {
                    name: saved[name] for name in ("keys", "source", "target", "valid_from", "valid_to")
                }
        except FileNotFoundError:
            return cls.load(store)
        except (OSError, KeyError, ValueError) as error:
            raise StaleIndexError(
                f"{directory / GRAPH_FILE}: graphe des citations illisible ({error}) ; "
                f"reconstruisez l'index avec `{REBUILD_COMMAND}`"
            ) from None
        graph = cls.__new__(cls)
        keys = arrays.pop("keys").tolist()
        graph._arrange(keys, **arrays)
        return graph

    def write(self, directory: Path) -> None:
        """Save the graph in the index generation being built (before it is made current)."""
        with (directory / GRAPH_FILE).open("wb") as file:
            np.savez(
                file,
                keys=np.array(self.keys, dtype=str),
                source=self.source,
                target=self.target,
                valid_from=self.valid_from,
                valid_to=self.valid_to,
            )

    def edge_list(self) -> list[Edge]:
        """The edges as given (what a saved graph must give back)."""
        keys = self.keys

        def day(number: int) -> date | None:
            return None if number == NEVER else date.fromordinal(number)

        return [
            Edge(keys[source], keys[target], day(start), day(end))
            for source, target, start, end in zip(
                self.source.tolist(),
                self.target.tolist(),
                self.valid_from.tolist(),
                self.valid_to.tolist(),
                strict=True,
            )
        ]

    def at(self, day: date | None) -> GraphAt:
        """The links carried by versions in force at `day` (all versions when `day` is None)."""
        return GraphAt(self, day)

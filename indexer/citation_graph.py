"""The citation graph: article → article links found in every version's text, kept in the store.

Extraction runs once per build (`citation_rows`, called from the build's worker processes); the search
layer then reads the graph from the store (`CitationGraph.load`) without re-parsing any text. Each edge
remembers the validity of the version that carries it, so the graph can be cut at a date.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import date

from analyzers.citations import find_citations
from corpus.citation_rows import OTHER_TEXT_PREFIX, CitationEdge, CitationRow
from corpus.store import Store

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


def _active(edge: Edge, day: date | None) -> bool:
    if day is None:
        return True
    if edge.valid_from is None or edge.valid_from > day:
        return False
    return edge.valid_to is None or day < edge.valid_to


class GraphAt:
    """The links valid at one date, cut lazily: ranking only ever asks for the neighbours of a hundred
    candidates, so cutting all ~20,000 edges for every new date (a dated query) would be wasted work."""

    def __init__(self, touching: Mapping[str, tuple[tuple[str, Edge], ...]], day: date | None) -> None:
        self._touching = touching
        self._day = day
        self._memo: dict[str, frozenset[str]] = {}
        self._citing: dict[str, int] = {}

    def neighbors(self, key: str) -> frozenset[str]:
        found = self._memo.get(key)
        if found is None:
            found = frozenset(
                other for other, edge in self._touching.get(key, ()) if _active(edge, self._day)
            )
            self._memo[key] = found
        return found

    def citing_count(self, key: str) -> int:
        """How many other articles cite `key` through a version in force at the date (its in-degree):
        a query-independent sign of how central the article is (search.authority)."""
        found = self._citing.get(key)
        if found is None:
            found = len(
                {
                    other
                    for other, edge in self._touching.get(key, ())
                    if edge.target == key and other != key and _active(edge, self._day)
                }
            )
            self._citing[key] = found
        return found


class CitationGraph:
    """Every citation edge of the store, indexed by the articles it touches; cut per date on demand."""

    def __init__(self, edges: list[Edge]) -> None:
        touching: dict[str, list[tuple[str, Edge]]] = {}
        for edge in edges:
            touching.setdefault(edge.source, []).append((edge.target, edge))
            touching.setdefault(edge.target, []).append((edge.source, edge))
        self._touching = {key: tuple(value) for key, value in touching.items()}

    @classmethod
    def load(cls, store: Store) -> CitationGraph:
        return cls(store.citation_edges())

    def at(self, day: date | None) -> GraphAt:
        """The links carried by versions in force at `day` (all versions when `day` is None)."""
        return GraphAt(self._touching, day)

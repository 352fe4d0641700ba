"""One opened index generation: pooled Whoosh searchers plus an in-memory table of the stored fields.

Everything a result row needs (article, dates, status, section path…) is read once when the index is
opened, so searching never loads stored fields, and the filters (date in force, code, status, section)
become cached boolean masks over the document numbers, handed to the engine as `allowed`. Searchers come
from a small pool (bounded file handles, safe under concurrent threads); a retired view closes them once
the last search using it has finished.
"""

from __future__ import annotations

import bisect
import queue
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from analyzers.citations import order_key
from corpus.model import UncertainDate
from indexer.doc_table import LENGTH_FIELDS, read_doc_table, read_from_index
from indexer.engines import TANTIVY, check_engine
from indexer.opening import open_index, read_guarded
from indexer.schema import IndexMeta, number_token, parse_date_value, parse_dating
from indexer.tantivy_index import open_tantivy, read_rows
from search.coverage import status_at
from search.engine import Engine
from search.filters import VersionFilter
from search.read_cache import ReadCache
from search.retrieval import FieldStats, WhooshEngine
from search.tantivy_engine import TantivyTable

POOL_SIZE = 4


@dataclass(frozen=True)
class DocRow:
    """The stored fields of one indexed version."""

    version_id: str
    article_id: str
    article_key: str
    code_id: str
    number: str
    valid_from: date | None
    valid_to: date | None
    status: str
    amending_text_id: str
    amending_title: str
    section_path: tuple[str, ...]
    partie: str
    livre: str
    start_uncertain: UncertainDate | None = None  # valid_from / valid_to are then latest bounds
    end_uncertain: UncertainDate | None = None


class IndexView:
    def __init__(self, directory: Path, target: str) -> None:
        self.directory = directory
        self.target = target
        self.meta = IndexMeta.read(directory)
        check_engine(directory, self.meta.engine)
        self.tantivy: TantivyTable | None = None
        if self.meta.engine == TANTIVY:
            self.tantivy = TantivyTable(open_tantivy(directory), directory)
            self.index = None
        else:
            self.index = open_index(directory)
        self._pool: queue.LifoQueue[Searcher] = queue.LifoQueue()
        self._created = 0
        self._lock = threading.Lock()
        self._active = 0
        self._retired = False
        self._closed = False
        self.stats: dict[str, FieldStats] = {}
        self.read_cache = ReadCache()  # Whoosh's postings, versions' shingles: for every request on the view
        try:
            if self.tantivy is not None:
                self._load()  # tantivy's own errors are turned into one line by indexer.tantivy_index
            else:
                read_guarded(directory, self._load)  # damaged segments fail here, in one line
        except BaseException:
            self.close()
            raise
        self._index_articles()
        self._index_facets()
        self.filter_mask = lru_cache(maxsize=64)(self._filter_mask)

    def _index_articles(self) -> None:
        """Lookups by article: its versions, its number, each code's numbers in the code's order."""
        self.by_article: dict[str, tuple[int, ...]] = {}
        self.by_number: dict[str, list[str]] = {}
        self.numbers_by_code: dict[str, list[str]] = {}
        for docnum, row in enumerate(self.rows):
            self.by_article[row.article_key] = (*self.by_article.get(row.article_key, ()), docnum)
        for key in self.by_article:
            code_id, number = key.split(":", 1)
            self.by_number.setdefault(number.upper(), []).append(key)
            self.numbers_by_code.setdefault(code_id, []).append(number)
        # Each code's numbers in the code's order, with their sort keys: a range is two bisections.
        self.order_keys: dict[str, list[tuple]] = {}
        self._folded: dict[str, tuple[list[str], list[int]]] = {}  # num tokens sorted, their positions
        for code_id, numbers in self.numbers_by_code.items():
            ordered = sorted((order_key(number), number) for number in numbers)
            self.order_keys[code_id] = [key for key, _ in ordered]
            numbers[:] = [number for _, number in ordered]
            pairs = sorted((number_token(number), position) for position, number in enumerate(numbers))
            self._folded[code_id] = ([token for token, _ in pairs], [position for _, position in pairs])
        self.keys = tuple(self.by_article)
        index_of = {key: i for i, key in enumerate(self.keys)}
        self.article_index = np.fromiter(
            (index_of[row.article_key] for row in self.rows), dtype=np.int64, count=len(self.rows)
        )
        self.recency = np.fromiter(
            (row.valid_from.toordinal() if row.valid_from else 0 for row in self.rows),
            dtype=np.int64,
            count=len(self.rows),
        )
        # Each version's article's most recent version (past wording: has the article dropped a phrase?).
        self.latest = np.zeros(len(self.rows), dtype=np.int64)
        for docnums in self.by_article.values():
            newest = max(docnums, key=lambda d: self.recency[d])
            self.latest[list(docnums)] = newest

    def numbers_between(self, code_id: str, first: str, last: str) -> list[str]:
        """The code's numbers from `first` to `last` inclusive, in the code's order."""
        keys = self.order_keys.get(code_id, [])
        start = bisect.bisect_left(keys, order_key(first))
        end = bisect.bisect_right(keys, order_key(last))
        return self.numbers_by_code[code_id][start:end] if start < end else []  # keys: a known code

    def numbers_starting(self, code_id: str, token: str) -> list[str]:
        """The code's numbers whose `num` token starts with `token`, in the code's order."""
        tokens, positions = self._folded.get(code_id, ([], []))
        start = bisect.bisect_left(tokens, token)
        end = start
        while end < len(tokens) and tokens[end].startswith(token):
            end += 1
        numbers = self.numbers_by_code.get(code_id, [])
        return [numbers[position] for position in sorted(positions[start:end])]

    def _index_facets(self) -> None:
        """Each facet's distinct values, and the value number of every document (for bincount)."""
        self.facet_values: dict[str, tuple[str, ...]] = {}
        self.facet_codes: dict[str, np.ndarray] = {}
        for name in ("partie", "livre", "status"):
            values = [getattr(row, name) for row in self.rows]
            distinct = tuple(dict.fromkeys(values))
            code_of = {value: i for i, value in enumerate(distinct)}
            self.facet_values[name] = distinct
            self.facet_codes[name] = np.fromiter(
                (code_of[v] for v in values), dtype=np.int64, count=len(values)
            )
        # Day ordinals of each version's validity (`VersionFilter.accepts`): no start = never in force,
        # no end = in force for good.
        never = np.iinfo(np.int64).max
        self.starts = np.fromiter(
            (row.valid_from.toordinal() if row.valid_from else never for row in self.rows), dtype=np.int64
        )
        self.ends = np.fromiter(
            (row.valid_to.toordinal() if row.valid_to else never for row in self.rows), dtype=np.int64
        )

    def _load(self) -> None:
        if self.tantivy is not None:
            shared: dict[object, object] = {}
            self.rows = tuple(_row(fields, shared) for fields in read_rows(self.directory))
            self.stats.update(self.tantivy.stats)
            return
        # The build's pickled table when it has one (fast), else the same values read through Whoosh.
        table = read_doc_table(self.directory, self.index.doc_count_all()) or read_from_index(self.index)
        self.rows = self._load_rows(table.stored)
        for field in LENGTH_FIELDS:
            # Per-document lengths are stored in one byte each (lossy past a few dozen tokens); the
            # average comes from Whoosh's exact total instead, as Whoosh's own BM25F takes it.
            self.stats[field] = FieldStats(table.lengths[field], table.averages[field])

    @staticmethod
    def _load_rows(stored: tuple[dict, ...]) -> tuple[DocRow, ...]:
        rows: list[DocRow | None] = [None] * len(stored)
        shared: dict[object, object] = {}
        for docnum, fields in enumerate(stored):
            if fields:  # else a deleted document
                rows[docnum] = _row(fields, shared)
        return tuple(row for row in rows if row is not None)

    # -- searchers -------------------------------------------------------------------------------------

    @contextmanager
    def _in_use(self) -> Iterator[None]:
        """Counts the searches running on this view, so that a retired view closes after the last."""
        with self._lock:
            if self._closed:
                raise RuntimeError("index view closed")
            self._active += 1
        try:
            yield
        finally:
            with self._lock:
                self._active -= 1
                close = self._retired and self._active == 0
            if close:
                self.close()

    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """A pooled Whoosh searcher (Whoosh indexes only)."""
        if self.index is None:
            raise RuntimeError(f"{self.directory}: a {self.meta.engine} index has no Whoosh searcher")
        with self._in_use():
            try:
                searcher = self._pool.get_nowait()
            except queue.Empty:
                with self._lock:
                    self._created += 1
                searcher = read_guarded(self.directory, self.index.searcher)
            try:
                yield searcher
            finally:
                if self._pool.qsize() < POOL_SIZE:
                    self._pool.put(searcher)
                else:
                    searcher.close()

    @contextmanager
    def engine(self) -> Iterator[Engine]:
        """The retrieval engine (`search.engine.Engine`) of the engine that wrote the index, for one
        request: a pooled Whoosh searcher, or tantivy's (thread-safe, shared)."""
        if self.tantivy is not None:
            with self._in_use():
                yield self.tantivy.engine(self.article_index)
            return
        with self.searcher() as searcher:
            yield WhooshEngine(searcher, self.stats, self.article_index, self.read_cache)

    def retire(self) -> None:
        """No new searches; close when the last running one ends."""
        with self._lock:
            self._retired = True
            close = self._active == 0
        if close:
            self.close()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                break
        if self.index is not None:
            self.index.close()

    # -- filters ---------------------------------------------------------------------------------------

    def _filter_mask(
        self, version: VersionFilter, code_id: str | None, status: str | None, section: str | None
    ) -> np.ndarray:
        """Which versions pass every filter (cached per filter, so per date); read-only. The dates are
        compared as arrays: a new date costs milliseconds even on all codes (~300,000 versions). The
        status is the status at the filter's day (`search.coverage.status_at`)."""
        mask = np.ones(len(self.rows), dtype=bool)
        if version.day is not None:
            day = version.day.toordinal()
            mask &= (self.starts <= day) & (day < self.ends)
        if code_id is not None or status is not None or section is not None:
            section_folded = section.casefold() if section else None
            today = date.today()
            mask &= np.fromiter(
                (
                    (code_id is None or row.code_id == code_id)
                    and (
                        status is None
                        or status_at(row.status, row.valid_from, row.valid_to, version.day, today) == status
                    )
                    and (
                        section_folded is None
                        or any(section_folded in t.casefold() for t in row.section_path)
                    )
                    for row in self.rows
                ),
                dtype=bool,
                count=len(self.rows),
            )
        mask.setflags(write=False)
        return mask


def _row(fields: Mapping[str, Any], shared: dict[object, object]) -> DocRow:
    """A document's stored fields (as either engine returns them) as a row. Section paths and titles
    repeat across versions: `shared` keeps one copy of each (a few hundred MB on all codes)."""
    path = tuple(fields.get("section_path", ()))
    start_uncertain, end_uncertain = parse_dating(fields.get("dating"))
    return DocRow(
        version_id=fields["version_id"],
        article_id=fields["article_id"],
        article_key=fields["article_key"],
        code_id=fields["code_id"],
        number=fields["number"],
        valid_from=parse_date_value(fields["valid_from"]),
        valid_to=parse_date_value(fields["valid_to"]),
        status=fields["status"],
        amending_text_id=fields.get("amending_text_id", ""),
        amending_title=fields.get("amending_title", ""),
        section_path=shared.setdefault(path, path),  # type: ignore[arg-type]
        partie=shared.setdefault(fields.get("partie", ""), fields.get("partie", "")),  # type: ignore[arg-type]
        livre=shared.setdefault(fields.get("livre", ""), fields.get("livre", "")),  # type: ignore[arg-type]
        start_uncertain=start_uncertain,
        end_uncertain=end_uncertain,
    )

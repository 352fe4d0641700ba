"""What one index generation's postings gave, kept across requests within a memory budget.

An index generation never changes once written (an update writes the next one and opens a new view), so
what its postings say about a word — the versions that have it and how often, the versions that have a
phrase, a word's positions in a version — is the same for every request. Questions repeat the same
common words and the thesaurus's same expansion phrases; decoding them again was most of a question's
retrieval time (Whoosh decodes postings and matches phrases in Python). `ReadCache` keeps the most
recently used answers, least recently used out first past `budget` bytes. Threads of one service share
it: a value read twice at once is read twice, never half-stored. The same class keeps the vectors of the
last questions (search.semantic): any answer that is costly to compute and never changes for its key.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import numpy as np

Value = TypeVar("Value")

BUDGET = 64 * 1024 * 1024  # bytes: the Code du travail's question traffic fits in a third of it
ENTRY_OVERHEAD = 200  # bytes of a key, its tuple and the dictionary slot, counted for every entry


class ReadCache:
    """A least-recently-used map from keys to answers that never change for them, bounded in bytes."""

    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, read: Callable[[], Value]) -> Value:
        """The value of `key`, from `read()` the first time (and again once it has been evicted)."""
        value = self.peek(key)
        if value is None:
            value = read()
            self.put(key, value)
        return value  # type: ignore[return-value]

    def peek(self, key: Hashable) -> object | None:
        """The value remembered for `key`, or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[0]

    def put(self, key: Hashable, value: object) -> None:
        """Remember `value` (not None) for `key`, evicting the least recently used past the budget."""
        cost = nbytes(value) + ENTRY_OVERHEAD
        if cost > self.budget:
            return  # larger than the whole cache: read each time rather than evict everything
        with self._lock:
            if key in self._entries:
                return
            _freeze(value)  # shared by every request: a caller that writes into it fails loudly
            self._entries[key] = (value, cost)
            self.size += cost
            while self.size > self.budget:
                _, (_, evicted) = self._entries.popitem(last=False)
                self.size -= evicted

    def clear(self) -> None:
        """Forget everything (benchmarks measure a search that finds nothing remembered)."""
        with self._lock:
            self._entries.clear()
            self.size = 0

    def __len__(self) -> int:
        return len(self._entries)


def nbytes(value: object) -> int:
    """Memory of a cached answer: numpy arrays by their buffers, tuples summed item by item, anything else
    as a Python int and its slot."""
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, tuple):
        return 56 + sum(nbytes(item) for item in value)
    if isinstance(value, frozenset):
        return 216 + 72 * len(value)  # its hash table (about twice the items) and the ints
    return 36


def _freeze(value: object) -> None:
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif isinstance(value, tuple):
        for item in value:
            _freeze(item)

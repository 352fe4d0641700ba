"""Reading Whoosh postings as numpy arrays, block by block.

Whoosh's matcher trees cost a Python call per posting per node; a query's terms are few, so reading
each term's postings once (ids and term frequencies, a block of up to 128 at a time) and scoring them
with vector arithmetic (`search.ranking`) is much faster and gives the exact set of matching versions
for free. A word's positions are read the same way, only in the blocks holding the documents asked for
(`term_positions`). Whoosh still owns the index files and spelling suggestions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import numpy as np
from whoosh.searching import Searcher


def term_postings(searcher: Searcher, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
    """(document numbers, term frequencies) of `term` in `field`, over every segment."""
    ids: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        if (field, term) not in reader:
            continue
        matcher = reader.postings(field, term)
        if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
            # Whoosh 3 codec leaf matcher: whole blocks at once.
            while matcher.is_active():
                if matcher._ids is None:
                    matcher._read_ids()
                if matcher._weights is None:
                    matcher._read_weights()
                ids.append(np.asarray(matcher._ids, dtype=np.int64) + offset)
                weights.append(np.asarray(matcher._weights, dtype=np.float64))
                matcher._next_block()
        else:  # any other matcher: one posting at a time
            block_ids, block_weights = [], []
            while matcher.is_active():
                block_ids.append(matcher.id() + offset)
                block_weights.append(matcher.weight())
                matcher.next()
            ids.append(np.asarray(block_ids, dtype=np.int64))
            weights.append(np.asarray(block_weights, dtype=np.float64))
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    return np.concatenate(ids), np.concatenate(weights)


def term_positions(
    searcher: Searcher, field: str, term: str, docnums: Sequence[int]
) -> dict[int, tuple[int, ...]]:
    """Positions of `term` in `field` of each of `docnums`, () where absent. A block whose
    last document comes before the next one wanted is passed without decoding; in a block read, only the
    wanted documents' positions are decoded (a matcher's `skip_to` and `value_as` cost several Python
    calls per posting passed)."""
    read: dict[int, tuple[int, ...]] = dict.fromkeys(docnums, ())
    wanted = sorted(read)
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        first = bisect_left(wanted, offset)
        last = bisect_left(wanted, offset + reader.doc_count_all())
        if first == last or (field, term) not in reader:
            continue
        matcher = reader.postings(field, term)
        local = [docnum - offset for docnum in wanted[first:last]]
        if not all(hasattr(matcher, name) for name in ("_read_ids", "_read_values", "_next_block")):
            for docnum in local:  # any other matcher: one posting at a time
                if matcher.is_active() and matcher.id() < docnum:
                    matcher.skip_to(docnum)
                if not matcher.is_active():
                    break
                if matcher.id() == docnum:
                    read[docnum + offset] = tuple(matcher.value_as("positions"))
            continue
        decode = matcher.format.decoder("positions")
        index = 0
        while matcher.is_active() and index < len(local):
            if matcher.block_max_id() < local[index]:
                matcher._next_block()
                continue
            matcher._read_ids()
            ids = matcher._ids
            values = None
            end = bisect_right(local, ids[-1], index)
            for docnum in local[index:end]:
                at = bisect_left(ids, docnum)
                if at < len(ids) and ids[at] == docnum:
                    if values is None:
                        matcher._read_values()
                        values = matcher._values
                    read[docnum + offset] = tuple(decode(values[at]))
            index = end
            matcher._next_block()
    return read

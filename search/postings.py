"""Reading Whoosh postings as numpy arrays, block by block.

Whoosh's matcher trees cost a Python call per posting per node; a query's terms are few, so reading
each term's postings once (ids and term frequencies, a block of up to 128 at a time) and scoring them
with vector arithmetic (`search.ranking`) is much faster and gives the exact set of matching versions
for free. Whoosh still owns the index files, phrase matching and spelling suggestions.
"""

from __future__ import annotations

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

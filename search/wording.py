"""Past wording: with all versions searched, a phrase the law stopped using surfaces the versions that
used it, above the articles that still use it inside a longer name.

"comité d'entreprise" (replaced by "comité social et économique" in 2017) is still found, word for word,
in every current "comité d'entreprise européen" article: those keep their score, while a version whose
words run exactly as typed and whose article's latest version no longer has them (or was repealed) gets
its text score multiplied by `RankingConfig.dropped_wording_boost`.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from search.engine import Engine, Retrieved
from search.index_view import IndexView
from search.matching import QueryTerms
from search.ranking import RankingConfig


def with_dropped_wordings(
    engine: Engine, view: IndexView, terms: QueryTerms, retrieved: Retrieved, config: RankingConfig
) -> Retrieved:
    """`retrieved` with the versions of a dropped wording raised (see the module docstring)."""
    if len(terms.sequence) < 2 or config.dropped_wording_boost == 1.0 or not retrieved.matched.any():
        return retrieved
    has_phrase = engine.phrase(terms.sequence)
    candidates = np.flatnonzero(has_phrase & retrieved.matched)
    if not candidates.size:
        return retrieved
    latest = view.latest
    rows = view.rows
    dropped = [
        d
        for d in candidates.tolist()
        if (latest[d] != d and not has_phrase[latest[d]]) or rows[latest[d]].status == "repealed"
    ]
    if not dropped:
        return retrieved
    scores = retrieved.scores.copy()
    scores[dropped] *= config.dropped_wording_boost
    return replace(retrieved, scores=scores)

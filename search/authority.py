"""A query-independent prior from the citation graph: an article that many articles in force cite is a
central rule (the definition, the principle the others refer to); one nobody cites is a detail, a
copy or an annex. With one code the text score rarely hesitates between the two; with every code, a
short query's rarest word often lands on some peripheral article of a small code, while the
article the others rely on shares its words less densely.

Each candidate's text score is multiplied by 1 + weight · ln(1 + c), c the number of distinct other
articles that cite it through a version in force at the search's date (`GraphAt.citing_count`; every
version with all versions). The logarithm keeps the prior a nudge between comparable matches: 10
citing articles weigh 1 + 2.4·weight, 100 weigh 1 + 4.6·weight. `RankingConfig.authority_weight` is 0
(off) unless the group cross-validation of scripts/eval_search.py chose otherwise; nothing here knows
which code a user or a judgment is about: only the graph's own counts are read.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from search.candidates import Pool
from search.ranking import RankingConfig


def authority_factor(citing: int, weight: float) -> float:
    """What the text score is multiplied by, for an article cited by `citing` other articles."""
    return 1.0 + weight * math.log1p(max(citing, 0))


def with_authority(pool: Pool, citing_count: Callable[[str], int], config: RankingConfig) -> Pool:
    """Every candidate's text score times its authority factor (nothing changes at weight 0)."""
    if config.authority_weight <= 0 or not pool.candidates:
        return pool
    weight = config.authority_weight
    return pool.scaled(lambda candidate: authority_factor(citing_count(candidate.key), weight))

"""The general rule before its details: a prior on where an article sits in a code's numbering.

People ask what the rule is; the code states it in its legislative part (L. articles) and details how
it applies in the regulatory part (R. and D. articles, decrees), which repeat the statute's words and
add their own. The first article of a chapter (L. 1221-1, L. 3242-1) is where the chapter's rule is
usually stated. So a candidate of the regulatory part has its text score multiplied by
`RankingConfig.regulatory_factor`, and the opening article of a chapter by
`RankingConfig.chapter_opening_factor` (measured on the CDTN dev set by group cross-validation:
scripts/eval_search.py). Numbers without a part letter (the Code civil's "1240") are left as they are.
A search over all versions looks for a wording, wherever it sits: the pipeline skips the prior there
(past-wording judgments: nDCG@10 0.874 without it, 0.815 with it).
"""

from __future__ import annotations

import re

from search import ranking
from search.candidates import Pool

REGULATORY_PARTS = frozenset("RD")  # R. (décrets en Conseil d'État) and D. (décrets simples)
# "L1221-1": a part letter, the chapter's digits, article 1 (not an inserted "L1237-19-1").
_CHAPTER_OPENING = re.compile(r"^[A-Z]+\d+-1$")


def article_factor(number: str, config: ranking.RankingConfig) -> float:
    """The prior factor of an article number (canonical, "L1221-1")."""
    factor = config.regulatory_factor if number[:1] in REGULATORY_PARTS else 1.0
    if _CHAPTER_OPENING.match(number):
        factor *= config.chapter_opening_factor
    return factor


def with_article_prior(pool: Pool, config: ranking.RankingConfig) -> Pool:
    """`pool` with each candidate's text score times its article's prior factor."""
    if not config.article_prior:
        return pool
    return pool.scaled(lambda candidate: article_factor(candidate.key.split(":", 1)[1], config))

"""Which codes a query is about, read from where its best matches concentrate: federated search's
collection selection (the codes as collections) under the cluster hypothesis (the articles that answer a
query resemble each other, so they gather in the code it is about).

With every code, a short lay query ("lettre de démission", "solde de tout compte") has a few articles of
codes it is not about among its best matches, often above the rule it asks for, while its matches as a
whole concentrate in the code it is about. Among the `code_selection_depth` best-scored documents, each
code's share of the text-score mass measures how much the query speaks that code; a candidate's text score
is multiplied by (its code's share / the best code's share) ** `code_selection_weight`, the ratio floored
at `SHARE_FLOOR` (a code with nothing up there is lowered, not erased). The best code is never lowered.

Two readings are left alone. A query of `code_selection_quote_words` words or more whose words a candidate
holds together (its proximity bonus, 1 when adjacent) quotes that article's wording: the factor is raised
to 1 − proximity, so the article a user copies words from keeps its score whatever code it is in (two
adjacent words are a collocation every code uses, "13e mois", not a quotation). And nothing changes with
one code among the best matches (a code filter, a one-code corpus), when the query names a code (the user
said which), or over all versions (a past wording is sought wherever it sits). Only the index's scores are
read: never the code a user or a judgment is about.
"""

from __future__ import annotations

import weakref

import numpy as np

from analyzers.citation_context import code_mentions
from search.candidates import Candidate, Pool
from search.engine import Retrieved
from search.index_view import IndexView
from search.ranking import RankingConfig

SHARE_FLOOR = 0.02  # of the best code's share: the least a code's share counts for

_CODE_OF: weakref.WeakKeyDictionary[IndexView, np.ndarray] = weakref.WeakKeyDictionary()


def code_numbers(view: IndexView) -> np.ndarray:
    """Each document's code, as a number (cached per index generation)."""
    found = _CODE_OF.get(view)
    if found is None:
        codes: dict[str, int] = {}
        found = _CODE_OF[view] = np.fromiter(
            (codes.setdefault(row.code_id, len(codes)) for row in view.rows),
            dtype=np.int64,
            count=len(view.rows),
        )
    return found


def code_shares(code_of: np.ndarray, retrieved: Retrieved, depth: int) -> np.ndarray:
    """Per code number: its share of the text-score mass of the `depth` best matched documents."""
    top = retrieved.top(depth)
    mass = np.bincount(code_of[top], weights=retrieved.scores[top], minlength=int(code_of.max()) + 1)
    total = mass.sum()
    return mass / total if total > 0 else mass


def selection_factors(shares: np.ndarray, weight: float) -> np.ndarray:
    """Per code: what its documents' text scores are multiplied by (1 for the best code)."""
    best = shares.max()
    if best <= 0:
        return np.ones_like(shares)
    return np.maximum(shares / best, SHARE_FLOOR) ** weight


def names_a_code(raw_query: str) -> bool:
    """Does the query name a code ("congé code rural", "CSS")? Then the user chose it."""
    return bool(code_mentions(raw_query).titles)


def with_code_selection(
    view: IndexView, retrieved: Retrieved, pool: Pool, raw_query: str, words: int, config: RankingConfig
) -> Pool:
    """`pool` with each candidate's text score times its code's selection factor (raised to 1 − its
    proximity when the query of `words` lemmas is long enough to quote a wording); unchanged at weight 0,
    with one code among the best matches, or when the query names a code."""
    if config.code_selection_weight <= 0 or not retrieved.matched.any():
        return pool
    code_of = code_numbers(view)
    shares = code_shares(code_of, retrieved, config.code_selection_depth)
    if np.count_nonzero(shares) < 2 or names_a_code(raw_query):
        return pool
    factors = selection_factors(shares, config.code_selection_weight)
    quoting = 0 < config.code_selection_quote_words <= words

    def factor(candidate: Candidate) -> float:
        code_factor = float(factors[code_of[candidate.docnum]])
        return code_factor ** (1.0 - candidate.proximity) if quoting else code_factor

    return pool.scaled(factor)

"""Which code a query's words belong to: a naive-Bayes prior over codes from each code's article
frequencies of the query's lemmas, applied to the text scores before the candidates are chosen.

With many codes, a question worded in one code's vocabulary ("13e mois", "salarié", "employeur") also
matches a few articles of unrelated codes that happen to hold its rarest word; BM25 alone cannot tell that
the query as a whole speaks another code's language. For each typed lemma t and code c,
P(t | c) = (df_c(t) + μ·df(t)/N) / (N_c + μ) (Dirichlet smoothing with the collection's frequency), over
each article's latest version; the code's mean log-likelihood per query word, less the best code's, times
`RankingConfig.code_prior_weight`, is the log of the factor its documents' scores are multiplied by. The
best code is never lowered; with one code (or a code filter) nothing changes. The judged code of an
evaluation is never an input: only the index's own counts are.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from search.code_selection import code_numbers
from search.engine import Engine, Retrieved
from search.index_view import IndexView
from search.ranking import RankingConfig

SMOOTHING = 2000.0  # μ, in articles: a code's own counts outweigh the collection's once it is that large


@dataclass
class _Counts:
    """Per index generation: each document's code number, the articles per code, and each lemma's
    article frequency per code (filled as queries ask for them)."""

    code_of: np.ndarray  # code number of each document
    articles: np.ndarray  # latest versions per code
    latest: np.ndarray  # bool: the document is its article's latest version
    by_lemma: dict[str, np.ndarray] = field(default_factory=dict)


_COUNTS: weakref.WeakKeyDictionary[IndexView, _Counts] = weakref.WeakKeyDictionary()


def _counts(view: IndexView) -> _Counts:
    counts = _COUNTS.get(view)
    if counts is None:
        code_of = code_numbers(view)
        latest = view.latest == np.arange(len(view.rows))
        articles = np.bincount(code_of[latest], minlength=int(code_of.max(initial=-1)) + 1).astype(float)
        counts = _COUNTS[view] = _Counts(code_of, articles, latest)
    return counts


def _frequencies(engine: Engine, counts: _Counts, lemma: str) -> np.ndarray:
    """Articles of each code whose latest version has `lemma` (cached per index generation)."""
    found = counts.by_lemma.get(lemma)
    if found is None:
        mask = engine.phrase((lemma,)) & counts.latest
        found = counts.by_lemma[lemma] = np.bincount(counts.code_of[mask], minlength=counts.articles.size)
    return found


def code_log_prior(engine: Engine, view: IndexView, lemmas: Sequence[str]) -> np.ndarray | None:
    """Per code: its mean log-likelihood per query lemma less the best code's (≤ 0); None when there
    is one code or no lemma the index has."""
    counts = _counts(view)
    if counts.articles.size < 2 or not lemmas:
        return None
    total = counts.articles.sum()
    loglik = np.zeros(counts.articles.size)
    used = 0
    for lemma in dict.fromkeys(lemmas):
        df = _frequencies(engine, counts, lemma)
        if not df.any():
            continue  # a word no article has says nothing about the code
        background = df.sum() / total
        loglik += np.log((df + SMOOTHING * background) / (counts.articles + SMOOTHING))
        used += 1
    if not used:
        return None
    loglik /= used
    return loglik - loglik.max()


def with_code_prior(
    engine: Engine, view: IndexView, lemmas: Sequence[str], retrieved: Retrieved, config: RankingConfig
) -> Retrieved:
    """The text scores times exp(weight · the document's code's log prior)."""
    if config.code_prior_weight <= 0 or not retrieved.matched.any():
        return retrieved
    prior = code_log_prior(engine, view, lemmas)
    if prior is None:
        return retrieved
    factor = np.exp(config.code_prior_weight * prior)
    return replace(retrieved, scores=retrieved.scores * factor[_counts(view).code_of])

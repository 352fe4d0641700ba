"""Section evidence: the articles of one section that match together say what the query is about.

A question names a rule ("rupture conventionnelle individuelle") and asks about one of its details
("renoncer à l'indemnité"); BM25F ranks each article alone, so an article of another rule that repeats a
detail word ("indemnité" in the dismissal articles) can outrank the articles of the rule named. The code
files the articles of a rule under one heading: when several of a section's articles are among the best
candidates, the section is what the query is about. Each candidate's text score gains
`RankingConfig.section_evidence` times its section's evidence (the sum of its three best candidates'
text scores, divided by the best section's), and the section's opening article (its first in the code's
order among the versions searched, where the rule is usually stated before its details) gains
`RankingConfig.section_opening_weight` times it, when it is a candidate: an opening article that shares no
word with the query is not added (the results are the articles that match; adding them measured +0.001
nDCG@10 on the CDTN dev set).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from weakref import WeakKeyDictionary

import numpy as np

from analyzers.citations import order_key
from search import ranking
from search.candidates import Candidate, Pool, best_by_text
from search.index_view import IndexView

SECTION_DEPTH = 100  # best candidates whose sections gather evidence
SECTION_MEMBERS = 3  # a section's best candidates summed: several matching articles, not one long one

SectionKey = tuple[str, tuple[str, ...]]  # (code id, section path)

_MEMBERS: WeakKeyDictionary[IndexView, Mapping[SectionKey, tuple[int, ...]]] = WeakKeyDictionary()


def section_key(view: IndexView, docnum: int) -> SectionKey:
    row = view.rows[docnum]
    return row.code_id, row.section_path


def section_members(view: IndexView) -> Mapping[SectionKey, tuple[int, ...]]:
    """Every version of each section, in the code's order of article numbers (read once per view)."""
    found = _MEMBERS.get(view)
    if found is None:
        gathered: dict[SectionKey, list[int]] = defaultdict(list)
        for docnum, row in enumerate(view.rows):
            if row.section_path:
                gathered[(row.code_id, row.section_path)].append(docnum)
        found = {
            key: tuple(sorted(docnums, key=lambda d: order_key(view.rows[d].number)))
            for key, docnums in gathered.items()
        }
        _MEMBERS[view] = found
    return found


def opening_version(view: IndexView, key: SectionKey, allowed: np.ndarray) -> int | None:
    """The first version of the section, in the code's order, among the versions searched."""
    for docnum in section_members(view).get(key, ()):
        if allowed[docnum]:
            return docnum
    return None


def section_evidence(view: IndexView, candidates: tuple[Candidate, ...]) -> dict[SectionKey, float]:
    """Each section's evidence among the best candidates, in [0, 1] (1: the best section)."""
    ordered = best_by_text(candidates, SECTION_DEPTH)
    texts: dict[SectionKey, list[float]] = defaultdict(list)
    for candidate in ordered:
        if candidate.text > 0 and candidate.cited_order is None:
            texts[section_key(view, candidate.docnum)].append(candidate.text)
    sums = {key: sum(sorted(values, reverse=True)[:SECTION_MEMBERS]) for key, values in texts.items()}
    peak = max(sums.values(), default=0.0) or 1.0
    return {key: value / peak for key, value in sums.items()}


def with_section_evidence(
    view: IndexView, pool: Pool, allowed: np.ndarray, config: ranking.RankingConfig
) -> Pool:
    """`pool` with each candidate raised by its section's evidence, and each section's opening article
    among the candidates raised by it."""
    member, opening = config.section_evidence, config.section_opening_weight
    if (member <= 0 and opening <= 0) or not pool.candidates:
        return pool
    evidence = section_evidence(view, pool.candidates)
    openings: dict[str, float] = {}  # article key → its best section evidence as an opening
    if opening > 0:
        for key, value in evidence.items():
            docnum = opening_version(view, key, allowed)
            if docnum is not None:
                article = view.rows[docnum].article_key
                openings[article] = max(openings.get(article, 0.0), value)
    candidates = []
    for candidate in pool.candidates:
        raised = member * evidence.get(section_key(view, candidate.docnum), 0.0)
        raised += opening * openings.get(candidate.key, 0.0)
        candidates.append(candidate.evolved(text=candidate.text + raised) if raised else candidate)
    return replace(pool, candidates=tuple(candidates))

"""Result rows: one candidate per article, turned into the `Hit` the UI shows (with the other matching
versions of the same article), the facet counts of a result set, and the rows of the articles citing one."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

import numpy as np

from analyzers.citations import order_key
from search.candidates import Candidate
from search.filters import VersionFilter
from search.highlight import Snippet, best_snippet
from search.index_view import IndexView
from search.matching import QueryTerms
from search.results import Hit, VersionRef
from search.urls import article_url, diff_url


def count_articles(view: IndexView, matched: np.ndarray) -> int:
    return int(np.unique(view.article_index[matched]).size) if matched.any() else 0


def matching_versions(view: IndexView, key: str, matched: np.ndarray) -> tuple[int, ...]:
    return tuple(d for d in view.by_article.get(key, ()) if matched[d])


def make_hit(
    codes: Mapping[str, str],
    view: IndexView,
    candidate: Candidate,
    matching: tuple[int, ...],
    terms: QueryTerms,
    texts: Mapping[str, tuple[str, list[tuple[int, int, str]]]],
    references: tuple[str, ...],
    at: date | None = None,
) -> Hit:
    """The result row of `candidate`; its article link follows citations at `at` (the request's date)."""
    row = view.rows[candidate.docnum]
    text_and_spans = texts.get(row.version_id)
    passage = Snippet("")
    if text_and_spans is not None:
        text, spans = text_and_spans
        cited = set(references)
        passage = best_snippet(text, terms, [(s, e) for s, e, key in spans if key in cited])
    others = sorted(
        (view.rows[d] for d in matching if d != candidate.docnum),
        key=lambda other: other.valid_from or date.min,
        reverse=True,
    )
    return Hit(
        article=row.number,
        article_key=row.article_key,
        article_id=row.article_id,
        code=codes.get(row.code_id, row.code_id),
        code_id=row.code_id,
        version_id=row.version_id,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        status=row.status,
        score=round(candidate.score, 6),
        snippet=str(passage.html()) if passage.text else "",
        section_path=row.section_path,
        other_versions=tuple(
            VersionRef(o.version_id, o.valid_from, o.valid_to, o.status, o.start_uncertain, o.end_uncertain)
            for o in others
        ),
        amending_text=row.amending_title or None,
        article_url=article_url(row.version_id, at),
        diff_url=diff_url(row.version_id),
        amending_text_id=row.amending_text_id or None,
        snippet_text=passage.text,
        highlights=passage.highlights,
        start_uncertain=row.start_uncertain,
        end_uncertain=row.end_uncertain,
    )


def facets(view: IndexView, matched: np.ndarray) -> dict[str, tuple[tuple[str, int], ...]]:
    """Counts of matching ARTICLES per partie, livre and status, each article counted once through its
    most recent matching version."""
    docs = np.flatnonzero(matched)
    if not docs.size:
        return {name: () for name in view.facet_codes}
    ordered = docs[np.lexsort((-view.recency[docs], view.article_index[docs]))]
    _, first = np.unique(view.article_index[ordered], return_index=True)
    shown = ordered[first]
    result: dict[str, tuple[tuple[str, int], ...]] = {}
    for name, codes in view.facet_codes.items():
        counts = np.bincount(codes[shown], minlength=len(view.facet_values[name]))
        pairs = [
            (view.facet_values[name][i], int(n))
            for i, n in enumerate(counts.tolist())
            if n and view.facet_values[name][i]
        ]
        result[name] = tuple(sorted(pairs, key=lambda pair: (-pair[1], pair[0])))
    return result


def citing_hits(view: IndexView, codes: Mapping[str, str], citing: Collection[str], day: date) -> list[Hit]:
    """One row per article with a version in force at `day` among the `citing` version ids, by code and
    number (the article page's "Cité par")."""
    allowed = view.filter_mask(VersionFilter(day), None, None, None)
    hits = []
    seen: set[str] = set()
    for docnum, row in enumerate(view.rows):
        if row.version_id in citing and allowed[docnum] and row.article_key not in seen:
            seen.add(row.article_key)
            hits.append(make_hit(codes, view, Candidate(row.article_key, docnum), (), QueryTerms(), {}, ()))
    return sorted(hits, key=lambda hit: (hit.code, order_key(hit.article)))

"""One row per wording: an article whose text is (nearly) the same as a better-ranked hit's is shown under
that hit ("même texte : …"), not as a row of its own.

Across all codes the same wording often stands in several places: a code copied for an overseas
territory (the Code du travail applicable à Mayotte repeats many articles of the Code du travail), an
article reproduced in a second code, an annex repeating a decree. Each copy scores like the original, so
a page could show the same sentence two or three times and push other answers off it. The better-ranked
article keeps its row and lists the others (code, number, link); the result count still counts every
matching article, and a notice says that rows were grouped.

Similarity is the Jaccard index of the two texts' sets of word 5-shingles (on the surface stream of
`analyzers.french`, so accents, case and elisions do not count): 1 for the same text, about 0.5 when a
third of the words differ. `RankingConfig.same_text_similarity` is the threshold (0.7, chosen by group
CV over all codes); 0 shows every hit (scripts/eval_search.py --compare-home cross-validates it). An
article the query cites is never folded under another.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from analyzers.french import analyze_surface
from search.candidates import Candidate
from search.index_view import IndexView
from search.read_cache import ReadCache
from search.results import SameText
from search.urls import article_url

Texts = Callable[[Sequence[str]], Mapping[str, tuple[str, object]]]

SHINGLE = 5  # words per shingle: long enough that shared legal boilerplate is not "the same text"
EXTRA_READ = 5  # texts read beyond the rows still needed, so that one fold does not cost another read
LENGTH_MARGIN = 0.8  # texts whose lengths differ more than the similarity allows (with this margin) differ
INDEXED_FROM = 64  # kept rows from which a new text is compared only with those sharing a shingle


@dataclass(frozen=True)
class Collapsed:
    """The ranking with the folded candidates taken out, and what each kept row folded (article key →
    the docnums shown under it, in rank order)."""

    ranked: tuple[Candidate, ...]
    folded: Mapping[str, tuple[int, ...]]


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """Hashes of the text's runs of `size` consecutive words (the whole text when it is shorter)."""
    words = analyze_surface(text)
    if len(words) <= size:
        return frozenset([hash(tuple(words))]) if words else frozenset()
    return frozenset(hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1))


def jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def collapse_same_text(
    ranked: Sequence[Candidate],
    wanted: int,
    view: IndexView,
    texts: Texts,
    similarity: float,
) -> Collapsed:
    """Walk the ranking best first until `wanted` rows are kept; a candidate whose text is at least
    `similarity` alike to a kept row's joins that row. Candidates past the walk are left as they are."""
    if similarity <= 0 or len(ranked) < 2:
        return Collapsed(tuple(ranked), {})
    kept = _Kept()
    folded: dict[str, list[int]] = {}
    position = 0
    while position < len(ranked) and len(kept.texts) < wanted:
        batch = ranked[position : position + wanted - len(kept.texts) + EXTRA_READ]
        read = texts([view.rows[c.docnum].version_id for c in batch])
        for candidate in batch:
            position += 1
            text = read.get(view.rows[candidate.docnum].version_id, ("", None))[0] or ""
            own = _Text(candidate, text, view.read_cache)
            twin = None if candidate.cited_order is not None else kept.twin(own, similarity)
            if twin is None:
                kept.add(own)
            else:
                folded.setdefault(twin.key, []).append(candidate.docnum)
            if len(kept.texts) >= wanted:
                break
    remaining = tuple(text.candidate for text in kept.texts) + tuple(ranked[position:])
    return Collapsed(remaining, {key: tuple(docnums) for key, docnums in folded.items()})


class _Text:
    """A candidate's text, its shingles computed only when needed (a text of a comparable length met,
    or the kept rows indexed)."""

    def __init__(self, candidate: Candidate, text: str, cache: ReadCache) -> None:
        self.candidate, self.text = candidate, text
        self._cache = cache  # a version's shingles are the same for every search on the view
        self._shingles: frozenset[int] | None = None

    @property
    def shingles(self) -> frozenset[int]:
        if self._shingles is None:
            self._shingles = self._cache.get(("shingles", self.candidate.docnum), lambda: shingles(self.text))
        return self._shingles

    def comparable(self, other: _Text, similarity: float) -> bool:
        """Whether the lengths allow the similarity: Jaccard is at most the ratio of the shingle counts,
        which the ratio of the lengths in characters approaches (with a margin for word lengths)."""
        short, long = sorted((len(self.text), len(other.text)))
        return long == 0 or short / long >= LENGTH_MARGIN * similarity


class _Kept:
    """The rows kept so far, in rank order. A page's few rows are compared with a new text one by one,
    each text's shingles computed only if its length allows the similarity; past INDEXED_FROM rows (a
    deep page, thousands of them, would compare every pair) the kept rows' shingles are indexed, and a
    text is compared only with the rows it shares a shingle with."""

    def __init__(self) -> None:
        self.texts: list[_Text] = []
        self._holding: dict[int, list[int]] | None = None

    def add(self, text: _Text) -> None:
        self.texts.append(text)
        if self._holding is not None:
            self._hold(len(self.texts) - 1)
        elif len(self.texts) >= INDEXED_FROM:
            self._holding = {}
            for index in range(len(self.texts)):
                self._hold(index)

    def _hold(self, index: int) -> None:
        for shingle in self.texts[index].shingles:
            self._holding.setdefault(shingle, []).append(index)  # type: ignore[union-attr]

    def twin(self, own: _Text, similarity: float) -> Candidate | None:
        """The best-ranked kept row whose text is alike enough to `own`."""
        if self._holding is None:
            alike = (
                other
                for other in self.texts
                if own.comparable(other, similarity) and jaccard(own.shingles, other.shingles) >= similarity
            )
            found = next(alike, None)
            return None if found is None else found.candidate
        shared = Counter(index for shingle in own.shingles for index in self._holding.get(shingle, ()))
        for index in sorted(shared):
            other = self.texts[index]
            if own.comparable(other, similarity) and _jaccard(shared[index], own, other) >= similarity:
                return other.candidate
        return None


def _jaccard(shared: int, one: _Text, other: _Text) -> float:
    return shared / (len(one.shingles) + len(other.shingles) - shared)


def same_text_refs(
    view: IndexView, codes: Mapping[str, str], docnums: Sequence[int], at: date | None
) -> tuple[SameText, ...]:
    """The rows folded under a hit, as references the page links to (citations followed at `at`)."""
    rows = [view.rows[docnum] for docnum in docnums]
    return tuple(
        SameText(
            row.number,
            row.article_key,
            codes.get(row.code_id, row.code_id),
            row.code_id,
            row.version_id,
            article_url(row.version_id, at),
        )
        for row in rows
    )


def remembered(texts: Texts) -> Texts:
    """`texts` reading each version once per search (grouping, then snippets, read the same ones)."""
    read: dict[str, tuple[str, object]] = {}

    def remember(version_ids: Sequence[str]) -> Mapping[str, tuple[str, object]]:
        missing = [version_id for version_id in version_ids if version_id not in read]
        if missing:
            read.update(texts(missing))
        return {version_id: read[version_id] for version_id in version_ids if version_id in read}

    return remember

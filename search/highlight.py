"""Highlighting on the ORIGINAL text: a word is marked when its lemma or its folded form matches the
query's (so "deleguee" marks "déléguée", and "licencier" marks "licenciement" exactly when the analyzers
give them one lemma), quoted phrases are marked whole, and citations of the articles the query names are
marked too. The snippet is the passage with the most distinct matches; everything is HTML-escaped with
markupsafe and the only markup added is <mark>.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from analyzers.french import analyze
from search.matching import QueryTerms

SNIPPET_CHARS = 280
LEAD_CHARS = 60  # context kept before the first match of the passage


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    term: str  # what matched, to count distinct matches per passage
    citation: bool = False


def find_marks(text: str, terms: QueryTerms, citation_spans: Iterable[tuple[int, int]] = ()) -> list[Mark]:
    """Spans of `text` to mark, sorted and without overlaps."""
    lemmas = set(terms.lemmas)
    surface = set(terms.surface)
    marks: list[Mark] = []
    if lemmas or terms.expansion_phrases:
        analyzed = analyze(text, lemmas=True)
        marks += [Mark(t.start, t.end, t.text) for t in analyzed if t.text in lemmas]
        stream = [t.text for t in analyzed]
        for phrase in terms.expansion_phrases:  # an expansion is marked only where it occurs whole
            size = len(phrase)
            for index in range(len(stream) - size + 1):
                if tuple(stream[index : index + size]) == phrase:
                    marks.append(
                        Mark(analyzed[index].start, analyzed[index + size - 1].end, " ".join(phrase))
                    )
    if surface or terms.phrases:
        tokens = analyze(text, lemmas=False)
        marks += [Mark(t.start, t.end, t.text) for t in tokens if t.text in surface]
        words = [t.text for t in tokens]
        for phrase in terms.phrases:
            size = len(phrase)
            for index in range(len(words) - size + 1):
                if tuple(words[index : index + size]) == phrase:
                    marks.append(Mark(tokens[index].start, tokens[index + size - 1].end, " ".join(phrase)))
    marks += [Mark(start, end, f"§{start}", citation=True) for start, end in citation_spans]
    return _merge(marks)


def _merge(marks: list[Mark]) -> list[Mark]:
    merged: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if merged and mark.start < merged[-1].end:
            last = merged[-1]
            if mark.end > last.end:
                merged[-1] = Mark(last.start, mark.end, last.term, last.citation or mark.citation)
            continue
        merged.append(mark)
    return merged


def render(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> Markup:
    """`text[start:end]` escaped, with each mark inside it wrapped in <mark>."""
    end = len(text) if end is None else end
    parts: list[str] = []
    cursor = start
    for mark in marks:
        if mark.end <= start or mark.start >= end:
            continue
        mark_start, mark_end = max(mark.start, start), min(mark.end, end)
        parts.append(str(escape(text[cursor:mark_start])))
        parts.append(f"<mark>{escape(text[mark_start:mark_end])}</mark>")
        cursor = mark_end
    parts.append(str(escape(text[cursor:end])))
    return Markup("".join(parts))


def best_window(marks: list[Mark], length: int, size: int = SNIPPET_CHARS) -> tuple[int, int]:
    """The [start, end) passage of about `size` characters holding the most distinct matched terms."""
    if not marks or length <= size:
        return 0, min(length, size) if marks or length > size else length
    best, best_start = -1, 0
    for index, first in enumerate(marks):
        window_end = first.start + size
        distinct = {m.term for m in marks[index:] if m.end <= window_end}
        if len(distinct) > best:
            best, best_start = len(distinct), first.start
    start = max(0, best_start - LEAD_CHARS)
    return start, min(length, start + size)


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    if start > 0:
        space = text.find(" ", start, start + 30)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", end - 30, end)
        end = space if space > start else end
    return start, end


@dataclass(frozen=True)
class Snippet:
    """A passage as plain text and the [start, end) character spans to highlight in it: what an API
    returns (HTML belongs to the page that renders it; `html()` is that rendering for the app)."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()

    def html(self) -> Markup:
        return render(self.text, [Mark(start, end, "") for start, end in self.highlights])


def best_snippet(
    text: str, terms: QueryTerms, citation_spans: Iterable[tuple[int, int]] = (), size: int = SNIPPET_CHARS
) -> Snippet:
    """The best passage of `text` for the query, "…" where it was cut, with its matches' spans."""
    marks = find_marks(text, terms, citation_spans)
    start, end = best_window(marks, len(text), size)
    start, end = _word_bounds(text, start, end)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    shift = len(prefix) - start
    highlights = tuple(
        (max(mark.start, start) + shift, min(mark.end, end) + shift)
        for mark in marks
        if mark.end > start and mark.start < end
    )
    return Snippet(prefix + text[start:end] + suffix, highlights)


def snippet(
    text: str, terms: QueryTerms, citation_spans: Iterable[tuple[int, int]] = (), size: int = SNIPPET_CHARS
) -> Markup:
    """The best passage of `text` for the query, escaped, matches in <mark>, "…" where it was cut."""
    return best_snippet(text, terms, citation_spans, size).html()

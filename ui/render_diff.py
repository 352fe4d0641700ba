"""Diffs as HTML: one version's changes inline (insertions and deletions marked by signs as well as
colour, long unchanged stretches folded) or side by side. Built from ui.render's escaped parts, under the
same rules (one line per fragment, only the app's own tags)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from search.diff import BREAK, OpKind, Segment, TextDiff, side_by_side
from search.diff import count_words as diff_count_words
from ui.render import join, text


def _lines(value: str) -> Markup:
    """Text whose line breaks (paragraphs) become <br>: the fragment stays one line of escaped HTML."""
    return join((text(line) for line in value.split(BREAK)), Markup("<br>"))


def _words(tokens: Sequence[str]) -> Markup:
    return _lines("".join(tokens))


def _drop_edge_breaks(tokens: Sequence[str]) -> Sequence[str]:
    start, end = 0, len(tokens)
    while start < end and tokens[start] == BREAK:
        start += 1
    while end > start and tokens[end - 1] == BREAK:
        end -= 1
    return tokens[start:end]


def _change(tokens: Sequence[str], tag: str, label: str, sign: str) -> Markup:
    """A deleted/inserted run: the tag, its colour, and visible signs so colour is never the only cue.
    A run of paragraph breaks alone (a paragraph split or joined) is shown as the break, unmarked."""
    if all(token == BREAK for token in tokens):
        return Markup("<br>") if tag == "ins" else Markup("")
    lead = Markup("<br>") if tokens[0] == BREAK else Markup(" ") if tokens[0][:1] == " " else Markup("")
    trail = Markup("<br>") if tokens[-1] == BREAK else Markup("")
    inner = list(_drop_edge_breaks(tokens))
    inner[0] = inner[0].lstrip(" ")
    return Markup(
        '{}<{} aria-label="{}" title="{}"><span class="lx-sign">[{}</span> {} <span class="lx-sign">{}]</span></{}>{}'
    ).format(lead, Markup(tag), label, label, sign, _words(inner), sign, Markup(tag), trail)


def _unchanged(tokens: Sequence[str], *, context: int, collapse: str, first: bool, last: bool) -> Markup:
    """An equal run; long runs keep `context` tokens next to each change, the rest folded or counted."""
    if collapse == "none" or len(tokens) <= 2 * context + 4:
        return _words(tokens)
    head = () if first else tokens[:context]
    tail = () if last else tokens[len(tokens) - context :]
    hidden = tokens[len(head) : len(tokens) - len(tail)]
    label = f"… {count_words(hidden)} mots inchangés …"
    if collapse == "details":
        middle = Markup(" <details><summary>{}</summary>{}</details> ").format(
            text(label), _words(_drop_edge_breaks(hidden))
        )
    else:
        middle = Markup(' <span class="lx-gap">{}</span> ').format(text(label))
    return join([_words(head), middle, _words(tail)])


def count_words(tokens: Sequence[str]) -> int:
    return diff_count_words(tuple(tokens))


def diff(result: TextDiff, *, collapse: str = "details", context: int = 12) -> Markup:
    """Render a word diff inline (a redline): <del>/<ins> with strike/underline, colours AND visible
    [− −] / [+ +] signs, paragraphs kept.

    collapse: "details" folds long unchanged runs into an expandable <details>, "gap" replaces them by a
    word count (compact changeset view), "none" shows everything.
    """
    parts = []
    last_index = len(result.ops) - 1
    for index, op in enumerate(result.ops):
        if op.kind is OpKind.EQUAL:
            parts.append(
                _unchanged(
                    op.new, context=context, collapse=collapse, first=index == 0, last=index == last_index
                )
            )
            continue
        if op.old:
            parts.append(_change(op.old, "del", "supprimé", "−"))
        if op.new:
            parts.append(_change(op.new, "ins", "ajouté", "+"))
    return Markup('<div class="lx-diff">{}</div>').format(join(parts))


def _side(segments: Sequence[Segment], tag: str) -> Markup:
    parts = []
    for segment in segments:
        words = _lines(segment.text)
        parts.append(
            Markup("<{}>{}</{}>").format(Markup(tag), words, Markup(tag)) if segment.changed else words
        )
    return join(parts)


def diff_columns(result: TextDiff, *, old_label: str, new_label: str) -> Markup:
    """The side-by-side view: old | new, one table row per paragraph both sides share; changed rows are
    marked (colour and a "modifié" cell label), unchanged ones are shown dimmed."""
    rows = []
    for row in side_by_side(result):
        css = "lx-row-changed" if row.changed else "lx-row-same"
        rows.append(
            Markup('<tr class="{}"><td>{}</td><td>{}</td></tr>').format(
                css, _side(row.old, "del"), _side(row.new, "ins")
            )
        )
    return Markup(
        '<table class="lx-sbs"><thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
        "<tbody>{}</tbody></table>"
    ).format(text(old_label), text(new_label), join(rows))


LEGEND = Markup(
    '<div class="lx-legend">Légende : <span><del><span class="lx-sign">[−</span> texte supprimé '
    '<span class="lx-sign">−]</span></del> <ins><span class="lx-sign">[+</span> texte ajouté '
    '<span class="lx-sign">+]</span></ins></span></div>'
)

"""Every piece of HTML the app shows, built from escaped parts.

The views hand these strings to `st.markdown(..., unsafe_allow_html=True)`, so this module is the one place
where markup is made: corpus text, queries and ids are escaped with markupsafe, Markdown's own syntax
characters are turned into entities (Streamlit runs Markdown over the HTML too), and the only tags are the
app's own (`mark`, `ins`, `del`, links to `?…` URLs, layout `div`/`span`). Each fragment is one line: a
blank line would end the raw-HTML block and let Markdown loose on the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from markupsafe import Markup, escape

from corpus import dating
from corpus.french_dates import french_date as french_day
from corpus.model import STATUS_LABELS_FR, Status, UncertainDate, Version
from search.diff import OpKind, TextDiff

# Characters Markdown (and Streamlit's extensions: emoji/material shortcodes, LaTeX) would interpret, applied
# after markupsafe's escaping: so never "&", "#", ";" or alphanumerics, which its entities are made of.
_MARKDOWN_ENTITIES = {ord(char): f"&#{ord(char)};" for char in "\\`*_{}[]()+-.!|~:$^=\n\r"}

STYLE = Markup("""<style>
.lx-hit{border-bottom:1px solid #ddd;padding:.6rem 0}
.lx-title{font-weight:600;font-size:1.05rem}
.lx-crumbs{color:#555;font-size:.85rem}
.lx-meta{color:#333;font-size:.9rem}
.lx-links a{margin-right:.4rem;font-weight:600}
.lx-snippet mark{background:#ffe066;color:inherit;padding:0 .1em}
.lx-text{line-height:1.6;white-space:normal}
.lx-diff{line-height:1.8}
.lx-diff del,.lx-legend del{background:#ffd7d5;color:#82071e;text-decoration:line-through}
.lx-diff ins,.lx-legend ins{background:#ccffd8;color:#055d20;text-decoration:underline}
.lx-sign{font-weight:700;text-decoration:none;display:inline-block}
.lx-diff details{display:inline}
.lx-diff summary{display:inline;cursor:pointer;color:#555;font-style:italic}
.lx-gap{color:#777;font-style:italic}
.lx-notice{background:#fff4e5;border-left:4px solid #f0a000;padding:.4rem .6rem;margin:.3rem 0}
.lx-timeline li.lx-current{font-weight:600}
.lx-uncertain{display:inline-block;border:2px dashed #b07d00;background:repeating-linear-gradient(45deg,#fff8e1,#fff8e1 6px,#ffecb3 6px,#ffecb3 12px);padding:.1rem .5rem;font-style:italic}
.lx-legend{font-size:.85rem;color:#444}
</style>""")


def text(value: object) -> Markup:
    """Escape untrusted text for HTML and neutralise Markdown syntax (both as numeric entities)."""
    return Markup(str(escape(str(value))).translate(_MARKDOWN_ENTITIES))


def link(href: str, label: object, *, css: str | None = None) -> Markup:
    """A link to one of the app's own screens: only relative `?…` URLs are ever produced."""
    if not href.startswith("?"):
        raise ValueError(f"refusing to link outside the app: {href!r}")
    cls = Markup(' class="{}"').format(css) if css else Markup("")
    return Markup('<a href="{}" target="_self"{}>{}</a>').format(href, cls, text(label))


def join(parts: Iterable[Markup], separator: str = "") -> Markup:
    return Markup(separator).join(parts)


# -- dates and validity ------------------------------------------------------------------------------------


def french_date(day: date | None) -> str:
    """ "1er janvier 2018"; a missing date is an entry into force not fixed yet."""
    if day is None:
        return "date non fixée"
    return french_day(day)


def validity(
    valid_from: date | None,
    valid_to: date | None,
    *,
    end_pending: bool = False,
    start: UncertainDate | None = None,
    end: UncertainDate | None = None,
) -> str:
    """ "en vigueur depuis le 1er janvier 2018" / "du 1er janvier 2018 au 3 mars 2020"; an uncertain
    boundary reads "entre le 7 avril 2015 et mars 2023, date exacte inconnue" (`corpus.dating`)."""
    return dating.validity(valid_from, valid_to, start=start, end=end, end_pending=end_pending)


def version_validity(version: Version) -> str:
    """A version's validity, its uncertain boundaries included."""
    return validity(
        version.valid_from,
        version.valid_to,
        end_pending=version.valid_to_pending,
        start=version.start_uncertain,
        end=version.end_uncertain,
    )


def status_label(status: str | Status) -> str:
    try:
        return STATUS_LABELS_FR[Status(status)]
    except ValueError:
        return str(status)


# -- small blocks ------------------------------------------------------------------------------------------


def notices(messages: Sequence[str]) -> Markup:
    return join(Markup('<div class="lx-notice" role="status">{}</div>').format(text(m)) for m in messages)


def breadcrumb(path: Sequence[str]) -> Markup:
    if not path:
        return Markup("")
    return Markup('<div class="lx-crumbs" aria-label="emplacement">{}</div>').format(
        join((text(part) for part in path), " › ")
    )


def snippet(highlighted: str) -> Markup:
    """Re-escape the service's snippet keeping only its <mark> tags, whatever else it may contain."""
    out = []
    for i, piece in enumerate(highlighted.replace("</mark>", "<mark>").split("<mark>")):
        plain = text(Markup(piece).unescape())
        out.append(Markup("<mark>{}</mark>").format(plain) if i % 2 else plain)
    return Markup('<div class="lx-snippet">{}</div>').format(join(out))


def paragraph(content: Markup, css: str = "lx-meta") -> Markup:
    return Markup('<div class="{}">{}</div>').format(css, content)


# -- search results ----------------------------------------------------------------------------------------


def hit(
    row: object,
    *,
    article_href: str,
    diff_href: str,
    other_versions: Sequence[tuple[str, str]],
    amending_href: str | None = None,
    notice: str | None = None,
) -> Markup:
    """One result row; `other_versions` are (href, label) of the other matching versions; `amending_href`
    leads to the changeset of the text that made this version; `notice` warns about its dates."""
    title = Markup('<div class="lx-title">Article {} <span class="lx-crumbs">· {}</span></div>').format(
        text(row.article), text(row.code)
    )
    dates = validity(
        row.valid_from,
        row.valid_to,
        start=getattr(row, "start_uncertain", None),
        end=getattr(row, "end_uncertain", None),
    )
    meta = [text(dates), text(f"statut : {status_label(row.status)}")]
    if row.amending_text:
        amending = link(amending_href, row.amending_text) if amending_href else text(row.amending_text)
        meta.append(join([text("modifié par : "), amending]))
    links = Markup('<div class="lx-links">{} {}</div>').format(
        link(article_href, "Article"), link(diff_href, "Modifications")
    )
    others = Markup("")
    if other_versions:
        others = Markup('<div class="lx-meta">Autres versions correspondantes : {}</div>').format(
            join((link(href, label) for href, label in other_versions), ", ")
        )
    return Markup('<div class="lx-hit">{}{}{}{}{}{}{}</div>').format(
        title,
        breadcrumb(row.section_path),
        snippet(row.snippet),
        paragraph(join(meta, " · ")),
        notices([notice] if notice else []),
        links,
        others,
    )


# -- article text with citations -------------------------------------------------------------------------


def article_text(
    body: str,
    citations: Iterable[tuple[int, int, str | None]],
    *,
    breaks: Iterable[int] = (),
    tag: str = "div",
) -> Markup:
    """The text with each citation span (start, end, href or None) made a link, overlaps keeping the first,
    and a line break before each offset of `breaks` (paragraph starts) that falls outside a citation."""
    cuts = sorted({b for b in breaks if 0 < b < len(body)} | {i + 1 for i, c in enumerate(body) if c == "\n"})
    out: list[Markup] = []

    def plain(start: int, end: int) -> None:
        cursor = start
        for cut in cuts:
            if start < cut < end:
                out.append(text(body[cursor:cut].rstrip("\n")))
                out.append(Markup("<br>"))
                cursor = cut
        out.append(text(body[cursor:end].rstrip("\n")))

    cursor = 0
    for start, end, href in sorted(citations, key=lambda c: (c[0], -c[1])):
        if start < cursor or end <= start or end > len(body):
            continue
        plain(cursor, start)
        span = body[start:end]
        out.append(link(href, span, css="lx-cite") if href else text(span))
        cursor = end
    plain(cursor, len(body))
    return Markup('<{} class="lx-text">{}</{}>').format(Markup(tag), join(out), Markup(tag))


_BLOCK_TAG = re.compile(r"</?(?:p|div|br|tr|li|h[1-6]|table|blockquote)\b[^<>]*>", re.IGNORECASE)


def paragraph_starts(body: str, html: str | None) -> list[int]:
    """Offsets in the flat `body` where the source HTML starts a paragraph (the HTML is only measured,
    never shown); paragraphs whose wording cannot be found are skipped."""
    starts: list[int] = []
    cursor = 0
    for chunk in _BLOCK_TAG.split(html or ""):
        words = Markup(chunk).striptags().split()
        if not words:
            continue
        probe = " ".join(words[:4])
        found = body.find(probe, cursor)
        if found < 0:
            continue
        if found > 0:
            starts.append(found)
        cursor = found + len(probe)
    return starts


# -- diffs -------------------------------------------------------------------------------------------------


def _change(tokens: Sequence[str], tag: str, label: str, sign: str) -> Markup:
    """A deleted/inserted run: the tag, its colour, and visible signs so colour is never the only cue."""
    lead = " " if tokens and tokens[0][:1] == " " else ""
    return Markup(
        '{}<{} aria-label="{}" title="{}"><span class="lx-sign">[{}</span> {} <span class="lx-sign">{}]</span></{}>'
    ).format(lead, Markup(tag), label, label, sign, text("".join(tokens).strip()), sign, Markup(tag))


def _unchanged(tokens: Sequence[str], *, context: int, collapse: str, first: bool, last: bool) -> Markup:
    """An equal run; long runs keep `context` tokens next to each change, the rest folded or counted."""
    if collapse == "none" or len(tokens) <= 2 * context + 4:
        return text("".join(tokens))
    head = () if first else tokens[:context]
    tail = () if last else tokens[len(tokens) - context :]
    hidden = tokens[len(head) : len(tokens) - len(tail)]
    label = f"… {count_words(hidden)} mots inchangés …"
    if collapse == "details":
        middle = Markup(" <details><summary>{}</summary>{}</details> ").format(
            text(label), text("".join(hidden).strip())
        )
    else:
        middle = Markup(' <span class="lx-gap">{}</span> ').format(text(label))
    return join([text("".join(head)), middle, text("".join(tail).lstrip())])


def count_words(tokens: Sequence[str]) -> int:
    return sum(1 for token in tokens if token.strip()[:1].isalnum())


def diff(result: TextDiff, *, collapse: str = "details", context: int = 12) -> Markup:
    """Render a word diff: <del>/<ins> with strike/underline, colours AND visible [− −] / [+ +] signs.

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


LEGEND = Markup(
    '<div class="lx-legend">Légende : <span><del><span class="lx-sign">[−</span> texte supprimé '
    '<span class="lx-sign">−]</span></del> <ins><span class="lx-sign">[+</span> texte ajouté '
    '<span class="lx-sign">+]</span></ins></span></div>'
)


# -- lists ---------------------------------------------------------------------------------------------------


def bullet_list(items: Iterable[Markup], *, css: str = "", current: int | None = None) -> Markup:
    rows = []
    for index, item in enumerate(items):
        cls = Markup(' class="lx-current" aria-current="true"') if index == current else Markup("")
        rows.append(Markup("<li{}>{}</li>").format(cls, item))
    return Markup('<ul class="{}">{}</ul>').format(css, join(rows))


def end_of_screen(view: str) -> Markup:
    """An empty marker written last: browser tests wait for it to know the screen is complete."""
    return Markup('<div class="lx-done lx-done-{}"></div>').format(view)


def fragment(*parts: Markup | str) -> Markup:
    """Concatenate already-built parts (plain strings are escaped)."""
    return join(part if isinstance(part, Markup) else text(part) for part in parts)

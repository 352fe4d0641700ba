"""Every piece of HTML the app shows, built from escaped parts.

The views hand these strings to `st.markdown(..., unsafe_allow_html=True)`, so this module (with
ui.render_diff for diffs, built from its parts) is where markup is made: corpus text, queries and ids are escaped with markupsafe, Markdown's own syntax
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

# Characters Markdown (and Streamlit's extensions: emoji/material shortcodes, LaTeX) would interpret, applied
# after markupsafe's escaping: so never "&", "#", ";" or alphanumerics, which its entities are made of.
_MARKDOWN_ENTITIES = {ord(char): f"&#{ord(char)};" for char in "\\`*_{}[]()+-.!|~:$^=\n\r"}

STYLE = Markup("""<style>
.lx-hit{border-bottom:1px solid #ddd;padding:.4rem 0;line-height:1.35}
.lx-title{font-weight:600;font-size:1.02rem}
.lx-code{font-weight:400;color:#555;font-size:.85rem}
.lx-crumbs{color:#555;font-size:.82rem}
details.lx-crumbs summary{cursor:pointer;list-style:none}
details.lx-crumbs summary::-webkit-details-marker{display:none}
details.lx-crumbs[open] summary{display:none}
.lx-snippet{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;font-size:.93rem}
.lx-ref{border-bottom:1px dotted #777;cursor:help}
.lx-h1{font-size:1.45rem;font-weight:700;line-height:1.25;margin:0 0 .2rem 0}
[data-testid="stMainBlockContainer"]{padding-top:3rem}
.lx-coverage{color:#555;font-size:.82rem;margin:-.6rem 0 .3rem 0}
.lx-sbs{width:100%;border-collapse:collapse;table-layout:fixed;line-height:1.6}
.lx-sbs th{text-align:left;font-size:.85rem;color:#333;border-bottom:2px solid #ccc;padding:.2rem .4rem}
.lx-sbs td{vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid #eee;word-wrap:break-word}
.lx-sbs tr.lx-row-same td{color:#666}
.lx-sbs tr.lx-row-changed td:first-child{background:#fff5f5}
.lx-sbs tr.lx-row-changed td:last-child{background:#f3fff5}
.lx-sbs del{background:#ffd7d5;color:#82071e;text-decoration:line-through}
.lx-sbs ins{background:#ccffd8;color:#055d20;text-decoration:underline}
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
.lx-uncovered{display:inline-block;border:2px dashed #8a8a8a;background:repeating-linear-gradient(45deg,#f4f4f4,#f4f4f4 6px,#e4e4e4 6px,#e4e4e4 12px);padding:.1rem .5rem;font-style:italic}
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


def article_title(number: str) -> str:
    """ "Article L1233-3"; an annex is named by itself ("Annexe I à l'article R4312-1"), never
    "Article Annexe"."""
    if number.casefold().startswith("annexe"):
        return number[:1].upper() + number[1:]
    return f"Article {number}"


def short_path(path: Sequence[str], *, keep: int = 2) -> Markup:
    """The last `keep` levels of a section path; the whole path on demand (a <details>, which works
    without hover on a phone)."""
    if len(path) <= keep:
        return breadcrumb(path)
    tail = join((text(part) for part in path[-keep:]), " › ")
    return Markup(
        '<details class="lx-crumbs" aria-label="emplacement"><summary title="{}">… › {}</summary>{}</details>'
    ).format(" › ".join(path), tail, join((text(part) for part in path), " › "))


def hit(
    row: object,
    *,
    article_href: str,
    diff_href: str,
    other_versions: Sequence[tuple[str, str]],
    amending_href: str | None = None,
    status_text: str | None = None,
    notices_shown: Sequence[str] = (),
    same_text: Sequence[tuple[str, str]] = (),
) -> Markup:
    """One result row in about four lines: title and code, the section path shortened, the snippet (two
    lines at most), then validity, status, amending text and the links. `other_versions` are (href, label)
    of the other matching versions, folded; `amending_href` leads to the changeset of the text that made
    this version; `status_text` replaces the stored status (a dated search speaks of the status then);
    `notices_shown` warn about its dates; `same_text` are (href, label) of the articles of the same wording
    grouped under it, folded."""
    title = Markup('<div class="lx-title">{} <span class="lx-code">· {}</span></div>').format(
        text(article_title(row.article)), text(row.code)
    )
    dates = validity(
        row.valid_from,
        row.valid_to,
        start=getattr(row, "start_uncertain", None),
        end=getattr(row, "end_uncertain", None),
    )
    meta = [text(dates), text(status_text or status_label(row.status))]
    if row.amending_text:
        amending = link(amending_href, row.amending_text) if amending_href else text(row.amending_text)
        meta.append(join([text("par "), amending]))
    meta.append(join([link(article_href, "Article"), link(diff_href, "Modifications")], " "))
    others = Markup("")
    if other_versions:
        count = len(other_versions)
        others = Markup('<details class="lx-meta"><summary>{}</summary>{}</details>').format(
            text(
                f"{count} autre{'s' if count > 1 else ''} version{'s' if count > 1 else ''} correspondante"
                f"{'s' if count > 1 else ''}"
            ),
            join((link(href, label) for href, label in other_versions), ", "),
        )
    if same_text:
        count = len(same_text)
        others += Markup('<details class="lx-meta"><summary>{}</summary>{}</details>').format(
            text(
                f"même texte dans {count} autre{'s' if count > 1 else ''} article{'s' if count > 1 else ''}"
            ),
            join((link(href, label) for href, label in same_text), ", "),
        )
    return Markup('<div class="lx-hit">{}{}{}{}{}{}</div>').format(
        title,
        short_path(row.section_path),
        snippet(row.snippet),
        Markup('<div class="lx-meta lx-links">{}</div>').format(join(meta, " · ")),
        notices(notices_shown),
        others,
    )


# -- article text with citations -------------------------------------------------------------------------


def article_text(
    body: str,
    citations: Iterable[tuple[int, int, str | None] | tuple[int, int, str | None, str | None]],
    *,
    breaks: Iterable[int] = (),
    tag: str = "div",
) -> Markup:
    """The text with each citation span (start, end, href or None[, tooltip]) made a link, overlaps keeping
    the first, and a line break before each offset of `breaks` (paragraph starts) outside a citation. A span
    without href but with a tooltip is a reference the corpus cannot follow (its code is not loaded)."""
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
    for start, end, href, *tooltip in sorted(citations, key=lambda c: (c[0], -c[1])):
        if start < cursor or end <= start or end > len(body):
            continue
        plain(cursor, start)
        span = body[start:end]
        if href:
            out.append(link(href, span, css="lx-cite"))
        elif tooltip and tooltip[0]:
            out.append(
                Markup('<span class="lx-ref" title="{}" tabindex="0">{}</span>').format(
                    tooltip[0], text(span)
                )
            )
        else:
            out.append(text(span))
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

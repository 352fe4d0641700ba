"""An article body as the markdown sources hold it → plain text, plus the HTML when the body has some.

Git exports and Archéo Lex files mix plain paragraphs (separated by blank lines) with HTML (`<p>`, `<a>`,
tables, `<br/>`). The search indexes and the pages show plain text; the HTML is kept verbatim only to
measure where the source starts its paragraphs (`ui.render.paragraph_starts`), never shown.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_HTML_TAG = re.compile(
    r"</?(?:p|div|br|a|b|i|u|em|strong|sup|sub|span|font|center|table|thead|tbody|tfoot|tr|td|th|"
    r"ul|ol|li|h[1-6]|blockquote|pre|img|hr)\b[^<>]*>",
    re.IGNORECASE,
)
# Boundaries that end a paragraph: block-level tags and blank lines.
_BLOCK_BREAK = re.compile(
    r"</?(?:p|div|br|center|table|thead|tbody|tfoot|tr|ul|ol|li|h[1-6]|blockquote|pre|hr)\b[^<>]*>"
    r"|\n[ \t]*\n",
    re.IGNORECASE,
)
_CELL = re.compile(r"</?(?:td|th)\b[^<>]*>", re.IGNORECASE)


_BLANKS = re.compile(r"[^\S\n]{2,}")


def collapse_blanks(text: str | None) -> str | None:
    """Runs of spaces (a source's layout: "l'avis du             comité") made one space, line breaks
    kept; done once where every source's text enters the store, so search, snippets and diffs never see
    them."""
    return _BLANKS.sub(" ", text) if text else text


def has_html(body: str) -> bool:
    return _HTML_TAG.search(body) is not None


def html_to_text(html: str) -> str:
    """Paragraphs of plain text separated by blank lines; entities decoded, inline tags dropped."""
    spaced = _CELL.sub(" ", html)
    paragraphs = (Markup(chunk).striptags() for chunk in _BLOCK_BREAK.split(spaced))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def plain_text(body: str) -> str:
    """Markdown-ish plain body: trailing spaces dropped, runs of blank lines reduced to one."""
    lines = [line.rstrip() for line in body.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def split_body(body: str) -> tuple[str, str | None]:
    """(text, html): html is the body itself when it contains HTML, None for plain paragraphs."""
    body = body.strip()
    if has_html(body):
        return html_to_text(body), body
    return plain_text(body), None

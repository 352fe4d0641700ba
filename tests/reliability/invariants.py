"""What must hold for any input, checked the same way by the property tests and `scripts/fuzz.py`.

Each check raises AssertionError with the offending value; "never raises" is the caller's part (the call
itself is made inside the fuzz loop or the Hypothesis test).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

CITATION_KINDS = {"code_article", "other_text"}

# The only markup a snippet may carry is <mark>…</mark>; everything else must arrive HTML-escaped.
_ALLOWED_TAGS = re.compile(r"</?mark>")


def check_citations(text: str, citations: Any) -> None:
    """Spans point inside the text and say what they cover; kinds and article numbers are well-formed."""
    assert isinstance(citations, list), f"find_citations returned {type(citations).__name__}, not a list"
    for citation in citations:
        assert 0 <= citation.start < citation.end <= len(text), f"span out of range: {citation!r}"
        assert text[citation.start : citation.end] == citation.text, f"span does not match text: {citation!r}"
        assert citation.kind in CITATION_KINDS, f"unknown kind: {citation!r}"
        assert isinstance(citation.articles, tuple), f"articles is not a tuple: {citation!r}"
        assert all(isinstance(number, str) and number for number in citation.articles), repr(citation)
        keys = citation.keys
        assert isinstance(keys, tuple), f"keys is not a tuple: {citation!r}"


def check_tokens(tokens: Any) -> None:
    """Analysis yields a list of non-empty strings (an empty token would match every document)."""
    assert isinstance(tokens, list), f"analysis returned {type(tokens).__name__}, not a list"
    for token in tokens:
        assert isinstance(token, str) and token, f"bad token {token!r}"
        assert token == token.strip(), f"token with surrounding space {token!r}"


def check_snippet(snippet: str) -> None:
    """Only <mark> is markup; any other '<' must have been escaped."""
    stripped = _ALLOWED_TAGS.sub("", snippet)
    assert "<" not in stripped and ">" not in stripped, f"unescaped markup in snippet {snippet[:300]!r}"


def check_results(request: Any, results: Any) -> None:
    """A search returns results or a clear message, consistent with the request, and escaped snippets."""
    assert results.total >= 0, f"negative total {results.total}"
    if request.limit >= 1:  # (a limit of 0 or less is read as "the default page size")
        assert len(results.hits) <= request.limit, f"{len(results.hits)} hits for limit {request.limit}"
    assert results.took_ms >= 0
    assert isinstance(results.notices, tuple)
    assert all(isinstance(notice, str) and notice.strip() for notice in results.notices), results.notices
    assert isinstance(results.filter_description, str) and results.filter_description.strip()
    if not results.hits and request.offset == 0:
        # "Every query returns results or a clear message": a bare empty list is not an answer.
        assert results.notices or results.suggestion, f"no hits and no message for {request.query[:200]!r}"
    seen_articles = set()
    for hit in results.hits:
        check_snippet(hit.snippet)
        assert hit.version_id, f"hit without version id: {hit!r}"
        assert hit.article_key not in seen_articles, f"article {hit.article_key} listed twice"
        seen_articles.add(hit.article_key)
        if request.at is not None and not request.all_versions:
            starts_ok = hit.valid_from is not None and hit.valid_from <= request.at
            ends_ok = hit.valid_to is None or request.at < hit.valid_to
            assert starts_ok and ends_ok, f"{hit.version_id} not in force at {request.at}"


def _raw(raw: dict, name: str) -> str:
    value = raw.get(name)
    if isinstance(value, list | tuple):
        value = value[-1] if value else None
    return "" if value is None else str(value).strip()


def check_params(raw: dict, screen: Any) -> None:
    """A parsed URL is a valid screen; every non-empty parameter it did not keep left a notice."""
    from ui import params

    assert screen.view in params.VIEWS, screen.view
    assert isinstance(screen.page, int) and 1 <= screen.page <= params.MAX_PAGE, screen.page
    assert len(screen.query) <= params.MAX_QUERY_CHARS
    for day in (screen.at, screen.day):
        assert day is None or params.MIN_DAY <= day <= params.MAX_DAY, day
    for value, valid in (
        (screen.version, params.valid_version_id),
        (screen.text, params.valid_text_id),
        (screen.code, params.valid_code_id),
    ):
        if value is not None:
            assert valid(value), value
            assert "/" not in value and "\\" not in value and ".." not in value, f"path-like id {value!r}"
            assert not value.startswith("."), value
    kept = {
        "view": screen.view,
        "at": screen.at.isoformat() if screen.at else "",
        "date": screen.day.isoformat() if screen.day else "",
        "page": str(screen.page),
        "version": screen.version or "",
        "text": screen.text or "",
        "code": screen.code or "",
        "status": screen.status or "",
    }
    for name, value in kept.items():
        given = _raw(raw, name)
        if given and given != value:
            assert screen.notices, f"{name}={given[:80]!r} dropped without a notice"
    for notice in screen.notices:
        assert isinstance(notice, str) and notice.strip() and "\n" not in notice, repr(notice)


def check_parsed_query(raw: str, parsed: Any) -> None:
    """The parser's free words hold no query syntax and stay within the announced limits."""
    from search import query

    assert isinstance(parsed.text, str)
    assert not set(parsed.text) & set(query.SYNTAX_CHARACTERS + '"'), f"syntax left in {parsed.text[:200]!r}"
    assert len(parsed.text) <= query.MAX_QUERY_CHARS, len(parsed.text)
    assert len(parsed.text.split()) <= query.MAX_WORDS
    for phrase in (*parsed.phrases, *parsed.excluded):
        assert isinstance(phrase, str) and phrase.strip(), repr(phrase)
    for reference in parsed.references:
        assert reference.number and reference.number == reference.number.strip(), reference
    assert all(isinstance(notice, str) and notice.strip() for notice in parsed.notices)
    printable = "".join(char for char in raw if unicodedata.category(char)[0] != "C")
    if len(printable) > 10 * query.MAX_QUERY_CHARS and len(printable.split()) > query.MAX_WORDS:
        assert parsed.notices, "an over-long query was cut without a notice"

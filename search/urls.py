"""Stable relative URLs served by the Streamlit app (query parameters only, per CONTRACTS.md)."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode


def search_url(
    query: str, *, at: date | None = None, all_versions: bool = False, code: str | None = None, page: int = 1
) -> str:
    params: dict[str, str] = {"q": query}
    if all_versions:
        params["all"] = "1"
    elif at is not None:
        params["at"] = at.isoformat()
    if code:
        params["code"] = code
    if page > 1:
        params["page"] = str(page)
    return "?" + urlencode(params)


def article_url(version_id: str) -> str:
    return "?" + urlencode({"view": "article", "version": version_id})


def diff_url(version_id: str) -> str:
    """The diff of this version against the one it replaced (the app shows a creation for a first one)."""
    return "?" + urlencode({"view": "diff", "version": version_id})


def changeset_url(text_id: str, effective_on: date | None) -> str:
    params = {"view": "changeset", "text": text_id}
    if effective_on is not None:
        params["date"] = effective_on.isoformat()
    return "?" + urlencode(params)

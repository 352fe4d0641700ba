"""The app's links: every screen is a relative URL of query parameters, built here and only here, so the
CLI's JSON (`Hit.article_url`, `Hit.diff_url`) and the app's own links (`ui.params`) always agree."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode


def screen_params(
    *,
    view: str = "search",
    version: str | None = None,
    text: str | None = None,
    day: date | None = None,
    query: str = "",
    at: date | None = None,
    all_versions: bool = False,
    code: str | None = None,
    status: str | None = None,
    partie: str | None = None,
    livre: str | None = None,
    page: int = 1,
    layout: str = "inline",
) -> dict[str, str]:
    """The minimal query parameters of a screen, in a fixed order (defaults are left out)."""
    params: dict[str, str] = {}
    if view != "search":
        params["view"] = view
    if view in ("article", "diff") and version:
        params["version"] = version
    if view == "diff" and layout != "inline":
        params["layout"] = layout  # "columns": old | new side by side
    if view == "changeset":
        if text:
            params["text"] = text
        if day:
            params["date"] = day.isoformat()
    if query:
        params["q"] = query
    if at:
        params["at"] = at.isoformat()
    if all_versions:
        params["all"] = "1"
    for name, value in (("code", code), ("status", status), ("partie", partie), ("livre", livre)):
        if value:
            params[name] = value
    if page != 1:
        params["page"] = str(page)
    return params


def link(params: dict[str, str]) -> str:
    """A relative link to the screen these parameters describe, served by the same app."""
    return "?" + urlencode(params) if params else "?"


def article_url(version_id: str, at: date | None = None) -> str:
    """The article page of a version; `at` is the date its citations are followed at (today if None)."""
    return link(screen_params(view="article", version=version_id, at=at))


def diff_url(version_id: str, layout: str = "inline") -> str:
    """The diff of this version against the one it replaced (the app shows a creation for a first one),
    inline or side by side (`layout="columns"`)."""
    return link(screen_params(view="diff", version=version_id, layout=layout))


def changeset_url(text_id: str, effective_on: date | None, page: int = 1) -> str:
    return link(screen_params(view="changeset", text=text_id, day=effective_on, page=page))

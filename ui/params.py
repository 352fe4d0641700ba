"""The app's state as URL query parameters: parsed, validated, and written back.

Every screen is a `Screen` value; `parse` turns untrusted `st.query_params` into one (a bad value falls back
to a sane default and leaves a French notice saying so), and `to_params` / `url` write it back, so copying
the URL reproduces the screen and the two always round-trip. The URLs themselves are built by
`search.urls`, the same builder as the CLI's links. Ids only ever reach store lookups, never paths.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from corpus.model import Status
from search.urls import article_url as article_url  # re-exported: the views link through ui.params
from search.urls import changeset_url as changeset_url
from search.urls import diff_url as diff_url
from search.urls import link, screen_params

VIEWS = ("search", "article", "diff", "changeset")
# How the diff page lays a change out: inline redline (default) or old | new side by side.
LAYOUTS = ("inline", "columns")
MAX_QUERY_CHARS = 1000
MAX_PAGE = 1000
MIN_DAY = date(1800, 1, 1)
MAX_DAY = date(2999, 12, 31)

_LEGIARTI = re.compile(r"LEGIARTI[0-9]{12}")
_JORFTEXT = re.compile(r"(?:JORFTEXT|LEGITEXT)[0-9]{12}")
_LEGITEXT = re.compile(r"LEGITEXT[0-9]{12}")
# Ids derived by the git / Archéo Lex adapters (corpus.gitlog.derived_id: prefix + 16 hex digits) and
# their slugs ("code-de-la-propriete-intellectuelle", "consolidation-…-2020-01-01"): never a path.
_DERIVED_ID = re.compile(r"[A-Z]{4}[0-9A-F]{16}")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){0,40}")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FACET_VALUE = re.compile(r"[^\x00-\x1f\x7f]{1,300}")


@dataclass(frozen=True)
class Screen:
    """What the user is looking at; defaults are the search page, in force today, first page."""

    view: str = "search"
    query: str = ""
    at: date | None = None  # None: today
    all_versions: bool = False
    code: str | None = None
    status: str | None = None
    partie: str | None = None
    livre: str | None = None
    page: int = 1
    version: str | None = None
    text: str | None = None
    day: date | None = None  # the changeset's effective date
    layout: str = "inline"  # the diff page's layout, one of LAYOUTS
    notices: tuple[str, ...] = field(default=(), compare=False)

    def with_(self, **changes: object) -> Screen:
        return replace(self, notices=(), **changes)


def valid_version_id(value: str) -> bool:
    return bool(_LEGIARTI.fullmatch(value) or _DERIVED_ID.fullmatch(value))


def valid_text_id(value: str) -> bool:
    return bool(_JORFTEXT.fullmatch(value) or _DERIVED_ID.fullmatch(value) or _slug(value))


def valid_code_id(value: str) -> bool:
    return bool(_LEGITEXT.fullmatch(value) or _slug(value))


def _slug(value: str) -> bool:
    return len(value) <= 200 and bool(_SLUG.fullmatch(value))


def _shown(value: str) -> str:
    """A bad value as quoted in a notice: short, one line (the notice is escaped when rendered)."""
    flat = " ".join(value.split())
    return flat if len(flat) <= 40 else flat[:39] + "…"


def parse_day(value: str) -> date | None:
    """An ISO day within the range the corpus can hold, else None."""
    if not _ISO_DAY.fullmatch(value):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if MIN_DAY <= day <= MAX_DAY else None


def _first(params: Mapping[str, object], name: str) -> str | None:
    """st.query_params gives the last value of a repeated key; plain dicts may hold lists."""
    value = params.get(name)
    if isinstance(value, list | tuple):
        value = value[-1] if value else None
    if value is None:
        return None
    return str(value).strip()


def parse(params: Mapping[str, object]) -> Screen:
    """Validate every parameter; unknown ones are ignored, bad ones replaced by defaults with a notice."""
    notices: list[str] = []
    view = _first(params, "view") or "search"
    if view not in VIEWS:
        notices.append(f"Vue « {_shown(view)} » inconnue : retour à la recherche.")
        view = "search"
    query = _first(params, "q") or ""
    if len(query) > MAX_QUERY_CHARS:
        notices.append(f"Recherche tronquée à {MAX_QUERY_CHARS} caractères.")
        query = query[:MAX_QUERY_CHARS]
    at = _day_param(params, "at", "en vigueur au", notices)
    day = _day_param(params, "date", "date du changement", notices)
    filters = _filters(params, notices)
    page = _page(params, notices)
    version = _checked(params, "version", valid_version_id, "Identifiant de version", notices)
    text = _checked(params, "text", valid_text_id, "Identifiant de texte", notices)
    layout = _first(params, "layout") or "inline"
    if layout not in LAYOUTS:
        notices.append(f"Présentation « {_shown(layout)} » inconnue : modifications affichées en ligne.")
        layout = "inline"
    return Screen(
        view=view,
        query=query,
        at=at,
        day=day,
        page=page,
        version=version,
        text=text,
        layout=layout,
        notices=tuple(notices),
        **filters,
    )


def _day_param(params: Mapping[str, object], name: str, label: str, notices: list[str]) -> date | None:
    raw = _first(params, name)
    if not raw:
        return None
    day = parse_day(raw)
    if day is None:
        notices.append(f"Date « {_shown(raw)} » invalide ({label}) : attendu AAAA-MM-JJ ; {_fallback(name)}.")
    return day


def _filters(params: Mapping[str, object], notices: list[str]) -> dict:
    """all_versions, code, status, partie and livre, each checked."""
    all_raw = _first(params, "all")
    all_versions = all_raw in ("1", "true", "oui")
    if all_raw and not all_versions and all_raw not in ("0", "false", "non"):
        notices.append(f"Valeur « {_shown(all_raw)} » invalide pour « toutes les versions » : ignorée.")
    code = _first(params, "code") or None
    if code is not None and not valid_code_id(code):
        notices.append(f"Code « {_shown(code)} » invalide : tous les codes sont cherchés.")
        code = None
    status = _first(params, "status") or None
    if status is not None and status not in {s.value for s in Status}:
        notices.append(f"Statut « {_shown(status)} » inconnu : tous les statuts sont cherchés.")
        status = None
    found: dict = {"all_versions": all_versions, "code": code, "status": status}
    for name in ("partie", "livre"):
        value = _first(params, name) or None
        if value is not None and not _FACET_VALUE.fullmatch(value):
            notices.append(f"Filtre « {name} » invalide : ignoré.")
            value = None
        found[name] = value
    return found


def _page(params: Mapping[str, object], notices: list[str]) -> int:
    raw = _first(params, "page")
    if not raw:
        return 1
    if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_PAGE:
        return int(raw)
    notices.append(f"Page « {_shown(raw)} » invalide : première page affichée.")
    return 1


def _checked(
    params: Mapping[str, object], name: str, valid: Callable[[str], bool], label: str, notices: list[str]
) -> str | None:
    value = _first(params, name) or None
    if value is not None and not valid(value):
        notices.append(f"{label} « {_shown(value)} » invalide.")
        return None
    return value


def _fallback(name: str) -> str:
    return "date du jour utilisée" if name == "at" else "date ignorée"


def to_params(screen: Screen) -> dict[str, str]:
    """The minimal query parameters that reproduce `screen` (defaults are left out)."""
    return screen_params(
        view=screen.view,
        version=screen.version,
        text=screen.text,
        day=screen.day,
        query=screen.query,
        at=screen.at,
        all_versions=screen.all_versions,
        code=screen.code,
        status=screen.status,
        partie=screen.partie,
        livre=screen.livre,
        page=screen.page,
        layout=screen.layout,
    )


def url(screen: Screen) -> str:
    """A relative link to `screen`, served by the same app."""
    return link(to_params(screen))

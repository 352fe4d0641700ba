"""Version filters: which versions a search looks at, each with its French description for the UI.

A filter is a plain predicate over a version's validity, so the service can turn it into a set of
document numbers once per index and date (cached) and hand that set to Whoosh as `filter=`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from corpus.french_dates import french_date


@dataclass(frozen=True)
class VersionFilter:
    """`day=None` means every version (past wordings included)."""

    day: date | None
    today: bool = False

    @property
    def all_versions(self) -> bool:
        return self.day is None

    @property
    def key(self) -> str:
        return "all" if self.day is None else self.day.isoformat()

    @property
    def description(self) -> str:
        if self.day is None:
            return "toutes les versions, y compris les rédactions passées"
        suffix = " (aujourd'hui)" if self.today else ""
        return f"en vigueur au {french_date(self.day)}{suffix}"

    def accepts(self, valid_from: date | None, valid_to: date | None) -> bool:
        """In force at the filter's day: started on or before it, not ended by it. A version whose entry
        into force is not fixed yet is never in force; an open end never ends."""
        if self.day is None:
            return True
        if valid_from is None or valid_from > self.day:
            return False
        return valid_to is None or self.day < valid_to


def version_filter(
    at: date | None = None, all_versions: bool = False, *, today: date | None = None
) -> VersionFilter:
    """The filter of a request: all versions, in force at `at`, or (default) in force today."""
    if all_versions:
        return VersionFilter(None)
    if at is not None:
        return VersionFilter(at, today=at == (today or date.today()))
    return VersionFilter(today or date.today(), today=True)


@dataclass(frozen=True)
class Where:
    """A request's filters as plain values, for an engine that filters with its own structures (tantivy's
    fast fields and terms); it selects exactly the versions of the view's `filter_mask`."""

    day: date | None  # in force at this day; None: every version
    code_id: str | None = None
    status: str | None = None
    section: str | None = None  # a substring of one of the section titles, compared casefolded


@dataclass(frozen=True)
class FieldFilter:
    """A restriction on a stored field (code, status, section), with its French description."""

    field: str
    value: str
    description: str


# How the no-result message names each field filter ("retirez le filtre de code").
FILTER_NAMES_FR = {"code_id": "de code", "status": "de statut", "section": "de section"}


def code_filter(code_id: str, title: str) -> FieldFilter:
    return FieldFilter("code_id", code_id, f"dans le {title}" if title.lower().startswith("code") else title)


def status_filter(status: str, label: str) -> FieldFilter:
    return FieldFilter("status", status, f"statut « {label} »")


def section_filter(section: str) -> FieldFilter:
    return FieldFilter("section", section, f"dans « {section} »")


def describe(version: VersionFilter, fields: tuple[FieldFilter, ...] = ()) -> str:
    """The whole filter in one French phrase, as the UI shows it."""
    return ", ".join([version.description, *(field.description for field in fields)])

"""What the corpus can and cannot say at a date: status then, and versions in force known without text.

Pure functions over model values; the service reads the store and calls them, so the pages, the CLI and
the no-result message say the same thing.
"""

from __future__ import annotations

from datetime import date

from corpus.french_dates import french_date
from corpus.model import Status, Version

# Statuses that describe a version as of today, not as of a past date it was in force.
_LATER_STATUSES = {
    Status.MODIFIED,
    Status.REPEALED,
    Status.REPEALED_DEFERRED,
    Status.TRANSFERRED,
    Status.MOVED,
    Status.ANNULLED,
    Status.EXPIRED,
    Status.DISJOINED,
}


def status_at(
    status: str, valid_from: date | None, valid_to: date | None, day: date | None, today: date
) -> str:
    """The status a version had at `day`: a version in force at a past date was in force then, whatever
    happened to it later ("modifié", "abrogé" say what came after). `day=None` (all versions) and dates
    from today on keep the stored status."""
    if day is None or day >= today:
        return status
    in_force = valid_from is not None and valid_from <= day and (valid_to is None or day < valid_to)
    if in_force and status in _LATER_STATUSES:
        return Status.IN_FORCE.value
    return status


def in_force_without_text(versions: list[tuple[str, Version]], day: date) -> str | None:
    """The no-result message when the cited articles had a version in force at `day` whose text the
    corpus lacks: (article number, version) pairs; None when there is none."""
    if not versions:
        return None
    parts = []
    for number, version in versions:
        until = f" au {french_date(version.valid_to)}" if version.valid_to else ""
        parts.append(
            f"{number} avait une version en vigueur au {french_date(day)} (du "
            f"{french_date(version.valid_from)}{until})"
        )
    return (
        f"L'article {' ; l’article '.join(parts)}, mais son texte n'est pas dans le corpus : version connue "
        "par les métadonnées de Légifrance seulement (dates, statut), absente des instantanés consolidés "
        "chargés."
    )


def status_counts_at(
    counts: tuple[tuple[str, int], ...], day: date | None, today: date
) -> tuple[tuple[str, int], ...]:
    """The status facet of a dated search, as statuses at `day` (every hit was in force then)."""
    merged: dict[str, int] = {}
    for status, count in counts:
        now = status_at(status, day, None, day, today) if day is not None else status
        merged[now] = merged.get(now, 0) + count
    return tuple(sorted(merged.items(), key=lambda pair: (-pair[1], pair[0])))

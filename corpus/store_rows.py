"""How the store's rows become model values: dates as ISO text, amending texts, versions with their
amendments. Shared by every part of the store that reads versions, so they all decode alike."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from corpus.model import (
    AmendingText,
    Amendment,
    ChangeRole,
    DatePrecision,
    Status,
    UncertainDate,
    Version,
)

_CHUNK = 500  # ids per `IN (…)`: under SQLite's bound-parameter limit


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def uncertain_columns(span: UncertainDate | None) -> tuple[str | None, str | None]:
    """(precision, after) as stored: both NULL for an exact date."""
    if span is None:
        return None, None
    return span.precision.value, iso(span.after)


def uncertain(precision: str | None, after: str | None) -> UncertainDate | None:
    if precision is None:
        return None
    return UncertainDate(day(after), DatePrecision(precision))


def amending_text(row: sqlite3.Row) -> AmendingText:
    return AmendingText(
        text_id=row["text_id"],
        title=row["title"],
        nature=row["nature"],
        signed_on=day(row["signed_on"]),
        published_on=day(row["published_on"]),
    )


def read_versions(connection: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[Version]:
    """Versions from `SELECT * FROM versions` rows, in the rows' order, each with its amendments."""
    if not rows:
        return []
    ids = [row["version_id"] for row in rows]
    amendments: dict[str, list[Amendment]] = {version_id: [] for version_id in ids}
    for chunk_start in range(0, len(ids), _CHUNK):
        chunk = ids[chunk_start : chunk_start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in connection.execute(
            f"SELECT m.version_id, m.role, m.link_type, m.article_in_text, t.* FROM amendments m "
            f"JOIN amending_texts t USING(text_id) WHERE m.version_id IN ({marks}) "
            f"ORDER BY m.version_id, t.signed_on, t.text_id",
            chunk,
        ):
            amendments[row["version_id"]].append(
                Amendment(
                    amending_text(row), ChangeRole(row["role"]), row["link_type"], row["article_in_text"]
                )
            )
    return [
        Version(
            version_id=row["version_id"],
            article_id=row["article_id"],
            number=row["number"],
            text=row["text"],
            html=row["html"],
            valid_from=day(row["valid_from"]),
            valid_to=day(row["valid_to"]),
            valid_to_pending=bool(row["valid_to_pending"]),
            status=Status(row["status"]),
            section_path=tuple(json.loads(row["section_path"])),
            amendments=tuple(amendments[row["version_id"]]),
            nota=row["nota"],
            start_uncertain=uncertain(row["valid_from_uncertain"], row["valid_from_after"]),
            end_uncertain=uncertain(row["valid_to_uncertain"], row["valid_to_after"]),
        )
        for row in rows
    ]


def read_versions_by_ids(connection: sqlite3.Connection, version_ids: list[str]) -> list[Version]:
    """The versions with these ids (those the store holds), chunk by chunk."""
    found: list[Version] = []
    for start in range(0, len(version_ids), _CHUNK):
        chunk = version_ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(f"SELECT * FROM versions WHERE version_id IN ({marks})", chunk).fetchall()
        found += read_versions(connection, rows)
    return found


def version(connection: sqlite3.Connection, version_id: str) -> Version | None:
    rows = connection.execute("SELECT * FROM versions WHERE version_id = ?", (version_id,)).fetchall()
    found = read_versions(connection, rows)
    return found[0] if found else None

"""Changesets from the store: what one amending text changed on one date, across articles.

A changeset is not stored as such: it is the set of amendment rows sharing an amending text and an
effective date (the day the text created or ended each version).
"""

from __future__ import annotations

import sqlite3
from datetime import date

from corpus.model import AmendingText, ChangeRole, Changeset, ChangesetEntry, normalize_number
from corpus.store_rows import amending_text, day, version


def changesets(
    connection: sqlite3.Connection, code_id: str | None = None
) -> list[tuple[AmendingText, date | None, int]]:
    """Changesets in date order: (amending text, effective date, number of versions touched)."""
    sql = (
        "SELECT t.*, m.effective_on, count(*) AS n FROM amendments m JOIN amending_texts t USING(text_id) "
        "JOIN versions v USING(version_id) JOIN articles a USING(article_id)"
    )
    params: list[str] = []
    if code_id is not None:
        sql += " WHERE a.code_id = ?"
        params.append(code_id)
    sql += " GROUP BY m.text_id, m.effective_on ORDER BY m.effective_on IS NULL, m.effective_on, m.text_id"
    return [
        (amending_text(row), day(row["effective_on"]), row["n"]) for row in connection.execute(sql, params)
    ]


def changeset(connection: sqlite3.Connection, text_id: str, effective_on: date | None) -> Changeset | None:
    """Every version an amending text created or ended on one date, with each one's predecessor."""
    if effective_on is None:
        rows = connection.execute(
            "SELECT version_id, role FROM amendments WHERE text_id = ? AND effective_on IS NULL",
            (text_id,),
        ).fetchall()
    else:
        rows = connection.execute(
            "SELECT version_id, role FROM amendments WHERE text_id = ? AND effective_on = ?",
            (text_id, effective_on.isoformat()),
        ).fetchall()
    if not rows:
        return None
    text_row = connection.execute("SELECT * FROM amending_texts WHERE text_id = ?", (text_id,)).fetchone()
    entries = []
    code_id = ""
    for row in rows:
        found = version(connection, row["version_id"])
        if found is None:
            continue
        previous = connection.execute(
            "SELECT p.version_id FROM versions v JOIN versions p "
            "ON p.article_id = v.article_id AND p.ordinal = v.ordinal - 1 WHERE v.version_id = ?",
            (found.version_id,),
        ).fetchone()
        code = connection.execute(
            "SELECT c.code_id FROM articles a JOIN codes c USING(code_id) WHERE a.article_id = ?",
            (found.article_id,),
        ).fetchone()
        code_id = code[0] if code else code_id
        entries.append(ChangesetEntry(found, ChangeRole(row["role"]), previous[0] if previous else None))
    entries.sort(key=lambda entry: normalize_number(entry.version.number))
    return Changeset(amending_text(text_row), effective_on, code_id, tuple(entries))


def changesets_of_version(
    connection: sqlite3.Connection, version_id: str
) -> list[tuple[AmendingText, date | None, str]]:
    """The changesets a version belongs to (the one that created it, the one that ended it): (amending
    text, effective date, role)."""
    rows = connection.execute(
        "SELECT t.*, m.effective_on, m.role FROM amendments m JOIN amending_texts t USING(text_id) "
        "WHERE m.version_id = ? ORDER BY m.effective_on",
        (version_id,),
    )
    return [(amending_text(row), day(row["effective_on"]), row["role"]) for row in rows]

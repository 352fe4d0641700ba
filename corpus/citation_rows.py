"""The store's citations table: article → article links found in each version's text.

Derived data, written by the indexer at index time (spans are on the version's `text`); the corpus only
keeps it consistent, dropping a code's citations when the code is replaced. The Store wraps writes in its
transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple


class CitationRow(NamedTuple):
    """One row of the citations table: a citation in a version's text, spans on that text."""

    source_version_id: str
    target_key: str  # "<code id>:<number>", or "other:<span>" for another text (a loi, a décret)
    kind: str
    detail: str | None
    start: int
    end: int


class CitationEdge(NamedTuple):
    """An article → article link, with the validity of the citing version that carries it."""

    source: str  # article key of the citing article
    target: str
    valid_from: date | None
    valid_to: date | None


OTHER_TEXT_PREFIX = "other:"


def delete_code_citations(connection: sqlite3.Connection, code_id: str) -> None:
    """Forget the citations found in the versions of one code."""
    connection.execute(
        "DELETE FROM citations WHERE source_version_id IN (SELECT v.version_id FROM versions v "
        "JOIN articles a USING(article_id) WHERE a.code_id = ?)",
        (code_id,),
    )


# A code being replaced keeps the citations of its versions whose text comes back unchanged (same id,
# same text): they are derived from the text, and an incremental index update only re-reads the texts
# that changed. Held in temporary tables for the replacing transaction.
_STASH = (
    "CREATE TEMP TABLE IF NOT EXISTS stashed_texts (version_id TEXT PRIMARY KEY, text TEXT)",
    "CREATE TEMP TABLE IF NOT EXISTS stashed_citations (source_version_id TEXT, target_key TEXT, "
    "kind TEXT, detail TEXT, span_start INTEGER, span_end INTEGER)",
)


def stash_code_citations(connection: sqlite3.Connection, code_id: str) -> None:
    """Put aside the citations of a code about to be replaced, with the texts they were found in."""
    for statement in _STASH:
        connection.execute(statement)
    connection.execute(
        "INSERT OR REPLACE INTO stashed_texts SELECT v.version_id, v.text FROM versions v "
        "JOIN articles a USING(article_id) WHERE a.code_id = ? AND v.version_id IN "
        "(SELECT source_version_id FROM citations)",
        (code_id,),
    )
    connection.execute(
        "INSERT INTO stashed_citations SELECT c.source_version_id, c.target_key, c.kind, c.detail, "
        "c.span_start, c.span_end FROM citations c JOIN versions v ON v.version_id = c.source_version_id "
        "JOIN articles a USING(article_id) WHERE a.code_id = ?",
        (code_id,),
    )


def restore_stashed_citations(connection: sqlite3.Connection) -> None:
    """Put back the stashed citations of the versions whose text is unchanged; forget the stash."""
    if not connection.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'stashed_citations'").fetchone():
        return
    connection.execute(
        "INSERT INTO citations(source_version_id, target_key, kind, detail, span_start, span_end) "
        "SELECT s.source_version_id, s.target_key, s.kind, s.detail, s.span_start, s.span_end "
        "FROM stashed_citations s JOIN stashed_texts t ON t.version_id = s.source_version_id "
        "JOIN versions v ON v.version_id = t.version_id AND v.text = t.text"
    )
    connection.execute("DELETE FROM stashed_citations")
    connection.execute("DELETE FROM stashed_texts")


def _insert(connection: sqlite3.Connection, rows: Iterable[CitationRow]) -> int:
    count = 0
    for row in rows:
        connection.execute(
            "INSERT INTO citations(source_version_id, target_key, kind, detail, span_start, span_end) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            tuple(row),
        )
        count += 1
    return count


def replace_citations(
    connection: sqlite3.Connection, rows: Iterable[CitationRow], *, code_id: str | None = None
) -> int:
    """Replace the citations of every version (or of one code's versions) by `rows`; the number written."""
    if code_id is None:
        connection.execute("DELETE FROM citations")
    else:
        delete_code_citations(connection, code_id)
    return _insert(connection, rows)


def replace_version_citations(
    connection: sqlite3.Connection, version_ids: Sequence[str], rows: Iterable[CitationRow]
) -> int:
    """Replace the citations of these versions only by `rows`; the number written."""
    for start in range(0, len(version_ids), 500):
        chunk = version_ids[start : start + 500]
        connection.execute(
            f"DELETE FROM citations WHERE source_version_id IN ({','.join('?' * len(chunk))})", chunk
        )
    return _insert(connection, rows)


def citations_from(
    connection: sqlite3.Connection, version_id: str
) -> list[tuple[str, str, str | None, int, int]]:
    """The citations in one version's text, in text order: (target_key, kind, detail, start, end)."""
    rows = connection.execute(
        "SELECT target_key, kind, detail, span_start, span_end FROM citations "
        "WHERE source_version_id = ? ORDER BY span_start, target_key",
        (version_id,),
    )
    return [tuple(row) for row in rows]


def citing_versions(connection: sqlite3.Connection, target_key: str) -> list[str]:
    """Ids of the versions whose text cites the article `target_key`."""
    rows = connection.execute(
        "SELECT DISTINCT source_version_id FROM citations WHERE target_key = ? ORDER BY source_version_id",
        (target_key,),
    )
    return [row[0] for row in rows]


def citation_edges(connection: sqlite3.Connection) -> list[CitationEdge]:
    """Every distinct article → article link (self-citations and other texts left out)."""
    rows = connection.execute(
        "SELECT DISTINCT a.article_key, c.target_key, v.valid_from, v.valid_to FROM citations c "
        "JOIN versions v ON v.version_id = c.source_version_id JOIN articles a USING(article_id) "
        "WHERE c.target_key NOT LIKE ?",
        (OTHER_TEXT_PREFIX + "%",),
    )
    days: dict[str | None, date | None] = {}  # a few thousand dates for a million links: parse each once
    return [
        CitationEdge(
            row[0],
            row[1],
            days[row[2]] if row[2] in days else days.setdefault(row[2], _day(row[2])),
            days[row[3]] if row[3] in days else days.setdefault(row[3], _day(row[3])),
        )
        for row in rows
        if row[0] != row[1]
    ]


def texts_with_citations(
    connection: sqlite3.Connection, version_ids: Sequence[str]
) -> dict[str, tuple[str, list[tuple[int, int, str]]]]:
    """Text and citation spans (start, end, target_key) of each version, in two queries."""
    if not version_ids:
        return {}
    marks = ",".join("?" * len(version_ids))
    texts = dict(
        connection.execute(
            f"SELECT version_id, text FROM versions WHERE version_id IN ({marks})", list(version_ids)
        ).fetchall()
    )
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for row in connection.execute(
        f"SELECT source_version_id, span_start, span_end, target_key FROM citations "
        f"WHERE source_version_id IN ({marks})",
        list(version_ids),
    ):
        spans.setdefault(row[0], []).append((row[1], row[2], row[3]))
    return {vid: (texts.get(vid) or "", spans.get(vid, [])) for vid in version_ids}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None

"""The store's citations table: article → article links found in each version's text.

Derived data, written by the indexer at index time (spans are on the version's `text`); the corpus only
keeps it consistent, dropping a code's citations when the code is replaced. The Store wraps writes in its
transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

CitationRow = tuple[
    str, str, str, str | None, int, int
]  # source_version_id, target_key, kind, detail, start, end


def delete_code_citations(connection: sqlite3.Connection, code_id: str) -> None:
    """Forget the citations found in the versions of one code."""
    connection.execute(
        "DELETE FROM citations WHERE source_version_id IN (SELECT v.version_id FROM versions v "
        "JOIN articles a USING(article_id) WHERE a.code_id = ?)",
        (code_id,),
    )


def replace_citations(
    connection: sqlite3.Connection, rows: Iterable[CitationRow], *, code_id: str | None = None
) -> int:
    """Replace the citations of every version (or of one code's versions) by `rows`; the number written."""
    if code_id is None:
        connection.execute("DELETE FROM citations")
    else:
        delete_code_citations(connection, code_id)
    count = 0
    for row in rows:
        connection.execute(
            "INSERT INTO citations(source_version_id, target_key, kind, detail, span_start, span_end) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            tuple(row),
        )
        count += 1
    return count


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

"""A code's whole history read back from the store (to merge a new source into it), and the two tables
that travel with it: each source's span of days (`coverage`) and what each source got wrong
(`anomalies`). Functions take the connection, like the store's other modules."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from corpus.anomalies import Anomaly, AnomalyKind
from corpus.merge import CoverageGap, SourceSpan, coverage_gaps, uncovered_after
from corpus.model import Article, Code, Version
from corpus.store_rows import day, iso, read_versions

_CHUNK = 2000  # version rows decoded at a time


def read_code(connection: sqlite3.Connection, code: Code) -> list[Article]:
    """Every article of `code` with all its versions, in the store's order."""
    numbers = {
        row["article_id"]: row["number"]
        for row in connection.execute(
            "SELECT article_id, number FROM articles WHERE code_id = ?", (code.code_id,)
        )
    }
    versions: dict[str, list[Version]] = {article_id: [] for article_id in numbers}
    cursor = connection.execute(
        "SELECT v.* FROM versions v JOIN articles a USING(article_id) WHERE a.code_id = ? "
        "ORDER BY v.article_id, v.ordinal",
        (code.code_id,),
    )
    while rows := cursor.fetchmany(_CHUNK):
        for version in read_versions(connection, rows):
            versions[version.article_id].append(version)
    return [
        Article(article_id, code, numbers[article_id], tuple(versions[article_id]))
        for article_id in sorted(numbers)
    ]


def spans(connection: sqlite3.Connection, code_id: str) -> tuple[SourceSpan, ...]:
    rows = connection.execute(
        "SELECT source, covered_from, covered_to FROM coverage WHERE code_id = ? ORDER BY covered_from, source",
        (code_id,),
    )
    return tuple(SourceSpan(row["source"], day(row["covered_from"]), day(row["covered_to"])) for row in rows)


def gaps(connection: sqlite3.Connection, code_id: str, *, trailing: bool = False) -> tuple[CoverageGap, ...]:
    """The days between two sources' spans of this code (none when one source holds it); with `trailing`,
    also the days after the last covered one."""
    found = spans(connection, code_id)
    after = uncovered_after(found) if trailing else None
    return coverage_gaps(found) + ((after,) if after else ())


def anomalies(connection: sqlite3.Connection, code_id: str) -> list[tuple[str, Anomaly]]:
    """(source, anomaly) pairs of one code, in the order they were recorded."""
    rows = connection.execute(
        "SELECT source, kind, location, detail FROM anomalies WHERE code_id = ? ORDER BY rowid", (code_id,)
    )
    return [
        (row["source"], Anomaly(code_id, AnomalyKind(row["kind"]), row["location"], row["detail"]))
        for row in rows
    ]


def anomaly_counts(connection: sqlite3.Connection, code_id: str | None = None) -> dict[AnomalyKind, int]:
    """Anomalies by kind, of one code or of the whole store."""
    sql = "SELECT kind, count(*) AS n FROM anomalies"
    params: tuple[str, ...] = ()
    if code_id is not None:
        sql, params = sql + " WHERE code_id = ?", (code_id,)
    found = {row["kind"]: row["n"] for row in connection.execute(sql + " GROUP BY kind", params)}
    return {kind: found[kind.value] for kind in AnomalyKind if found.get(kind.value)}


def write_extras(
    connection: sqlite3.Connection,
    code_id: str,
    code_spans: Iterable[SourceSpan],
    code_anomalies: Iterable[tuple[str, Anomaly]],
) -> None:
    """Replace the spans and anomalies of a code (inside the transaction that replaced its articles)."""
    connection.execute("DELETE FROM coverage WHERE code_id = ?", (code_id,))
    connection.execute("DELETE FROM anomalies WHERE code_id = ?", (code_id,))
    connection.executemany(
        "INSERT INTO coverage(code_id, source, covered_from, covered_to) VALUES (?, ?, ?, ?)",
        [(code_id, span.source, iso(span.covered_from), iso(span.covered_to)) for span in code_spans],
    )
    connection.executemany(
        "INSERT INTO anomalies(code_id, source, kind, location, detail) VALUES (?, ?, ?, ?, ?)",
        [
            (code_id, source, found.kind.value, found.location, found.detail)
            for source, found in code_anomalies
        ],
    )

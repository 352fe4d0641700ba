"""What a store holds, in figures: per-code counts and dates for `lexsearch corpus info`, and a digest
of every row to check that equal input built an equal store."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import date

from corpus.model import Code
from corpus.store_rows import day

# Every table with an order that does not depend on insertion order.
_DIGEST_ORDER = (
    ("codes", "code_id"),
    ("articles", "article_id"),
    ("versions", "version_id"),
    ("amending_texts", "text_id"),
    ("amendments", "version_id, text_id, role"),
    ("citations", "source_version_id, span_start, target_key"),
)


@dataclass(frozen=True)
class CodeSummary:
    code: Code
    articles: int
    versions: int
    versions_with_text: int
    changesets: int
    amending_texts: int
    first_date: date | None
    last_date: date | None


def summarize(connection: sqlite3.Connection) -> list[CodeSummary]:
    """One summary per code, by title."""
    result = []
    codes = connection.execute("SELECT code_id, title FROM codes ORDER BY title").fetchall()
    for code in (Code(row["code_id"], row["title"]) for row in codes):
        row = connection.execute(  # covered by versions_summary: the texts are not read
            "SELECT count(DISTINCT a.article_id) AS articles, count(*) AS versions, min(v.valid_from) AS first, "
            "max(max(coalesce(v.valid_from, '')), max(coalesce(v.valid_to, ''))) AS last "
            "FROM articles a JOIN versions v USING(article_id) WHERE a.code_id = ?",
            (code.code_id,),
        ).fetchone()
        without_text = connection.execute(  # from the partial index versions_without_text
            "SELECT count(*) FROM articles a JOIN versions v USING(article_id) "
            "WHERE a.code_id = ? AND v.text IS NULL",
            (code.code_id,),
        ).fetchone()[0]
        changes = connection.execute(
            "SELECT count(DISTINCT m.text_id || '@' || coalesce(m.effective_on, '')) AS changesets, "
            "count(DISTINCT m.text_id) AS texts FROM amendments m JOIN versions v USING(version_id) "
            "JOIN articles a USING(article_id) WHERE a.code_id = ?",
            (code.code_id,),
        ).fetchone()
        result.append(
            CodeSummary(
                code=code,
                articles=row["articles"],
                versions=row["versions"],
                versions_with_text=row["versions"] - without_text,
                changesets=changes["changesets"],
                amending_texts=changes["texts"],
                first_date=day(row["first"]),
                last_date=day(row["last"] or None),
            )
        )
    return result


@dataclass(frozen=True)
class Coverage:
    """How much of the corpus has its text at one date: versions in force then, and how many with text."""

    day: date
    in_force: int
    with_text: int

    @property
    def share(self) -> float:
        return self.with_text / self.in_force if self.in_force else 1.0


def coverage_at(connection: sqlite3.Connection, day: date, code_id: str | None = None) -> Coverage:
    """Versions in force at `day` (one per article) and how many of them have their text in the store."""
    iso = day.isoformat()
    sql = (
        "SELECT count(*) AS in_force, count(v.text) AS with_text FROM versions v "
        + ("JOIN articles a USING(article_id) " if code_id else "")
        + "WHERE v.valid_from IS NOT NULL AND v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to > ?)"
        + (" AND a.code_id = ?" if code_id else "")
    )
    row = connection.execute(sql, (iso, iso, code_id) if code_id else (iso, iso)).fetchone()
    return Coverage(day, row["in_force"], row["with_text"])


def coverage_on_new_years(connection: sqlite3.Connection, first: int, last: int) -> list[Coverage]:
    """`coverage_at` on each 1 January from year `first` to `last`, from one grouped read rather than one
    count per year: a version counts from the first 1 January on or after its start, and stops counting
    from the first 1 January on or after its end (one that ends before it starts never counts)."""
    new_year = "CAST(substr({0}, 1, 4) AS INTEGER) + (substr({0}, 6) > '01-01')"
    rows = connection.execute(
        f"SELECT {new_year.format('valid_from')} AS since, {new_year.format('valid_to')} AS until, "
        "count(*) AS n, count(text) AS t FROM versions "
        "WHERE valid_from IS NOT NULL AND (valid_to IS NULL OR valid_to > valid_from) GROUP BY since, until"
    )
    changes: dict[int, list[int]] = {}
    for row in rows:
        for year, sign in ((row["since"], 1), (row["until"], -1)):
            if year is not None:
                change = changes.setdefault(year, [0, 0])
                change[0] += sign * row["n"]
                change[1] += sign * row["t"]
    in_force = with_text = 0
    found = []
    for year in range(min([first, *changes]), last + 1):
        in_force += changes.get(year, (0, 0))[0]
        with_text += changes.get(year, (0, 0))[1]
        if year >= first:
            found.append(Coverage(date(year, 1, 1), in_force, with_text))
    return found


def content_digest(connection: sqlite3.Connection) -> str:
    """A digest of every row, independent of insertion order: equal input must give an equal digest."""
    digest = hashlib.sha256()
    for table, order in _DIGEST_ORDER:
        for row in connection.execute(f"SELECT * FROM {table} ORDER BY {order}"):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def version_stamp(connection: sqlite3.Connection) -> str:
    """A cheap identity of the versions (counts and id ranges), to tell an index is outdated; unlike
    `content_digest` it reads no text, so the service can check it on every index switch."""
    row = connection.execute(
        "SELECT count(*), min(version_id), max(version_id), count(text) FROM versions"
    ).fetchone()
    return hashlib.sha256(repr(tuple(row)).encode()).hexdigest()[:16]

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
        row = connection.execute(
            "SELECT count(DISTINCT a.article_id) AS articles, count(v.version_id) AS versions, "
            "count(v.text) AS with_text, min(v.valid_from) AS first, "
            "max(max(coalesce(v.valid_from, '')), max(coalesce(v.valid_to, ''))) AS last "
            "FROM articles a JOIN versions v USING(article_id) WHERE a.code_id = ?",
            (code.code_id,),
        ).fetchone()
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
                versions_with_text=row["with_text"],
                changesets=changes["changesets"],
                amending_texts=changes["texts"],
                first_date=day(row["first"]),
                last_date=day(row["last"] or None),
            )
        )
    return result


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

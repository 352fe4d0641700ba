"""The embedded SQLite store of the normalized corpus.

A code is always replaced whole inside one transaction, so a failed ingest leaves the store exactly as it
was, and ingesting the same input twice gives the same rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from corpus.errors import StoreError
from corpus.model import (
    AmendingText,
    Amendment,
    Article,
    ChangeRole,
    Changeset,
    ChangesetEntry,
    Code,
    Status,
    Version,
    article_key,
    normalize_number,
)

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS codes (
    code_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    code_id TEXT NOT NULL REFERENCES codes(code_id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    article_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_key ON articles(article_key);
CREATE INDEX IF NOT EXISTS articles_by_code ON articles(code_id, number);
CREATE TABLE IF NOT EXISTS versions (
    version_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    number TEXT NOT NULL,
    text TEXT,
    html TEXT,
    valid_from TEXT,
    valid_to TEXT,
    valid_to_pending INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    section_path TEXT NOT NULL,
    nota TEXT
);
CREATE INDEX IF NOT EXISTS versions_by_article ON versions(article_id, ordinal);
CREATE INDEX IF NOT EXISTS versions_by_validity ON versions(valid_from, valid_to);
CREATE TABLE IF NOT EXISTS amending_texts (
    text_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    nature TEXT,
    signed_on TEXT,
    published_on TEXT
);
CREATE TABLE IF NOT EXISTS amendments (
    version_id TEXT NOT NULL REFERENCES versions(version_id) ON DELETE CASCADE,
    text_id TEXT NOT NULL REFERENCES amending_texts(text_id),
    role TEXT NOT NULL,
    effective_on TEXT,
    link_type TEXT,
    article_in_text TEXT,
    PRIMARY KEY (version_id, text_id, role)
);
CREATE INDEX IF NOT EXISTS amendments_by_changeset ON amendments(text_id, effective_on);
CREATE INDEX IF NOT EXISTS amendments_by_date ON amendments(effective_on);
CREATE TABLE IF NOT EXISTS citations (
    source_version_id TEXT NOT NULL REFERENCES versions(version_id) ON DELETE CASCADE,
    target_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS citations_by_source ON citations(source_version_id);
CREATE INDEX IF NOT EXISTS citations_by_target ON citations(target_key);
"""


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


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class Store:
    """Read and write access to one SQLite file. Open with `Store.open(path)`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    # -- opening ---------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False) -> Store:
        path = Path(path)
        if not path.exists() and not create:
            raise StoreError(f"{path}: no corpus store here; run `lexsearch corpus add` or `lexsearch index`")
        if read_only:
            uri = f"file:{path}?mode=ro"
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, check_same_thread=False)
        connection.row_factory = sqlite3.Row
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                connection.execute("PRAGMA journal_mode = WAL")
            store = cls(connection, path)
            store._check_schema(create=not read_only)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise StoreError(f"{path}: not a lexsearch corpus store ({error})") from error
        return store

    def _check_schema(self, *, create: bool) -> None:
        tables = {
            row[0] for row in self.connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "meta" not in tables:
            if tables:
                raise StoreError(f"{self.path}: not a lexsearch corpus store (unknown tables)")
            if not create:
                raise StoreError(f"{self.path}: empty store")
            with self.connection:
                self.connection.executescript(SCHEMA)
                self.connection.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
            return
        row = self.connection.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        found = row[0] if row else "none"
        if found != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.path}: corpus store written with schema {found}, this lexsearch reads schema "
                f"{SCHEMA_VERSION}; rebuild it with `lexsearch corpus rebuild`"
            )

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing: an exception inside rolls every write back."""
        connection = self.connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        else:
            connection.execute("COMMIT")

    def replace_code(self, code: Code, articles: Iterable[Article], *, source: str = "") -> int:
        """Replace everything known of `code` by `articles`, atomically. Returns the article count."""
        return self.replace_codes([(code, articles)], source=source)[0]

    def replace_codes(
        self, codes: Iterable[tuple[Code, Iterable[Article]]], *, source: str = ""
    ) -> list[int]:
        """Replace several codes in ONE transaction: a failure anywhere (even while a later code's
        source is still being read) leaves the store exactly as it was. Returns article counts."""
        counts = []
        with self.transaction() as connection:
            for code, articles in codes:
                self._delete_code(connection, code.code_id)
                connection.execute(
                    "INSERT INTO codes(code_id, title, source) VALUES (?, ?, ?)",
                    (code.code_id, code.title, source),
                )
                count = 0
                for article in articles:
                    if article.code.code_id != code.code_id:
                        raise StoreError(
                            f"article {article.article_id}: belongs to {article.code.code_id}, "
                            f"not to {code.code_id}"
                        )
                    try:
                        self._insert_article(connection, article)
                    except sqlite3.IntegrityError as error:
                        raise StoreError(
                            f"article {article.article_id} ({article.number}) of {code.code_id}: "
                            f"conflicts with a stored record ({error})"
                        ) from None
                    count += 1
                counts.append(count)
            connection.execute(
                "DELETE FROM amending_texts WHERE text_id NOT IN (SELECT DISTINCT text_id FROM amendments)"
            )
        return counts

    def _delete_code(self, connection: sqlite3.Connection, code_id: str) -> None:
        connection.execute(
            "DELETE FROM citations WHERE source_version_id IN (SELECT v.version_id FROM versions v "
            "JOIN articles a USING(article_id) WHERE a.code_id = ?)",
            (code_id,),
        )
        connection.execute(
            "DELETE FROM amendments WHERE version_id IN (SELECT v.version_id FROM versions v "
            "JOIN articles a USING(article_id) WHERE a.code_id = ?)",
            (code_id,),
        )
        connection.execute(
            "DELETE FROM versions WHERE article_id IN (SELECT article_id FROM articles WHERE code_id = ?)",
            (code_id,),
        )
        connection.execute("DELETE FROM articles WHERE code_id = ?", (code_id,))
        connection.execute("DELETE FROM codes WHERE code_id = ?", (code_id,))

    def _insert_article(self, connection: sqlite3.Connection, article: Article) -> None:
        connection.execute(
            "INSERT INTO articles(article_id, code_id, number, article_key) VALUES (?, ?, ?, ?)",
            (article.article_id, article.code.code_id, article.number, article.key),
        )
        for ordinal, version in enumerate(article.versions):
            connection.execute(
                "INSERT INTO versions(version_id, article_id, ordinal, number, text, html, valid_from, "
                "valid_to, valid_to_pending, status, section_path, nota) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    version.version_id,
                    article.article_id,
                    ordinal,
                    version.number,
                    version.text,
                    version.html,
                    _iso(version.valid_from),
                    _iso(version.valid_to),
                    int(version.valid_to_pending),
                    version.status.value,
                    json.dumps(list(version.section_path), ensure_ascii=False),
                    version.nota,
                ),
            )
            for amendment in version.amendments:
                text = amendment.text
                connection.execute(
                    "INSERT INTO amending_texts(text_id, title, nature, signed_on, published_on) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(text_id) DO NOTHING",
                    (text.text_id, text.title, text.nature, _iso(text.signed_on), _iso(text.published_on)),
                )
                effective = version.valid_from if amendment.role is ChangeRole.CREATED else version.valid_to
                connection.execute(
                    "INSERT OR IGNORE INTO amendments(version_id, text_id, role, effective_on, link_type, "
                    "article_in_text) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        version.version_id,
                        text.text_id,
                        amendment.role.value,
                        _iso(effective),
                        amendment.link_type,
                        amendment.article_in_text,
                    ),
                )

    # -- reading ---------------------------------------------------------------------------------------

    def codes(self) -> list[Code]:
        rows = self.connection.execute("SELECT code_id, title FROM codes ORDER BY title")
        return [Code(row["code_id"], row["title"]) for row in rows]

    def code(self, code_id: str) -> Code | None:
        row = self.connection.execute(
            "SELECT code_id, title FROM codes WHERE code_id = ?", (code_id,)
        ).fetchone()
        return Code(row["code_id"], row["title"]) if row else None

    def article(self, article_id: str) -> Article | None:
        row = self.connection.execute(
            "SELECT a.article_id, a.number, c.code_id, c.title FROM articles a JOIN codes c USING(code_id) "
            "WHERE a.article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        code = Code(row["code_id"], row["title"])
        return Article(row["article_id"], code, row["number"], tuple(self.versions_of(article_id)))

    def articles_by_key(self, key: str) -> list[Article]:
        """Articles whose canonical key is `key` ("<code id>:<number>"); usually one."""
        rows = self.connection.execute("SELECT article_id FROM articles WHERE article_key = ?", (key,))
        return [a for a in (self.article(row[0]) for row in rows.fetchall()) if a is not None]

    def article_by_number(self, code_id: str, number: str) -> Article | None:
        found = self.articles_by_key(article_key(code_id, number))
        return found[0] if found else None

    def article_keys(self, code_id: str | None = None) -> list[str]:
        if code_id is None:
            rows = self.connection.execute("SELECT DISTINCT article_key FROM articles")
        else:
            rows = self.connection.execute(
                "SELECT DISTINCT article_key FROM articles WHERE code_id = ?", (code_id,)
            )
        return sorted(row[0] for row in rows)

    def versions_of(self, article_id: str) -> list[Version]:
        rows = self.connection.execute(
            "SELECT * FROM versions WHERE article_id = ? ORDER BY ordinal", (article_id,)
        ).fetchall()
        return self._versions(rows)

    def version(self, version_id: str) -> Version | None:
        rows = self.connection.execute(
            "SELECT * FROM versions WHERE version_id = ?", (version_id,)
        ).fetchall()
        found = self._versions(rows)
        return found[0] if found else None

    def article_of(self, version_id: str) -> Article | None:
        row = self.connection.execute(
            "SELECT article_id FROM versions WHERE version_id = ?", (version_id,)
        ).fetchone()
        return self.article(row[0]) if row else None

    def previous_version(self, version_id: str) -> Version | None:
        """The version this one replaced (by order of validity), or None for an article's first version."""
        row = self.connection.execute(
            "SELECT article_id, ordinal FROM versions WHERE version_id = ?", (version_id,)
        ).fetchone()
        if row is None or row["ordinal"] == 0:
            return None
        rows = self.connection.execute(
            "SELECT * FROM versions WHERE article_id = ? AND ordinal = ?",
            (row["article_id"], row["ordinal"] - 1),
        ).fetchall()
        found = self._versions(rows)
        return found[0] if found else None

    def version_in_force(self, article_id: str, day: date) -> Version | None:
        iso = day.isoformat()
        rows = self.connection.execute(
            "SELECT * FROM versions WHERE article_id = ? AND valid_from IS NOT NULL AND valid_from <= ? "
            "AND (valid_to IS NULL OR valid_to > ?) ORDER BY ordinal DESC LIMIT 1",
            (article_id, iso, iso),
        ).fetchall()
        found = self._versions(rows)
        return found[0] if found else None

    def iter_versions(self, *, with_text: bool = True, code_id: str | None = None) -> Iterator[Version]:
        """Every version, article by article; streaming, so the whole corpus is never held at once."""
        sql = "SELECT v.* FROM versions v JOIN articles a USING(article_id)"
        clauses, params = [], []
        if with_text:
            clauses.append("v.text IS NOT NULL")
        if code_id is not None:
            clauses.append("a.code_id = ?")
            params.append(code_id)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY a.code_id, a.number, v.ordinal"
        cursor = self.connection.execute(sql, params)
        while batch := cursor.fetchmany(500):
            yield from self._versions(batch)

    def code_of_article(self, article_id: str) -> Code | None:
        row = self.connection.execute(
            "SELECT c.code_id, c.title FROM articles a JOIN codes c USING(code_id) WHERE a.article_id = ?",
            (article_id,),
        ).fetchone()
        return Code(row["code_id"], row["title"]) if row else None

    def count_versions(self, *, with_text: bool = True) -> int:
        sql = "SELECT count(*) FROM versions" + (" WHERE text IS NOT NULL" if with_text else "")
        return self.connection.execute(sql).fetchone()[0]

    def _versions(self, rows: list[sqlite3.Row]) -> list[Version]:
        if not rows:
            return []
        ids = [row["version_id"] for row in rows]
        amendments: dict[str, list[Amendment]] = {version_id: [] for version_id in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.connection.execute(
                f"SELECT m.version_id, m.role, m.link_type, m.article_in_text, t.* FROM amendments m "
                f"JOIN amending_texts t USING(text_id) WHERE m.version_id IN ({marks}) "
                f"ORDER BY m.version_id, t.signed_on, t.text_id",
                chunk,
            ):
                amendments[row["version_id"]].append(
                    Amendment(_text(row), ChangeRole(row["role"]), row["link_type"], row["article_in_text"])
                )
        return [
            Version(
                version_id=row["version_id"],
                article_id=row["article_id"],
                number=row["number"],
                text=row["text"],
                html=row["html"],
                valid_from=_day(row["valid_from"]),
                valid_to=_day(row["valid_to"]),
                valid_to_pending=bool(row["valid_to_pending"]),
                status=Status(row["status"]),
                section_path=tuple(json.loads(row["section_path"])),
                amendments=tuple(amendments[row["version_id"]]),
                nota=row["nota"],
            )
            for row in rows
        ]

    # -- changesets ------------------------------------------------------------------------------------

    def changesets(self, code_id: str | None = None) -> list[tuple[AmendingText, date | None, int]]:
        """Changesets in date order: (amending text, effective date, number of versions touched)."""
        sql = (
            "SELECT t.*, m.effective_on, count(*) AS n FROM amendments m JOIN amending_texts t USING(text_id) "
            "JOIN versions v USING(version_id) JOIN articles a USING(article_id)"
        )
        params: list[str] = []
        if code_id is not None:
            sql += " WHERE a.code_id = ?"
            params.append(code_id)
        sql += (
            " GROUP BY m.text_id, m.effective_on ORDER BY m.effective_on IS NULL, m.effective_on, m.text_id"
        )
        return [
            (_text(row), _day(row["effective_on"]), row["n"]) for row in self.connection.execute(sql, params)
        ]

    def changeset(self, text_id: str, effective_on: date | None) -> Changeset | None:
        """Every version an amending text created or ended on one date, with each one's predecessor."""
        if effective_on is None:
            rows = self.connection.execute(
                "SELECT version_id, role FROM amendments WHERE text_id = ? AND effective_on IS NULL",
                (text_id,),
            ).fetchall()
        else:
            rows = self.connection.execute(
                "SELECT version_id, role FROM amendments WHERE text_id = ? AND effective_on = ?",
                (text_id, effective_on.isoformat()),
            ).fetchall()
        if not rows:
            return None
        text_row = self.connection.execute(
            "SELECT * FROM amending_texts WHERE text_id = ?", (text_id,)
        ).fetchone()
        entries = []
        code_id = ""
        for row in rows:
            version = self.version(row["version_id"])
            if version is None:
                continue
            previous = self.previous_version(version.version_id)
            code = self.code_of_article(version.article_id)
            code_id = code.code_id if code else code_id
            entries.append(
                ChangesetEntry(version, ChangeRole(row["role"]), previous.version_id if previous else None)
            )
        entries.sort(key=lambda entry: normalize_number(entry.version.number))
        return Changeset(_text(text_row), effective_on, code_id, tuple(entries))

    def changesets_of_version(self, version_id: str) -> list[tuple[AmendingText, date | None, str]]:
        rows = self.connection.execute(
            "SELECT t.*, m.effective_on, m.role FROM amendments m JOIN amending_texts t USING(text_id) "
            "WHERE m.version_id = ? ORDER BY m.effective_on",
            (version_id,),
        )
        return [(_text(row), _day(row["effective_on"]), row["role"]) for row in rows]

    # -- summary ---------------------------------------------------------------------------------------

    def summary(self) -> list[CodeSummary]:
        result = []
        for code in self.codes():
            row = self.connection.execute(
                "SELECT count(DISTINCT a.article_id) AS articles, count(v.version_id) AS versions, "
                "count(v.text) AS with_text, min(v.valid_from) AS first, "
                "max(max(coalesce(v.valid_from, '')), max(coalesce(v.valid_to, ''))) AS last "
                "FROM articles a JOIN versions v USING(article_id) WHERE a.code_id = ?",
                (code.code_id,),
            ).fetchone()
            changes = self.connection.execute(
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
                    first_date=_day(row["first"]),
                    last_date=_day(row["last"] or None),
                )
            )
        return result

    def content_digest(self) -> str:
        """A digest of every row, independent of insertion order: equal input must give an equal digest."""
        import hashlib

        digest = hashlib.sha256()
        for table, order in (
            ("codes", "code_id"),
            ("articles", "article_id"),
            ("versions", "version_id"),
            ("amending_texts", "text_id"),
            ("amendments", "version_id, text_id, role"),
            ("citations", "source_version_id, span_start, target_key"),
        ):
            for row in self.connection.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()

    # -- citations (owned by the indexer: derived from version texts at index time) ----------------------

    def replace_citations(
        self, rows: Iterable[tuple[str, str, str, str | None, int, int]], *, code_id: str | None = None
    ) -> int:
        """Replace the citations of every version (or of one code's versions) by `rows`, atomically.

        Each row is (source_version_id, target_key, kind, detail, span_start, span_end), spans on the
        version's `text`. Returns the number of rows written.
        """
        count = 0
        with self.transaction() as connection:
            if code_id is None:
                connection.execute("DELETE FROM citations")
            else:
                connection.execute(
                    "DELETE FROM citations WHERE source_version_id IN (SELECT v.version_id FROM versions v "
                    "JOIN articles a USING(article_id) WHERE a.code_id = ?)",
                    (code_id,),
                )
            for row in rows:
                connection.execute(
                    "INSERT INTO citations(source_version_id, target_key, kind, detail, span_start, span_end) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    tuple(row),
                )
                count += 1
        return count

    def citations_from(self, version_id: str) -> list[tuple[str, str, str | None, int, int]]:
        """The citations in one version's text, in text order: (target_key, kind, detail, start, end)."""
        rows = self.connection.execute(
            "SELECT target_key, kind, detail, span_start, span_end FROM citations "
            "WHERE source_version_id = ? ORDER BY span_start, target_key",
            (version_id,),
        )
        return [tuple(row) for row in rows]

    def citing_versions(self, target_key: str) -> list[str]:
        """Ids of the versions whose text cites the article `target_key`."""
        rows = self.connection.execute(
            "SELECT DISTINCT source_version_id FROM citations WHERE target_key = ? ORDER BY source_version_id",
            (target_key,),
        )
        return [row[0] for row in rows]


def _text(row: sqlite3.Row) -> AmendingText:
    return AmendingText(
        text_id=row["text_id"],
        title=row["title"],
        nature=row["nature"],
        signed_on=_day(row["signed_on"]),
        published_on=_day(row["published_on"]),
    )

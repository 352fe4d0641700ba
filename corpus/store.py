"""The embedded SQLite store of the normalized corpus.

A code is always replaced whole inside one transaction, so a failed ingest leaves the store exactly as it
was, and ingesting the same input twice gives the same rows.

`Store` is the one façade; behind it, one module per concern, each made of functions taking the connection:
`store_schema` (tables, schema version), `store_write` (a code's rows written), `store_rows` (rows → model
values), `changesets`, `store_summary` (figures, digest) and `citation_rows` (the citations table the indexer
writes).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from corpus import changesets as changeset_queries
from corpus import citation_rows, store_history, store_write
from corpus.anomalies import AnomalyKind
from corpus.citation_rows import CitationEdge, CitationRow
from corpus.errors import StoreError
from corpus.merge import CoverageGap, SourceSpan
from corpus.model import AmendingText, Article, Changeset, Code, Version, article_key
from corpus.store_rows import read_versions, read_versions_by_ids
from corpus.store_rows import version as version_by_id
from corpus.store_schema import SCHEMA_VERSION, check_schema
from corpus.store_summary import (
    CodeSummary,
    Coverage,
    content_digest,
    coverage_at,
    coverage_on_new_years,
    summarize,
    version_stamp,
)
from corpus.version_digests import version_digests

__all__ = ["SCHEMA_VERSION", "CitationEdge", "CitationRow", "CodeSummary", "Store"]


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
            raise StoreError(
                f"{path}: aucune base de corpus ici ; lancez `lexsearch corpus add` ou `lexsearch index`"
            )
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
            raise StoreError(f"{path}: ce n'est pas une base de corpus lexsearch ({error})") from error
        return store

    def _check_schema(self, *, create: bool) -> None:
        check_schema(self.connection, self.path, create=create)

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
        self,
        codes: Iterable[tuple[Code, Iterable[Article]]],
        *,
        source: str = "",
        after_code: Callable[[sqlite3.Connection, Code], None] | None = None,
    ) -> list[int]:
        """Replace several codes in ONE transaction: a failure anywhere (even while a later code's
        source is still being read) leaves the store exactly as it was. Returns article counts.
        `after_code` writes what goes with a code (its coverage, its anomalies) in the same transaction."""
        counts = []
        with self.transaction() as connection:
            for code, articles in codes:
                store_write.delete_code(connection, code.code_id)
                connection.execute(
                    "INSERT INTO codes(code_id, title, source) VALUES (?, ?, ?)",
                    (code.code_id, code.title, source),
                )
                count = 0
                for article in articles:
                    if article.code.code_id != code.code_id:
                        raise StoreError(
                            f"article {article.article_id}: appartient à {article.code.code_id}, "
                            f"pas à {code.code_id}"
                        )
                    try:
                        store_write.insert_article(connection, article)
                    except sqlite3.IntegrityError as error:
                        raise StoreError(
                            f"article {article.article_id} ({article.number}) of {code.code_id}: "
                            f"en conflit avec un enregistrement de la base ({error})"
                        ) from None
                    count += 1
                counts.append(count)
                if after_code is not None:
                    after_code(connection, code)
            citation_rows.restore_stashed_citations(connection)
            connection.execute(
                "DELETE FROM amending_texts WHERE text_id NOT IN (SELECT DISTINCT text_id FROM amendments)"
            )
        return counts

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
        return version_by_id(self.connection, version_id)

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

    def untexted_in_force(self, keys: Iterable[str], day: date) -> dict[str, Version]:
        """For each article key, the version in force at `day` of its first article (`article_by_number`'s),
        when that version has no text: one query for many keys (a cited range over every code makes
        thousands), where `version_in_force` per key would make as many round trips."""
        iso = day.isoformat()
        rows = self.connection.execute(
            "SELECT v.* FROM articles a JOIN versions v ON v.article_id = a.article_id "
            "WHERE a.article_key IN (SELECT value FROM json_each(?)) "
            "AND a.rowid = (SELECT MIN(b.rowid) FROM articles b WHERE b.article_key = a.article_key) "
            "AND v.ordinal = (SELECT MAX(w.ordinal) FROM versions w WHERE w.article_id = a.article_id "
            "AND w.valid_from IS NOT NULL AND w.valid_from <= ? AND (w.valid_to IS NULL OR w.valid_to > ?)) "
            "AND v.text IS NULL",
            (json.dumps(list(keys)), iso, iso),
        ).fetchall()
        keys_of = dict(
            self.connection.execute(
                "SELECT article_id, article_key FROM articles WHERE article_id IN (SELECT value FROM json_each(?))",
                (json.dumps([row["article_id"] for row in rows]),),
            ).fetchall()
        )
        return {keys_of[version.article_id]: version for version in self._versions(rows)}

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

    def versions_by_ids(self, version_ids: Iterable[str]) -> list[Version]:
        """The versions with these ids that the store holds (any order), each with its amendments."""
        return read_versions_by_ids(self.connection, list(version_ids))

    def version_digests(self) -> dict[str, tuple[bytes, bytes]]:
        """version_id → digests of what an index document of the version is made of, and of its text
        (versions with text; `corpus.version_digests`)."""
        return version_digests(self.connection)

    def indexed_articles(self) -> dict[str, tuple[str, str, str]]:
        """article_id -> (code_id, article_key, code title), for the indexer."""
        rows = self.connection.execute(
            "SELECT a.article_id, a.code_id, a.article_key, c.title FROM articles a JOIN codes c USING(code_id)"
        )
        return {row[0]: (row[1], row[2], row[3]) for row in rows}

    def count_versions(self, *, with_text: bool = True) -> int:
        sql = "SELECT count(*) FROM versions" + (" WHERE text IS NOT NULL" if with_text else "")
        return self.connection.execute(sql).fetchone()[0]

    def _versions(self, rows: list[sqlite3.Row]) -> list[Version]:
        return read_versions(self.connection, rows)

    # -- changesets ------------------------------------------------------------------------------------

    def changesets(self, code_id: str | None = None) -> list[tuple[AmendingText, date | None, int]]:
        """Changesets in date order: (amending text, effective date, number of versions touched)."""
        return changeset_queries.changesets(self.connection, code_id)

    def changeset(self, text_id: str, effective_on: date | None) -> Changeset | None:
        """Every version an amending text created or ended on one date, with each one's predecessor."""
        return changeset_queries.changeset(self.connection, text_id, effective_on)

    def changesets_of_version(self, version_id: str) -> list[tuple[AmendingText, date | None, str]]:
        return changeset_queries.changesets_of_version(self.connection, version_id)

    # -- sources: coverage and anomalies ---------------------------------------------------------------

    def code_history(self, code: Code) -> list[Article]:
        """Every article of a code with all its versions (what a new source of it is merged into)."""
        return store_history.read_code(self.connection, code)

    def coverage(self, code_id: str) -> tuple[SourceSpan, ...]:
        """Each source's span of days for a code."""
        return store_history.spans(self.connection, code_id)

    def coverage_gaps(self, code_id: str, *, trailing: bool = False) -> tuple[CoverageGap, ...]:
        """Days between two sources of a code, which no source covers (`CoverageGap.label` says so); with
        `trailing`, also the days after the last one covered (`before` is None)."""
        return store_history.gaps(self.connection, code_id, trailing=trailing)

    def anomaly_counts(self, code_id: str | None = None) -> dict[AnomalyKind, int]:
        return store_history.anomaly_counts(self.connection, code_id)

    # -- summary ---------------------------------------------------------------------------------------

    def summary(self) -> list[CodeSummary]:
        return summarize(self.connection)

    def coverage_at(self, day: date, code_id: str | None = None) -> Coverage:
        return coverage_at(self.connection, day, code_id)

    def coverage_on_new_years(self, first: int, last: int) -> list[Coverage]:
        return coverage_on_new_years(self.connection, first, last)

    def content_digest(self) -> str:
        """A digest of every row, independent of insertion order: equal input must give an equal digest."""
        return content_digest(self.connection)

    def version_stamp(self) -> str:
        """A cheap identity of the versions (counts and id ranges): an index records the stamp of the
        store it was built from, so a changed store is noticed without reading any text."""
        return version_stamp(self.connection)

    # -- citations (owned by the indexer: derived from version texts at index time) ----------------------

    def replace_citations(self, rows: Iterable[CitationRow], *, code_id: str | None = None) -> int:
        """Replace the citations of every version (or of one code's versions) by `rows`, atomically.

        Each row is (source_version_id, target_key, kind, detail, span_start, span_end), spans on the
        version's `text`. Returns the number of rows written.
        """
        with self.transaction() as connection:
            return citation_rows.replace_citations(connection, rows, code_id=code_id)

    def replace_version_citations(self, version_ids: Iterable[str], rows: Iterable[CitationRow]) -> int:
        """Replace the citations of these versions only by `rows` (an incremental index update)."""
        with self.transaction() as connection:
            return citation_rows.replace_version_citations(connection, list(version_ids), rows)

    def citations_from(self, version_id: str) -> list[tuple[str, str, str | None, int, int]]:
        """The citations in one version's text, in text order: (target_key, kind, detail, start, end)."""
        return citation_rows.citations_from(self.connection, version_id)

    def citing_versions(self, target_key: str) -> list[str]:
        """Ids of the versions whose text cites the article `target_key`."""
        return citation_rows.citing_versions(self.connection, target_key)

    def citation_edges(self) -> list[CitationEdge]:
        """Every distinct article → article link, with the validity of the citing version."""
        return citation_rows.citation_edges(self.connection)

    def texts_with_citations(
        self, version_ids: list[str]
    ) -> dict[str, tuple[str, list[tuple[int, int, str]]]]:
        """Text and citation spans (start, end, target_key) of each version, for snippets."""
        return citation_rows.texts_with_citations(self.connection, version_ids)

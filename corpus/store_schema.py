"""The corpus store's tables, and the check that a file holds them at the version this code reads.

Any change to the tables must bump `SCHEMA_VERSION`: an older store is then refused with a message saying
how to rebuild it, never read wrongly. A change that only adds tables is a migration instead: the older
store gets them (empty) when opened for writing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from corpus.errors import StoreError

SCHEMA_VERSION = 3

SCHEMA = (
    """
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
    + (
        ADDED_IN_2 := """
CREATE TABLE IF NOT EXISTS coverage (
    code_id TEXT NOT NULL REFERENCES codes(code_id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    covered_from TEXT,
    covered_to TEXT,
    PRIMARY KEY (code_id, source)
);
CREATE TABLE IF NOT EXISTS anomalies (
    code_id TEXT NOT NULL REFERENCES codes(code_id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    location TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS anomalies_by_code ON anomalies(code_id, kind);
-- `corpus info` over all codes without reading the texts: dates from a covering index, versions without
-- text from a partial one (24 s → 6 s for 72 codes and 300,000 versions)
CREATE INDEX IF NOT EXISTS versions_summary ON versions(article_id, version_id, valid_from, valid_to);
CREATE INDEX IF NOT EXISTS versions_without_text ON versions(article_id) WHERE text IS NULL;
"""
    )
    + (
        # Uncertain boundaries of captured versions (`corpus.model.UncertainDate`): `*_uncertain` holds the
        # precision of valid_from / valid_to when that is only a latest bound (NULL: exact), `*_after` the day
        # after which the change happened (NULL: no earlier limit known).
        ADDED_IN_3 := """
ALTER TABLE versions ADD COLUMN valid_from_uncertain TEXT;
ALTER TABLE versions ADD COLUMN valid_from_after TEXT;
ALTER TABLE versions ADD COLUMN valid_to_uncertain TEXT;
ALTER TABLE versions ADD COLUMN valid_to_after TEXT;
"""
    )
)

# Additive migrations: schema version → the statements that bring it to the next version.
MIGRATIONS = {1: ADDED_IN_2, 2: ADDED_IN_3}


def check_schema(connection: sqlite3.Connection, path: Path, *, create: bool) -> None:
    """Create the tables in an empty file (when `create`), else insist on our schema version."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "meta" not in tables:
        if tables:
            raise StoreError(f"{path}: ce n'est pas une base de corpus lexsearch (tables inconnues)")
        if not create:
            raise StoreError(f"{path}: base vide")
        with connection:
            connection.executescript(SCHEMA)
            connection.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        return
    row = connection.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    found = row[0] if row else "none"
    while create and found.isdigit() and int(found) in MIGRATIONS:
        with connection:
            connection.executescript(MIGRATIONS[int(found)])
            found = str(int(found) + 1)
            connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (found,))
    if found != str(SCHEMA_VERSION):
        raise StoreError(
            f"{path}: base de corpus écrite avec le schéma {found}, cette version de lexsearch lit le schéma "
            f"{SCHEMA_VERSION} ; reconstruisez-la avec `lexsearch corpus rebuild`"
        )

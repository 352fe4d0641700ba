"""Writing one code's rows: behind `Store.replace_codes`, which holds the transaction."""

from __future__ import annotations

import json
import sqlite3

from corpus import citation_rows
from corpus.article_body import collapse_blanks
from corpus.model import Article, ChangeRole
from corpus.store_rows import iso, uncertain_columns


def delete_code(connection: sqlite3.Connection, code_id: str) -> None:
    """Every row of one code; its citations are stashed first, to be kept for texts that come back unchanged."""
    citation_rows.stash_code_citations(connection, code_id)
    citation_rows.delete_code_citations(connection, code_id)
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


def insert_article(connection: sqlite3.Connection, article: Article) -> None:
    """One article's rows: the article, its versions in order, their amending texts and amendments."""
    connection.execute(
        "INSERT INTO articles(article_id, code_id, number, article_key) VALUES (?, ?, ?, ?)",
        (article.article_id, article.code.code_id, article.number, article.key),
    )
    for ordinal, version in enumerate(article.versions):
        connection.execute(
            "INSERT INTO versions(version_id, article_id, ordinal, number, text, html, valid_from, "
            "valid_to, valid_to_pending, status, section_path, nota, valid_from_uncertain, "
            "valid_from_after, valid_to_uncertain, valid_to_after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                version.version_id,
                article.article_id,
                ordinal,
                version.number,
                collapse_blanks(version.text),
                version.html,
                iso(version.valid_from),
                iso(version.valid_to),
                int(version.valid_to_pending),
                version.status.value,
                json.dumps(list(version.section_path), ensure_ascii=False),
                version.nota,
                *uncertain_columns(version.start_uncertain),
                *uncertain_columns(version.end_uncertain),
            ),
        )
        for amendment in version.amendments:
            text = amendment.text
            connection.execute(
                "INSERT INTO amending_texts(text_id, title, nature, signed_on, published_on) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(text_id) DO NOTHING",
                (text.text_id, text.title, text.nature, iso(text.signed_on), iso(text.published_on)),
            )
            effective = version.valid_from if amendment.role is ChangeRole.CREATED else version.valid_to
            connection.execute(
                "INSERT OR IGNORE INTO amendments(version_id, text_id, role, effective_on, link_type, "
                "article_in_text) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    version.version_id,
                    text.text_id,
                    amendment.role.value,
                    iso(effective),
                    amendment.link_type,
                    amendment.article_in_text,
                ),
            )

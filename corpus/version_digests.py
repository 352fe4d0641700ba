"""A digest of each version with text, over everything an index document is made of.

Why: an index records the digest of every version it holds; comparing them with the store's current
digests tells an incremental update which versions were removed, changed or added, without analyzing any
text. The digest covers the version's own columns, its article (key, code) and code title (citations
are resolved against it), and its amendments with their texts' titles (the amending title is shown).
"""

from __future__ import annotations

import hashlib
import sqlite3

SEPARATOR = "\x1f"
DIGEST_SIZE = 16

_VERSIONS = (
    "SELECT v.version_id, v.article_id, a.article_key, a.code_id, c.title, v.number, v.text, v.valid_from, "
    "v.valid_to, v.status, v.section_path, v.valid_from_uncertain, v.valid_from_after, "
    "v.valid_to_uncertain, v.valid_to_after "
    "FROM versions v JOIN articles a USING(article_id) JOIN codes c USING(code_id) "
    "WHERE v.text IS NOT NULL"
)
_AMENDMENTS = (
    "SELECT m.version_id, m.text_id, m.role, t.title FROM amendments m JOIN amending_texts t USING(text_id) "
    "ORDER BY m.version_id, m.text_id, m.role"
)


def _joined(values: tuple[object, ...]) -> str:
    return SEPARATOR.join("\x00" if value is None else str(value) for value in values)


def version_digests(connection: sqlite3.Connection) -> dict[str, bytes]:
    """version_id → digest (DIGEST_SIZE bytes) of every version with text."""
    amendments: dict[str, list[str]] = {}
    for row in connection.execute(_AMENDMENTS):
        amendments.setdefault(row[0], []).append(_joined(tuple(row[1:])))
    digests = {}
    for row in connection.execute(_VERSIONS):
        values = tuple(row)
        extra = SEPARATOR.join(amendments.get(values[0], ()))
        text = _joined(values) + "\x1e" + extra
        digests[values[0]] = hashlib.blake2b(text.encode("utf-8"), digest_size=DIGEST_SIZE).digest()
    return digests

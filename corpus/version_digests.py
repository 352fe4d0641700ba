"""Two digests of each version with text: of everything an index document is made of, and of its text.

Why: an index records the digests of every version it holds; comparing them with the store's current
ones tells an incremental update which versions were removed, changed or added, without analyzing any
text. The document digest covers the version's own columns, its article (key, code) and code title
(citations are resolved against it), and its amendments with their texts' titles (the amending title is
shown). The text digest (text and code title) says whether a changed version's analyzed text and its
citations can be kept, when only its dates, status or section changed.
"""

from __future__ import annotations

import hashlib
import sqlite3

SEPARATOR = "\x1f"
DIGEST_SIZE = 16

_COLUMNS = (
    "v.version_id, v.article_id, a.article_key, a.code_id, v.number, v.valid_from, v.valid_to, "
    "v.status, v.section_path, v.valid_from_uncertain, v.valid_from_after, v.valid_to_uncertain, "
    "v.valid_to_after"
)
# The columns joined by SQLite itself (NULL as char(0)): one string per version, no Python loop over them.
_JOINED = " || char(31) || ".join(f"ifnull({column}, char(0))" for column in _COLUMNS.split(", "))
_VERSIONS = (
    f"SELECT v.version_id, c.title || char(31) || v.text, {_JOINED} FROM versions v JOIN articles a USING(article_id) "
    "JOIN codes c USING(code_id) WHERE v.text IS NOT NULL"
)
_AMENDMENTS = (
    "SELECT m.version_id, m.text_id, m.role, t.title FROM amendments m JOIN amending_texts t USING(text_id) "
    "ORDER BY m.version_id, m.text_id, m.role"
)


def version_digests(connection: sqlite3.Connection) -> dict[str, tuple[bytes, bytes]]:
    """version_id → (document digest, text digest), DIGEST_SIZE bytes each, of every version with text."""
    amendments: dict[str, list[str]] = {}
    for row in connection.execute(_AMENDMENTS):
        amendments.setdefault(row[0], []).append(SEPARATOR.join(str(value) for value in row[1:]))
    digests = {}
    for version_id, text, joined in connection.execute(_VERSIONS):
        text_digest = hashlib.blake2b(text.encode("utf-8"), digest_size=DIGEST_SIZE).digest()
        joined += "\x1e" + SEPARATOR.join(amendments.get(version_id, ()))
        document = hashlib.blake2b(text_digest + joined.encode("utf-8"), digest_size=DIGEST_SIZE).digest()
        digests[version_id] = (document, text_digest)
    return digests

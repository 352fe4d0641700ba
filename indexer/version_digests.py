"""The versions an index holds, in document-number order, with their digests: written beside the index.

Why: an incremental update (`indexer.incremental`) compares the digests with the store's current ones
(`Store.version_digests`) to find the versions removed, changed or added since the index was built; the
article keys say which articles' frequencies to correct. One line per document, "version id, article key,
document digest, text digest" separated by tabs, gzipped: read in a fraction of the time the rows file's
JSON takes.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

from corpus.version_digests import DIGEST_SIZE
from indexer.errors import StaleIndexError
from indexer.schema import REBUILD_COMMAND

DIGESTS_FILE = "version-digests.tsv.gz"
UNKNOWN = (b"\0" * DIGEST_SIZE,) * 2  # a version the store did not describe: re-indexed next time

Entry = tuple[str, str, bytes, bytes]  # version id, article key, document digest, text digest


def write_digests(directory: Path, entries: Iterable[Entry]) -> None:
    """Each document's version id, article key and digest, in document-number order."""
    with gzip.open(directory / DIGESTS_FILE, "wt", encoding="utf-8", compresslevel=1) as out:
        out.writelines(f"{v}\t{key}\t{document.hex()}\t{text.hex()}\n" for v, key, document, text in entries)


def read_digests(directory: Path, documents: int) -> list[Entry] | None:
    """The entries in document-number order, or None when the build wrote none (an older build)."""
    path = directory / DIGESTS_FILE
    try:
        with gzip.open(path, "rt", encoding="utf-8") as table:
            fields = [line.rstrip("\n").split("\t") for line in table]
        entries = [
            (v, key, bytes.fromhex(document), bytes.fromhex(text)) for v, key, document, text in fields
        ]
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError) as error:
        raise StaleIndexError(
            f"{path}: illisible ({error.__class__.__name__}) ; reconstruisez l'index avec `{REBUILD_COMMAND} --full`"
        ) from None
    if len(entries) != documents:
        raise StaleIndexError(
            f"{path}: {len(entries)} versions pour {documents} documents ; reconstruisez l'index avec "
            f"`{REBUILD_COMMAND} --full`"
        )
    return entries

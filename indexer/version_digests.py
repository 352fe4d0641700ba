"""The digests of the versions an index holds, in document-number order, written beside the index.

Why: an incremental update (`indexer.incremental`) compares them with the store's current digests
(`Store.version_digests`) to find the versions removed, changed or added since the index was built. The
version ids are the rows file's; this file only holds the digests, DIGEST_SIZE bytes per document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from corpus.version_digests import DIGEST_SIZE
from indexer.errors import StaleIndexError
from indexer.schema import REBUILD_COMMAND

DIGESTS_FILE = "version-digests.bin"
UNKNOWN = b"\0" * DIGEST_SIZE  # a version the store no longer describes: re-indexed by the next update


def write_digests(directory: Path, version_ids: Sequence[str], digests: Mapping[str, bytes]) -> None:
    """The digest of each document's version, in document-number order."""
    (directory / DIGESTS_FILE).write_bytes(b"".join(digests.get(v, UNKNOWN) for v in version_ids))


def write_digest_list(directory: Path, digests: Sequence[bytes]) -> None:
    (directory / DIGESTS_FILE).write_bytes(b"".join(digests))


def read_digests(directory: Path, documents: int) -> list[bytes] | None:
    """The digests in document-number order, or None when the build wrote none (an older build)."""
    try:
        data = (directory / DIGESTS_FILE).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StaleIndexError(
            f"{directory / DIGESTS_FILE}: unreadable ({error.__class__.__name__}); "
            f"rebuild it with `{REBUILD_COMMAND} --full`"
        ) from None
    if len(data) != documents * DIGEST_SIZE:
        raise StaleIndexError(
            f"{directory / DIGESTS_FILE}: {len(data) // DIGEST_SIZE} digests for {documents} documents; "
            f"rebuild it with `{REBUILD_COMMAND} --full`"
        )
    return [data[i : i + DIGEST_SIZE] for i in range(0, len(data), DIGEST_SIZE)]

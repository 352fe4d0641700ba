"""Opening an index generation's Whoosh files, turning any damage into a StaleIndexError.

Whoosh reads its table of contents with pickle and its segments with struct: a TOC written by another
Whoosh version, cut short or overwritten fails deep inside those libraries (UnpicklingError, EOFError,
struct.error, Whoosh's own IndexVersionError…). The user can do nothing with such a traceback; they need one
line naming the index and the command that rebuilds it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from whoosh import index as whoosh_index
from whoosh.index import Index

from indexer.errors import StaleIndexError
from indexer.schema import REBUILD_COMMAND

T = TypeVar("T")


def damaged(directory: Path, error: BaseException) -> StaleIndexError:
    """The one-line error for Whoosh files that cannot be read."""
    detail = str(error).splitlines()[0][:120] if str(error) else ""
    reason = error.__class__.__name__ + (f": {detail}" if detail else "")
    return StaleIndexError(
        f"{directory}: fichiers d'index Whoosh endommagés ou d'une autre version de Whoosh ({reason}) ; "
        f"reconstruisez l'index avec `{REBUILD_COMMAND}`"
    )


def read_guarded(directory: Path, read: Callable[[], T]) -> T:
    """Run `read` (anything that reads the index files), reporting a failure as a damaged index."""
    try:
        return read()
    except StaleIndexError:
        raise
    except Exception as error:  # any failure to decode the files means a damaged index: reported, by name
        raise damaged(directory, error) from error  # the cause stays attached for whoever debugs it


def open_index(directory: Path) -> Index:
    """The Whoosh index in `directory`, or a StaleIndexError naming `lexsearch index`."""
    return read_guarded(directory, lambda: whoosh_index.open_dir(str(directory)))

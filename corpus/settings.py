"""Where lexsearch keeps its built data (store, index), overridable for tests and deployments."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_ARTIFACT = Path(__file__).parent / "data" / "code-du-travail.jsonl.gz"


def data_home() -> Path:
    """`$LEXSEARCH_HOME`, else `~/.local/share/lexsearch`."""
    configured = os.environ.get("LEXSEARCH_HOME")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".local" / "share" / "lexsearch"


def store_path() -> Path:
    return data_home() / "corpus.sqlite3"


def index_path() -> Path:
    return data_home() / "index"

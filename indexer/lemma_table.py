"""The forms → lemmas table of an index generation, written by the build, read when the index opens.

Why beside the index: the lemmas of the forms the corpus holds are computed at build time anyway, and a
search that opens the index with them answers any query made of known forms without loading spaCy
(~5 s of start-up). A missing or unreadable table is not an error: the lemmatizer then computes lemmas
as before, only slower to start.
"""

from __future__ import annotations

import json
from pathlib import Path

LEMMA_TABLE = "lemmas.json"


def write_lemma_table(directory: Path, table: dict[str, str]) -> None:
    """Written into the build directory before it becomes current, so a served index always has it."""
    path = directory / LEMMA_TABLE
    path.write_text(json.dumps(dict(sorted(table.items())), ensure_ascii=True, separators=(",", ":")))


def read_lemma_table(directory: Path) -> dict[str, str]:
    """The table of the index in `directory`, or {} when that build has none (older index)."""
    try:
        table = json.loads((directory / LEMMA_TABLE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {form: lemma for form, lemma in table.items() if isinstance(form, str) and isinstance(lemma, str)}

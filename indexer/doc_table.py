"""Every document's stored fields and field lengths, read once after the build and kept beside the index.

Why: opening an index reads both for all documents (the result rows and BM25's length normalisation);
through Whoosh that is one unpickle and three length look-ups per document, ~0.5 s of CPU on the default
corpus, most of a one-shot `lexsearch search`. One pickle of the same values loads ~10× faster. The file
is written into the build directory before it becomes current; an index without it (older build) is read
through Whoosh as before.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.index import Index

DOC_TABLE = "documents.pickle"
LENGTH_FIELDS = ("text", "surface", "section")


@dataclass(frozen=True)
class DocTable:
    stored: tuple[dict, ...]  # stored fields, in document-number order
    lengths: dict[str, np.ndarray]  # field → token count of every document (Whoosh's one-byte, lossy)
    averages: dict[str, float]  # field → exact average length (Whoosh's total / documents)


def read_from_index(index: Index) -> DocTable:
    """The table as Whoosh gives it (the slow path, and what the build writes)."""
    with index.searcher() as searcher:
        reader = searcher.reader()
        size = reader.doc_count_all()
        stored: list[dict] = [{} for _ in range(size)]
        for docnum, fields in reader.iter_docs():
            stored[docnum] = fields
        lengths = {
            field: np.fromiter(
                (reader.doc_field_length(d, field, 0) for d in range(size)), dtype=np.float64, count=size
            )
            for field in LENGTH_FIELDS
        }
        averages = {field: searcher.avg_field_length(field) or 1.0 for field in LENGTH_FIELDS}
    return DocTable(tuple(stored), lengths, averages)


def write_doc_table(directory: Path, index: Index) -> None:
    with open(directory / DOC_TABLE, "wb") as out:
        pickle.dump(read_from_index(index), out, protocol=pickle.HIGHEST_PROTOCOL)


def read_doc_table(directory: Path, documents: int) -> DocTable | None:
    """The build's table, or None when it has none or it does not match the index (`documents`)."""
    try:
        with open(directory / DOC_TABLE, "rb") as stream:
            table = pickle.load(stream)  # written by our own build, like the Whoosh TOC beside it
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(table, DocTable) or len(table.stored) != documents:
        return None
    if not isinstance(getattr(table, "averages", None), dict):
        return None  # written by an earlier layout of DocTable
    return table

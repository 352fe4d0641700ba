"""Errors of the corpus layer: bad input is reported with the file or record it came from."""

from __future__ import annotations


class LexsearchError(Exception):
    """Base of every expected failure in any layer; the CLI prints it as one line and exits non-zero."""


class CorpusError(LexsearchError):
    """Bad corpus input or store."""


class SourceError(CorpusError):
    """A source file or record cannot be read: names where and what."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class StoreError(CorpusError):
    """The store is missing, unreadable, or was written by another schema version."""

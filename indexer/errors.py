"""Errors of the index layer: missing, stale or broken indexes, each naming the command that fixes it."""

from __future__ import annotations

from corpus.errors import LexsearchError


class IndexError_(LexsearchError):
    """Base of index problems (named with a trailing underscore so it never shadows the builtin)."""


class IndexMissingError(IndexError_):
    """No complete index exists yet at the expected place."""


class StaleIndexError(IndexError_):
    """The index was written by another schema version (or another analysis chain)."""


class IndexBuildError(IndexError_):
    """A build could not complete; the previous index, if any, still serves."""


class EngineSettingError(IndexError_):
    """`$LEXSEARCH_ENGINE` or `--engine` names no known search engine."""

"""The Whoosh schema: one document per article version that has text.

Analysis is separate from indexing (bm25s style): the build hands the index streams of tokens produced by
`analyzers.french`, joined by newlines, and the text fields only split on newlines. Query terms go through
the very same analyzers in `search.query`, so index and query always agree. The schema version is written
next to the index; any change to fields or to how tokens are produced must bump `INDEX_SCHEMA_VERSION`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from whoosh.analysis import RegexTokenizer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from corpus.model import DatePrecision, UncertainDate
from indexer.errors import StaleIndexError
from indexer.fingerprint import built_with_these_analyzers

INDEX_SCHEMA_VERSION = 2  # 2: `dating`, the uncertain boundaries of captured versions
META_FILE = "lexsearch-index.json"
REBUILD_COMMAND = "lexsearch index"

TOKEN_SEPARATOR = "\n"

# Dates are stored as ISO strings so that lexical order is date order; these stand for the open ends.
OPEN_START = "0000-00-00"  # entry into force not fixed yet
OPEN_END = "9999-99-99"  # no end known


def pretokenized() -> RegexTokenizer:
    """Splits a stream already produced by the French analyzers; never analyzes text itself."""
    return RegexTokenizer(r"[^\n]+")


def build_schema() -> Schema:
    return Schema(
        version_id=ID(stored=True, unique=True),
        article_id=ID(stored=True),
        article_key=ID(stored=True),
        code_id=ID(stored=True),
        number=ID(stored=True),  # canonical spelling, "L1233-3"
        num=ID(),  # lowercased canonical spelling, for exact and prefix queries as typed
        section=TEXT(analyzer=pretokenized(), phrase=True),
        text=TEXT(analyzer=pretokenized(), phrase=True),
        surface=TEXT(analyzer=pretokenized(), phrase=True),
        cites=KEYWORD(commas=True, scorable=False),
        valid_from=ID(stored=True),
        valid_to=ID(stored=True),
        status=ID(stored=True),
        amending_text_id=ID(stored=True),
        amending_title=STORED(),
        section_path=STORED(),
        partie=ID(stored=True),
        livre=ID(stored=True),
        dating=STORED(),  # see `dating_value`
    )


def join_tokens(tokens: Iterable[str]) -> str:
    return TOKEN_SEPARATOR.join(token.replace(TOKEN_SEPARATOR, " ") for token in tokens if token)


def number_token(number: str) -> str:
    """The `num` field's spelling of a canonical article number."""
    return number.lower()


def date_value(day: date | None, *, end: bool) -> str:
    if day is None:
        return OPEN_END if end else OPEN_START
    return day.isoformat()


def parse_date_value(value: str) -> date | None:
    if value in (OPEN_START, OPEN_END, ""):
        return None
    return date.fromisoformat(value)


def dating_value(start: UncertainDate | None, end: UncertainDate | None) -> tuple[str, ...]:
    """The uncertain boundaries of a version as stored: () when both dates are exact, else (start
    precision, start after, end precision, end after) with "" for what is exact or unknown."""
    if start is None and end is None:
        return ()

    def pair(span: UncertainDate | None) -> tuple[str, str]:
        if span is None:
            return "", ""
        return span.precision.value, span.after.isoformat() if span.after else ""

    return (*pair(start), *pair(end))


def parse_dating(value: object) -> tuple[UncertainDate | None, UncertainDate | None]:
    """(start_uncertain, end_uncertain) from `dating_value`'s tuple."""
    if not value:
        return None, None

    def span(precision: str, after: str) -> UncertainDate | None:
        if not precision:
            return None
        return UncertainDate(date.fromisoformat(after) if after else None, DatePrecision(precision))

    start_precision, start_after, end_precision, end_after = value  # type: ignore[misc]
    return span(start_precision, start_after), span(end_precision, end_after)


@dataclass(frozen=True)
class IndexMeta:
    """What a build writes next to the Whoosh files; checked before anything is read."""

    schema_version: int
    documents: int
    built_at: str
    store_digest: str
    analyzers: str
    engine: str = "whoosh"  # the library that wrote the files (`indexer.engines`); older builds are Whoosh
    analyzer_sources: str = ""  # `indexer.fingerprint.source_stamp` at build; older builds have none

    def analyzers_current(self) -> bool:
        """Whether the index was built with the analysis code on disk now."""
        return built_with_these_analyzers(self.analyzers, self.analyzer_sources)

    def write(self, directory: Path) -> None:
        path = directory / META_FILE
        path.write_text(json.dumps(self.__dict__, indent=1, sort_keys=True), encoding="utf-8")

    @classmethod
    def read(cls, directory: Path) -> IndexMeta:
        path = directory / META_FILE
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            meta = cls(**record)
        except (OSError, ValueError, TypeError) as error:
            raise StaleIndexError(
                f"{directory}: ce n'est pas un index lexsearch complet ({error.__class__.__name__}) ; "
                f"reconstruisez-le avec `{REBUILD_COMMAND}`"
            ) from None
        if meta.schema_version != INDEX_SCHEMA_VERSION:
            raise StaleIndexError(
                f"{directory}: index écrit avec le schéma {meta.schema_version}, cette version de lexsearch lit le "
                f"schéma {INDEX_SCHEMA_VERSION} ; reconstruisez-le avec `{REBUILD_COMMAND}`"
            )
        return meta

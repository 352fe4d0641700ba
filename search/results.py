"""The values the search layer exchanges with its callers (the CLI, the app): requests, hits, results.
Frozen; fields are only ever added, so callers written against an older set keep working."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from corpus.model import UncertainDate


@dataclass(frozen=True)
class SearchRequest:
    """`at=None` and `all_versions=False` mean "in force today". `highlight=False` skips snippets (the
    snippet is then empty), for callers that only need the ranking."""

    query: str
    at: date | None = None
    all_versions: bool = False
    code: str | None = None
    limit: int = 10
    offset: int = 0
    status: str | None = None
    section: str | None = None
    highlight: bool = True


@dataclass(frozen=True)
class VersionRef:
    version_id: str
    valid_from: date | None
    valid_to: date | None
    status: str
    start_uncertain: UncertainDate | None = None
    end_uncertain: UncertainDate | None = None


@dataclass(frozen=True)
class SameText:
    """Another article whose text is (nearly) that of a hit, shown under it (search.same_text)."""

    article: str
    article_key: str
    code: str
    code_id: str
    version_id: str
    article_url: str


@dataclass(frozen=True)
class Hit:
    article: str  # number, "L1233-3"
    article_key: str
    article_id: str
    code: str  # title
    code_id: str
    version_id: str
    valid_from: date | None
    valid_to: date | None
    status: str
    score: float
    snippet: str  # HTML-escaped text with only <mark> added
    section_path: tuple[str, ...]
    other_versions: tuple[VersionRef, ...]
    amending_text: str | None
    article_url: str
    diff_url: str
    amending_text_id: str | None = None
    snippet_text: str = ""  # the snippet as plain text…
    highlights: tuple[tuple[int, int], ...] = ()  # …and the [start, end) spans of its matches
    start_uncertain: UncertainDate | None = None  # valid_from is then the latest possible day
    end_uncertain: UncertainDate | None = None  # valid_to is then the latest possible day
    same_text: tuple[SameText, ...] = ()  # articles of the same wording, grouped under this hit


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int  # matching articles (not versions)
    took_ms: float
    hits: tuple[Hit, ...]
    filter_description: str
    notices: tuple[str, ...] = ()
    understood_references: tuple[str, ...] = ()
    suggestion: str | None = None
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    # The query's words that no article (in the filters) contains, as typed; and whether the hits are
    # only a partial match (no article has every word): the honest word shown beside weak results.
    unmatched_terms: tuple[str, ...] = ()
    partial_match: bool = False

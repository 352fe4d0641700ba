"""One history per article when several sources hold the same code.

`merge_code(existing, incoming)` takes the history a code already has (say the Code du travail from twelve
Légifrance snapshots, 2020–2026, which know every version since 2008 by its dates but most without text)
and a new source of the same code (say the all-codes git export, whose texts stop in April 2015), and
returns one history:

- articles are matched by number (canonical spelling); an article only one source knows is kept as is;
- versions are matched by entry into force; a matched pair is ONE version: identical wordings (spacing
  aside) are counted as such, a version known by metadata only takes the other source's text, and two
  different wordings on one date keep the precise source's and are reported (`TEXT_CONFLICT`);
- dates, ids and statuses come from the precise source (Légifrance's own records), the other one adds
  what the precise source lacks (older versions, texts);
- each source's span of days is kept: the days between two sources' spans are a `CoverageGap` shown as
  "versions entre avril 2015 et janvier 2020 non couvertes par nos sources", never as no version in force.

Merging is idempotent: merging the result again with either source changes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from corpus.anomalies import Anomaly, AnomalyKind
from corpus.french_dates import MONTHS_FR
from corpus.model import Article, Code, Status, Version, normalize_number

_OPEN = frozenset({Status.IN_FORCE, Status.IN_FORCE_DEFERRED, Status.UNKNOWN})
_BEFORE_PUNCTUATION = re.compile(r" ([,.;:)\]])")
_AFTER_OPENING = re.compile(r"([(\[]) ")
_COVERED_SHARE = 0.99  # share of in-force versions with text from which a day counts as covered


@dataclass(frozen=True)
class SourceSpan:
    """The days over which one source gives the wording of a code (first and last change it knows)."""

    source: str
    covered_from: date | None
    covered_to: date | None


@dataclass(frozen=True)
class CoverageGap:
    """Days between two sources' spans: versions in force then may be missing or lack their text."""

    after: date  # last day covered before the gap
    before: date | None  # first day covered after it; None: no source covers anything later

    @property
    def label(self) -> str:
        if self.before is None:
            return f"versions après {_month(self.after)} non couvertes par nos sources"
        return f"versions entre {_month(self.after)} et {_month(self.before)} non couvertes par nos sources"


def _month(day: date) -> str:
    return f"{MONTHS_FR[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class CodeSource:
    """One source's history of one code. `precise`: its dates and ids are Légifrance's own."""

    code: Code
    articles: Sequence[Article]
    spans: tuple[SourceSpan, ...]
    precise: bool


@dataclass(frozen=True)
class MergeCounts:
    articles_matched: int = 0  # numbers both sources know
    articles_added: int = 0  # numbers only the incoming source knows
    versions_identical: int = 0  # same date (or overlapping dates) and the same wording
    versions_filled: int = 0  # known by metadata only, text taken from the other source
    versions_added: int = 0  # versions only the incoming source knows
    text_conflicts: int = 0  # same date, different wordings: the precise source's is kept
    articles_closed: int = 0  # left in force by one source, unknown to the later one: ended at its start


@dataclass(frozen=True)
class MergedCode:
    code: Code
    articles: list[Article]
    spans: tuple[SourceSpan, ...]
    gaps: tuple[CoverageGap, ...]
    counts: MergeCounts
    anomalies: tuple[Anomaly, ...]


def comparable(text: str | None) -> str | None:
    """A wording with spacing (line breaks, spaces before punctuation, which Légifrance's HTML leaves
    after a link: "l'article L. 434-3 ,") and apostrophe shapes ignored, to compare two sources."""
    if text is None:
        return None
    spaced = " ".join(text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ").split())
    return _BEFORE_PUNCTUATION.sub(r"\1", _AFTER_OPENING.sub(r"\1", spaced))


def is_precise(articles: Sequence[Article]) -> bool:
    """Articles carrying Légifrance's own ids (LEGIARTI…): their dates are the official ones."""
    return any(article.article_id.startswith("LEGIARTI") for article in articles)


def estimate_span(source: str, articles: Sequence[Article]) -> SourceSpan:
    """The span of a source that does not state it: from the first day on which (almost) every version in
    force has its text, to the last entry into force of a version with text."""
    events: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    last = None
    for article in articles:
        for version in article.versions:
            if version.valid_from is None:
                continue
            has_text = int(version.text is not None)
            events[version.valid_from][0] += 1
            events[version.valid_from][1] += has_text
            if version.valid_to is not None:
                events[version.valid_to][0] -= 1
                events[version.valid_to][1] -= has_text
            if has_text:
                last = max(last or version.valid_from, version.valid_from)
    in_force = with_text = 0
    start = None
    for day in sorted(events):
        in_force += events[day][0]
        with_text += events[day][1]
        covered = in_force > 0 and with_text >= _COVERED_SHARE * in_force
        if covered and start is None:
            start = day
        elif not covered and (last is None or day <= last):
            start = None
    return SourceSpan(source, start, last)


def uncovered_after(spans: Sequence[SourceSpan]) -> CoverageGap | None:
    """The days after the last one any source covers (the export's codes stop in April 2015): a page
    showing a later date says so rather than presenting the last known wording as today's."""
    ends = [span.covered_to for span in spans if span.covered_to]
    return CoverageGap(max(ends), None) if ends else None


def coverage_gaps(spans: Sequence[SourceSpan]) -> tuple[CoverageGap, ...]:
    """Days no source covers between the first and the last covered day."""
    known = sorted(
        (span for span in spans if span.covered_from and span.covered_to), key=lambda s: s.covered_from
    )
    gaps = []
    end = None
    for span in known:
        if end is not None and span.covered_from > end + timedelta(days=1):
            gaps.append(CoverageGap(end, span.covered_from))
        end = max(end or span.covered_to, span.covered_to)
    return tuple(gaps)


def merge_code(existing: CodeSource, incoming: CodeSource) -> MergedCode:
    """`existing` and `incoming` histories of one code → one history (see the module's docstring)."""
    primary, secondary = (
        (incoming, existing) if incoming.precise and not existing.precise else (existing, incoming)
    )
    tally = _Tally()
    by_number: dict[str, list[Article]] = defaultdict(list)
    for article in secondary.articles:
        by_number[normalize_number(article.number)].append(article)
    articles = []
    code_id = primary.code.code_id
    for article in primary.articles:
        others = by_number.pop(normalize_number(article.number), [])
        if others:
            tally.articles_matched += 1
            for other in others:
                article = _merge_article(article, other, tally, code_id)
        else:
            article = _close_unseen(article, _reach(primary.spans), _reach(secondary.spans), tally, code_id)
        articles.append(replace(article, code=primary.code))
    for others in by_number.values():
        tally.articles_added += len(others)
        tally.versions_added += sum(len(other.versions) for other in others)
        for other in others:
            other = _close_unseen(other, _reach(secondary.spans), _reach(primary.spans), tally, code_id)
            articles.append(replace(other, code=primary.code))
    articles.sort(key=lambda article: (normalize_number(article.number), article.article_id))
    spans = {span.source: span for span in (*existing.spans, *incoming.spans)}
    merged_spans = tuple(sorted(spans.values(), key=lambda s: (s.covered_from or date.min, s.source)))
    return MergedCode(
        code=primary.code,
        articles=articles,
        spans=merged_spans,
        gaps=coverage_gaps(merged_spans),
        counts=tally.counts(),
        anomalies=tuple(tally.anomalies),
    )


def _reach(spans: Sequence[SourceSpan]) -> tuple[date | None, date | None]:
    """The first and last day a source's spans cover."""
    starts = [span.covered_from for span in spans if span.covered_from]
    ends = [span.covered_to for span in spans if span.covered_to]
    return (min(starts) if starts else None, max(ends) if ends else None)


def _close_unseen(
    article: Article,
    own: tuple[date | None, date | None],
    other: tuple[date | None, date | None],
    tally: _Tally,
    code_id: str,
) -> Article:
    """An article one source leaves in force that the other source, which covers later days, does not
    know had left the code by the first of those days: its last version ends then (an upper bound)."""
    last = article.versions[-1] if article.versions else None
    own_end, other_start = own[1], other[0]
    if last is None or last.valid_to is not None or last.status not in _OPEN:
        return article
    if own_end is None or other_start is None or other_start <= own_end:
        return article
    if last.valid_from is not None and last.valid_from >= other_start:
        return article
    tally.closed += 1
    tally.anomalies.append(
        Anomaly(
            code_id,
            AnomalyKind.ENDED_UNSEEN,
            last.version_id,
            f"{article.number}: absent de la source couvrant à partir du {other_start}, fin posée à cette date",
        )
    )
    ended = replace(last, valid_to=other_start, status=Status.REPEALED)
    return replace(article, versions=(*article.versions[:-1], ended))


class _Tally:
    def __init__(self) -> None:
        self.articles_matched = self.articles_added = 0
        self.identical = self.filled = self.added = self.conflicts = 0
        self.anomalies: list[Anomaly] = []
        self.versions_added = 0
        self.closed = 0

    def counts(self) -> MergeCounts:
        return MergeCounts(
            self.articles_matched,
            self.articles_added,
            self.identical,
            self.filled,
            self.added + self.versions_added,
            self.conflicts,
            self.closed,
        )


def _merge_article(article: Article, other: Article, tally: _Tally, code_id: str) -> Article:
    """`article` (precise source) with `other`'s versions folded in."""
    versions = list(article.versions)
    by_start = {version.valid_from: index for index, version in enumerate(versions)}
    added = []
    for version in other.versions:
        index = by_start.get(version.valid_from)
        if index is None:
            index = _same_wording(versions, version)
        if index is None:
            tally.added += 1
            added.append(replace(version, article_id=article.article_id))
            continue
        versions[index] = _fold(versions[index], version, tally, code_id)
    return replace(article, versions=_chain(versions + added))


def _same_wording(versions: list[Version], version: Version) -> int | None:
    """The precise version, overlapping `version`'s days, with the same wording (dates differ by source)."""
    wording = comparable(version.text)
    if wording is None:
        return None
    for index, candidate in enumerate(versions):
        if comparable(candidate.text) == wording and _overlap(candidate, version):
            return index
    return None


def _overlap(first: Version, second: Version) -> bool:
    start = max(first.valid_from or date.min, second.valid_from or date.min)
    end = min(first.valid_to or date.max, second.valid_to or date.max)
    return start < end or first.valid_from == second.valid_from


def _fold(kept: Version, other: Version, tally: _Tally, code_id: str) -> Version:
    """One version from two sources' records of it: `kept`'s dates and id, the union of amendments."""
    amendments = kept.amendments + tuple(
        amendment
        for amendment in other.amendments
        if (amendment.text.text_id, amendment.role)
        not in {(known.text.text_id, known.role) for known in kept.amendments}
    )
    section_path = kept.section_path or other.section_path
    if kept.text is None and other.text is not None:
        tally.filled += 1
        return replace(
            kept, text=other.text, html=other.html, amendments=amendments, section_path=section_path
        )
    if other.text is not None and comparable(kept.text) != comparable(other.text):
        tally.conflicts += 1
        tally.anomalies.append(
            Anomaly(
                code_id,
                AnomalyKind.TEXT_CONFLICT,
                kept.version_id,
                f"{kept.number} au {kept.valid_from}: texte de {other.version_id} différent, non retenu",
            )
        )
    elif other.text is not None:
        tally.identical += 1
    return replace(kept, amendments=amendments, section_path=section_path)


def _chain(versions: list[Version]) -> tuple[Version, ...]:
    """Versions in date order, each one ending no later than the next one starts."""
    ordered = sorted(versions, key=lambda v: (v.valid_from is None, v.valid_from or date.min, v.version_id))
    chained = []
    for index, version in enumerate(ordered):
        start = version.valid_from
        following = None
        if start is not None:
            following = next(
                (v.valid_from for v in ordered[index + 1 :] if (v.valid_from or start) > start), None
            )
        if following is not None and (version.valid_to is None or version.valid_to > following):
            status = Status.MODIFIED if version.status in _OPEN else version.status
            version = replace(version, valid_to=following, status=status, valid_to_pending=False)
        chained.append(version)
    return tuple(chained)

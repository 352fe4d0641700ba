"""Légifrance adapter: merge N JSON snapshots of a code into one history.

Each version gets the text of the latest snapshot that captured it; versions no snapshot captured keep
their dates and status, without text; articles that leave the code keep their history and end. The
result does not depend on the order the snapshots are given in. Parsing lives in
`corpus.legifrance_snapshot`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from corpus.legifrance_snapshot import (
    CapturedVersion,
    Snapshot,
    VersionMeta,
    accepts,
    decode_snapshot,
    iter_snapshots,
    parse_day,
    parse_snapshot,
    snapshot_files,
)
from corpus.model import AmendingText, Amendment, Article, ChangeRole, Code, Status, Version

# Link types (orientation "cible") that end the version they point at; every other one produced it.
ENDING_LINKS = frozenset({"ABROGE", "ANNULE", "DISJOINT", "PERIME"})
_STILL_OPEN = frozenset({Status.IN_FORCE, Status.IN_FORCE_DEFERRED, Status.REPEALED_DEFERRED})


# -- merging -------------------------------------------------------------------------------------------------


@dataclass
class _CodeHistory:
    """Everything kept of one code while snapshots stream by: the latest word on each record wins."""

    code: Code
    order: tuple = ()
    snapshot_days: set[date] = field(default_factory=set)
    articles: dict[str, tuple[tuple, str]] = field(default_factory=dict)  # cid → (order, number)
    first_seen: dict[str, tuple] = field(default_factory=dict)
    last_seen: dict[str, tuple] = field(default_factory=dict)
    last_seen_day: dict[str, date | None] = field(default_factory=dict)
    metas: dict[str, tuple[tuple, str, VersionMeta]] = field(default_factory=dict)  # id → (order, cid, meta)
    captured: dict[str, tuple[tuple, CapturedVersion]] = field(default_factory=dict)
    titles: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))


class History:
    """Folds snapshots of any number of codes, in any order, into one history per code."""

    def __init__(self) -> None:
        self.codes: dict[str, _CodeHistory] = {}

    def add(self, snapshot: Snapshot) -> None:
        order = (snapshot.taken_on or date.min, snapshot.where)
        history = self.codes.setdefault(snapshot.code.code_id, _CodeHistory(snapshot.code))
        if order >= history.order:
            history.code, history.order = snapshot.code, order
        if snapshot.taken_on:
            history.snapshot_days.add(snapshot.taken_on)
        for article in snapshot.articles:
            cid = article.article_id
            if order >= history.articles.get(cid, ((), ""))[0]:
                history.articles[cid] = (order, article.number)
            if cid not in history.first_seen or order < history.first_seen[cid]:
                history.first_seen[cid] = order
            if order >= history.last_seen.get(cid, ()):
                history.last_seen[cid], history.last_seen_day[cid] = order, snapshot.taken_on
            for meta in article.versions:
                if order >= history.metas.get(meta.version_id, ((),))[0]:
                    history.metas[meta.version_id] = (order, cid, meta)
            captured = article.captured
            if order >= history.captured.get(captured.version_id, ((),))[0]:
                history.captured[captured.version_id] = (order, captured)
            for _, text, _ in captured.links:
                history.titles[text.text_id][text] += 1

    def articles(self, code_id: str) -> list[Article]:
        """The merged articles of one code, sorted by id; versions oldest first."""
        history = self.codes[code_id]
        texts = {
            text_id: max(counts, key=lambda t: (counts[t], repr(t)))
            for text_id, counts in history.titles.items()
        }
        by_article: dict[str, list[VersionMeta]] = defaultdict(list)
        for _, cid, meta in history.metas.values():
            by_article[cid].append(meta)
        days = sorted(history.snapshot_days)
        result = []
        for cid in sorted(history.articles):
            metas = sorted(by_article[cid], key=_version_order)
            gone_on = next(
                (day for day in days if history.last_seen_day[cid] and day > history.last_seen_day[cid]), None
            )
            versions = _versions(cid, history.articles[cid][1], metas, history.captured, texts, gone_on)
            result.append(Article(cid, history.code, history.articles[cid][1], versions))
        return result


def _version_order(meta: VersionMeta) -> tuple:
    """Oldest first; a version whose start was never fixed (stillborn) sorts by its end instead."""
    anchor = meta.valid_from or meta.valid_to
    return (
        anchor is None,
        anchor or date.min,
        meta.valid_to is None,
        meta.valid_to or date.min,
        meta.version_id,
    )


def _versions(
    cid: str,
    number: str,
    metas: list[VersionMeta],
    captured: dict[str, tuple[tuple, CapturedVersion]],
    texts: dict[str, AmendingText],
    gone_on: date | None,
) -> tuple[Version, ...]:
    paths = [captured[m.version_id][1].section_path if m.version_id in captured else None for m in metas]
    versions = []
    for index, meta in enumerate(metas):
        status, valid_to, pending = meta.status, meta.valid_to, meta.valid_to_pending
        if (
            gone_on is not None
            and status in _STILL_OPEN
            and (meta.valid_from is None or meta.valid_from < gone_on)
        ):
            # The article left the code between two snapshots: the source gives no repeal date, so the
            # version ends at the first snapshot without it (an upper bound), unless an end was announced.
            status = Status.REPEALED
            if valid_to is None or valid_to > gone_on:
                valid_to, pending = gone_on, False
        capture = captured.get(meta.version_id, (None, None))[1]
        path = paths[index] or _nearest_path(paths, index)
        version = Version(
            version_id=meta.version_id,
            article_id=cid,
            number=number,
            text=None,
            valid_from=meta.valid_from,
            valid_to=valid_to,
            status=status,
            section_path=path,
            valid_to_pending=pending,
        )
        if capture is not None:
            ended = valid_to is not None or pending
            amendments = tuple(
                Amendment(
                    texts[text.text_id],
                    ChangeRole.ENDED if link in ENDING_LINKS else ChangeRole.CREATED,
                    link,
                    in_text,
                )
                for link, text, in_text in capture.links
                if link not in ENDING_LINKS or ended  # an end the version's dates do not show is dropped
            )
            version = replace(
                version,
                text=capture.text,
                html=capture.html,
                nota=capture.nota,
                amendments=_unique(amendments),
            )
        versions.append(version)
    return tuple(versions)


def _nearest_path(paths: list[tuple[str, ...] | None], index: int) -> tuple[str, ...]:
    for distance in range(1, len(paths)):
        for probe in (index + distance, index - distance):
            if 0 <= probe < len(paths) and paths[probe] is not None:
                return paths[probe]
    return ()


def _unique(amendments: tuple[Amendment, ...]) -> tuple[Amendment, ...]:
    """One amendment per (text, role), as the store keys them; the first link of the source wins."""
    seen, kept = set(), []
    for amendment in amendments:
        key = (amendment.text.text_id, amendment.role)
        if key not in seen:
            seen.add(key)
            kept.append(amendment)
    return tuple(kept)


def merge(snapshots: Iterable[Snapshot]) -> Iterator[tuple[Code, list[Article]]]:
    """One history per code from any number of snapshots (any order: later snapshots win)."""
    history = History()
    for snapshot in snapshots:
        history.add(snapshot)
    for code_id in sorted(history.codes):
        yield history.codes[code_id].code, history.articles(code_id)


def read_many(
    paths: Iterable[Path], code_ids: set[str] | None = None
) -> Iterator[tuple[Code, list[Article]]]:
    """Merge every snapshot found in `paths` (JSON files, npm tgz, directories)."""
    return merge(iter_snapshots(paths, code_ids))


def read(path: Path) -> Iterator[tuple[Code, Iterable[Article]]]:
    """Adapter entry point: the codes of one source, each with its history."""
    yield from read_many([Path(path)])


__all__ = [
    "History",
    "Snapshot",
    "accepts",
    "decode_snapshot",
    "iter_snapshots",
    "merge",
    "parse_day",
    "parse_snapshot",
    "read",
    "read_many",
    "snapshot_files",
]

"""A captured tree laid over its code's history, without a made-up day.

An unchanged wording (spacing and typography aside) extends the version the history knows; a changed one
is a new version in force by the capture, since some day after the history's last known day (`UncertainDate`),
and the version it replaced ends on that unknown day; an article of the captured scope (the tree's common
folders, e.g. Partie législative › Livre VI) the tree lacks is gone by the capture, day unknown. A new
article in a part of the code the history lists came after it; one in a part the history lacks (a whole
titre missing from an export) has no earlier bound. Without a history, each file is one version known in
force at the capture.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from corpus.capture import Capture, CapturedArticle, fold
from corpus.errors import SourceError
from corpus.gitlog import derived_id
from corpus.model import Article, Code, Status, UncertainDate, Version, normalize_number


def standalone(code: Code, captured: Iterable[CapturedArticle], capture: Capture) -> list[Article]:
    """Without a history: each file is one version known in force at the capture, since an unknown day."""
    return sorted(
        (
            Article(
                _article_id(code, item.number),
                code,
                item.number,
                (_new_version(code, _article_id(code, item.number), item, capture, None, item.folders),),
            )
            for item in captured
        ),
        key=_order,
    )


def _article_id(code: Code, number: str) -> str:
    return derived_id("CAPA", code.code_id, normalize_number(number))


def _new_version(
    code: Code,
    article_id: str,
    item: CapturedArticle,
    capture: Capture,
    after: date | None,
    section_path: tuple[str, ...],
) -> Version:
    """The captured wording: in force by the capture, since some day after `after` (None: unknown)."""
    return Version(
        version_id=derived_id("CAPV", code.code_id, normalize_number(item.number), capture.day.isoformat()),
        article_id=article_id,
        number=item.number,
        text=item.text,
        html=item.html,
        valid_from=capture.day,
        valid_to=None,
        status=Status.IN_FORCE,
        section_path=section_path,
        start_uncertain=UncertainDate(after, capture.precision),
    )


def _order(article: Article) -> tuple[str, str]:
    return normalize_number(article.number), article.article_id


_TYPOGRAPHY = str.maketrans(
    {
        "\u2015": "-",
        "\u2014": "-",
        "\u2013": "-",
        "\u2012": "-",
        "\u2011": "-",
        "\u2010": "-",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2018": "'",
        "\u00ab": '"',
        "\u00bb": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
    }
)


def same_wording(old: str | None, new: str) -> bool:
    """Equal up to line wrapping, spacing and typography (dashes, apostrophes, quotes), which exports of
    the same consolidated text do not print alike."""
    if old is None:
        return False

    def folded(text: str) -> str:
        return " ".join(text.translate(_TYPOGRAPHY).split())

    return folded(old) == folded(new)


def _keys(folders: Iterable[str]) -> tuple[str, ...]:
    """Folder or section titles reduced to their label: "Livre VI : Des difficultés…" / "LIVRE VI" →
    "livre vi", so a capture's folders and a history's titles compare."""
    return tuple(fold(title.split(":", 1)[0]) for title in folders)


def _common_prefix(paths: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    paths = list(paths)
    prefix = paths[0] if paths else ()
    for path in paths[1:]:
        length = 0
        while length < min(len(prefix), len(path)) and prefix[length] == path[length]:
            length += 1
        prefix = prefix[:length]
    return prefix


def _find(keys: tuple[str, ...], part: tuple[str, ...]) -> int | None:
    """Where `part` starts in `keys` (a history's path may carry a leading level the capture lacks)."""
    if not part:
        return 0
    for start in range(len(keys) - len(part) + 1):
        if keys[start : start + len(part)] == part:
            return start
    return None


@dataclass(frozen=True)
class _Context:
    code: Code
    capture: Capture
    known_until: date
    scope: tuple[str, ...]  # the captured folders' common prefix, as labels
    titles: dict[tuple[str, ...], tuple[str, ...]]  # label runs the history lists (in force) → its titles


def history_end(history: list[Article], capture: Capture, stated: date | None = None) -> date:
    """The last day the history is known: as its sources state it (a git export's last commit), else
    the latest date any of its versions starts or ends on, up to the capture."""
    if stated is not None:
        return stated
    days = [
        day
        for article in history
        for version in article.versions
        for day in (version.valid_from, version.valid_to)
        if day is not None and day <= capture.day
    ]
    return max(days, default=capture.day)


def _context(
    code: Code,
    history: list[Article],
    captured: list[CapturedArticle],
    capture: Capture,
    stated: date | None,
) -> _Context:
    until = history_end(history, capture, stated)
    if until >= capture.day:
        raise SourceError(
            code.title,
            f"la capture ({capture.label}) n'est pas postérieure à l'historique déjà connu "
            f"(jusqu'au {until.isoformat()})",
        )
    scope = _common_prefix(_keys(item.folders) for item in captured)
    # Only versions in force at the end of the history show what it lists: an export with a gap (a whole
    # titre missing) still has that titre's old, repealed articles.
    paths = {v.section_path for article in history for v in article.versions if v.in_force_at(until)}
    titles: dict[tuple[str, ...], tuple[str, ...]] = {}
    for path in sorted(paths):
        keys = _keys(path)
        for start in range(len(keys)):
            for end in range(start + 1, len(keys) + 1):
                titles.setdefault(keys[start:end], path[:end])
    return _Context(code, capture, until, scope, titles)


def _listed(context: _Context, folders: tuple[str, ...]) -> bool:
    """Whether the history lists the part of the code an article is in, below the captured scope's root:
    then an article it lacks came after it. The root alone proves nothing (a whole titre may be missing
    from an export), so an article whose only known ancestor is the root has no earlier bound."""
    keys = _keys(folders)
    return any(keys[:length] in context.titles for length in range(len(context.scope) + 1, len(keys) + 1))


def _section_path(context: _Context, folders: tuple[str, ...]) -> tuple[str, ...]:
    """The capture's folders, named with the history's section titles where it has them."""
    keys = _keys(folders)
    for length in range(len(keys), 0, -1):
        known = context.titles.get(keys[:length])
        if known is not None:
            return known + folders[length:]
    return folders


def merge(
    code: Code,
    history: list[Article],
    captured: list[CapturedArticle],
    capture: Capture,
    known_until: date | None = None,
) -> list[Article]:
    """The code's articles once the capture is laid over its history (see the module's docstring);
    `known_until` is the last day the history's sources cover, when they say."""
    if not history:
        return standalone(code, captured, capture)
    context = _context(code, history, captured, capture, known_until)
    by_number: dict[str, list[Article]] = {}
    for article in history:
        by_number.setdefault(normalize_number(article.number), []).append(article)
    result = []
    for item in captured:
        same_number = by_number.pop(normalize_number(item.number), [])
        old = _latest(same_number)
        result.append(_updated(context, old, item))
        result.extend(article for article in same_number if article is not old)
    for articles in by_number.values():
        result.extend(_gone(context, a) if _in_scope(context, a) else a for a in articles)
    return sorted((replace(article, code=code) for article in result), key=_order)


def _latest(articles: list[Article]) -> Article | None:
    """Of the history's articles with one number (a file moved is a new one), the one known last."""

    def last_day(article: Article) -> date:
        return max((v.valid_from or date.min for v in article.versions), default=date.min)

    return max(
        articles,
        key=lambda a: (bool(a.versions) and a.versions[-1].valid_to is None, last_day(a)),
        default=None,
    )


def _current(article: Article, day: date) -> Version | None:
    """The history's version in force at `day` (its announced versions included)."""
    return next((v for v in reversed(article.versions) if v.in_force_at(day)), None)


def _updated(context: _Context, old: Article | None, item: CapturedArticle) -> Article:
    capture = context.capture
    section_path = _section_path(context, item.folders)
    if old is None:
        after = context.known_until if _listed(context, item.folders) else None
        article_id = _article_id(context.code, item.number)
        version = _new_version(context.code, article_id, item, capture, after, section_path)
        return Article(article_id, context.code, item.number, (version,))
    current = _current(old, capture.day)
    if current is not None and current.valid_to is None and same_wording(current.text, item.text):
        return old  # unchanged: the known version is simply still in force
    after = context.known_until
    versions = list(old.versions)
    if current is not None:
        after = max(after, current.valid_from or after)
        ended = replace(
            current,
            valid_to=capture.day,
            status=Status.MODIFIED,
            end_uncertain=UncertainDate(after, capture.precision),
        )
        versions[versions.index(current)] = ended
    versions = [v for v in versions if v.valid_from is None or v.valid_from <= capture.day]
    versions.append(_new_version(context.code, old.article_id, item, capture, after, section_path))
    return replace(old, number=item.number, versions=tuple(versions))


def _in_scope(context: _Context, article: Article) -> bool:
    last = article.versions[-1] if article.versions else None
    return last is not None and _find(_keys(last.section_path), context.scope) is not None


def _gone(context: _Context, article: Article) -> Article:
    """An article of the captured scope the capture lacks: its open version ends by the capture."""
    current = _current(article, context.capture.day)
    if current is None or current.valid_to is not None:
        return article  # already ended in the history
    after = max(context.known_until, current.valid_from or context.known_until)
    ended = replace(
        current,
        valid_to=context.capture.day,
        status=Status.GONE,
        end_uncertain=UncertainDate(after, context.capture.precision),
    )
    versions = tuple(ended if v is current else v for v in article.versions)
    return replace(article, versions=versions)

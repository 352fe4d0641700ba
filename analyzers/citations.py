"""Citation tokenizer: finds references in French legal text and resolves them to (code, article) targets.

A reference is read as a *list*: a trigger ("l'article", "aux articles") or a prefixed number ("L. 1233-3"),
then items joined by commas, "et", "ou", ranges ("à"), "et suivants", each item possibly introduced by a
sub-part ("au 2° du I de l'article"). A designation after an item ("du code de la sécurité sociale",
"du présent code", "du même code", "de la loi n° 2016-1691 du 9 décembre 2016") applies to the items
since the previous designation, except earlier "article"-introduced parts of the list whose numbers are
visibly of another code (a different letter or width, "L. 6331-48 … et à l'article L. 718-2-1 du code
rural"); a code named just before the list ("du code de la sécurité sociale prévues aux articles …")
applies too, as does a code named after parts of it ("et des sections 2 et 3 du chapitre II … du code de
l'aviation civile") or right before the list ("code civil art 2"). Items with no code belong to the
default code: the code a bill announces it amends ("Le code général des impôts est ainsi modifié :"),
else the code of the text being analyzed (a query has none). The grammar lives in
`analyzers.citation_grammar`, number handling in `analyzers.citation_numbers`, what is read from the
text around a list in `analyzers.citation_context`.

Choices worth knowing:
- "à l'exception de l'article L. 1" is kept as a citation (the text does cite L. 1) with `excluded=True`.
- A range keeps its two endpoints and is recorded in `ranges`; with `known_articles` it is expanded to the
  articles that exist between them. "L. 5422-1 et suivants" cites L5422-1 with `following=True`.
- "du même code" is the code named last before it in the text (or the default code when none was);
  "au même article 83" stays in the text cited just before.
- "article 1er" / "article premier" cite "1", as Légifrance numbers it; so do ordinals ("article
  quatrième", "10ème") and arrêtés' dotted numbers ("4.1.b") are kept as written.
- With the default code's articles known, items naming no code whose numbers it cannot have (not among
  its articles, nor shaped like them: "L. 821-40" in the Code du travail) go to the code named last before
  them, if that code has them or its articles are not known.
- A text that is not a string has no citations; a bug of the grammar raises, so that the tests and the
  fuzzers see it (every pattern is bounded: no input is slow or raises by design).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analyzers import citation_context as context
from analyzers import citation_grammar as grammar
from analyzers.citation_context import CODE_ARTICLE, resolve_code
from analyzers.citation_numbers import (
    KnownArticles,
    canonical_number,
    expand,
    known_for,
    number_shape,
    order_key,
    range_end,
    resolve_number,
)
from corpus.model import article_key

OTHER_TEXT = "other_text"


@dataclass(frozen=True)
class Citation:
    """One reference in a text: its span, what it designates and the canonical article numbers."""

    text: str
    start: int
    end: int
    kind: str  # CODE_ARTICLE | OTHER_TEXT
    code: str | None  # code title, None for another text or an unknown code
    code_id: str | None
    articles: tuple[str, ...]
    detail: str | None = None  # "2°", "II", "cinquième alinéa"
    other_text: str | None = None  # "loi n° 2016-1691 du 9 décembre 2016" for kind OTHER_TEXT
    ranges: tuple[tuple[str, str], ...] = ()  # ("L3253-8", "L3253-12") as written
    following: bool = False  # "et suivants"
    excluded: bool = False  # "à l'exception de l'article …"

    @property
    def keys(self) -> tuple[str, ...]:
        """Store/index keys of the targets (empty when the code is unknown or for other texts)."""
        if self.kind != CODE_ARTICLE or not self.code_id:
            return ()
        return tuple(article_key(self.code_id, number) for number in self.articles)


@dataclass
class _Item:
    start: int
    end: int
    number: str
    detail: str | None = None
    last: str | None = None  # end of a range
    following: bool = False
    excluded: bool = False
    segment: int = 0  # lists re-introduced by "article" ("… et à l'article L. 2") start a new segment
    target: tuple[str, str | None, str | None, str | None] | None = None  # kind, title, code_id, other
    guessed: bool = False  # nothing named its code: the default code, for want of better
    remote: bool = False  # its code was named after parts of that code: the default code's own may win


def _clean(value: str) -> str:
    return grammar.SPACES.sub(" ", value).strip()


def _detail_before(text: str, position: int) -> tuple[str | None, int]:
    window_start = max(0, position - grammar.DETAIL_WINDOW)
    window = text[window_start:position]
    if not window.rstrip().endswith(("'", "’", "des", "du", "au", "aux")):
        return None, position
    if not grammar.DETAIL_TAIL.search(window, max(0, len(window) - 40)):
        return None, position
    match = grammar.DETAIL_BEFORE.search(window)
    if not match:
        return None, position
    return _clean(match.group("detail")), window_start + match.start("detail")


def _excluded_before(text: str, position: int) -> bool:
    window = text[max(0, position - grammar.EXCLUSION_WINDOW) : position]
    return bool(grammar.EXCLUSION_BEFORE.search(window))


def _designation_before(text: str, position: int, default, taken: int = 0) -> tuple | None:
    """A code named just before the list; `taken` is where the previous list ended (its own code)."""
    just_before = context.code_just_before(text, position, taken)
    if just_before:
        return (CODE_ARTICLE, *resolve_code(just_before), None)
    window_start = max(0, position - grammar.DESIGNATION_WINDOW, taken)
    # Cheap tests first: the full pattern starts with every code name, slow to try at each position.
    if not grammar.DESIGNATION_BEFORE_END.search(text, window_start, position):
        return None
    window = text[window_start:position].lower()
    if "code" not in window and "livre" not in window:
        return None
    match = grammar.DESIGNATION_BEFORE.search(text, window_start, position)
    if not match:
        return None
    return (CODE_ARTICLE, *resolve_code(context.code_of_group(match)), None)


def _designation(
    match: re.Match, text: str, default: tuple[str | None, str | None]
) -> tuple[str, str | None, str | None, str | None]:
    if match.group("present"):
        return (CODE_ARTICLE, *default, None)
    if match.group("same"):
        return (CODE_ARTICLE, *context.same_code(text, match.start(), default), None)
    if match.group("code") or match.group("abbreviation"):
        return (CODE_ARTICLE, *resolve_code(context.code_of_group(match)), None)
    return (OTHER_TEXT, None, None, _clean(match.group("other_text")))


# "au même article 83", "les mêmes articles": the text cited just before.
_SAME_ARTICLE = re.compile(r"\bmêmes?\s+\Z")


@dataclass
class _List:
    """A list being read: its items, the first still waiting for a designation, and the target of
    items that get none (a code named before the list, the text cited just before, or the default)."""

    items: list[_Item]
    fallback: tuple
    bare: bool  # its numbers are bare ("articles 5, 6 et 7"), not prefixed ("L. 1")
    guessed: bool = False  # the fallback is the default code only because nothing else was named
    pending: int = 0

    def designate(self, target: tuple, remote: bool = False) -> None:
        """A code named at the end of a list covers the whole list ("à l'article L. 233-1, aux I et II
        de l'article L. 233-3 et à l'article L. 233-16 du code de commerce"), except earlier segments
        whose numbers are visibly of another code ("aux articles L. 6331-48 et L. 6331-53 et à
        l'article L. 718-2-1 du code rural")."""
        last = self.items[-1]
        shape = number_shape(last.number)
        for waiting in self.items[self.pending :]:
            same_list = waiting.segment == last.segment or number_shape(waiting.number) == shape
            waiting.target = target if same_list else self.fallback
            waiting.remote = remote and same_list
        self.pending = len(self.items)


def _open_list(text: str, start: re.Match, default, previous, taken: int) -> _List:
    """The first item of a list, with its sub-part, exclusion and what it falls back to."""
    if start.group("trigger"):
        head = start.start("trigger")
        bare = bool(grammar.IS_BARE.match(start.group("first")))
        first = start.group("first")
    else:
        group = "alone" if start.group("alone") else "coded"
        head = start.start(group)
        bare = group == "coded"
        first = start.group(group)
    detail, item_start = _detail_before(text, head)
    excluded = _excluded_before(text, item_start)
    fallback = _designation_before(text, item_start, default, taken)
    if previous and _SAME_ARTICLE.search(text, max(0, head - 8), head):
        fallback = previous
    items = [_Item(item_start, start.end(), first, detail, excluded=excluded)]
    return _List(items, fallback or (CODE_ARTICLE, *default, None), bare, guessed=fallback is None)


def _next_item(text: str, position: int, reading: _List) -> int | None:
    """Read the next item of the list at `position`; where it ends, or None when the list is over."""
    match = grammar.CONTINUE.match(text, position)
    if not match:
        return None
    item, number = reading.items[-1], match.group("number")
    is_bare = bool(grammar.IS_BARE.match(number))
    # A bare number goes on a list when what follows ends an item, or names a code ("14, 15 et 27 C.
    # civ.", "L. 753-1 et 12 du CESEDA").
    if is_bare and not (
        match.group("trigger")
        or (reading.bare and grammar.BARE_END.match(text, match.end()))
        or grammar.CODE_AFTER.match(text, match.end())
    ):
        return None
    if match.group("trigger"):
        reading.bare = is_bare
    detail = _clean(match.group("detail")) if match.group("detail") else None
    segment = item.segment + bool(match.group("trigger") or detail)
    first_start = match.start("detail") if detail else match.start("trigger")
    if first_start < 0:
        first_start = match.start("number")
    # "à l'exclusion de l'article L. 641-1, L. 641-3 et de l'article L. 641-11": all excluded.
    reading.items.append(
        _Item(first_start, match.end(), number, detail, excluded=item.excluded, segment=segment)
    )
    return match.end()


def _designation_after_structure(text: str, position: int, default) -> tuple[tuple, int] | None:
    """A code named after parts of it ("l'article D. 422-5-2 et des sections 2 et 3 du chapitre II du
    titre II du livre IV du code de l'aviation civile"): the code also covers the list before."""
    structure = grammar.STRUCTURE.match(text, position)
    if not structure:
        return None
    match = grammar.DESIGNATION.match(text, structure.end())
    if not match or match.group("other"):
        return None
    return _designation(match, text, default), match.end()


def _parse_list(
    text: str, start: re.Match, default, previous=None, taken: int = 0
) -> tuple[list[_Item], int]:
    """Read one list from a START match; returns its items (designations resolved) and where it ends."""
    reading = _open_list(text, start, default, previous, taken)
    position = start.end()
    while True:
        item = reading.items[-1]
        if match := grammar.DETAIL_AFTER.match(text, position):
            item.detail = item.detail or _clean(
                match.group("detail") or match.group("tail") or match.group("inline")
            )
            item.end = position = match.end()
        elif (match := grammar.RANGE.match(text, position)) and (
            not reading.bare or grammar.IS_BARE.match(match.group("last"))
        ):
            item.last, item.end = match.group("last"), match.end()
            position = match.end()
        elif match := grammar.FOLLOWING.match(text, position) or grammar.AFTER_ITEM.match(text, position):
            item.following = item.following or match.re is grammar.FOLLOWING
            item.end = position = match.end()
        elif grammar.DESIGNATION_START.match(text, position) and (
            match := grammar.DESIGNATION.match(text, position)
        ):
            reading.designate(_designation(match, text, default))
            item.end = position = match.end()
        elif after_structure := _designation_after_structure(text, position, default):
            reading.designate(after_structure[0], remote=True)
            return reading.items, after_structure[1]
        elif (following := _next_item(text, position, reading)) is not None:
            position = following
        else:
            break
    for waiting in reading.items[reading.pending :]:
        waiting.target, waiting.guessed = reading.fallback, reading.guessed
    return reading.items, position


def find_citations(
    text: str, code: str | None = None, known_articles: KnownArticles | None = None
) -> list[Citation]:
    """All references in `text`, in order. `code` is the default code (the text's own).

    `known_articles` expands ranges and fits numbers to their code: a collection of canonical numbers
    of the default code, a mapping code_id (or title) → numbers, article keys of any code, or a
    callable code_id → numbers.
    """
    if not isinstance(text, str) or not text:
        return []
    own_code = resolve_code(code)
    scope_starts, scope_titles = context.scopes(text)
    citations: list[Citation] = []
    items: list[_Item] = []
    position = 0
    while True:
        start = grammar.START.search(text, position)
        if not start:
            break
        scope = bisect.bisect_right(scope_starts, start.start()) - 1
        default = resolve_code(scope_titles[scope]) if scope >= 0 else own_code
        items, position = _parse_list(text, start, default, items[-1].target if items else None, position)
        citations.extend(_group(text, items, own_code, known_articles))
    citations.extend(_texts_alone(text, citations))
    citations.sort(key=lambda citation: (citation.start, citation.end))
    return citations


def _group(text: str, items: list[_Item], default, known_articles) -> list[Citation]:
    """One citation per run of items with the same target, segment, sub-part and exclusion."""
    runs: list[list[_Item]] = []
    for item in items:
        run = runs[-1] if runs else None
        if run is None or (
            item.target != run[0].target
            or item.segment != run[0].segment
            or item.detail
            or run[0].detail
            or item.excluded != run[0].excluded
        ):
            runs.append([item])
        else:
            run.append(item)
    return [_citation(text, run, default, known_articles) for run in runs]


def _citation(text: str, run: list[_Item], default, known_articles) -> Citation:
    """The citation of one run: numbers fitted to the code, ranges expanded with the articles known."""
    numbers = [item.number for item in run]
    if run[0].guessed:
        found = context.code_that_has(text, numbers, run[0].start, default, known_articles)
        run[0].target = found or run[0].target
    elif run[0].remote and context.default_code_has(numbers, default, known_articles):
        # "des articles L. 1271-1 à L. 1271-16 et de la sous-section 2 … du code de la sécurité sociale":
        # the code named after the parts is theirs; the articles are the default code's own.
        run[0].target = (CODE_ARTICLE, *default, None)
    kind, title, code_id, other = run[0].target
    known = (
        known_for(known_articles, title, code_id, default[1], default[0]) if kind == CODE_ARTICLE else None
    )
    articles: list[str] = []
    ranges = []
    for item in run:
        first = resolve_number(canonical_number(item.number), title, known)
        if item.last:
            last = resolve_number(range_end(first, canonical_number(item.last)), title, known)
            ranges.append((first, last))
            articles.extend(expand(first, last, known))
        else:
            articles.append(first)
    start, end = run[0].start, run[-1].end
    return Citation(
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,
        code=title,
        code_id=code_id,
        articles=tuple(dict.fromkeys(articles)),
        detail=run[0].detail,
        other_text=other,
        ranges=tuple(ranges),
        following=any(item.following for item in run),
        excluded=run[0].excluded,
    )


def _texts_alone(text: str, citations: list[Citation]) -> list[Citation]:
    """Lois, décrets and ordonnances named with their number but no article ("décret n° 2021-1887")."""
    if "n°" not in text and "no " not in text:
        return []
    taken = [(citation.start, citation.end) for citation in citations]
    found = []
    for match in grammar.OTHER_TEXT_ALONE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        found.append(
            Citation(
                text=match.group(0),
                start=match.start(),
                end=match.end(),
                kind=OTHER_TEXT,
                code=None,
                code_id=None,
                articles=(),
                other_text=_clean(match.group(0)),
            )
        )
    return found


__all__ = [
    "CODE_ARTICLE",
    "OTHER_TEXT",
    "Citation",
    "find_citations",
    "order_key",
    "resolve_code",
]

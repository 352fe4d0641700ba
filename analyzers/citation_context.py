"""Context of a citation: which code a name, an abbreviation or an id designates, every code named in a
text, the code named last before a point ("du même code"), the code a bill announces it amends ("Le code
… est ainsi modifié"), and the code that can own numbers the default code cannot have.

Split from `analyzers.citations` (the list grammar and its resolution): these functions look at the
whole text around a list, not at the list itself. Code mentions are found once per text (cached).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from unidecode import unidecode

from analyzers import citation_grammar as grammar
from analyzers.citation_numbers import (
    canonical_number,
    known_for,
    known_shapes,
    number_shape,
    resolve_number,
)
from analyzers.code_names import CODES

CODE_ARTICLE = "code_article"


def _fold(value: str) -> str:
    return re.sub(r"\s+", " ", unidecode(value).lower()).strip(" .")


_CODE_LOOKUP: dict[str, tuple[str, str]] = {}
for _title, _code_id, _names, _abbreviations, _aliases in CODES:
    for _spelling in (_title, _code_id, *_names, *_abbreviations, *_aliases):
        _CODE_LOOKUP.setdefault(_fold(_spelling), (_title, _code_id))


def resolve_code(name: str | None) -> tuple[str | None, str | None]:
    """(title, code_id) for a code title, spoken name, abbreviation or LEGITEXT id; unknown titles kept."""
    if not name or not isinstance(name, str):
        return None, None
    found = _CODE_LOOKUP.get(_fold(name))
    if found:
        return found
    return name.strip(), None


def code_of_group(match: re.Match) -> str:
    for name, value in match.groupdict().items():
        if value is not None and name in grammar.CODE_GROUPS:
            return grammar.CODE_GROUPS[name]
    return ""


class _Mentions(NamedTuple):
    """Every code named in a text, in order: where each name starts and ends, and its title."""

    starts: list[int]
    ends: list[int]
    titles: list[str]


@functools.lru_cache(maxsize=4)
def code_mentions(text: str) -> _Mentions:
    """Every code named in `text`, found once per text: cheap candidates, then a match."""
    mentions = _Mentions([], [], [])
    covered = 0
    for candidate in grammar.CODE_MENTION_CANDIDATE.finditer(text):
        if candidate.start() < covered:
            continue  # "code général des impôts" inside "annexe II au code général des impôts"
        match = grammar.CODE_MENTION.match(text, candidate.start())
        if match:
            mentions.starts.append(match.start())
            mentions.ends.append(match.end())
            mentions.titles.append(code_of_group(match))
            covered = match.end()
    return mentions


def code_just_before(text: str, position: int, taken: int) -> str | None:
    """A code named right before a list, nothing but spaces or a comma between (a typed query: "code
    civil art 2", a heading "Code du travail" over "Article L. 1"); not the previous list's own code."""
    # Cheap test first: most lists follow no code name, and finding the mentions costs a scan of the text.
    if not last_word_may_end_a_code(text, position, taken):
        return None
    mentions = code_mentions(text)
    index = bisect.bisect_left(mentions.starts, position) - 1
    if index < 0 or mentions.starts[index] < taken:
        return None
    if grammar.BETWEEN_CODE_AND_LIST.fullmatch(text, mentions.ends[index], position):
        return mentions.titles[index]
    return None


def last_word_may_end_a_code(text: str, position: int, taken: int = 0) -> bool:
    """Is the word before `position` (spaces, commas, colons skipped) how a code's name ends?"""
    if text[position - 1 : position] in ("'", "’"):
        return False  # "à l'article": the usual case, answered at once
    before = text[max(taken, position - 60) : position].rstrip(grammar.BETWEEN_CODE_AND_LIST_CHARS)
    words = before.rsplit(None, 1)
    return bool(words) and grammar.may_end_a_code_name(words[-1])


def scopes(text: str) -> tuple[list[int], list[str]]:
    """Where a bill says which code it amends ("I. – Le code général des impôts est ainsi modifié :"):
    from there on, what cites no code cites that one, until another code is announced."""
    starts: list[int] = []
    titles: list[str] = []
    # Cheap tests first (the scan for code names is the cost): a code's name just before "est modifié".
    if ("modifi" not in text and "complét" not in text) or not any(
        last_word_may_end_a_code(text, hint.start()) for hint in grammar.AMENDED_CODE_HINT.finditer(text)
    ):
        return starts, titles
    mentions = code_mentions(text)
    for end, title in zip(mentions.ends, mentions.titles, strict=True):
        if grammar.AMENDED_CODE.match(text, end):
            starts.append(end)
            titles.append(title)
    return starts, titles


def same_code(
    text: str, position: int, default: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """The code named last before `position` ("du même code"), else the default code."""
    window_start = max(0, position - 4000)
    mentions = code_mentions(text)
    index = bisect.bisect_left(mentions.starts, position) - 1
    present = text.rfind("présent code", window_start, position)
    if index < 0 or mentions.starts[index] < window_start or present > mentions.starts[index]:
        return default
    return resolve_code(mentions.titles[index])


def default_code_has(written: list[str], default, known_articles) -> bool:
    """Are these numbers the default code's (among its articles, or shaped like them)? Needs its articles."""
    own = (
        known_for(known_articles, default[0], default[1], default[1], default[0]) if known_articles else None
    )
    if not own:
        return False
    numbers = [resolve_number(canonical_number(number), default[0], own) for number in written]
    return all(number in own or number_shape(number) in known_shapes(own) for number in numbers)


def code_that_has(text: str, written: list[str], start: int, default, known_articles) -> tuple | None:
    """Items that name no code, whose numbers the default code cannot have but the code named last
    before them may ("… du code de commerce. Lorsque les conditions de l'article L. 821-40 sont
    réunies"): that code. Needs the default code's articles; the other code's are checked when known."""
    if known_articles is None:
        return None
    own = known_for(known_articles, default[0], default[1], default[1], default[0])
    numbers = [canonical_number(number) for number in written]
    if own is None or any(resolve_number(number, default[0], own) in own for number in numbers):
        return None
    # A number shaped like the default code's own ("R. 5141-11" in the Code du travail) is one of its
    # repealed articles, not another code's.
    if any(number_shape(number) in known_shapes(own) for number in numbers):
        return None
    title, code_id = same_code(text, start, default)
    if code_id is None or code_id == default[1]:
        return None
    theirs = known_for(known_articles, title, code_id, default[1], default[0])
    if theirs is None or all(resolve_number(number, title, theirs) in theirs for number in numbers):
        return (CODE_ARTICLE, title, code_id, None)
    return None

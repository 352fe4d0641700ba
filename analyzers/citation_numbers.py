"""Article numbers of citations: canonical spelling, order in a code, fitting to the articles that exist.

Split from `analyzers.citations` (the list grammar and its resolution to codes); these functions only
know numbers and, when given, the set of numbers a code has.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping

from analyzers.code_names import ORDINAL_NUMBERS, UNPREFIXED_CODES
from corpus.model import normalize_number

KnownArticles = Collection[str] | Mapping[str, Collection[str]] | Callable[[str], Collection[str] | None]


_PREFIX_PARTS = re.compile(r"^\s*(L\.?\s?O|[LRDAlrd])[.\s-]*(\*{0,2})[.\s]*(?=\d)")
_ORDINAL_SUFFIX = re.compile(r"^(\d+)(?:er|ère|re|ème|eme|è)$")


def canonical_number(raw: str) -> str:
    """Canonical number; also folds the spellings normalize_number does not expect ("R. * 7123-9",
    "D-212-4"). Ordinals are numbers ("premier", "2ème" → "1", "2"), as Légifrance numbers them. The
    star of decree articles is kept as written ("R* 611-1" → "R*611-1"); `resolve_number` fits it to
    the code's articles when they are known."""
    raw = re.sub(r"[‑‐]", "-", raw).strip()
    ordinal = ORDINAL_NUMBERS.get(raw.lower())
    if ordinal:
        return ordinal
    suffixed = _ORDINAL_SUFFIX.match(raw)
    if suffixed:
        return suffixed.group(1)
    parts = _PREFIX_PARTS.match(raw)
    if parts:
        prefix = re.sub(r"[.\s]", "", parts.group(1)).upper() + parts.group(2)
        raw = prefix + raw[parts.end() :]
    return normalize_number(raw)


_SHAPE = re.compile(r"^\s*(L\.?\s?O|[LRDlrd])?[.\s*]*(\d+)")


def number_shape(number: str) -> tuple[str, int]:
    """Letter and width of the first part, telling codes apart: "L. 6331-48" → ("L", 4), "L. 718-2-1" → ("L", 3)."""
    match = _SHAPE.match(number)
    if not match:
        return ("", 0)
    return ((match.group(1) or "")[:1].upper(), len(match.group(2)))


@functools.lru_cache(maxsize=8)
def known_shapes(known: frozenset[str]) -> frozenset[tuple[str, int]]:
    """The usual shapes of a code's numbers, those of at least 1 % of them: the Code du travail's are
    ("L", 4), ("R", 4), ("D", 4) (a few leftovers of its old numbering, "L143-11-9", do not count)."""
    counts = Counter(number_shape(number) for number in known)
    return frozenset(shape for shape, count in counts.items() if count * 100 >= len(known))


_SUFFIX_RANK = {
    word: rank
    for rank, word in enumerate(
        ["", "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "decies"]
    )
}
_KEY = re.compile(r"^([A-Z]*\**)(\d+(?:-\d+)*)\s*(\w*)")


def order_key(number: str) -> tuple:
    """Sort key following the codes' order: L3253-8 < L3253-8-1 < L3253-9 < L3253-10."""
    match = _KEY.match(number)
    if not match:
        return ("~", (), 0, number)
    prefix, digits, suffix = match.groups()
    return (prefix, tuple(int(part) for part in digits.split("-")), _SUFFIX_RANK.get(suffix, 99), number)


@functools.lru_cache(maxsize=16)
def _sorted_known(known: frozenset[str]) -> tuple[list[tuple], list[str]]:
    pairs = sorted((order_key(number), number) for number in known)
    return [key for key, _ in pairs], [number for _, number in pairs]


@functools.lru_cache(maxsize=8)
def _numbers_by_code(keys: frozenset[str]) -> dict[str, frozenset[str]]:
    """ "LEGITEXT…:L1233-3" keys (corpus.model.article_key) grouped as code_id → numbers."""
    grouped: dict[str, set[str]] = {}
    for key in keys:
        code_id, _, number = key.partition(":")
        grouped.setdefault(code_id, set()).add(number)
    return {code_id: frozenset(numbers) for code_id, numbers in grouped.items()}


def known_for(known: KnownArticles | None, title, code_id, default_id, default_title) -> frozenset | None:
    """The numbers known for one code, from any of the accepted shapes of `known_articles`:
    numbers of the default code, article keys of any code ("code_id:number"), a mapping code_id (or
    title) → numbers, or a callable code_id → numbers. Anything else (a predicate's bool…) is ignored."""
    if known is None:
        return None
    if callable(known) and not isinstance(known, Mapping):
        found = known(code_id or title)
    elif isinstance(known, Mapping):
        found = known.get(code_id) or known.get(title)
    elif isinstance(known, (set, frozenset)) and any(":" in item for item in _first(known)):
        found = _numbers_by_code(known if isinstance(known, frozenset) else frozenset(known)).get(code_id)
    elif (code_id, title) == (default_id, default_title):
        found = known
    else:
        found = None
    if not found or isinstance(found, (bool, str)) or not isinstance(found, Collection):
        return None
    return found if isinstance(found, frozenset) else frozenset(found)


def _first(items: Collection[str]) -> list[str]:
    for item in items:
        return [item] if isinstance(item, str) else []
    return []


@functools.lru_cache(maxsize=16)
def _starless(known: frozenset[str]) -> dict[str, str]:
    return {number.replace("*", ""): number for number in known if "*" in number}


def resolve_number(number: str, title: str | None, known: frozenset | None) -> str:
    """Fit a number to its code: no "L" in the codes that have none; with the code's articles known, the
    star of "R*" articles (added or dropped), and the letter a text forgot ("l'article 2312-19" where only L2312-19 exists)."""
    if title in UNPREFIXED_CODES and number[:1] == "L" and number[1:2].isdigit():
        number = number[1:]
    if known is None or number in known:
        return number
    if number == "1" and "1er" in known:
        return "1er"
    starred = _starless(known).get(number.replace("*", ""))
    if starred:
        return starred
    if "*" in number and number.replace("*", "") in known:
        return number.replace("*", "")  # a star the code does not print
    if number[:1].isdigit() and "-" in number:
        candidates = [letter + number for letter in "LRD" if letter + number in known]
        if len(candidates) == 1:
            return candidates[0]
    return number


def range_end(first: str, last: str) -> str:
    """ "D. 6222-26 à 6222-32": the end of a range takes the letter of its start."""
    letters = re.match(r"^[A-Z]+\**", first)
    if letters and last[:1].isdigit() and "-" in last:
        return letters.group(0) + last
    return last


def expand(first: str, last: str, known: frozenset | None) -> list[str]:
    if known is None:
        return [first, last]
    low, high = order_key(first), order_key(last)
    if low[0] != high[0] or high < low:
        return [first, last]
    keys, numbers = _sorted_known(known)
    inside = numbers[bisect.bisect_left(keys, low) : bisect.bisect_right(keys, high)]
    return sorted({first, last, *inside}, key=order_key)

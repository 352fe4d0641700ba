"""Query understanding: what the user typed → free words, exact phrases, exclusions, article references,
number prefixes and field filters. Pure and total: any string parses, malformed syntax degrades to plain
words with a French notice, never an exception.

References are found by the citation tokenizer (`analyzers.citations`), plus the loose shapes people type
that a tokenizer for legal prose does not expect ("l 1233 3", "art L123-4"). Building the Whoosh query from
a parsed query lives in `search.matching`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass

from analyzers.citation_context import code_just_before, code_mentions, resolve_code
from analyzers.citations import find_citations
from corpus.model import normalize_number

MAX_QUERY_CHARS = 400
MAX_WORDS = 40

# Characters of Whoosh's (and other engines') query syntax that mean nothing in plain French text.
SYNTAX_CHARACTERS = "()[]{}^~?:*!+&|\\<>=/#@$%;`"
OPERATORS = {"AND", "OR", "NOT", "&&", "||"}
# A sentence's own punctuation: "?", "!", ";" or ":" ending a word (French sets them apart with a space).
# It is taken out like the syntax characters, but it is not syntax: a question typed as a question gets
# no notice that anything was ignored.
_PROSE_PUNCTUATION = re.compile(r"[?!;:]+(?=\s|$)")


@dataclass(frozen=True)
class Reference:
    """An article the query cites: its canonical number and, when the query names one, its code."""

    number: str
    code_id: str | None = None


@dataclass(frozen=True)
class NumberRange:
    """ "L. 3253-8 à L. 3253-12" when the tokenizer did not expand it: first and last number."""

    first: str
    last: str
    code_id: str | None = None


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    text: str  # the free words, syntax removed, ready for the analyzers
    phrases: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    ranges: tuple[NumberRange, ...] = ()
    prefixes: tuple[str, ...] = ()  # canonical number prefixes, "L1233-"
    code: str | None = None  # value of `code:`
    notices: tuple[str, ...] = ()
    framing: tuple[str, ...] = ()  # question words set aside by `without_framing` ("peut-il", "comment")

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or self.phrases or self.references or self.ranges or self.prefixes)


_CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn"}

_FIELD = re.compile(r'(?<!\S)(code|num)\s*:\s*("[^"]*"|\S+)', re.IGNORECASE)
_PHRASE = re.compile(r'(?<![\w-])(-?)"([^"]*)"')
_EXCLUDED = re.compile(r"(?<!\S)-(\w[\w'’-]*)")
_LETTER = r"(?:[LRDA]\*{0,2}|LO|L\.O\.)"
_NUMBER = (
    rf"(?<![\w]){_LETTER}\s*\.?\s*\d{{1,4}}(?:\s*[-‑–]\s*\d{{1,4}})*(?:\s+(?:bis|ter|quater|quinquies)\b)?"
)
_PREFIX = re.compile(rf"(?i)(?<![\w]){_LETTER}\s*\.?\s*(\d{{1,4}}(?:\s*[-‑–]\s*\d{{1,4}})*\s*[-‑–]?)\s*\*")
_LOOSE = re.compile(
    rf"(?i)(?<![\w])(?:art(?:icle)?s?\.?\s*)?({_LETTER})\s*\.?\s*(\d{{1,4}})(?:\s*[-‑–]\s*|\s+)(\d{{1,4}}(?:\s*[-‑–]\s*\d{{1,4}})*)(?![\w])"
)
_RANGE = re.compile(rf"(?i)({_NUMBER})\s*(?:à|a|au|jusqu'à|–|-)\s*({_NUMBER})")
# "1382 code civil", "1240 du code civil": a bare number right before a code's name is that code's article
# (not "2016-1088", shaped like a law's number).
_BARE_BEFORE_CODE = re.compile(
    r"(?i)(?<![\w.,/-])(?!(?:19|20)\d\d-)(\d{1,4}(?:-\d{1,4}){0,3})(?=\s+(?:du\s+|de\s+la\s+|des\s+)?codes?\s)"
)
_ARTICLE_WORD = re.compile(r"(?i)(?<![\w])art(?:icle)?s?\.?(?![\w])")


def _clean(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    text = "".join(" " if unicodedata.category(char) in _CONTROL else char for char in text)
    return re.sub(r"\s+", " ", text).strip()


def _canonical(number: str) -> str:
    return normalize_number(re.sub(r"[‑–]", "-", number)).upper()


def _remove(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " * (end - start) + text[end:]  # same length: later spans stay valid
    return text


def parse_query(
    raw: str, known_articles: Collection[str] | Callable[[str], bool] | None = None
) -> ParsedQuery:
    """Parse anything a user may type; `known_articles` (article keys) lets the citation tokenizer
    expand ranges to the articles that exist. Each step takes what it understands out of the text and
    leaves the rest to the next: fields, quoted phrases, number prefixes, references, excluded words,
    then the free words."""
    notices: list[str] = []
    text = _truncated(_clean(raw if isinstance(raw, str) else str(raw)), notices)
    code, numbers, text = _fields(text)
    phrases, excluded, text = _phrases(text, notices)
    prefixes, text = _prefixes(text)
    references, ranges, text = _references(text, known_articles)
    excluded += [match.group(1) for match in _EXCLUDED.finditer(text)]
    words = _free_words(_EXCLUDED.sub(" ", text), notices)
    return ParsedQuery(
        raw=raw if isinstance(raw, str) else str(raw),
        text=" ".join(words),
        phrases=tuple(dict.fromkeys(phrases)),
        excluded=tuple(dict.fromkeys(excluded)),
        references=tuple(dict.fromkeys(numbers + references)),
        ranges=tuple(ranges),
        prefixes=tuple(dict.fromkeys(prefixes)),
        code=code,
        notices=tuple(notices),
    )


def _truncated(text: str, notices: list[str]) -> str:
    """At most MAX_QUERY_CHARS characters, cut at a word boundary when one is near."""
    if len(text) <= MAX_QUERY_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_QUERY_CHARS)
    notices.append(f"Requête trop longue : seuls les {MAX_QUERY_CHARS} premiers caractères sont utilisés.")
    return text[: cut if cut > MAX_QUERY_CHARS // 2 else MAX_QUERY_CHARS]


def _fields(text: str) -> tuple[str | None, list[Reference], str]:
    """`code:` and `num:` fields: the code named, the numbers asked for, and the text without them (a
    `num:` prefix such as `num:L1233-*` is left in the text for `_prefixes`)."""
    code: str | None = None
    numbers: list[Reference] = []
    for match in _FIELD.finditer(text):
        value = match.group(2).strip('"').strip()
        if match.group(1).lower() == "code" and value:
            code = value
        elif value and not value.endswith("*"):
            numbers.append(Reference(_canonical(value)))
    text = _FIELD.sub(lambda m: m.group(2) if m.group(2).endswith("*") else " ", text)
    return code, numbers, text


def _phrases(text: str, notices: list[str]) -> tuple[list[str], list[str], str]:
    """Quoted phrases, required ("…") or excluded (-"…"), and the text without them."""
    phrases: list[str] = []
    excluded: list[str] = []
    for match in _PHRASE.finditer(text):
        words = match.group(2).strip()
        if words:
            (excluded if match.group(1) else phrases).append(words)
    text = _PHRASE.sub(" ", text)
    if text.count('"') % 2:
        notices.append("Guillemet non fermé : il est ignoré.")
    return phrases, excluded, text.replace('"', " ")


def _prefixes(text: str) -> tuple[list[str], str]:
    """Number prefixes ("L. 1233-*"), canonical, and the text without them."""
    prefixes = []
    for match in _PREFIX.finditer(text):
        letter = re.match(rf"(?i){_LETTER}", match.group(0).strip()).group(0)  # type: ignore[union-attr]
        prefixes.append(_canonical(letter + re.sub(r"\s+", "", match.group(1))))
    return prefixes, _PREFIX.sub(" ", text)


def _free_words(text: str, notices: list[str]) -> list[str]:
    """The words left to search, without operators and syntax characters, at most MAX_WORDS."""
    words = [word for word in text.split() if word not in OPERATORS]
    if len(words) != len(text.split()):
        notices.append("Les opérateurs AND, OR, NOT ne sont pas interprétés : recherche sur tous les mots.")
    plain = _PROSE_PUNCTUATION.sub(" ", " ".join(words))
    stripped = plain.translate({ord(char): " " for char in SYNTAX_CHARACTERS})
    if stripped != plain:
        notices.append("Caractères de syntaxe ignorés : recherche sur les mots.")
    words = stripped.split()
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS]
        notices.append(f"Requête trop longue : seuls les {MAX_WORDS} premiers mots sont utilisés.")
    return words


def _references(
    text: str, known_articles: Collection[str] | Callable[[str], bool] | None
) -> tuple[list[Reference], list[NumberRange], str]:
    """Citations in order of appearance; their spans are taken out of the free text. When none names its
    code, a bare number right before a code's name is read as "article N" if the grammar then finds it."""
    found = _cited(text, known_articles)
    cited = _BARE_BEFORE_CODE.sub(r"article \1", text)
    if cited != text and not any(reference.code_id for reference in found[0]):
        bare = _cited(cited, known_articles)
        if any(reference.code_id for reference in bare[0]):
            return bare
    return found


def _code_named_before(text: str, position: int, code_id: str | None) -> int | None:
    """Where the name of the citation's code begins, when it is named right before the citation (as
    `analyzers.citation_context.code_just_before` reads it). Found here, from that module's public
    functions, because it is index-time code: a change to it changes the analysers' fingerprint and asks
    every existing index to be rebuilt."""
    name = code_just_before(text, position, 0) if code_id else None
    if name is None or resolve_code(name)[1] != code_id:
        return None
    starts = code_mentions(text).starts
    return starts[bisect.bisect_left(starts, position) - 1]


def _cited(
    text: str, known_articles: Collection[str] | Callable[[str], bool] | None
) -> tuple[list[Reference], list[NumberRange], str]:
    found: list[tuple[int, Reference]] = []
    ranges: list[NumberRange] = []
    spans: list[tuple[int, int]] = []
    for match in _RANGE.finditer(text):
        ranges.append(NumberRange(_canonical(match.group(1)), _canonical(match.group(2))))
        spans.append(match.span())
    masked = _remove(text, spans)
    for citation in find_citations(masked, None, known_articles):
        if citation.kind != "code_article" or not citation.articles:
            continue
        spans.append((citation.start, citation.end))
        named = _code_named_before(masked, citation.start, citation.code_id)
        if named is not None:  # "C. trav., art. L. 1221-19": the code's name is no free word
            spans.append((named, citation.start))
        for offset, number in enumerate(citation.articles):
            found.append((citation.start * 1000 + offset, Reference(_canonical(number), citation.code_id)))
    masked = _remove(text, spans)
    for match in _LOOSE.finditer(masked):
        tail = re.sub(r"\s+", "-", match.group(3).strip())
        number = f"{match.group(1)}{match.group(2)}-{tail}"
        found.append((match.start() * 1000, Reference(_canonical(number))))
        spans.append(match.span())
    text = _remove(text, spans)
    if spans:
        text = _ARTICLE_WORD.sub(" ", text)
    found.sort(key=lambda item: item[0])
    return [reference for _, reference in found], ranges, text

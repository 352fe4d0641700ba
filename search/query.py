"""Query understanding: what the user typed → free words, exact phrases, exclusions, article references,
number prefixes and field filters. Pure and total: any string parses, malformed syntax degrades to plain
words with a French notice, never an exception.

References are found by the citation tokenizer (`analyzers.citations`), plus the loose shapes people type
that a tokenizer for legal prose does not expect ("l 1233 3", "art L123-4"). Building the Whoosh query from
a parsed query lives in `search.matching`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from analyzers.citations import find_citations
from corpus.model import normalize_number

MAX_QUERY_CHARS = 400
MAX_WORDS = 40

# Characters of Whoosh's (and other engines') query syntax that mean nothing in plain French text.
SYNTAX_CHARACTERS = "()[]{}^~?:*!+&|\\<>=/#@$%;`"
OPERATORS = {"AND", "OR", "NOT", "&&", "||"}


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
    expand ranges to the articles that exist."""
    notices: list[str] = []
    text = _clean(raw if isinstance(raw, str) else str(raw))
    if len(text) > MAX_QUERY_CHARS:
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS)
        text = text[: cut if cut > MAX_QUERY_CHARS // 2 else MAX_QUERY_CHARS]
        notices.append(
            f"Requête trop longue : seuls les {MAX_QUERY_CHARS} premiers caractères sont utilisés."
        )

    code: str | None = None
    numbers: list[Reference] = []
    for match in _FIELD.finditer(text):
        value = match.group(2).strip('"').strip()
        if match.group(1).lower() == "code" and value:
            code = value
        elif value and not value.endswith("*"):
            numbers.append(Reference(_canonical(value)))
    text = _FIELD.sub(lambda m: m.group(2) if m.group(2).endswith("*") else " ", text)

    phrases, excluded = [], []
    for match in _PHRASE.finditer(text):
        words = match.group(2).strip()
        if words:
            (excluded if match.group(1) else phrases).append(words)
    text = _PHRASE.sub(" ", text)
    if text.count('"') % 2:
        notices.append("Guillemet non fermé : il est ignoré.")
    text = text.replace('"', " ")

    prefixes = []
    for match in _PREFIX.finditer(text):
        letter = re.match(rf"(?i){_LETTER}", match.group(0).strip()).group(0)  # type: ignore[union-attr]
        prefixes.append(_canonical(letter + re.sub(r"\s+", "", match.group(1))))
    text = _PREFIX.sub(" ", text)

    references, ranges, text = _references(text, known_articles)
    references = numbers + references

    excluded += [match.group(1) for match in _EXCLUDED.finditer(text)]
    text = _EXCLUDED.sub(" ", text)

    words = [word for word in text.split() if word not in OPERATORS]
    if len(words) != len(text.split()):
        notices.append("Les opérateurs AND, OR, NOT ne sont pas interprétés : recherche sur tous les mots.")
    plain = " ".join(words)
    stripped = plain.translate({ord(char): " " for char in SYNTAX_CHARACTERS})
    if stripped != plain:
        notices.append("Caractères de syntaxe ignorés : recherche sur les mots.")
    words = stripped.split()
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS]
        notices.append(f"Requête trop longue : seuls les {MAX_WORDS} premiers mots sont utilisés.")
    return ParsedQuery(
        raw=raw if isinstance(raw, str) else str(raw),
        text=" ".join(words),
        phrases=tuple(dict.fromkeys(phrases)),
        excluded=tuple(dict.fromkeys(excluded)),
        references=tuple(dict.fromkeys(references)),
        ranges=tuple(ranges),
        prefixes=tuple(dict.fromkeys(prefixes)),
        code=code,
        notices=tuple(notices),
    )


def _references(
    text: str, known_articles: Collection[str] | Callable[[str], bool] | None
) -> tuple[list[Reference], list[NumberRange], str]:
    """Citations in order of appearance; their spans are taken out of the free text."""
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


# -- question framing ------------------------------------------------------------------------------------
#
# People ask in sentences ("mon employeur peut-il changer les horaires ?", "puis-je refuser…", "comment
# faire pour…"). The question's frame (interrogatives, a verb with its inverted subject, modal verbs, the
# asker's own pronouns) says how they ask, not what about: the content words must drive the ranking, and
# "peut-il" must not pull every article saying "peut". Folded forms, matched word by word. "un", "une"
# are kept in the index (numbers matter in the code: "un an") but in a question they are articles ("une
# rupture conventionnelle"); the unit that follows carries the number's meaning. "un", "une"
# are kept in the index (numbers matter in the code: "un an") but in a question they are articles ("une
# rupture conventionnelle"); the unit that follows carries the number's meaning.
_INVERTED = re.compile(r"^(?:[a-z]+)?(?:-?t)?-(?:je|tu|il|elle|on|ils|elles|nous|vous)$")
FRAMING_WORDS = frozenset(
    [
        "quel",
        "quelle",
        "quels",
        "quelles",
        "lequel",
        "laquelle",
        "lesquels",
        "lesquelles",
        "comment",
        "combien",
        "pourquoi",
        "quoi",
        "est-ce",
        "qu'est-ce",
        "qu'est",
        "est-ce-que",
        "c'est",
        "ce-que",
        "peux",
        "peut",
        "peuvent",
        "pouvons",
        "pouvez",
        "pourrait",
        "pourrais",
        "pourraient",
        "puis-je",
        "dois",
        "doit",
        "doivent",
        "devons",
        "devez",
        "devrait",
        "devrais",
        "faut",
        "faudrait",
        "veux",
        "veut",
        "voudrais",
        "voudrait",
        "aimerais",
        "souhaite",
        "souhaiterais",
        "je",
        "j'",
        "moi",
        "me",
        "m'",
        "mon",
        "ma",
        "mes",
        "tu",
        "te",
        "toi",
        "ton",
        "ta",
        "tes",
        "savoir",
        "connaitre",
        "svp",
        "merci",
        "bonjour",
        "un",
        "une",
    ]
)
_NOT_FRAMING = frozenset({"rendez-vous", "vis-a-vis", "peut-etre", "c'est-a-dire"})
_ELIDED = re.compile(r"^(?:qu|j|m|t|l|d|s|n|c)'")


def _folded_word(word: str) -> str:
    text = unicodedata.normalize("NFD", word.casefold().replace("’", "'"))
    return "".join(char for char in text if unicodedata.category(char) != "Mn").strip('.,;!?«»"')


def framing_words(text: str) -> tuple[str, ...]:
    """The words of `text` that frame a question rather than say what it is about, as typed."""
    words = text.split()
    framed = set()
    for index, word in enumerate(words):
        folded = _folded_word(word)
        bare = _ELIDED.sub("", folded)  # "qu'advient-il" → "advient-il"
        if (
            folded in FRAMING_WORDS
            or bare in FRAMING_WORDS
            or (_INVERTED.match(bare) and bare not in _NOT_FRAMING)
            or (folded == "faire" and index and _folded_word(words[index - 1]) in ("comment", "que", "quoi"))
        ):
            framed.add(index)
    return tuple(words[index] for index in sorted(framed))


def without_framing(parsed: ParsedQuery) -> ParsedQuery:
    """The query with its question frame set aside (`framing`); unchanged when nothing else would remain."""
    framed = framing_words(parsed.text)
    if not framed:
        return parsed
    drop = list(framed)
    kept = []
    for word in parsed.text.split():
        if drop and word == drop[0]:
            drop.pop(0)
            continue
        kept.append(word)
    if not kept:
        return parsed
    return replace(parsed, text=" ".join(kept), framing=framed)

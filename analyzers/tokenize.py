"""The French tokenizer: article numbers as one token, words with their elided head, numbers.

Why a tokenizer of our own: "L. 1233-3", "L1233-3" and "R* 611-1" must become one token (the canonical
number, lower-case, "l1233-3"), so citations are first-class terms for the index and for queries, while
every token keeps its character offsets in the original text for highlighting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from whoosh.analysis import Token, Tokenizer

from analyzers.elisions import APOSTROPHES
from corpus.model import normalize_number

# Latin suffixes of inserted article numbers ("L. 400 bis").
NUMBER_SUFFIXES = (
    "bis|ter|quater|quinquies|sexies|septies|octies|nonies|novies|decies|undecies|duodecies|"
    "terdecies|quaterdecies|quindecies"
)
_SPACES = " \u00a0\u202f\u2009"
_DASHES = "\\-\u2010\u2011\u2012\u2013"
_COMBINING = re.compile(r"[\u0300-\u036f]")


def _token_pattern(letter: str) -> re.Pattern[str]:
    """Article number | number | word, where `letter` is what a word is made of.

    No look-behind before the article prefix: `finditer` only starts a token where the previous one
    ended or after a non-token character, and words and numbers swallow their trailing letters, so a
    prefix letter is never the middle of a word (measured: the look-behind alone cost a quarter of
    the tokenizer's time).
    """
    return re.compile(
        # An article number: prefix (L, R, D, L.O.), optional dot, stars and spaces, digits and dashes.
        rf"(?P<prefix>[Ll]\.?[{_SPACES}]?[Oo]\.?(?=[{_SPACES}\d])|[LRDlrd])"
        rf"(?P<sep>[.*{_SPACES}]{{0,4}})"
        rf"(?P<number>\d+(?:[{_DASHES}]\d+)*)"
        rf"(?:[{_SPACES}](?P<suffix>{NUMBER_SUFFIXES})\b)?"
        rf"(?![\w{_DASHES}])"
        # A number, with decimals, dashes ("2016-1691") and an attached ordinal ("1er", "2e").
        rf"|(?P<digits>\d+(?:[.,]\d+)*(?:[{_DASHES}]\d+)*(?:[^\W\d_]+)?)"
        # A word, possibly with apostrophes inside ("l'employeur", "prud’hommes", "aujourd'hui").
        rf"|(?P<word>{letter}+(?:[{APOSTROPHES}]{letter}+)*)"
    )


# Precomposed text (the sources' NFC) takes the fast pattern; text with combining accents (NFD, as some
# keyboards and PDFs produce) the slower one whose words include the accents.
TOKEN_PATTERN = _token_pattern(r"[^\W\d_]")
DECOMPOSED_TOKEN_PATTERN = _token_pattern(r"(?:[^\W\d_]|[\u0300-\u036f])")
_PLAIN_PATTERN = re.compile(
    rf"(?P<digits>\d+(?:[.,]\d+)*(?:[{_DASHES}]\d+)*(?:[^\W\d_]+)?)"
    rf"|(?P<word>(?:[^\W\d_]|[\u0300-\u036f])+(?:[{APOSTROPHES}](?:[^\W\d_]|[\u0300-\u036f])+)*)"
)
_DASH_RUN = re.compile(rf"[{_DASHES}]")


def article_token(number: str) -> str:
    """The index term of an article number: canonical (corpus.model.normalize_number), lower-case."""
    return normalize_number(number).lower()


def _article_number(match: re.Match[str]) -> str | None:
    """The canonical number of an ARTICLE match, or None when the match is too weak to be one.

    Lower-case prefixes ("l1233-3" typed in a query) and upper-case prefixes separated only by spaces
    ("D 12") count only with a dashed number, so "d 12" in prose never becomes an article.
    """
    prefix, sep, number = match["prefix"], match["sep"], match["number"]
    stars = sep.count("*")
    if stars > 2 or sep.count(".") > 1:
        return None
    dashed = any(dash in number for dash in "-\u2010\u2011\u2012\u2013")
    separated = bool(sep) and stars == 0 and "." not in sep and "." not in prefix[1:]
    if not dashed and (prefix[0].islower() or separated):
        return None
    letters = "".join(ch for ch in prefix if ch.isalpha()).upper()
    spelled = f"{letters}{'*' * stars} {_DASH_RUN.sub('-', number)}"
    if match["suffix"]:
        spelled += " " + match["suffix"]
    return article_token(spelled)


def _pattern_for(text: str) -> re.Pattern[str]:
    return DECOMPOSED_TOKEN_PATTERN if _COMBINING.search(text) else TOKEN_PATTERN


def iter_raw_tokens(text: str) -> Iterator[tuple[str, int, int, bool]]:
    """(text, start, end, is_article) for each token of `text`, in order; article numbers canonical."""
    for match in _pattern_for(text).finditer(text):
        if match["prefix"] is None:
            yield match.group(), match.start(), match.end(), False
            continue
        number = _article_number(match)
        if number is not None:
            yield number, match.start(), match.end(), True
            continue
        # Not an article after all ("d 12"): tokenize the span as plain words and numbers.
        base = match.start()
        for sub in _PLAIN_PATTERN.finditer(match.group()):
            yield sub.group(), base + sub.start(), base + sub.end(), False


class FrenchTokenizer(Tokenizer):
    """Whoosh tokenizer over `TOKEN_PATTERN`, lower-casing as it goes (one pass instead of a
    LowercaseFilter layer); article-number tokens are canonical and flagged `is_article`."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.is_article = False
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        pos = start_pos
        for match in _pattern_for(value).finditer(value):
            if match["prefix"] is None:  # the common case, inlined: a word or a number
                token.text = match.group().lower()
                token.is_article = False
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = match.group()
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar = start_char + match.start()
                    token.endchar = start_char + match.end()
                pos += 1
                yield token
                continue
            number = _article_number(match)
            if number is not None:
                parts = [(number, match.start(), match.end(), True)]
            else:
                base = match.start()
                parts = [
                    (sub.group().lower(), base + sub.start(), base + sub.end(), False)
                    for sub in _PLAIN_PATTERN.finditer(match.group())
                ]
            for text, start, end, is_article in parts:
                token.text = text
                token.is_article = is_article
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = value[start:end]
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar = start_char + start
                    token.endchar = start_char + end
                pos += 1
                yield token

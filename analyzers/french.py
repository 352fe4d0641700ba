"""The French analysis chain, one for index and query time, exposed as Whoosh analyzers.

    FrenchTokenizer (lower-cases) → NormalizeFilter (elisions, unidecode) ┬→ surface stream
                                                   └→ StopFilter → LemmaFilter → lemma stream

The surface stream (folded, unlemmatized, stop words kept) serves exact phrases and highlighting; the
lemma stream (stop words removed, positions renumbered, lemmas) gives recall. Article numbers are one
canonical token in both ("L. 1233-3" → "l1233-3"). Every token carries its position and its
character offsets in the original text (chars=True), so highlights land on what the code prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from unidecode import unidecode
from whoosh.analysis import CompositeAnalyzer, Filter, StopFilter, Token

from analyzers.elisions import APOSTROPHES, ELISIONS
from analyzers.lemmas import LEMMATIZER, CacheStats, fold
from analyzers.stop_words import STOP_WORDS
from analyzers.tokenize import FrenchTokenizer, article_token

if TYPE_CHECKING:
    from analyzers.expansion import QueryExpansion

__all__ = [
    "AnalyzedToken",
    "FrenchTokenizer",
    "LemmaFilter",
    "NormalizeFilter",
    "analyze",
    "analyze_lemmas",
    "analyze_surface",
    "article_token",
    "expand_query_terms",
    "lemma_analyzer",
    "prime_lemmas",
    "surface_analyzer",
]

_APOSTROPHE_SET = frozenset(APOSTROPHES)
FOLD_CACHE_LIMIT = 200_000


def _fold_number(text: str) -> str:
    """A number token folded but with its punctuation: "3ème" → "3eme", "2016‑1691" → "2016-1691"."""
    return unidecode(text).lower().replace(" ", "")


def strip_elision(text: str) -> tuple[str, int]:
    """("employeur", 2) for "l'employeur": the word without its elided head, and the head's length."""
    for index, char in enumerate(text):
        if char in _APOSTROPHE_SET:
            if text[:index].lower() in ELISIONS and index + 1 < len(text):
                return text[index + 1 :], index + 1
            break
    return text, 0


def normalize_word(text: str) -> tuple[str, int]:
    """The folded term of a lower-case word or number token, and how many leading characters were cut.

    "l’employeur" → ("employeur", 2), "prud'hommes" → ("prudhommes", 0), "œuvre" → ("oeuvre", 0),
    "3ème" → ("3eme", 0). An empty term means the token folds to nothing and is dropped.
    """
    if not text:
        return "", 0
    if text[0].isdigit():
        return (text if text.isascii() else _fold_number(text)), 0
    stripped, cut = strip_elision(text)
    return fold(stripped), cut


class NormalizeFilter(Filter):
    """Elision removal and ASCII folding (unidecode) in one pass, cached per distinct token text.

    One filter rather than two: each layer of Whoosh's generator chain costs about as much per token
    as the work itself, and a single dict lookup answers both questions for a form already seen.
    Article number tokens ("l400 bis", "r*611-1") are already canonical and pass untouched.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, int]] = {}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __getstate__(self) -> dict:
        return {}  # the cache is rebuilt after unpickling; keeps pickled schemas small

    def __setstate__(self, state: dict) -> None:
        self._cache = {}

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        cache = self._cache
        for token in tokens:
            text = token.text
            if text.isalnum() and text.isascii():
                yield token
                continue
            if getattr(token, "is_article", False):
                yield token
                continue
            found = cache.get(text)
            if found is None:
                if len(cache) > FOLD_CACHE_LIMIT:
                    cache.clear()
                found = cache[text] = normalize_word(text)
            term, cut = found
            if term:
                token.text = term
                if cut and token.chars:
                    token.startchar += cut
                yield token


class LemmaFilter(Filter):
    """Replaces each word by its folded lemma (analyzers.lemmas); numbers and article tokens pass.

    The document's tokens are buffered so that the forms not yet in the lemma cache are lemmatized in
    one batch, not one spaCy call per token.
    """

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        buffered: list[tuple] = []
        token = None
        for token in tokens:
            buffered.append(
                (
                    token.text,
                    getattr(token, "pos", None),
                    getattr(token, "startchar", None),
                    getattr(token, "endchar", None),
                    token.stopped,
                    token.boost,
                )
            )
        if token is None:
            return
        lemmatizer = LEMMATIZER
        cache = lemmatizer.cache
        words = [text for text, *_ in buffered if text.isalpha()]
        unseen = {text for text in words if text not in cache}
        lemmatizer.hits += len(words) - len(unseen)
        if unseen:
            lemmatizer.lemmas(unseen)
        for text, pos, startchar, endchar, stopped, boost in buffered:
            if text.isalpha():
                lemma = cache.get(text)
                token.text = lemma if lemma is not None else lemmatizer.lemma(text)
            else:
                token.text = text
            if token.positions:
                token.pos = pos
            if token.chars:
                token.startchar, token.endchar = startchar, endchar
            token.stopped, token.boost = stopped, boost
            yield token


def surface_analyzer() -> CompositeAnalyzer:
    """Folded, unlemmatized tokens, stop words kept: exact phrases and highlighting."""
    return FrenchTokenizer() | NormalizeFilter()


def lemma_analyzer() -> CompositeAnalyzer:
    """Folded lemmas without stop words (negations and legal connectives kept): recall."""
    return FrenchTokenizer() | NormalizeFilter() | StopFilter(stoplist=STOP_WORDS, minsize=1) | LemmaFilter()


_SURFACE = surface_analyzer()
_LEMMA = lemma_analyzer()


class AnalyzedToken(NamedTuple):
    """One token of a text: its term, its position and its span in the original text."""

    text: str
    pos: int
    start: int
    end: int


def analyze(text: str, *, lemmas: bool = True) -> list[AnalyzedToken]:
    """Tokens of `text` with positions and offsets (lemma stream, or surface stream)."""
    analyzer = _LEMMA if lemmas else _SURFACE
    return [
        AnalyzedToken(token.text, token.pos, token.startchar, token.endchar)
        for token in analyzer(text, positions=True, chars=True)
    ]


def analyze_lemmas(text: str) -> list[str]:
    """The lemma stream's terms of `text`, as the index stores them."""
    return [token.text for token in _LEMMA(text)]


def analyze_surface(text: str) -> list[str]:
    """The surface stream's terms of `text` (folded words, stop words kept)."""
    return [token.text for token in _SURFACE(text)]


def prime_lemmas(texts: Iterable[str]) -> CacheStats:
    """Lemmatize every distinct word of `texts` in one batch, before analyzing them.

    Optional: the lemma stream is the same without it. With it, spaCy's pipeline runs once over the
    forms its lookup tables miss instead of once per document that brings a new form, and worker
    processes forked afterwards inherit the filled cache. Returns the cache statistics.
    """
    tokenizer, normalize = FrenchTokenizer(), NormalizeFilter()
    forms: set[str] = set()
    for text in texts:
        forms.update(
            token.text
            for token in normalize(tokenizer(text))
            if token.text.isalpha() and token.text not in STOP_WORDS
        )
    LEMMATIZER.lemmas(forms)
    return LEMMATIZER.stats()


def expand_query_terms(text: str) -> tuple[QueryExpansion, ...]:
    """Abbreviations and synonyms found in a query, with their expansions (see analyzers.expansion)."""
    from analyzers.expansion import expand_query_terms as expand

    return expand(text)

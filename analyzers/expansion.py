"""Query-time expansion of abbreviations and synonyms (analyzers.synonyms), as data for the search layer.

The expansion never replaces what was typed: each match keeps its own terms and offers alternative
wordings; the search layer (`search.matching`) searches each alternative as a whole phrase on the lemma
stream, at a lower weight than the typed words (`RankingConfig.expansion_weight`). Matching is done on the surface stream, so case, accents,
elisions and apostrophes do not matter ("prud’hommes", "PRUD'HOMMES", "prudhommes"), except for the
abbreviations that are ordinary words in lower case ("CE", "AT"), expanded only when typed in capitals.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from analyzers.french import analyze
from analyzers.synonyms import (
    ABBREVIATIONS,
    CAPITALS_ONLY,
    LAY_WORDINGS,
    SYNONYMS,
)

KEY_ONLY_MARK = "~"


@dataclass(frozen=True)
class Alternative:
    """One wording to search beside the typed one."""

    phrase: str  # as the code words it: "contrat de travail à durée déterminée"
    surface: tuple[str, ...]  # its surface-stream tokens, for a phrase query
    lemmas: tuple[str, ...]  # its lemma-stream tokens
    # Everyday wording the code does not use for this rule ("rupture amiable"): a version that happens
    # to have the typed words is not about the rule, so the code's wording counts there too.
    lay: bool = False


@dataclass(frozen=True)
class QueryExpansion:
    """A span of the query that the table knows, with the alternatives it adds."""

    text: str  # the span as typed: "CDD"
    start: int
    end: int
    lemmas: tuple[str, ...]  # the span's own lemma terms, kept at full weight
    alternatives: tuple[Alternative, ...]

    @property
    def expansions(self) -> tuple[str, ...]:
        """The alternatives' wordings (what a caller that only wants text needs)."""
        return tuple(alternative.phrase for alternative in self.alternatives)


@dataclass(frozen=True)
class _Entry:
    key: tuple[str, ...]
    capitals_only: bool
    alternatives: tuple[Alternative, ...]


def _surface(text: str) -> tuple[str, ...]:
    return tuple(token.text for token in analyze(text, lemmas=False))


def _alternative(phrase: str, lay: bool = False) -> Alternative:
    lemmas = tuple(token.text for token in analyze(phrase, lemmas=True))
    return Alternative(phrase, _surface(phrase), lemmas, lay)


@cache
def _table() -> dict[tuple[str, ...], _Entry]:
    """Surface-token key → entry, built once (it runs the analyzers over the table)."""
    table: dict[tuple[str, ...], _Entry] = {}
    for abbreviation, phrases in ABBREVIATIONS.items():
        key = _surface(abbreviation)
        alternatives = tuple(_alternative(phrase) for phrase in phrases)
        table[key] = _Entry(key, abbreviation in CAPITALS_ONLY, alternatives)
    for group in SYNONYMS:
        offered = [member for member in group if not member.startswith(KEY_ONLY_MARK)]
        for member in group:
            wording = member.removeprefix(KEY_ONLY_MARK)
            key = _surface(wording)
            others = tuple(_alternative(other) for other in offered if other != member)
            if key and others and key not in table:
                table[key] = _Entry(key, False, others)
    for lay, wordings in LAY_WORDINGS.items():
        key = _surface(lay)
        if key and key not in table:
            table[key] = _Entry(key, False, tuple(_alternative(w, lay=True) for w in wordings))
    return table


def expand_query_terms(text: str) -> tuple[QueryExpansion, ...]:
    """The known abbreviations and synonyms in `text`, longest match first, left to right."""
    table = _table()
    longest = max((len(key) for key in table), default=0)
    tokens = analyze(text, lemmas=False)
    words = [token.text for token in tokens]
    found: list[QueryExpansion] = []
    index = 0
    while index < len(tokens):
        for size in range(min(longest, len(tokens) - index), 0, -1):
            entry = table.get(tuple(words[index : index + size]))
            if entry is None:
                continue
            start, end = tokens[index].start, tokens[index + size - 1].end
            span = text[start:end]
            if entry.capitals_only and any(char.islower() for char in span):
                continue
            lemmas = tuple(token.text for token in analyze(span, lemmas=True))
            found.append(QueryExpansion(span, start, end, lemmas, entry.alternatives))
            index += size
            break
        else:
            index += 1
    return tuple(found)


def is_thesaurus_word(word: str) -> bool:
    """True when `word` alone is a key of the thesaurus ("sécu", "STC"): never a typo to correct."""
    return _surface(word) in _table()

"""Query-time expansion of abbreviations and synonyms (analyzers.synonyms), as data for the search layer.

The expansion never replaces what was typed: each match keeps its own terms and offers alternative
wordings; the search layer (`search.matching`) searches each alternative as a whole phrase on the lemma
stream, at a lower weight than the typed words (`RankingConfig.expansion_weight`). Matching is done on the surface stream, so case, accents,
elisions and apostrophes do not matter ("prud’hommes", "PRUD'HOMMES", "prudhommes"), except for the
abbreviations that are ordinary words in lower case ("CE", "AT"), expanded only when typed in capitals.
The words the surface table leaves are then matched on the lemma stream, without stop words, so a key
also matches in the plural or without its prepositions, as people type in a search box ("abandon poste",
"droits formation", "tickets restaurants"): the table need not list every inflection of a key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from analyzers.french import AnalyzedToken, analyze
from analyzers.stop_words import STOP_WORDS
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
    wording: str = ""  # the key as the table writes it (accents kept, for its lemmas)


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
        table[key] = _Entry(key, abbreviation in CAPITALS_ONLY, alternatives, abbreviation)
    for group in SYNONYMS:
        offered = [member for member in group if not member.startswith(KEY_ONLY_MARK)]
        for member in group:
            wording = member.removeprefix(KEY_ONLY_MARK)
            key = _surface(wording)
            others = tuple(_alternative(other) for other in offered if other != member)
            if key and others and key not in table:
                table[key] = _Entry(key, False, others, wording)
    for lay, wordings in LAY_WORDINGS.items():
        key = _surface(lay)
        if key and key not in table:
            alternatives = tuple(_alternative(w, lay=True) for w in wordings)
            table[key] = _Entry(key, False, alternatives, lay)
    return table


@cache
def _lemma_table() -> dict[tuple[str, ...], _Entry]:
    """Lemma key → entry, for the synonyms and lay wordings (abbreviations are matched as typed: their
    capitals matter). A key that begins or ends with a stop word is matched as typed only: the word is
    there on purpose ("à temps plein", not "équivalent temps plein"; "au noir", "sur le trajet"), and
    without it the key could shrink to one ordinary word ("congés d'été": "été" is also a stop word)."""
    table: dict[tuple[str, ...], _Entry] = {}
    for key, entry in _table().items():
        if entry.capitals_only or key[0] in STOP_WORDS or key[-1] in STOP_WORDS:
            continue
        lemmas = tuple(token.text for token in analyze(entry.wording, lemmas=True))
        # The code's wording that holds the key's words in a row ("congé paternité" → "congé de
        # paternité et d'accueil de l'enfant") is not offered here: typed with its prepositions, the key
        # is the code's own words, which the typed lemmas already match.
        alternatives = tuple(
            alternative
            for alternative in entry.alternatives
            if not (alternative.lay and _holds(alternative.lemmas, lemmas))
        )
        if lemmas and alternatives and lemmas not in table:
            table[lemmas] = _Entry(lemmas, False, alternatives, entry.wording)
    return table


def _holds(sequence: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """`run` occurs in `sequence`, its words adjacent and in order."""
    size = len(run)
    return any(sequence[start : start + size] == run for start in range(len(sequence) - size + 1))


def expand_query_terms(text: str) -> tuple[QueryExpansion, ...]:
    """The known abbreviations and synonyms in `text`, longest match first, left to right: as typed
    first, then on the lemmas of the words left."""
    found = _matches(text, analyze(text, lemmas=False), _table(), frozenset())
    taken = frozenset(offset for match in found for offset in range(match.start, match.end))
    found += _matches(text, analyze(text, lemmas=True), _lemma_table(), taken)
    return tuple(sorted(found, key=lambda match: match.start))


def _matches(
    text: str,
    tokens: list[AnalyzedToken],
    table: dict[tuple[str, ...], _Entry],
    taken: frozenset[int],
) -> list[QueryExpansion]:
    """The table's keys among `tokens`, longest first, left to right, outside the `taken` offsets."""
    longest = max((len(key) for key in table), default=0)
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
            if taken.intersection(range(start, end)):
                continue
            lemmas = tuple(token.text for token in analyze(span, lemmas=True))
            found.append(QueryExpansion(span, start, end, lemmas, entry.alternatives))
            index += size
            break
        else:
            index += 1
    return found


def is_thesaurus_word(word: str) -> bool:
    """True when `word` alone is a key of the thesaurus ("sécu", "STC", "pigistes"): never a typo to
    correct."""
    if _surface(word) in _table():
        return True
    return tuple(token.text for token in analyze(word, lemmas=True)) in _lemma_table()

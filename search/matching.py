"""The analyze stage: a parsed query → the terms an engine searches, through the same French analyzers
the index was built with (nothing else tokenizes).

Free words become lemma terms (matched on the body and section titles) with their surface forms; each
synonym or abbreviation expansion becomes a lemma phrase, matched whole; quoted phrases stay surface
tokens, to match word for word; excluded words give both their lemma and their exact form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from analyzers.derivations import nouns_of_verb
from analyzers.french import analyze, expand_query_terms
from analyzers.inflections import other_inflection_lemmas
from analyzers.lemmas import LEMMATIZER
from analyzers.section_words import is_section_boilerplate
from search.query import ParsedQuery
from search.ranking import RankingConfig

THESAURUS, DERIVATION, INFLECTION = "thesaurus", "derivation", "inflection"  # what an expansion is
# A span is "unindexed" when the rarest word of its expansion occurs in this many times more versions.
UNINDEXED_RATIO = 10


@dataclass(frozen=True)
class QueryTerms:
    """The analyzed query: what is searched, and what the highlighter marks."""

    lemmas: tuple[str, ...] = ()  # distinct lemma terms of the free words, in order
    surface: tuple[str, ...] = ()  # surface forms of those same words
    phrases: tuple[tuple[str, ...], ...] = ()  # surface tokens of each quoted phrase
    excluded_lemmas: tuple[str, ...] = ()
    excluded_surface: tuple[str, ...] = ()
    # Each expansion as a phrase on the lemma stream ("CDD" → contrat travail duree determine): it is
    # matched whole, never as a bag of its words, which would match every article saying "travail".
    expansion_phrases: tuple[tuple[str, ...], ...] = ()
    # The lemmas of the span each expansion stands for: a version that has them all already gets the
    # concept's credit from the typed words, so the expansion only helps versions worded otherwise.
    expansion_spans: tuple[tuple[str, ...], ...] = ()
    sequence: tuple[str, ...] = ()  # the free words' lemma terms in the order typed, repeats kept
    # Spans the index has nowhere ("CDD", "STC": the code always spells them out). Typed, they match
    # nothing, so their expansion is the only way the concept counts: it weighs as a typed word would.
    unindexed_spans: frozenset[tuple[str, ...]] = frozenset()
    # The lemmas typed inside a lay wording's key ("cheque", "dejeuner"): everyday words, weighed
    # `RankingConfig.lay_typed_weight` (the code's wording the key offers names the rule).
    lay_typed: frozenset[str] = frozenset()
    # Where each expansion phrase comes from (empty: all from the thesaurus): a verb's noun of its action
    # (DERIVATION, analyzers.derivations) or the lemma of another inflection of a typed word ("pauses" →
    # pause, INFLECTION). One span can have both kinds, and each weighs its own.
    expansion_kinds: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.lemmas or self.phrases)

    def spans(self) -> tuple[tuple[str, ...], ...]:
        """The span of each expansion phrase (() for a lay wording's)."""
        return self.expansion_spans or ((),) * len(self.expansion_phrases)

    def every_lemma(self) -> tuple[str, ...]:
        """The free words' lemmas, then the expansion phrases' own, each once."""
        return tuple(
            dict.fromkeys([*self.lemmas, *(token for phrase in self.expansion_phrases for token in phrase)])
        )

    def typed_weight(self, lemma: str, config: RankingConfig) -> float:
        """How much a free word counts: less when it is one of a lay wording's everyday words."""
        return config.lay_typed_weight if lemma in self.lay_typed else 1.0

    def kinds(self) -> tuple[str, ...]:
        """The kind of each expansion phrase (THESAURUS, DERIVATION or INFLECTION)."""
        return self.expansion_kinds or (THESAURUS,) * len(self.expansion_phrases)

    def expansion_weights(self, config: RankingConfig) -> tuple[float, ...]:
        """How much each expansion phrase counts (`expansion_weight`), in the phrases' order."""
        return tuple(
            expansion_weight(span, kind, span in self.unindexed_spans, config)
            for span, kind in zip(self.spans(), self.kinds(), strict=True)
        )


def expansion_weight(span: tuple[str, ...], kind: str, unindexed: bool, config: RankingConfig) -> float:
    """How much an expansion counts: a lay wording's (no span), or one whose span the index never has
    (`unindexed`), as the words typed; a verb's noun or another inflection's lemma, their own weights; an
    abbreviation's or a synonym's that the code also uses, less."""
    if not span or (config.unindexed_abbreviations and unindexed):
        return config.lay_expansion_weight
    if kind == DERIVATION:
        return config.derivation_weight
    if kind == INFLECTION:
        return config.inflection_weight
    return config.expansion_weight


def expansion_fields(weights: Mapping[str, float], config: RankingConfig) -> dict[str, float]:
    """The fields an expansion phrase is sought in, in both engines, with their BM25F weights: the body,
    and the headings at `RankingConfig.expansion_heading_factor` of theirs (a heading that names the
    concept, « Période de congés et ordre des départs » for « congés forcés », counts as it does for the
    words typed)."""
    fields = {"text": weights["text"]}
    if (heading := weights["section"] * config.expansion_heading_factor) > 0:
        fields["section"] = heading
    return fields


def lemma_fields(lemma: str, config: RankingConfig, weights: Mapping[str, float]) -> tuple[str, ...]:
    """The fields a free word is scored on, in both engines: a structural word of section paths
    ("partie", "chapitre") or a number only on the text; a field weighing 0 not at all."""
    fields = ("text",) if config.section_content and is_section_boilerplate(lemma) else ("text", "section")
    return tuple(field for field in fields if weights[field] > 0)


def _aligned(text: str) -> tuple[list[str], list[str]]:
    """Lemma terms and, for each, the surface form at the same place in the text."""
    surface_at = {token.start: token.text for token in analyze(text, lemmas=False)}
    lemmas, surface = [], []
    for token in analyze(text, lemmas=True):
        lemmas.append(token.text)
        form = surface_at.get(token.start)
        if form:
            surface.append(form)
    return lemmas, surface


def analyze_query(
    parsed: ParsedQuery, expansions: tuple[tuple[str, str], ...] = (), lay_typed: frozenset[str] = frozenset()
) -> QueryTerms:
    """`expansions`: (span as typed, alternative wording) pairs from the synonym table; `lay_typed`: the
    lemmas of the lay wordings' keys typed (`lay_typed_lemmas`)."""
    lemmas, surface = _aligned(parsed.text)
    excluded_lemmas: list[str] = []
    excluded_surface: list[str] = []
    for word in parsed.excluded:
        found_lemmas, found_surface = _aligned(word)
        excluded_lemmas += found_lemmas
        excluded_surface += found_surface
    phrases = tuple(
        tokens
        for tokens in (tuple(token.text for token in analyze(p, lemmas=False)) for p in parsed.phrases)
        if tokens
    )
    expansion_pairs: dict[tuple[tuple[str, ...], tuple[str, ...]], None] = {}
    for span, expansion in expansions:
        tokens = tuple(token.text for token in analyze(expansion, lemmas=True))
        span_lemmas = tuple(token.text for token in analyze(span, lemmas=True))
        if tokens and not set(tokens) <= set(lemmas):  # the user did not type the wording already
            expansion_pairs[(tokens, span_lemmas)] = None
    return QueryTerms(
        lemmas=tuple(dict.fromkeys(lemmas)),
        sequence=tuple(lemmas),
        surface=tuple(dict.fromkeys(surface)),
        phrases=phrases,
        excluded_lemmas=tuple(dict.fromkeys(excluded_lemmas)),
        excluded_surface=tuple(dict.fromkeys(excluded_surface)),
        expansion_phrases=tuple(tokens for tokens, _ in expansion_pairs),
        expansion_spans=tuple(span for _, span in expansion_pairs),
        lay_typed=frozenset(lemma for lemma in lay_typed if lemma in lemmas),
    )


def query_expansions(parsed: ParsedQuery) -> tuple[tuple[str, str], ...]:
    """(span as typed, alternative wording) for each abbreviation or synonym in the free words."""
    if not parsed.text:
        return ()
    # A lay wording's expansion has no span: it counts wherever the code's wording is, even in a
    # version that has the everyday words too (they are not the rule's name there).
    return tuple(
        ("" if alternative.lay else found.text, alternative.phrase)
        for found in expand_query_terms(parsed.text)
        for alternative in found.alternatives
    )


def lay_typed_lemmas(parsed: ParsedQuery) -> frozenset[str]:
    """The lemmas of the free words that make up a lay wording's key ("chèques déjeuner")."""
    if not parsed.text:
        return frozenset()
    return frozenset(
        lemma
        for found in expand_query_terms(parsed.text)
        if any(alternative.lay for alternative in found.alternatives)
        for lemma in found.lemmas
    )


def with_unindexed_spans(terms: QueryTerms, frequency: Callable[[str], int]) -> QueryTerms:
    """`terms` with the one-word spans (abbreviations) that the index has far less often than the words
    of their expansion (`frequency`: the versions holding a lemma): "CDD" in 3 versions, the rarest
    word of "contrat de travail à durée déterminée" in hundreds. Typed, such a span matches almost
    nothing of its rule. Term counts only (the dictionary's, read at no cost): the expansion's rarest
    word bounds its phrase's count from above."""
    absent = set()
    for span, tokens in zip(terms.spans(), terms.expansion_phrases, strict=True):
        if len(span) == 1 and span not in absent:
            have = frequency(span[0])
            if have == 0 or have * UNINDEXED_RATIO < min(frequency(token) for token in tokens):
                absent.add(span)
    return replace(terms, unindexed_spans=frozenset(absent)) if absent else terms


def _with_one_word_expansions(terms: QueryTerms, offered: Iterable[tuple[str, str]], kind: str) -> QueryTerms:
    """`terms` with each (typed lemma, word) offered as a one-word expansion of that lemma, of `kind`,
    unless the word is typed or offered already."""
    have = set(terms.every_lemma())
    phrases, spans, kinds = list(terms.expansion_phrases), list(terms.spans()), list(terms.kinds())
    for lemma, word in offered:
        if word not in have:
            have.add(word)
            phrases.append((word,))
            spans.append((lemma,))
            kinds.append(kind)
    if len(phrases) == len(terms.expansion_phrases):
        return terms
    return replace(
        terms, expansion_phrases=tuple(phrases), expansion_spans=tuple(spans), expansion_kinds=tuple(kinds)
    )


def with_derivations(terms: QueryTerms) -> QueryTerms:
    """`terms` with the index's nouns of each verb typed ("contester" → contestation) as one-word
    expansions of it: a question asks with verbs, the code words the rule with nouns
    (`analyzers.derivations`). Like a synonym, a noun counts only where the verb is not; it weighs
    `RankingConfig.derivation_weight`."""
    offered = ((lemma, noun) for lemma in terms.lemmas for noun in nouns_of_verb(lemma))
    return _with_one_word_expansions(terms, offered, DERIVATION)


def with_inflections(terms: QueryTerms, text: str, frequency: Callable[[str], int]) -> QueryTerms:
    """`terms` with the lemmas of each typed word's other inflections where the lemmatizer split them
    (`analyzers.inflections`: "pauses" → pauser, "pause" → paus): index and query agree on each form,
    but a word's singular and plural, or feminine and masculine, would match apart. Like a synonym, the
    other lemma counts only where the typed one is not; it weighs `RankingConfig.inflection_weight`."""

    def offered() -> Iterator[tuple[str, str]]:
        for token in analyze(text, lemmas=False):
            lemma = LEMMATIZER.known_lemma(token.text)
            if lemma in terms.lemmas:
                for sibling in other_inflection_lemmas(token.text):
                    if frequency(sibling) > 0:
                        yield lemma, sibling

    return _with_one_word_expansions(terms, offered(), INFLECTION)

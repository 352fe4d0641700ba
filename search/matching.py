"""From a parsed query to Whoosh queries, through the same French analyzers the index was built with.

Free words match the lemma stream (body and section titles) and, more weakly, the surface stream (the
exact inflection typed); quoted phrases must match the surface stream word for word; excluded words
remove documents containing their lemma or their exact form.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as wq

from analyzers.french import analyze
from search.query import ParsedQuery
from search.ranking import EXPANSION_WEIGHT, FIELD_WEIGHTS, PHRASE_WEIGHT


@dataclass(frozen=True)
class QueryTerms:
    """The analyzed query: what is searched, and what the highlighter marks."""

    lemmas: tuple[str, ...] = ()  # distinct lemma terms of the free words, in order
    surface: tuple[str, ...] = ()  # surface forms of those same words
    phrases: tuple[tuple[str, ...], ...] = ()  # surface tokens of each quoted phrase
    excluded_lemmas: tuple[str, ...] = ()
    excluded_surface: tuple[str, ...] = ()
    expansions: tuple[str, ...] = ()  # lemma terms of the synonyms / abbreviation expansions
    # Each expansion as a phrase on the lemma stream ("CDD" → contrat travail duree determine): it is
    # matched whole, never as a bag of its words, which would match every article saying "travail".
    expansion_phrases: tuple[tuple[str, ...], ...] = ()
    # The lemmas of the span each expansion stands for: a version that has them all already gets the
    # concept's credit from the typed words, so the expansion only helps versions worded otherwise.
    expansion_spans: tuple[tuple[str, ...], ...] = ()
    sequence: tuple[str, ...] = ()  # the free words' lemma terms in the order typed, repeats kept

    @property
    def is_empty(self) -> bool:
        return not (self.lemmas or self.phrases)


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


def analyze_query(parsed: ParsedQuery, expansions: tuple[tuple[str, str], ...] = ()) -> QueryTerms:
    """`expansions`: (span as typed, alternative wording) pairs from the synonym table."""
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
    expansion_lemmas: list[str] = []
    expansion_pairs: dict[tuple[tuple[str, ...], tuple[str, ...]], None] = {}
    for span, expansion in expansions:
        tokens = tuple(token.text for token in analyze(expansion, lemmas=True))
        span_lemmas = tuple(token.text for token in analyze(span, lemmas=True))
        if tokens and not set(tokens) <= set(lemmas):  # the user did not type the wording already
            expansion_pairs[(tokens, span_lemmas)] = None
            expansion_lemmas += tokens
    return QueryTerms(
        lemmas=tuple(dict.fromkeys(lemmas)),
        sequence=tuple(lemmas),
        surface=tuple(dict.fromkeys(surface)),
        phrases=phrases,
        excluded_lemmas=tuple(dict.fromkeys(excluded_lemmas)),
        excluded_surface=tuple(dict.fromkeys(excluded_surface)),
        expansions=tuple(term for term in dict.fromkeys(expansion_lemmas) if term not in lemmas),
        expansion_phrases=tuple(tokens for tokens, _ in expansion_pairs),
        expansion_spans=tuple(span for _, span in expansion_pairs),
    )


def _word(lemma: str, boost: float = 1.0) -> wq.Query:
    return wq.Or(
        [
            wq.Term("text", lemma, boost=FIELD_WEIGHTS["text"] * boost),
            wq.Term("section", lemma, boost=FIELD_WEIGHTS["section"] * boost),
        ]
    )


def _lemma_phrase(tokens: tuple[str, ...]) -> wq.Query:
    if len(tokens) == 1:
        return wq.Term("text", tokens[0], boost=EXPANSION_WEIGHT)
    return wq.Phrase("text", list(tokens), boost=EXPANSION_WEIGHT)


def _phrase(tokens: tuple[str, ...]) -> wq.Query:
    if len(tokens) == 1:
        return wq.Term("surface", tokens[0], boost=PHRASE_WEIGHT)
    return wq.Phrase("surface", list(tokens), boost=PHRASE_WEIGHT)


def text_query(terms: QueryTerms) -> wq.Query | None:
    """The Whoosh query for the analyzed free words and phrases; None when there is nothing to match."""
    optional: list[wq.Query] = [_word(lemma) for lemma in terms.lemmas]
    optional += [wq.Term("surface", form, boost=FIELD_WEIGHTS["surface"]) for form in terms.surface]
    optional += [_lemma_phrase(tokens) for tokens in terms.expansion_phrases]
    required = [_phrase(tokens) for tokens in terms.phrases]
    if required:
        must: wq.Query = required[0] if len(required) == 1 else wq.And(required)
        built: wq.Query = wq.AndMaybe(must, wq.Or(optional)) if optional else must
    elif optional:
        built = wq.Or(optional)
    else:
        return None
    excluded = [wq.Term("text", lemma) for lemma in terms.excluded_lemmas]
    excluded += [wq.Term("surface", form) for form in terms.excluded_surface]
    if excluded:
        built = wq.AndNot(built, wq.Or(excluded))
    return built

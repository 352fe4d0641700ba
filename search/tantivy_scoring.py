"""BM25F of tantivy's candidates, computed exactly as the Whoosh engine computes it for every version.

The frequencies and positions come from the analyzed streams the tantivy index stores, the document
frequencies from the build's article table (or from listing a phrase's matches), the lengths from the
same quantized table Whoosh keeps: so a candidate scores the same on both engines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from analyzers.section_words import SECTION_BOILERPLATE
from search.matching import QueryTerms
from search.ranking import FIELD_B, RankingConfig, idf, saturate

if TYPE_CHECKING:
    from search.tantivy_engine import TantivyEngine


class CandidateScorer:
    """BM25F of one request's terms on single documents, exactly as `WhooshEngine.retrieve` computes it."""

    def __init__(
        self, engine: TantivyEngine, terms: QueryTerms, config: RankingConfig, weights: Mapping[str, float]
    ) -> None:
        self.engine, self.terms, self.config, self.weights = engine, terms, config, weights
        documents = max(engine.articles, 1)
        both = weights["text"] > 0 and weights["section"] > 0  # what the build's frequency table counts
        self.lemma_fields = [lemma_fields(lemma, config, weights) for lemma in terms.lemmas]
        lemma_df = [
            engine.table.frequencies.get(lemma, 0)
            if both and fields == ("text", "section")
            else (
                engine.article_frequency(query)
                if (query := engine.lemma(lemma, weights, fields)) is not None
                else 0
            )
            for lemma, fields in zip(terms.lemmas, self.lemma_fields, strict=True)
        ]
        self.lemma_idf = [idf(df, documents) if df else 0.0 for df in lemma_df]
        spans = terms.expansion_spans or ((),) * len(terms.expansion_phrases)
        self.expansions = list(zip(terms.expansion_phrases, spans, strict=True))
        expansion_df = [engine.article_frequency(engine.expansion(t, span)) for t, span in self.expansions]
        self.expansion_idf = [idf(df, documents) if df else 0.0 for df in expansion_df]
        surface = terms.surface if weights["surface"] > 0 else ()
        self.surface_idf = [
            (
                form,
                idf(df, documents) if (df := engine.article_frequency(engine.term("surface", form))) else 0.0,
            )
            for form in surface
        ]
        self.lengths = engine.table.lengths

    def _normalized(self, docnum: int, field: str, frequency: int) -> float:
        """`ranking.normalized_tf` on one document, in plain floats (numpy scalars cost more here)."""
        stats = self.engine.table.stats[field]
        b = FIELD_B[field]
        return frequency / (1.0 - b + b * self.lengths[field][docnum] / max(stats.average, 1e-9))

    def _pseudo(self, docnum: int, fields: Sequence[str], term: str) -> float:
        pseudo = 0.0
        for field in fields:
            if term not in self.engine.stored(docnum, field):  # a substring test spares most splits
                continue
            frequency = self.engine.stream(docnum, field).count(term)
            if frequency and field == "section" and self.config.section_once:
                frequency = 1
            if frequency:
                pseudo += self.weights[field] * self._normalized(docnum, field, frequency)
        return pseudo

    def score(self, docnum: int) -> float:
        score = 0.0
        for lemma, fields, term_idf in zip(self.terms.lemmas, self.lemma_fields, self.lemma_idf, strict=True):
            pseudo = self._pseudo(docnum, fields, lemma)
            if pseudo > 0:
                score += saturate(pseudo, term_idf)
        if self.expansions:
            text = self.engine.stream(docnum, "text")
            for (tokens, span), term_idf in zip(self.expansions, self.expansion_idf, strict=True):
                if _contains(text, tokens) and not (span and all(lemma in text for lemma in span)):
                    pseudo = self.weights["text"] * self._normalized(docnum, "text", 1)
                    weight = self.config.expansion_weight if span else self.config.lay_expansion_weight
                    score += weight * saturate(pseudo, term_idf)
        for form, term_idf in self.surface_idf:
            pseudo = self._pseudo(docnum, ("surface",), form)
            if pseudo > 0:
                score += saturate(pseudo, term_idf)
        return score + self.config.phrase_weight * len(self.terms.phrases)


def lemma_fields(lemma: str, config: RankingConfig, weights: Mapping[str, float]) -> tuple[str, ...]:
    """The fields a free word is scored on, as `WhooshEngine.retrieve` chooses them: a structural word
    of section paths ("partie", "chapitre") only on the text."""
    fields = ("text",) if config.section_content and lemma in SECTION_BOILERPLATE else ("text", "section")
    return tuple(field for field in fields if weights[field] > 0)


def _contains(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether `phrase` occurs in `tokens` as consecutive tokens (a phrase query on the stream)."""
    width = len(phrase)
    first = phrase[0]
    return any(
        tokens[i] == first and list(tokens[i : i + width]) == list(phrase)
        for i in range(len(tokens) - width + 1)
    )

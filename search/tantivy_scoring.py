"""BM25F of tantivy's candidates, computed exactly as the Whoosh engine computes it for every version.

The frequencies and positions come from the analyzed streams the tantivy index stores, the document
frequencies from the build's article table (or from listing a phrase's matches), the lengths from the
same quantized table Whoosh keeps: so a candidate scores the same on both engines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from indexer.schema import TOKEN_SEPARATOR as SEP
from search.matching import QueryTerms, expansion_fields, lemma_fields
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
                engine.article_frequency(query, ("lemma", fields, lemma))
                if (query := engine.lemma(lemma, weights, fields)) is not None
                else 0
            )
            for lemma, fields in zip(terms.lemmas, self.lemma_fields, strict=True)
        ]
        self.lemma_idf = [idf(df, documents) if df else 0.0 for df in lemma_df]
        self.expansions = list(zip(terms.expansion_phrases, terms.spans(), strict=True))
        self.expansion_fields = expansion_fields(weights, config)
        fields = tuple(self.expansion_fields)
        expansion_df = [
            engine.article_frequency(
                engine.expansion(t, span, fields), ("expansion", tuple(t), tuple(span), fields)
            )
            for t, span in self.expansions
        ]
        self.expansion_idf = [idf(df, documents) if df else 0.0 for df in expansion_df]
        surface = terms.surface if weights["surface"] > 0 else ()
        self.surface_idf = [
            (
                form,
                idf(df, documents)
                if (df := engine.article_frequency(engine.term("surface", form), ("surface", form)))
                else 0.0,
            )
            for form in surface
        ]

    def scores(self, docnums: Sequence[int]) -> np.ndarray:
        """BM25F of each of `docnums`: the frequencies are counted in Python on the stored streams, the
        rest is numpy over the candidates, in the same operations and order as `WhooshEngine.retrieve`
        (so the same floats)."""
        config, weights = self.config, self.weights
        wanted: dict[str, set[str]] = {}
        for lemma, fields in zip(self.terms.lemmas, self.lemma_fields, strict=True):
            for field in fields:
                wanted.setdefault(field, set()).add(lemma)
        wanted.setdefault("surface", set()).update(form for form, _ in self.surface_idf)
        for tokens, span in self.expansions:
            if _one_word(tokens, span):  # counted with the words, not by reading each stream again
                for field in self.expansion_fields:
                    wanted.setdefault(field, set()).update((*tokens, *span))
        frequencies = self._frequencies(docnums, wanted)
        rows = np.asarray(docnums, dtype=np.int64)
        norms = {}
        for field in wanted:
            stats, b = self.engine.table.stats[field], FIELD_B[field]
            norms[field] = 1.0 - b + b * stats.lengths[rows] / max(stats.average, 1e-9)
        score = np.zeros(rows.size)
        for lemma, fields, term_idf in zip(self.terms.lemmas, self.lemma_fields, self.lemma_idf, strict=True):
            pseudo = np.zeros(rows.size)
            for field in fields:
                frequency = frequencies[field, lemma]
                if field == "section" and config.section_once:
                    frequency = np.minimum(frequency, 1.0)
                pseudo += weights[field] * (frequency / norms[field])
            score += self.terms.typed_weight(lemma, config) * saturate(pseudo, term_idf, config.k1)
        expansion_weights = self.terms.expansion_weights(config)
        for (tokens, span), term_idf, weight in zip(
            self.expansions, self.expansion_idf, expansion_weights, strict=True
        ):
            pseudo, hits = np.zeros(rows.size), np.zeros(rows.size, dtype=bool)
            for field, field_weight in self.expansion_fields.items():
                hit = self._expansion_hits(docnums, field, tokens, span, frequencies)
                if field not in norms:
                    norms[field] = self._norm(rows, field)
                pseudo += field_weight * (hit / norms[field])
                hits |= hit
            score += np.where(hits, weight * saturate(pseudo, term_idf, config.k1), 0.0)
        for form, term_idf in self.surface_idf:
            score += saturate(
                weights["surface"] * (frequencies["surface", form] / norms["surface"]), term_idf, config.k1
            )
        return score + config.phrase_weight * len(self.terms.phrases)

    def _norm(self, rows: np.ndarray, field: str) -> np.ndarray:
        stats, b = self.engine.table.stats[field], FIELD_B[field]
        return 1.0 - b + b * stats.lengths[rows] / max(stats.average, 1e-9)

    def _frequencies(
        self, docnums: Sequence[int], wanted: Mapping[str, set[str]]
    ) -> dict[tuple[str, str], np.ndarray]:
        """How often each wanted term occurs in each document's field, counted on the stored stream
        without splitting it: with every separator doubled, the non-overlapping count of
        separator + term + separator is the token count, repeats included (a substring test first
        spares most streams)."""
        frequencies = {
            (field, term): np.zeros(len(docnums)) for field, terms in wanted.items() for term in terms
        }
        wrapped = {
            field: [(f"{SEP}{term}{SEP}", frequencies[field, term]) for term in terms]
            for field, terms in wanted.items()
        }
        for row, docnum in enumerate(docnums):
            for field, terms in wanted.items():
                stored = self.engine.stored(docnum, field)
                if not any(term in stored for term in terms):
                    continue
                doubled = f"{SEP}{SEP}{stored.replace(SEP, SEP + SEP)}{SEP}{SEP}"
                for needle, counts in wrapped[field]:
                    counts[row] = doubled.count(needle)
        return frequencies

    def _expansion_hits(
        self,
        docnums: Sequence[int],
        field: str,
        tokens: Sequence[str],
        span: Sequence[str],
        frequencies: Mapping[tuple[str, str], np.ndarray],
    ) -> np.ndarray:
        """Which of `docnums` have the expansion phrase in `field` without all the typed words there."""
        if _one_word(tokens, span):
            hit = frequencies[field, tokens[0]] > 0
            return hit & (frequencies[field, span[0]] == 0) if span else hit
        return np.fromiter(
            (self._has_expansion(docnum, field, tokens, span) for docnum in docnums),
            dtype=bool,
            count=len(docnums),
        )

    def _has_expansion(self, docnum: int, field: str, tokens: Sequence[str], span: Sequence[str]) -> bool:
        """The expansion phrase is there, and the typed words are not all there (as the query says)."""
        if tokens[0] not in self.engine.stored(docnum, field):
            return False
        stream = self.engine.stream(docnum, field)
        return _contains(stream, tokens) and not (span and all(lemma in stream for lemma in span))


def _one_word(tokens: Sequence[str], span: Sequence[str]) -> bool:
    """An expansion of one word for at most one word typed (a derivation, an inflection, most
    synonyms): its hits are the documents that have the word and not the one typed."""
    return len(tokens) == 1 and len(span) <= 1


def _contains(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether `phrase` occurs in `tokens` as consecutive tokens (a phrase query on the stream)."""
    width = len(phrase)
    first = phrase[0]
    return any(
        tokens[i] == first and list(tokens[i : i + width]) == list(phrase)
        for i in range(len(tokens) - width + 1)
    )

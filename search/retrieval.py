"""The Whoosh engine: BM25F scores of every indexed version for an analyzed query, as numpy vectors.

Postings come from the Whoosh index (`search.postings`), the formulas from `search.ranking`; phrases are
matched as Whoosh's phrase query matches them, on the positions of the documents holding every word
(`WhooshEngine._phrase_docs`). The result is exact: every matching version of the filter is in
`matched`, so totals and facets are counts, not estimates.

Document frequency counts ARTICLES, not versions: the search ranks articles (one row each), and an
article amended twelve times would otherwise count twelve times, so a word would look common because its
few articles were often amended rather than because many rules use it. Counting articles also gives the
same idf whether a search looks at today's versions (one per article) or at every version. Length
normalization stays per version: it is the version's own text that is scored.
(tests/search/test_bm25f.py checks these scores against Whoosh's own BM25F.)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher

from search.engine import Retrieved
from search.filters import Where
from search.matching import QueryTerms, expansion_fields, lemma_fields
from search.postings import term_positions, term_postings
from search.query import ParsedQuery
from search.ranking import FIELD_B, RankingConfig, idf, normalized_tf, saturate
from search.read_cache import ReadCache
from search.spelling import correct


@dataclass(frozen=True)
class FieldStats:
    lengths: np.ndarray
    average: float


class WhooshEngine:
    """`search.engine.Engine` over one pooled Whoosh searcher (see `IndexView.engine`)."""

    def __init__(
        self,
        searcher: Searcher,
        stats: Mapping[str, FieldStats],
        article_of: np.ndarray,
        cache: ReadCache | None = None,
    ) -> None:
        self.searcher = searcher
        self.cache = cache if cache is not None else ReadCache(0)  # the view's, shared by its requests
        self.stats = stats
        self.size = stats["text"].lengths.size  # the view's document table
        self.article_of = article_of  # article number (0..A-1) of each document
        self.articles = int(article_of.max()) + 1 if article_of.size else 0

    def retrieve(
        self, terms: QueryTerms, allowed: np.ndarray, config: RankingConfig, where: Where | None = None
    ) -> Retrieved:
        """`where` is unused: Whoosh filters with the `allowed` mask."""
        if terms.is_empty:
            return Retrieved.nothing(allowed.size)
        weights = config.field_weights
        scores = np.zeros(allowed.size)
        matched = np.zeros(allowed.size, dtype=bool)
        has: dict[str, np.ndarray] = {}  # query word → the documents that have it (or its expansion)
        for term in terms.lemmas:
            pseudo = self._pseudo_tf(term, lemma_fields(term, config, weights), weights, config.section_once)
            has[term] = pseudo > 0
            self._add(scores, matched, pseudo, config.k1, terms.typed_weight(term, config))
        expansions = zip(terms.expansion_phrases, terms.spans(), terms.expansion_weights(config), strict=True)
        fields = expansion_fields(weights, config)
        for tokens, span, weight in expansions:
            pseudo, hit = self._expansion_tf(tokens, span, fields)
            self._add(scores, matched, pseudo, config.k1, weight, hit)
            for lemma in span:
                if lemma in has:
                    has[lemma] = has[lemma] | hit
        for form in terms.surface if weights["surface"] > 0 else ():
            self._add(scores, matched, self._pseudo_tf(form, ("surface",), weights), config.k1)
        if terms.phrases:  # quoted phrases are required; free words then only add to the score
            matched = np.ones(allowed.size, dtype=bool)
            for tokens in terms.phrases:
                phrase = self._phrase_mask("surface", tokens)
                matched &= phrase
                scores += config.phrase_weight * phrase
        if terms.excluded_lemmas or terms.excluded_surface:
            excluded = [wq.Term("text", lemma) for lemma in terms.excluded_lemmas]
            excluded += [wq.Term("surface", form) for form in terms.excluded_surface]
            matched &= ~self._mask(None, lambda: wq.Or(excluded))
        matched &= allowed
        coverage, unmatched = word_coverage(has, matched, allowed)
        return Retrieved(np.where(matched, scores, 0.0), matched, coverage, unmatched, len(has))

    def positions(self, lemmas: Sequence[str], docnums: Collection[int]) -> dict[int, dict[str, list[int]]]:
        found: dict[int, dict[str, list[int]]] = {docnum: {} for docnum in docnums}
        for lemma in dict.fromkeys(lemmas):
            if ("text", lemma) not in self.searcher.reader():
                continue
            known = {docnum: self.cache.peek(("positions", lemma, docnum)) for docnum in found}
            unread = sorted(docnum for docnum, positions in known.items() if positions is None)
            if unread:
                known.update(self._read_positions(lemma, unread))
            for docnum, positions in known.items():
                if positions:  # () = the version does not have the word
                    found[docnum][lemma] = list(positions)
        return found

    def _read_positions(self, lemma: str, docnums: list[int]) -> dict[int, tuple[int, ...]]:
        """Positions of `lemma` in each of `docnums` (ascending), () where absent, remembered."""
        read = term_positions(self.searcher, "text", lemma, docnums)
        for docnum, positions in read.items():
            self.cache.put(("positions", lemma, docnum), positions)
        return read

    def phrase(self, lemmas: Sequence[str]) -> np.ndarray:
        return self._phrase_mask("text", tuple(lemmas))

    def frequency(self, lemma: str) -> int:
        return int(self.searcher.reader().doc_frequency("text", lemma))

    def correct(
        self, parsed: ParsedQuery, *, guard: bool = True, complete: bool = True
    ) -> tuple[str, ParsedQuery] | None:
        return correct(
            self.searcher,
            parsed,
            lambda form: self._postings("surface", form)[0],
            guard=guard,
            complete=complete,
        )

    def _postings(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """`term_postings`, remembered by the view across requests (search.read_cache)."""
        return self.cache.get(("postings", field, term), lambda: term_postings(self.searcher, field, term))

    # -- BM25F over numpy ------------------------------------------------------------------------------

    def _pseudo_tf(
        self, term: str, fields: tuple[str, ...], weights: Mapping[str, float], once_in_section: bool = False
    ) -> np.ndarray:
        """BM25F's weighted sum of the term's length-normalized frequencies over `fields`; with
        `once_in_section`, a word the section path repeats ("Rupture … rupture conventionnelle
        collective") counts once: a longer path is not more about it."""
        pseudo = np.zeros(self.size)
        for field in fields:
            ids, tf = self._postings(field, term)
            if ids.size:
                if once_in_section and field == "section":
                    tf = np.minimum(tf, 1.0)
                stats = self.stats[field]
                pseudo[ids] += weights[field] * normalized_tf(
                    tf, stats.lengths[ids], stats.average, FIELD_B[field]
                )
        return pseudo

    def _expansion_tf(
        self, tokens: tuple[str, ...], span: tuple[str, ...], fields: Mapping[str, float]
    ) -> tuple[np.ndarray, np.ndarray]:
        """An expansion's pseudo-frequency and hits: it counts only as a whole phrase, and in each field
        only where the typed words are not all there (the concept is credited once, whichever wording
        the version uses); `fields` weighs it in the body and in the headings."""
        pseudo, hits = np.zeros(self.size), np.zeros(self.size, dtype=bool)
        for field, weight in fields.items():
            hit = self._phrase_mask(field, tokens)
            if span:
                hit &= ~self._mask(
                    ("all", field, span),
                    lambda field=field, span=span: wq.And([wq.Term(field, w) for w in span]),
                )
            stats = self.stats[field]
            pseudo += weight * normalized_tf(hit.astype(float), stats.lengths, stats.average, FIELD_B[field])
            hits |= hit
        return pseudo, hits

    def _add(
        self,
        scores: np.ndarray,
        matched: np.ndarray,
        pseudo: np.ndarray,
        k1: float,
        weight: float = 1.0,
        hit: np.ndarray | None = None,
    ) -> None:
        """Add one query term's saturated BM25F score (in place), and mark the versions it matches."""
        hit = pseudo > 0 if hit is None else hit
        if hit.any():
            frequency = self.article_frequency(hit)
            scores += weight * saturate(pseudo, idf(frequency, max(self.articles, 1)), k1)
            matched |= hit

    def article_frequency(self, hit: np.ndarray) -> int:
        """How many articles have a version among `hit` (the document frequency, see the module doc)."""
        return int(np.count_nonzero(np.bincount(self.article_of[hit], minlength=self.articles)))

    def _phrase_mask(self, field: str, tokens: tuple[str, ...]) -> np.ndarray:
        if len(tokens) == 1:
            return self._mask(("term", field, tokens), lambda: wq.Term(field, tokens[0]))
        docs = self.cache.get(("phrase", field, tokens), lambda: self._phrase_docs(field, tokens))
        mask = np.zeros(self.size, dtype=bool)
        mask[docs] = True
        return mask

    def _phrase_docs(self, field: str, tokens: tuple[str, ...]) -> np.ndarray:
        """The documents where `tokens` stand one after the other in `field`, as Whoosh's `Phrase` (slop
        1) finds them: the documents holding every word, from the remembered postings, and among them
        those where the positions follow. Whoosh's span matching did the same in Python objects: 20 ms a
        phrase of frequent words ("service de prévention et de santé au travail"), the slowest part of a
        question's first search (tests compare the two)."""
        words = sorted(set(tokens), key=lambda word: self._postings(field, word)[0].size)
        docs = self._postings(field, words[0])[0]
        for word in words[1:]:
            if not docs.size:
                break
            docs = np.intersect1d(docs, self._postings(field, word)[0], assume_unique=True)
        if not docs.size:
            return docs
        candidates = docs.tolist()
        positions = {word: term_positions(self.searcher, field, word, candidates) for word in words}
        return np.array(
            [docnum for docnum in candidates if _in_sequence([positions[word][docnum] for word in tokens])],
            dtype=np.int64,
        )

    def _mask(self, key: tuple | None, query: Callable[[], wq.Query]) -> np.ndarray:
        """Bool per document: matches the Whoosh query; its documents are remembered under `key`
        (None: not worth remembering)."""

        def read() -> np.ndarray:
            return np.fromiter(self.searcher.docs_for_query(query()), dtype=np.int64)

        docs = read() if key is None else self.cache.get(key, read)
        mask = np.zeros(self.size, dtype=bool)
        if docs.size:
            mask[docs] = True
        return mask


def _in_sequence(positions: Sequence[Sequence[int]]) -> bool:
    """Whether some position of the first word is followed by the second word's, then the third's…"""
    following = [set(later) for later in positions[1:]]
    return any(
        all(start + offset in later for offset, later in enumerate(following, 1)) for start in positions[0]
    )


def word_coverage(
    has: Mapping[str, np.ndarray], matched: np.ndarray, allowed: np.ndarray
) -> tuple[np.ndarray, tuple[str, ...]]:
    """How many query words each matched document has (`has`: word → the documents that have it or its
    expansion), and the words no matched document has; an empty filter is said as such, not word by
    word."""
    coverage = np.zeros(allowed.size, dtype=np.int16)
    unmatched = []
    for term, hit in has.items():
        hit = hit & matched
        coverage += hit
        if not hit.any() and allowed.any():
            unmatched.append(term)
    return coverage, tuple(unmatched)

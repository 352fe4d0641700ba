"""The tantivy engine: candidates and matches from tantivy, scores from our own BM25F.

tantivy finds every matching version (boolean query on our analyzed terms, filters on its fast fields)
and ranks them with its BM25 on a boosted query that mirrors our BM25F; the best `RESCORED` of them are
then scored exactly as the Whoosh engine scores them (`search.ranking`, same frequencies, same quantized
field lengths, same idf over the whole index), from the analyzed streams the index stores. So both engines
give the same scores to the versions the next stages look at, and the positions for proximity come from
the same streams. Other matches keep a score of 0: they count in totals and facets, never in the top.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from operator import itemgetter
from pathlib import Path

import numpy as np
import tantivy
from whoosh.support.levenshtein import distance
from whoosh.util.numeric import byte_to_length, length_to_byte

from indexer.schema import TOKEN_SEPARATOR
from indexer.tantivy_index import NEVER, TOKEN_FIELDS, read_frequencies
from search.engine import Retrieved
from search.filters import Where
from search.matching import QueryTerms, expansion_fields, lemma_fields
from search.query import ParsedQuery
from search.ranking import RankingConfig
from search.retrieval import FieldStats
from search.spelling import Clipping, correct_words
from search.tantivy_coverage import word_coverage
from search.tantivy_scoring import CandidateScorer

FREQUENCY_CACHE = 100_000  # article frequencies kept per index generation (see TantivyTable.counted)
RESCORED = 500  # tantivy's best matches scored exactly; the pipeline looks at its top 300
# tantivy's boost of section titles relative to BM25F's weight: with 1.2 for the default 3.0, every version
# of BM25F's top 100 is among tantivy's best 500, on the judged free-text and misspelled queries of the
# default corpus (sums of per-field scores, or other boosts, missed up to 894 of them in the best 300).
SECTION_SCALE = 0.4
Q = tantivy.Query
MUST, SHOULD, MUST_NOT = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot
REGEX_SPECIAL = set("\\.+*?()|[]{}^$#&-~")


def quantized(lengths: np.ndarray) -> np.ndarray:
    """Field lengths as Whoosh keeps them (one byte per document), so BM25F is the same on both engines."""
    table = {n: byte_to_length(length_to_byte(n)) for n in np.unique(lengths).tolist()}
    return np.fromiter((table[n] for n in lengths.tolist()), dtype=np.float64, count=lengths.size)


class TantivyTable:
    """One opened tantivy index: its searcher, the address of each document number, the field stats."""

    def __init__(self, index: tantivy.Index, directory: Path) -> None:
        self.index = index
        self.frequencies = read_frequencies(directory)  # lemma → articles (body or section titles)
        # Article frequencies the build's table does not hold (a word on the body alone, as a question
        # searches it; an expansion phrase; a surface form), counted once per generation: listing a
        # broad word's matches takes milliseconds on all codes, and the same words come back.
        self.counted: dict[tuple[object, ...], int] = {}
        self.schema = index.schema
        self.searcher = index.searcher()
        size = self.searcher.num_docs
        hits = self.hits(Q.all_query(), size) if size else []
        self.addresses = [address for _, address in hits]
        self.stats: dict[str, FieldStats] = {}
        for field in TOKEN_FIELDS:
            raw = np.asarray(
                self.searcher.fast_field_values(f"{field}_length", self.addresses), dtype=np.int64
            )
            # Per-document lengths quantized as Whoosh stores them, the average exact (as the Whoosh
            # engine takes it from Whoosh's total): the same BM25F on both engines.
            self.stats[field] = FieldStats(quantized(raw), float(raw.mean()) if size else 1.0)
        # The same lengths as Python floats: scoring a few hundred candidates reads them one by one.
        self.lengths = {field: stats.lengths.tolist() for field, stats in self.stats.items()}

    def hits(self, query: tantivy.Query, limit: int) -> list[tuple[int, tantivy.DocAddress]]:
        """(document number, address) of up to `limit` matches, in document-number order."""
        result = self.searcher.search(
            query, limit, count=False, order_by_field="docnum", order=tantivy.Order.Asc
        )
        return result.hits

    def engine(self, article_of: np.ndarray) -> TantivyEngine:
        return TantivyEngine(self, article_of)


class TantivyEngine:
    """`search.engine.Engine` over one tantivy searcher, for one request (it caches streams it read)."""

    def __init__(self, table: TantivyTable, article_of: np.ndarray) -> None:
        self.table = table
        self.article_of = article_of  # article number (0..A-1) of each document
        self.articles = int(article_of.max()) + 1 if article_of.size else 0
        self.searcher = table.searcher
        self.schema = table.schema
        self.size = len(table.addresses)
        self._stored: dict[int, dict[str, str]] = {}
        self._tokens: dict[tuple[int, str], list[str]] = {}

    # -- the Engine interface --------------------------------------------------------------------------

    def retrieve(
        self, terms: QueryTerms, allowed: np.ndarray, config: RankingConfig, where: Where | None = None
    ) -> Retrieved:
        if terms.is_empty:
            return Retrieved.nothing(allowed.size)
        weights = config.field_weights
        query = self._query(terms, config, where)
        top = self.searcher.search(query, max(RESCORED, 1), count=True)
        matched = np.zeros(allowed.size, dtype=bool)
        if top.count > len(top.hits):
            matched[self.docnums(query, top.count)] = True
        ranked = [address for _, address in top.hits]
        docnums = self.searcher.fast_field_values("docnum", ranked) if ranked else []
        matched[docnums] = True
        matched &= allowed
        scores = np.zeros(allowed.size)
        if docnums:
            scorer = CandidateScorer(self, terms, config, weights)
            scores[docnums] = scorer.scores(docnums)
        coverage, unmatched, words = word_coverage(self, terms, config, where, matched, allowed)
        return Retrieved(np.where(matched, scores, 0.0), matched, coverage, unmatched, words)

    def count(self, query: tantivy.Query) -> int:
        return self.searcher.search(query, 1, count=True).count

    def docnums(self, query: tantivy.Query, count: int) -> np.ndarray:
        """The document numbers of the `count` matches of `query`."""
        hits = self.table.hits(query, count)
        return np.fromiter(map(itemgetter(0), hits), dtype=np.int64, count=len(hits))

    def matches(self, query: tantivy.Query) -> np.ndarray:
        """Bool per document: matches `query`."""
        mask = np.zeros(len(self.table.addresses), dtype=bool)
        count = self.count(query)
        if count:
            mask[self.docnums(query, count)] = True
        return mask

    def positions(self, lemmas: Sequence[str], docnums: Collection[int]) -> dict[int, dict[str, list[int]]]:
        wanted = set(lemmas)
        found: dict[int, dict[str, list[int]]] = {}
        for docnum in docnums:
            at: dict[str, list[int]] = {}
            for position, token in enumerate(self.stream(docnum, "text")):
                if token in wanted:
                    at.setdefault(token, []).append(position)
            found[docnum] = at
        return found

    def phrase(self, lemmas: Sequence[str]) -> np.ndarray:
        return self.matches(self.phrase_query("text", tuple(lemmas)))

    def frequency(self, lemma: str) -> int:
        return int(self.searcher.doc_freq("text", lemma))

    def correct(
        self, parsed: ParsedQuery, *, guard: bool = True, complete: bool = True
    ) -> tuple[str, ParsedQuery] | None:
        """`search.spelling.correct_words` over tantivy's term dictionary of the surface stream."""
        holding: dict[str, np.ndarray] = {}

        def together(one: str, other: str) -> int:
            for form in (one, other):
                if form not in holding:
                    holding[form] = self.matches(self.term("surface", form))
            return int(np.count_nonzero(holding[one] & holding[other]))

        return correct_words(
            parsed,
            lambda form: self.searcher.doc_freq("surface", form),
            self._within,
            guard=guard,
            complete=self._completions if complete else None,
            clipped=Clipping(self.frequency, together),
        )

    def _completions(self, form: str) -> list[str]:
        """The known forms that begin with `form`."""
        return [term for term, _ in self.searcher.terms_with_prefix("surface", form)]

    # -- pieces ----------------------------------------------------------------------------------------

    def stored(self, docnum: int, field: str) -> str:
        """A document's analyzed stream as stored (newline-joined tokens), read once per request."""
        stored = self._stored.get(docnum)
        if stored is None:
            document = self.searcher.doc(self.table.addresses[docnum])
            stored = self._stored[docnum] = {name: document.get_first(name) or "" for name in TOKEN_FIELDS}
        return stored[field]

    def stream(self, docnum: int, field: str) -> list[str]:
        """The analyzed tokens of a document's field, as indexed (split once per request)."""
        key = (docnum, field)
        tokens = self._tokens.get(key)
        if tokens is None:
            stored = self.stored(docnum, field)
            tokens = self._tokens[key] = stored.split(TOKEN_SEPARATOR) if stored else []
        return tokens

    def article_frequency(self, query: tantivy.Query, key: tuple[object, ...] | None = None) -> int:
        """How many articles have a version matching `query` (BM25F's document frequency, counted in
        articles as `search.retrieval` explains), from the full list of its matches; with `key` (what
        the query is, in values), counted once per index generation."""
        if key is None:
            return self._article_frequency(query)
        counted = self.table.counted
        frequency = counted.get(key)
        if frequency is None:
            if len(counted) >= FREQUENCY_CACHE:
                counted.clear()
            frequency = counted[key] = self._article_frequency(query)
        return frequency

    def _article_frequency(self, query: tantivy.Query) -> int:
        count = self.searcher.search(query, 1, count=True).count
        if not count:
            return 0
        docnums = np.fromiter((docnum for docnum, _ in self.table.hits(query, count)), dtype=np.int64)
        return int(np.unique(self.article_of[docnums]).size)

    def term(self, field: str, value: str) -> tantivy.Query:
        return Q.term_query(self.schema, field, value)

    def phrase_query(self, field: str, tokens: Sequence[str]) -> tantivy.Query:
        if len(tokens) == 1:
            return self.term(field, tokens[0])
        return Q.phrase_query(self.schema, field, list(tokens))

    def expansion(self, tokens: Sequence[str], span: Sequence[str], fields: Sequence[str]) -> tantivy.Query:
        """The expansion phrase in any of `fields`, each where the typed words are not all there (see
        WhooshEngine._expansion_tf)."""
        queries = []
        for field in fields:
            phrase = self.phrase_query(field, tokens)
            if span:
                every = Q.boolean_query([(MUST, self.term(field, lemma)) for lemma in span])
                phrase = Q.boolean_query([(MUST, phrase), (MUST_NOT, every)])
            queries.append(phrase)
        if len(queries) == 1:
            return queries[0]
        return Q.boolean_query([(SHOULD, query) for query in queries])

    def lemma(
        self, lemma: str, weights: Mapping[str, float], fields: Sequence[str] = ("text", "section")
    ) -> tantivy.Query | None:
        """A lemma on the body or the section titles: the better of the two fields, as BM25F credits a
        term once whichever fields hold it (a sum of per-field BM25 over-rewards section titles)."""
        boosts = {"text": weights["text"], "section": weights["section"] * SECTION_SCALE}
        queries = [
            Q.boost_query(self.term(f, lemma), boost)
            for f, boost in boosts.items()
            if weights[f] > 0 and f in fields
        ]
        return Q.disjunction_max_query(queries, 0.0) if queries else None

    def _query(self, terms: QueryTerms, config: RankingConfig, where: Where | None) -> tantivy.Query:
        """Matches as the Whoosh engine defines them; tantivy's own score (boosted as BM25F weighs the
        fields) only orders the candidates that are then scored exactly."""
        weights = config.field_weights
        should = [
            Q.boost_query(query, terms.typed_weight(lemma, config))
            for lemma in terms.lemmas
            if (query := self.lemma(lemma, weights, lemma_fields(lemma, config, weights))) is not None
        ]
        expansions = zip(terms.expansion_phrases, terms.spans(), terms.expansion_weights(config), strict=True)
        fields = tuple(expansion_fields(weights, config))
        for tokens, span, weight in expansions:
            should.append(Q.boost_query(self.expansion(tokens, span, fields), weight))
        if weights["surface"] > 0:
            should += [Q.boost_query(self.term("surface", f), weights["surface"]) for f in terms.surface]
        free = Q.boolean_query([(SHOULD, query) for query in should]) if should else Q.empty_query()
        clauses = self.restrictions(terms, where)
        clauses.append((SHOULD, free) if terms.phrases else (MUST, free))
        return Q.boolean_query(clauses)

    def restrictions(
        self, terms: QueryTerms, where: Where | None
    ) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        """What a match must (not) have besides the free words: quoted phrases, exclusions, filters."""
        clauses = [(MUST, self.phrase_query("surface", tokens)) for tokens in terms.phrases]
        clauses += [(MUST_NOT, self.term("text", lemma)) for lemma in terms.excluded_lemmas]
        clauses += [(MUST_NOT, self.term("surface", form)) for form in terms.excluded_surface]
        clauses += [(MUST, query) for query in self._filters(where)]
        return clauses

    def _filters(self, where: Where | None) -> list[tantivy.Query]:
        """The filter as native queries: day ranges on fast fields, raw terms, a regex on section titles."""
        if where is None:
            return []
        queries = []
        if where.day is not None:
            day = where.day.toordinal()
            integer = tantivy.FieldType.Integer
            queries.append(Q.range_query(self.schema, "in_force_from", integer, None, day))
            queries.append(Q.range_query(self.schema, "in_force_to", integer, day + 1, NEVER))
        if where.code_id:
            queries.append(self.term("code_id", where.code_id))
        if where.status and (where.day is None or where.day >= date.today()):
            # At a past day the status is the status then (`search.coverage.status_at`), which the
            # stored term does not say: the `allowed` mask filters it.
            queries.append(self.term("status", where.status))
        if where.section:
            pattern = "".join("\\" + c if c in REGEX_SPECIAL else c for c in where.section.casefold())
            queries.append(Q.regex_query(self.schema, "section_titles", f".*{pattern}.*"))
        return [Q.const_score_query(query, 0.0) for query in queries]

    def _within(self, form: str, maxdist: int) -> list[str]:
        """The known forms within `maxdist` edits of `form` sharing its first two letters (lengths are
        compared first, cheaply)."""
        known = self.searcher.terms_with_prefix("surface", form[:2])
        return [
            term
            for term, _ in known
            if term != form and abs(len(term) - len(form)) <= maxdist and distance(term, form) <= maxdist
        ]

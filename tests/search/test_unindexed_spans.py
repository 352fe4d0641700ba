"""An abbreviation the code (almost) never writes: its expansion weighs as the typed words."""

from __future__ import annotations

from dataclasses import replace

from search.matching import UNINDEXED_RATIO, analyze_query, with_unindexed_spans
from search.query import parse_query
from search.ranking import RankingConfig


def _terms():
    return analyze_query(parse_query("fin du CDD"), (("CDD", "contrat de travail à durée déterminée"),))


def test_a_span_far_rarer_than_its_expansion_is_unindexed() -> None:
    counts = {"cdd": 3, "contrat": 900, "travail": 5000, "duree": 800, "determine": 3 * UNINDEXED_RATIO + 1}
    terms = with_unindexed_spans(_terms(), counts.__getitem__)
    assert terms.unindexed_spans == {("cdd",)}
    config = RankingConfig(expansion_weight=0.5, lay_expansion_weight=1.0)
    assert terms.expansion_weights(config) == (1.0,)
    assert terms.expansion_weights(replace(config, unindexed_abbreviations=False)) == (0.5,)


def test_a_span_the_code_uses_keeps_the_lower_weight() -> None:
    counts = {"cdd": 40, "contrat": 900, "travail": 5000, "duree": 800, "determine": 300}
    terms = with_unindexed_spans(_terms(), counts.__getitem__)
    assert terms.unindexed_spans == frozenset()
    assert terms.expansion_weights(RankingConfig(expansion_weight=0.5)) == (0.5,)


def test_a_span_the_index_never_has_is_unindexed_at_once() -> None:
    asked = []

    def frequency(lemma: str) -> int:
        asked.append(lemma)
        return 0

    assert with_unindexed_spans(_terms(), frequency).unindexed_spans == {("cdd",)}
    assert asked == ["cdd"]  # the expansion's words are not even looked up


def test_a_lay_wording_weighs_as_typed_words_whatever_the_counts() -> None:
    lay = replace(_terms(), expansion_spans=((),))
    assert lay.expansion_weights(RankingConfig(lay_expansion_weight=0.9, expansion_weight=0.5)) == (0.9,)

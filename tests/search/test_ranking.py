"""The pure scoring functions, checked against direct computations."""

from __future__ import annotations

import math

import numpy as np
import pytest

from search import ranking


def test_minimal_span_is_the_smallest_window_with_every_term() -> None:
    assert ranking.minimal_span([[1, 20], [3, 22], [30, 21]]) == 3  # 20, 21, 22
    assert ranking.minimal_span([[5], []]) is None


def test_proximity_bonus_rewards_adjacent_terms_and_all_terms() -> None:
    adjacent = ranking.proximity_bonus([[4], [5], [6]])
    apart = ranking.proximity_bonus([[4], [10], [14]])
    partial = ranking.proximity_bonus([[4], [5], []])
    assert adjacent == 1.0
    assert 0 < apart < adjacent
    assert 0 < partial < adjacent
    assert ranking.proximity_bonus([[1, 2, 3]]) == 0.0


def test_reference_score_decays_with_distance() -> None:
    assert [ranking.reference_score(d) for d in (0, 1, 2)] == [1.0, 0.5, 0.25]


def test_cited_articles_outrank_everything_in_order() -> None:
    best_text = ranking.combine(1.0, 1.0, 1.0, 1.0)
    assert ranking.cited_score(0) > ranking.cited_score(1) > best_text


def test_components_can_be_switched_off() -> None:
    off = ranking.RankingConfig(proximity=False, references=False, rerank=False)
    assert ranking.combine(0.5, 1.0, 1.0, 1.0, off) == 0.5
    assert ranking.combine(0.5, 1.0, 0.0, 0.0) > 0.5


def test_bm25f_matches_the_textbook_formula() -> None:
    tf = np.array([1.0, 3.0])
    lengths = np.array([10.0, 40.0])
    average = 20.0
    pseudo = ranking.normalized_tf(tf, lengths, average, 0.75)
    scores = ranking.saturate(pseudo, ranking.idf(2, 100), k1=1.2)
    for i in range(2):
        norm = tf[i] / (1 - 0.75 + 0.75 * lengths[i] / average)
        expected = math.log(1 + (100 - 2 + 0.5) / (2 + 0.5)) * norm / (1.2 + norm)
        assert scores[i] == pytest.approx(expected)

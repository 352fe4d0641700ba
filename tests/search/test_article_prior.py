"""The general rule before its details: the prior on an article's place in the code's numbering."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from written_corpus import served, single_version

from corpus.model import Code
from search.article_prior import article_factor, with_article_prior
from search.candidates import Candidate, Pool
from search.ranking import RankingConfig
from search.service import SearchRequest

CONFIG = RankingConfig(regulatory_factor=0.5, chapter_opening_factor=2.0)


@pytest.mark.parametrize(
    ("number", "factor"),
    [
        ("L1234-5", 1.0),  # a statute's article inside its chapter
        ("L1234-1", 2.0),  # the opening article of a chapter
        ("R1234-5", 0.5),  # a decree's article
        ("D1234-1", 1.0),  # a decree opening its chapter: both factors
        ("L1237-19-1", 1.0),  # an article inserted after L1237-19 opens nothing
        ("L1237-11", 1.0),  # ends with 1, but is the eleventh
        ("1240", 1.0),  # a code without parts (Code civil)
        ("1240-1", 1.0),
    ],
)
def test_article_factor_follows_part_and_place(number: str, factor: float) -> None:
    assert article_factor(number, CONFIG) == pytest.approx(factor)


def _pool(*keys: str) -> Pool:
    candidates = tuple(Candidate(key, docnum, text=1.0) for docnum, key in enumerate(keys))
    return Pool(candidates, np.ones(len(keys), dtype=bool))


def test_prior_multiplies_text_scores_only() -> None:
    pool = _pool("C:R10-2", "C:L10-2", "C:L10-1")
    scored = {c.key: c.text for c in with_article_prior(pool, CONFIG).candidates}
    assert scored == {"C:R10-2": 0.5, "C:L10-2": 1.0, "C:L10-1": 2.0}


def test_prior_switched_off_leaves_the_pool() -> None:
    pool = _pool("C:R10-2", "C:L10-1")
    assert with_article_prior(pool, replace(CONFIG, article_prior=False)) is pool


def test_a_question_takes_its_own_chapter_opening_factor(tmp_path) -> None:
    """A question in words weighs a chapter's opening article by question_chapter_opening_factor, a
    query that is no question by chapter_opening_factor."""
    code = Code("LEGITEXT000000000079", "Code d'essai des balises")
    text = "Le gardien tient le registre des balises."
    articles = [single_version(code, f"ESSAIBALISE{n}", n, text) for n in ("L1111-1", "L1111-2")]
    with served(tmp_path, [(code, articles)]) as service:
        config = replace(
            service.ranking,
            chapter_opening_factor=0.5,
            question_chapter_opening_factor=1.0,
            section_opening_weight=0.0,
            same_text_similarity=0.0,
            authority_weight=0.0,
        )

        def order(query: str) -> list[str]:
            request = SearchRequest(query=query, highlight=False)
            return [hit.article for hit in service.search(request, ranking_config=config).hits]

        assert order("registre des balises") == ["L1111-2", "L1111-1"]
        assert order("comment tenir le registre des balises ?") == ["L1111-1", "L1111-2"]  # a tie: key order

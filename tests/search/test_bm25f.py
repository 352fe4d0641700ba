"""Our BM25F (numpy over Whoosh postings, search.retrieval) against Whoosh's own BM25F, on the written
corpus (tests/search/written_corpus.py).

On one field the two are the same function of term frequency and length, up to a factor per term:
Whoosh scores idf_w · tf·(k1+1) / (tf + k1·norm), we score idf · tf / (tf + k1·norm), with the same
norm = 1 − b + b·length/average. The factor differs because (1) Whoosh multiplies by (k1+1), which changes
no order; (2) Whoosh's idf is log(N/(df+1)) + 1 over versions, ours is Robertson–Spärck Jones over articles
(see search.retrieval's docstring for why articles). So for each term, our score divided by Whoosh's is
the same constant for every version, and that constant is exactly the ratio of those two idfs.

On several fields they differ by design: Whoosh saturates each field's frequency apart and adds the
results, while BM25F (ours) adds the weighted, length-normalized frequencies first and saturates once, so a
term repeated in the title and the body is not counted as two independent pieces of evidence.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from whoosh import query as wq
from whoosh.scoring import BM25F

from indexer.location import current_directory, current_target
from search import ranking
from search.index_view import IndexView
from search.matching import analyze_query
from search.query import parse_query

TEXT_ONLY = ranking.RankingConfig(section_weight=0.0, surface_weight=0.0)


@pytest.fixture(scope="module")
def view(written_home: Path):
    opened = IndexView(
        current_directory(written_home / "index"), current_target(written_home / "index") or ""
    )
    yield opened
    opened.close()


@pytest.mark.parametrize("word", ["gestes", "indemnité", "salarié", "dossier", "répétés"])
def test_one_field_scores_are_whooshs_bm25f_up_to_the_idf(view: IndexView, word: str) -> None:
    (lemma,) = analyze_query(parse_query(word)).lemmas
    allowed = np.ones(len(view.rows), dtype=bool)
    with view.engine() as engine:
        ours = engine.retrieve(analyze_query(parse_query(word)), allowed, TEXT_ONLY).scores
        theirs = np.zeros_like(ours)
        hit = np.zeros(len(view.rows), dtype=bool)
        weighting = BM25F(B=ranking.B_TEXT, K1=TEXT_ONLY.k1)
        with view.index.searcher(weighting=weighting) as searcher:
            for result in searcher.search(wq.Term("text", lemma), limit=None):
                theirs[result.docnum] = result.score
                hit[result.docnum] = True
            their_idf = searcher.idf("text", lemma)
        our_idf = ranking.idf(engine.article_frequency(hit), len(view.by_article))
    assert hit.sum() >= 2  # a comparison needs several versions
    assert np.array_equal(ours > 0, hit)
    factor = our_idf / (their_idf * (TEXT_ONLY.k1 + 1))
    np.testing.assert_allclose(ours[hit], theirs[hit] * factor, rtol=1e-9)


def test_document_frequency_counts_articles_not_versions(view: IndexView) -> None:
    # "tonalité" is in both versions of L10-1 and nowhere else: one article.
    hit = np.array([row.article_key.endswith(":L10-1") for row in view.rows])
    with view.engine() as engine:
        assert hit.sum() == 2
        assert engine.article_frequency(hit) == 1

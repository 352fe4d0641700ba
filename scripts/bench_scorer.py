"""Whoosh's own BM25F scorer against ours (numpy over Whoosh's postings, search.retrieval) on the same
index and the same analyzed queries: the README's reason for scoring with numpy. Prints figures; not a test.

For each free-text query of scripts/bench_search.py, analyzed as the service analyzes it, times
  - ours: `WhooshEngine.retrieve` — every matching version scored, text and section fields (BM25F);
  - Whoosh top 300: `searcher.search(Or of the lemmas on text and section, limit=300)` with
    `scoring.BM25F` (the candidates the pipeline keeps; Whoosh's block-max pruning applies);
  - Whoosh all: the same with `limit=None` (every match scored, like ours: what exact totals and facets
    need).
Each query is timed best of --repeat runs (the machine is shared); p50 and mean over the queries.

    .venv/bin/python scripts/bench_scorer.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def best_of(repeat: int, run) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per query; the best counts")
    args = parser.parse_args(argv)

    import numpy as np
    from bench_search import FREE_TEXT
    from whoosh import query as wq
    from whoosh.scoring import BM25F

    from search import ranking
    from search.matching import analyze_query
    from search.query import parse_query
    from search.service import SearchService

    service = SearchService.open()
    view = service._current_view()
    config = ranking.RankingConfig()
    allowed = np.ones(len(view.rows), dtype=bool)
    weighting = BM25F(B=ranking.B_TEXT, K1=ranking.K1, section_B=ranking.B_SECTION)
    timings: dict[str, list[float]] = {
        "ours (every match)": [],
        "Whoosh top 300": [],
        "Whoosh every match": [],
    }
    with view.engine() as engine, view.index.searcher(weighting=weighting) as searcher:
        for text in FREE_TEXT:
            terms = analyze_query(parse_query(text))
            query = wq.Or(
                [
                    wq.Term(field, lemma, boost=config.field_weights[field])
                    for lemma in terms.lemmas
                    for field in ("text", "section")
                ]
            )
            timings["ours (every match)"].append(
                best_of(args.repeat, lambda t=terms: engine.retrieve(t, allowed, config))
            )
            timings["Whoosh top 300"].append(
                best_of(args.repeat, lambda q=query: searcher.search(q, limit=300))
            )
            timings["Whoosh every match"].append(
                best_of(args.repeat, lambda q=query: searcher.search(q, limit=None))
            )
    print(f"{len(FREE_TEXT)} free-text queries, {len(view.rows)} versions indexed, best of {args.repeat}")
    for label, values in timings.items():
        print(f"{label:20} p50 {statistics.median(values):7.1f} ms   mean {statistics.mean(values):7.1f} ms")
    service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

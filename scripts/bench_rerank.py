"""Time the citation-graph re-rank (search.graph.rerank) on real candidate sets.

Runs the free-text judgments through the search service once, capturing each call the pipeline makes to
the re-rank (the top candidates' text scores and the citation graph in force), then times the re-rank
alone on every captured call: best of N runs per call (the machine is shared), p50 / p95 / max over calls.
Both subgraph choices are timed: the candidates' own links (default) and candidates plus every neighbour.

    .venv/bin/python scripts/bench_rerank.py [--depth 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--depth", type=int, default=100, help="candidates re-ranked (RankingConfig)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per call; the best counts")
    args = parser.parse_args(argv)

    import eval_search

    import search.candidates as candidates_module
    from search.graph import rerank
    from search.service import SearchService

    captured: list[tuple[dict[str, float], object]] = []

    def capture(seeds, graph, **options):
        captured.append((dict(seeds), graph))
        return rerank(seeds, graph, **options)

    service = SearchService.open()
    config = replace(service.ranking, rerank=True, rerank_depth=args.depth)
    candidates_module.rerank = capture  # instruments the final-score stage's call (search.candidates)
    judged = [item for item in eval_search.load_judgments() if item.group == "free_text"]
    eval_search.evaluate(eval_search.system_runner(service, config), judged)
    if not captured:
        print("the service made no re-rank call (is RankingConfig.rerank wired?)", file=sys.stderr)
        return 1

    sizes = [len(seeds) for seeds, _ in captured]
    print(f"{len(captured)} re-rank calls, candidates per call: median {statistics.median(sizes):g}")
    for label, options in (("candidates' own links", {}), ("plus every neighbour", {"outside_min_links": 1})):
        timings = []
        for seeds, graph in captured:
            best = float("inf")
            for _ in range(args.repeat):
                started = time.perf_counter()
                rerank(seeds, graph, **options)
                best = min(best, time.perf_counter() - started)
            timings.append(best * 1000)
        print(
            f"{label:24} p50 {percentile(timings, 0.5):.2f} ms  p95 {percentile(timings, 0.95):.2f} ms  "
            f"max {max(timings):.2f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

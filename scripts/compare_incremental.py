"""Does an incrementally updated index answer as a full rebuild of the same store? Hits and scores of
scripts/bench_search.py's queries on two homes holding the same store: one updated, one rebuilt.

    nice -n 10 .venv/bin/python scripts/compare_incremental.py UPDATED_HOME REBUILT_HOME

Prints how many queries give the same hits (article, version, score to 1e-9) in the same order, how many
the same articles with the same scores in another order (equal scores met in another document order),
and the first differences otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def answers(home: Path, requests: list) -> list[list[tuple[str, str, float]]]:
    from search.service import SearchService

    service = SearchService.open(home, build_if_missing=False, progress=False)
    try:
        found = []
        for request in requests:
            hits = service.search(request).hits
            found.append([(hit.article_key, hit.version_id, round(hit.score, 9)) for hit in hits])
        return found
    finally:
        service.close()


def main() -> None:
    from dataclasses import replace

    from bench_search import queries

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("updated", type=Path)
    parser.add_argument("rebuilt", type=Path)
    args = parser.parse_args()
    requests = [replace(request, highlight=False) for request in queries()]
    updated, rebuilt = answers(args.updated, requests), answers(args.rebuilt, requests)
    same = sum(a == b for a, b in zip(updated, rebuilt, strict=True))
    reordered = sum(a != b and sorted(a) == sorted(b) for a, b in zip(updated, rebuilt, strict=True))
    print(f"queries: {len(requests)}, same hits and scores: {same}, same set in another order: {reordered}")
    shown = 0
    for request, a, b in zip(requests, updated, rebuilt, strict=True):
        if sorted(a) != sorted(b) and shown < 5:
            shown += 1
            print(f"- {request.query!r} (at={request.at}, all={request.all_versions}, code={request.code})")
            print(f"  updated: {a[:5]}\n  rebuilt: {b[:5]}")


if __name__ == "__main__":
    main()

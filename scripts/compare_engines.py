"""Parity of the two engines on real queries: the same judged queries through a Whoosh home and a
tantivy home built from the same store. Prints figures; not a test.

    LEXSEARCH_HOME is not used: give both homes (each with its store and its index).
    nice -n 10 .venv/bin/python scripts/compare_engines.py --whoosh HOME_W --tantivy HOME_T

Judgments: the project's own (tests/data/judgments, by group) and, when present in ../shared, the CDTN
pre-qualified development set (1,049 queries under 52 requests; read, never copied). On the dev set the
settings of CV_GRID are cross-validated by group (5 folds, fold = crc32(group) % 5, a setting chosen on
four folds answers the fifth), per engine. Also printed: how many queries get a different top 10.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_search import Judged, evaluate, load_judgments, mrr, ndcg, system_runner, with_field  # noqa: E402

from search.service import SearchService  # noqa: E402

DEV = next(
    (
        folder / "shared" / "judgments" / "cdtn_prequalified_dev.jsonl"
        for folder in (ROOT.parent, ROOT.parent.parent)
        if (folder / "shared" / "judgments" / "cdtn_prequalified_dev.jsonl").exists()
    ),
    None,
)
FOLDS = 5
CV_GRID = ("", "rerank_weight=0.15", "rerank_weight=0.5", "proximity_weight=0.2", "proximity_weight=0.8")


def load_dev(path: Path) -> list[Judged]:
    judged = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            record = json.loads(line)
            grades = dict.fromkeys(record["relevant"], 1)
            judged.append(
                Judged(str(record["qid"]), str(record["group"]), record["query"], False, None, False, grades)
            )
    return judged


def dev_metrics(service: SearchService, judged: list[Judged], setting: str) -> dict[str, tuple]:
    """qid → (nDCG@10, MRR@10, top-10 article numbers) under one RankingConfig setting."""
    ranking = with_field(service.ranking, setting) if setting else service.ranking
    run = system_runner(service, ranking)
    found = {}
    for item in judged:
        articles = tuple(dict.fromkeys(run(item).articles))[:10]
        found[item.qid] = (ndcg(articles, item.grades), mrr(articles, item.grades), articles)
    return found


def cross_validated(variants: dict[str, dict[str, tuple]], judged: list[Judged]) -> tuple[float, float, list]:
    answered, chosen = {}, []
    for fold in range(FOLDS):
        train = [i.qid for i in judged if zlib.crc32(i.group.encode()) % FOLDS != fold]
        best = max(variants, key=lambda name: sum(variants[name][q][0] for q in train) / len(train))
        chosen.append(best or "default")
        for item in judged:
            if zlib.crc32(item.group.encode()) % FOLDS == fold:
                answered[item.qid] = variants[best][item.qid]
    count = len(answered)
    return sum(v[0] for v in answered.values()) / count, sum(v[1] for v in answered.values()) / count, chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--whoosh", type=Path, required=True, help="home with a Whoosh index")
    parser.add_argument("--tantivy", type=Path, required=True, help="home with a tantivy index")
    parser.add_argument("--no-dev", action="store_true", help="only the project's own judgments")
    parser.add_argument(
        "--grid",
        nargs="*",
        default=list(CV_GRID),
        help="settings cross-validated on the dev set ('' = default)",
    )
    args = parser.parse_args()
    services = {
        name: SearchService.open(home, build_if_missing=False, progress=False)
        for name, home in (("whoosh", args.whoosh), ("tantivy", args.tantivy))
    }
    own = load_judgments()
    dev = load_dev(DEV) if DEV and not args.no_dev else []
    runs: dict[str, dict] = {}
    for name, service in services.items():
        started = time.perf_counter()
        assert service._current_view().meta.engine == name, f"{name}: the home's index is not {name}"
        result = {"own": evaluate(system_runner(service), own)}
        if dev:
            variants = {setting: dev_metrics(service, dev, setting) for setting in args.grid}
            result["dev"] = variants
            result["dev_cv"] = cross_validated(variants, dev)
        runs[name] = result
        print(f"{name}: evaluated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print("own judgments (nDCG@10 / R@10 / MRR@10 per group; past wording: judged version in a top-10 row):")
    for name, result in runs.items():
        for group, figures in sorted(result["own"]["means"].items()):
            print(f"  {name:8} {group:30} " + " / ".join(f"{value:.4f}" for value in figures))
        print(f"  {name:8} {'past wording found in rows':30} {result['own']['past_found']:.4f}")
    own_whoosh, own_tantivy = (runs[name]["own"]["per_query"] for name in ("whoosh", "tantivy"))
    differ = sum(own_whoosh[q][1].versions != own_tantivy[q][1].versions for q in own_whoosh)
    print(f"  queries whose top 10 (versions) differ between engines: {differ} of {len(own_whoosh)}")
    if dev:
        print(f"CDTN dev set ({len(dev)} queries), {FOLDS}-fold group CV over {args.grid}:")
        for name, result in runs.items():
            ndcg_cv, mrr_cv, chosen = result["dev_cv"]
            default = result["dev"][""]
            plain = sum(v[0] for v in default.values()) / len(dev)
            print(
                f"  {name:8} nDCG@10 CV {ndcg_cv:.4f}  MRR@10 CV {mrr_cv:.4f}  default nDCG@10 {plain:.4f}  chosen {chosen}"
            )
        differ = sum(
            runs["whoosh"]["dev"][""][q][2] != runs["tantivy"]["dev"][""][q][2]
            for q in runs["whoosh"]["dev"][""]
        )
        print(f"  queries whose top 10 differ between engines (default settings): {differ} of {len(dev)}")
    for service in services.values():
        service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

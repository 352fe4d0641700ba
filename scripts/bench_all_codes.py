"""All of French codified law: ingest the all-codes export into the default store and print the figures.

    nice -n 10 .venv/bin/python scripts/bench_all_codes.py [--bundle PATH] [--work DIR] [--json]

Steps, one function each: the default store (Code du travail from the committed artifact) is built in
a work folder, then `ingest_step` adds the export in a child process measured by /usr/bin/time -v (wall
time, peak RSS), then `store_step` counts codes, articles, versions, versions with text, anomalies by
kind, coverage gaps, and the store's size on disk, then `index_step` builds the index (`--engine`,
tantivy by default) and `search_step` runs scripts/bench_search.py's queries on it (p50/p95 of search +
rerank, resident memory), then `incremental_step` applies a synthetic newer snapshot of the Code du
travail changing ~1 % of all versions (`synthetic_snapshot`, through the store's own `replace_code`, as
`corpus add` does) and times the incremental index update next to the full build. The machine's load
(`uptime`) is printed with the figures: timings under load are noisy.

    nice -n 10 .venv/bin/python scripts/bench_all_codes.py --reuse DIR [--no-full] [--no-search]

reuses the store DIR/corpus.sqlite3 (and its index DIR/index) instead of ingesting: the full build, then
the incremental update (`--no-full`: the incremental update of the index already there).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

# ../shared beside the checkout (or beside the folder of worktrees)
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT.parent
)
DEFAULT_BUNDLE = SHARED / "corpora" / "all-codes-to-2015.bundle"


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def default_store_step(context: dict) -> dict:
    """The store a fresh machine starts with: the Code du travail from the committed artifact."""
    from corpus.ingest import ensure_default_store

    started = time.perf_counter()
    ensure_default_store(context["store"], progress=False).close()
    return {"default_store_seconds": round(time.perf_counter() - started, 1)}


def ingest_step(context: dict) -> dict:
    """`corpus add` of the export into that store, in a child process measured by /usr/bin/time -v."""
    command = ["/usr/bin/time", "-v", sys.executable, __file__, "--child-ingest", str(context["store"])]
    command.append(str(context["bundle"]))
    load_before = load()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"ingest failed:\n{done.stderr[-3000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", done.stderr)[1]
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[1])
    cpu = sum(
        float(re.search(rf"{kind} time \(seconds\): (\S+)", done.stderr)[1]) for kind in ("User", "System")
    )
    parts = [float(part) for part in wall.split(":")]
    seconds = sum(part * 60**power for power, part in enumerate(reversed(parts)))
    return {
        "ingest_seconds": round(seconds, 1),
        "ingest_cpu_seconds": round(cpu, 1),  # python and git together: less noisy than wall time under load
        "ingest_peak_rss_mib": rss // 1024,
        "load_before_ingest": load_before,
        "load_after_ingest": load(),
        "merges": json.loads(done.stdout.strip().splitlines()[-1]),
    }


def store_step(context: dict) -> dict:
    """What the store holds after the ingest."""
    from corpus.store import Store

    with Store.open(context["store"], create=False) as store:
        summaries = store.summary()
        gaps = {s.code.title: [gap.label for gap in store.coverage_gaps(s.code.code_id)] for s in summaries}
        return {
            "codes": len(summaries),
            "articles": sum(s.articles for s in summaries),
            "versions": sum(s.versions for s in summaries),
            "versions_with_text": sum(s.versions_with_text for s in summaries),
            "anomalies": {kind.value: count for kind, count in store.anomaly_counts().items()},
            "gaps": {title: labels for title, labels in gaps.items() if labels},
            "store_mib": round(Path(context["store"]).stat().st_size / 2**20, 1),
        }


def index_step(context: dict) -> dict:
    """`lexsearch index --engine ENGINE` of that store (tantivy by default: Whoosh needs ~4 min more and
    ~0.65 GB to serve all codes, see ../shared/measurements/search-engines-at-scale.md)."""
    from corpus.store import Store
    from indexer.build import build_index

    load_before = load()
    with Store.open(context["store"], create=False) as store:
        report = build_index(store, Path(context["store"]).parent / "index", engine=context["engine"])
    size = sum(f.stat().st_size for f in report.directory.rglob("*") if f.is_file())
    return {
        "engine": context["engine"],
        "index_seconds": round(report.seconds, 1),
        "index_documents": report.documents,
        "index_mib": round(size / 2**20, 1),
        "load_before_index": load_before,
        "load_after_index": load(),
    }


def search_step(context: dict) -> dict:
    """The queries of scripts/bench_search.py (search + rerank, no highlight) on that index, and the
    service's resident memory once they have run."""
    import statistics

    from bench_search import measure, percentile, queries, resident_mb

    from search.service import SearchService

    service = SearchService.open(Path(context["store"]).parent, build_if_missing=False, progress=False)
    requests = queries()
    measure(service, requests[:20], highlight=True)  # warm-up
    wall, cpu = measure(service, requests, highlight=False)
    figures = {
        "search_queries": len(wall),
        "search_wall_p50_ms": round(statistics.median(wall), 1),
        "search_wall_p95_ms": round(percentile(wall, 0.95), 1),
        "search_cpu_p50_ms": round(statistics.median(cpu), 1),
        "search_cpu_p95_ms": round(percentile(cpu, 0.95), 1),
        "serving_rss_mib": round(resident_mb()),
        "load_after_search": load(),
    }
    service.close()
    return figures


SNAPSHOT_CODE = "Code du travail"
SNAPSHOT_SENTENCE = " Le présent article est complété par une disposition d'essai ({tag})."


def synthetic_snapshot(store: object, share: float, tag: str) -> dict:
    """A newer snapshot of the Code du travail in the store's own terms, changing about `share` of ALL
    versions with text: for every article picked (spread over the code), in turn a new version (the
    previous one then ends: one added, one changed), a reworded version, a moved section, and one
    article in ten of those removed. Applied with `replace_code`, as `corpus add` applies a snapshot."""
    from dataclasses import replace
    from datetime import date

    from corpus.model import Status

    code = next(c for c in store.codes() if c.title == SNAPSHOT_CODE)  # type: ignore[attr-defined]
    articles = list(store.code_history(code))  # type: ignore[attr-defined]
    target = int(share * store.count_versions(with_text=True))  # type: ignore[attr-defined]
    candidates = [a for a in articles if a.versions and a.versions[-1].text]
    step = max(1, int(len(candidates) * 1.3 / max(target, 1)))  # ~1.3 versions change per article
    touched, counts, day = 0, {"added": 0, "changed": 0, "removed": 0}, date(2026, 6, 1)
    replaced: dict[str, object] = {}  # article id → its new state, None when removed
    for i, article in enumerate(candidates[::step]):
        if touched >= target:
            break
        last, kind = article.versions[-1], i % 4
        if kind == 0:
            new = replace(last, version_id=f"{last.version_id}-{tag}", valid_from=day, valid_to=None)
            new = replace(new, text=last.text + SNAPSHOT_SENTENCE.format(tag=tag))
            ended = replace(last, valid_to=day, status=Status.MODIFIED)
            changed = replace(article, versions=(*article.versions[:-1], ended, new))
            counts["added"] += 1
            counts["changed"] += 1
        elif kind == 1:
            reworded = replace(last, text=last.text + SNAPSHOT_SENTENCE.format(tag=tag))
            changed = replace(article, versions=(*article.versions[:-1], reworded))
            counts["changed"] += 1
        elif kind == 2 or i % 40 != 3:
            moved = replace(last, section_path=(*last.section_path[:-1], f"Section d'essai {tag}"))
            changed = replace(article, versions=(*article.versions[:-1], moved))
            counts["changed"] += 1
        else:
            changed = None
            counts["removed"] += sum(1 for v in article.versions if v.text)
        replaced[article.article_id] = changed
        touched = sum(counts.values())
    articles = [replaced.get(a.article_id, a) for a in articles]
    articles = [a for a in articles if a is not None]
    started = time.perf_counter()
    store.replace_code(code, articles, source="synthetic-snapshot")  # type: ignore[attr-defined]
    return {**counts, "replace_code_seconds": round(time.perf_counter() - started, 1)}


def incremental_step(context: dict) -> dict:
    """A synthetic newer snapshot changing ~1 % of the versions, then `lexsearch index`: the incremental
    update, timed, next to the full build time of `index_step`."""
    from corpus.store import Store
    from indexer.incremental import refresh_index

    tag = time.strftime("%Y%m%d%H%M%S")
    with Store.open(context["store"], create=False) as store:
        applied = synthetic_snapshot(store, context.get("share", 0.01), tag)
        load_before = load()
        started = time.perf_counter()
        report = refresh_index(
            store, Path(context["store"]).parent / "index", engine=context["engine"], progress=False
        )
        seconds = time.perf_counter() - started
    changes = report.changes
    return {
        "snapshot_applied": applied,
        "incremental_kind": "full build" if report.build is not None else "incremental",
        "incremental_seconds": round(seconds, 1),
        "incremental_versions_changed": changes.count if changes else None,
        "incremental_versions_detail": (
            {"changed": len(changes.changed), "added": len(changes.added), "removed": len(changes.removed)}
            if changes
            else None
        ),
        "incremental_texts_analyzed": report.analyzed,
        "incremental_phases_seconds": {name: round(seconds, 1) for name, seconds in report.phases},
        "incremental_share_of_full_build": (
            round(seconds / context["index_seconds"], 3) if context.get("index_seconds") else None
        ),
        "load_before_incremental": load_before,
        "load_after_incremental": load(),
    }


# Each step takes the shared context and returns figures; later steps may read earlier figures from it.
STEPS: list[Callable[[dict], dict]] = [
    default_store_step,
    ingest_step,
    store_step,
    index_step,
    search_step,
    incremental_step,
]


def child_ingest(store_path: str, bundle: str) -> None:
    """Runs in the measured child: the same ingest `lexsearch corpus add` runs, merges printed as JSON."""
    from dataclasses import asdict

    from corpus.ingest import ingest_sources
    from corpus.store import Store

    with Store.open(store_path) as store:
        reports = ingest_sources(store, [bundle], progress=False)
    merges = {r.code.title: {**asdict(r.merged), "gaps": list(r.gaps)} for r in reports if r.merged}
    print(json.dumps(merges, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--work", type=Path, help="folder for the store (default: a temporary one)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of lines")
    parser.add_argument("--engine", default="tantivy", help="engine of the index step (whoosh or tantivy)")
    parser.add_argument("--reuse", type=Path, help="folder of an existing store (and index): no ingest")
    parser.add_argument("--no-full", action="store_true", help="with --reuse: keep its index, no full build")
    parser.add_argument("--no-search", action="store_true", help="skip the search step")
    parser.add_argument("--share", type=float, default=0.01, help="share of versions the snapshot changes")
    parser.add_argument("--child-ingest", nargs=2, metavar=("STORE", "BUNDLE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_ingest:
        child_ingest(*args.child_ingest)
        return
    steps = STEPS
    if args.reuse:
        skipped = {default_store_step, ingest_step} | ({index_step} if args.no_full else set())
        steps = [step for step in steps if step not in skipped]
    if args.no_search:
        steps = [step for step in steps if step is not search_step]
    with tempfile.TemporaryDirectory(prefix="bench-all-codes-") as tmp:
        work = args.reuse or args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        store = work / "corpus.sqlite3"
        if not args.reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{store}{suffix}").unlink(missing_ok=True)
        context: dict = {
            "bundle": args.bundle.resolve(),
            "store": store,
            "cpus": os.cpu_count(),
            "engine": args.engine,
            "share": args.share,
        }
        figures: dict = {"bundle": str(args.bundle), "load_at_start": load()}
        for step in steps:
            found = step(context)
            context.update(found)
            figures.update(found)
            if not args.json:
                for key, value in found.items():
                    print(
                        f"{key}: {json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value}"
                    )
        if args.json:
            print(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

"""Measure reading the git-based sources: wall time, peak memory, git processes, what was read.

    .venv/bin/python scripts/measure_git_sources.py [SOURCE…]

Default sources: ../shared/corpora/codes-juridiques-commerce-civil.bundle (git repository of article files)
and ../shared/corpora/archeolex-cpi.bundle (Archéo Lex); the all-codes export
(../shared/corpora/all-codes-to-2015.bundle) is measured when named (scripts/bench_all_codes.py measures
its whole ingest). Each source is read in a fresh process so the
peak memory is its own. With --store, the articles are also written into a throw-away SQLite store.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# ../shared beside the checkout (or beside the folder of worktrees)
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT.parent
)
SHARED = SHARED / "corpora"
DEFAULT_SOURCES = (
    SHARED / "codes-juridiques-commerce-civil.bundle",
    SHARED / "archeolex-cpi.bundle",
)


def measure(source: Path, with_store: bool) -> dict:
    from corpus import allcodes, archeolex, gitrepo
    from corpus.store import Store

    adapter = next((a for a in (archeolex, allcodes, gitrepo) if a.accepts(source)), None)
    if adapter is None:
        return {"source": str(source), "error": "not a git repository of articles, an export or Archéo Lex"}
    started = []
    real_popen = subprocess.Popen

    def popen(args, *rest, **kwargs):
        started.append(args[:4] if isinstance(args, list) else args)
        return real_popen(args, *rest, **kwargs)

    subprocess.Popen = popen  # type: ignore[misc]
    clock, cpu = time.perf_counter(), time.process_time()
    codes, articles, versions, statuses, texts = [], 0, 0, Counter(), set()
    first, last = None, None
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "store.sqlite") if with_store else None
        for code, code_articles in adapter.read(source):
            code_articles = list(code_articles)
            codes.append(code.title)
            articles += len(code_articles)
            for article in code_articles:
                versions += len(article.versions)
                for version in article.versions:
                    statuses[version.status.value] += 1
                    texts.update(amendment.text.text_id for amendment in version.amendments)
                    if version.valid_from is not None:
                        first = min(first or version.valid_from, version.valid_from)
                        last = max(last or version.valid_from, version.valid_from)
            if store is not None:
                store.replace_code(code, code_articles, source=str(source))
        seconds = time.perf_counter() - clock
        if store is not None:
            store.close()
    subprocess.Popen = real_popen  # type: ignore[misc]
    return {
        "source": str(source),
        "adapter": adapter.__name__,
        "seconds": round(seconds, 2),
        "cpu_python": round(time.process_time() - cpu, 2),
        "cpu_git": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime, 2),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "git_processes": len(started),
        "codes": codes,
        "articles": articles,
        "versions": versions,
        "statuses": dict(sorted(statuses.items())),
        "amending_texts": len(texts),
        "first_valid_from": first.isoformat() if first else None,
        "last_valid_from": last.isoformat() if last else None,
        "with_store": with_store,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=list(DEFAULT_SOURCES))
    parser.add_argument("--store", action="store_true", help="also write a throw-away SQLite store")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # child process: measure one source
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.store), ensure_ascii=False))
        return
    for source in args.sources:
        command = [sys.executable, __file__, "--one", str(source)] + (["--store"] if args.store else [])
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{source}: failed\n{done.stderr.strip()}")
            continue
        for key, value in json.loads(done.stdout).items():
            print(f"{key:>17}: {value}")
        print()


if __name__ == "__main__":
    main()

"""Drive ONE shared SearchService from many threads and print throughput, latency and leaks.

    .venv/bin/python scripts/load_test.py                         # 8 threads, 60 s, home = $LEXSEARCH_HOME
    .venv/bin/python scripts/load_test.py --duration 20 --reindex # rebuild the index while serving

Phases: a single-thread run (the reference p95), then N threads sharing the one service for `--duration`
seconds. The query mix is free text, references to articles that exist in the store, dated queries
(`at`) and all-versions queries. Prints queries/s, p50/p95/p99, errors, p95 ratio against single thread
(target ≤ 3×), and the open file descriptors before and after (/proc/self/fd; no growth allowed).

`--reindex` runs `lexsearch index` in a subprocess (same LEXSEARCH_HOME) while the threads query: readers
must never fail, and once the build is done the service must serve from the new index, which this script
checks by watching which index directory the process holds open (/proc/self/fd and /proc/self/maps).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.service import SearchRequest, SearchService  # noqa: E402

FREE_TEXT = (
    "licenciement pour motif économique",
    "durée du congé de maternité",
    "rupture conventionnelle homologation",
    "heures supplémentaires majoration",
    "période d'essai renouvellement",
    "délégué syndical désignation",
    "comité social et économique consultation",
    "harcèlement moral",
    "travail de nuit femme enceinte",
    "indemnité de licenciement calcul",
    "contrat à durée déterminée requalification",
    "repos hebdomadaire dimanche",
    "médecin du travail inaptitude reclassement",
    "salaire minimum smic",
    "apprentissage contrat durée",
    '"motif économique" -faute',
    "licenciment economique",
    "conges payes acquisition",
)

REFERENCE_SHAPES = ("{n}", "article {n}", "art. {n}", "{spaced}", "{n} du code du travail")


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)
    first_errors: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)


def open_fds() -> list[str]:
    """Targets of this process's open file descriptors (Linux)."""
    found = []
    for entry in os.listdir("/proc/self/fd"):
        try:
            found.append(os.readlink(f"/proc/self/fd/{entry}"))
        except OSError:
            continue
    return found


def index_dirs_held(index_root: Path) -> list[str]:
    """Which index directories this process has open or mapped: shows the switch to a rebuilt index."""
    root = str(index_root.resolve())
    held = {p for p in open_fds() if p.startswith(root)}
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            held |= {line.split(maxsplit=5)[-1].strip() for line in maps if root in line}
    except OSError:
        pass
    # A file of a build is <root>/builds/<build>/<file>; anything else (a directory scanned for a moment,
    # the lock file) says nothing about which build serves.
    builds = set()
    for path in held:
        parts = Path(path).relative_to(root).parts
        if len(parts) >= 3 and parts[0] == "builds":
            builds.add(str(Path(root, *parts[:2])))
    return sorted(builds)


def build_mix(service: SearchService, seed: int) -> list[tuple[str, SearchRequest]]:
    """A few hundred requests over the four kinds, references drawn from articles that exist."""
    rng = random.Random(seed)
    numbers = [key.split(":", 1)[1] for key in service.store.article_keys()]
    numbers = [n for n in numbers if n[:1] in "LRD"] or numbers
    mix: list[tuple[str, SearchRequest]] = []
    for _ in range(400):
        kind = rng.choice(("free", "free", "reference", "dated", "all_versions"))
        if kind == "reference":
            number = rng.choice(numbers)
            spaced = f"{number[0]}. {number[1:]}" if number[:1].isalpha() else number
            query = rng.choice(REFERENCE_SHAPES).format(n=number, spaced=spaced)
            mix.append((kind, SearchRequest(query=query)))
        elif kind == "dated":
            day = date(2020, 1, 1) + timedelta(days=rng.randrange(0, (date.today() - date(2020, 1, 1)).days))
            mix.append((kind, SearchRequest(query=rng.choice(FREE_TEXT), at=day)))
        elif kind == "all_versions":
            mix.append((kind, SearchRequest(query=rng.choice(FREE_TEXT), all_versions=True)))
        else:
            mix.append((kind, SearchRequest(query=rng.choice(FREE_TEXT))))
    return mix


def drive(
    service: SearchService,
    mix: list,
    stop_at: float,
    tally: Tally,
    lock: threading.Lock,
    seed: int,
    think: float = 0.0,
) -> None:
    rng = random.Random(seed)
    latencies, errors, kinds, first = [], Counter(), Counter(), []
    by_kind: dict[str, list[float]] = {}
    while time.monotonic() < stop_at:
        if think:
            time.sleep(rng.expovariate(1 / think))  # a user reading results before the next query
        kind, request = rng.choice(mix)
        started = time.perf_counter()
        try:
            results = service.search(request)
            if results.total < 0:
                raise AssertionError("negative total")
        except Exception as error:  # counted, reported, never hidden
            errors[type(error).__name__] += 1
            if len(first) < 5:
                first.append(f"{kind} {request.query!r}: {type(error).__name__}: {error}")
            continue
        latencies.append(time.perf_counter() - started)
        by_kind.setdefault(kind, []).append(latencies[-1])
        kinds[kind] += 1
    with lock:
        tally.latencies += latencies
        for kind, values in by_kind.items():
            tally.by_kind.setdefault(kind, []).extend(values)
        tally.errors += errors
        tally.kinds += kinds
        tally.first_errors += first


def run_phase(
    service: SearchService, mix: list, threads: int, seconds: float, think: float = 0.0
) -> tuple[Tally, float]:
    tally, lock = Tally(), threading.Lock()
    stop_at = time.monotonic() + seconds
    workers = [
        threading.Thread(target=drive, args=(service, mix, stop_at, tally, lock, seed, think), daemon=True)
        for seed in range(threads)
    ]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return tally, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def describe(name: str, tally: Tally, elapsed: float) -> float:
    ms = [v * 1000 for v in tally.latencies]
    p95 = percentile(ms, 95)
    print(
        f"{name:14} {len(ms):6d} ok  {len(ms) / elapsed:7.1f} q/s  p50 {percentile(ms, 50):7.1f} ms  "
        f"p95 {p95:7.1f} ms  p99 {percentile(ms, 99):7.1f} ms  errors {sum(tally.errors.values())}"
        f"  mix {dict(tally.kinds)}"
    )
    per_kind = ", ".join(
        f"{kind} {percentile([v * 1000 for v in values], 95):.0f}"
        for kind, values in sorted(tally.by_kind.items())
    )
    print(f"{'':14} p95 by kind (ms): {per_kind}")
    for line in tally.first_errors:
        print(f"    error: {line}")
    return p95


def start_reindex(home: Path | None, log: IO[str]) -> subprocess.Popen:
    env = dict(os.environ)
    if home:
        env["LEXSEARCH_HOME"] = str(home)
    lexsearch = Path(sys.executable).with_name("lexsearch")
    command = (
        [str(lexsearch)]
        if lexsearch.exists()
        else [sys.executable, "-c", "import sys, ui.cli; sys.exit(ui.cli.main())"]
    )
    # Output to a file, not a pipe: nobody reads a pipe during the load, and a full one would stall the build.
    return subprocess.Popen([*command, "index"], env=env, cwd=ROOT, stdout=log, stderr=log, text=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=None, help="LEXSEARCH_HOME (default: the usual one)")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of concurrent load")
    parser.add_argument("--single", type=float, default=15.0, help="seconds of single-thread reference")
    parser.add_argument("--reindex", action="store_true", help="run `lexsearch index` during the load")
    parser.add_argument("--seed", type=int, default=20260327)
    parser.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="mean pause between a thread's queries (0: back to back, the saturation test)",
    )
    args = parser.parse_args(argv)
    if args.home:
        os.environ["LEXSEARCH_HOME"] = str(args.home)

    from corpus.settings import index_path

    service = SearchService.open(args.home)
    mix = build_mix(service, args.seed)
    for _, request in mix[:20]:  # warm caches (spaCy, Whoosh readers) before counting descriptors
        service.search(request)
    run_phase(service, mix, args.threads, 3.0)  # fill the searcher pool to its concurrent size
    fds_before = open_fds()
    dirs_before = index_dirs_held(index_path())
    print(f"service opened; {len(fds_before)} open file descriptors; index dirs held: {dirs_before}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} (figures are provisional)")

    single, single_elapsed = run_phase(service, mix, 1, args.single)
    single_p95 = describe("1 thread", single, single_elapsed)

    builder = None
    switches: list[tuple[float, list[str]]] = []
    build_done: list[float] = []
    watching = threading.Event()
    if args.reindex:
        build_log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed once the build is read
        builder = start_reindex(args.home, build_log)
        print(f"`lexsearch index` started (pid {builder.pid}) while {args.threads} threads query")

        def watch() -> None:
            """When the build ends and when the serving process starts holding another index."""
            held = dirs_before
            while not watching.is_set():
                if not build_done and builder.poll() is not None:
                    build_done.append(time.monotonic())
                now = index_dirs_held(index_path())
                if now and now != held:
                    switches.append((time.monotonic(), now))
                    held = now
                time.sleep(0.1)

        threading.Thread(target=watch, daemon=True).start()
    think = args.think_ms / 1000
    started_load = time.monotonic()
    loaded, loaded_elapsed = run_phase(service, mix, args.threads, args.duration, think)
    loaded_p95 = describe(f"{args.threads} threads", loaded, loaded_elapsed)
    if think:
        print(f"{'':14} (each thread pauses {args.think_ms:.0f} ms on average between queries)")
    ratio = loaded_p95 / single_p95 if single_p95 else float("nan")
    print(f"p95 ratio {args.threads} threads / 1 thread: {ratio:.2f}× (target ≤ 3×)")

    ok = not single.errors and not loaded.errors
    if builder is not None:
        builder.wait(timeout=3600)
        build_log.seek(0)
        last = build_log.read().strip().splitlines()[-1:] or [""]
        build_log.close()
        print(f"`lexsearch index` exit {builder.returncode}: {last[0][-200:]}")
        ok = ok and builder.returncode == 0
        after, after_elapsed = run_phase(service, mix, args.threads, min(args.duration, 10.0), think)
        describe("after reindex", after, after_elapsed)
        ok = ok and not after.errors
        watching.set()
        dirs_after = index_dirs_held(index_path())
        switched = dirs_after != dirs_before
        print(f"index dirs held after rebuild: {dirs_after} ({'switched' if switched else 'NOT switched'})")
        for moment, dirs in switches:
            print(f"    {moment - started_load:6.1f} s into the load: holding {dirs}")
        if switches and build_done:
            moment = switches[0][0] - build_done[0]
            under_load = switches[0][0] < started_load + loaded_elapsed
            print(
                f"the service switched {moment:+.1f} s after the build process ended "
                f"({'under' if under_load else 'after'} the {args.threads}-thread load)"
            )

    fds_after = open_fds()
    growth = len(fds_after) - len(fds_before)
    print(f"open file descriptors: before {len(fds_before)}, after {len(fds_after)} (growth {growth})")
    if growth > 0:
        new = Counter(fds_after) - Counter(fds_before)
        print("    new descriptors: " + ", ".join(f"{path} ×{n}" for path, n in new.items())[:800])
    errors = sum(single.errors.values()) + sum(loaded.errors.values())
    print(f"errors: {errors}")
    return 0 if ok and growth <= 0 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Drive `lexsearch serve` over HTTP with concurrent clients; print throughput, latency and errors.

    .venv/bin/python scripts/load_test.py                          # 1 and 2 workers, 8 clients, 60 s each
    .venv/bin/python scripts/load_test.py --workers 2 --think 1 --duration 30
    .venv/bin/python scripts/load_test.py --workers 2 --reindex     # rebuild the index under load

For each worker count the script starts its own `lexsearch serve --port 0 --workers N` over
`$LEXSEARCH_HOME` (or `--home`), then runs: a lone client (the reference p95), and `--clients` clients for
`--duration` seconds for each `--think` value (mean pause between a client's requests, exponential; 0 is
back to back, the saturation test). Clients are threads with the standard HTTP client (http.client), one
connection per request, as behind a load balancer, so the kernel spreads them over the workers. The mix:
free text, article references, dated and all-versions searches, and version/diff pages of earlier hits.
Every non-2xx answer or transport failure is an error; the first ones are printed.

`--reindex` runs `lexsearch index` during the loaded phase and watches /health: every worker process must
report the new index, with no error meanwhile. The machine's load average is printed with each phase:
figures taken while other jobs share the cores are distorted, and say so.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import signal
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
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LEXSEARCH = [sys.executable, "-c", "import sys, ui.cli; sys.exit(ui.cli.main())"]
READY = re.compile(r"l'API répond sur (http://[\d.]+:\d+)/")

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
    '"motif économique" -faute',
    "licenciment economique",
    "conges payes acquisition",
)


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    first_errors: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)


def get(base: str, path: str, timeout: float = 60.0) -> tuple[int, bytes]:
    """One GET on a fresh connection."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def build_mix(base: str, seed: int) -> list[tuple[str, str]]:
    """(kind, path) requests: searches of four kinds, and pages of versions found by them."""
    from corpus.settings import data_home
    from corpus.store import Store

    rng = random.Random(seed)
    with Store.open(data_home() / "corpus.sqlite3", create=False, read_only=True) as store:
        numbers = [key.split(":", 1)[1] for key in store.article_keys()]
    numbers = [n for n in numbers if n[:1] in "LRD"] or numbers
    mix: list[tuple[str, str]] = []
    for _ in range(300):
        kind = rng.choice(("free", "free", "reference", "dated", "all_versions"))
        params: dict[str, str] = {"q": rng.choice(FREE_TEXT)}
        if kind == "reference":
            params["q"] = rng.choice(numbers)
        elif kind == "dated":
            days = (date.today() - date(2020, 1, 1)).days
            params["at"] = (date(2020, 1, 1) + timedelta(days=rng.randrange(days))).isoformat()
        elif kind == "all_versions":
            params["all_versions"] = "true"
        mix.append((kind, "/search?" + urlencode(params)))
    versions = []
    for _, path in mix[:20]:
        status, body = get(base, path)
        if status == 200:
            versions += [hit["version_id"] for hit in json.loads(body)["hits"][:3]]
    for version_id in versions:
        mix.append(
            ("page", f"/versions/{version_id}/diff" if rng.random() < 0.5 else f"/versions/{version_id}")
        )
    return mix


def client(
    base: str, mix: list, stop_at: float, tally: Tally, lock: threading.Lock, seed: int, think: float
) -> None:
    rng = random.Random(seed)
    latencies, errors, kinds, first = [], Counter(), Counter(), []
    while time.monotonic() < stop_at:
        if think:
            time.sleep(rng.expovariate(1 / think))  # a user reading results before the next query
        kind, path = rng.choice(mix)
        started = time.perf_counter()
        try:
            status, body = get(base, path)
        except (OSError, http.client.HTTPException) as error:
            errors[type(error).__name__] += 1
            if len(first) < 5:
                first.append(f"{path}: {type(error).__name__}: {error}")
            continue
        if status != 200:
            errors[f"HTTP {status}"] += 1
            if len(first) < 5:
                first.append(f"{path}: HTTP {status}: {body[:200]!r}")
            continue
        latencies.append(time.perf_counter() - started)
        kinds[kind] += 1
    with lock:
        tally.latencies += latencies
        tally.errors += errors
        tally.kinds += kinds
        tally.first_errors += first


def run_phase(base: str, mix: list, clients: int, seconds: float, think: float = 0.0) -> tuple[Tally, float]:
    tally, lock = Tally(), threading.Lock()
    stop_at = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(base, mix, stop_at, tally, lock, seed, think), daemon=True)
        for seed in range(clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def describe(name: str, tally: Tally, elapsed: float) -> tuple[float, float]:
    ms = [v * 1000 for v in tally.latencies]
    rate, p95 = len(ms) / elapsed, percentile(ms, 95)
    print(
        f"  {name:26} {len(ms):6d} ok {rate:7.1f} req/s  p50 {percentile(ms, 50):7.1f}  p95 {p95:7.1f}  "
        f"p99 {percentile(ms, 99):7.1f} ms  errors {sum(tally.errors.values())}  "
        f"load {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    for line in tally.first_errors:
        print(f"      error: {line}")
    return rate, p95


def start_server(workers: int) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [*LEXSEARCH, "serve", "--port", "0", "--workers", str(workers)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in process.stderr:
        found = READY.search(line)
        if found:
            threading.Thread(target=process.stderr.read, daemon=True).start()  # keep the pipe drained
            return process, found.group(1)
    raise SystemExit(f"lexsearch serve did not start (exit {process.wait()})")


def cpu_seconds(pids: set[int]) -> float:
    """User + system CPU time of these processes (/proc/PID/stat), to tell our work from the machine's."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def workers_of(pid: int) -> set[int]:
    try:
        return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def wait_for_model(base: str, server_pid: int, seconds: float = 180.0) -> None:
    """Workers load spaCy in the background after start; measure once every worker has it."""
    deadline, loaded = time.monotonic() + seconds, set()
    while time.monotonic() < deadline:
        expected = workers_of(server_pid)
        status, body = get(base, "/health")
        if status == 200 and json.loads(body)["lemma_model_loaded"]:
            loaded.add(json.loads(body)["pid"])
        if expected and loaded >= expected:
            return
        time.sleep(0.2)
    print(f"  (the lemma model is not loaded in every worker after {seconds:.0f} s: measuring anyway)")


def watch_switch(base: str, server_pid: int, builder: subprocess.Popen, seconds: float) -> None:
    """After the build: poll /health until every worker reports the new index; print when each did."""
    from corpus.settings import data_home
    from indexer.location import current_target

    builder.wait(timeout=3600)
    done = time.monotonic()
    target = current_target(data_home() / "index")
    print(f"  `lexsearch index` exit {builder.returncode}; new index {target}")
    expected, switched = workers_of(server_pid), {}
    while set(switched) < expected and time.monotonic() < done + seconds:
        status, body = get(base, "/health")
        if status == 200:
            health = json.loads(body)
            if health["index"] == target and health["pid"] not in switched:
                switched[health["pid"]] = time.monotonic() - done
    for pid in sorted(expected):
        when = f"{switched[pid]:+.2f} s after the build ended" if pid in switched else "NOT switched"
        print(f"  worker {pid}: serves the new index {when}")
    print(f"  every worker switched: {'yes' if set(switched) == expected and expected else 'NO'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=None, help="LEXSEARCH_HOME (default: the usual one)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of each loaded phase")
    parser.add_argument("--single", type=float, default=15.0, help="seconds of the lone-client reference")
    parser.add_argument("--think", type=float, nargs="+", default=[0.0, 1.0], help="mean pause, seconds")
    parser.add_argument("--reindex", action="store_true", help="run `lexsearch index` under load")
    parser.add_argument("--seed", type=int, default=20260327)
    args = parser.parse_args(argv)
    if args.home:
        os.environ["LEXSEARCH_HOME"] = str(args.home)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    ok, rates = True, {}
    for workers in args.workers:
        server, base = start_server(workers)
        try:
            wait_for_model(base, server.pid)
            mix = build_mix(base, args.seed)
            run_phase(base, mix, args.clients, 3.0)  # warm every worker
            print(f"--workers {workers} ({base}, pids {sorted(workers_of(server.pid))})")
            lone, elapsed = run_phase(base, mix, 1, args.single)
            _, lone_p95 = describe("1 client", lone, elapsed)
            ok = ok and not lone.errors
            for think in args.think:
                builder = None
                if args.reindex and think == args.think[-1] and workers == args.workers[-1]:
                    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - lives as long as the build
                    builder = subprocess.Popen(
                        [*LEXSEARCH, "index", "--quiet"], cwd=ROOT, stdout=log, stderr=log
                    )
                    watcher = threading.Thread(
                        target=watch_switch, args=(base, server.pid, builder, args.duration + 120)
                    )
                    watcher.start()
                pids = workers_of(server.pid)
                cpu_before = cpu_seconds(pids)
                tally, elapsed = run_phase(base, mix, args.clients, args.duration, think)
                while builder is not None and watcher.is_alive():  # keep the load on until all switched
                    more, more_elapsed = run_phase(base, mix, args.clients, 5.0, think)
                    tally.latencies += more.latencies
                    tally.errors += more.errors
                    tally.first_errors += more.first_errors
                    elapsed += more_elapsed
                label = f"{args.clients} clients" + (f", think {think:g} s" if think else "")
                label += ", reindexing" if builder else ""
                rate, p95 = describe(label, tally, elapsed)
                cpu = cpu_seconds(pids) - cpu_before
                print(
                    f"  {'':26} p95 / lone client p95: {p95 / lone_p95:.2f}×; workers' CPU "
                    f"{1000 * cpu / max(1, len(tally.latencies)):.1f} ms a request, {cpu / elapsed:.2f} cores in use"
                )
                rates[(workers, think)] = rate
                ok = ok and not tally.errors
                if builder is not None:
                    watcher.join()
                    ok = ok and builder.returncode == 0
        finally:
            server.send_signal(signal.SIGTERM)
            code = server.wait(timeout=60)
            print(f"  SIGTERM: server exit {code}, workers left: {sorted(workers_of(server.pid)) or 'none'}")
    if (1, 0.0) in rates and (2, 0.0) in rates:
        print(f"throughput 2 workers / 1 worker (back to back): {rates[(2, 0.0)] / rates[(1, 0.0)]:.2f}×")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

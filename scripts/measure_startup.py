"""Start-up times on a built index: one-shot `lexsearch search`, `lexsearch serve` ready, the app's first page.

    .venv/bin/python scripts/measure_startup.py                  # all three, $LEXSEARCH_HOME
    .venv/bin/python scripts/measure_startup.py --runs 5 --skip-app
    .venv/bin/python scripts/measure_startup.py --only-app --app-runs 5

- search: wall time of `lexsearch search QUERY --json` as a fresh process (median and best of --runs),
  with its CPU time (user + system), which the machine's load distorts less than wall time;
- serve: from spawning `lexsearch serve --port 0 --workers 2` to the first 200 from /health;
- app: from spawning `lexsearch app` to its first page rendered (the end-of-screen marker drawn), then,
  in another fresh start, to its first page with QUERY in the URL showing results, in headless Chromium
  already running (Debian's /usr/bin/chromium through Playwright; skipped when either is missing). The
  browser opens the address as soon as the server accepts connections (`--poll socket`, the default: the
  earliest a visitor can arrive); `--poll browser` makes Chromium itself retry the address until it
  answers, as the measurement did before: each refused attempt draws an error page, whose CPU on 2 cores
  is then counted in the app's start (~0.5 s more). Then, for each of UNKNOWN_FORM_QUERIES, a fresh app's
  first page, a pause, the query typed: seconds from Enter to its results.
The project's packages are compiled to bytecode first, as `make run` does (with PYTHONDONTWRITEBYTECODE
set, an uncompiled checkout compiles every module at every start: ~0.1 s of each figure).
The load average is printed next to each figure: on a shared machine, wall times are upper bounds.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXSEARCH = [sys.executable, "-c", "import sys, ui.cli; sys.exit(ui.cli.main())"]
QUERY = "licenciement pour motif économique"
# Queries with forms the corpus lacks ("virer", "combien"): answered with spaCy's model, which the app
# loads a few seconds after its first page; a user's first query typed a little later should not wait.
UNKNOWN_FORM_QUERIES = ("mon employeur peut-il me virer", "combien de jours de RTT")
UNKNOWN_FORM_PAUSE = 8.0
READY = re.compile(r"l'API répond sur (http://[\d.]+:\d+)/")


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def one_shot(runs: int) -> None:
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([*LEXSEARCH, "search", QUERY, "--json"], cwd=ROOT, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    print(
        f"search one-shot: wall median {statistics.median(walls):.2f} s, best {min(walls):.2f} s; "
        f"CPU median {statistics.median(cpus):.2f} s ({runs} runs, {load()})"
    )


def serve_ready() -> None:
    started = time.perf_counter()
    process = subprocess.Popen(
        [*LEXSEARCH, "serve", "--port", "0", "--workers", "2"], cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    try:
        base = None
        for line in process.stderr:
            found = READY.search(line)
            if found:
                base = found.group(1)
                break
        if base is None:
            print("serve: never ready")
            return
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.02)
        print(f"serve ready (first /health 200, 2 workers): {time.perf_counter() - started:.2f} s ({load()})")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def process_cpu(pid: int) -> float:
    """User + system CPU seconds used so far by process `pid` (its threads included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def compile_packages() -> None:
    """What `make run` does before starting the app (Makefile: the bytecode stamp)."""
    packages = ["analyzers", "corpus", "indexer", "search", "ui"]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], cwd=ROOT, check=True)


def accepting(port: int) -> None:
    """Return once 127.0.0.1:`port` accepts a connection."""
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.005)


@contextmanager
def fresh_app(browser) -> Iterator[tuple[int, object, subprocess.Popen, float]]:
    """(port, a new browser page, the process, the spawn's perf_counter) of a `lexsearch app` spawned on a
    free port; the app's whole session is stopped and the page closed after."""
    port = free_port()
    page = browser.new_page()
    spawned = time.perf_counter()
    process = subprocess.Popen(
        [*LEXSEARCH, "app", "--port", str(port), "--address", "127.0.0.1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield port, page, process, spawned
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        page.close()


def app_start(browser, query: str, poll: str = "socket") -> tuple[float, float, float]:
    """Spawn `lexsearch app`, open its first page (with `query` in the URL when given) as soon as the
    server answers; returns (page rendered, page loaded) in seconds from the spawn (`goto` returns once
    Streamlit served the page and its scripts, before the page script has run), and the CPU seconds the
    app's process had used when the page was rendered, which the machine's load distorts less. The page is rendered when the app's end-of-screen marker is drawn, and, with a
    query, when the first result's highlighted words are shown."""
    from playwright.sync_api import Error as PlaywrightError

    with fresh_app(browser) as (port, page, process, started):
        url = f"http://127.0.0.1:{port}/" + (f"?q={urllib.request.quote(query)}" if query else "")
        if poll == "socket":
            accepting(port)
        while True:
            try:
                page.goto(url, timeout=5000)
                break
            except PlaywrightError:  # connection refused until Streamlit listens
                time.sleep(0.02)
        loaded = time.perf_counter() - started
        page.wait_for_selector(".lx-done-search", state="attached", timeout=120_000)
        if query:
            page.wait_for_selector(".lx-hit mark", timeout=120_000)
        rendered = time.perf_counter() - started
        cpu = process_cpu(process.pid)
    return rendered, loaded, cpu


def app_unknown_form_query(browser, query: str, pause: float) -> float:
    """Seconds from Enter to the first results for `query` (a form the corpus lacks, which needs spaCy's
    model) typed `pause` seconds after a fresh app's first page: the app loads the model after that page."""
    with fresh_app(browser) as (port, page, _, _spawned):
        accepting(port)
        page.goto(f"http://127.0.0.1:{port}/", timeout=30_000)
        page.wait_for_selector(".lx-done-search", state="attached", timeout=120_000)
        time.sleep(pause)
        box = page.locator("input[type=text]").first
        box.fill(query)
        started = time.perf_counter()
        box.press("Enter")
        page.wait_for_selector(".lx-hit", timeout=120_000)
        return time.perf_counter() - started


def app_first_page(runs: int, poll: str) -> None:
    """From spawning `lexsearch app` to its first page, in a browser that is already running (its own
    start is not the app's): without a query, then with QUERY in the URL (first results shown)."""
    chromium = Path("/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("app: skipped (playwright not installed)")
        return
    if not chromium.exists():
        print("app: skipped (Debian chromium not installed)")
        return
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=str(chromium), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            for label, query in (("first page", ""), ("first page with results", QUERY)):
                times = [app_start(browser, query, poll) for _ in range(runs)]
                rendered = [one[0] for one in times]
                loaded = [one[1] for one in times]
                cpu = [one[2] for one in times]
                print(
                    f"app {label}: median {statistics.median(rendered):.2f} s, best {min(rendered):.2f} s "
                    f"(page loaded from the server: median {statistics.median(loaded):.2f} s; app process CPU "
                    f"median {statistics.median(cpu):.2f} s; "
                    f"{runs} runs, browser polling: {poll}, {load()})"
                )
            for query in UNKNOWN_FORM_QUERIES:
                answered = app_unknown_form_query(browser, query, UNKNOWN_FORM_PAUSE)
                print(
                    f"app first query « {query} » typed {UNKNOWN_FORM_PAUSE:.0f} s after the first page: "
                    f"results {answered:.2f} s after Enter ({load()})"
                )
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--app-runs", type=int, default=3, help="fresh app starts per figure (default 3)")
    parser.add_argument("--skip-app", action="store_true")
    parser.add_argument("--only-app", action="store_true", help="measure the app alone")
    parser.add_argument(
        "--poll",
        choices=("socket", "browser"),
        default="socket",
        help="the browser opens the page once the port accepts (socket) or retries it itself (browser)",
    )
    args = parser.parse_args(argv)
    compile_packages()
    if not args.only_app:
        one_shot(args.runs)
        serve_ready()
    if not args.skip_app:
        app_first_page(args.app_runs, args.poll)
    return 0


if __name__ == "__main__":
    sys.exit(main())

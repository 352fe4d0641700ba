"""Start-up times on a built index: one-shot `lexsearch search`, `lexsearch serve` ready, the app's first page.

    .venv/bin/python scripts/measure_startup.py                  # all three, $LEXSEARCH_HOME
    .venv/bin/python scripts/measure_startup.py --runs 5 --skip-app

- search: wall time of `lexsearch search QUERY --json` as a fresh process (median and best of --runs),
  with its CPU time (user + system), which the machine's load distorts less than wall time;
- serve: from spawning `lexsearch serve --port 0 --workers 2` to the first 200 from /health;
- app: from spawning `lexsearch app` to the first page showing results for QUERY in headless Chromium
  (Debian's /usr/bin/chromium through Playwright; skipped when either is missing).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXSEARCH = [sys.executable, "-c", "import sys, ui.cli; sys.exit(ui.cli.main())"]
QUERY = "licenciement pour motif économique"
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


def app_first_page() -> None:
    chromium = Path("/usr/bin/chromium")
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("app: skipped (playwright not installed)")
        return
    if not chromium.exists():
        print("app: skipped (Debian chromium not installed)")
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(chromium), args=["--headless", "--no-sandbox"])
        page = browser.new_page()
        started = time.perf_counter()
        process = subprocess.Popen(
            [*LEXSEARCH, "app", "--port", str(port), "--address", "127.0.0.1"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}/?q={urllib.request.quote(QUERY)}"
            while True:
                try:
                    page.goto(url, timeout=5000)
                    break
                except PlaywrightError:  # connection refused until Streamlit listens
                    time.sleep(0.05)
            page.wait_for_selector(".lx-hit mark", timeout=120_000)
            print(f"app first page with results: {time.perf_counter() - started:.2f} s ({load()})")
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-app", action="store_true")
    args = parser.parse_args(argv)
    one_shot(args.runs)
    serve_ready()
    if not args.skip_app:
        app_first_page()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The mission's example, end to end, on the store of $LEXSEARCH_HOME: the top hits for a query, and
screenshots of an article's diff and history pages in the app (Debian chromium driven by Playwright).

    export LEXSEARCH_HOME=/work/homes/snapshot
    lexsearch corpus add ../shared/corpora/all-codes-to-2015.bundle --code "Code de commerce" --no-index
    lexsearch corpus add ../shared/corpora/commerce-livre-vi-2023 --captured 2023-03
    .venv/bin/python scripts/capture_example.py [--query "classes de parties affectées"] [--article L626-30]

Prints the top 5 hits (in force today, and at --at), then starts `lexsearch app` on a free port and writes
test-output/capture-<article>-diff.png, capture-<article>-article.png (the version in force at --at) and
capture-<article>-search-<at>.png (the old wording searched at --at, with its notice). Never `playwright install`: the browser is /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import suppress
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.dating import later_change_notice, validity  # noqa: E402
from search.service import SearchRequest, SearchService  # noqa: E402
from search.urls import article_url, diff_url, link, screen_params  # noqa: E402

COMMERCE = "LEGITEXT000005634379"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
OUTPUT = ROOT / "test-output"


def top_hits(service: SearchService, query: str, at: date | None) -> None:
    results = service.search(SearchRequest(query, at=at, limit=5))
    print(f"« {query} » — {results.filter_description} — {results.total} articles, {results.took_ms:.0f} ms")
    for rank, hit in enumerate(results.hits, 1):
        dates = validity(hit.valid_from, hit.valid_to, start=hit.start_uncertain, end=hit.end_uncertain)
        print(f"  {rank}. {hit.article} ({hit.code}) — {dates}")
        notice = later_change_notice(hit.valid_to, hit.end_uncertain, at or date.today())
        if notice:
            print(f"     ! {notice}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def screenshots(pages: dict[str, str]) -> None:
    """Start the app, open each relative URL, wait for the view's end marker, take a full-page shot."""
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(exist_ok=True)
    port = free_port()
    log = (OUTPUT / "capture-app.log").open("w")
    command = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]
    app = subprocess.Popen(
        [*command, "app", "--port", str(port), "--address", "127.0.0.1"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(240):
            with suppress(OSError), urllib.request.urlopen(base + "_stcore/health", timeout=2):
                break
            time.sleep(0.5)
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1100}, locale="fr-FR")
            page.set_default_timeout(120_000)
            for name, url in pages.items():
                view = next((v for v in ("diff", "article") if f"view={v}" in url), "search")
                page.goto(base + url)
                page.wait_for_selector(f".lx-done-{view}", state="attached")
                page.wait_for_function("() => !document.querySelector('[data-stale=true]')")
                path = OUTPUT / f"{name}.png"
                page.screenshot(path=str(path), full_page=True)
                print(f"screenshot: {path}")
            browser.close()
    finally:
        with suppress(ProcessLookupError):
            os.killpg(app.pid, signal.SIGTERM)
        app.wait(timeout=30)
        log.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="classes de parties affectées")
    parser.add_argument("--article", default="L626-30")
    parser.add_argument("--at", type=date.fromisoformat, default=date(2019, 1, 1))
    parser.add_argument("--no-screenshots", action="store_true")
    args = parser.parse_args()
    service = SearchService.open(progress=False)
    try:
        top_hits(service, args.query, None)
        top_hits(service, "deux comités de créanciers", args.at)
        article = service.store.article_by_number(COMMERCE, args.article)
        if article is None:
            print(f"{args.article}: absent du Code de commerce de cette base", file=sys.stderr)
            return 1
        latest = article.versions[-1]
    finally:
        service.close()
    if args.no_screenshots:
        return 0
    name = f"capture-{args.article}"
    pages = {
        f"{name}-diff": diff_url(latest.version_id),
        f"{name}-search-{args.at.isoformat()}": link(
            screen_params(query="deux comités de créanciers", at=args.at)
        ),
        f"{name}-article": article_url(article.versions[-2].version_id, args.at)
        if len(article.versions) > 1
        else article_url(latest.version_id),
    }
    screenshots(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())

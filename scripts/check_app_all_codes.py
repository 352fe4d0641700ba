"""Check the app on an all-codes home (issue 12) in a real browser, and print its timings.

    .venv/bin/python scripts/check_app_all_codes.py /work/homes/NAME/allcodes [--shots DIR]

Starts `lexsearch app` on HOME (LEXSEARCH_HOME=HOME, whatever engine its index was built with), drives it
with Debian's /usr/bin/chromium through Playwright, and checks:
- "1382 code civil" at 2010-01-01 shows the Code civil article 1382;
- "L626-30 code de commerce" at 2010-01-01 shows the "comités de créanciers" wording, its diff with the
  2008 version and the ordonnance that made it;
- the Code du travail L1233-3 timeline runs from 2008 to 2026 and shows the span no source covers.
Timings: from spawning the app to its first page (cold: the service opens on the first visit), then from
pressing Enter in the search box to the first results, for the first query (cold caches) and again
(warm). The load average is printed next to each. Exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXSEARCH = [sys.executable, "-c", "import sys, ui.cli; sys.exit(ui.cli.main())"]
CHROMIUM = Path("/usr/bin/chromium")
SEARCH_BOX = "[data-testid=stTextInput] input"
PAST = "2010-01-01"
TIMEOUT_MS = 180_000


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Checks:
    """Named checks and their outcome, printed as they come."""

    def __init__(self) -> None:
        self.failed: list[str] = []

    def check(self, name: str, passed: bool, detail: str = "") -> bool:
        print(f"{'OK   ' if passed else 'ÉCHEC'} {name}{' : ' + detail if detail else ''}", flush=True)
        if not passed:
            self.failed.append(name)
        return passed


def screen_done(page, view: str) -> None:
    page.wait_for_selector(f".lx-done-{view}", state="attached", timeout=TIMEOUT_MS)
    page.wait_for_function("() => !document.querySelector('[data-stale=true]')", timeout=TIMEOUT_MS)


def open_screen(page, url: str, view: str) -> None:
    page.goto(url)
    screen_done(page, view)


def search_timed(page, base: str, query: str) -> float:
    """From pressing Enter with `query` in the box (on the search page dated PAST) to the first hit drawn."""
    open_screen(page, f"{base}?at={PAST}", "search")
    box = page.locator(SEARCH_BOX).first
    box.fill(query)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_selector(".lx-hit", timeout=TIMEOUT_MS)
    elapsed = time.perf_counter() - started
    screen_done(page, "search")
    return elapsed


def first_hit(page) -> tuple[str, str]:
    """(title line, whole text) of the first hit."""
    hit = page.locator(".lx-hit").first
    return hit.locator(".lx-title").inner_text(), hit.inner_text()


def check_code_civil(page, base: str, checks: Checks) -> None:
    title, _ = first_hit(page)
    checks.check(
        "1382 code civil au 01/01/2010 : l'article 1382 du Code civil en tête",
        "1382" in title and "Code civil" in title,
        title,
    )


def check_commerce(page, base: str, checks: Checks, shots: Path | None) -> None:
    title, _ = first_hit(page)
    checks.check(
        "L626-30 code de commerce : l'article en tête", "L626-30" in title and "commerce" in title, title
    )
    article = page.locator(".lx-hit a", has_text="Article").first.get_attribute("href")
    open_screen(page, base + article, "article")
    text = page.inner_text("body")
    checks.check(
        "L626-30 au 01/01/2010 : rédaction « comités de créanciers »", "comités de créanciers" in text
    )
    if shots:
        page.screenshot(path=str(shots / "l626-30-article.png"), full_page=True)
    page.locator("a", has_text="Modifications (par rapport").first.click()
    page.wait_for_url("**view=diff**")
    screen_done(page, "diff")
    diff = page.inner_text("body")
    changed = page.locator("div.lx-diff ins, div.lx-diff del").count() > 0
    before = re.search(r"remplace la version (?:du|depuis le) [^\n·]*", diff)
    years = [int(year) for year in re.findall(r"\b(\d{4})\b", before.group(0))] if before else []
    checks.check(
        "L626-30 : diff avec la version en vigueur en 2008",
        changed and bool(years) and min(years) <= 2008 <= max(years),
        before.group(0) if before else "pas de version remplacée",
    )
    makers = [a.inner_text() for a in page.locator("a[href*='view=changeset']").all()]
    checks.check(
        "L626-30 : l'ordonnance qui l'a faite",
        any("rdonnance" in name for name in makers),
        "; ".join(makers)[:200],
    )
    if shots:
        page.screenshot(path=str(shots / "l626-30-diff.png"), full_page=True)


def check_timeline(page, base: str, checks: Checks, shots: Path | None) -> None:
    open_screen(page, f"{base}?q={urllib.parse.quote('L1233-3 code du travail')}", "search")
    hits = page.locator(".lx-hit").all()
    target = next((hit for hit in hits if "L1233-3" in hit.locator(".lx-title").inner_text()), None)
    if not checks.check("L1233-3 code du travail trouvé", target is not None):
        return
    open_screen(page, base + target.locator("a", has_text="Article").first.get_attribute("href"), "article")
    lines = page.locator(".lx-timeline li").all_inner_texts()
    years = [int(year) for line in lines for year in re.findall(r"\b(19\d\d|20\d\d)\b", line)]
    newest = next((line for line in lines if "version" in line or "·" in line), "")
    to_today = bool(years) and (max(years) >= 2026 or "en vigueur" in newest)
    checks.check(
        "L1233-3 : historique de 2008 à 2026 (aujourd'hui)",
        bool(years) and min(years) == 2008 and to_today,
        f"{min(years, default=None)} → {max(years, default=None)} ; plus récente : {newest[:90]}",
    )
    gap = page.locator(".lx-timeline .lx-uncovered").all_inner_texts()
    checks.check(
        "L1233-3 : lacune 2015–2020 affichée",
        any("avril 2015 et janvier 2020 non couvertes par nos sources" in line for line in gap),
        " | ".join(gap),
    )
    checks.check(
        "L1233-3 : jamais « aucune version en vigueur »", "aucune version en vigueur" not in " ".join(lines)
    )
    if shots:
        page.screenshot(path=str(shots / "l1233-3-timeline.png"), full_page=True)


def run(home: Path, shots: Path | None) -> int:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    checks = Checks()
    port = free_port()
    env = dict(os.environ, LEXSEARCH_HOME=str(home))
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1100}, locale="fr-FR")
        page.set_default_timeout(TIMEOUT_MS)
        started = time.perf_counter()
        process = subprocess.Popen(
            [*LEXSEARCH, "app", "--port", str(port), "--address", "127.0.0.1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}/"
        try:
            while True:
                try:
                    page.goto(base, timeout=5000)
                    break
                except PlaywrightError:  # connection refused until Streamlit listens
                    if process.poll() is not None:
                        raise SystemExit(f"lexsearch app s'est arrêté (code {process.returncode})") from None
                    time.sleep(0.05)
            screen_done(page, "search")
            print(f"app : première page {time.perf_counter() - started:.2f} s après le lancement ({load()})")
            timed: list[tuple[str, float]] = []
            steps: list[tuple[str, Callable]] = [
                ("1382 code civil", lambda: check_code_civil(page, base, checks)),
                ("L626-30 code de commerce", lambda: check_commerce(page, base, checks, shots)),
            ]
            for query, verify in steps:
                elapsed = search_timed(page, base, query)
                timed.append((query, elapsed))
                print(f"« {query} » au {PAST} : premiers résultats {elapsed:.2f} s après Entrée ({load()})")
                verify()
            for query, _ in timed:
                elapsed = search_timed(page, base, query)
                print(f"« {query} » de nouveau (chaud) : {elapsed:.2f} s après Entrée ({load()})")
            check_timeline(page, base, checks, shots)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
            browser.close()
    print(
        f"{len(checks.failed)} vérification(s) en échec"
        if checks.failed
        else "toutes les vérifications passent"
    )
    return 1 if checks.failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path, help="LEXSEARCH_HOME holding the all-codes store and index")
    parser.add_argument("--shots", type=Path, help="folder for screenshots of the pages checked")
    args = parser.parse_args(argv)
    if not (args.home / "corpus.sqlite3").is_file():
        print(f"{args.home}: pas de corpus.sqlite3 (attendu : un home tous codes construit)", file=sys.stderr)
        return 2
    if not CHROMIUM.exists():
        print("chromium de Debian absent (/usr/bin/chromium) : scripts/setup.sh --browser", file=sys.stderr)
        return 2
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    return run(args.home, args.shots)


if __name__ == "__main__":
    sys.exit(main())

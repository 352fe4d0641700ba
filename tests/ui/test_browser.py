"""The app in a real browser: Debian's chromium driven by Playwright, against `lexsearch app` on a free port.

Never `playwright install`: the browser is /usr/bin/chromium (scripts/setup.sh --browser installs it).
Screenshots go to test-output/ at the repository root; their paths and the time to first results are
printed (run with `-s` to see them).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent.parent.parent
OUTPUT = ROOT / "test-output"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUERY = "licenciement pour motif économique"
SEARCH_BOX = "[data-testid=stTextInput] input"
DATE_BOX = "input[aria-label^='en vigueur au']"
METADATA_ONLY = "LEGIARTI000019071191"  # L1233-3, 2008-06-27 → 2016-12-01: known without its text
CHANGED = "LEGIARTI000048600685"  # L1243-11-1, 1 January 2024: a wording change
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LEXSEARCH = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]
FIRST_BUILD_SECONDS = 1800  # a fresh home builds store and index from the committed artifact first

if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed (scripts/setup.sh --browser)", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_app(home: Path | None, log: Path) -> Iterator[str]:
    """`lexsearch app --port N` in its own process group; yields the base URL once the server answers."""
    port = free_port()
    env = dict(os.environ)
    if home is not None:
        env["LEXSEARCH_HOME"] = str(home)
    with log.open("w") as output:
        process = subprocess.Popen(
            [*LEXSEARCH, "app", "--port", str(port), "--address", "127.0.0.1"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + FIRST_BUILD_SECONDS
        while True:
            assert process.poll() is None, f"app exited early, see {log}:\n{log.read_text()[-2000:]}"
            try:
                with urllib.request.urlopen(base + "_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"app did not answer within {FIRST_BUILD_SECONDS}s, see {log}"
            time.sleep(0.5)
        yield base
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def browser():
    OUTPUT.mkdir(exist_ok=True)
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_page(browser, dialogs: list[str], **options):
    options = {"viewport": {"width": 1280, "height": 1100}, "locale": "fr-FR", **options}
    page = browser.new_page(**options)
    page.set_default_timeout(60_000)

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page


def shot(page, name: str) -> Path:
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path


def open_screen(page, url: str, view: str) -> None:
    """Load a URL and wait for the app's end-of-screen marker for that view."""
    page.goto(url)
    screen_done(page, view)


def screen_done(page, view: str) -> None:
    """The end marker is drawn and Streamlit holds no stale element from a previous run."""
    page.wait_for_selector(f".lx-done-{view}", state="attached")
    page.wait_for_function("() => !document.querySelector('[data-stale=true]')")


def shows_amended_diff(page) -> bool:
    """A diff with an insertion or deletion, and the amending text that made it."""
    return bool(
        page.locator("div.lx-diff ins, div.lx-diff del").count()
        and page.locator("a[href*='view=changeset']").count()
    )


def any_amended_diff(page, base: str, hrefs: list[str]) -> bool:
    for href in hrefs:
        open_screen(page, base + href, "diff")
        if shows_amended_diff(page):
            return True
    return False


def test_search_to_diff_to_changeset_to_cited_article(browser) -> None:
    dialogs: list[str] = []
    page = new_page(browser, dialogs)
    with running_app(None, OUTPUT / "app-default.log") as base:
        open_screen(page, base, "search")
        box = page.locator(SEARCH_BOX).first
        box.fill(QUERY)
        started = time.perf_counter()
        box.press("Enter")
        page.wait_for_selector(".lx-hit mark")
        elapsed = time.perf_counter() - started
        print(f"time to first results after Enter: {elapsed * 1000:.0f} ms (query « {QUERY} »)")
        print(f"result line: {page.inner_text('.lx-count')}")
        assert "q=licenciement" in page.url
        # The hits are drawn before the run ends; the rest of the screen (pagination, end marker, removal of
        # the previous screen's elements) can still move them, and a click during that move is lost.
        screen_done(page, "search")
        shot(page, "1-search")

        diff_links = [
            a.get_attribute("href") for a in page.locator(".lx-hit a", has_text="Modifications").all()
        ]
        article_links = [a.get_attribute("href") for a in page.locator(".lx-hit a", has_text="Article").all()]
        assert diff_links and article_links

        # "Modifications" of a hit: the first one is clicked; when no earlier wording of it is known (the
        # corpus has texts from 2020 on) the next hits are tried, then hits of a query about a 2024 change.
        page.locator(".lx-hit a", has_text="Modifications").first.click()
        page.wait_for_url("**view=diff**")
        screen_done(page, "diff")
        page.go_back()
        page.wait_for_selector(".lx-hit mark")
        screen_done(page, "search")  # the box is drawn anew after the hits: read it once the run is over
        # …and given its value by the frontend after that (a loaded machine read it empty in between):
        # wait for the value, then say what it is.
        with suppress(playwright.TimeoutError):
            page.wait_for_function(
                "([selector, query]) => document.querySelector(selector)?.value === query",
                arg=[SEARCH_BOX, QUERY],
                timeout=10_000,
            )
        assert page.locator(SEARCH_BOX).first.input_value() == QUERY, "back returns to the results"
        page.go_forward()
        screen_done(page, "diff")
        candidates = diff_links[1:]
        if not shows_amended_diff(page) and not any_amended_diff(page, base, candidates):
            open_screen(page, base + "?q=op%C3%A9rateur+France+Travail", "search")
            fallback = [
                a.get_attribute("href") for a in page.locator(".lx-hit a", has_text="Modifications").all()
            ]
            assert any_amended_diff(page, base, fallback), "no hit leads to a diff with changes"
        assert page.locator("div.lx-diff ins, div.lx-diff del").count() > 0
        assert page.locator("a[href*='view=changeset']").count() > 0, "the diff names its amending text"
        signs = page.inner_text("div.lx-diff")
        assert "[+" in signs or "[−" in signs, "changes are marked by signs, not by colour alone"
        print(f"diff: {page.locator('h1').first.inner_text()} · {page.url}")
        shot(page, "2-diff")

        page.locator("a[href*='view=changeset']").first.click()
        page.wait_for_url("**view=changeset**")
        screen_done(page, "changeset")
        heading = page.locator("text=Ce qui a changé").first.inner_text()
        print(f"changeset: {page.locator('h1').first.inner_text()} · {heading}")
        shot(page, "3-changeset")

        # An article with a citation link: follow it to the cited article's version in force.
        for href in article_links:
            open_screen(page, base + href, "article")
            if page.locator("a.lx-cite").count():
                break
        cite = page.locator("a.lx-cite").first
        assert cite.count(), "no article among the hits cites another article of the corpus"
        source_title = page.locator("h1").first.inner_text()
        shot(page, "4-article")
        cited_text = cite.inner_text()
        cite.click()
        page.wait_for_function(
            "title => document.querySelector('h1') && document.querySelector('h1').innerText !== title",
            arg=source_title,
        )
        screen_done(page, "article")
        print(f"citation « {cited_text} » in {source_title} → {page.locator('h1').first.inner_text()}")
        assert "view=article" in page.url
        shot(page, "5-cited-article")
    assert dialogs == []


def assert_no_injection(page, name: str) -> None:
    injected = page.evaluate(
        """() => ({
            scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert')).length,
            images: document.querySelectorAll('img[src="x"]').length,
            handlers: [...document.querySelectorAll('*')].filter(
                e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
        })"""
    )
    assert injected == {"scripts": 0, "images": 0, "handlers": 0}, name


def test_hostile_article_and_query_stay_text(browser, ui_home: Path) -> None:
    dialogs: list[str] = []
    page = new_page(browser, dialogs)
    hostile_query = f"licenciement {SCRIPT} {IMG}"
    with running_app(ui_home, OUTPUT / "app-hostile.log") as base:
        open_screen(page, base, "search")
        box = page.locator(SEARCH_BOX).first
        box.fill(hostile_query)
        box.press("Enter")
        page.wait_for_url("**q=**")
        page.wait_for_selector(".lx-count")
        screen_done(page, "search")
        assert page.locator(SEARCH_BOX).first.input_value() == hostile_query
        assert_no_injection(page, "search")
        shot(page, "6-hostile-query")
        screens = [
            ("7-hostile-article", "?view=article&version=LEGIARTI999999999002"),
            ("8-hostile-diff", "?view=diff&version=LEGIARTI999999999002"),
            ("9-hostile-changeset", "?view=changeset&text=JORFTEXT000099999999&date=2020-01-01"),
        ]
        for name, href in screens:
            open_screen(page, base + href, name.split("-")[-1])
            body = page.inner_text("body")
            assert SCRIPT in body and IMG in body, f"{name}: the hostile text is shown as text"
            assert_no_injection(page, name)
            shot(page, name)
        time.sleep(1)  # a late onerror would have fired by now
    assert dialogs == []


def test_notice_date_on_enter_side_by_side_phone_and_metadata_only(browser, ui_home: Path) -> None:
    """The points of issue 14 a lawyer meets first, on the UI fixture corpus."""
    dialogs: list[str] = []
    page = new_page(browser, dialogs)
    with running_app(ui_home, OUTPUT / "app-issue14.log") as base:
        # A query that matches nothing says so, with no result rows.
        open_screen(page, base + "?q=xqzwv+vbnmk", "search")
        assert page.locator(".lx-hit").count() == 0
        body = page.inner_text("body")
        assert (
            "Aucun résultat pour « xqzwv vbnmk »" in body
            or "Aucun article ne correspond à « xqzwv vbnmk »" in body
        )
        shot(page, "after-10-no-match")

        # The date typed in the box applies on Enter: URL, box and result line all say the new date.
        open_screen(page, base + "?q=licenciement", "search")
        date_box = page.locator(DATE_BOX).first
        date_box.fill("01/06/2021")
        date_box.press("Enter")
        page.wait_for_url("**at=2021-06-01**")
        screen_done(page, "search")
        page.wait_for_function(
            "() => document.querySelector('.lx-count')?.innerText.includes('en vigueur au 1er juin 2021')"
        )
        assert page.locator(DATE_BOX).first.input_value() == "01/06/2021"
        assert "le texte est connu pour" in page.inner_text("body")
        shot(page, "after-11-date-on-enter")
        # ... and on leaving the field.
        date_box = page.locator(DATE_BOX).first
        date_box.fill("01/01/2024")
        date_box.press("Tab")
        page.wait_for_url("**at=2024-01-01**")
        screen_done(page, "search")

        # Side by side: two columns, one row per paragraph, changed rows marked.
        open_screen(page, base + f"?view=diff&version={CHANGED}&layout=columns", "diff")
        assert page.locator("table.lx-sbs thead th").count() == 2
        rows = page.locator("table.lx-sbs tbody tr")
        assert rows.count() >= 2, "paragraphs are rows"
        assert page.locator("table.lx-sbs tr.lx-row-changed").count() >= 1
        assert page.locator("table.lx-sbs tr.lx-row-changed td").first.inner_text().strip()
        assert page.locator("table.lx-sbs ins").count() and page.locator("table.lx-sbs del").count()
        shot(page, "after-12-diff-side-by-side")

        # A version known without its text explains itself and leads to the nearest text.
        open_screen(page, base + f"?view=article&version={METADATA_ONLY}", "article")
        body = page.inner_text("body")
        assert "Texte non disponible" in body and "métadonnées de Légifrance" in body
        assert page.locator("a", has_text="texte").count()
        shot(page, "after-13-metadata-only")

        phone = new_page(
            browser, dialogs, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
        )
        # On a 390 px screen the first hit is visible without scrolling (filters folded).
        open_screen(phone, base + "?q=licenciement", "search")
        bottom = phone.evaluate("() => document.querySelector('.lx-hit').getBoundingClientRect().bottom")
        print(f"390 px: first hit ends at {bottom:.0f} px of 844")
        assert bottom <= 844, "the first hit is below the fold"
        phone.screenshot(path=str(OUTPUT / "after-14-phone-390px.png"))
        print(f"screenshot: {OUTPUT / 'after-14-phone-390px.png'}")
    assert dialogs == []

"""The app in a real browser on a corpus of two sources the test writes: a Légifrance artifact of the Code
du travail (from 2016) and an all-codes export holding it and the Code civil (to April 2015). The span no
source covers is drawn on the timeline, and a dated query finds the wordings of both codes at that date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corpus import artifact
from corpus.ingest import ingest_sources
from corpus.model import Article, Code, Status, Version
from corpus.store import Store
from search.service import SearchService
from tests.corpus.export_repos import ExportCommit, article_file, legifrance_body, write_export
from tests.ui.test_browser import OUTPUT, browser, new_page, open_screen, running_app, shot

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the module-scoped Chromium fixture, shared with test_browser

WORK = Code("LEGITEXT000006072050", "Code du travail")
WORK_PATH = "Code Du Travail/Partie Législative/Livre III/Titre II/Chapitre Ier/Article L3121-7.md"
CIVIL_PATH = "Code Civil/Livre III/Titre XX/Chapitre II/Article 2262.md"
WORK_OLD = "Le salarié astreint à une garde hivernale perçoit une indemnité de verglas forfaitaire."
WORK_NEW = "Le salarié astreint à une garde hivernale perçoit une indemnité de verglas majorée."
CIVIL_OLD = "La garde hivernale des chemins vicinaux donne lieu à une indemnité de verglas annuelle."
CIVIL_NEW = "La garde hivernale des chemins ruraux donne lieu à une indemnité de verglas trimestrielle."
GAP = "versions entre avril 2015 et avril 2018 non couvertes par nos sources"


def legifrance_articles() -> list[Article]:
    first, second = "LEGIARTI000099000001", "LEGIARTI000099000002"
    versions = (
        Version(first, first, "L3121-7", None, date(2008, 3, 1), date(2018, 4, 1), Status.MODIFIED),
        Version(second, first, "L3121-7", WORK_NEW, date(2018, 4, 1), None, Status.IN_FORCE),
    )
    return [Article(first, WORK, "L3121-7", versions)]


@pytest.fixture(scope="module")
def two_sources_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose store merges the artifact and the export, with its index built."""
    work = tmp_path_factory.mktemp("two-sources")
    legi = work / "legi.jsonl.gz"
    artifact.write_articles(legi, legifrance_articles(), sources=["test"])
    export = write_export(
        work / "export",
        [
            ExportCommit(
                "2008-03-01",
                "Ordonnance N°2007-329 Du 12 Mars 2007 - Art. 1",
                {WORK_PATH: article_file("L3121-7", WORK_OLD), CIVIL_PATH: article_file("2262", CIVIL_OLD)},
                body=legifrance_body("JORFTEXT000000000001"),
            ),
            ExportCommit(
                "2013-06-01",
                "Loi N°2013-100 Du 28 Mai 2013 - Art. 2",
                {CIVIL_PATH: article_file("2262", CIVIL_NEW)},
                body=legifrance_body("JORFTEXT000000000002"),
            ),
            ExportCommit(  # the export's last day: each code's span runs to its last wording
                "2015-04-07",
                "Décret N°2015-398 Du 7 Avril 2015 - Art. 1",
                {
                    WORK_PATH.replace("L3121-7", "L3121-8"): article_file("L3121-8", "Le repos est dû."),
                    CIVIL_PATH.replace("2262", "2263"): article_file("2263", "La garde est annuelle."),
                },
                body=legifrance_body("JORFTEXT000000000003"),
            ),
        ],
    )
    home = work / "home"
    home.mkdir()
    with Store.open(home / "corpus.sqlite3") as store:
        ingest_sources(store, [legi], progress=False)
        ingest_sources(store, [export], progress=False)
    SearchService.open(home, progress=False).close()
    return home


def test_the_timeline_draws_the_span_no_source_covers(browser, two_sources_home: Path) -> None:
    page = new_page(browser, [])
    with running_app(two_sources_home, OUTPUT / "app-sources-gap.log") as base:
        open_screen(page, base + "?q=L3121-7", "search")
        page.locator(".lx-hit a", has_text="Article").first.click()
        page.wait_for_url("**view=article**")
        open_screen(page, page.url, "article")
        gaps = page.locator(".lx-timeline .lx-uncovered").all_inner_texts()
        shot(page, "sources-timeline-gap")
        assert any(GAP in gap.lower() for gap in gaps), gaps
        lines = page.locator(".lx-timeline li").all_inner_texts()
        assert lines[-1].startswith("du 1er mars 2008"), lines  # the export's wording, oldest
        assert any("en vigueur" in line for line in lines[:2]), lines  # the artifact's, newest
        assert "aucune version en vigueur" not in " ".join(lines)


def test_a_dated_query_finds_both_codes_wordings_at_that_date(browser, two_sources_home: Path) -> None:
    page = new_page(browser, [])
    with running_app(two_sources_home, OUTPUT / "app-sources-dated.log") as base:
        open_screen(page, base + "?q=indemnit%C3%A9+de+verglas&at=2010-01-01", "search")
        hits = page.locator(".lx-hit").all_inner_texts()
        shot(page, "sources-dated-query")
        assert any("Code civil" in hit and "vicinaux" in hit for hit in hits), hits
        assert any("Code du travail" in hit and "forfaitaire" in hit for hit in hits), hits
        assert not any("trimestrielle" in hit or "majorée" in hit for hit in hits), hits
        assert "non couvertes par nos sources" not in page.inner_text("body")  # 2010: covered

        open_screen(page, base + "?q=indemnit%C3%A9+de+verglas", "search")  # today
        body = page.inner_text("body")
        assert "Code civil : versions après avril 2015 non couvertes par nos sources" in body

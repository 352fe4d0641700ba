"""Coverage on every 1 January from one grouped read equals `coverage_at` asked year by year."""

from __future__ import annotations

from datetime import date

from corpus import artifact
from corpus.ingest import ingest_sources
from corpus.model import Article, Code, Status, Version
from corpus.store import Store

CODE = Code("LEGITEXT000006072050", "Code du travail")


def test_every_new_year_counts_as_coverage_at_that_day(tmp_path) -> None:
    a, b, c = "LEGIARTI000099100001", "LEGIARTI000099100002", "LEGIARTI000099100003"
    articles = [
        Article(
            a,
            CODE,
            "L1",
            (
                Version(a, a, "L1", "Un.", date(2001, 1, 1), date(2005, 6, 1), Status.MODIFIED),
                Version(f"{a}9", a, "L1", None, date(2005, 6, 1), date(2010, 1, 1), Status.MODIFIED),
                Version(f"{a}8", a, "L1", "Trois.", date(2010, 1, 1), None, Status.IN_FORCE),
            ),
        ),
        Article(
            b,
            CODE,
            "L2",
            (Version(b, b, "L2", "Deux.", date(2003, 1, 2), date(2008, 1, 1), Status.REPEALED),),
        ),
        Article(
            c,
            CODE,
            "L3",
            (Version(c, c, "L3", "Faux.", date(2009, 5, 1), date(2004, 1, 1), Status.MODIFIED),),
        ),
    ]
    source = tmp_path / "legi.jsonl.gz"
    artifact.write_articles(source, articles, sources=["test"])
    with Store.open(tmp_path / "s.sqlite3") as store:
        ingest_sources(store, [source], progress=False)
        years = store.coverage_on_new_years(1999, 2012)
        assert [coverage.day for coverage in years] == [date(year, 1, 1) for year in range(1999, 2013)]
        for coverage in years:
            assert coverage == store.coverage_at(coverage.day), coverage.day
        assert (years[2003 - 1999].in_force, years[2004 - 1999].in_force) == (1, 2)

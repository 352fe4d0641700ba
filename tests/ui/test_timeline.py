"""The article timeline places each span no source covers where the sources stop, and only where it cuts
into the article's life."""

from __future__ import annotations

from datetime import date

from corpus.merge import CoverageGap
from corpus.model import Status, Version
from ui.views.timeline import gap_at, ordered, relevant_gaps, timeline

BETWEEN = CoverageGap(date(2015, 4, 4), date(2020, 1, 1))
AFTER = CoverageGap(date(2026, 3, 27), None)
TODAY = date(2026, 12, 1)


def version(vid: str, start: date, end: date | None, text: str | None = "texte") -> Version:
    return Version(vid, "A", "L1", text, start, end, Status.IN_FORCE if end is None else Status.MODIFIED)


HISTORY = (
    version("V2008", date(2008, 6, 27), date(2016, 12, 1)),
    version("V2016", date(2016, 12, 1), date(2018, 4, 1), text=None),
    version("V2018", date(2018, 4, 1), None),
)


def test_each_gap_sits_above_the_newest_version_begun_before_it() -> None:
    entries = ordered(HISTORY, [BETWEEN, AFTER])
    names = [getattr(entry, "version_id", None) or entry.label[:14] for entry in entries]
    assert names == ["versions après", "V2018", "V2016", "versions entre", "V2008"]


def test_gaps_before_the_article_after_its_repeal_or_not_yet_past_are_left_out() -> None:
    assert relevant_gaps(HISTORY, [BETWEEN, AFTER], TODAY) == [BETWEEN, AFTER]
    assert relevant_gaps(HISTORY, [AFTER], date(2026, 1, 1)) == []
    repealed = (version("V1", date(2001, 1, 1), date(2010, 1, 1)),)
    assert relevant_gaps(repealed, [BETWEEN, AFTER], TODAY) == []
    created_later = (version("V1", date(2021, 1, 1), None),)
    assert relevant_gaps(created_later, [BETWEEN], TODAY) == []


def test_the_timeline_names_the_gap_and_flags_the_versions_begun_in_it() -> None:
    html = str(timeline(HISTORY, "V2018", [BETWEEN], TODAY))
    assert "Versions entre avril 2015 et janvier 2020 non couvertes par nos sources" in html
    assert html.count("période non couverte par nos sources") == 2  # V2016 and V2018 began in it
    assert "aucune version en vigueur" not in html
    assert gap_at([BETWEEN], date(2017, 1, 1)) == BETWEEN
    assert gap_at([BETWEEN], date(2015, 4, 4)) is None

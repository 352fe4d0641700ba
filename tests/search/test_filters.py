"""Version filters and their French descriptions."""

from __future__ import annotations

from datetime import date

from search.filters import french_date, version_filter


def test_default_filter_is_in_force_today_and_says_so() -> None:
    today = date(2026, 3, 27)
    vfilter = version_filter(today=today)
    assert vfilter.description == "en vigueur au 27 mars 2026 (aujourd'hui)"
    assert vfilter.accepts(date(2020, 1, 1), None)
    assert not vfilter.accepts(date(2020, 1, 1), today)  # ended that day
    assert not vfilter.accepts(None, None)  # entry into force not fixed yet


def test_at_date_filter() -> None:
    vfilter = version_filter(date(2020, 1, 1))
    assert vfilter.description == "en vigueur au 1er janvier 2020"
    assert vfilter.accepts(date(2019, 1, 1), date(2020, 1, 2))
    assert not vfilter.accepts(date(2020, 1, 2), None)


def test_all_versions_filter_accepts_everything() -> None:
    vfilter = version_filter(all_versions=True)
    assert vfilter.all_versions and vfilter.accepts(None, date(1990, 1, 1))
    assert "toutes les versions" in vfilter.description


def test_french_dates() -> None:
    assert french_date(date(2021, 8, 15)) == "15 août 2021"

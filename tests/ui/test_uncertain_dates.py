"""The pages of a version whose dates are only known within a span: the span is drawn and said, never a
made-up day."""

from __future__ import annotations

from datetime import date

from corpus.model import DatePrecision, Status, UncertainDate, Version
from ui import render
from ui.views.diff_page import uncertain_change
from ui.views.timeline import timeline

AFTER_2015 = UncertainDate(date(2015, 4, 7), DatePrecision.MONTH)
SPAN = "entre le 7 avril 2015 et mars 2023, date exacte inconnue"
OLD = Version(
    "V2013",
    "A",
    "L626-30",
    "deux comités de créanciers",
    date(2014, 1, 1),
    date(2023, 3, 1),
    Status.MODIFIED,
    end_uncertain=AFTER_2015,
)
NEW = Version(
    "V2023",
    "A",
    "L626-30",
    "classes de parties affectées",
    date(2023, 3, 1),
    None,
    Status.IN_FORCE,
    start_uncertain=AFTER_2015,
)


def test_timeline_draws_the_uncertain_stretch_between_the_two_versions():
    html = str(timeline((OLD, NEW), "V2013"))
    items = html.split("<li")[1:]
    assert len(items) == 3  # new version, the uncertain stretch, old version (newest first)
    assert "lx-uncertain" in items[1] and SPAN in items[1]
    assert 'class="lx-current"' in items[2]  # the shown version keeps its mark
    assert "1er mars 2023" not in html  # the capture's first day is never printed as a day


def test_version_validity_says_the_span():
    assert render.version_validity(NEW) == f"entrée en vigueur {SPAN}"
    assert SPAN in render.version_validity(OLD)


def test_diff_header_says_when_the_change_happened_first():
    notice = str(uncertain_change(NEW, OLD))
    assert f"Changement intervenu {SPAN}" in notice
    assert "capture de mars 2023" in notice
    assert str(uncertain_change(OLD, None)) == ""


def test_json_of_a_version_carries_its_uncertain_boundaries():
    from ui.api.payloads import version_json

    found = version_json(NEW)
    assert found["valid_from"] == "2023-03-01"
    assert found["valid_from_uncertain"] == {"after": "2015-04-07", "precision": "month"}
    assert found["valid_to_uncertain"] is None
    assert version_json(OLD)["valid_to_uncertain"] == {"after": "2015-04-07", "precision": "month"}

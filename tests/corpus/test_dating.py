"""corpus.dating: a validity in French, an uncertain boundary never printed as a day it is not known to be."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.dating import later_change_notice, span, validity
from corpus.model import DatePrecision, UncertainDate

MONTH, DAY = DatePrecision.MONTH, DatePrecision.DAY
CAPTURED = date(2023, 3, 1)
AFTER_2015 = UncertainDate(date(2015, 4, 7), MONTH)


@pytest.mark.parametrize(
    ("bound", "by", "phrase"),
    [
        (AFTER_2015, CAPTURED, "entre le 7 avril 2015 et mars 2023, date exacte inconnue"),
        (
            UncertainDate(date(2015, 4, 7), DAY),
            date(2023, 3, 6),
            "entre le 7 avril 2015 et le 6 mars 2023, date exacte inconnue",
        ),
        (UncertainDate(None, MONTH), CAPTURED, "au plus tard en mars 2023, date exacte inconnue"),
        (UncertainDate(None, DAY), date(2023, 3, 6), "au plus tard le 6 mars 2023, date exacte inconnue"),
    ],
)
def test_uncertain_span_names_its_bounds_as_precisely_as_they_are_known(bound, by, phrase):
    assert span(bound, by) == phrase


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "start", "end", "phrase"),
    [
        (date(2018, 1, 1), None, None, None, "en vigueur depuis le 1er janvier 2018"),
        (date(2018, 1, 1), date(2020, 3, 3), None, None, "du 1er janvier 2018 au 3 mars 2020"),
        (
            CAPTURED,
            None,
            AFTER_2015,
            None,
            "entrée en vigueur entre le 7 avril 2015 et mars 2023, date exacte inconnue",
        ),
        (
            date(2014, 1, 1),
            CAPTURED,
            None,
            AFTER_2015,
            "en vigueur depuis le 1er janvier 2014, remplacée ou abrogée entre le 7 avril 2015 et mars 2023, "
            "date exacte inconnue",
        ),
        (None, None, None, None, "entrée en vigueur non fixée"),
    ],
)
def test_validity_phrase(valid_from, valid_to, start, end, phrase):
    assert validity(valid_from, valid_to, start=start, end=end, today=date(2026, 1, 1)) == phrase


@pytest.mark.parametrize(
    ("day", "warned"),
    [(date(2015, 4, 7), False), (date(2015, 4, 8), True), (date(2019, 1, 1), True), (CAPTURED, False)],
)
def test_later_change_notice_only_inside_the_unknown_span(day, warned):
    assert (later_change_notice(CAPTURED, AFTER_2015, day) is not None) is warned


def test_no_notice_for_an_exact_end():
    assert later_change_notice(date(2020, 1, 1), None, date(2019, 1, 1)) is None

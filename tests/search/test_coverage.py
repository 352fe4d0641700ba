"""search.coverage: the status a version had at a date, and the message for versions known without text."""

from __future__ import annotations

from datetime import date

from corpus.model import Status, Version
from search.coverage import in_force_without_text, status_at, status_counts_at

TODAY = date(2026, 12, 1)


def test_a_version_in_force_at_a_past_date_was_in_force_then_whatever_came_after() -> None:
    modified = Status.MODIFIED.value
    assert status_at(modified, date(2014, 12, 22), date(2015, 8, 19), date(2015, 1, 1), TODAY) == "in_force"
    assert status_at(modified, date(2014, 12, 22), date(2015, 8, 19), None, TODAY) == modified
    assert status_at(modified, date(2014, 12, 22), date(2015, 8, 19), TODAY, TODAY) == modified


def test_status_counts_at_a_past_date_merge_into_in_force() -> None:
    counts = (("modified", 5), ("in_force", 3), ("repealed", 2))
    assert status_counts_at(counts, date(2015, 1, 1), TODAY) == (("in_force", 10),)
    assert status_counts_at(counts, None, TODAY) == counts


def test_message_names_the_version_in_force_and_says_its_text_is_unknown() -> None:
    version = Version(
        version_id="LEGIARTI000029946309",
        article_id="LEGIARTI000006901202",
        number="L1242-8",
        text=None,
        valid_from=date(2014, 12, 22),
        valid_to=date(2015, 8, 19),
        status=Status.MODIFIED,
    )
    message = in_force_without_text([("L1242-8", version)], date(2015, 1, 1))
    assert message.startswith("L'article L1242-8 avait une version en vigueur au 1er janvier 2015")
    assert "22 décembre 2014 au 19 août 2015" in message and "texte n'est pas dans le corpus" in message
    assert in_force_without_text([], date(2015, 1, 1)) is None

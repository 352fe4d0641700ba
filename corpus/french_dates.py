"""Dates as French legal texts print them ("1er janvier 2018"): used by titles, filters and pages alike."""

from __future__ import annotations

from datetime import date

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(day: date) -> str:
    """ "1er janvier 2020", "15 mars 2021"."""
    ordinal = "1er" if day.day == 1 else str(day.day)
    return f"{ordinal} {MONTHS_FR[day.month - 1]} {day.year}"

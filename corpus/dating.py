"""Validity periods in French, exact or uncertain ("entre le 7 avril 2015 et mars 2023, date exacte
inconnue"), so the CLI, the pages and the search rows say the same thing about a version's dates.

An uncertain boundary is never printed as a day it is not known to be: its latest bound keeps the
precision it was stated with (a capture "of March 2023" reads "mars 2023").
"""

from __future__ import annotations

from datetime import date

from corpus.french_dates import MONTHS_FR, french_date
from corpus.model import DatePrecision, UncertainDate

UNKNOWN_DAY = "date exacte inconnue"


def stated(day: date, precision: DatePrecision) -> str:
    """A day as precisely as it is known: "7 avril 2015" or "mars 2023"."""
    if precision is DatePrecision.MONTH:
        return f"{MONTHS_FR[day.month - 1]} {day.year}"
    return french_date(day)


def _by(day: date, precision: DatePrecision) -> str:
    """The latest bound after "et" / "au plus tard": "le 6 mars 2023" or "mars 2023"."""
    return stated(day, precision) if precision is DatePrecision.MONTH else f"le {french_date(day)}"


def span(span: UncertainDate, by: date) -> str:
    """ "entre le 7 avril 2015 et mars 2023, date exacte inconnue" (or "au plus tard en mars 2023, …"
    when nothing earlier is known)."""
    if span.after is None:
        latest = (
            f"en {stated(by, span.precision)}"
            if span.precision is DatePrecision.MONTH
            else _by(by, span.precision)
        )
        return f"au plus tard {latest}, {UNKNOWN_DAY}"
    return f"entre le {french_date(span.after)} et {_by(by, span.precision)}, {UNKNOWN_DAY}"


def validity(
    valid_from: date | None,
    valid_to: date | None,
    *,
    start: UncertainDate | None = None,
    end: UncertainDate | None = None,
    end_pending: bool = False,
    today: date | None = None,
) -> str:
    """ "en vigueur depuis le 1er janvier 2018", "du 1er janvier 2018 au 3 mars 2020", and for uncertain
    boundaries "entrée en vigueur entre le 7 avril 2015 et mars 2023, date exacte inconnue"."""
    if valid_from is None:
        return "entrée en vigueur non fixée"
    if start is not None:
        beginning = f"entrée en vigueur {span(start, valid_from)}"
    elif valid_to is None or end is not None:
        started = (
            "en vigueur depuis le" if valid_from <= (today or date.today()) else "en vigueur à compter du"
        )
        beginning = f"{started} {french_date(valid_from)}"
    else:
        beginning = f"du {french_date(valid_from)}"
    if valid_to is None:
        return beginning + (" (fin annoncée, date non fixée)" if end_pending else "")
    if end is not None:
        return f"{beginning}, remplacée ou abrogée {span(end, valid_to)}"
    if start is not None:
        return f"{beginning} ; jusqu'au {french_date(valid_to)}"
    return f"{beginning} au {french_date(valid_to)}"


def later_change_notice(valid_to: date | None, end: UncertainDate | None, day: date) -> str | None:
    """What a reader must know when a date filter shows a wording whose end is uncertain: at `day` it is
    the last wording known in force, but a later one (or a repeal) may already apply. None otherwise."""
    if end is None or valid_to is None or day >= valid_to or (end.after is not None and day <= end.after):
        return None
    return (
        f"Au {french_date(day)}, c'est la dernière rédaction connue en vigueur ; une version ultérieure "
        f"(ou l'abrogation) est intervenue {span(end, valid_to)} : elle s'applique peut-être déjà."
    )

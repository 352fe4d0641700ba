"""Amending texts named only by a title (git commit subjects) → AmendingText values with stable ids.

A subject may name several texts ("Décret n°55-22 du 4 janvier 1955 et Loi n°65-570 du 13 juillet 1965")
and spells one text several ways ("LOI n° 2014-873 …", "LOI n°2014-873 …", "Loi 76-1179 1976-12-22 art. 9
JORF 23 décembre 1976"). Every spelling of one text must give the same id, so that one decree applied in
several commits of one day stays one changeset. Titles that do not parse ("Modifications d'origine
indéterminée") keep their wording and get an id from it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from unidecode import unidecode

from corpus.french_dates import french_date
from corpus.model import AmendingText

MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
# nature as Légifrance spells it → as printed in a title
NATURES = {
    "LOI_ORGANIQUE": "Loi organique",
    "LOI": "Loi",
    "DECRET_LOI": "Décret-loi",
    "DECRET": "Décret",
    "ORDONNANCE": "Ordonnance",
    "ARRETE": "Arrêté",
    "DECISION": "Décision",
}

_NATURE = r"(?P<nature>loi organique|loi|decret-loi|decret|ordonnance|arrete|decision)"
_DAY = r"(?P<day>\d{1,2})(?:er)?\s+(?P<month>[a-z]+)\s+(?P<year>\d{4})"
# "Loi n°2014-873 du 4 août 2014", "Décision n°2013-368 QPC du 7 mars 2014, v. init.", "Arrêté du 18 mars
# 2011", "Loi n°80-525 du 12 juillet 1980, art. 5 v. init."
_FRENCH = re.compile(
    rf"^{_NATURE}(?:\s+n\s*(?P<number>\d+-\d+(?:\s+(?:qpc|dc|l))?))?(?:\s+du\s+{_DAY})?"
    r"(?:\s*,?\s*(?P<article>art\..*?))?(?:\s*,?\s*v\.\s*init\.|\s*\(v\))?\s*$",
    re.IGNORECASE,
)
# "Loi 76-1179 1976-12-22 art. 9 JORF 23 décembre 1976 rectificatif JORF …"
_COMPACT = re.compile(
    rf"^{_NATURE}\s+(?P<number>\d+-\d+)\s+(?P<iso>\d{{4}}-\d\d-\d\d)"
    r"(?:\s+(?P<article>art\..*?))?(?=\s+jorf\b|\s*$)"
    r"(?:\s+jorf\s+(?P<jorf>\d{1,2})(?:er)?\s+(?P<jorf_month>[a-z]+)\s+(?P<jorf_year>\d{4}))?",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"(?:,\s+|\s+et\s+)(?=(?:loi|décret|decret|ordonnance|arrêté|arrete|décision|decision)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TitledText:
    """One amending text named in a subject, and the article of that text when the subject gives it."""

    text: AmendingText
    article_in_text: str | None = None


def _fold(title: str) -> str:
    """Spelling without accents, with single spaces and "n°" as "n ", so spellings compare equal."""
    decomposed = unicodedata.normalize("NFD", title)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = re.sub(r"\bn\s*[°º]\s*", "n ", bare, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", bare).strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def _date(day: str, month: str, year: str) -> date | None:
    number = MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None


def _nature_key(folded: str) -> str:
    return folded.upper().replace(" ", "_").replace("-", "_")


def _canonical(nature: str, number: str | None, signed: date | None) -> str:
    title = NATURES[nature]
    if number:
        title += f" n° {number.upper()}"
    if signed:
        title += f" du {french_date(signed)}"
    return title


def parse_one(title: str) -> TitledText:
    """One text's title → AmendingText; an unparsed title keeps its wording and a slug id."""
    folded = _fold(title)
    match = _COMPACT.match(folded)
    if match:
        nature = _nature_key(match["nature"])
        try:
            signed = date.fromisoformat(match["iso"])
        except ValueError:  # "Loi 1803-02-30": an impossible date keeps the title as written
            return _unparsed(title)
        published = None
        if match["jorf"]:
            published = _date(match["jorf"], match["jorf_month"], match["jorf_year"])
        return _titled(nature, match["number"], signed, published, match["article"])
    match = _FRENCH.match(folded)
    if match and (match["number"] or match["year"]):
        signed = _date(match["day"], match["month"], match["year"]) if match["year"] else None
        if match["year"] and signed is None:
            return _unparsed(title)
        return _titled(_nature_key(match["nature"]), match["number"], signed, None, match["article"])
    return _unparsed(title)


def _titled(
    nature: str, number: str | None, signed: date | None, published: date | None, article: str | None
) -> TitledText:
    key = number if number else signed.isoformat() if signed else ""
    text = AmendingText(
        text_id=_slug(f"{nature}-{key}"),
        title=_canonical(nature, number, signed),
        nature=nature,
        signed_on=signed,
        published_on=published,
    )
    return TitledText(text, article.strip().rstrip(",") if article else None)


def _unparsed(title: str) -> TitledText:
    return TitledText(AmendingText(text_id=_slug(_fold(title)) or "sans-titre", title=title.strip()))


def parse_subject(subject: str) -> tuple[TitledText, ...]:
    """Every amending text a commit subject names, in the order named, without repeats."""
    found: dict[str, TitledText] = {}
    for part in _SPLIT.split(subject.strip()):
        if part.strip():
            titled = parse_one(part)
            found.setdefault(titled.text.text_id, titled)
    return tuple(found.values())


def register_texts(texts: dict[str, AmendingText], titled: tuple[TitledText, ...]) -> tuple[TitledText, ...]:
    """Record each amending text of a commit in `texts` (by id), a dated reading replacing an undated
    one; returns `titled` unchanged. The git adapters see one text in several commits."""
    for item in titled:
        known = texts.get(item.text.text_id)
        if known is None or (known.signed_on is None and item.text.signed_on is not None):
            texts[item.text.text_id] = item.text
    return titled

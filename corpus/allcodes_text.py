"""The all-codes export's article files and commit subjects, read into plain values.

An article file is a title line ("Article L626-30"), a `----` line, then the wording hard-wrapped at 80
columns with blank lines between paragraphs. The wording is unwrapped (lines of one paragraph joined by a
space, paragraphs by a newline), so it compares equal to the same wording from Légifrance, which never
wraps. Subjects spell titles "Décret N°2015-398 Du 7 Avril 2015 - Art. 1" or "Loi N°70-459 Du 4 Juin
1970 - Art. 2 () Jorf 5 Juin 1970 En Vigueur Le 1er Janvier 1971": `clean_subject` keeps the part that
names the text and its article, in the form `corpus.amending_titles` reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from corpus.anomalies import AnomalyKind
from corpus.french_dates import french_date
from corpus.model import normalize_number

_TITLE = re.compile(r"^Article\s+(?P<number>\S.*?)\s*$")
_RULE = re.compile(r"^-{3,}\s*$")
_PARAGRAPHS = re.compile(r"\n\s*\n")
_FLAG = re.compile(r"\s+\([A-Za-z]*\)(?=\s|$)")  # "()", "(V)", "(Ab)" after an article reference
_ARTICLE_PART = re.compile(r"^(?P<head>.*?)\s+-\s+(?P<article>Art\..*?)(?:\s+Jorf\b.*)?$")
# "Arrêté 2005-12-29 Art. 1 Jorf 29 Décembre 2005 …", "Loi 1803-03-17 Promulguée Le 27 Mars 1803": a text
# without a number, named by its date (those with a number, "Loi 79-15 1979-01-03 …", are read as they are)
_UNNUMBERED = re.compile(
    r"^(?P<nature>Loi|Décret|Ordonnance|Arrêté|Décision)\s+(?P<day>\d{4}-\d\d-\d\d)"
    r"(?:\s+(?P<article>Art\.\s.*?))?(?=\s+Jorf\b|\s+Promulgu|\s*$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ArticleText:
    """What one article file says: the number its title line gives and its unwrapped wording."""

    title_number: str | None  # None when the first line is not "Article …"
    text: str | None  # None when the file has no wording
    layout_ok: bool  # title line then `----`
    unreadable: bool = False  # not UTF-8: read with replacement characters

    def problems(self, number: str) -> list[tuple[AnomalyKind, str]]:
        """The anomalies of this file when it holds article `number` (its file name's)."""
        found = []
        if self.unreadable:
            found.append((AnomalyKind.UNREADABLE, "caractères remplacés"))
        if not self.layout_ok:
            found.append((AnomalyKind.TITLE_MISMATCH, "pas de ligne « Article … » suivie de « ---- »"))
        elif (
            self.title_number
            and normalize_number(self.title_number).casefold() != normalize_number(number).casefold()
        ):
            found.append((AnomalyKind.TITLE_MISMATCH, f"titre « Article {self.title_number} »"))
        if self.text is None:
            found.append((AnomalyKind.EMPTY_TEXT, "aucun texte après le titre"))
        return found


def unwrap(body: str) -> str | None:
    """Paragraphs with their lines joined by one space, separated by one newline; None when empty."""
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPHS.split(body.strip()))
    text = "\n".join(paragraph for paragraph in paragraphs if paragraph)
    return text or None


def parse_article_file(content: bytes) -> ArticleText:
    try:
        markdown, unreadable = content.decode("utf-8"), False
    except UnicodeDecodeError:
        markdown, unreadable = content.decode("utf-8", "replace"), True
    lines = markdown.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = _TITLE.match(lines[0]) if lines else None
    if title is None or len(lines) < 2 or not _RULE.match(lines[1]):
        return ArticleText(title["number"] if title else None, unwrap("\n".join(lines)), False, unreadable)
    return ArticleText(title["number"], unwrap("\n".join(lines[2:])), True, unreadable)


def clean_subject(subject: str) -> str:
    """ "Loi N°70-459 Du 4 Juin 1970 - Art. 2 () Jorf 5 Juin 1970 …" → "Loi N°70-459 Du 4 Juin 1970, art. 2"."""
    subject = _FLAG.sub("", subject.strip())
    unnumbered = _UNNUMBERED.match(subject)
    if unnumbered:
        try:
            day = french_date(date.fromisoformat(unnumbered["day"]))
        except ValueError:  # "1803-02-30": kept as written
            return subject
        article = f", {unnumbered['article'].replace('Art.', 'art.', 1)}" if unnumbered["article"] else ""
        return f"{unnumbered['nature']} du {day}{article}"
    match = _ARTICLE_PART.match(subject)
    if match:
        return f"{match['head']}, {match['article'].replace('Art.', 'art.', 1)}"
    return subject

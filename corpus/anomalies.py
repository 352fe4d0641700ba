"""What a source got wrong or left unsaid, counted per code and kind so that `corpus info` reports it.

Real exports are messy (an unknown entry into force written 1970-01-01, a commit "Modification du
0003-05-19 de source inconnue", one article number at two paths at once, an empty article file). Sources
keep what they can read and record each such case as an `Anomaly`; nothing is dropped silently.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


class AnomalyKind(enum.StrEnum):
    UNKNOWN_DATE = "unknown_date"  # entry into force written as 1970-01-01: the source does not know it
    UNKNOWN_SOURCE = "unknown_source"  # the change is not attributed to any amending text
    ODD_COMMIT = "odd_commit"  # a commit whose message or dates cannot be right (year 0003, 2999…)
    DUPLICATE_PATH = "duplicate_path"  # one article number at two paths at the same time
    EMPTY_TEXT = "empty_text"  # an article file without wording: kept as a version without text
    TITLE_MISMATCH = "title_mismatch"  # the file's title line names another number than its file name
    NOT_AN_ARTICLE = "not_an_article"  # a file in a code folder that is not `Article <num>.md`
    OUT_OF_ORDER = "out_of_order"  # a change dated before the wording it replaces: put on that date
    UNKNOWN_CODE = "unknown_code"  # a code folder whose title is not in corpus.code_names
    UNREADABLE = "unreadable"  # a file that is not UTF-8: read with replacement characters
    TEXT_CONFLICT = "text_conflict"  # two sources give one version (same date) different wordings
    ENDED_UNSEEN = "ended_unseen"  # in force at the end of one source, unknown to the later one


ANOMALY_LABELS_FR = {
    AnomalyKind.UNKNOWN_DATE: "dates d'entrée en vigueur inconnues (1970-01-01)",
    AnomalyKind.UNKNOWN_SOURCE: "modifications de source inconnue",
    AnomalyKind.ODD_COMMIT: "commits aux dates ou messages impossibles",
    AnomalyKind.DUPLICATE_PATH: "numéros présents à deux chemins à la fois",
    AnomalyKind.EMPTY_TEXT: "textes vides",
    AnomalyKind.TITLE_MISMATCH: "titres de fichier différents du numéro",
    AnomalyKind.NOT_AN_ARTICLE: "fichiers qui ne sont pas des articles",
    AnomalyKind.OUT_OF_ORDER: "modifications datées avant la version qu'elles remplacent",
    AnomalyKind.UNKNOWN_CODE: "codes absents de la table des codes",
    AnomalyKind.UNREADABLE: "fichiers illisibles en UTF-8",
    AnomalyKind.TEXT_CONFLICT: "versions de même date aux textes différents selon la source",
    AnomalyKind.ENDED_UNSEEN: "articles absents de la source suivante, fin posée à son premier jour",
}


@dataclass(frozen=True)
class Anomaly:
    """One case, where it was found (a file path, a commit, a version id) and what is wrong, in French."""

    code_id: str
    kind: AnomalyKind
    location: str
    detail: str


def count_by_kind(anomalies: Iterable[Anomaly]) -> dict[AnomalyKind, int]:
    counts = Counter(anomaly.kind for anomaly in anomalies)
    return {kind: counts[kind] for kind in AnomalyKind if counts[kind]}


def report_lines(counts: dict[AnomalyKind, int], *, indent: str = "  ") -> list[str]:
    """The French lines `corpus info` prints: one per kind found, or one saying there is none."""
    if not counts:
        return [f"{indent}anomalies           : aucune"]
    total = sum(counts.values())
    lines = [f"{indent}anomalies           : {total}"]
    lines += [f"{indent}  {count:>7} {ANOMALY_LABELS_FR[kind]}" for kind, count in counts.items()]
    return lines

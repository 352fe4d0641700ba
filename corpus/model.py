"""The one model of versioned law that every source is read into.

Values are frozen dataclasses: adapters build them, the store persists them, and the layers above
only ever read them.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date


class Status(enum.StrEnum):
    """Légifrance's `etat` of a version, in English; sources without one use IN_FORCE / REPEALED."""

    IN_FORCE = "in_force"  # VIGUEUR
    IN_FORCE_DEFERRED = "in_force_deferred"  # VIGUEUR_DIFF: will enter into force later
    MODIFIED = "modified"  # MODIFIE: replaced by a later version
    MODIFIED_STILLBORN = "modified_stillborn"  # MODIFIE_MORT_NE: replaced before it took effect
    REPEALED = "repealed"  # ABROGE
    REPEALED_DEFERRED = "repealed_deferred"  # ABROGE_DIFF: repeal announced for a later date
    TRANSFERRED = "transferred"  # TRANSFERE
    MOVED = "moved"  # DEPLACE: moved within the code
    ANNULLED = "annulled"  # ANNULE
    EXPIRED = "expired"  # PERIME
    DISJOINED = "disjoined"  # DISJOINT
    UNKNOWN = "unknown"
    GONE = "gone"  # absent from a later capture of the code: repealed, moved or renumbered, we cannot tell


LEGIFRANCE_STATUS = {
    "VIGUEUR": Status.IN_FORCE,
    "VIGUEUR_DIFF": Status.IN_FORCE_DEFERRED,
    "MODIFIE": Status.MODIFIED,
    "MODIFIE_MORT_NE": Status.MODIFIED_STILLBORN,
    "ABROGE": Status.REPEALED,
    "ABROGE_DIFF": Status.REPEALED_DEFERRED,
    "TRANSFERE": Status.TRANSFERRED,
    "DEPLACE": Status.MOVED,
    "ANNULE": Status.ANNULLED,
    "PERIME": Status.EXPIRED,
    "DISJOINT": Status.DISJOINED,
}

STATUS_LABELS_FR = {
    Status.IN_FORCE: "en vigueur",
    Status.IN_FORCE_DEFERRED: "en vigueur différée",
    Status.MODIFIED: "modifié",
    Status.MODIFIED_STILLBORN: "modifié (mort-né)",
    Status.REPEALED: "abrogé",
    Status.REPEALED_DEFERRED: "abrogation différée",
    Status.TRANSFERRED: "transféré",
    Status.MOVED: "déplacé",
    Status.ANNULLED: "annulé",
    Status.EXPIRED: "périmé",
    Status.DISJOINED: "disjoint",
    Status.UNKNOWN: "inconnu",
    Status.GONE: "disparu (abrogé ou déplacé)",
}


class ChangeRole(enum.StrEnum):
    """What an amending text did to a version: made it, or ended it (repeal, transfer)."""

    CREATED = "created"
    ENDED = "ended"


class DatePrecision(enum.StrEnum):
    """How precisely a date stated by a user is known: a capture "of March 2023" is a month."""

    DAY = "day"
    MONTH = "month"


@dataclass(frozen=True)
class UncertainDate:
    """A change whose exact day no source gives (a capture shows a new wording, not when it came).

    It happened after `after` (the last day the earlier state is known; None when nothing earlier is
    known) and at the latest on the version's own date (`valid_from` or `valid_to`), which is itself
    known to `precision`. Keeping the latest bound in `valid_from` / `valid_to` means a date filter shows
    the last wording known to be in force, never one that only may have been.
    """

    after: date | None
    precision: DatePrecision = DatePrecision.DAY


@dataclass(frozen=True)
class Code:
    code_id: str  # LEGITEXT… for Légifrance, a stable slug otherwise
    title: str  # "Code du travail"


@dataclass(frozen=True)
class AmendingText:
    """A text (loi, décret, ordonnance…) that creates, modifies or repeals articles.

    `signed_on` / `published_on` are the text's own dates; the date it took effect on an article is the
    version's `valid_from` (or `valid_to` for an ending), kept apart on purpose.
    """

    text_id: str  # JORFTEXT… where known, a stable derived id otherwise
    title: str
    nature: str | None = None  # LOI, DECRET, ORDONNANCE…
    signed_on: date | None = None
    published_on: date | None = None


@dataclass(frozen=True)
class Amendment:
    """The link between one version and one amending text."""

    text: AmendingText
    role: ChangeRole = ChangeRole.CREATED
    link_type: str | None = None  # source vocabulary, e.g. Légifrance CREE / MODIFIE / ABROGE
    article_in_text: str | None = None  # "art. 19" of the amending text, when known


@dataclass(frozen=True)
class Version:
    """One wording of an article, valid over [valid_from, valid_to).

    `valid_from is None` means the entry into force is not fixed yet (Légifrance 2222-02-22);
    `valid_to is None` means open-ended (Légifrance 2999-01-01). `text is None` marks a version known only
    from metadata: never an empty string standing in for unknown text. `start_uncertain` / `end_uncertain`
    say that `valid_from` / `valid_to` are only the latest possible days of a change whose day is unknown.
    """

    version_id: str
    article_id: str
    number: str
    text: str | None
    valid_from: date | None
    valid_to: date | None
    status: Status
    section_path: tuple[str, ...] = ()
    html: str | None = None
    amendments: tuple[Amendment, ...] = ()
    valid_to_pending: bool = False  # an end is announced but its date is not fixed
    nota: str | None = None
    start_uncertain: UncertainDate | None = None  # entry into force on an unknown day, by valid_from
    end_uncertain: UncertainDate | None = None  # ended on an unknown day, by valid_to

    @property
    def has_text(self) -> bool:
        return self.text is not None

    @property
    def start_pending(self) -> bool:
        return self.valid_from is None

    def in_force_at(self, day: date) -> bool:
        if self.valid_from is None or self.valid_from > day:
            return False
        return self.valid_to is None or day < self.valid_to


@dataclass(frozen=True)
class Article:
    """An article's identity and its versions, oldest first."""

    article_id: str  # Légifrance `cid`, or a stable derived id
    code: Code
    number: str  # as printed, e.g. "L1233-3", "1343-5", "R*611-1"
    versions: tuple[Version, ...] = field(default_factory=tuple)

    @property
    def key(self) -> str:
        return article_key(self.code.code_id, self.number)


@dataclass(frozen=True)
class ChangesetEntry:
    version: Version
    role: ChangeRole
    previous_version_id: str | None = None


@dataclass(frozen=True)
class Changeset:
    """An amending text applied on one date: the versions it created, modified or ended that day."""

    text: AmendingText
    effective_on: date | None
    code_id: str
    entries: tuple[ChangesetEntry, ...] = ()

    @property
    def changeset_id(self) -> str:
        return changeset_id(self.text.text_id, self.effective_on)


_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f.]+")


def normalize_number(number: str) -> str:
    """Canonical spelling of an article number: "L. 1233-3" → "L1233-3", "R* 611-1" → "R*611-1".

    Suffixes such as "bis" keep a single space ("L400 bis") so they stay readable.
    """
    raw = number.strip()
    match = re.match(r"^([A-Za-z]{1,2}\*{0,2}(?:\.?O\.?)?)[\s\u00a0\u202f.]*(\d.*)$", raw)
    if match and not raw[:1].isdigit():
        prefix = _NUMBER_SPACES.sub("", match.group(1)).upper()
        rest = match.group(2)
    else:
        prefix, rest = "", raw
    rest = re.sub(r"[\s\u00a0\u202f]+", " ", rest).strip()
    rest = re.sub(r"\s*-\s*", "-", rest)
    return prefix + rest


def article_key(code_id: str, number: str) -> str:
    """The canonical key used by citations, the store and the index: "<code id>:<number>"."""
    return f"{code_id}:{normalize_number(number)}"


def changeset_id(text_id: str, effective_on: date | None) -> str:
    return f"{text_id}@{effective_on.isoformat() if effective_on else 'pending'}"

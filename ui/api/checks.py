"""Query parameters → values, or an `ApiError` that says in French what is wrong (a 4xx, never a 500).

The limits keep one request's cost bounded: a query of at most MAX_QUERY_CHARS characters, pages of at
most MAX_LIMIT articles and no deeper than MAX_OFFSET, request bodies of at most MAX_BODY_BYTES.
"""

from __future__ import annotations

import re
from datetime import date

from corpus.model import STATUS_LABELS_FR, Code, Status

MAX_QUERY_CHARS = 500
MAX_LIMIT = 100
MAX_OFFSET = 5_000
MAX_BODY_BYTES = 256 * 1024
MAX_CITE_CHARS = 100_000
MAX_ID_CHARS = 200

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class ApiError(Exception):
    """A request the API refuses: HTTP status, a stable English code for programs, a French message."""

    def __init__(self, status: int, code: str, message: str, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.parameter = status, code, message, parameter

    def body(self) -> dict:
        error = {"status": self.status, "code": self.code, "message": self.message}
        if self.parameter:
            error["parameter"] = self.parameter
        return {"error": error}


def bad(parameter: str, message: str) -> ApiError:
    return ApiError(400, "invalid_parameter", message, parameter)


def parse_day(value: str | None, parameter: str) -> date | None:
    """An ISO date; a well-formed but impossible one ("2020-13-45") is named as impossible, not as
    badly written."""
    if value is None or value == "":
        return None
    match = _ISO_DAY.fullmatch(value.strip())
    if match is None:
        raise bad(parameter, f"« {value[:40]} » n'est pas une date au format AAAA-MM-JJ (ex. 2020-06-01).")
    year, month, day_of_month = (int(part) for part in match.groups())
    try:
        return date(year, month, day_of_month)
    except ValueError:
        if not 1 <= month <= 12:
            reason = f"il n'y a pas de mois {month}"
        elif year < 1:
            reason = "il n'y a pas d'année 0"
        else:
            reason = f"le mois {month:02d}/{year} n'a pas de jour {day_of_month}"
        raise bad(parameter, f"date impossible « {value.strip()} » : {reason}.") from None


def check_query(query: str) -> str:
    if len(query) > MAX_QUERY_CHARS:
        raise bad("q", f"requête trop longue : {len(query)} caractères, au plus {MAX_QUERY_CHARS}.")
    if "\x00" in query:
        raise bad("q", "la requête contient un caractère nul.")
    return query


def check_page(limit: int, page: int) -> tuple[int, int]:
    """(limit, offset) of a page, numbered from 1."""
    if not 1 <= limit <= MAX_LIMIT:
        raise bad("limit", f"limit doit être entre 1 et {MAX_LIMIT} (reçu {limit}).")
    if page < 1:
        raise bad("page", f"page doit être au moins 1 (reçu {page}).")
    offset = (page - 1) * limit
    if offset > MAX_OFFSET:
        raise bad(
            "page", f"page trop lointaine : au plus {MAX_OFFSET // limit + 1} pages de {limit} résultats."
        )
    return limit, offset


def check_status(status: str | None) -> str | None:
    if not status:
        return None
    try:
        return Status(status).value
    except ValueError:
        known = ", ".join(f"{s.value} ({STATUS_LABELS_FR[s]})" for s in Status)
        raise bad("status", f"statut inconnu « {status[:40]} » ; statuts possibles : {known}.") from None


def resolve_code(value: str | None, codes: list[Code]) -> str | None:
    """A code's id from its id, its title or a usual abbreviation ("C. trav."); unknown → 400."""
    if not value:
        return None
    wanted = value.strip()
    for code in codes:
        if wanted == code.code_id or wanted.casefold() == code.title.casefold():
            return code.code_id
    if len(wanted) <= MAX_ID_CHARS:
        from analyzers.citations import resolve_code as resolve_name

        _, code_id = resolve_name(wanted)
        if code_id in {code.code_id for code in codes}:
            return code_id
    known = ", ".join(f"{code.title} ({code.code_id})" for code in codes[:10])
    raise bad("code", f"code inconnu « {value[:80]} » ; codes du corpus : {known}.")


def check_id(value: str, parameter: str) -> str:
    if not value or len(value) > MAX_ID_CHARS or not value.isprintable():
        raise bad(parameter, f"identifiant invalide pour {parameter}.")
    return value

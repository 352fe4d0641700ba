"""The scope stage: which versions a request looks at (date in force, code, status, section), as a mask
over the index's documents with its French description, and the words that say why nothing was found."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from analyzers.citations import resolve_code
from corpus.model import STATUS_LABELS_FR, Status
from search.filters import (
    FILTER_NAMES_FR,
    FieldFilter,
    VersionFilter,
    Where,
    code_filter,
    describe,
    section_filter,
    status_filter,
    version_filter,
)
from search.index_view import IndexView
from search.query import ParsedQuery
from search.results import SearchRequest

MAX_LIMIT = 200
CITED_NOT_IN_FORCE = "L'article cité n'a pas de version"  # how `nothing_found` starts for a cited article


@dataclass(frozen=True)
class Scope:
    version: VersionFilter
    code_id: str | None
    fields: tuple[FieldFilter, ...]  # code, status, section restrictions, each with its description
    allowed: np.ndarray  # bool per document: passes every filter (read-only, cached by the view)
    description: str  # the whole filter in French, as the UI shows it
    limit: int
    offset: int
    notices: tuple[str, ...] = ()

    @property
    def where(self) -> Where:
        """The same filters as values, for engines that filter natively."""
        values = {field.field: field.value for field in self.fields}
        return Where(self.version.day, self.code_id, values.get("status"), values.get("section"))


def resolve_scope(
    request: SearchRequest, parsed: ParsedQuery, view: IndexView, codes: Mapping[str, str]
) -> Scope:
    """The request's filters (a `code:` typed in the query applies when the request names none)."""
    notices: list[str] = []
    code_id = code_of(request.code, codes, notices)
    if parsed.code and code_id is None:
        code_id = code_of(parsed.code, codes, notices)
    vfilter = version_filter(request.at, request.all_versions)
    fields = []
    if code_id:
        fields.append(code_filter(code_id, codes.get(code_id, code_id)))
    if request.status:
        fields.append(status_filter(request.status, status_label(request.status)))
    if request.section:
        fields.append(section_filter(request.section))
    return Scope(
        version=vfilter,
        code_id=code_id,
        fields=tuple(fields),
        allowed=view.filter_mask(vfilter, code_id, request.status, request.section),
        description=describe(vfilter, tuple(fields)),
        limit=max(1, min(int(request.limit or 10), MAX_LIMIT)),
        offset=max(0, int(request.offset or 0)),
        notices=tuple(notices),
    )


def code_of(code: str | None, codes: Mapping[str, str], notices: list[str]) -> str | None:
    """The id of the code a user named (id, part of its title, or a known short name); None, with a
    notice, when no indexed code has that name."""
    if not code:
        return None
    if code in codes:
        return code
    wanted = code.casefold().strip()
    for code_id, title in codes.items():
        if wanted in title.casefold():
            return code_id
    _, code_id = resolve_code(code)
    if code_id in codes:
        return code_id
    notices.append(f"Code « {code} » inconnu : la recherche porte sur tous les codes.")
    return None


def status_label(status: str) -> str:
    try:
        return STATUS_LABELS_FR[Status(status)]
    except ValueError:  # not a status we know: shown as given
        return status


def nothing_found(parsed: ParsedQuery, references: tuple[str, ...], scope: Scope) -> str:
    """Why nothing came back, and which filter to loosen (never "try all versions" when that is
    already the filter)."""
    vfilter, fields = scope.version, scope.fields
    loosen = [] if vfilter.all_versions else ["essayez « toutes les versions »"]
    loosen += [f"retirez le filtre {FILTER_NAMES_FR[field.field]}" for field in fields]
    advice = f" : {' ou '.join(loosen)}." if loosen else "."
    where = f"({scope.description})" if vfilter.all_versions else scope.description
    if not scope.allowed.any():
        # The filters alone leave no version at all: say so, whatever the query.
        return f"Aucun article {where} dans le corpus{advice}"
    if (parsed.references or parsed.ranges or parsed.prefixes) and not references:
        return "Aucun article de ce numéro dans le corpus."
    if references:
        return f"{CITED_NOT_IN_FORCE} {scope.description}{advice}"
    if parsed.is_empty:
        return "Rien à chercher dans cette requête : saisissez des mots ou un numéro d'article."
    return f"Aucun article {where} ne correspond à la requête{advice}"

"""`lexsearch search`: the same SearchService the app uses, as a table or as JSON (one query or a batch)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from corpus import dating
from corpus.errors import LexsearchError
from corpus.model import STATUS_LABELS_FR, DatePrecision, Status, UncertainDate
from search.results import SearchRequest, SearchResults
from ui.api import checks, payloads


class UsageError(LexsearchError):
    """A bad option value or batch line, named with where it came from."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help="chercher dans toutes les versions de tous les articles")
    parser.add_argument(
        "query",
        nargs="?",
        metavar="REQUÊTE",
        help='mots, "expression exacte", -exclusion, L. 1233-3, L. 1233-*',
    )
    when = parser.add_mutually_exclusive_group()
    when.add_argument(
        "--at", metavar="AAAA-MM-JJ", help="versions en vigueur à cette date (par défaut : aujourd'hui)"
    )
    when.add_argument(
        "--all-versions", action="store_true", help="toutes les versions, rédactions passées comprises"
    )
    parser.add_argument("--code", help="un seul code (titre, abréviation ou identifiant LEGITEXT)")
    parser.add_argument(
        "--limit", type=int, default=10, metavar="N", help="nombre d'articles affichés (par défaut 10)"
    )
    parser.add_argument("--json", action="store_true", help="afficher du JSON au lieu d'un tableau")
    parser.add_argument(
        "--batch",
        type=Path,
        metavar="FICHIER",
        help="requêtes en JSON Lines ; une ligne de sortie par requête",
    )
    parser.set_defaults(handler=run_search)


def parse_day(value: object, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return checks.parse_day(str(value), where)  # the API's rule: an impossible date is named so
    except checks.ApiError as error:
        raise UsageError(f"{where} : {error.message}") from None


def _bound(day: date | None, span: UncertainDate | None, *, end: bool) -> str:
    """A boundary for the table: exact "2013-06-27", or "2015-04-09~2023-03" when only a span is known."""
    if day is None:
        return "…" if end else "?"
    if span is None:
        return day.isoformat()
    latest = day.strftime("%Y-%m") if span.precision is DatePrecision.MONTH else day.isoformat()
    return f"{span.after.isoformat() if span.after else '?'}~{latest}"


def results_json(results: SearchResults) -> dict:
    """The JSON shape of `lexsearch search --json` (issue 4); snippets are plain text with highlight spans."""
    return payloads.results_json(results)


def _starred(hit) -> str:
    """The snippet with its highlights between asterisks, for the terminal."""
    text, parts, cursor = hit.snippet_text, [], 0
    for start, end in hit.highlights:
        parts += [text[cursor:start], "*", text[start:end], "*"]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def status_fr(status: str) -> str:
    """The French label of a stored status ("en vigueur", "modifié", "abrogé"); JSON keeps the value."""
    try:
        return STATUS_LABELS_FR[Status(status)]
    except ValueError:
        return status


def _table(results: SearchResults, day: date | None) -> str:
    lines = [f"{results.total} article(s) — {results.filter_description} — {results.took_ms:.0f} ms"]
    lines += [f"  ! {notice}" for notice in results.notices]
    if results.suggestion:
        lines.append(f"  ? vouliez-vous dire : {results.suggestion}")
    for rank, hit in enumerate(results.hits, 1):
        since = _bound(hit.valid_from, hit.start_uncertain, end=False)
        until = _bound(hit.valid_to, hit.end_uncertain, end=True)
        lines.append(
            f"{rank:>3}. {hit.article:<14} {hit.code} [{since} → {until}] {status_fr(hit.status)}  {hit.score:.3f}"
        )
        if hit.section_path:
            lines.append("     " + " › ".join(hit.section_path[-2:]))
        notice = dating.later_change_notice(hit.valid_to, hit.end_uncertain, day) if day else None
        if notice:
            lines.append(f"     ! {notice}")
        if hit.snippet_text:
            lines.append("     " + _starred(hit).replace("\n", " ")[:300])
        if hit.other_versions:
            lines.append(f"     + {len(hit.other_versions)} autre(s) version(s) correspondante(s)")
        if hit.same_text:
            places = ", ".join(f"{same.article} ({same.code})" for same in hit.same_text)
            lines.append(f"     = même texte : {places}")
    return "\n".join(lines)


def _request(record: dict, where: str) -> SearchRequest:
    query = record.get("query")
    if not isinstance(query, str):
        raise UsageError(f"{where} : le champ « query » doit être un texte")
    limit = record.get("limit", 10)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise UsageError(f"{where} : le champ « limit » doit être un entier positif")
    code = record.get("code")
    if code is not None and not isinstance(code, str):
        raise UsageError(f"{where} : le champ « code » doit être un texte")
    return SearchRequest(
        query=query,
        at=parse_day(record.get("at"), where),
        all_versions=bool(record.get("all_versions", False)),
        code=code,
        limit=limit,
    )


def run_search(args: argparse.Namespace) -> int:
    if args.batch is None and args.query is None:
        raise UsageError("search : donnez une REQUÊTE ou --batch FICHIER")
    if args.batch is not None:
        try:
            lines = args.batch.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"{args.batch} : lecture impossible ({error.__class__.__name__})") from None
        requests = []
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{args.batch}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise UsageError(f"{where} : JSON invalide ({error.msg})") from None
            if not isinstance(record, dict):
                raise UsageError(f"{where} : chaque ligne doit être un objet JSON")
            requests.append(_request(record, where))  # all lines checked before any output
    else:
        requests = [
            SearchRequest(
                query=args.query,
                at=parse_day(args.at, "--at"),
                all_versions=args.all_versions,
                code=args.code,
                limit=max(1, args.limit),
            )
        ]
    from search.service import SearchService  # imported when needed: `lexsearch --help` stays instant

    service = SearchService.open()
    out = sys.stdout
    for request in requests:
        results = service.search(request)
        if args.json or args.batch is not None:
            out.write(json.dumps(results_json(results), ensure_ascii=False) + "\n")
        else:
            day = None if request.all_versions else (request.at or date.today())
            out.write(_table(results, day) + "\n")
    out.flush()
    return 0

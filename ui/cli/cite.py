"""`lexsearch cite`: the references found in a text, resolved to (code, article), for one text or a batch.

Batch form (`--jsonl FILE`, `-` for stdin): one JSON object per input line, `{"text": …, "code": …}`
(code optional), one JSON object per output line in the same order, all in one process. A malformed
input line gives an output line `{"error": "ligne N : …"}` at its place, so the outputs stay aligned
with the inputs; the other lines are still linked and the command exits with status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import TextIO

from analyzers.citations import CODE_ARTICLE, Citation, find_citations
from corpus.errors import LexsearchError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cite",
        help="trouver et résoudre les références juridiques d'un texte",
        description="Trouve les références (articles de codes, lois, décrets) et les résout en articles.",
    )
    parser.add_argument("text", nargs="?", metavar="TEXTE", help="le texte à lire (à omettre avec --jsonl)")
    parser.add_argument(
        "--code", help='code par défaut du texte, par exemple "Code du travail" (une requête n\'en a pas)'
    )
    parser.add_argument("--json", action="store_true", help="afficher du JSON au lieu de lignes lisibles")
    parser.add_argument(
        "--jsonl",
        metavar="FICHIER",
        help='lot : un fichier JSON Lines d\'objets {"text", "code"} ("-" pour l\'entrée standard) ; affiche du JSON Lines',
    )
    parser.set_defaults(handler=run_cite)


def citation_record(citation: Citation) -> dict:
    """The JSON shape of one citation (the contract's fields first, then what else was understood)."""
    return {
        "text": citation.text,
        "start": citation.start,
        "end": citation.end,
        "kind": citation.kind,
        "code": citation.code,
        "articles": list(citation.articles),
        "detail": citation.detail,
        "code_id": citation.code_id,
        "other_text": citation.other_text,
        "ranges": [list(pair) for pair in citation.ranges],
        "following": citation.following,
        "excluded": citation.excluded,
    }


def cite(text: str, code: str | None = None) -> dict:
    return {"citations": [citation_record(citation) for citation in find_citations(text, code=code)]}


def describe(citation: Citation) -> str:
    """One readable French line per citation."""
    if citation.kind == CODE_ARTICLE:
        target = citation.code or "code inconnu"
    else:
        target = citation.other_text or "autre texte"
    articles = ", ".join(citation.articles) or "—"
    notes = []
    if citation.detail:
        notes.append(citation.detail)
    if citation.ranges:
        notes.append("plage " + ", ".join(f"{first} à {last}" for first, last in citation.ranges))
    if citation.following:
        notes.append("et suivants")
    if citation.excluded:
        notes.append("exclu")
    suffix = f" ({'; '.join(notes)})" if notes else ""
    return f"{citation.start}-{citation.end}  « {citation.text} »  → {target} : {articles}{suffix}"


def _line_result(number: int, raw: str | bytes) -> tuple[dict, bool]:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            return {"error": f"ligne {number} : pas de l'UTF-8 (octet {error.start})"}, False
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        return {"error": f"ligne {number} : JSON invalide ({error.msg}, colonne {error.colno})"}, False
    if not isinstance(record, dict):
        return {"error": f"ligne {number} : un objet JSON est attendu"}, False
    text, code = record.get("text"), record.get("code")
    if not isinstance(text, str):
        return {"error": f"ligne {number} : champ « text » absent ou non textuel"}, False
    if code is not None and not isinstance(code, str):
        return {"error": f"ligne {number} : champ « code » non textuel"}, False
    return cite(text, code), True


def run_jsonl(lines: Iterable[str | bytes], out: TextIO) -> int:
    """Link every line; returns the number of malformed lines (reported in place)."""
    bad = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        result, ok = _line_result(number, raw)
        bad += not ok
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return bad


def run_cite(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.text is not None:
            raise LexsearchError("cite : donnez un TEXTE ou --jsonl FICHIER, pas les deux")
        if args.jsonl == "-":
            bad = run_jsonl(sys.stdin.buffer, sys.stdout)
        else:
            try:
                stream = open(args.jsonl, "rb")  # noqa: SIM115 - closed below; lines decoded one by one
            except OSError as error:
                raise LexsearchError(
                    f"{args.jsonl} : lecture impossible ({error.__class__.__name__})"
                ) from None
            with stream:
                bad = run_jsonl(stream, sys.stdout)
        if bad:
            print(f"lexsearch: {bad} ligne(s) invalide(s), signalée(s) à leur place", file=sys.stderr)
        return 1 if bad else 0
    if args.text is None:
        raise LexsearchError("cite : donnez un TEXTE ou --jsonl FICHIER")
    if args.json:
        print(json.dumps(cite(args.text, args.code), ensure_ascii=False, indent=2))
        return 0
    citations = find_citations(args.text, code=args.code)
    if not citations:
        print("Aucune référence trouvée.")
    for citation in citations:
        print(describe(citation))
    return 0

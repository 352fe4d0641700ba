"""`lexsearch serve [--host H] [--port N] [--workers N]`: the HTTP JSON API (see ui.api.server)."""

from __future__ import annotations

import argparse
import os

from corpus.errors import LexsearchError

DEFAULT_PORT = 8080
MAX_WORKERS = 32


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="servir l'API HTTP JSON (OpenAPI sur /openapi.json)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADRESSE",
        help="adresse d'écoute (par défaut 127.0.0.1 seulement)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port TCP (par défaut {DEFAULT_PORT} ; 0 : un port libre quelconque)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="processus de service (par défaut : un par cœur)",
    )
    parser.add_argument(
        "--no-model-warmup",
        action="store_true",
        help="ne pas charger spaCy en arrière-plan (une requête avec une forme inconnue de l'index le chargera)",
    )
    parser.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    if not 0 <= args.port < 65536:
        raise LexsearchError(f"serve : --port {args.port} : ce n'est pas un port TCP")
    workers = args.workers if args.workers is not None else max(1, os.cpu_count() or 1)
    if not 1 <= workers <= MAX_WORKERS:
        raise LexsearchError(f"serve : --workers {workers} : attendu entre 1 et {MAX_WORKERS}")
    from ui.api.server import serve

    return serve(args.host, args.port, workers, warm_model=not args.no_model_warmup)

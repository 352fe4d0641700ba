"""`lexsearch serve [--host H] [--port N] [--workers N]`: the HTTP JSON API (see ui.api.server)."""

from __future__ import annotations

import argparse
import os

from corpus.errors import LexsearchError

DEFAULT_PORT = 8080
MAX_WORKERS = 32


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="serve the HTTP JSON API (OpenAPI at /openapi.json)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1 only)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"TCP port (default {DEFAULT_PORT}; 0: any free port)"
    )
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument(
        "--no-model-warmup",
        action="store_true",
        help="do not load spaCy in the background (a query with a form unknown to the index loads it)",
    )
    parser.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    if not 0 <= args.port < 65536:
        raise LexsearchError(f"serve: --port {args.port}: not a TCP port")
    workers = args.workers if args.workers is not None else max(1, os.cpu_count() or 1)
    if not 1 <= workers <= MAX_WORKERS:
        raise LexsearchError(f"serve: --workers {workers}: between 1 and {MAX_WORKERS}")
    from ui.api.server import serve

    return serve(args.host, args.port, workers, warm_model=not args.no_model_warmup)

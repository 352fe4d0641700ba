"""`lexsearch index`: (re)build the search index from the corpus store, then switch to it atomically."""

from __future__ import annotations

import argparse
import sys

from corpus.ingest import ensure_default_store
from corpus.settings import data_home
from indexer.build import build_index


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "index", help="build the search index from the corpus store (the old index serves until done)"
    )
    parser.add_argument(
        "--processes", type=int, default=None, help="worker processes (default: 2, or 1 on one core)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(handler=run_index)


def run_index(args: argparse.Namespace) -> int:
    home = data_home()
    store = ensure_default_store(home / "corpus.sqlite3", progress=not args.quiet)
    try:
        report = build_index(store, home / "index", processes=args.processes, progress=not args.quiet)
    finally:
        store.close()
    print(
        f"index : {report.documents} versions, {report.citations} citations, "
        f"{report.seconds:.1f} s avec {report.analysis_processes} processus → {report.directory}",
        file=sys.stderr,
    )
    return 0

"""`lexsearch index`: (re)build the search index from the corpus store, then switch to it atomically."""

from __future__ import annotations

import argparse
import sys

from corpus.ingest import ensure_default_store
from corpus.settings import data_home
from indexer.build import build_index
from indexer.engines import ENGINES, build_engine


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "index",
        help="construire l'index de recherche à partir de la base du corpus (l'ancien index sert jusqu'à la fin)",
    )
    parser.add_argument(
        "--processes",
        type=int,
        metavar="N",
        default=None,
        help="processus d'analyse (par défaut : 2, ou 1 sur un seul cœur)",
    )
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="moteur de recherche : whoosh (par défaut, embarqué) ou tantivy (gros corpus) ; par défaut $LEXSEARCH_ENGINE",
    )
    parser.add_argument("--quiet", action="store_true", help="sans barre de progression")
    parser.set_defaults(handler=run_index)


def run_index(args: argparse.Namespace) -> int:
    home = data_home()
    store = ensure_default_store(home / "corpus.sqlite3", progress=not args.quiet)
    try:
        report = build_index(
            store, home / "index", processes=args.processes, progress=not args.quiet, engine=args.engine
        )
    finally:
        store.close()
    print(
        f"index ({build_engine(args.engine)}) : {report.documents} versions, {report.citations} citations, "
        f"{report.seconds:.1f} s avec {report.analysis_processes} processus → {report.directory}",
        file=sys.stderr,
    )
    return 0

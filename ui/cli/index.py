"""`lexsearch index`: (re)build the search index from the corpus store, then switch to it atomically."""

from __future__ import annotations

import argparse
import sys

from corpus.ingest import ensure_default_store
from corpus.settings import data_home
from indexer.engines import ENGINES, engine_setting
from indexer.incremental import UpdateReport, refresh_index
from indexer.passage_vectors import seed_vectors, update_vectors


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
        help="moteur de recherche : whoosh (embarqué) ou tantivy (gros corpus) ; par défaut $LEXSEARCH_ENGINE, sinon celui de l'index actuel, sinon whoosh",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="tout reconstruire même quand une mise à jour incrémentale suffirait (seules les versions changées "
        "sont réindexées)",
    )
    parser.add_argument(
        "--vectors",
        action="store_true",
        help="puis calculer les vecteurs des articles pour le re-classement sémantique des questions "
        "(~25 min pour le Code du travail la première fois, ensuite seulement les articles changés ; "
        "interrompu, il reprend où il en était)",
    )
    parser.add_argument("--quiet", action="store_true", help="sans barre de progression")
    parser.set_defaults(handler=run_index)


def say(line: str) -> None:
    print(line, file=sys.stderr)


def describe(report: UpdateReport) -> str | None:
    """The closing line of an index refresh (None when nothing was done: the refresh said so)."""
    if report.build is not None:
        build = report.build
        return (
            f"index : {build.documents} versions, {build.citations} citations, {build.seconds:.1f} s avec "
            f"{build.analysis_processes} processus → {build.directory}"
        )
    if report.directory is None:
        return None
    return (
        f"index mis à jour : {report.analyzed} versions analysées, {report.documents} indexées, "
        f"{report.seconds:.1f} s → {report.directory}"
    )


def run_index(args: argparse.Namespace) -> int:
    home = data_home()
    if args.engine is None:
        engine_setting()  # a wrong $LEXSEARCH_ENGINE is refused before minutes of building a store
    store = ensure_default_store(home / "corpus.sqlite3", progress=not args.quiet)
    try:
        report = refresh_index(
            store,
            home / "index",
            engine=args.engine,
            full=args.full,
            processes=args.processes,
            progress=not args.quiet,
            say=say,
        )
        line = describe(report)
        if line:
            say(line)
        seed_vectors(store, home)  # the shipped vectors of the default corpus, if this home has none
        if args.vectors:
            vectors = update_vectors(store, home, progress=not args.quiet)
            say(
                f"vecteurs : {vectors.articles} articles ({vectors.embedded} calculés, {vectors.kept} repris), "
                f"{vectors.seconds:.1f} s → {vectors.path}"
            )
    finally:
        store.close()
    return 0

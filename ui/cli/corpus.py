"""`lexsearch corpus …`: add sources to the store, describe it, rebuild the default corpus."""

from __future__ import annotations

import argparse
from pathlib import Path

from corpus.build_default import VERSIONS, build_default, default_cache
from corpus.capture import Capture, parse_captured
from corpus.ingest import ensure_default_store, ingest, rebuild_default_store
from corpus.settings import DEFAULT_ARTIFACT
from corpus.store import CodeSummary, Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("corpus", help="manage the corpus store")
    commands = parser.add_subparsers(dest="corpus_command", required=True)

    add = commands.add_parser("add", help="ingest sources (Légifrance JSON/tgz, artifact, git repository)")
    add.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    add.add_argument(
        "--store",
        type=Path,
        help="store file (default: $LEXSEARCH_HOME/corpus.sqlite3, holding the default corpus too)",
    )
    add.add_argument(
        "--captured",
        type=_captured,
        metavar="AAAA-MM[-JJ]",
        help="when a directory of undated article files was captured (month or day); it is merged with "
        "the history of its code already in the store",
    )
    add.add_argument(
        "--code", metavar="TITRE", help="the code of a captured directory, e.g. « Code de commerce »"
    )
    add.add_argument("--quiet", action="store_true", help="no progress bar")
    add.set_defaults(handler=run_add)

    info = commands.add_parser("info", help="codes, article and version counts, dates, changesets")
    info.add_argument("--store", type=Path, help="store file (built from the default corpus if missing)")
    info.set_defaults(handler=run_info)

    build = commands.add_parser(
        "build-default", help="rebuild the committed artifact with npm pack (network)"
    )
    build.add_argument(
        "--cache", type=Path, help=f"where the npm tarballs are kept (default: {default_cache()})"
    )
    build.add_argument("--output", type=Path, default=DEFAULT_ARTIFACT, help="artifact to write")
    build.add_argument(
        "--release",
        action="append",
        dest="releases",
        metavar="VERSION",
        help=f"a legi-data release to merge (repeatable; default: the {len(VERSIONS)} of corpus.build_default)",
    )
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.set_defaults(handler=run_build_default)

    rebuild = commands.add_parser("rebuild", help="rebuild the store from the committed artifact")
    rebuild.add_argument("--store", type=Path, help="store file (default: $LEXSEARCH_HOME/corpus.sqlite3)")
    rebuild.add_argument("--quiet", action="store_true", help="no progress bar")
    rebuild.set_defaults(handler=run_rebuild)


def _captured(value: str) -> Capture:
    try:
        return parse_captured(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def describe(summary: CodeSummary) -> list[str]:
    """The French lines `corpus info` prints for one code."""
    first = summary.first_date.isoformat() if summary.first_date else "?"
    last = summary.last_date.isoformat() if summary.last_date else "?"
    return [
        f"{summary.code.title} ({summary.code.code_id})",
        f"  articles            : {summary.articles}",
        f"  versions            : {summary.versions} (dont {summary.versions_with_text} avec texte, "
        f"{summary.versions - summary.versions_with_text} connues par leurs seules métadonnées)",
        f"  textes modificatifs : {summary.amending_texts}",
        f"  modifications       : {summary.changesets} (texte modificatif × date d'effet)",
        f"  dates               : du {first} au {last}",
    ]


def _print(summaries: list[CodeSummary]) -> None:
    for summary in summaries:
        print("\n".join(describe(summary)))


def run_add(args: argparse.Namespace) -> int:
    # The default store gets the default corpus first, so adding a code never hides the Code du travail;
    # an explicit --store starts empty.
    opened = Store.open(args.store) if args.store else ensure_default_store(progress=not args.quiet)
    with opened as store:
        summaries = ingest(
            store, args.sources, progress=not args.quiet, captured=args.captured, code_title=args.code
        )
        _print(summaries)
    return 0


def run_info(args: argparse.Namespace) -> int:
    with ensure_default_store(args.store) as store:
        summaries = store.summary()
        print(f"Base : {store.path}")
        if not summaries:
            print("Aucun code : ajoutez-en avec `lexsearch corpus add SOURCE…`.")
        _print(summaries)
    return 0


def run_build_default(args: argparse.Namespace) -> int:
    report = build_default(args.cache, args.output, tuple(args.releases or VERSIONS), progress=not args.quiet)
    print(
        f"{report.artifact}: {report.articles} articles, {report.versions} versions "
        f"({report.versions_with_text} avec texte), {report.bytes} octets, {report.seconds:.1f} s"
    )
    return 0


def run_rebuild(args: argparse.Namespace) -> int:
    with rebuild_default_store(args.store, progress=not args.quiet) as store:
        _print(store.summary())
    return 0

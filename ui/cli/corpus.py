"""`lexsearch corpus …`: add sources to the store, describe it, rebuild the default corpus."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from corpus.anomalies import report_lines
from corpus.build_default import VERSIONS, build_default, default_cache
from corpus.capture import Capture, parse_captured
from corpus.ingest import CodeIngest, ensure_default_store, ingest_sources, rebuild_default_store
from corpus.settings import DEFAULT_ARTIFACT, data_home
from corpus.store import CodeSummary, Store
from indexer.incremental import refresh_index
from ui.cli import index as index_cli

# Above this many versions with text, `corpus add` does not rebuild the index by itself: Whoosh indexed the
# whole all-codes export (301,895 versions with text) in about 55 minutes on the shared two-core machine
# (load 15-20; two workers of 1.9 GB each), which would hold the command far too long. It says so, with
# the estimate, and names the command; `--index` asks for the rebuild anyway.
AUTO_INDEX_LIMIT = 60_000
INDEX_RATE = 90  # versions with text indexed per second with Whoosh, as measured above (for the estimate)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("corpus", help="gérer la base du corpus")
    commands = parser.add_subparsers(dest="corpus_command", metavar="COMMANDE", required=True)

    add = commands.add_parser("add", help="ajouter des sources (JSON/tgz Légifrance, artefact, dépôt git)")
    add.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="fichier, répertoire, .bundle, clone git ou URL git"
    )
    add.add_argument(
        "--index",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=f"reconstruire l'index ensuite (par défaut : oui jusqu'à {AUTO_INDEX_LIMIT} versions avec texte)",
    )
    add.add_argument(
        "--store",
        type=Path,
        metavar="FICHIER",
        help="fichier de la base (par défaut : $LEXSEARCH_HOME/corpus.sqlite3, qui contient aussi le corpus par défaut)",
    )
    add.add_argument(
        "--captured",
        type=_captured,
        metavar="AAAA-MM[-JJ]",
        help="date de capture d'un répertoire de fichiers d'articles non datés (mois ou jour) ; il est fusionné "
        "avec l'historique de son code déjà dans la base",
    )
    add.add_argument(
        "--code",
        metavar="TITRE",
        help="seulement ce code des sources (par exemple « Code de commerce » de l'export de tous les codes) ; le "
        "code d'un répertoire capturé qui ne le nomme pas",
    )
    add.add_argument("--quiet", action="store_true", help="sans barre de progression")
    add.set_defaults(handler=run_add)

    info = commands.add_parser("info", help="codes, nombres d'articles et de versions, dates, modifications")
    info.add_argument(
        "--store",
        type=Path,
        metavar="FICHIER",
        help="fichier de la base (construit à partir du corpus par défaut s'il manque)",
    )
    info.set_defaults(handler=run_info)

    build = commands.add_parser(
        "build-default", help="reconstruire l'artefact versionné avec npm pack (réseau)"
    )
    build.add_argument(
        "--cache",
        type=Path,
        metavar="RÉPERTOIRE",
        help=f"où garder les archives npm (par défaut : {default_cache()})",
    )
    build.add_argument(
        "--output", type=Path, default=DEFAULT_ARTIFACT, metavar="FICHIER", help="artefact à écrire"
    )
    build.add_argument(
        "--release",
        action="append",
        dest="releases",
        metavar="VERSION",
        help=f"une version de legi-data à fusionner (répétable ; par défaut : les {len(VERSIONS)} de corpus.build_default)",
    )
    build.add_argument("--quiet", action="store_true", help="sans barre de progression")
    build.set_defaults(handler=run_build_default)

    rebuild = commands.add_parser("rebuild", help="reconstruire la base à partir de l'artefact versionné")
    rebuild.add_argument(
        "--store",
        type=Path,
        metavar="FICHIER",
        help="fichier de la base (par défaut : $LEXSEARCH_HOME/corpus.sqlite3)",
    )
    rebuild.add_argument("--quiet", action="store_true", help="sans barre de progression")
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


def sources_lines(store: Store, code_id: str) -> list[str]:
    """Each source's span of days for a code, and the days none covers."""
    lines = []
    for span in store.coverage(code_id):
        first = span.covered_from.isoformat() if span.covered_from else "?"
        last = span.covered_to.isoformat() if span.covered_to else "?"
        lines.append(f"  source              : {span.source} (du {first} au {last})")
    lines += [f"  lacune              : {gap.label}" for gap in store.coverage_gaps(code_id)]
    return lines


def anomaly_report(store: Store, code_id: str | None = None) -> list[str]:
    """The anomalies of one code (or of the whole store), counted by kind."""
    return report_lines(store.anomaly_counts(code_id), indent="  " if code_id else "")


def merge_lines(report: CodeIngest) -> list[str]:
    if report.merged is None:
        return []
    counts = report.merged
    return [
        f"  fusion              : {counts.articles_matched} articles communs, {counts.articles_added} nouveaux ; "
        f"versions : {counts.versions_identical} identiques, {counts.versions_filled} complétées par le texte, "
        f"{counts.versions_added} ajoutées, {counts.text_conflicts} textes divergents ; "
        f"{counts.articles_closed} articles absents de la source suivante, fin posée à son premier jour",
    ]


def _print(store: Store, summaries: list[CodeSummary], reports: dict[str, CodeIngest] | None = None) -> None:
    for summary in summaries:
        code_id = summary.code.code_id
        lines = describe(summary) + coverage_lines(store, code_id) + sources_lines(store, code_id)
        lines += anomaly_report(store, code_id)
        if reports and code_id in reports:
            lines += merge_lines(reports[code_id])
        print("\n".join(lines))


def coverage_lines(store: Store, code_id: str) -> list[str]:
    """How much of the law in force today has its text (versions before 2020 are often known without)."""
    today = store.coverage_at(date.today(), code_id)
    share = f"{100 * today.share:.2f}".replace(".", ",")
    return [
        f"  texte au {today.day.isoformat()}  : {today.with_text} des {today.in_force} articles en vigueur ({share} %)"
    ]


def _totals(summaries: list[CodeSummary]) -> str:
    articles = sum(summary.articles for summary in summaries)
    versions = sum(summary.versions for summary in summaries)
    with_text = sum(summary.versions_with_text for summary in summaries)
    return f"{len(summaries)} codes, {articles} articles, {versions} versions ({with_text} avec texte)"


def run_add(args: argparse.Namespace) -> int:
    # The default store gets the default corpus first, so adding a code never hides the Code du travail;
    # an explicit --store starts empty.
    opened = Store.open(args.store) if args.store else ensure_default_store(progress=not args.quiet)
    with opened as store:
        ingested = ingest_sources(
            store, args.sources, progress=not args.quiet, captured=args.captured, code_title=args.code
        )
        reports = {r.code.code_id: r for r in ingested}
        summaries = [summary for summary in store.summary() if summary.code.code_id in reports]
        _print(store, summaries, reports)
        print(f"Base : {_totals(store.summary())}")
        if args.store is None:
            _follow_with_index(store, args)
    return 0


def _follow_with_index(store: Store, args: argparse.Namespace) -> None:
    """The index follows the store: updated now when only the changed versions need indexing or a full
    rebuild is quick (or asked), else the command is named."""
    if args.index is False:
        return _name_index_command(store)
    with_text = store.count_versions(with_text=True)
    report = refresh_index(
        store,
        data_home() / "index",
        allow_full=args.index is True or with_text <= AUTO_INDEX_LIMIT,
        progress=not args.quiet,
        say=index_cli.say,
    )
    if report.reason:
        print(f"Pas de mise à jour incrémentale : {report.reason}.", file=sys.stderr)
        return _name_index_command(store)
    line = index_cli.describe(report)
    if line:
        index_cli.say(line)
    return None


def _name_index_command(store: Store) -> None:
    with_text = store.count_versions(with_text=True)
    minutes = with_text / INDEX_RATE / 60
    print(
        f"Index à reconstruire : {with_text} versions avec texte (de l'ordre de {minutes:.0f} min avec "
        f"Whoosh sur deux cœurs chargés). Lancez `lexsearch index` (l'index actuel reste servi jusqu'à la fin) ou "
        f"`lexsearch corpus add --index …` la prochaine fois.",
        file=sys.stderr,
    )


def run_info(args: argparse.Namespace) -> int:
    with ensure_default_store(args.store) as store:
        summaries = store.summary()
        print(f"Base : {store.path}")
        if not summaries:
            print("Aucun code : ajoutez-en avec `lexsearch corpus add SOURCE…`.")
        else:
            print(f"Total : {_totals(summaries)}")
            print("\n".join(anomaly_report(store)))
        _print(store, summaries)
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
        _print(store, store.summary())
    return 0

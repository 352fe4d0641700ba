"""Benchmark: index build time, search latency (search + rerank, and with highlighting of 10 hits), peak
memory. Prints figures; not a test.

    .venv/bin/python scripts/bench_search.py                      # default corpus (embedded artifact)
    .venv/bin/python scripts/bench_search.py --snapshot /work/npmcache/x513/package/data   # 4 codes
    .venv/bin/python scripts/bench_search.py --engine tantivy     # the same with the tantivy engine

On a corpus of several codes the same queries run again with one code selected (--code).

Each run builds a fresh store and index in its own LEXSEARCH_HOME (a temporary directory unless --home),
so it never touches the user's data. Queries: the judged queries of tests/data/judgments plus a built-in
list (free text, references in many shapes, dated and all-versions variants), at least 200 in all, each
measured once after a short warm-up. The view's postings cache (search.read_cache) fills as they run, as in
a running service; a second pass empties it before each query (a service's first queries, or a one-shot
CLI search).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_search import with_field  # noqa: E402

from corpus.ingest import build_store, ensure_default_store  # noqa: E402
from corpus.store import Store  # noqa: E402
from indexer.build import BuildReport, build_index  # noqa: E402
from indexer.engines import ENGINE_VARIABLE, ENGINES  # noqa: E402
from indexer.location import current_directory  # noqa: E402
from indexer.schema import IndexMeta  # noqa: E402
from search.results import SearchRequest  # noqa: E402
from search.service import SearchService  # noqa: E402
from ui.startup import load_language_data  # noqa: E402

JUDGMENTS = ROOT / "tests" / "data" / "judgments" / "queries.jsonl"

FREE_TEXT = [
    "licenciement pour motif économique",
    "période d'essai durée maximale",
    "rupture conventionnelle homologation",
    "heures supplémentaires majoration",
    "congé de maternité durée",
    "travail de nuit femme enceinte",
    "harcèlement moral",
    "harcèlement sexuel sanction",
    "comité social et économique attributions",
    "délégué syndical désignation",
    "salaire minimum de croissance",
    "contrat à durée déterminée renouvellement",
    "travail temporaire mission",
    "inaptitude médecin du travail reclassement",
    "accident du travail suspension du contrat",
    "congés payés acquisition",
    "repos hebdomadaire dimanche",
    "durée légale du travail 35 heures",
    "forfait jours cadres",
    "télétravail accord",
    "apprentissage contrat",
    "formation professionnelle compte personnel",
    "égalité professionnelle femmes hommes",
    "discrimination embauche",
    "règlement intérieur sanctions",
    "grève préavis service public",
    "conseil de prud'hommes saisine",
    "indemnité de licenciement calcul",
    "préavis démission",
    "entretien préalable convocation",
    "plan de sauvegarde de l'emploi",
    "rupture du contrat pendant la période d'essai",
    "travailleur handicapé obligation d'emploi",
    "médecine du travail visite",
    "inspection du travail pouvoirs",
    "sécurité incendie locaux",
    "jeunes travailleurs durée",
    "participation aux résultats",
    "intéressement accord",
    "élections professionnelles protocole",
]
REFERENCES = [
    "L1233-3",
    "L. 1233-3",
    "l 1233 3",
    "art L1221-19",
    "article L. 1152-1",
    "L. 3253-8 à L. 3253-12",
    "L. 1233-*",
    "R. 4624-10",
    "L1237-11",
    "L. 3121-27",
    "D3141-1",
    "L. 2312-8 du code du travail",
    "L4121-1",
    "L. 1226-2",
    "L1242-2",
    "R1234-2",
]
DATES = [date(2018, 1, 1), date(2020, 6, 1), date(2022, 9, 1), None]


def queries() -> list[SearchRequest]:
    requests: list[SearchRequest] = []
    if JUDGMENTS.exists():
        for line in JUDGMENTS.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                record = json.loads(line)
                requests.append(SearchRequest(record["query"], all_versions=bool(record.get("all_versions"))))
    for index, text in enumerate(FREE_TEXT):
        requests.append(SearchRequest(text, at=DATES[index % len(DATES)]))
        requests.append(SearchRequest(text.split()[0] + " " + text.split()[-1], all_versions=index % 3 == 0))
    for index, text in enumerate(REFERENCES):
        requests.append(SearchRequest(text, at=DATES[index % len(DATES)]))
        requests.append(SearchRequest(text + " licenciement", all_versions=index % 2 == 0))
    return requests


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(
    service: SearchService, requests: list[SearchRequest], highlight: bool, remembered: bool = True
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per query. On a shared machine the CPU time is the steadier
    figure: it is what the query costs, whatever else runs. Without `remembered`, each query starts with
    the view's cache of postings (search.read_cache) and the recent question vectors (search.semantic)
    empty, as the first query of a service does."""
    wall, cpu = [], []
    service._semantic.recent.clear()  # each pass encodes its questions (the passes ask the same ones)
    for request in requests:
        if not remembered:
            service._current_view().read_cache.clear()
            service._semantic.recent.clear()
        request = SearchRequest(**{**request.__dict__, "limit": 10, "highlight": highlight})
        started, started_cpu = time.perf_counter(), time.process_time()
        service.search(request)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return wall, cpu


# Stages of search.pipeline timed one by one (nested ones are inside their parent's time): the new query
# understanding (question frame, thesaurus, spelling guard), retrieval, past wording, re-rank, paging.
STAGES = (
    "parse_query",
    "resolve_scope",
    "understand",
    "without_framing",
    "query_expansions",
    "analyze_query",
    "with_unindexed_spans",
    "with_inflections",
    "with_derivations",
    "with_dropped_wordings",
    "best_versions",
    "with_proximity",
    "with_code_selection",
    "with_references",
    "with_contrasts",
    "with_word_pairs",
    "with_opening_words",
    "with_section_evidence",
    "with_article_prior",
    "rare_lemmas",
    "with_particular_rules",
    "with_authority",
    "final_scores",
    "collapse_same_text",
    "page",
    "_how_well",
)


@contextlib.contextmanager
def stage_timer() -> Iterator[dict[str, list[float]]]:
    """Wrap each stage function (and the engine's retrieve and correct) to record its milliseconds per
    call; restored on exit."""
    from analyzers.embedding import Encoder
    from search import pipeline, semantic_stage
    from search.retrieval import WhooshEngine
    from search.semantic import QueryEncoding

    times: dict[str, list[float]] = {}
    saved: list[tuple[object, str, object]] = []

    def timed(name: str, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                times.setdefault(name, []).append((time.perf_counter() - started) * 1000)

        return wrapper

    targets = [(pipeline, name) for name in STAGES]
    targets += [(WhooshEngine, "retrieve"), (WhooshEngine, "correct")]
    # The semantic re-rank's query encoding runs in its own thread during the lexical stages; the
    # wait for it after them (query_vector) is what it adds to a search.
    targets += [(Encoder, "query"), (QueryEncoding, "query_vector")]
    # The re-rank itself (with the sections' and chapters' centroids, made once per index generation).
    targets += [(semantic_stage, "with_semantic"), (QueryEncoding, "neighbourhoods")]
    for owner, name in targets:
        original = getattr(owner, name)
        saved.append((owner, name, original))
        label = (
            name
            if owner in (pipeline, semantic_stage)
            else f"{'Engine' if owner is WhooshEngine else owner.__name__}.{name}"
        )
        setattr(owner, name, timed(label, original))
    try:
        yield times
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def dev_queries() -> list[SearchRequest]:
    """The CDTN dev queries (../shared), when present: the questions people really type."""
    try:
        from eval_dev import DEV
    except ImportError:
        return []
    if not DEV.exists():
        return []
    return [
        SearchRequest(json.loads(line)["query"])
        for line in DEV.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def reused(home: Path) -> BuildReport:
    """The report of the index already in `home` (build time unknown: 0)."""
    directory = current_directory(home / "index")
    return BuildReport(directory, IndexMeta.read(directory).documents, 0, 0.0, 0)


def resident_mb() -> float:
    """This process's resident memory now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--snapshot", type=Path, help="legi-data snapshot (data dir, JSON files or npm .tgz)")
    parser.add_argument("--home", type=Path, help="LEXSEARCH_HOME to build into (default: a temporary dir)")
    parser.add_argument("--processes", type=int, default=None, help="index build processes (default 2)")
    parser.add_argument("--engine", choices=ENGINES, default=None, help="search engine (default: whoosh)")
    parser.add_argument(
        "--reuse-index", action="store_true", help="measure the searches on --home's store and index as built"
    )
    parser.add_argument(
        "--code",
        default="Code du travail",
        help="code (title or id) of the filtered run, on a corpus of several codes (default: Code du travail)",
    )
    parser.add_argument(
        "--corpus", type=Path, help="an existing LEXSEARCH_HOME whose store is used as is (e.g. all codes)"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=V",
        help="change the service's RankingConfig before the searches (repeatable)",
    )
    args = parser.parse_args()
    if args.engine:
        os.environ[ENGINE_VARIABLE] = args.engine  # the service checks the index against it

    if args.reuse_index and not args.home:
        parser.error("--reuse-index needs --home")
    with tempfile.TemporaryDirectory(prefix="lexsearch-bench-") as temporary:
        home = args.home or Path(temporary)
        home.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        if args.reuse_index:
            store = Store.open(home / "corpus.sqlite3", create=False)
        elif args.corpus:
            shutil.copyfile(args.corpus / "corpus.sqlite3", home / "corpus.sqlite3")
            store = Store.open(home / "corpus.sqlite3")
        elif args.snapshot:
            store = build_store(home / "corpus.sqlite3", [args.snapshot], progress=False)
        else:
            store = ensure_default_store(home / "corpus.sqlite3", progress=False)
        store_seconds = time.perf_counter() - started
        versions = store.count_versions(with_text=True)
        codes = [code.title for code in store.codes()]
        code_ids = {code.title.casefold(): code.code_id for code in store.codes()}
        cpu_before = _cpu_seconds()
        if args.reuse_index:
            report = reused(home)
        else:
            report = build_index(
                store, home / "index", processes=args.processes, progress=True, engine=args.engine
            )
        build_cpu = _cpu_seconds() - cpu_before
        store.close()

        started = time.perf_counter()
        service = SearchService.open(home, build_if_missing=False, progress=False)
        open_seconds = time.perf_counter() - started
        for setting in args.set:  # e.g. a ranking stage switched on, to measure what it costs
            service.ranking = with_field(service.ranking, setting)
        requests = queries()
        service.warm_headings()  # as the API and the app do when they start (ui.startup)
        load_language_data()
        measure(service, requests[:20], highlight=True)  # warm-up: lemmatizer cache, date filters
        plain = measure(service, requests, highlight=False)
        unremembered = measure(service, requests, highlight=False, remembered=False)
        highlighted = measure(service, requests, highlight=True)
        code = code_ids.get(args.code.casefold(), args.code) if len(codes) > 1 else None  # an exact title
        filtered = (
            measure(service, [replace(r, code=code) for r in requests], highlight=False) if code else None
        )
        real = dev_queries()
        real_times = measure(service, real, highlight=False) if real else None
        with stage_timer() as stages:
            measure(service, requests + real, highlight=False)
        resident = resident_mb()
        service.close()
        own, children = peak_mb()
        index_mb = sum(f.stat().st_size for f in report.directory.rglob("*") if f.is_file()) / 2**20

    print(f"corpus: {', '.join(codes)} — {versions} versions with text")
    print(f"store build: {store_seconds:.1f} s")
    print(
        f"index build: {report.seconds:.1f} s ({report.documents} documents, {report.citations} citations, "
        f"{report.analysis_processes} processes; {build_cpu:.1f} CPU-seconds in all, so about "
        f"{build_cpu / max(1, report.analysis_processes):.1f} s on {report.analysis_processes} idle cores)"
    )
    print(f"engine: {args.engine or 'whoosh'}; index size: {index_mb:.1f} MB")
    print(f"service open: {open_seconds * 1000:.0f} ms")
    for name, (wall, cpu) in (
        ("search+rerank", plain),
        ("search+rerank, postings cache emptied before each query", unremembered),
        ("search+rerank+highlight(10)", highlighted),
    ):
        print(
            f"{name}: {len(wall)} queries, wall p50 {statistics.median(wall):.1f} ms, "
            f"p95 {percentile(wall, 0.95):.1f} ms, max {max(wall):.1f} ms; "
            f"CPU p50 {statistics.median(cpu):.1f} ms, p95 {percentile(cpu, 0.95):.1f} ms"
        )
    if filtered:
        wall, cpu = filtered
        print(
            f"search+rerank, code filter ({args.code}): {len(wall)} queries, wall p50 "
            f"{statistics.median(wall):.1f} ms, p95 {percentile(wall, 0.95):.1f} ms, max {max(wall):.1f} ms; "
            f"CPU p50 {statistics.median(cpu):.1f} ms, p95 {percentile(cpu, 0.95):.1f} ms"
        )
    if real_times:
        wall, cpu = real_times
        print(
            f"search+rerank, CDTN dev queries (../shared): {len(wall)} queries, wall p50 "
            f"{statistics.median(wall):.1f} ms, p95 {percentile(wall, 0.95):.1f} ms, max {max(wall):.1f} ms; "
            f"CPU p95 {percentile(cpu, 0.95):.1f} ms"
        )
    print("per stage (wall ms per call, all queries above; nested stages are inside their parent):")
    for name, values in stages.items():
        print(
            f"  {name:22} calls {len(values):5}  p50 {statistics.median(values):6.2f}  "
            f"p95 {percentile(values, 0.95):6.2f}  max {max(values):7.2f}"
        )
    print(f"load average during the run: {os.getloadavg()[0]:.1f} (machine has {os.cpu_count()} cores)")
    print(f"peak memory: {own:.0f} MB (this process), {children:.0f} MB (largest build worker)")
    print(f"serving memory: {resident:.0f} MB resident (VmRSS after the queries, service open)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

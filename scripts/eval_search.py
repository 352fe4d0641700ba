"""Evaluate search quality on our own relevance judgments: nDCG@10, Recall@10, MRR@10 per query group.

Compares, in one run:
  1. a plain Whoosh BM25F baseline built here in a temporary directory from the same store
     (StandardAnalyzer on text and section path, versions in force today only, default BM25F), its query
     parsed as an OR of the terms (the fairer baseline) and as an AND (Whoosh's parser default);
  2. the system with each ranking component switched off in turn (ablation);
  3. the full system.

Judgments: tests/data/judgments/queries.jsonl (see its header). Metrics, with k = 10:
  nDCG@k  gain 2^grade - 1, log2 discount, ideal = the best ordering of every judged item;
  Recall@k  judged items found in the top k / min(judged items, k) (a prefix query judges ~80 articles);
  MRR@k  1 / rank of the first judged item (grade >= 1) in the top k, else 0;
  past found  share of past-wording queries with a judged version in a top-10 row, as the row's best
  version or among the other versions the row lists (what a student sees).
Free-text questions are split tune/test (alternate lines) so that weights tuned on "tune" are also
reported on the unseen half. Past-wording queries are judged on the hit's version id (its best-matching
version), run with all_versions=True. Lay questions (everyday wordings, for the lay -> legal thesaurus) are
also reported on the subset written before the thesaurus entries they exercise ("written before").
Legal questions are full sentences as a lawyer, an HR manager or a law student asks them ("Quelles sont
les conditions de ...", "Dans quels cas ..."), the form of the held-out evaluation's questions.

    .venv/bin/python scripts/eval_search.py                # table: baseline, ablation, full
    .venv/bin/python scripts/eval_search.py --per-query    # also each query's first hits (for error analysis)
    .venv/bin/python scripts/eval_search.py --no-ablation --sweep rerank_weight=0,0.2,0.4   # tune a weight
    LEXSEARCH_HOME=…/allcodes .venv/bin/python scripts/eval_search.py --engine tantivy \
        --compare-home …/one-code-home                 # dev set, all codes vs the judged code alone
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.engines import ENGINE_VARIABLE, ENGINES  # noqa: E402

JUDGMENTS = ROOT / "tests" / "data" / "judgments" / "queries.jsonl"
K = 10
GROUPS = (
    "free_text",
    "reference",
    "past_wording",
    "misspelled",
    "reference_context",
    "lay_questions",
    "legal_questions",
    "lay_queries",
)


@dataclass(frozen=True)
class Judged:
    qid: str
    group: str
    query: str
    all_versions: bool
    split: str | None
    by_version: bool  # past wording: judged on version ids, else on article numbers
    grades: dict[str, int]
    # lay questions: written before the thesaurus entries they exercise (True) or while choosing them (False)
    before_entries: bool | None = None


@dataclass(frozen=True)
class Ranked:
    """What one system returned for one query: article numbers and best-version ids, in rank order."""

    articles: tuple[str, ...]
    versions: tuple[str, ...]
    row_versions: tuple[frozenset[str], ...] = ()  # each row's best version plus its other versions


def load_judgments(path: Path = JUDGMENTS) -> list[Judged]:
    judged = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            record = json.loads(line)
            by_version = "versions" in record
            if record["group"] not in GROUPS:
                raise ValueError(f"unknown group {record['group']!r}")
            judged.append(
                Judged(
                    qid=record["id"],
                    group=record["group"],
                    query=record["query"],
                    all_versions=bool(record.get("all_versions")),
                    split=record.get("split"),
                    by_version=by_version,
                    grades=dict(record["versions"] if by_version else record["articles"]),
                    before_entries=record.get("written_before_entries"),
                )
            )
        except (ValueError, KeyError) as error:
            raise SystemExit(f"{path}:{number}: bad judgment line ({error})") from None
    return judged


# -- metrics ---------------------------------------------------------------------------------------------


def ndcg(ranked: Sequence[str], grades: dict[str, int], k: int = K) -> float:
    dcg = sum((2 ** grades.get(item, 0) - 1) / math.log2(rank + 2) for rank, item in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / best if best else 0.0


def recall(ranked: Sequence[str], grades: dict[str, int], k: int = K) -> float:
    relevant = {item for item, grade in grades.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:k])) / min(len(relevant), k)


def mrr(ranked: Sequence[str], grades: dict[str, int], k: int = K) -> float:
    for rank, item in enumerate(ranked[:k]):
        if grades.get(item, 0) > 0:
            return 1.0 / (rank + 1)
    return 0.0


def found_in_rows(judged: Judged, ranked: Ranked, k: int = K) -> float:
    """Past wording: 1 when a judged version is in a top-k row, as its best or as one of its other
    versions (the row lists them with their dates), else 0."""
    wanted = {item for item, grade in judged.grades.items() if grade > 0}
    return float(any(wanted & versions for versions in ranked.row_versions[:k]))


def score(judged: Judged, ranked: Ranked) -> tuple[float, float, float]:
    items = ranked.versions if judged.by_version else ranked.articles
    items = tuple(dict.fromkeys(items))  # a system may return an article twice; count it once
    return ndcg(items, judged.grades), recall(items, judged.grades), mrr(items, judged.grades)


# -- the baseline ------------------------------------------------------------------------------------------


class Baseline:
    """Plain Whoosh BM25F: StandardAnalyzer (or `analyzer()`) on text and section path, current versions,
    OR of terms."""

    def __init__(
        self,
        versions: Iterable[tuple[str, str, str, tuple[str, ...]]],
        directory: Path,
        analyzer: Callable[[], object] | None = None,
    ) -> None:
        from whoosh import index
        from whoosh.analysis import StandardAnalyzer
        from whoosh.fields import ID, TEXT, Schema

        make = analyzer or StandardAnalyzer
        schema = Schema(
            number=ID(stored=True),
            version_id=ID(stored=True),
            text=TEXT(analyzer=make()),
            section=TEXT(analyzer=make()),
        )
        self.index = index.create_in(str(directory), schema)
        writer = self.index.writer(limitmb=128)
        self.count = 0
        for number, version_id, text, section_path in versions:
            writer.add_document(
                number=number, version_id=version_id, text=text, section=" ".join(section_path)
            )
            self.count += 1
        writer.commit()
        self.searcher = self.index.searcher()

    def run(self, judged: Judged, *, conjunctive: bool = False) -> Ranked:
        """The query typed as is (OR of its terms, or AND: Whoosh's parser default); no versions."""
        from whoosh.qparser import AndGroup, MultifieldParser, OrGroup

        group = AndGroup if conjunctive else OrGroup
        parser = MultifieldParser(["text", "section"], self.index.schema, group=group)
        parsed = parser.parse(judged.query)
        hits = self.searcher.search(parsed, limit=K)
        return Ranked(tuple(hit["number"] for hit in hits), tuple(hit["version_id"] for hit in hits))

    def close(self) -> None:
        self.searcher.close()


def current_versions(store, today: date) -> Iterable[tuple[str, str, str, tuple[str, ...]]]:
    for version in store.iter_versions(with_text=True):
        if version.in_force_at(today):
            yield version.number, version.version_id, version.text or "", version.section_path


def baseline_rows(store, judged: list[Judged]) -> list[tuple[str, dict]]:
    """Build the baseline in a temporary directory and evaluate it, OR then AND."""
    with tempfile.TemporaryDirectory(prefix="lexsearch-baseline-") as directory:
        started = time.perf_counter()
        baseline = Baseline(current_versions(store, date.today()), Path(directory))
        print(
            f"baseline: {baseline.count} versions in force on {date.today()} indexed in "
            f"{time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        rows = [("baseline: Whoosh BM25F, OR", evaluate(baseline.run, judged))]
        conjunctive = functools.partial(baseline.run, conjunctive=True)
        rows.append(("baseline: Whoosh BM25F, AND", evaluate(conjunctive, judged)))
        baseline.close()
    from eval_dev import WhooshFrench

    with tempfile.TemporaryDirectory(prefix="lexsearch-whoosh-french-") as directory:
        french = WhooshFrench(current_versions(store, date.today()), Path(directory))
        rows.insert(0, ("Whoosh-French (stemming, folding), OR", evaluate(french.run, judged)))
        french.close()
    return rows


# -- the system ------------------------------------------------------------------------------------------


def system_runner(service, ranking=None, limit: int = K) -> Callable[[Judged], Ranked]:
    """Run a judged query through `SearchService.search`, with `ranking` (the service's switches) if given."""
    from search.service import SearchRequest

    def run(judged: Judged) -> Ranked:
        request = SearchRequest(
            query=judged.query, all_versions=judged.all_versions, limit=limit, highlight=False
        )
        results = service.search(request, ranking_config=ranking)
        return Ranked(
            tuple(hit.article for hit in results.hits),
            tuple(hit.version_id for hit in results.hits),
            tuple(
                frozenset([hit.version_id, *(other.version_id for other in hit.other_versions)])
                for hit in results.hits
            ),
        )

    return run


# Index fields the service weighs at query time (RankingConfig's *_weight fields). The surface stream
# weighs 0 by default (it only serves quoted phrases, spelling and highlights), so its variants give it 1.
FIELD_ABLATIONS = [
    ("without section-path weight", {"section_weight": 0.0}),
    ("with the surface stream (weight 1)", {"surface_weight": 1.0}),
    ("surface only (no lemma stream)", {"text_weight": 0.0, "section_weight": 0.0, "surface_weight": 1.0}),
    # Weighted stages, each off (search.sections, search.word_pairs, decrees for quantity questions).
    ("without section evidence", {"section_evidence": 0.0, "section_opening_weight": 0.0}),
    ("without section openings", {"section_opening_weight": 0.0}),
    ("without word pairs", {"word_pair_weight": 0.0}),
    ("without opening words", {"opening_words_weight": 0.0}),
    ("expansions not counted in the headings", {"expansion_heading_factor": 0.0}),
    ("quantity questions: decrees x0.8", {"quantity_regulatory_factor": 0.8}),
    ("questions without the citation prior", {"question_authority_factor": 0.0}),
    ("questions: chapter openings x1.5", {"question_chapter_opening_factor": 1.5}),
    # The semantic re-rank's sections and chapters (search.neighbourhood): off, and for questions too.
    ("without semantic neighbourhoods", {"semantic_section_weight": 0.0, "semantic_chapter_weight": 0.0}),
    ("questions: semantic neighbourhoods x0.5", {"question_neighbourhood_factor": 0.5}),
]


def with_field(config, setting: str):
    """`config` with one field changed from a "name=value" string (typed like the field)."""
    name, _, value = setting.partition("=")
    if not hasattr(config, name):
        raise SystemExit(f"--set/--sweep {setting}: RankingConfig has no field {name!r}")
    kind = type(getattr(config, name))
    typed = value.lower() in ("1", "true", "yes", "on") if kind is bool else kind(value)
    return replace(config, **{name: typed})


def ablations(default) -> list[tuple[str, object]]:
    """One variant per boolean switch of the service's ranking options, each turned to the opposite."""
    variants = []
    for field in fields(default):
        value = getattr(default, field.name)
        if isinstance(value, bool):
            label = f"{'without' if value else 'with'} {field.name}"
            variants.append((label, replace(default, **{field.name: not value})))
    return variants


# -- reporting -------------------------------------------------------------------------------------------


def buckets_of(item: Judged) -> list[str]:
    """The table columns a judged query counts in: its group, its free-text half, and for a lay question
    written before its thesaurus entries, that subset."""
    buckets = [item.group]
    if item.split:
        buckets.append(f"{item.group}:{item.split}")
    if item.before_entries:
        buckets.append(f"{item.group}:before")
    return buckets


def evaluate(run: Callable[[Judged], Ranked], judged: list[Judged]) -> dict[str, tuple]:
    """Mean metrics per group (and per free-text split), plus per-query results and the mean latency."""
    per_query: dict[str, tuple[tuple[float, float, float], Ranked]] = {}
    started = time.perf_counter()
    for item in judged:
        ranked = run(item)
        per_query[item.qid] = (score(item, ranked), ranked)
    elapsed = (time.perf_counter() - started) * 1000 / max(len(judged), 1)
    past = [found_in_rows(item, per_query[item.qid][1]) for item in judged if item.by_version]
    buckets: dict[str, list[tuple[float, float, float]]] = {}
    for item in judged:
        for bucket in buckets_of(item):
            buckets.setdefault(bucket, []).append(per_query[item.qid][0])
    means = {
        name: tuple(sum(values[i] for values in rows) / len(rows) for i in range(3))
        for name, rows in buckets.items()
    }
    found = sum(past) / len(past) if past else 0.0
    return {"means": means, "per_query": per_query, "ms": elapsed, "past_found": found}


COLUMNS = [
    ("free_text", "free text"),
    ("free_text:tune", "  tune half"),
    ("free_text:test", "  test half"),
    ("reference", "reference"),
    ("past_wording", "past wording"),
    ("misspelled", "misspelled"),
    ("reference_context", "ref. + context"),
    ("lay_questions", "lay questions"),
    ("lay_questions:before", "  written before"),
    ("legal_questions", "legal questions"),
    ("lay_queries", "lay queries, blind"),
]


def print_table(rows: list[tuple[str, dict]], counts: dict[str, int]) -> None:
    label_width = max(len(label) for label, _ in rows) + 1
    cell = 20
    print(
        f"{'':{label_width}}"
        + "".join(f"| {title + f' ({counts.get(key, 0)})':{cell}}" for key, title in COLUMNS)
    )
    print(
        f"{'system':{label_width}}"
        + f"| {'nDCG  R@10  MRR':{cell}}" * len(COLUMNS)
        + "| past found | ms/query"
    )
    print("-" * (label_width + (cell + 2) * len(COLUMNS) + 10))
    for label, result in rows:
        line = f"{label:{label_width}}"
        for key, _ in COLUMNS:
            values = result["means"].get(key)
            text = " ".join(f"{value:.3f}" for value in values) if values else "n/a"
            line += f"| {text:{cell}}"
        print(line + f"| {result['past_found']:<10.3f} | {result['ms']:.1f}")


def print_per_query(label: str, result: dict, judged: list[Judged]) -> None:
    print(f"\n== {label}: per query (nDCG, R, MRR; first 5 hits)")
    for item in judged:
        metrics, ranked = result["per_query"][item.qid]
        shown = (ranked.versions if item.by_version else ranked.articles)[:5]
        print(
            f"{item.qid:7} {metrics[0]:.2f} {metrics[1]:.2f} {metrics[2]:.2f}  {item.query[:50]:50} {shown}"
        )


def semantic_status(home: Path) -> str:
    """Whether the semantic re-rank runs in this evaluation: it needs the home's vectors file."""
    from indexer.passage_vectors import read_vectors, vectors_file

    read = read_vectors(vectors_file(home))
    if read is None:
        return f"semantic re-rank: off, no vectors in {vectors_file(home)} (lexsearch index --vectors)"
    return f"semantic re-rank: {len(read[0])} article vectors ({vectors_file(home)})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    parser.add_argument("--per-query", action="store_true", help="print each query's metrics and hits")
    parser.add_argument("--no-ablation", action="store_true", help="only the baseline and the full system")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=V",
        help="change the system's RankingConfig before the ablation and sweeps (repeatable)",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline (quicker sweeps)")
    parser.add_argument(
        "--dev",
        choices=("also", "only", "no"),
        default="also",
        help="the CDTN dev set from ../shared, cross-validated by group: with our judgments, alone, or not",
    )
    parser.add_argument(
        "--sweep",
        action="append",
        default=[],
        metavar="FIELD=V1,V2",
        help="evaluate the system with one RankingConfig field set to each value (repeatable)",
    )
    parser.add_argument("--engine", choices=ENGINES, help="search engine of the index (LEXSEARCH_ENGINE)")
    parser.add_argument(
        "--compare-home",
        type=Path,
        metavar="HOME",
        help="also run the dev set (lexsearch only) on HOME, a home holding the judged code alone, and print "
        "this home's figures beside it (all codes vs one code: scripts/eval_codes.py)",
    )
    parser.add_argument(
        "--code-prior",
        default="",
        metavar="W1,W2",
        help="with --compare-home: also cross-validate over these code_prior_weight values (search.code_prior) "
        "and run the sanity list of other codes' articles without and with them",
    )
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="FIELD=V[+FIELD=V]",
        help="with --compare-home: one more variant of the settings to cross-validate over, with its 13e mois "
        "hits and its sanity list of other codes' articles (repeatable; '+' joins settings)",
    )
    parser.add_argument(
        "--filtered",
        action="store_true",
        help="with --compare-home: also run this home's default settings with the judged code selected (a "
        "code filter): how much the other codes' statistics alone change the judged code's ranking",
    )
    args = parser.parse_args(argv)
    if args.engine:  # builds with it if the index is missing; refuses an index of the other engine
        os.environ[ENGINE_VARIABLE] = args.engine

    judged = load_judgments(args.judgments)
    counts: dict[str, int] = {}
    for item in judged:
        for bucket in buckets_of(item):
            counts[bucket] = counts.get(bucket, 0) + 1

    try:
        from search.service import SearchService
    except ImportError as error:  # the search layer has not landed: evaluate the baseline alone
        print(f"system not evaluated: {error}", file=sys.stderr)
        from corpus.ingest import ensure_default_store

        service, store = None, ensure_default_store()
    else:
        service = SearchService.open()
        store = service.store
        print(semantic_status(service.home), file=sys.stderr)
    if args.compare_home is not None and service is not None:
        from eval_codes import compare_homes
        from eval_dev import load_dev

        extra = [(f"code_prior_weight={value}",) for value in args.code_prior.split(",") if value]
        extra += [tuple(variant.split("+")) for variant in args.variant]
        compare_homes(service, args.compare_home, load_dev(), extra, filtered=args.filtered)
        return 0
    if args.dev != "no" and service is not None:
        from eval_dev import evaluate_dev, load_dev

        evaluate_dev(service, store, load_dev(), ablation=not args.no_ablation, per_query=args.per_query)
        if args.dev == "only":
            return 0
        print(f"\n== our judgments ({args.judgments.name})")
    rows: list[tuple[str, dict]] = []
    if not args.no_baseline:
        rows += baseline_rows(store, judged)

    default = getattr(service, "ranking", None)
    for setting in args.set if default is not None else []:
        default = with_field(default, setting)
    if service is None:
        args.no_ablation, args.sweep = True, []
    if default is not None and not args.no_ablation:
        for label, ranking in ablations(default):
            rows.append((f"system {label}", evaluate(system_runner(service, ranking), judged)))
        for label, overrides in FIELD_ABLATIONS:
            ranking = replace(default, **overrides)
            rows.append((f"system {label}", evaluate(system_runner(service, ranking), judged)))
    for sweep in args.sweep if default is not None else []:
        name, _, values = sweep.partition("=")
        for value in values.split(","):
            ranking = with_field(default, f"{name}={value}")
            rows.append((f"system {name}={value}", evaluate(system_runner(service, ranking), judged)))
    if service is not None:
        label = "system: full" + (f" ({', '.join(args.set)})" if args.set else "")
        rows.append((label, evaluate(system_runner(service, default), judged)))

    print_table(rows, counts)
    if args.per_query:
        for label, result in rows:
            print_per_query(label, result, judged)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

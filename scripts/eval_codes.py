"""Relevance with many codes: the dev set run on this home (e.g. every code) against a reference home
that holds the judged code alone, with the same engine and settings.

The dev judgments name article numbers of one code; with many codes, a number exists in several
("L3221-3" of another code is not the article judged), so a hit counts only in the judged code: the one
code of the reference home (never named here). Both homes are cross-validated by group over the same
settings (COMPARE_GRID), and the script prints both figures, their ratio (issue: the all-codes
figure stays within 10 % of the one-code figure), the share of queries whose first hit is in the judged
code, and the first hits of a question about the 13e mois in both. Each `--variant` (RankingConfig
settings joined by '+') joins the cross-validation, with its own figures, 13e mois hits and sanity list.

    LEXSEARCH_HOME=…/allcodes .venv/bin/python scripts/eval_search.py --engine tantivy --dev only \\
        --compare-home …/one-code-home --variant authority_weight=0.1+same_text_similarity=0.7
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from eval_dev import by_form, cross_validate, print_dev_table, run_all
from eval_search import Judged, Ranked, with_field

THIRTEENTH_MONTH = "à quoi correspond le 13e mois ?"
# The settings both homes are cross-validated over: the default and the two of eval_dev.CV_GRID that
# the one-code CV chooses or that change most with the corpus (section titles; questions' section
# weight). Not the whole grid: one pass over all codes takes ~4 min on a loaded 2-core machine.
COMPARE_GRID: tuple[tuple[str, ...], ...] = ((), ("section_weight=1.5",), ("question_section_factor=1.0",))
# The sanity list (a prior must not pull a query away from another code): articles of the
# other codes drawn at random, each queried by a few consecutive content words of its latest text.
SANITY_SIZE = 40
SANITY_SEED = 20261201
SANITY_WORDS = 4


def code_runner(service, judged_code: str, config, selected: str | None = None) -> Callable[[Judged], Ranked]:
    """Like eval_search.system_runner, but an article of another code is named with its code (so it
    never counts as the judged article of the same number); `selected`: a code filter."""
    from search.service import SearchRequest

    def run(item: Judged) -> Ranked:
        results = service.search(
            SearchRequest(query=item.query, limit=10, highlight=False, code=selected), ranking_config=config
        )
        names = tuple(
            hit.article if hit.code_id == judged_code else f"{hit.code_id}:{hit.article}"
            for hit in results.hits
        )
        return Ranked(names, tuple(hit.version_id for hit in results.hits))

    return run


def judged_code_of(reference) -> str:
    codes = reference.codes()
    if len(codes) != 1:
        raise SystemExit(
            f"{reference.home}: la maison de référence doit contenir un seul code (elle en a {len(codes)})"
        )
    return codes[0].code_id


def _home_rows(label: str, service, judged_code: str, judged: Sequence[Judged], extra=()):
    variants = {}
    for settings in (*COMPARE_GRID, *extra):
        config = configured(service.ranking, settings)
        name = ", ".join(settings) or "default"
        print(f"{label}: lexsearch {name}…", file=sys.stderr)
        variants[name] = run_all(code_runner(service, judged_code, config), judged)
    base = {
        ", ".join(settings) or "default": variants[", ".join(settings) or "default"]
        for settings in COMPARE_GRID
    }
    if extra:
        without, _ = cross_validate(base, judged)
        print(
            f"{label}: nDCG@10 group CV without the extra settings: {without['all'][0]:.3f}", file=sys.stderr
        )
        for name, variant in variants.items():
            share, ndcg = _first_share(variant, judged), by_form(variant.metrics, judged)["all"][0]
            print(f"{label}: {name}: nDCG@10 {ndcg:.3f}, first hit in the judged code {share:.1%}")
    cv, chosen = cross_validate(variants, judged)
    default = variants["default"]
    return by_form(default.metrics, judged), cv, chosen, _first_share(default, judged), default.ms


def _first_share(variant, judged: Sequence[Judged]) -> float:
    first = sum(
        not variant.ranked[i.qid].articles[:1] or ":" not in variant.ranked[i.qid].articles[0] for i in judged
    )
    return first / max(len(judged), 1)


def compare_homes(
    service,
    reference_home: Path,
    judged: list[Judged],
    extra: Sequence[tuple[str, ...]] = (),
    filtered: bool = False,
) -> None:
    """Print the dev figures of `service`'s home beside those of `reference_home` (one code); with
    `extra` variants (each a tuple of RankingConfig "name=value" settings), also cross-validated over
    them, with the 13e mois question and the sanity list under each; with `filtered`, also this home's
    default settings with the judged code selected (what the other codes' statistics alone change)."""
    from search.service import SearchRequest, SearchService

    reference = SearchService.open(reference_home, build_if_missing=False, progress=False)
    judged_code = judged_code_of(reference)
    homes = (("reference (judged code alone)", reference), ("this home", service))
    extra = tuple(extra)
    results = {label: _home_rows(label, svc, judged_code, judged, extra) for label, svc in homes}
    rows = []
    for label, (default, cv, _, _, _) in results.items():
        rows += [(f"{label}: default", default), (f"{label}: group CV", cv)]
    print(f"\n== dev set on two homes: {reference_home} (reference) and {service.home}, code {judged_code}")
    print_dev_table(rows, judged)
    (_, ref_cv, ref_chosen, ref_first, ref_ms), (_, cv, chosen, first, ms) = results.values()
    for form in ("all", "short", "sentence"):
        ratio = cv[form][0] / max(ref_cv[form][0], 1e-9)
        print(
            f"nDCG@10 group CV, {form}: this home {cv[form][0]:.3f} / reference {ref_cv[form][0]:.3f} = {ratio:.2f}×"
        )
    print(f"first hit in the judged code: reference {ref_first:.1%}, this home {first:.1%}")
    print(f"settings chosen per fold: reference {'; '.join(ref_chosen)} | this home {'; '.join(chosen)}")
    print(f"ms/query (default settings): reference {ref_ms:.1f}, this home {ms:.1f}")
    if filtered:
        print("this home, judged code selected…", file=sys.stderr)
        alone = run_all(code_runner(service, judged_code, service.ranking, judged_code), judged)
        figures = by_form(alone.metrics, judged)
        print(
            "this home, default settings, judged code selected (code filter): nDCG@10 "
            + ", ".join(f"{form} {figures[form][0]:.3f}" for form in ("all", "short", "sentence"))
        )
    for label, svc in homes:
        for settings in ((), *extra):
            request = SearchRequest(query=THIRTEENTH_MONTH, limit=3, highlight=False)
            hits = svc.search(request, ranking_config=configured(svc.ranking, settings)).hits
            shown = ", ".join(f"{hit.article} ({hit.code})" for hit in hits)
            print(f"« {THIRTEENTH_MONTH} », {label}, {', '.join(settings) or 'default'}: {shown}")
    if extra:
        sanity_list(service, judged_code, extra)
    reference.close()


def configured(config, settings: Sequence[str]):
    """`config` with each "name=value" of `settings` applied."""
    for setting in settings:
        config = with_field(config, setting)
    return config


def sanity_queries(service, judged_code: str) -> list[tuple[str, str]]:
    """(query, article key) for SANITY_SIZE random articles of the codes other than the judged one:
    SANITY_WORDS consecutive content words (stop words skipped) from a random place of its text."""
    from analyzers.stop_words import STOP_WORDS

    view = service._current_view()
    rng = random.Random(SANITY_SEED)
    latest = [row for docnum, row in enumerate(view.rows) if view.latest[docnum] == docnum]
    others = [row for row in latest if row.code_id != judged_code]
    queries: list[tuple[str, str]] = []
    while len(queries) < SANITY_SIZE:
        row = rng.choice(others)
        version = service.version(row.version_id)
        words = [
            w
            for w in re.findall(r"[^\W\d_]+", version.text or "")
            if len(w) > 3 and w.lower() not in STOP_WORDS
        ]
        if len(words) < 3 * SANITY_WORDS:
            continue
        start = rng.randrange(len(words) - SANITY_WORDS)
        queries.append((" ".join(words[start : start + SANITY_WORDS]), row.article_key))
    return queries


def sanity_list(service, judged_code: str, extra: Sequence[tuple[str, ...]]) -> None:
    """MRR@10 of each sanity query's own article, over this home, by default and under each variant."""
    from search.service import SearchRequest

    queries = sanity_queries(service, judged_code)
    print(
        f"\n== sanity list: {len(queries)} articles of other codes, each queried by {SANITY_WORDS} of its words"
    )
    for settings in ((), *extra):
        config = configured(service.ranking, settings)
        ranks = []
        for query, key in queries:
            hits = service.search(
                SearchRequest(query=query, limit=10, highlight=False), ranking_config=config
            ).hits
            # An article shown under a hit of the same text (search.same_text) is found at that row.
            rows = [{hit.article_key, *(same.article_key for same in hit.same_text)} for hit in hits]
            ranks.append(next((rank for rank, keys in enumerate(rows, 1) if key in keys), None))
        reciprocal = sum(1 / rank for rank in ranks if rank) / len(ranks)
        first = sum(rank == 1 for rank in ranks)
        print(
            f"{', '.join(settings) or 'default'}: MRR@10 {reciprocal:.3f}, first {first}/{len(ranks)}, ranks {ranks}"
        )

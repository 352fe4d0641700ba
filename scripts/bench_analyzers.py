"""Throughput of the French analysis chain over the whole default corpus, on one core.

Runs both streams (lemma and surface, positions and character offsets on, as the indexer asks) over
every version with text, with and without citation extraction (analyzers.citations.find_citations,
when that module exists): first from an empty lemma cache primed in one batch, with citations (what
an index build does), then with the cache warm, without and with citations. Prints versions,
tokens, wall-clock and CPU seconds (on a shared machine CPU time is the fairer figure), tokens/s and
the lemma cache hit rate. The spaCy model load is timed apart: it is paid once per process. Usage:

    .venv/bin/python scripts/bench_analyzers.py [ARTIFACT] [--limit N]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import sys
import time
from pathlib import Path

from tqdm import tqdm

from analyzers.french import analyze_surface, article_token, lemma_analyzer, prime_lemmas, surface_analyzer
from analyzers.lemmas import LEMMATIZER
from corpus.artifact import iter_articles
from corpus.settings import DEFAULT_ARTIFACT

# Légifrance's own links to articles of the same code, in a version's HTML.
INTRA_CODE_LINK = re.compile(r'title="Code du travail - art\. ([^"(]+?) \(V\)"')


def _load_texts(artifact: Path, limit: int | None) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Texts of every version with text, and (text, linked numbers) for those with Légifrance links."""
    texts, linked = [], []
    for article in tqdm(iter_articles(artifact), desc="reading", unit=" art", file=sys.stderr):
        for version in article.versions:
            if version.text:
                texts.append(version.text)
                targets = INTRA_CODE_LINK.findall(version.html or "")
                if targets:
                    linked.append((version.text, targets))
        if limit and len(texts) >= limit:
            break
    return texts[:limit] if limit else texts, linked


def _link_coverage(linked: list[tuple[str, list[str]]]) -> tuple[int, int]:
    """How many Légifrance intra-code link targets are tokens of the version's plain text."""
    found = total = 0
    for text, targets in linked:
        tokens = set(analyze_surface(text))
        total += len(targets)
        found += sum(1 for number in targets if article_token(number) in tokens)
    return found, total


def _run(texts: list[str], find_citations, label: str, prime: bool = False) -> tuple[int, float, float, int]:
    lemma, surface = lemma_analyzer(), surface_analyzer()
    tokens = citations = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    if prime:
        prime_lemmas(texts)
    for text in tqdm(texts, desc=label, unit=" ver", file=sys.stderr, mininterval=1.0):
        for _ in lemma(text, positions=True, chars=True):
            tokens += 1
        for _ in surface(text, positions=True, chars=True):
            tokens += 1
        if find_citations is not None:
            citations += len(find_citations(text, "Code du travail"))
    return tokens, time.perf_counter() - started, time.process_time() - cpu_started, citations


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("artifact", nargs="?", type=Path, default=DEFAULT_ARTIFACT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N versions with text")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    texts, linked = _load_texts(args.artifact, args.limit)
    chars = sum(len(text) for text in texts)

    started = time.perf_counter()
    LEMMATIZER.load()
    model_seconds = time.perf_counter() - started
    print(f"versions: {len(texts)}  characters: {chars}")
    print(f"spaCy model load: {model_seconds:.1f} s (once per process, not counted below)")

    find_citations = None
    if importlib.util.find_spec("analyzers.citations") is not None:
        from analyzers.citations import find_citations

        started = time.perf_counter()
        find_citations("article L. 1233-3 du code du travail", "Code du travail")
        print(f"citations module first call: {time.perf_counter() - started:.1f} s (once per process)")
    # (label, citation finder, prime the lemma cache first, empty the lemma cache first). Only the first
    # run is truly cold: spaCy keeps caches of its own, so a cleared lemma cache is not a fresh process.
    if find_citations is not None:
        runs = [
            ("cold cache, primed + citations", find_citations, True, True),
            ("warm cache", None, False, False),
            ("warm cache + citations", find_citations, False, False),
        ]
    else:
        runs = [("cold cache, primed", None, True, True), ("warm cache", None, False, False)]
    for label, finder, prime, _cold in runs:
        before = LEMMATIZER.stats()
        tokens, seconds, cpu, citations = _run(texts, finder, label, prime)
        after = LEMMATIZER.stats()
        hits, misses = after.hits - before.hits, after.misses - before.misses
        rate = hits / (hits + misses) if hits + misses else 0.0
        line = (
            f"{label:>31}: tokens {tokens}  seconds {seconds:.1f} (CPU {cpu:.1f})  "
            f"tokens/s {tokens / seconds:,.0f} (per CPU second {tokens / cpu:,.0f})  "
            f"lemma cache hit rate {rate:.2%} ({misses} forms lemmatized)"
        )
        if finder is not None:
            line += f"  citations {citations}"
        print(line, flush=True)
    if find_citations is None:
        print("analyzers.citations not found: citation extraction not measured")
    found, total = _link_coverage(linked)
    print(
        f"article-number tokens: {found} of {total} Légifrance intra-code link targets are tokens of the "
        f"plain text ({found / max(total, 1):.2%}; the rest: link errors, starred numbers printed unstarred)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

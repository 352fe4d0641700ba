"""Throughput of the French analysis chain over the whole default corpus, on one core.

Runs both streams (lemma and surface, positions and character offsets on, as the indexer asks) over
every version with text, then the same plus citation extraction (analyzers.citations.find_citations,
when that module exists). Prints versions, tokens, seconds, tokens/s and the lemma cache hit rate.
The spaCy model load is timed apart: it is paid once per process. Usage:

    .venv/bin/python scripts/bench_analyzers.py [ARTIFACT] [--limit N]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

from tqdm import tqdm

from analyzers.french import lemma_analyzer, surface_analyzer
from analyzers.lemmas import LEMMATIZER
from corpus.artifact import iter_articles
from corpus.settings import DEFAULT_ARTIFACT


def _load_texts(artifact: Path, limit: int | None) -> list[str]:
    texts = []
    for article in tqdm(iter_articles(artifact), desc="reading", unit=" art", file=sys.stderr):
        texts.extend(version.text for version in article.versions if version.text)
        if limit and len(texts) >= limit:
            return texts[:limit]
    return texts


def _run(texts: list[str], find_citations, label: str) -> tuple[int, float, int]:
    lemma, surface = lemma_analyzer(), surface_analyzer()
    tokens = citations = 0
    started = time.perf_counter()
    for text in tqdm(texts, desc=label, unit=" ver", file=sys.stderr, mininterval=1.0):
        for _ in lemma(text, positions=True, chars=True):
            tokens += 1
        for _ in surface(text, positions=True, chars=True):
            tokens += 1
        if find_citations is not None:
            citations += len(find_citations(text, "Code du travail"))
    return tokens, time.perf_counter() - started, citations


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("artifact", nargs="?", type=Path, default=DEFAULT_ARTIFACT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N versions with text")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    texts = _load_texts(args.artifact, args.limit)
    chars = sum(len(text) for text in texts)

    started = time.perf_counter()
    LEMMATIZER._load()
    model_seconds = time.perf_counter() - started
    print(f"versions: {len(texts)}  characters: {chars}")
    print(f"spaCy model load: {model_seconds:.1f} s (once per process, not counted below)")

    find_citations = None
    if importlib.util.find_spec("analyzers.citations") is not None:
        from analyzers.citations import find_citations
    if find_citations is not None:  # an indexing run: empty lemma cache, citations extracted
        runs = [("cold cache + citations", find_citations), ("warm cache", None)]
        runs.append(("warm cache + citations", find_citations))
    else:
        runs = [("cold cache", None), ("warm cache", None)]
    for label, finder in runs:
        before = LEMMATIZER.stats()
        tokens, seconds, citations = _run(texts, finder, label)
        after = LEMMATIZER.stats()
        hits, misses = after.hits - before.hits, after.misses - before.misses
        rate = hits / (hits + misses) if hits + misses else 0.0
        line = (
            f"{label:>24}: tokens {tokens}  seconds {seconds:.1f}  tokens/s {tokens / seconds:,.0f}  "
            f"lemma cache hit rate {rate:.2%} ({misses} forms lemmatized)"
        )
        if finder is not None:
            line += f"  citations {citations}"
        print(line)
    if find_citations is None:
        print("analyzers.citations not found: citation extraction not measured")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""How often a query needs spaCy once the index's lemma table is loaded, and how fast a search starts.

    .venv/bin/python scripts/measure_lemma_table.py            # the 1,049 dev queries of ../shared
    .venv/bin/python scripts/measure_lemma_table.py --queries FILE.jsonl

Each query is searched as a fresh one-shot `lexsearch search` would: the lemmatizer holds exactly the
table of the current index (`$LEXSEARCH_HOME`), so a query counts as "needs the model" when one of its
forms (typed words, spelling corrections, synonym expansions, snippet texts) is missing from the table.
Prints the share of such queries and the most frequent unknown forms. The judgments are read in place
from ../shared, never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# ../shared beside the checkout (/work/main → /work/shared; a worktree one level deeper looks one up).
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared",
)
DEV = SHARED / "judgments" / "cdtn_prequalified_dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=DEV, help="JSON lines with a 'query' field")
    args = parser.parse_args(argv)
    queries = [
        json.loads(line)["query"] for line in args.queries.read_text(encoding="utf-8").splitlines() if line
    ]

    from analyzers.expansion import key_lemmas
    from analyzers.lemmas import LEMMATIZER
    from indexer.lemma_table import read_lemma_table
    from indexer.location import current_directory
    from search.results import SearchRequest
    from search.service import SearchService

    service = SearchService.open(build_if_missing=False, progress=False)
    table = read_lemma_table(current_directory(service.index_root))
    print(f"lemma table of the current index: {len(table)} forms")
    unknown: Counter[str] = Counter()
    needing = 0
    original_fill = LEMMATIZER._fill

    def fill(forms: list[str]) -> None:
        unknown.update(form for form in forms if form not in table)
        original_fill(forms)

    LEMMATIZER._fill = fill  # type: ignore[method-assign]
    started = time.perf_counter()
    for query in queries:
        LEMMATIZER.cache.clear()
        LEMMATIZER.cache.update(table)  # as a fresh process that just opened the index,
        LEMMATIZER.learn(key_lemmas())  # then began its query's expansion (analyzers.expansion)
        before = sum(unknown.values())
        service.search(SearchRequest(query=query))
        needing += sum(unknown.values()) > before
    elapsed = time.perf_counter() - started
    share = needing / len(queries) if queries else 0.0
    print(
        f"{len(queries)} queries: {needing} need the spaCy model ({share:.1%}), "
        f"{len(unknown)} distinct unknown forms; {elapsed:.1f} s"
    )
    print("most frequent unknown forms: " + ", ".join(f"{form} ×{n}" for form, n in unknown.most_common(25)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

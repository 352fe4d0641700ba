"""Check the synonyms table against the code's own wording, and cut the test fixture from it.

For every wording the table offers as an expansion (analyzers.synonyms), counts the versions of the
default corpus whose text contains it (compared on the surface stream, so apostrophes and accents do not
matter) and prints the counts; a wording found nowhere is an error (exit 1). With --write, saves one
short real excerpt per wording to tests/data/analyzers/synonym_sources.jsonl. Usage:

    .venv/bin/python scripts/check_synonyms.py [ARTIFACT] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tqdm import tqdm

from analyzers.french import analyze
from analyzers.synonyms import ABBREVIATIONS, LAY_WORDINGS, SYNONYMS
from corpus.artifact import iter_articles
from corpus.settings import DEFAULT_ARTIFACT

FIXTURE = Path(__file__).parent.parent / "tests" / "data" / "analyzers" / "synonym_sources.jsonl"
MARGIN = 60  # characters of context on each side of the wording in an excerpt


def offered_wordings() -> list[str]:
    wordings = [phrase for phrases in ABBREVIATIONS.values() for phrase in phrases]
    wordings += [member for group in SYNONYMS for member in group if not member.startswith("~")]
    wordings += [wording for wordings_ in LAY_WORDINGS.values() for wording in wordings_]
    return list(dict.fromkeys(wordings))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("artifact", nargs="?", type=Path, default=DEFAULT_ARTIFACT)
    parser.add_argument("--write", action="store_true", help="write the test fixture")
    args = parser.parse_args(argv)
    wordings = {
        wording: " " + " ".join(t.text for t in analyze(wording, lemmas=False)) + " "
        for wording in offered_wordings()
    }
    counts = dict.fromkeys(wordings, 0)
    excerpts: dict[str, dict] = {}
    for article in tqdm(iter_articles(args.artifact), desc="articles", unit=" art", file=sys.stderr):
        for version in article.versions:
            if not version.text:
                continue
            tokens = analyze(version.text, lemmas=False)
            joined = " " + " ".join(token.text for token in tokens) + " "
            for wording, needle in wordings.items():
                found = joined.find(needle)
                if found < 0:
                    continue
                counts[wording] += 1
                first = joined.count(" ", 0, found + 1) - 1
                last = first + needle.count(" ") - 2
                start = max(0, tokens[first].start - MARGIN)
                end = min(len(version.text), tokens[last].end + MARGIN)
                excerpt = version.text[start:end]
                if wording not in excerpts or len(excerpt) < len(excerpts[wording]["excerpt"]):
                    excerpts[wording] = {
                        "wording": wording,
                        "article": article.number,
                        "version_id": version.version_id,
                        "excerpt": excerpt,
                    }
    missing = [wording for wording, count in counts.items() if count == 0]
    for wording, count in sorted(counts.items(), key=lambda item: item[1]):
        print(f"{count:6d} versions  {wording}")
    print(f"{len(counts)} wordings, {len(missing)} not found in the code")
    if args.write:
        FIXTURE.parent.mkdir(parents=True, exist_ok=True)
        lines = [
            json.dumps(excerpts[wording], ensure_ascii=False, sort_keys=True) for wording in sorted(excerpts)
        ]
        FIXTURE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} excerpts written to {FIXTURE}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Cut tests/data/analyzers/linked_versions.jsonl: real versions with Légifrance's links to articles.

Keeps every 150th version of the default corpus whose HTML links to articles of the Code du travail,
with the link targets whose anchor prints that very number (Légifrance sometimes links "L. 2145-5" to
L2145-1; such links say nothing about the tokenizer). Usage:

    .venv/bin/python scripts/cut_analyzer_fixtures.py [ARTIFACT]
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from analyzers.tokenize import article_token
from corpus.artifact import iter_articles
from corpus.settings import DEFAULT_ARTIFACT

TARGET = Path(__file__).parent.parent / "tests" / "data" / "analyzers" / "linked_versions.jsonl"
LINK = re.compile(r'<a [^>]*title="Code du travail - art\. ([^"(]+?) \(V\)"[^>]*>(.*?)</a>', re.S)
PRINTED_NUMBER = re.compile(r"\b([LRD](?:\.O)?\.?\*?\s?\d+(?:-\d+)*)")
EVERY = 150


def main(argv: list[str]) -> int:
    artifact = Path(argv[0]) if argv else DEFAULT_ARTIFACT
    records, seen = [], 0
    for article in iter_articles(artifact):
        for version in article.versions:
            if not (version.text and version.html):
                continue
            targets = []
            for number, anchor in LINK.findall(version.html):
                printed = PRINTED_NUMBER.findall(html.unescape(re.sub(r"<[^>]+>", "", anchor)))
                if article_token(number) in {article_token(found) for found in printed}:
                    targets.append(number)
            if not targets:
                continue
            if seen % EVERY == 0:
                records.append(
                    {
                        "version_id": version.version_id,
                        "number": version.number,
                        "text": version.text,
                        "targets": sorted(set(targets)),
                    }
                )
            seen += 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(
        "".join(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n" for record in records),
        encoding="utf-8",
    )
    print(f"{len(records)} versions ({sum(len(r['targets']) for r in records)} links) written to {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

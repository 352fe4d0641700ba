"""Cut the UI test corpus from the committed artifact (kept for reproducibility), plus one hostile article.

    .venv/bin/python tests/data/ui/cut.py

Real articles, untouched: chapter "Licenciement pour motif économique" L1233-1…L1233-20 (search hits), what
L1233-3 cites and some articles citing it (citation links, "Cité par"), and four articles LOI n° 2023-1196
changed on 1 January 2024 (diff and changeset pages). The hostile article is synthetic on purpose: its code
title, section path, amending text and both wordings carry markup that must reach the page as text.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent.parent))

from corpus.artifact import iter_articles, write_articles  # noqa: E402
from corpus.model import AmendingText, Amendment, Article, Code, Status, Version  # noqa: E402

CHAPTER = re.compile(r"L1233-(?:[1-9]|1[0-9]|20)")
CITED = {"L1237-11", "L1237-17", "L1233-4", "L1233-7"}
CITING = {"L1222-6", "L1233-25", "L6332-14"}
CHANGESET = {"L1235-4", "L1243-11-1", "L1251-33-1", "L2271-1"}

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def hostile_article() -> Article:
    code = Code("LEGITEXT000099999999", f"Code d'essai {IMG}")
    decree = AmendingText(
        "JORFTEXT000099999999", f"Décret {SCRIPT} n° 0000-1 d'essai", "DECRET", date(2019, 12, 20)
    )
    path = ("Partie législative", f"Livre {SCRIPT}")
    first = Version(
        "LEGIARTI999999999001",
        "LEGIARTI999999999000",
        "L9999-1",
        f"Texte d'essai {SCRIPT} sur le licenciement pour motif économique.",
        date(2018, 1, 1),
        date(2020, 1, 1),
        Status.MODIFIED,
        path,
    )
    second = Version(
        "LEGIARTI999999999002",
        "LEGIARTI999999999000",
        "L9999-1",
        f"Texte d'essai {SCRIPT} {IMG} sur le licenciement pour motif économique, voir l'article L. 1233-3.",
        date(2020, 1, 1),
        None,
        Status.IN_FORCE,
        path,
        amendments=(Amendment(decree),),
    )
    return Article("LEGIARTI999999999000", code, "L9999-1", (first, second))


def main() -> None:
    keep = CITED | CITING | CHANGESET
    chosen = [a for a in iter_articles() if CHAPTER.fullmatch(a.number) or a.number in keep]
    chosen.append(hostile_article())
    count = write_articles(
        HERE / "corpus.jsonl.gz", chosen, sources=["corpus/data/code-du-travail.jsonl.gz (cut)"]
    )
    print(f"{count} articles written", file=sys.stderr)


if __name__ == "__main__":
    main()

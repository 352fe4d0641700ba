"""Make the shipped vectors of the embedded default corpus (indexer/data/default-passages.npz) again,
after `lexsearch corpus build-default` changed the artifact or analyzers.embedding changed the passages.

    .venv/bin/python scripts/build_default_vectors.py               # ~25 min from nothing, on 2 cores
    .venv/bin/python scripts/build_default_vectors.py --reuse HOME  # start from HOME's vectors file

It builds the default store from the committed artifact in a temporary home, embeds every article's
passage the shipped file (or HOME's) does not already hold for the same wording, and writes the result
over the shipped file. Prints what it reused and embedded.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.ingest import ensure_default_store  # noqa: E402
from indexer.passage_vectors import DEFAULT_VECTORS, update_vectors, vectors_file  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse", type=Path, metavar="HOME", help="start from this home's vectors file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lexsearch-vectors-") as directory:
        home = Path(directory)
        if args.reuse is not None:
            vectors_file(home).parent.mkdir(parents=True)
            shutil.copyfile(vectors_file(args.reuse), vectors_file(home))
        store = ensure_default_store(home / "corpus.sqlite3", progress=True)
        try:
            report = update_vectors(store, home, progress=True)
        finally:
            store.close()
        DEFAULT_VECTORS.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(report.path, DEFAULT_VECTORS)
    size = DEFAULT_VECTORS.stat().st_size / 2**20
    print(
        f"{report.articles} article vectors ({report.embedded} embedded, {report.kept} reused) in "
        f"{report.seconds:.0f} s → {DEFAULT_VECTORS} ({size:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The maintainer's rebuild of the committed default corpus (the only step that needs the network).

`npm pack` fetches each listed `@socialgouv/legi-data` release into a cache directory (kept, so a rebuild
is offline once the cache is full), the Code du travail snapshot of each is merged into one history, and
the artifact is rewritten deterministically: the same releases always give the same bytes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from corpus.artifact import write_articles
from corpus.errors import SourceError
from corpus.legifrance import History, decode_snapshot, snapshot_files
from corpus.settings import DEFAULT_ARTIFACT, data_home

PACKAGE = "@socialgouv/legi-data"
# The twelve releases merged into the default corpus, 2020-01-01 (1.1.13) to 2026-03-27 (2.513.0).
VERSIONS = (
    "1.1.13",
    "1.1.14",
    "1.1.15",
    "1.1.19",
    "1.2.0",
    "1.46.0",
    "2.24.0",
    "2.100.0",
    "2.229.0",
    "2.263.0",
    "2.511.0",
    "2.513.0",
)
CODE_DU_TRAVAIL = "LEGITEXT000006072050"


@dataclass(frozen=True)
class BuildReport:
    artifact: Path
    articles: int
    versions: int
    versions_with_text: int
    bytes: int
    seconds: float


def default_cache() -> Path:
    return data_home() / "npm-cache"


def tarball_name(version: str) -> str:
    """The file name `npm pack` gives a release of PACKAGE."""
    return f"{PACKAGE.lstrip('@').replace('/', '-')}-{version}.tgz"


def fetch(version: str, cache: Path) -> Path:
    """The release's tarball in `cache`, running `npm pack` only when it is not there yet."""
    target = cache / tarball_name(version)
    if target.is_file():
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise SourceError(str(target), "absent du cache, et `npm` n'est pas installé pour le télécharger")
    cache.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [npm, "pack", f"{PACKAGE}@{version}", "--silent"], cwd=cache, capture_output=True, text=True
    )
    if done.returncode != 0 or not target.is_file():
        problem = (done.stderr.strip().splitlines() or ["aucune archive produite"])[-1]
        raise SourceError(f"npm pack {PACKAGE}@{version}", problem)
    return target


def build_default(
    cache: Path | None = None,
    output: Path = DEFAULT_ARTIFACT,
    versions: tuple[str, ...] = VERSIONS,
    *,
    progress: bool = True,
) -> BuildReport:
    """Fetch, merge and write the default artifact; returns what was written."""
    started = time.perf_counter()
    cache = Path(cache) if cache else default_cache()
    history = History()
    bar = tqdm(versions, desc="snapshots legi-data", unit="snapshot", file=sys.stderr, disable=not progress)
    for version in bar:
        bar.set_postfix_str(version)
        tarball = fetch(version, cache)
        found = False
        for where, read in snapshot_files(tarball, {CODE_DU_TRAVAIL}):
            history.add(decode_snapshot(read(), where))
            found = True
        if not found:
            raise SourceError(str(tarball), f"pas de data/{CODE_DU_TRAVAIL}.json dans le paquet")
    articles = history.articles(CODE_DU_TRAVAIL)
    write_articles(output, articles, sources=[f"{PACKAGE}@{version}" for version in versions])
    return BuildReport(
        artifact=Path(output),
        articles=len(articles),
        versions=sum(len(article.versions) for article in articles),
        versions_with_text=sum(1 for article in articles for version in article.versions if version.has_text),
        bytes=Path(output).stat().st_size,
        seconds=time.perf_counter() - started,
    )

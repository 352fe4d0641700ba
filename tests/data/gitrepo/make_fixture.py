"""Rebuild the git-repository fixtures from real sources (run by hand, never by the tests).

    .venv/bin/python tests/data/gitrepo/make_fixture.py [path/to/codes-juridiques-commerce-civil.bundle]

codes.bundle — the real commits of the Code de commerce export that touch three articles, each replayed
with its original author date, author and subject, keeping only those article files and the README.md
of their folders (as they were at that commit):
  - L225-69-1: added 2017-01-01 (LOI n°2011-103), modified 2020-01-01 (LOI n° 2014-873);
  - A450-4: added 2009-01-21, modified 2010-05-07, deleted 2015-03-28 (ARRÊTÉ du 18 mars 2015);
  - L713-12: added 2000-09-21, moved into section 3 on 2004-04-17 (Ordonnance n°2004-328: the old file is
    deleted and a new one added in the same commit), the new file deleted 2005-08-03.

seed.bundle — seed 000 (article L611-7 of the Code de commerce, HTML body with links) committed once at the
path its own links use (the other export's layout: code folder at the root, `l611-7.md`, no README). The
seed comes without a commit: the subject is the export's own wording for an unknown origin and the date
2016-10-01 is a lower bound (the body cites article 1343-5 of the Code civil, in force from that day).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

HERE = Path(__file__).parent
SHARED = HERE.parents[2].parent / "shared"
DEFAULT_BUNDLE = SHARED / "corpora" / "codes-juridiques-commerce-civil.bundle"
SEED = SHARED / "seeds" / "000_f718a835883d106a.txt"
ARTICLES = ("article-l225-69-1.md", "article-a450-4.md", "article-l713-12.md")
CODE = "codes-en-vigueur/code-de-commerce"
SEED_PATH = (
    "code-de-commerce/partie-legislative/livre-vi-des-difficultes-des-entreprises/"
    "titre-ier-de-la-prevention-des-difficultes-des-entreprises/"
    "chapitre-ier-de-la-prevention-des-difficultes-des-entreprises-du-mandat-ad-hoc-et-de-la-procedure-"
    "de-conciliation/l611-7.md"
)


def git(repo: Path, *args: str, env: dict[str, str] | None = None, data: bytes | None = None) -> bytes:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], input=data, capture_output=True, check=True, env=env
    )
    return done.stdout


def commit(repo: Path, subject: str, author: str, email: str, stamp: str) -> None:
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME=author,
        GIT_AUTHOR_EMAIL=email,
        GIT_AUTHOR_DATE=stamp,
        GIT_COMMITTER_NAME=author,
        GIT_COMMITTER_EMAIL=email,
        GIT_COMMITTER_DATE=stamp,
    )
    git(repo, "add", "-A", ".")
    git(repo, "commit", "-q", "--allow-empty-message", "-m", subject, env=env)


def new_repo(path: Path) -> None:
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "master")
    git(path, "config", "commit.gpgsign", "false")


def make_codes(source: Path, out: Path, tmp: Path) -> None:
    fixture = tmp / "codes"
    new_repo(fixture)
    log = git(
        source, "log", "--reverse", "--format=%H", "--all", "--", *(f"{CODE}/*/{name}" for name in ARTICLES)
    )
    paths_seen: set[str] = set()
    for sha in log.decode().split():
        tree = git(source, "ls-tree", "-r", "--name-only", sha, "--", CODE).decode().splitlines()
        wanted = [path for path in tree if PurePosixPath(path).name in ARTICLES]
        folders = {str(parent) for path in wanted for parent in PurePosixPath(path).parents}
        readmes = [
            path
            for path in tree
            if PurePosixPath(path).name == "README.md" and str(PurePosixPath(path).parent) in folders
        ]
        for path in paths_seen - set(wanted) - set(readmes):
            (fixture / path).unlink(missing_ok=True)
        for path in wanted + readmes:
            target = fixture / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(git(source, "show", f"{sha}:{path}"))
        paths_seen |= set(wanted) | set(readmes)
        for folder in sorted({p.parent for p in fixture.rglob("*")}, key=lambda p: -len(p.parts)):
            if folder != fixture and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        subject, author, email, stamp = (
            git(source, "log", "-1", "--format=%s%x00%an%x00%ae%x00%ad", "--date=raw", sha)
            .decode()
            .strip()
            .split("\0")
        )
        commit(fixture, subject, author, email, stamp)
        print(stamp, subject, file=sys.stderr)
    git(fixture, "bundle", "create", str(out), "HEAD", "master")


def make_seed(out: Path, tmp: Path) -> None:
    fixture = tmp / "seed"
    new_repo(fixture)
    target = fixture / SEED_PATH
    target.parent.mkdir(parents=True)
    shutil.copyfile(SEED, target)
    stamp = "1475280000 +0000"  # 2016-10-01, a lower bound (see module docstring)
    commit(
        fixture, "Modifications d'origine indéterminée", "République française", "gitloi@data.gouv.fr", stamp
    )
    git(fixture, "bundle", "create", str(out), "HEAD", "master")


def main() -> None:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_BUNDLE
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "source.git"
        subprocess.run(["git", "clone", "-q", "--bare", str(bundle), str(source)], check=True)
        make_codes(source, HERE / "codes.bundle", tmp)
        make_seed(HERE / "seed.bundle", tmp)
    for name in ("codes.bundle", "seed.bundle"):
        print(name, (HERE / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()

"""Rebuild the Archéo Lex fixture from the real CPI repository (run by hand, never by the tests).

    .venv/bin/python tests/data/archeolex/make_fixture.py [path/to/archeolex-cpi.bundle]

cpi.bundle — four real consolidations of the Code de la propriété intellectuelle (original author date and
subject), each cut down to two chapters with their enclosing headings:
  - Partie législative › Livre Ier › Titre Ier › Chapitre Ier : Nature du droit d'auteur (L111-1 … L111-5):
    L111-1 was rewritten in the consolidation of 3 August 2006;
  - Partie réglementaire › Livre III › Titre III › Chapitre II : Saisie-contrefaçon (R332-1 … R332-4):
    appears on 30 June 2008; on 22 December 2014 R332-1 is gone and R332-2 … R332-4 are rewritten.
Those are the only consolidations in which these chapters changed, so the dates are the real ones.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
DEFAULT_BUNDLE = HERE.parents[2].parent / "shared" / "corpora" / "archeolex-cpi.bundle"
FILE = "code_de_la_propriété_intellectuelle.md"
SUBJECTS = (
    "Version consolidée au 3 juillet 1992",
    "Version consolidée au 3 août 2006",
    "Version consolidée au 30 juin 2008",
    "Version consolidée au 22 décembre 2014",
)
CHAPTERS = (
    (
        "Partie législative",
        "Première partie : La propriété littéraire et artistique",
        "Livre Ier : Le droit d'auteur",
        "Titre Ier : Objet du droit d'auteur",
        "Chapitre Ier : Nature du droit d'auteur",
    ),
    (
        "Partie réglementaire",
        "Livre III : Dispositions générales",
        "Titre III : Procédures et sanctions",
        "Chapitre II : Saisie-contrefaçon",
    ),
)
HEADING = re.compile(r"^(#+)\s+(.*?)\s*$")


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True, env=env).stdout


def cut(markdown: str) -> str:
    """Keep the wanted chapters (whole) and the headings that enclose them, in file order."""
    kept: list[str] = []
    emitted: set[tuple[str, ...]] = set()
    chain: list[tuple[int, str, str]] = []  # (level, title, line)
    inside: int | None = None  # level of the wanted chapter we are in
    for line in markdown.splitlines():
        heading = HEADING.match(line)
        if heading:
            level, title = len(heading[1]), heading[2]
            if inside is not None and level <= inside:
                inside = None
            while chain and chain[-1][0] >= level:
                chain.pop()
            chain.append((level, title, line))
            titles = tuple(title for _, title, _ in chain)
            if inside is None and titles in CHAPTERS:
                inside = level
                for depth in range(1, len(chain)):
                    prefix = titles[:depth]
                    if prefix not in emitted:
                        emitted.add(prefix)
                        kept += [chain[depth - 1][2], ""]
                kept.append(line)
                continue
        if inside is not None:
            kept.append(line)
    return "\n".join(kept).rstrip() + "\n"


def main() -> None:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_BUNDLE
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source, fixture = tmp / "source.git", tmp / "cpi"
        subprocess.run(["git", "clone", "-q", "--bare", str(bundle), str(source)], check=True)
        fixture.mkdir()
        git(fixture, "init", "-q", "-b", "texte")
        log = git(source, "log", "--format=%H%x00%s%x00%an%x00%ae%x00%ad", "--date=raw", "HEAD").decode()
        commits = {fields[1]: fields for fields in (line.split("\0") for line in log.splitlines())}
        for subject in SUBJECTS:
            sha, _, author, email, stamp = commits[subject]
            text = git(source, "show", f"{sha}:{FILE}").decode("utf-8")
            (fixture / FILE).write_text(cut(text), encoding="utf-8")
            env = dict(os.environ)
            env.update(
                GIT_AUTHOR_NAME=author,
                GIT_AUTHOR_EMAIL=email,
                GIT_AUTHOR_DATE=stamp,
                GIT_COMMITTER_NAME=author,
                GIT_COMMITTER_EMAIL=email,
                GIT_COMMITTER_DATE=stamp,
            )
            git(fixture, "add", FILE)
            git(fixture, "commit", "-q", "--allow-empty", "-m", subject, env=env)
            print(stamp, subject, file=sys.stderr)
        git(fixture, "bundle", "create", str(HERE / "cpi.bundle"), "HEAD", "texte")
    print("cpi.bundle", (HERE / "cpi.bundle").stat().st_size, "bytes")


if __name__ == "__main__":
    main()

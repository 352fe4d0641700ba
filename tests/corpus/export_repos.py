"""Small git repositories in the all-codes export's layout, written by the tests themselves.

`write_export(path, commits)` makes one commit per `ExportCommit` on branch `everything` (HEAD of a bare
clone of its bundle names `master`, which the bundle lacks, as with the real export), with the entry into
force as committer date and the signature as author date. Files map a path to its content, or to None to
delete it. (tests/gitrepos.py writes the other layouts; it gives author and committer one date, where the
export needs two.)
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ExportCommit:
    in_force: str  # committer date, YYYY-MM-DD ("1970-01-01" for unknown)
    subject: str
    files: dict[str, str | None] = field(default_factory=dict)
    body: str = ""
    signed: str | None = None  # author date; the entry into force when None


def article_file(number: str, text: str) -> str:
    """An article file as the export writes it: title line, rule, wording wrapped at 80 columns."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > 80:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return f"Article {number}\n----\n" + "\n".join(lines) + "\n"


def legifrance_body(jorftext: str, nor: str = "TEST0000000X") -> str:
    return (
        f"NOR: {nor}\nVoir sur Legifrance: http://www.legifrance.gouv.fr/affichTexte.do?cidTexte={jorftext}\n"
    )


_ISOLATED = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}  # no user setting leaks in


def _git(repo: Path, *args: str, env: dict[str, str] | None = None) -> None:
    command = ["git", "-C", str(repo), "-c", "commit.gpgsign=false", *args]
    subprocess.run(command, check=True, capture_output=True, env={**(env or os.environ), **_ISOLATED})


def write_export(path: Path, commits: list[ExportCommit]) -> Path:
    path.mkdir(parents=True)
    _git(path, "init", "-q", "-b", "everything")
    for commit in commits:
        for name, content in commit.files.items():
            target = path / name
            if content is None:
                _git(path, "rm", "-q", name)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            _git(path, "add", name)
        signed = commit.signed or commit.in_force
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "République Française",
            "GIT_AUTHOR_EMAIL": "noreply@gouv.fr",
            "GIT_COMMITTER_NAME": "République Française",
            "GIT_COMMITTER_EMAIL": "noreply@gouv.fr",
            "GIT_AUTHOR_DATE": f"{signed}T00:00:00+01:00"
            if signed != "1970-01-01"
            else "1970-01-01T01:00:01+01:00",
            "GIT_COMMITTER_DATE": (
                f"{commit.in_force}T00:00:00+01:00"
                if commit.in_force != "1970-01-01"
                else "1970-01-01T01:00:01+01:00"
            ),
        }
        message = commit.subject + (f"\n\n{commit.body}" if commit.body else "")
        _git(path, "commit", "-q", "--allow-empty", "-m", message, env=env)
    return path


def bundle_of(repo: Path, target: Path) -> Path:
    _git(repo, "bundle", "create", str(target), "everything")
    return target

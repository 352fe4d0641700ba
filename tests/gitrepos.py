"""Git repositories of article files, written by the tests themselves in the layouts the git sources read.

The project commits no copy of the public repositories kept in ../shared/corpora: a test that needs a
history writes one here, file by file, one commit per amending text (author date = entry into force).

- "codes-juridiques" (`corpus.gitrepo`): `codes-en-vigueur/<code>/<partie>/…/article-<num>.md`, each file
  `# Article <num>` then the text, each folder titled by the first heading of its README.md
  (`write_codes_article`);
- Archéo Lex (`corpus.archeolex`): one `<code_de_…>.md` file per code, `#` headings for parts down to
  `Article <num>` (`archeolex_markdown`);
- the all-codes export: `<Code Title>/<Partie>/<Livre>/…/Article <num>.md`, a title line, `----`, the
  text; the commit message gives the amending text's title, NOR and Légifrance link
  (`write_all_codes_article`, `all_codes_message`).

Import it as `from gitrepos import GitRepo` (tests/ is on sys.path through tests/conftest.py).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

CODES_ROOT = "codes-en-vigueur"
LEGIFRANCE_AUTHOR = ("République française", "gitloi@data.gouv.fr")


@dataclass(frozen=True)
class Folder:
    """One folder of the codes-juridiques layout: its name on disk and the title its README gives it."""

    name: str
    title: str


class GitRepo:
    """A work tree under `path` with its own git config: no user's global settings (signing, hooks)
    leak in, and every commit carries the date it is given."""

    def __init__(self, path: Path, *, branch: str = "master") -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", branch)

    def git(self, *args: str, day: str | None = None, author: tuple[str, str] = LEGIFRANCE_AUTHOR) -> str:
        env = {
            **os.environ,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": author[0],
            "GIT_AUTHOR_EMAIL": author[1],
            "GIT_COMMITTER_NAME": author[0],
            "GIT_COMMITTER_EMAIL": author[1],
        }
        if day is not None:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = day
        done = subprocess.run(
            ["git", "-C", str(self.path), "-c", "commit.gpgsign=false", *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"git {' '.join(args)} in {self.path}: {done.stderr.strip()}")
        return done.stdout

    def write(self, relative: str, content: str | bytes) -> str:
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        return relative

    def delete(self, relative: str) -> None:
        (self.path / relative).unlink()
        folder = (self.path / relative).parent
        while folder != self.path and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent

    def commit(
        self,
        message: str,
        day: date | str,
        *,
        zone: str = "+00:00",
        author: tuple[str, str] = LEGIFRANCE_AUTHOR,
    ) -> str:
        """Commit every change of the work tree (even none) dated `day` at midnight in `zone`; its sha."""
        stamp = f"{day.isoformat() if isinstance(day, date) else day}T00:00:00{zone}"
        self.git("add", "-A", ".")
        self.git("commit", "-q", "--allow-empty", "-m", message, day=stamp, author=author)
        return self.git("rev-parse", "HEAD").strip()

    def bundle(self, target: Path) -> Path:
        """The whole history as one `.bundle` file (what `lexsearch corpus add x.bundle` reads)."""
        self.git("bundle", "create", str(target), "HEAD", self.git("branch", "--show-current").strip())
        return target


def article_file_name(number: str) -> str:
    """`L225-69-1` → `article-l225-69-1.md` (the codes-juridiques export's file names)."""
    return f"article-{number.lower().replace(' ', '-')}.md"


def write_codes_article(
    repo: GitRepo,
    code: Folder,
    folders: Sequence[Folder],
    number: str,
    text: str,
    *,
    root: str = CODES_ROOT,
) -> str:
    """Write one article file of the codes-juridiques layout, and the README.md titling the code's folder
    and each folder on the way; its path in the repository."""
    folder = f"{root}/{code.name}" if root else code.name
    repo.write(f"{folder}/README.md", f"# {code.title}\n")
    for child in folders:
        folder = f"{folder}/{child.name}"
        repo.write(f"{folder}/README.md", f"# {child.title}\n")
    return repo.write(codes_article_path(code, folders, number, root=root), f"# Article {number}\n\n{text}\n")


def codes_article_path(
    code: Folder, folders: Sequence[Folder], number: str, *, root: str = CODES_ROOT
) -> str:
    """Where the codes-juridiques layout keeps an article: `<root>/<code>/<folders…>/article-<num>.md`."""
    return "/".join(
        [*([root] if root else []), code.name, *(f.name for f in folders), article_file_name(number)]
    )


def archeolex_markdown(articles: Iterable[tuple[Sequence[str], str, str]]) -> str:
    """One Archéo Lex code file from (section path, number, text) in file order: each heading written
    where the path first differs from the previous article's, one `#` per level, the article one below."""
    lines: list[str] = []
    previous: Sequence[str] = ()
    for path, number, text in articles:
        common = 0
        while common < min(len(path), len(previous)) and path[common] == previous[common]:
            common += 1
        for depth in range(common, len(path)):
            lines += ["#" * (depth + 1) + " " + path[depth], ""]
        lines += ["#" * (len(path) + 1) + f" Article {number}", "", text, ""]
        previous = path
    return "\n".join(lines)


def write_all_codes_article(
    repo: GitRepo, code_title: str, folders: Sequence[str], number: str, text: str
) -> str:
    """Write one article file of the all-codes export: `<Code Title>/<folders…>/Article <num>.md` holding a
    title line, `----` and the text; its path in the repository."""
    path = "/".join([code_title, *folders, f"Article {number}.md"])
    return repo.write(path, f"Article {number}\n----\n{text}\n")


def all_codes_message(title: str, nor: str | None, jorf_id: str | None) -> str:
    """A commit message of the all-codes export: the amending text's title, then its NOR and link."""
    lines = [title, ""]
    if nor:
        lines.append(f"NOR: {nor}")
    if jorf_id:
        lines.append(f"Voir sur Legifrance: http://www.legifrance.gouv.fr/affichTexte.do?cidTexte={jorf_id}")
    return "\n".join(lines).rstrip() + "\n"

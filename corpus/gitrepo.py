"""Source: a git repository of codes with one markdown file per article (or a `.bundle` of one).

Layout: `[codes-en-vigueur/]<code>/<partie>/<livre>/…/article-<num>.md`, each article file starting with
`# Article <num>`; each folder titled by the first heading of its README.md; one commit per amending text,
the commit's author date being the entry into force and its subject the amending text's title.

History is read with two git processes in all (`gitlog`). Every commit that touches an article file gives
that file a version valid from the commit's date; the next commit touching it ends it (modified), a commit
deleting it ends it for good (repealed, or transferred when the same number appears elsewhere in that
commit). An article is identified by its file's path: a file moved or renamed is a new article file, and
the old one ends on the day of the move.

A code's id is its Légifrance id when its title (its README heading, else its folder name) is a known code
(`corpus.code_names`), so citations resolve to it, else its folder's slug; the ids this module derives
(articles, versions) use the folder's slug whatever the code's id, so they stay stable.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from tqdm import tqdm

from corpus.amending_titles import TitledText, parse_subject, register_texts
from corpus.article_body import split_body
from corpus.code_names import code_id_for_title
from corpus.errors import SourceError
from corpus.gitlog import (
    BlobReader,
    Commit,
    decode_utf8,
    derived_id,
    head_files,
    is_bundle,
    is_repository,
    iter_commits,
    repository,
    slugify,
)
from corpus.model import (
    AmendingText,
    Amendment,
    Article,
    ChangeRole,
    Code,
    Status,
    Version,
    normalize_number,
)

_CODE_DIR = re.compile(r"^code[-_]", re.IGNORECASE)
_ARTICLE_HEADING = re.compile(r"^#\s*Article\s+(?P<number>\S.*?)\s*$")
_HEADING = re.compile(r"^#+\s*(?P<title>.*?)\s*#*\s*$")
_SNIFF = 20  # files looked at by `accepts`


def _is_readme(path: PurePosixPath) -> bool:
    return path.name.lower() == "readme.md"


def _is_article_path(path: str) -> bool:
    """A markdown file inside a folder that is not a README (the first line decides the rest)."""
    pure = PurePosixPath(path)
    return len(pure.parts) >= 2 and pure.suffix.lower() == ".md" and not _is_readme(pure)


def _code_dir(parts: tuple[str, ...]) -> int:
    """Index of the code's folder in a path: the first folder named code-…, else the first folder."""
    for index, part in enumerate(parts[:-1]):
        if _CODE_DIR.match(part):
            return index
    return 0


def accepts(path: Path) -> bool:
    """A git repository or bundle whose HEAD holds markdown files in folders starting `# Article …`."""
    if not (is_bundle(path) or is_repository(path)):
        return False
    where = str(path)
    try:
        with repository(path) as repo:
            candidates = sorted(name for name in head_files(repo, where=where) if _is_article_path(name))
            if not candidates:
                return False
            with BlobReader(repo, where=where) as blobs:
                for name in candidates[:_SNIFF]:
                    head = blobs.read(f"HEAD:{name}")[:200].decode("utf-8", "replace")
                    if parse_article_file(head) is not None:
                        return True
    except SourceError:
        return False
    return False


def first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        match = _HEADING.match(line)
        if match and match["title"]:
            return match["title"]
    return None


def parse_article_file(markdown: str) -> tuple[str, str, str | None] | None:
    """(number as printed, plain text, html or None), or None when the file is not an article."""
    lines = markdown.lstrip("\ufeff").splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return None
    match = _ARTICLE_HEADING.match(lines[0])
    if match is None:
        return None
    text, html = split_body("\n".join(lines[1:]))
    return match["number"], text, html


@dataclass
class _Draft:
    """One version being built; its end is known only when a later commit touches the file."""

    version_id: str
    number: str
    blob: str
    text: str
    html: str | None
    valid_from: date
    section_path: tuple[str, ...]
    created_by: tuple[TitledText, ...]
    valid_to: date | None = None
    status: Status = Status.IN_FORCE
    ended_by: tuple[TitledText, ...] = ()


@dataclass
class _ArticleFile:
    slug: str  # the code folder's slug: what derived ids are made of
    path: str
    drafts: list[_Draft] = field(default_factory=list)
    open: bool = False


class _History:
    """The replayed state of the repository: folder titles, code titles, and every article's drafts."""

    def __init__(self, blobs: BlobReader, where: str) -> None:
        self.blobs = blobs
        self.where = where
        self.readmes: dict[str, str] = {}  # folder → README blob id, at the current commit
        self.titles: dict[str, str | None] = {}  # README blob id → its first heading
        self.code_titles: dict[str, str] = {}  # code folder slug → last known title
        self.code_folders: dict[str, str] = {}  # code folder slug → folder path
        self.articles: dict[str, _ArticleFile] = {}  # path → article file
        self.texts: dict[str, AmendingText] = {}  # text id → the most informative spelling seen
        self.skipped: list[str] = []  # markdown files that are not articles

    def _title_of(self, folder: str) -> str | None:
        blob = self.readmes.get(folder)
        if blob is None:
            return None
        if blob not in self.titles:
            content = decode_utf8(self.blobs.read(blob), where=f"{self.where}:{folder}/README.md")
            self.titles[blob] = first_heading(content)
        return self.titles[blob]

    def apply(self, commit: Commit) -> None:
        titled = register_texts(self.texts, parse_subject(commit.subject))
        for change in commit.changes:
            pure = PurePosixPath(change.path)
            if _is_readme(pure):
                folder = str(pure.parent)
                if change.blob is None:
                    self.readmes.pop(folder, None)
                else:
                    self.readmes[folder] = change.blob
        added: set[tuple[str, str]] = set()
        ended: list[_ArticleFile] = []
        wanted = [
            change.blob
            for change in commit.changes
            if change.blob is not None
            and _is_article_path(change.path)
            and not self._unchanged(change.path, change.blob)
        ]
        contents = dict(zip(wanted, self.blobs.read_many(wanted), strict=True))
        for change in commit.changes:
            if not _is_article_path(change.path):
                continue
            if change.blob is None:
                article = self.articles.get(change.path)
                if article is not None and article.open:
                    ended.append(article)
                continue
            if self._unchanged(change.path, change.blob):
                continue  # mode change only: same wording
            found = self._touch(commit, change.path, change.blob, contents[change.blob], titled)
            if found is not None:
                added.add(found)
        for article in ended:
            last = article.drafts[-1]
            self._check_order(commit, article.path, last.valid_from)
            last.valid_to = commit.day
            moved = (article.slug, last.number) in added
            last.status = Status.TRANSFERRED if moved else Status.REPEALED
            last.ended_by = titled
            article.open = False

    def _check_order(self, commit: Commit, path: str, previous_start: date | None) -> None:
        """A commit dated before the wording it replaces would make two versions overlap: refuse it."""
        if previous_start is not None and commit.day < previous_start:
            raise SourceError(
                f"{self.where}:{path}",
                f"commit {commit.sha[:12]} daté du {commit.day.isoformat()}, avant la rédaction qu'il remplace "
                f"(en vigueur depuis le {previous_start.isoformat()}) : historique hors de l'ordre des dates",
            )

    def _unchanged(self, path: str, blob: str) -> bool:
        article = self.articles.get(path)
        return article is not None and article.open and article.drafts[-1].blob == blob

    def _touch(
        self, commit: Commit, path: str, blob: str, content: bytes, titled: tuple[TitledText, ...]
    ) -> tuple[str, str] | None:
        article = self.articles.get(path)
        parsed = parse_article_file(decode_utf8(content, where=f"{self.where}:{path}"))
        if parsed is None:
            self.skipped.append(path)
            return None
        number, text, html = parsed
        parts = PurePosixPath(path).parts
        start = _code_dir(parts)
        folder = parts[start]
        slug = slugify(folder) or folder
        self.code_folders.setdefault(slug, "/".join(parts[: start + 1]))
        section_path = tuple(
            self._title_of("/".join(parts[: index + 1])) or parts[index]
            for index in range(start + 1, len(parts) - 1)
        )
        if article is None:
            article = self.articles[path] = _ArticleFile(slug=slug, path=path)
        if article.open:
            previous = article.drafts[-1]
            self._check_order(commit, path, previous.valid_from)
            previous.valid_to = commit.day
            previous.status = Status.MODIFIED
        article.drafts.append(
            _Draft(
                version_id=derived_id("GITV", slug, path, commit.sha),
                number=number,
                blob=blob,
                text=text,
                html=html,
                valid_from=commit.day,
                section_path=section_path,
                created_by=titled,
            )
        )
        article.open = True
        return slug, number

    def refresh_code_titles(self) -> None:
        for slug, folder in self.code_folders.items():
            title = self._title_of(folder)
            if title:
                self.code_titles[slug] = title

    def _amendments(self, titled: tuple[TitledText, ...], role: ChangeRole) -> tuple[Amendment, ...]:
        return tuple(
            Amendment(self.texts[item.text.text_id], role, None, item.article_in_text) for item in titled
        )

    def build(self, article: _ArticleFile) -> Article:
        versions = []
        for draft in article.drafts:
            amendments = self._amendments(draft.created_by, ChangeRole.CREATED)
            if draft.ended_by:
                amendments += self._amendments(draft.ended_by, ChangeRole.ENDED)
            versions.append(
                Version(
                    version_id=draft.version_id,
                    article_id=derived_id("GITA", article.slug, article.path),
                    number=draft.number,
                    text=draft.text,
                    valid_from=draft.valid_from,
                    valid_to=draft.valid_to,
                    status=draft.status,
                    section_path=draft.section_path,
                    html=draft.html,
                    amendments=amendments,
                )
            )
        versions.sort(key=lambda version: version.valid_from or date.min)  # stable: commit order kept
        number = versions[-1].number
        return Article(versions[0].article_id, self.code(article.slug), number, tuple(versions))

    def code(self, slug: str) -> Code:
        """The code of a folder: titled by its README (else by its name), its id the Légifrance one when
        the title or the folder name is a known code's, else the slug."""
        title = self.code_titles.get(slug) or _title_from_slug(slug)
        return Code(code_id_for_title(title) or code_id_for_title(slug) or slug, title)


def _title_from_slug(slug: str) -> str:
    words = slug.replace("-", " ")
    return words[:1].upper() + words[1:]


def read(path: Path, *, progress: bool = False) -> Iterator[tuple[Code, Iterable[Article]]]:
    """Every code of the repository with its articles (sorted by number), each article's versions in
    date order. Raises SourceError naming `path` when it is not a repository of article files."""
    where = str(path)
    with repository(path) as repo, BlobReader(repo, where=where) as blobs:
        history = _History(blobs, where)
        commits = iter_commits(repo, where=where)
        for commit in tqdm(
            commits, desc=f"git {path.name}", unit=" commits", disable=not progress, file=sys.stderr
        ):
            history.apply(commit)
        history.refresh_code_titles()
        if not history.articles:
            others = f" ({len(history.skipped)} autres fichiers markdown)" if history.skipped else ""
            raise SourceError(
                where,
                f"ce n'est pas un dépôt de codes : aucun fichier d'article markdown (# Article …) dans son historique{others}",
            )
        by_code: dict[str, list[Article]] = {}
        for article_file in history.articles.values():
            article = history.build(article_file)
            by_code.setdefault(article.code.code_id, []).append(article)
    for code_id in sorted(by_code):
        articles = sorted(by_code[code_id], key=_article_order)
        yield articles[0].code, articles


def _article_order(article: Article) -> tuple[str, str]:
    return normalize_number(article.number), article.article_id

"""Source: an Archéo Lex repository, one markdown file per code, one commit per consolidated version.

Each commit ("Version consolidée au 8 juin 2018", author date = consolidation date) holds the whole code:
`#`… headings for parts, books, titles, chapters, sections, and `Article L111-1` headings for articles.
Each version of the file is split into articles; an article gets a new version only when its text
changed from the previous consolidation, and ends (repealed) at the first consolidation without it.
Archéo Lex names no amending text, so each consolidation is its own "amending text" (id
`consolidation-<slug>-<date>`), which lets the changeset view show what one consolidation changed.
A code's id is its Légifrance id when its title (from the file name) is a known code
(`corpus.code_names`), so citations resolve to it, else the slug of its file name; the ids this module
derives (articles, versions, consolidations) use the slug whatever the code's id, so they stay stable.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from tqdm import tqdm

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

_HEADING = re.compile(r"^(?P<level>#{1,12})[ \t]+(?P<title>.*?)[ \t]*$", re.MULTILINE)
_ARTICLE = re.compile(r"^Article\s+(?P<number>\S.*)$")
_ARTICLE_LINE = re.compile(r"^#{1,12}\s+Article\s+\S", re.MULTILINE)


@dataclass(frozen=True)
class ArticleText:
    """One article as found in one version of the file."""

    number: str
    body: str  # raw markdown between its heading and the next heading
    section_path: tuple[str, ...]


def _is_code_file(path: str) -> bool:
    pure = PurePosixPath(path)
    return len(pure.parts) == 1 and pure.suffix.lower() == ".md" and pure.name.lower() != "readme.md"


def code_of(file_name: str) -> tuple[Code, str]:
    """The code a file holds and the slug its derived ids use: `code_de_la_propriété_intellectuelle.md` →
    (Code("LEGITEXT000006069414", "Code de la propriété intellectuelle"),
    "code-de-la-propriete-intellectuelle"); an unknown code's id is its slug."""
    words = re.sub(r"[_\s]+", " ", PurePosixPath(file_name).stem).strip()
    title = words[:1].upper() + words[1:]
    slug = slugify(title)
    return Code(code_id_for_title(title) or slug, title), slug


def accepts(path: Path) -> bool:
    """A git repository or bundle whose HEAD holds, at its root, a markdown code with `Article` headings."""
    if not (is_bundle(path) or is_repository(path)):
        return False
    where = str(path)
    try:
        with repository(path) as repo:
            names = sorted(name for name in head_files(repo, where=where) if _is_code_file(name))
            if not names:
                return False
            with BlobReader(repo, where=where) as blobs:
                for name in names:
                    markdown = blobs.read(f"HEAD:{name}").decode("utf-8", "replace")
                    if _ARTICLE_LINE.search(markdown):
                        return True
    except SourceError:
        return False
    return False


def split_articles(markdown: str) -> list[ArticleText]:
    """Articles of one version of the file, in order, each with the titles of its enclosing headings.

    A number heading twice in one version (the source sometimes prints an old and a new wording side
    by side) keeps its first occurrence, so an article has one text per consolidation.
    """
    found: dict[str, ArticleText] = {}
    sections: list[tuple[int, str]] = []  # (level, title) of the enclosing headings
    headings = list(_HEADING.finditer(markdown))
    for index, heading in enumerate(headings):
        level, title = len(heading["level"]), heading["title"]
        while sections and sections[-1][0] >= level:
            sections.pop()
        article = _ARTICLE.match(title)
        if article is None:
            sections.append((level, title))
            continue
        number = article["number"].strip()
        if number in found:
            continue
        end = headings[index + 1].start() if index + 1 < len(headings) else len(markdown)
        body = markdown[heading.end() : end].strip()
        found[number] = ArticleText(number, body, tuple(title for _, title in sections))
    return list(found.values())


@dataclass
class _Draft:
    version_id: str
    number: str
    body: str
    valid_from: date
    section_path: tuple[str, ...]
    created_by: AmendingText
    valid_to: date | None = None
    status: Status = Status.IN_FORCE
    ended_by: AmendingText | None = None


@dataclass
class _CodeHistory:
    code: Code
    slug: str  # what derived ids are made of
    drafts: dict[str, list[_Draft]] = field(default_factory=dict)  # number → drafts, oldest first
    open: set[str] = field(default_factory=set)

    def consolidate(self, commit: Commit, articles: list[ArticleText]) -> None:
        text = AmendingText(
            text_id=f"consolidation-{self.slug}-{commit.day.isoformat()}", title=commit.subject
        )
        seen = set()
        for article in articles:
            seen.add(article.number)
            drafts = self.drafts.setdefault(article.number, [])
            if article.number in self.open:
                if drafts[-1].body == article.body:
                    continue
                drafts[-1].valid_to = commit.day
                drafts[-1].status = Status.MODIFIED
            drafts.append(
                _Draft(
                    version_id=derived_id("ALXV", self.slug, article.number, commit.sha),
                    number=article.number,
                    body=article.body,
                    valid_from=commit.day,
                    section_path=article.section_path,
                    created_by=text,
                )
            )
            self.open.add(article.number)
        for number in sorted(self.open - seen):
            last = self.drafts[number][-1]
            last.valid_to = commit.day
            last.status = Status.REPEALED
            last.ended_by = text
        self.open &= seen

    def articles(self) -> list[Article]:
        result = []
        for number, drafts in self.drafts.items():
            article_id = derived_id("ALXA", self.slug, number)
            versions = []
            for draft in drafts:
                text, html = split_body(draft.body)
                amendments = (Amendment(draft.created_by, ChangeRole.CREATED),)
                if draft.ended_by is not None:
                    amendments += (Amendment(draft.ended_by, ChangeRole.ENDED),)
                versions.append(
                    Version(
                        version_id=draft.version_id,
                        article_id=article_id,
                        number=number,
                        text=text,
                        valid_from=draft.valid_from,
                        valid_to=draft.valid_to,
                        status=draft.status,
                        section_path=draft.section_path,
                        html=html,
                        amendments=amendments,
                    )
                )
            result.append(Article(article_id, self.code, number, tuple(versions)))
        result.sort(key=lambda article: (normalize_number(article.number), article.article_id))
        return result


def read(path: Path, *, progress: bool = False) -> Iterator[tuple[Code, Iterable[Article]]]:
    """Every code file of the repository with its articles, each article's versions in date order.

    Raises SourceError naming `path` when no commit holds a code file with article headings.
    """
    where = str(path)
    histories: dict[str, _CodeHistory] = {}
    with repository(path) as repo, BlobReader(repo, where=where) as blobs:
        commits = iter_commits(repo, ":(glob)*.md", where=where)
        for commit in tqdm(
            commits, desc=f"archeolex {path.name}", unit=" versions", disable=not progress, file=sys.stderr
        ):
            for change in commit.changes:
                if not _is_code_file(change.path):
                    continue
                history = histories.get(change.path)
                if history is None:
                    history = histories[change.path] = _CodeHistory(*code_of(change.path))
                if change.blob is None:
                    history.consolidate(commit, [])
                    continue
                markdown = decode_utf8(
                    blobs.read(change.blob), where=f"{where}:{change.path}@{commit.sha[:10]}"
                )
                history.consolidate(commit, split_articles(markdown))
    found = {name: history for name, history in histories.items() if history.drafts}
    if not found:
        raise SourceError(
            where,
            "ce n'est pas un dépôt Archéo Lex : aucun fichier de code markdown avec des titres « Article »",
        )
    for name in sorted(found):
        history = found[name]
        yield history.code, history.articles()

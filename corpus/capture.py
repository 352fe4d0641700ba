"""Source: a directory tree of article files captured at one date, with no per-article dates.

Layout: `<Partie>/<LIVRE>/<TITRE>/…/Article <num>.md`, each file a heading line `#… Article <num>`, a
blank line, then the text (e.g. an Archéo Lex export split per article). The user states when the tree
was captured (`2023-03` or `2023-03-06`): that is all we know of its dates.

`corpus.capture_merge` lays the tree over its code's history without making up a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from unidecode import unidecode

from corpus.article_body import split_body
from corpus.code_names import CODE_IDENTITIES, code_id_for_title
from corpus.dating import stated
from corpus.errors import SourceError
from corpus.model import Code, DatePrecision, normalize_number

_ARTICLE_HEADING = re.compile(r"^#+\s*Article\s+(?P<number>\S.*?)\s*$")
_TITLE_HEADING = re.compile(r"^#+\s*(?P<title>\S.*?)\s*$")
_SNIFF = 20  # files looked at by `accepts`
_DESCRIPTIONS = ("README.md", "PROVENANCE.md")  # where the tree may say which code it is


@dataclass(frozen=True)
class Capture:
    """When a tree was captured: a day, or a month (then `day` is its first day)."""

    day: date
    precision: DatePrecision

    @property
    def label(self) -> str:
        return stated(self.day, self.precision)


@dataclass(frozen=True)
class CapturedArticle:
    number: str  # as printed in the heading
    text: str
    html: str | None
    folders: tuple[str, ...]  # from the tree's root down to the file's folder
    path: str  # relative to the root, for messages


@dataclass(frozen=True)
class CapturedTree:
    """A tree's articles and when it was captured: what `merge` lays over a history."""

    capture: Capture
    articles: tuple[CapturedArticle, ...]


def parse_captured(value: str) -> Capture:
    """ "2023-03" (a month) or "2023-03-06" (a day); ValueError in French otherwise."""
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return Capture(date.fromisoformat(f"{text}-01"), DatePrecision.MONTH)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return Capture(date.fromisoformat(text), DatePrecision.DAY)
    except ValueError:
        pass
    raise ValueError(f"date de capture invalide « {value} » : attendu AAAA-MM ou AAAA-MM-JJ")


def _article_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.md") if p.is_file() and p.name not in _DESCRIPTIONS)


def accepts(path: Path) -> bool:
    """A plain directory (not a git repository) whose markdown files start `#… Article <num>`."""
    path = Path(path)
    if not path.is_dir() or (path / ".git").exists() or (path / "HEAD").is_file():
        return False
    for file in _article_files(path)[:_SNIFF]:
        with file.open(encoding="utf-8", errors="replace") as handle:
            if _ARTICLE_HEADING.match(handle.readline().lstrip("\ufeff")):
                return True
    return False


def parse_article_file(content: str) -> tuple[str, str, str | None] | None:
    """(number as printed, plain text, html or None), or None when the first line is no article heading."""
    first, _, body = content.lstrip("\ufeff").lstrip("\n").partition("\n")
    match = _ARTICLE_HEADING.match(first)
    if match is None:
        return None
    text, html = split_body(body)
    return match["number"], text, html


def read_tree(root: Path) -> list[CapturedArticle]:
    """Every article file of the tree; SourceError naming the file for one that is not an article, a
    number given twice, or a tree without articles."""
    root = Path(root)
    articles: dict[str, CapturedArticle] = {}
    for file in _article_files(root):
        relative = file.relative_to(root).as_posix()
        try:
            parsed = parse_article_file(file.read_text(encoding="utf-8"))
        except UnicodeDecodeError as error:
            raise SourceError(f"{root}/{relative}", f"pas en UTF-8 ({error.reason})") from None
        if parsed is None:
            raise SourceError(f"{root}/{relative}", "la première ligne n'est pas un titre « # Article … »")
        number, text, html = parsed
        key = normalize_number(number)
        if key in articles:
            raise SourceError(f"{root}/{relative}", f"article {number} déjà lu dans {articles[key].path}")
        if not text:
            raise SourceError(f"{root}/{relative}", f"article {number} sans texte")
        folders = file.relative_to(root).parent.parts
        articles[key] = CapturedArticle(number, text, html, folders, relative)
    if not articles:
        raise SourceError(str(root), "aucun fichier d'article (« # Article … ») dans ce répertoire")
    return list(articles.values())


def fold(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", unidecode(title).lower()).strip()


def _titles_named_in(heading: str) -> list[str]:
    folded = f" {fold(heading)} "
    return [c.title for c in CODE_IDENTITIES if f" {fold(c.title)} " in folded]


def code_named(title: str) -> Code:
    """The code a user names ("Code de commerce", accents and case aside), with its Légifrance id."""
    code_id = code_id_for_title(title)
    if code_id is None:
        raise SourceError("--code", f"code inconnu « {title} » (attendu un titre comme « Code de commerce »)")
    return Code(code_id, next(c.title for c in CODE_IDENTITIES if c.code_id == code_id))


def code_for(root: Path, title: str | None = None) -> Code:
    """The code a tree belongs to: the one the user names, else the code a README.md / PROVENANCE.md
    heading at its root names (the longest title found), else an error asking for `--code`."""
    if title:
        return code_named(title)
    for name in _DESCRIPTIONS:
        description = Path(root) / name
        if not description.is_file():
            continue
        for line in description.read_text(encoding="utf-8", errors="replace").splitlines():
            match = _TITLE_HEADING.match(line)
            found = _titles_named_in(match["title"]) if match else []
            if found:
                chosen = max(found, key=len)
                return Code(code_id_for_title(chosen) or chosen, chosen)
    raise SourceError(str(root), "code inconnu : indiquez-le avec --code « Code de commerce »")

"""Source: the all-codes git export (`git clone -b everything`), every code of French law to 2015.

Layout: `<Code Title>/<Partie>/<Livre>/…/Article <num>.md`, each file a title line ("Article L626-30"),
a `----` line, then the wording hard-wrapped at 80 columns. One commit per amending text: the COMMITTER
date is the entry into force (the author date is the text's signature, 2999-01-01 when unknown), the
subject the text's title, the body its NOR and Légifrance link (whose `cidTexte` gives the JORFTEXT id).
1970-01-01 stands for an unknown entry into force.

History is read with two git processes in all (`gitlog`): the log pass keeps only blob ids, and texts
are read code by code when articles are built, so memory holds one code's wordings at a time. An article
is one number in one code: a file moved to another folder continues its history; the same number at two
paths at once is two articles and an anomaly. Every oddity is kept and reported (`corpus.anomalies`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from tqdm import tqdm

from corpus.allcodes_text import ArticleText, clean_subject, parse_article_file
from corpus.amending_titles import TitledText, parse_subject, register_texts
from corpus.anomalies import Anomaly, AnomalyKind
from corpus.code_names import identity_for_legifrance_title
from corpus.errors import SourceError
from corpus.gitlog import (
    BlobReader,
    Commit,
    derived_id,
    head_files,
    is_bundle,
    is_repository,
    is_url,
    iter_commits,
    reading_ref,
    repository,
    slugify,
)
from corpus.model import AmendingText, Amendment, Article, ChangeRole, Code, Status, Version, normalize_number

UNKNOWN_DAY = date(1970, 1, 1)  # the export's "date inconnue"
_ARTICLE_FILE = re.compile(r"^Article\s+(?P<number>\S.*?)\s*\.md$")
_CID = re.compile(r"cidTexte=(JORFTEXT\d{12})")
_SUBJECT_DAY = re.compile(r"\b(\d{4})-\d\d-\d\d\b")
_SNIFF = 20  # files read by `accepts`
_TEXT_BATCH = 2000  # blobs requested from `git cat-file` at a time while building a code


@dataclass(slots=True)
class _Draft:
    """One version being built: its wording is a blob id until the code is built."""

    version_id: str
    number: str
    path: str
    blob: str
    valid_from: date
    created_by: tuple[TitledText, ...]
    valid_to: date | None = None
    status: Status = Status.IN_FORCE
    ended_by: tuple[TitledText, ...] = ()


@dataclass(slots=True)
class _Lane:
    """One article: a number of one code, at one path or (the export leaves stale copies behind when it
    moves an article to a new folder) at several paths at once; it ends when its last path is deleted."""

    article_id: str
    folder: str
    number: str
    drafts: list[_Draft] = field(default_factory=list)
    paths: set[str] = field(default_factory=set)  # the paths holding it now
    touched_by: str = ""  # the last commit that made a version of it


def _article_number(path: str) -> str | None:
    match = _ARTICLE_FILE.match(PurePosixPath(path).name)
    return match["number"] if match else None


def accepts(path: Path | str) -> bool:
    """A git repository, bundle or URL whose files are `<Code>/…/Article <num>.md` starting "Article …" then
    "----"."""
    if not (is_url(path) or is_bundle(Path(path)) or is_repository(Path(path))):
        return False
    try:
        with repository(path) as repo:
            names = [name for name in head_files(repo, where=str(path)) if "/" in name]
            candidates = [name for name in names if _article_number(name)][:_SNIFF]
            if not candidates:
                return False
            ref = reading_ref(repo, where=str(path))
            with BlobReader(repo, where=str(path)) as blobs:
                contents = blobs.read_many([f"{ref}:{name}" for name in candidates])
    except SourceError:
        return False
    return any(parse_article_file(content).layout_ok for content in contents)


class _Replay:
    """The export's history replayed commit by commit: every article's drafts, and what looked wrong."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.lanes: dict[tuple[str, str], list[_Lane]] = {}  # (code folder, number key) → articles
        self.open: dict[str, _Lane] = {}  # path → the article it holds now
        self.texts: dict[str, AmendingText] = {}
        self.anomalies: list[tuple[str, Anomaly]] = []  # (code folder, anomaly with its code id unset)
        self.spans: dict[str, tuple[date, date]] = {}  # code folder → first and last known day

    def _flag(self, folder: str, kind: AnomalyKind, location: str, detail: str) -> None:
        self.anomalies.append((folder, Anomaly("", kind, location, detail)))

    def _titled(self, commit: Commit) -> tuple[TitledText, ...]:
        titled = parse_subject(clean_subject(commit.subject))
        cid = _CID.search(commit.body)
        if cid and len(titled) == 1:  # the Légifrance id, so Légifrance's own links name the same text
            text = titled[0].text
            signed = text.signed_on or _plausible(commit.day)
            text = AmendingText(cid[1], text.title, text.nature, signed, text.published_on)
            titled = (TitledText(text, titled[0].article_in_text),)
        return register_texts(self.texts, titled)

    def apply(self, commit: Commit) -> None:
        day = commit.committed_on or commit.day
        titled = self._titled(commit)
        folders = {change.path.split("/", 1)[0] for change in commit.changes if "/" in change.path}
        self._check_commit(commit, day, folders)
        if day != UNKNOWN_DAY:
            for folder in folders:
                first, last = self.spans.get(folder, (day, day))
                self.spans[folder] = (min(first, day), max(last, day))
        for change in commit.changes:  # deletions first: a file moved in this commit continues its article
            if change.blob is None and change.path in self.open:
                lane = self.open.pop(change.path)
                lane.paths.discard(change.path)
                if not lane.paths:
                    last = lane.drafts[-1]
                    last.valid_to, last.status = max(day, last.valid_from), Status.REPEALED
                    last.ended_by = titled
        for change in commit.changes:
            if change.blob is not None:
                self._touch(commit, day, change.path, change.blob, titled)

    def _check_commit(self, commit: Commit, day: date, folders: set[str]) -> None:
        subject = commit.subject
        years = [int(year) for year in _SUBJECT_DAY.findall(subject)]
        odd = any(year < 1000 for year in years) or commit.day.year >= 2999
        for folder in sorted(folders):
            if "source inconnue" in subject.lower():
                self._flag(folder, AnomalyKind.UNKNOWN_SOURCE, commit.sha[:12], subject)
            if odd:
                detail = f"{subject} (signé le {commit.day.isoformat()}, en vigueur le {day.isoformat()})"
                self._flag(folder, AnomalyKind.ODD_COMMIT, commit.sha[:12], detail)

    def _open_lane(self, folder: str, number: str, path: str) -> _Lane:
        key = (folder, normalize_number(number))
        lanes = self.lanes.setdefault(key, [])
        if not lanes:
            lanes.append(_Lane(derived_id("GITA", slugify(folder), key[1]), folder, number))
        lane = lanes[0]
        if lane.paths:
            others = ", ".join(sorted(lane.paths))
            detail = f"{number} est aussi à {others} : un seul article, versions lues des deux chemins"
            self._flag(folder, AnomalyKind.DUPLICATE_PATH, path, detail)
        lane.paths.add(path)
        self.open[path] = lane
        return lane

    def _touch(self, commit: Commit, day: date, path: str, blob: str, titled: tuple[TitledText, ...]) -> None:
        lane = self.open.get(path)
        if lane is None:
            folder = path.split("/", 1)[0] if "/" in path else ""
            number = _article_number(path)
            if number is None or not folder:
                self._flag(folder or "?", AnomalyKind.NOT_AN_ARTICLE, path, "fichier ignoré")
                return
            lane = self._open_lane(folder, number, path)
        last = lane.drafts[-1] if lane.drafts else None
        if last is not None and last.blob == blob:
            if last.valid_to == day and last.status is Status.REPEALED:  # moved in this very commit
                last.valid_to, last.status, last.ended_by = None, Status.IN_FORCE, ()
            if last.valid_to is None:
                last.path = path
                return  # same wording (a mode change, a move, or a stale copy's twin)
        if last is not None and last.valid_to is None:
            if lane.touched_by == commit.sha:  # two copies changed by one commit: the last one read wins
                last.blob, last.path = blob, path
                return
            if day < last.valid_from:
                detail = f"commit {commit.sha[:12]} du {day.isoformat()}, version du {last.valid_from}"
                self._flag(lane.folder, AnomalyKind.OUT_OF_ORDER, path, detail)
            last.valid_to, last.status = max(day, last.valid_from), Status.MODIFIED
        start = max(day, last.valid_from) if last is not None else day
        if day == UNKNOWN_DAY:
            self._flag(lane.folder, AnomalyKind.UNKNOWN_DATE, path, f"commit {commit.sha[:12]}")
        version_id = derived_id("GITV", slugify(lane.folder), path, commit.sha)
        lane.drafts.append(_Draft(version_id, lane.number, path, blob, start, titled))
        lane.touched_by = commit.sha


def _plausible(day: date) -> date | None:
    """A signature date the export did not make up (1970-01-01 and 2999-01-01 stand for unknown)."""
    return None if day in (UNKNOWN_DAY, date(2999, 1, 1)) else day


def _code(folder: str) -> tuple[Code, bool]:
    identity = identity_for_legifrance_title(folder)
    if identity is None:
        return Code(slugify(folder) or folder, folder), False
    return Code(identity.code_id, identity.title), True


@dataclass(frozen=True)
class CodeHistory:
    """One code of the export: its articles and what looked wrong in it."""

    code: Code
    articles: list[Article]
    anomalies: list[Anomaly]
    covered_from: date | None  # the first and last entry into force the export knows
    covered_to: date | None


def _amendments(texts: dict[str, AmendingText], titled, role: ChangeRole) -> tuple[Amendment, ...]:
    return tuple(Amendment(texts[item.text.text_id], role, None, item.article_in_text) for item in titled)


def _build(replay: _Replay, blobs: BlobReader, folder: str, lanes: list[_Lane]) -> CodeHistory:
    code, known = _code(folder)
    anomalies = [
        Anomaly(code.code_id, found.kind, found.location, found.detail)
        for where, found in replay.anomalies
        if where == folder
    ]
    if not known:
        anomalies.append(
            Anomaly(code.code_id, AnomalyKind.UNKNOWN_CODE, folder, "identifiant : " + code.code_id)
        )
    wanted = sorted({draft.blob for lane in lanes for draft in lane.drafts})
    texts: dict[str, ArticleText] = {}
    for start in range(0, len(wanted), _TEXT_BATCH):
        batch = wanted[start : start + _TEXT_BATCH]
        for blob, content in zip(batch, blobs.read_many(batch), strict=True):
            texts[blob] = parse_article_file(content)
    articles = []
    for lane in lanes:
        versions = []
        for draft in lane.drafts:
            parsed = texts[draft.blob]
            anomalies += [
                Anomaly(code.code_id, kind, draft.path, detail)
                for kind, detail in parsed.problems(draft.number)
            ]
            amendments = _amendments(replay.texts, draft.created_by, ChangeRole.CREATED)
            if draft.ended_by:
                amendments += _amendments(replay.texts, draft.ended_by, ChangeRole.ENDED)
            versions.append(
                Version(
                    version_id=draft.version_id,
                    article_id=lane.article_id,
                    number=draft.number,
                    text=parsed.text,
                    valid_from=draft.valid_from,
                    valid_to=draft.valid_to,
                    status=draft.status,
                    section_path=tuple(PurePosixPath(draft.path).parts[1:-1]),
                    amendments=_unique(amendments),
                )
            )
        articles.append(Article(lane.article_id, code, lane.number, tuple(versions)))
    articles.sort(key=lambda article: (normalize_number(article.number), article.article_id))
    first, last = replay.spans.get(folder, (None, None))
    return CodeHistory(code, articles, anomalies, first, last)


def _unique(amendments: tuple[Amendment, ...]) -> tuple[Amendment, ...]:
    """One amendment per (text, role), as the store keys them."""
    seen: set[tuple[str, ChangeRole]] = set()
    kept = []
    for amendment in amendments:
        if (amendment.text.text_id, amendment.role) not in seen:
            seen.add((amendment.text.text_id, amendment.role))
            kept.append(amendment)
    return tuple(kept)


def histories(path: Path | str, *, progress: bool = False) -> Iterator[CodeHistory]:
    """Every code of the export, by folder name, each built when asked for (one code's texts in memory).

    Raises SourceError naming `path` when it is not such an export."""
    where = str(path)
    with repository(path) as repo, BlobReader(repo, where=where) as blobs:
        replay = _Replay(where)
        commits = iter_commits(repo, where=where)
        name = Path(str(path)).name
        bar = tqdm(commits, desc=f"git {name}", unit=" commits", disable=not progress, file=sys.stderr)
        for commit in bar:
            replay.apply(commit)
        by_folder: dict[str, list[_Lane]] = {}
        for (folder, _number), lanes in replay.lanes.items():
            by_folder.setdefault(folder, []).extend(lane for lane in lanes if lane.drafts)
        if not by_folder:
            raise SourceError(
                where,
                "ce n'est pas un export de codes : aucun fichier `<Code>/…/Article <num>.md` dans son historique",
            )
        _warn_outside(replay, set(by_folder), where)
        for folder in sorted(by_folder):
            yield _build(replay, blobs, folder, by_folder[folder])


def _warn_outside(replay: _Replay, folders: set[str], where: str) -> None:
    """What was found outside every code folder belongs to no code's report: said once on stderr."""
    outside = [found for folder, found in replay.anomalies if folder not in folders]
    if outside:
        print(
            f"lexsearch: {where}: {len(outside)} fichiers hors des dossiers de codes ignorés "
            f"(par exemple {outside[0].location})",
            file=sys.stderr,
        )


def read(
    path: Path | str, *, progress: bool = False, anomalies: list[Anomaly] | None = None
) -> Iterator[tuple[Code, Iterable[Article]]]:
    """Adapter entry point: each code with its articles; its anomalies appended to `anomalies`."""
    for history in histories(path, progress=progress):
        if anomalies is not None:
            anomalies.extend(history.anomalies)
        yield history.code, history.articles

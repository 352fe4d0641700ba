"""Reading a git history with a constant number of git processes, shared by the git-based sources.

One `git log --raw` stream gives every commit and the blob id of every file it touched; one
`git cat-file --batch` process serves blob contents on demand. A `.bundle` is cloned (bare) into a
temporary directory first. Nothing here knows about law: it yields commits, changes and bytes.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from unidecode import unidecode

from corpus.errors import SourceError

_NULL_SHA = "0" * 40
_BATCH = 256  # blob requests written before reading answers: 256 × 41 bytes stays far below a pipe buffer
# Commit header inside the -z stream: \x01 sha \x00 author date \x00 committer date (ISO, own zone)
# \x00 subject \x00 body \x00
_LOG_FORMAT = "%x01%H%x00%aI%x00%cI%x00%s%x00%b%x00"
_READ = 1 << 20  # bytes read from `git log` at a time: the history is streamed, never held whole
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|[\w.-]+@[\w.-]+:)", re.IGNORECASE)
# Branches tried, in order, when HEAD names no commit (a bare clone of a bundle whose HEAD is not in it).
_PREFERRED_BRANCHES = ("main", "master", "everything")
_ANNOUNCED = 20 << 20  # bundles larger than this are announced before they are unpacked
# Bare clones of bundles, by (path, size, mtime): each TemporaryDirectory removes itself at exit.
_CLONES: dict[tuple[str, int, int], tuple[tempfile.TemporaryDirectory, Path]] = {}


@dataclass(frozen=True)
class Change:
    """One file touched by a commit: status A (added), M (modified), D (deleted), T (type changed)."""

    status: str
    path: str
    blob: str | None  # the new content's blob id; None when the file was deleted
    old_blob: str | None


@dataclass(frozen=True)
class Commit:
    sha: str
    day: date  # author date, in the author's own time zone (the date the source means)
    subject: str
    changes: tuple[Change, ...]
    committed_on: date | None = None  # committer date (the all-codes export puts entry into force there)
    body: str = ""  # the message after the subject (the all-codes export: NOR and Légifrance link)


def is_bundle(path: Path) -> bool:
    return path.is_file() and path.suffix == ".bundle"


def is_url(source: str | Path) -> bool:
    """A remote repository address (`https://…`, `file://…`, `git@host:…`), cloned before reading."""
    return isinstance(source, str) and bool(_URL.match(source))


def is_repository(path: Path) -> bool:
    """A work tree with `.git`, or a bare repository (no process started: used by `accepts`)."""
    if not path.is_dir():
        return False
    if (path / ".git").exists():
        return True
    return (path / "HEAD").is_file() and (path / "objects").is_dir() and (path / "refs").is_dir()


def _git(repo: Path, *args: str, where: str, allow: tuple[int, ...] = ()) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except OSError as error:  # git itself missing
        raise SourceError(where, f"impossible de lancer git ({error})") from error
    if done.returncode in allow:
        return b""
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SourceError(where, f"échec de git {args[0]} : {message[-1] if message else 'sans message'}")
    return done.stdout


def _bare_clone(source: str, clone: Path, *, where: str, what: str) -> Path:
    try:
        done = subprocess.run(
            ["git", "clone", "--bare", "--quiet", source, str(clone)], capture_output=True, check=False
        )
    except OSError as error:
        raise SourceError(where, f"impossible de lancer git ({error})") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SourceError(where, f"{what} ({message[-1] if message else '?'})")
    return clone


def _bundle_clone(path: Path, *, where: str) -> Path:
    """A bare clone of a bundle, made once per process and bundle state: detecting the source kind (each
    adapter looks) and reading it then cost one clone, not one each. Removed when the process exits."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _CLONES:
        if stat.st_size > _ANNOUNCED:  # a minute or so for the all-codes export: say what is going on
            print(f"lexsearch: décompression de {path.name} ({stat.st_size >> 20} Mio)…", file=sys.stderr)
        holder = tempfile.TemporaryDirectory(prefix="lexsearch-bundle-")
        try:
            clone = _bare_clone(
                key[0], Path(holder.name) / "repo.git", where=where, what="bundle git illisible"
            )
        except SourceError:
            holder.cleanup()
            raise
        _CLONES[key] = (holder, clone)
    return _CLONES[key][1]


def reading_ref(repo: Path, *, where: str) -> str | None:
    """The commit to read: HEAD, else (HEAD of a bundle's bare clone may name a branch it lacks) the only
    branch, else main / master / everything; None for a repository without commits."""
    if _git(repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", where=where, allow=(1,)).strip():
        return "HEAD"
    out = _git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads", where=where)
    branches = out.decode("utf-8", "replace").split()
    if len(branches) == 1:
        return branches[0]
    for name in _PREFERRED_BRANCHES:
        if name in branches:
            return name
    if branches:
        raise SourceError(
            where, f"HEAD ne désigne aucun commit ; choisissez une branche parmi {', '.join(branches)}"
        )
    return None


@contextmanager
def repository(path: Path | str) -> Iterator[Path]:
    """The git directory to read for `path`: the repository itself, or a bare clone of a bundle or of a
    URL (`git clone --bare`: every branch, so a branch such as `everything` can be read).

    Raises SourceError naming `path` when it is neither.
    """
    where = str(path)
    if is_url(path):
        with tempfile.TemporaryDirectory(prefix="lexsearch-clone-") as tmp:
            yield _bare_clone(str(path), Path(tmp) / "repo.git", where=where, what="URL git illisible")
        return
    path = Path(path)
    if is_bundle(path):
        yield _bundle_clone(path, where=where)
        return
    if not is_repository(path):
        raise SourceError(where, "ni un dépôt git ni un fichier .bundle")
    yield path


def head_files(repo: Path, *, where: str) -> list[str]:
    """Paths of every file of the commit read (`reading_ref`); empty for a repository without commits."""
    ref = reading_ref(repo, where=where)
    if ref is None:
        return []
    out = _git(repo, "ls-tree", "-r", "-z", "--name-only", ref, where=where)
    return [name.decode("utf-8", "surrogateescape") for name in out.split(b"\0") if name]


def iter_commits(repo: Path, *pathspec: str, where: str) -> Iterator[Commit]:
    """Every commit of the read branch's first-parent history, oldest first, with the files it touched.

    Renames are not followed (`--no-renames`): a moved file is a deletion plus an addition, which is what
    the sources mean by a new file. Merges are compared with their first parent. The log is streamed
    from one `git log` process, so a history of any length is never held in memory at once.
    """
    ref = reading_ref(repo, where=where)
    if ref is None:
        return
    command = ["git", "-C", str(repo), "-c", "core.quotepath=off", "log", "--reverse", "--first-parent"]
    command += ["--diff-merges=first-parent", "--raw", "-z", "--no-renames", "--no-abbrev"]
    command += [f"--format={_LOG_FORMAT}", ref, "--", *pathspec]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as error:
        raise SourceError(where, f"impossible de lancer git ({error})") from error
    assert process.stdout is not None and process.stderr is not None
    try:
        pending = b""
        while chunk := process.stdout.read(_READ):
            records = (pending + chunk).split(b"\x01")
            pending = records.pop()
            for record in records:
                if record:
                    yield _parse_commit(record, where)
        if pending:
            yield _parse_commit(pending, where)
    finally:
        process.stdout.close()
        error = process.stderr.read().decode("utf-8", "replace").strip().splitlines()
        process.stderr.close()
        code = process.wait()
    if code != 0:
        raise SourceError(where, f"échec de git log : {error[-1] if error else 'sans message'}")


def _day(stamp: str, sha: str, what: str, where: str) -> date:
    try:
        return date.fromisoformat(stamp[:10])
    except ValueError as error:
        raise SourceError(where, f"commit {sha} : date {what} illisible {stamp!r}") from error


def _parse_commit(record: bytes, where: str) -> Commit:
    fields = record.split(b"\0")
    sha, authored, committed, subject, body = (field.decode("utf-8", "replace") for field in fields[:5])
    changes = []
    rest = fields[5:]
    index = 0
    while index < len(rest):
        meta = rest[index].strip()
        if not meta.startswith(b":"):
            index += 1
            continue
        # ":100644 100644 <old sha> <new sha> M" then the path as the next NUL-separated field
        _old_mode, _new_mode, old_sha, new_sha, status = meta[1:].decode().split()
        path = rest[index + 1].decode("utf-8", "surrogateescape")
        index += 2
        changes.append(
            Change(
                status=status[:1],
                path=path,
                blob=None if new_sha == _NULL_SHA else new_sha,
                old_blob=None if old_sha == _NULL_SHA else old_sha,
            )
        )
    return Commit(
        sha=sha,
        day=_day(authored, sha, "d'auteur", where),
        subject=subject.strip(),
        changes=tuple(changes),
        committed_on=_day(committed, sha, "de validation", where),
        body=body.strip(),
    )


class BlobReader:
    """One long-lived `git cat-file --batch` process answering `read(blob id)` requests in turn."""

    def __init__(self, repo: Path, *, where: str) -> None:
        self.where = where
        try:
            self._process = subprocess.Popen(
                ["git", "-C", str(repo), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            raise SourceError(where, f"impossible de lancer git ({error})") from error

    def read(self, blob: str) -> bytes:
        return self.read_many([blob])[0]

    def read_many(self, blobs: list[str]) -> list[bytes]:
        """Contents in request order. Requests go out in small batches, one flush each: the pipe to git
        never fills while git waits for us to read its answers."""
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        contents = []
        for start in range(0, len(blobs), _BATCH):
            batch = blobs[start : start + _BATCH]
            process.stdin.write(b"".join(blob.encode() + b"\n" for blob in batch))
            process.stdin.flush()
            for blob in batch:
                header = process.stdout.readline().split()
                if len(header) != 3:
                    raise SourceError(self.where, f"objet {blob} absent du dépôt")
                contents.append(process.stdout.read(int(header[2])))
                process.stdout.read(1)  # the newline after each object
        return contents

    def close(self) -> None:
        process = self._process
        if process.stdin is not None:
            process.stdin.close()
        if process.stdout is not None:
            process.stdout.close()
        process.wait()

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def decode_utf8(content: bytes, *, where: str) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(where, f"pas en UTF-8 ({error.reason}, octet {error.start})") from error


def slugify(text: str) -> str:
    """ASCII lower-case words joined by '-': "Code de la propriété intellectuelle" → "code-de-la-…"."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def derived_id(prefix: str, *parts: str) -> str:
    """A stable id for sources without one: prefix + 16 hex digits of the parts' SHA-1."""
    digest = hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:16].upper()}"

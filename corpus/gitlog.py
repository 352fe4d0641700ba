"""Reading a git history with a constant number of git processes, shared by the git-based sources.

One `git log --raw` stream gives every commit and the blob id of every file it touched; one
`git cat-file --batch` process serves blob contents on demand. A `.bundle` is cloned (bare) into a
temporary directory first. Nothing here knows about law: it yields commits, changes and bytes.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
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
# Commit header inside the -z stream: \x01 sha \x00 author date (ISO, own zone) \x00 subject \x00
_LOG_FORMAT = "%x01%H%x00%aI%x00%s%x00"


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


def is_bundle(path: Path) -> bool:
    return path.is_file() and path.suffix == ".bundle"


def is_repository(path: Path) -> bool:
    """A work tree with `.git`, or a bare repository (no process started: used by `accepts`)."""
    if not path.is_dir():
        return False
    if (path / ".git").exists():
        return True
    return (path / "HEAD").is_file() and (path / "objects").is_dir() and (path / "refs").is_dir()


def _git(repo: Path, *args: str, where: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except OSError as error:  # git itself missing
        raise SourceError(where, f"cannot run git ({error})") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SourceError(where, f"git {args[0]} failed: {message[-1] if message else 'no message'}")
    return done.stdout


@contextmanager
def repository(path: Path) -> Iterator[Path]:
    """The git directory to read for `path`: the repository itself, or a bare clone of a bundle.

    Raises SourceError naming `path` when it is neither.
    """
    where = str(path)
    if is_bundle(path):
        with tempfile.TemporaryDirectory(prefix="lexsearch-bundle-") as tmp:
            clone = Path(tmp) / "repo.git"
            try:
                done = subprocess.run(
                    ["git", "clone", "--bare", "--quiet", str(path.resolve()), str(clone)],
                    capture_output=True,
                    check=False,
                )
            except OSError as error:
                raise SourceError(where, f"cannot run git ({error})") from error
            if done.returncode != 0:
                message = done.stderr.decode("utf-8", "replace").strip().splitlines()
                raise SourceError(where, f"not a readable git bundle ({message[-1] if message else '?'})")
            yield clone
        return
    if not is_repository(path):
        raise SourceError(where, "not a git repository or .bundle file")
    yield path


def head_files(repo: Path, *, where: str) -> list[str]:
    """Paths of every file at HEAD (empty for a repository without commits)."""
    if not _git(repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", where=where).strip():
        return []
    out = _git(repo, "ls-tree", "-r", "-z", "--name-only", "HEAD", where=where)
    return [name.decode("utf-8", "surrogateescape") for name in out.split(b"\0") if name]


def iter_commits(repo: Path, *pathspec: str, where: str) -> Iterator[Commit]:
    """Every commit of HEAD's first-parent history, oldest first, with the files it touched.

    Renames are not followed (`--no-renames`): a moved file is a deletion plus an addition, which is what
    the sources mean by a new file. Merges are compared with their first parent.
    """
    if not _git(repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", where=where).strip():
        return
    out = _git(
        repo,
        "-c",
        "core.quotepath=off",
        "log",
        "--reverse",
        "--first-parent",
        "--diff-merges=first-parent",
        "--raw",
        "-z",
        "--no-renames",
        "--no-abbrev",
        f"--format={_LOG_FORMAT}",
        "HEAD",
        "--",
        *pathspec,
        where=where,
    )
    for record in out.split(b"\x01")[1:]:
        yield _parse_commit(record, where)


def _parse_commit(record: bytes, where: str) -> Commit:
    fields = record.split(b"\0")
    sha, stamp, subject = (field.decode("utf-8", "replace") for field in fields[:3])
    try:
        day = date.fromisoformat(stamp[:10])
    except ValueError as error:
        raise SourceError(where, f"commit {sha}: unreadable author date {stamp!r}") from error
    changes = []
    rest = fields[3:]
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
    return Commit(sha=sha, day=day, subject=subject.strip(), changes=tuple(changes))


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
            raise SourceError(where, f"cannot run git ({error})") from error

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
                    raise SourceError(self.where, f"object {blob} is missing from the repository")
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
        raise SourceError(where, f"not UTF-8 ({error.reason} at byte {error.start})") from error


def slugify(text: str) -> str:
    """ASCII lower-case words joined by '-': "Code de la propriété intellectuelle" → "code-de-la-…"."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def derived_id(prefix: str, *parts: str) -> str:
    """A stable id for sources without one: prefix + 16 hex digits of the parts' SHA-1."""
    digest = hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:16].upper()}"

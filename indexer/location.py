"""Where the index lives and how a new build replaces the old one atomically.

Layout under the index root (`$LEXSEARCH_HOME/index`): `builds/<name>/` holds complete or in-progress
builds, and the symlink `current` names the one that serves. A build writes into a fresh directory and
only then replaces `current` with `os.replace`, so readers see either the old index or the new one, never
half of one; a build killed at any moment leaves `current` untouched. A lock file keeps two builds from
running at once (the kernel releases it when a build dies, even by SIGKILL).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from indexer.errors import IndexBuildError, IndexMissingError
from indexer.schema import META_FILE, REBUILD_COMMAND

CURRENT = "current"
BUILDS = "builds"
LOCK = "build.lock"


def current_target(root: Path) -> str | None:
    """The name `current` points to, or None; cheap enough to call on every search."""
    try:
        return os.readlink(root / CURRENT)
    except OSError:
        return None


def current_directory(root: Path) -> Path:
    target = current_target(root)
    if target is None:
        raise IndexMissingError(f"{root}: pas encore d'index ; construisez-le avec `{REBUILD_COMMAND}`")
    directory = root / target
    if not (directory / META_FILE).exists():
        raise IndexMissingError(
            f"{directory}: l'index courant est incomplet ; reconstruisez-le avec `{REBUILD_COMMAND}`"
        )
    return directory


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    handle = open(root / LOCK, "w")  # noqa: SIM115 - held for the whole build
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBuildError(
                f"{root}: un autre `{REBUILD_COMMAND}` est en cours ; attendez qu'il se termine"
            ) from None
        yield
    finally:
        handle.close()


def new_build_directory(root: Path) -> Path:
    builds = root / BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    name = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    directory = builds / name
    directory.mkdir()
    return directory


def _fsync_tree(directory: Path) -> None:
    for path in directory.iterdir():
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def switch_to(root: Path, directory: Path) -> None:
    """Make `directory` the serving index in one atomic rename of the `current` symlink."""
    _fsync_tree(directory)
    relative = os.path.relpath(directory, root)
    temporary = root / f".{CURRENT}.{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(relative, temporary)
    os.replace(temporary, root / CURRENT)
    descriptor = os.open(root, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_old_builds(root: Path, *, keep_previous: str | None) -> None:
    """Delete builds other than the current one and the one it just replaced (readers may still hold it)
    — including directories left by builds that crashed. Call only while holding the build lock."""
    keep = {current_target(root), keep_previous}
    builds = root / BUILDS
    if not builds.is_dir():
        return
    for directory in builds.iterdir():
        if os.path.relpath(directory, root) not in keep:
            shutil.rmtree(directory, ignore_errors=True)

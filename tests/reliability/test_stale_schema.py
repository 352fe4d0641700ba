"""Data written by an older lexsearch is detected when opened, with the command that rebuilds it.

An upgrade must never end in a traceback from deep inside SQLite or Whoosh: the user is told which file is
stale and which `lexsearch …` command rebuilds it, and that command must exist.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from corpus.errors import StoreError
from corpus.store import Store
from ui.cli import build_parser

COMMAND = re.compile(r"`(lexsearch [^`]+)`")


def assert_names_existing_command(message: str) -> str:
    """The message quotes a `lexsearch …` command and the CLI really accepts it."""
    found = COMMAND.search(message)
    assert found, f"no `lexsearch …` command in: {message}"
    argv = found.group(1).split()[1:]
    try:
        build_parser().parse_args(argv)
    except SystemExit as exit_:
        pytest.fail(f"the message names `{found.group(1)}`, which the CLI rejects (exit {exit_.code})")
    return found.group(1)


def _store_with_schema(path: Path, version: str) -> None:
    Store.open(path).close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    connection.close()


@pytest.mark.parametrize("older", ["0", "0.9"])
def test_store_with_older_schema_version_is_refused_with_rebuild_command(tmp_path: Path, older: str) -> None:
    path = tmp_path / "corpus.sqlite3"
    _store_with_schema(path, older)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"schema {older}" in message
    assert_names_existing_command(message)


def test_file_that_is_not_sqlite_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a store" * 40)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)

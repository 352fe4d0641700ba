"""Rebuilding the index never interrupts searching, and a build killed at any moment loses nothing.

`lexsearch index` runs in a real subprocess on a copy of the small real home. Readers are a SearchService
opened once in this process, as the app holds it. A SIGKILL at a random moment of the build (the seeds are
printed, so a failure can be replayed) must leave the previous index serving the same results, and the
next build must succeed. While a build runs to completion, readers must never fail, and once it is done
they must see the new index without being reopened.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import corpus_damage as damage

from corpus.store import Store
from indexer.passage_vectors import seed_vectors
from search.service import SearchRequest, SearchService
from ui.cli import main

LEXSEARCH = str(Path(sys.executable).with_name("lexsearch"))
QUERIES = (
    SearchRequest(query="licenciement pour motif économique"),
    SearchRequest(query="L. 1233-3"),
    SearchRequest(query="salaires créances", all_versions=True),
)
NEW_TEXT = SearchRequest(query="redressement judiciaire cessation des paiements")


def start_build(home: Path, *options: str) -> subprocess.Popen:
    env = {**os.environ, "LEXSEARCH_HOME": str(home)}
    return subprocess.Popen(
        [LEXSEARCH, "index", *options], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def answers(service: SearchService) -> list[tuple[str, ...]]:
    return [tuple(hit.version_id for hit in service.search(request).hits) for request in QUERIES]


def build_directories(home: Path) -> set[str]:
    builds = home / "index" / "builds"
    return {path.name for path in builds.iterdir()} if builds.is_dir() else set()


def processes_of(home: Path) -> list[int]:
    """Processes started for this home (found by their LEXSEARCH_HOME), e.g. a build's forked workers."""
    marker = f"LEXSEARCH_HOME={home}".encode() + b"\0"
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def open_files(pid: int) -> set[str]:
    found = set()
    with contextlib.suppress(OSError):
        for entry in Path(f"/proc/{pid}/fd").iterdir():
            with contextlib.suppress(OSError):
                found.add(os.readlink(entry))
    return found


def orphans_after_kill(home: Path, grace: float = 3.0) -> list[int]:
    """Workers of a killed build still running after `grace` seconds; they are killed (they are ours)."""
    deadline = time.monotonic() + grace
    while (left := processes_of(home)) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return left


def kill_build_at(home: Path, delay: float) -> tuple[int, float, str]:
    """Start `lexsearch index`, wait until it has created its build directory (imports done), then
    SIGKILL it `delay` seconds later. Returns its exit status, the seconds it ran after that point and
    its stderr."""
    existing = build_directories(home)
    build = start_build(home)
    deadline = time.monotonic() + 300
    while build.poll() is None and build_directories(home) <= existing and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    while build.poll() is None and time.monotonic() - started < delay:
        time.sleep(0.01)
    ran = time.monotonic() - started
    build.send_signal(signal.SIGKILL)
    _, err = build.communicate(timeout=60)
    return build.returncode, ran, err


def test_build_killed_at_random_moments_leaves_previous_index_serving(
    home_copy: Path, small_build_seconds: float
) -> None:
    # The vectors file each build seeds when missing (the semantic re-rank's) is there from the start, as
    # in any home a service has opened: its arrival would change answers; only the index is under test.
    with Store.open(home_copy / "corpus.sqlite3", create=False) as store:
        seed_vectors(store, home_copy)
    serving = SearchService.open(home_copy, build_if_missing=False)
    before = answers(serving)
    assert all(before[:2]), "the fixture queries must have hits"
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    window = small_build_seconds  # a first estimate of the build's length, corrected by what we see
    # One kill anywhere in the build, one in its last fifth (writing the segment, switching `current`).
    for low, high in ((0.0, 1.0), (0.8, 1.0)):
        for _ in range(4):  # a build that finished first tells its real length: aim again inside it
            fraction = rng.uniform(low, high)
            status, ran, err = kill_build_at(home_copy, fraction * window)
            assert status in (0, -signal.SIGKILL), (
                f"seed {seed}: a build after a killed one failed: {err[-300:]}"
            )
            if status == -signal.SIGKILL:
                break
            window = ran
        print(f"seed {seed}: build killed {ran:.1f} s in ({fraction:.2f} of {window:.1f} s), exit {status}")
        assert status == -signal.SIGKILL, f"seed {seed}: could not kill a build before it finished"
        # Its worker processes must die with it: they would hold the build lock and burn CPU.
        left = orphans_after_kill(home_copy)
        assert left == [], f"seed {seed}: {len(left)} worker(s) of the killed build still running after 3 s"
        assert answers(serving) == before, f"seed {seed}: the open service changed answers"
        reopened = SearchService.open(home_copy, build_if_missing=False)
        assert answers(reopened) == before, f"seed {seed}: a killed build left a different or broken index"
        reopened.close()

    # A kill while the analysis workers run (the build forked them: more than one process for this home).
    build = start_build(home_copy, "--processes", "2")  # workers even on a one-core machine
    deadline = time.monotonic() + 300
    while build.poll() is None and len(processes_of(home_copy)) < 2 and time.monotonic() < deadline:
        time.sleep(0.005)
    workers = [pid for pid in processes_of(home_copy) if pid != build.pid]
    lock = str(home_copy / "index" / "build.lock")
    holding = [pid for pid in workers if lock in open_files(pid)]
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=60)
    print(f"seed {seed}: build killed with {len(workers)} worker(s) running, exit {build.returncode}")
    assert workers and build.returncode == -signal.SIGKILL, "the build ended before its workers were seen"
    left = orphans_after_kill(home_copy)
    # A worker that inherited the build lock keeps it after the build dies: the next build is refused
    # ("un autre `lexsearch index` est en cours") until the orphan finishes its queued work.
    assert holding == [], f"analysis workers {holding} hold {lock} (inherited from the build)"
    assert left == [], f"{len(left)} analysis worker(s) of the killed build still running after 3 s"
    assert answers(serving) == before

    # The very next build succeeds despite the debris (and whatever the killed build left running).
    build = start_build(home_copy)
    _, err = build.communicate(timeout=600)
    assert build.returncode == 0, f"seed {seed}: {err.strip()[-300:]}"
    assert answers(SearchService.open(home_copy, build_if_missing=False)) == before


def test_readers_never_fail_during_a_rebuild_and_switch_to_the_new_index(home_copy: Path) -> None:
    service = SearchService.open(home_copy, build_if_missing=False)
    # The store gains a code (real Code de commerce articles; --no-index: the add does not rebuild the
    # index itself); only the rebuilt index knows them.
    repo = damage.code_repository(home_copy.parent / "repo")
    assert main(["corpus", "add", str(repo), "--quiet", "--no-index"]) == 0
    with Store.open(home_copy / "corpus.sqlite3", create=False) as store:
        (new_code,) = [code for code in store.codes() if code.title == "Code de commerce"]
    assert not any(hit.code_id == new_code.code_id for hit in service.search(NEW_TEXT).hits)

    errors: list[str] = []
    served = [0]
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            for request in (*QUERIES, NEW_TEXT):
                try:
                    results = service.search(request)
                    assert results.total >= 0
                    served[0] += 1
                except Exception as error:  # recorded: any failure fails the test below
                    errors.append(f"{request.query!r}: {type(error).__name__}: {error}")

    readers = [threading.Thread(target=read) for _ in range(4)]
    for reader in readers:
        reader.start()
    try:
        build = start_build(home_copy)
        _, err = build.communicate(timeout=600)
        assert build.returncode == 0, err
        switched_after = None
        started = time.monotonic()
        while time.monotonic() - started < 10:
            if any(hit.code_id == new_code.code_id for hit in service.search(NEW_TEXT).hits):
                switched_after = time.monotonic() - started
                break
            time.sleep(0.05)
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=60)
    print(f"{served[0]} searches served during the rebuild, {len(errors)} errors")
    assert errors == []
    assert served[0] > 0
    assert switched_after is not None, "the open service never served the rebuilt index"
    # Once switched, the service knows the new code as a freshly opened one would: title and filter.
    request = SearchRequest(query=NEW_TEXT.query, code=new_code.code_id)
    results = service.search(request)
    # (a notice about how many hits have every word may come; none says the code is unknown)
    assert not any("inconnu" in notice for notice in results.notices), results.notices
    assert "Code de commerce" in results.filter_description
    assert results.hits and {hit.code for hit in results.hits} == {"Code de commerce"}

"""Why indexer/build.py writes its segments with Whoosh's private writer calls rather than the public
multi-segment writer (MpWriter): prints the figures its docstring quotes. Not a test.

    .venv/bin/python scripts/measure_segment_writers.py time   # build time: ours vs MpWriter (same store)
    .venv/bin/python scripts/measure_segment_writers.py kill   # SIGKILL an MpWriter build: is the lock left held?

`time` builds the index of LEXSEARCH_HOME's store twice in temporary directories (heavy: run it under
`nice`, once). `kill` uses the small test corpus (tests/data/indexer): it starts an MpWriter build in a
forked process (as `lexsearch index` runs), kills it, tries the build lock, then kills the orphaned
MpWriter processes it recorded.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.settings import store_path  # noqa: E402
from corpus.store import Store  # noqa: E402
from indexer import build as build_module  # noqa: E402
from indexer.schema import build_schema  # noqa: E402


def mpwriter_build(
    store: Store, directory: Path, pids_file: Path | None = None, forever: bool = False
) -> None:
    """Our analysis pool feeding Whoosh's public `ix.writer(procs=2, multisegment=True)`."""
    from whoosh import index as whoosh_index

    articles = store.indexed_articles()
    versions = list(store.iter_versions(with_text=True))
    build_module._init_state(frozenset(key for _, key, _ in articles.values()))
    jobs = [
        build_module._Job(v.version_id, v.text or "", "\n".join(v.section_path), articles[v.article_id][2])
        for v in versions
    ]
    ix = whoosh_index.create_in(str(directory), build_schema())
    writer = ix.writer(procs=2, multisegment=True, limitmb=build_module.WRITER_MB, batchsize=20)
    # The analysis workers die with their parent, as in indexer.build: only MpWriter's own processes remain.
    with multiprocessing.get_context("fork").Pool(2, build_module._die_with_parent, (os.getpid(),)) as pool:
        while True:
            for version, result in zip(
                versions, pool.imap(build_module._analyze, jobs, chunksize=50), strict=True
            ):
                writer.add_document(**build_module._document(version, result, articles[version.article_id]))
                if pids_file is not None:  # every child (analysis pool, MpWriter tasks), to clean up
                    children = " ".join(str(child.pid) for child in multiprocessing.active_children())
                    if len(writer.tasks) == 2 and not pids_file.exists():
                        pids_file.write_text(children)
            if not forever:
                break
    writer.commit()


def measure_time() -> None:
    store = Store.open(store_path(), create=False)
    with tempfile.TemporaryDirectory(prefix="segment-writers-") as scratch:
        started = time.perf_counter()
        build_module.build_index(store, Path(scratch) / "ours", processes=2, progress=False)
        ours = time.perf_counter() - started
        (Path(scratch) / "mp").mkdir()
        started = time.perf_counter()
        mpwriter_build(store, Path(scratch) / "mp")
        theirs = time.perf_counter() - started
    print(
        f"{store.count_versions()} versions: ours {ours:.1f} s, MpWriter {theirs:.1f} s (load {os.getloadavg()[0]:.1f})"
    )


def _locked_build(home: str, pids_file: str) -> None:
    from indexer.location import build_lock, new_build_directory

    store = Store.open(Path(home) / "corpus.sqlite3", create=False)
    with build_lock(Path(home) / "index"):
        mpwriter_build(store, new_build_directory(Path(home) / "index"), Path(pids_file), forever=True)


def measure_kill() -> None:
    from corpus.ingest import build_store
    from indexer.errors import IndexBuildError
    from indexer.location import build_lock

    home = Path(tempfile.mkdtemp(prefix="segment-writers-kill-"))
    small = ROOT / "tests" / "data" / "indexer" / "small-code-du-travail.jsonl.gz"
    build_store(home / "corpus.sqlite3", [small], progress=False).close()
    pids_file = home / "mpwriter.pids"
    process = multiprocessing.get_context("fork").Process(
        target=_locked_build, args=(str(home), str(pids_file))
    )
    process.start()
    while not pids_file.exists() and process.is_alive():
        time.sleep(0.5)
    time.sleep(2.0)
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    time.sleep(1.0)  # the analysis workers get their own SIGKILL from the kernel (PR_SET_PDEATHSIG)
    try:
        with build_lock(home / "index"):
            print("after SIGKILL: the build lock is free")
    except IndexBuildError as error:
        print(f"after SIGKILL: the build lock is still held ({error})")
    for pid in pids_file.read_text().split() if pids_file.exists() else ():
        state = _state(pid)
        print(f"child {pid}: {state}")
        if state.startswith(("alive", "zombie")):
            os.kill(int(pid), signal.SIGKILL)


def _state(pid: str) -> str:
    """What is left of a child of the killed build: alive (with its command), a zombie, or gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:60]
    except FileNotFoundError:
        return "gone"
    return "zombie" if stat.rsplit(")", 1)[1].split()[0] == "Z" else f"alive, orphaned: {command}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("time", "kill"))
    args = parser.parse_args(argv)
    measure_time() if args.what == "time" else measure_kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

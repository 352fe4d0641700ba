"""`lexsearch app [--port N]`: build the store and index if needed (with progress), then serve the app."""

from __future__ import annotations

import argparse
import os
import sys
import time
import urllib.request
from pathlib import Path

import ui

APP = Path(ui.__file__).parent / "app.py"
DEFAULT_PORT = 8501


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("app", help="lancer l'app de recherche dans le navigateur (Streamlit)")
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="PORT",
        help=f"port d'écoute (par défaut {DEFAULT_PORT})",
    )
    parser.add_argument(
        "--address",
        default="localhost",
        metavar="ADRESSE",
        help="adresse d'écoute (par défaut localhost ; 0.0.0.0 pour toutes)",
    )
    parser.set_defaults(handler=run_app)


def streamlit_arguments(port: int, address: str = "localhost") -> list[str]:
    """`streamlit run`'s arguments: headless, no telemetry, no file watcher, nothing else served."""
    return [
        "run",
        str(APP),
        "--server.headless=true",
        f"--server.port={port}",
        f"--server.address={address}",
        "--server.fileWatcherType=none",
        "--server.runOnSave=false",
        "--server.enableStaticServing=false",
        "--browser.gatherUsageStats=false",
        "--client.toolbarMode=minimal",
        "--global.developmentMode=false",
        "--logger.level=warning",  # its INFO lines are English ("Uvicorn server started…"); ours say it
    ]


def prepare() -> None:
    """Build store and index here when missing, so a first run shows its progress in this terminal.

    With both built, nothing is opened: the app opens the service itself, and opening it here too
    would only delay the first page.
    """
    from corpus.settings import data_home
    from indexer.location import current_target

    home = data_home()
    if (home / "corpus.sqlite3").is_file() and current_target(home / "index") is not None:
        return
    from search.service import SearchService

    SearchService.open(build_if_missing=True).close()


def announce_when_answering(host: str, port: int, timeout: float = 600.0) -> None:
    """Print the address once the server answers its health check, from a detached grandchild process:
    this process is about to become Streamlit (exec), so it cannot wait for the server itself. The double
    fork leaves no zombie; the watcher has its own session (a Ctrl-C goes to the server only) and ends
    with the check, when the server is gone, or after `timeout`."""
    server = os.getpid()
    if os.fork() != 0:
        os.wait()  # the intermediate child exits at once
        return
    os.setsid()
    if os.fork() != 0:
        os._exit(0)
    base = f"http://{host}:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(server):
        try:
            with urllib.request.urlopen(base + "_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    print(
                        f"lexsearch: l'app répond sur {base} (Ctrl-C pour arrêter)",
                        file=sys.stderr,
                        flush=True,
                    )
                    break
        except OSError:
            time.sleep(0.3)
    os._exit(0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def run_app(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        print(f"lexsearch app: --port {args.port} : ce n'est pas un port TCP", file=sys.stderr)
        return 2
    prepare()
    sys.stderr.flush()
    sys.stdout.flush()
    host = "localhost" if args.address in ("0.0.0.0", "::") else args.address
    announce_when_answering(host, args.port)  # forks: before any thread starts
    from corpus.settings import data_home
    from ui import startup

    startup.begin(data_home(), first=lambda: startup.listening(host, args.port))
    # Streamlit runs in THIS process (not a child, not a second interpreter): the service begun above is
    # the one the page script finds, a SIGTERM or Ctrl-C sent to `lexsearch app` reaches the server itself,
    # and no orphaned Streamlit keeps serving after it. Its banner (stdout, in English) would give the
    # address a second time, before the app answers; its logs and errors go to stderr, which stays.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    from streamlit.web import cli as streamlit_cli

    return streamlit_cli.main(streamlit_arguments(args.port, args.address), prog_name="streamlit")

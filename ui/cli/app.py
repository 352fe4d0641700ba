"""`lexsearch app [--port N]`: build the store and index if needed (with progress), then serve the app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import ui

APP = Path(ui.__file__).parent / "app.py"
DEFAULT_PORT = 8501


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("app", help="start the search app in the browser (Streamlit)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--address", default="localhost", help="address to listen on (default localhost; 0.0.0.0 for all)"
    )
    parser.set_defaults(handler=run_app)


def streamlit_command(port: int, address: str = "localhost") -> list[str]:
    """The `streamlit run` command line: headless, no telemetry, no file watcher, nothing else served."""
    return [
        sys.executable,
        "-m",
        "streamlit",
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


def run_app(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        print(f"lexsearch app: --port {args.port}: not a TCP port", file=sys.stderr)
        return 2
    prepare()
    print(f"lexsearch: app on http://{args.address}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    sys.stderr.flush()
    sys.stdout.flush()
    # Streamlit REPLACES this process (exec) rather than running as its child: a SIGTERM or Ctrl-C sent to
    # `lexsearch app` reaches the server itself, and no orphaned Streamlit keeps serving after it.
    command = streamlit_command(args.port, args.address)
    os.execv(command[0], command)
    return 0  # not reached

"""`lexsearch app [--port N]`: build the store and index if needed (with progress), then serve the app."""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
import urllib.request
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
    """Open the service once here so a first run builds store and index with progress in this terminal."""
    from search.service import SearchService

    SearchService.open(build_if_missing=True)


def answering(base: str, process: subprocess.Popen, timeout: float = 120.0) -> bool:
    """Wait until the server answers its health check (False if it exits or never answers)."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def run_app(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        print(f"lexsearch app: --port {args.port} : ce n'est pas un port TCP", file=sys.stderr)
        return 2
    prepare()
    process = subprocess.Popen(streamlit_command(args.port, args.address), stdout=subprocess.DEVNULL)
    # A TERM (make interrupted, a service manager) ends the server too, not only this process.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        host = "localhost" if args.address in ("0.0.0.0", "::") else args.address
        if answering(f"http://{host}:{args.port}/", process):
            print(
                f"lexsearch: l'app répond sur http://{host}:{args.port}/ (Ctrl-C pour arrêter)",
                file=sys.stderr,
            )
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait()

"""`lexsearch app`: parsed in-process; the Streamlit command line it runs is headless and serves nothing else."""

from __future__ import annotations

from ui.cli import build_parser, main
from ui.cli.app import APP, run_app, streamlit_arguments


def test_app_command_is_registered_with_a_port() -> None:
    args = build_parser().parse_args(["app", "--port", "8765"])
    assert args.handler is run_app
    assert args.port == 8765


def test_streamlit_runs_the_app_headless_without_static_files_or_telemetry() -> None:
    command = streamlit_arguments(8765, "127.0.0.1")
    assert command[:2] == ["run", str(APP)]
    assert APP.is_file()
    for flag in (
        "--server.headless=true",
        "--server.port=8765",
        "--server.address=127.0.0.1",
        "--server.enableStaticServing=false",
        "--browser.gatherUsageStats=false",
    ):
        assert flag in command


def test_an_impossible_port_is_refused_before_anything_is_built(capsys) -> None:
    assert main(["app", "--port", "70000"]) == 2
    assert "pas un port TCP" in capsys.readouterr().err


def test_sigterm_to_lexsearch_app_stops_the_streamlit_server_with_no_child_left(ui_home, tmp_path) -> None:
    """Streamlit runs in `lexsearch app`'s own process: the signal reaches the server, nothing is orphaned.
    What the terminal shows is our French line, not Streamlit's English INFO logs."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, LEXSEARCH_HOME=str(ui_home))
    command = [
        sys.executable,
        "-c",
        "import sys, ui.cli; sys.exit(ui.cli.main())",
        "app",
        "--port",
        str(port),
    ]
    errors = (tmp_path / "stderr.txt").open("w")
    process = subprocess.Popen(
        [*command, "--address", "127.0.0.1"], env=env, stdout=subprocess.DEVNULL, stderr=errors
    )
    health = f"http://127.0.0.1:{port}/_stcore/health"
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None and time.monotonic() < deadline, "the app never answered"
        try:
            with urllib.request.urlopen(health, timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    said_at = tmp_path / "stderr.txt"
    deadline = time.monotonic() + 10  # the address line comes from a watcher that polls on its own
    while "l'app répond sur" not in said_at.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    for child in children:
        assert not Path(f"/proc/{child}").exists(), f"Streamlit child {child} still running"
    try:
        urllib.request.urlopen(health, timeout=2)
    except OSError:
        pass
    else:
        raise AssertionError("the app still answers after SIGTERM")
    errors.close()
    said = said_at.read_text(encoding="utf-8")
    assert "lexsearch: l'app répond sur http://127.0.0.1:" in said
    assert "Uvicorn" not in said and "INFO" not in said, said

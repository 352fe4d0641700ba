"""`lexsearch app`: parsed in-process; the Streamlit command line it runs is headless and serves nothing else."""

from __future__ import annotations

from ui.cli import build_parser, main
from ui.cli.app import APP, run_app, streamlit_command


def test_app_command_is_registered_with_a_port() -> None:
    args = build_parser().parse_args(["app", "--port", "8765"])
    assert args.handler is run_app
    assert args.port == 8765


def test_streamlit_runs_the_app_headless_without_static_files_or_telemetry() -> None:
    command = streamlit_command(8765, "127.0.0.1")
    assert command[1:5] == ["-m", "streamlit", "run", str(APP)]
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

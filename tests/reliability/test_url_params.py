"""URL parameters are untrusted input: every value is validated, a bad one falls back with a notice.

The app's whole state lives in the URL, so anyone can hand a user a crafted link. `ui.params.parse` must
accept anything without raising, keep only well-formed dates, ids and page numbers (ids never shaped like
a path), say in French what it dropped, and write back a URL that parses to the same screen.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import hostile_inputs as hostile
import invariants
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ui import params

KEYS = ("q", "at", "all", "code", "page", "view", "version", "text", "date", "status", "partie", "livre")

query_params = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), st.text(max_size=10)),
    st.one_of(
        hostile.hostile_text(huge=False),
        hostile.hostile_dates(),
        hostile.hostile_version_ids(),
        hostile.hostile_pages(),
        st.lists(hostile.hostile_version_ids(), max_size=3),
    ),
    max_size=10,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query_params)
def test_any_query_parameters_parse_to_a_valid_screen_with_notices_for_what_was_dropped(raw) -> None:
    invariants.check_params(raw, params.parse(raw))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query_params)
def test_written_back_url_parses_to_the_same_screen_without_notices(raw) -> None:
    screen = params.parse(raw)
    written = params.to_params(screen)
    again = params.parse(written)
    assert again.notices == ()
    assert params.to_params(again) == written


@pytest.mark.parametrize(
    ("raw", "field", "expected"),
    [
        ({"at": "2020-02-30"}, "at", None),
        ({"at": "2020-13-01"}, "at", None),
        ({"at": "01/06/2020"}, "at", None),
        ({"at": "0001-01-01"}, "at", None),
        ({"at": "10000-01-01"}, "at", None),
        ({"at": "2020-06-01; DROP TABLE versions"}, "at", None),
        ({"at": "２０２０-０６-０１"}, "at", None),
        ({"date": "2021-12-31T00:00"}, "day", None),
        ({"page": "-1"}, "page", 1),
        ({"page": "0"}, "page", 1),
        ({"page": "1.5"}, "page", 1),
        ({"page": "١٢"}, "page", 1),
        ({"page": "9" * 400}, "page", 1),
        ({"page": "NaN"}, "page", 1),
        ({"version": "../../../../etc/passwd"}, "version", None),
        ({"version": "/etc/passwd"}, "version", None),
        ({"version": "LEGIARTI000006901015' OR '1'='1"}, "version", None),
        ({"version": "<script>alert(1)</script>"}, "version", None),
        ({"version": "LEGIARTI٠٠٠٠٠٠٠٠٠٠٠١"}, "version", None),
        ({"text": "..%2f..%2fetc%2fpasswd"}, "text", None),
        ({"text": "JORFTEXT000043948888/../../x"}, "text", None),
        ({"code": "C:\\Windows\\win.ini"}, "code", None),
        ({"view": "../../etc/passwd"}, "view", "search"),
        ({"view": "<img src=x onerror=alert(1)>"}, "view", "search"),
        ({"status": "vigueur'--"}, "status", None),
    ],
)
def test_bad_parameter_falls_back_to_default_with_a_french_notice(raw, field, expected) -> None:
    screen = params.parse(raw)
    assert getattr(screen, field) == expected
    assert len(screen.notices) == 1, screen.notices


@pytest.mark.parametrize(
    ("raw", "field", "expected"),
    [
        ({"at": "2020-06-01"}, "at", date(2020, 6, 1)),
        ({"at": " 2020-06-01 "}, "at", date(2020, 6, 1)),
        ({"page": "3"}, "page", 3),
        ({"version": "LEGIARTI000006901015"}, "version", "LEGIARTI000006901015"),
        ({"text": "JORFTEXT000043948888"}, "text", "JORFTEXT000043948888"),
        ({"code": "LEGITEXT000006072050"}, "code", "LEGITEXT000006072050"),
        ({"view": "diff"}, "view", "diff"),
        ({"all": "1"}, "all_versions", True),
    ],
)
def test_good_parameter_is_kept_without_notice(raw, field, expected) -> None:
    screen = params.parse(raw)
    assert getattr(screen, field) == expected
    assert screen.notices == ()


def test_query_over_the_limit_is_truncated_with_notice() -> None:
    screen = params.parse({"q": "licenciement " * 10_000})
    assert len(screen.query) == params.MAX_QUERY_CHARS
    assert len(screen.notices) == 1


def test_markup_in_notices_is_quoted_short_and_on_one_line() -> None:
    """Notices quote the bad value (escaped when rendered): never the whole value, never a newline."""
    screen = params.parse({"version": "<script>\nalert(1)</script>" + "x" * 500})
    (notice,) = screen.notices
    assert "\n" not in notice and len(notice) < 200


UI = Path(__file__).parent.parent.parent / "ui"
APP_FILES = sorted(path for path in UI.rglob("*.py") if "cli" not in path.relative_to(UI).parts)
# Calls that read a file or hand one to the browser; the app needs none of them (its data comes from the
# search service, which opens the store and index itself).
FILE_CALLS = {
    "open",
    "read_text",
    "read_bytes",
    "image",
    "download_button",
    "file_uploader",
    "video",
    "audio",
}


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def test_app_code_reads_no_file_and_serves_no_path() -> None:
    """Nothing in the Streamlit app opens, reads or serves a file, so no URL can make it read a path."""
    assert APP_FILES, "no app module found"
    offenders = []
    for path in APP_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called_name(node) in FILE_CALLS:
                # SearchService.open(home) is the service's own opening of the data home, not a file read.
                if _called_name(node) == "open" and isinstance(node.func, ast.Attribute):
                    owner = node.func.value
                    if isinstance(owner, ast.Name) and owner.id in {"SearchService", "Store"}:
                        continue
                offenders.append(f"{path.name}:{node.lineno} {ast.unparse(node)[:80]}")
    assert offenders == []


def test_streamlit_static_file_serving_is_off() -> None:
    config = Path(__file__).parent.parent.parent / ".streamlit" / "config.toml"
    text = config.read_text(encoding="utf-8") if config.exists() else ""
    assert not re.search(r"enableStaticServing\s*=\s*true", text)


def test_every_view_the_parser_accepts_has_a_page() -> None:
    source = (Path(__file__).parent.parent.parent / "ui" / "app.py").read_text(encoding="utf-8")
    for view in params.VIEWS:
        assert f'"{view}":' in source, f"view {view!r} has no page in ui/app.py"

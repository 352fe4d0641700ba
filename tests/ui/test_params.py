"""ui.params: URL parameters are validated, bad ones fall back with a notice, and screens round-trip."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui import params
from ui.params import Screen


def test_no_parameters_is_the_search_page_in_force_today() -> None:
    screen = params.parse({})
    assert screen == Screen()
    assert screen.notices == ()


@pytest.mark.parametrize(
    ("raw", "field", "fallback"),
    [
        ({"at": "2020-02-30"}, "at", None),
        ({"at": "../../etc/passwd"}, "at", None),
        ({"at": "0001-01-01"}, "at", None),
        ({"page": "-3"}, "page", 1),
        ({"page": "٣"}, "page", 1),
        ({"page": "99999999999999999999"}, "page", 1),
        ({"version": "LEGIARTI00003676208"}, "version", None),
        ({"version": "../../corpus.sqlite3"}, "version", None),
        ({"version": "<script>alert(1)</script>"}, "version", None),
        ({"text": "JORFTEXT<img src=x>"}, "text", None),
        ({"view": "admin"}, "view", "search"),
        ({"status": "DROP TABLE"}, "status", None),
        ({"code": "/etc/passwd"}, "code", None),
    ],
)
def test_bad_values_fall_back_with_a_french_notice(raw: dict, field: str, fallback: object) -> None:
    screen = params.parse(raw)
    assert getattr(screen, field) == fallback
    assert len(screen.notices) == 1


def test_good_values_are_kept() -> None:
    screen = params.parse(
        {
            "view": "changeset",
            "text": "JORFTEXT000048581935",
            "date": "2024-01-01",
            "q": "licenciement",
            "at": "2020-01-01",
            "all": "1",
            "page": "3",
            "code": "LEGITEXT000006072050",
            "status": "in_force",
        }
    )
    assert screen.notices == ()
    assert (screen.view, screen.text, screen.day, screen.page) == (
        "changeset",
        "JORFTEXT000048581935",
        date(2024, 1, 1),
        3,
    )
    assert (screen.at, screen.all_versions, screen.code, screen.status) == (
        date(2020, 1, 1),
        True,
        "LEGITEXT000006072050",
        "in_force",
    )


def test_long_query_is_truncated_with_a_notice() -> None:
    screen = params.parse({"q": "a" * 5000})
    assert len(screen.query) == params.MAX_QUERY_CHARS and screen.notices


screens = st.builds(
    Screen,
    view=st.sampled_from(params.VIEWS),
    query=st.text(max_size=50).map(str.strip),
    at=st.none() | st.dates(params.MIN_DAY, params.MAX_DAY),
    all_versions=st.booleans(),
    code=st.none() | st.just("LEGITEXT000006072050"),
    status=st.none() | st.just("repealed"),
    partie=st.none() | st.just("Partie législative"),
    livre=st.none(),
    page=st.integers(1, params.MAX_PAGE),
    version=st.none() | st.from_regex(r"LEGIARTI[0-9]{12}", fullmatch=True),
    text=st.none() | st.from_regex(r"JORFTEXT[0-9]{12}", fullmatch=True),
    day=st.none() | st.dates(params.MIN_DAY, params.MAX_DAY),
)


@given(screens)
def test_url_round_trips_to_the_same_screen(screen: Screen) -> None:
    back = params.parse(dict(parse_qsl(params.url(screen)[1:], keep_blank_values=True)))
    assert back.notices == ()
    assert params.to_params(back) == params.to_params(screen)


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "view",
                "q",
                "at",
                "all",
                "code",
                "page",
                "version",
                "text",
                "date",
                "status",
                "partie",
                "livre",
                "zzz",
            ]
        ),
        st.text(max_size=300),
    )
)
def test_any_parameters_parse_without_raising(raw: dict) -> None:
    screen = params.parse(raw)
    assert screen.view in params.VIEWS
    assert 1 <= screen.page <= params.MAX_PAGE
    assert screen.version is None or params.valid_version_id(screen.version)
    assert params.url(screen).startswith("?")

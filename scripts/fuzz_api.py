"""The HTTP API fuzz target of scripts/fuzz.py: hostile query strings, paths and JSON bodies sent to a
`lexsearch serve` this module starts (one worker, a free loopback port, SIGTERM at exit). Every answer
must be JSON and below 500; a refusal (4xx) must carry a message."""

from __future__ import annotations

import atexit
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import hostile_inputs as hostile
from hypothesis import strategies as st

from corpus.errors import LexsearchError

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ["q", "at", "all_versions", "code", "status", "section", "limit", "page", "date", "x"]
PATHS = ("/articles/{}", "/versions/{}", "/versions/{}/diff", "/codes/{}/articles/L1233-3")
PATHS += ("/codes/LEGITEXT000006072050/articles/{}", "/changesets/{}", "/changesets/{}?date=2020-13-45")
EXAMPLES = (
    ("query", {"q": "x", "at": "2020-13-45"}),
    ("query", {"q": "x" * 10_000}),
    ("query", {"limit": "99999999999999999999999"}),
    ("path", ("/versions/{}", "../../etc/passwd")),
    ("body", b"{"),
    ("body", b"\xff\xfe"),
)


def start_server(home: Path | None) -> str:
    """`lexsearch serve --port 0 --workers 1`; its base URL. Stopped (SIGTERM) when the script ends."""
    env = dict(os.environ, **({"LEXSEARCH_HOME": str(home)} if home else {}))
    command = [sys.executable, "-c", "import sys, ui.cli; sys.exit(ui.cli.main())", "serve", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--workers", "1"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    atexit.register(lambda: (process.send_signal(signal.SIGTERM), process.wait(30)))
    for line in process.stderr:
        found = re.search(r"l'API répond sur (http://[\d.]+:\d+)/", line)
        if found:
            threading.Thread(target=process.stderr.read, daemon=True).start()
            return found.group(1)
    raise LexsearchError(f"lexsearch serve did not start (exit {process.wait()})")


def checker(base_url: str):
    base = urlsplit(base_url)

    def check(value: tuple[str, Any]) -> None:
        kind, payload = value
        connection = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
        try:
            if kind == "body":
                headers = {"content-type": "application/json"}
                connection.request("POST", "/citations", body=payload, headers=headers)
            else:
                if kind == "query":
                    # Lone surrogates go out as their (invalid UTF-8) bytes: the server must refuse them.
                    path = "/search?" + urlencode(payload, errors="surrogatepass")
                else:
                    template, text = payload
                    path = template.format(quote(text, safe="", errors="surrogatepass"))
                connection.request("GET", path)
            response = connection.getresponse()
            status, body = response.status, response.read()
        finally:
            connection.close()
        assert status < 500, f"HTTP {status} for {kind}: {body[:200]!r}"
        answer = json.loads(body)
        if status >= 400:
            assert answer["error"]["message"], f"HTTP {status} without a message"

    return check


def strategy() -> st.SearchStrategy:
    values = st.one_of(
        hostile.hostile_text(huge=False), hostile.hostile_dates(), hostile.hostile_pages(), st.just("")
    )
    json_values = st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | hostile.hostile_text(huge=False),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=10,
    )
    bodies = st.one_of(
        st.binary(max_size=3000),
        st.builds(
            lambda text, code: json.dumps({"text": text, "code": code}).encode(),
            hostile.hostile_text(),
            st.one_of(st.none(), hostile.hostile_text(huge=False)),
        ),
        json_values.map(lambda value: json.dumps(value).encode()),
    )
    return st.one_of(
        st.tuples(st.just("query"), st.dictionaries(st.sampled_from(PARAMS), values, max_size=6)),
        st.tuples(
            st.just("path"),
            st.tuples(st.sampled_from(PATHS), st.one_of(hostile.hostile_version_ids(), values)),
        ),
        st.tuples(st.just("body"), bodies),
    )

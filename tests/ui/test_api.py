"""`lexsearch serve`: a real server (2 worker processes) on a free loopback port over a small corpus: every
endpoint, the refusals, the workers' switch to a rebuilt index, and SIGTERM leaving no process behind."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from corpus.ingest import build_store
from corpus.store import Store
from indexer.build import build_index
from indexer.location import current_target
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]
READY = re.compile(r"l'API répond sur http://([\d.]+):(\d+)/")


@pytest.fixture(scope="module")
def api_home(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    home = tmp_path_factory.mktemp("lexsearch-api-home")
    corpus = data_dir / "indexer" / "small-code-du-travail.jsonl.gz"
    with build_store(home / "corpus.sqlite3", [corpus], progress=False) as store:
        build_index(store, home / "index", processes=1, progress=False)
    return home


def start_server(home: Path, workers: int = 2) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, LEXSEARCH_HOME=str(home))
    command = [sys.executable, "-c", "import sys, ui.cli; sys.exit(ui.cli.main())", "serve", "--port", "0"]
    command += ["--workers", str(workers), "--no-model-warmup"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:  # always drained, so a full pipe never blocks the server
        for line in process.stderr:
            lines.put(line)
        lines.put("")

    threading.Thread(target=read, daemon=True).start()
    seen = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if not line:
            break
        seen.append(line)
        found = READY.search(line)
        if found:
            return process, f"http://{found.group(1)}:{found.group(2)}"
    process.kill()
    raise AssertionError("serve never became ready:\n" + "".join(seen))


def children(pid: int) -> set[int]:
    try:
        return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


@pytest.fixture(scope="module")
def api(api_home: Path):
    process, base = start_server(api_home)
    with httpx.Client(base_url=base, timeout=30) as client:
        yield client
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def error_of(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert "Traceback" not in response.text
    return body["error"]


# -- endpoints -----------------------------------------------------------------------------------------


def test_health_names_the_index_and_the_worker(api: httpx.Client, api_home: Path) -> None:
    body = api.get("/health").json()
    assert body["status"] == "ok"
    assert body["index"] == current_target(api_home / "index")
    assert body["pid"] > 0


def test_search_gives_plain_snippets_with_highlights_and_links(api: httpx.Client) -> None:
    body = api.get("/search", params={"q": "licenciement économique", "limit": 3}).json()
    assert body["total"] > 3 and len(body["hits"]) == 3
    assert body["links"]["next"].startswith("/search?") and "page=2" in body["links"]["next"]
    for hit in body["hits"]:
        snippet = hit["snippet"]
        assert "<mark>" not in snippet and "&#39;" not in snippet and "&amp;" not in snippet
        assert hit["highlights"]
        for start, end in hit["highlights"]:
            assert 0 <= start < end <= len(snippet)
        marked = [snippet[start:end].lower() for start, end in hit["highlights"]]
        assert any(word.startswith(("licenci", "économ")) for word in marked)
        for link in hit["links"].values():
            assert api.get(link).status_code == 200, link


def test_search_json_of_the_cli_has_the_same_fields_as_the_api(
    api: httpx.Client, api_home: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("LEXSEARCH_HOME", str(api_home))
    assert main(["search", "licenciement économique", "--json", "--limit", "2"]) == 0
    cli = json.loads(capsys.readouterr().out)
    served = api.get("/search", params={"q": "licenciement économique", "limit": 2}).json()
    assert set(served) >= set(cli)
    assert set(served["hits"][0]) == set(cli["hits"][0]) | {"links"}
    assert [h["snippet"] for h in served["hits"]] == [h["snippet"] for h in cli["hits"]]
    assert [h["highlights"] for h in served["hits"]] == [h["highlights"] for h in cli["hits"]]


def test_filters_dates_and_pages_reach_the_search(api: httpx.Client) -> None:
    dated = api.get("/search", params={"q": "congé d'adoption", "at": "2020-06-01"}).json()
    assert "1er juin 2020" in dated["filter"]
    every = api.get("/search", params={"q": "congé d'adoption", "all_versions": "true"}).json()
    assert every["total"] >= dated["total"]
    first = api.get("/search", params={"q": "licenciement", "limit": 2, "page": 1}).json()
    second = api.get("/search", params={"q": "licenciement", "limit": 2, "page": 2}).json()
    assert {h["article"] for h in first["hits"]}.isdisjoint(h["article"] for h in second["hits"])
    assert second["links"]["prev"].endswith("page=1")
    coded = api.get("/search", params={"q": "L. 1233-3", "code": "Code du travail", "status": "in_force"})
    assert coded.json()["hits"][0]["article"] == "L1233-3"


def test_article_by_id_and_by_number_version_diff_and_changeset(api: httpx.Client) -> None:
    by_number = api.get("/codes/Code du travail/articles/L1225-37").json()
    assert by_number["number"] == "L1225-37" and len(by_number["versions"]) >= 2
    by_id = api.get(by_number["links"]["self"]).json()
    assert by_id == by_number
    latest = next(v for v in by_number["versions"] if v["has_text"] and v["amendments"])
    version = api.get(latest["links"]["self"]).json()
    assert version["text"] and version["number"] == "L1225-37"
    diff = api.get(version["links"]["diff"]).json()
    assert diff["previous"] is not None and any(op["kind"] != "equal" for op in diff["ops"])
    changeset = api.get(version["amendments"][0]["links"]["changeset"]).json()
    assert any(entry["version"]["version_id"] == version["version_id"] for entry in changeset["entries"])
    dates = api.get(f"/changesets/{changeset['text_id']}").json()
    assert changeset["links"]["self"] in [c["links"]["self"] for c in dates["changesets"]]


def test_citations_in_a_posted_text_link_to_articles(api: httpx.Client) -> None:
    text = "En application des articles L. 1233-3 et L. 1233-4 du code du travail"
    found = api.post("/citations", json={"text": text}).json()["citations"]
    assert found[0]["articles"] == ["L1233-3", "L1233-4"]
    assert api.get(found[0]["links"][0]).json()["number"] == "L1233-3"


def test_openapi_describes_every_endpoint(api: httpx.Client) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/search", "/health", "/articles/{article_id}", "/versions/{version_id}/diff", "/citations"):
        assert path in paths


# -- refusals ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "parameter", "words"),
    [
        ({"q": "x", "code": "Code des pirates"}, "code", "code inconnu"),
        ({"q": "x", "at": "2020-13-45"}, "at", "impossible"),
        ({"q": "x", "at": "2021-02-30"}, "at", "impossible"),
        ({"q": "x", "at": "hier"}, "at", "AAAA-MM-JJ"),
        ({"q": "x", "limit": "1000"}, "limit", "entre 1 et"),
        ({"q": "x", "limit": "abc"}, "limit", "entier"),
        ({"q": "x", "page": "0"}, "page", "au moins 1"),
        ({"q": "x" * 501}, "q", "trop longue"),
        ({"q": "x", "status": "vivant"}, "status", "statut inconnu"),
        ({"q": "x", "at": "2020-01-01", "all_versions": "true"}, "at", "s'excluent"),
    ],
)
def test_bad_parameters_are_a_400_that_says_what_is_wrong(api, params, parameter, words) -> None:
    error = error_of(api.get("/search", params=params), 400)
    assert error["parameter"] == parameter
    assert words in error["message"]


def test_an_impossible_date_is_not_called_badly_written(api: httpx.Client) -> None:
    message = error_of(api.get("/search", params={"q": "x", "at": "2020-13-45"}), 400)["message"]
    assert "AAAA-MM-JJ" not in message and "format" not in message


def test_unknown_resources_and_bodies_are_json_errors(api: httpx.Client) -> None:
    error_of(api.get("/versions/LEGIARTI000000000000"), 404)
    error_of(api.get("/articles/nothing"), 404)
    error_of(api.get("/codes/LEGITEXT000006072050/articles/L9999-99"), 404)
    error_of(api.get("/no/such/path"), 404)
    error_of(api.get("/versions/abc/"), 404)
    error_of(api.delete("/search"), 405)
    error_of(api.post("/citations", content=b"{not json", headers={"content-type": "application/json"}), 400)
    error_of(api.post("/citations", json={"texte": "L. 1233-3"}), 400)
    error_of(api.post("/citations", json={"text": "x" * 300_000}), 413)


# -- processes -----------------------------------------------------------------------------------------


def test_every_worker_switches_to_a_rebuilt_index_and_sigterm_stops_all(
    api_home: Path, tmp_path: Path
) -> None:
    process, base = start_server(api_home, workers=2)
    deadline = time.monotonic() + 30
    while len(workers := children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)  # the master is ready before it forks its workers
    assert len(workers) == 2
    with httpx.Client(base_url=base, timeout=30) as client:
        before = current_target(api_home / "index")
        with Store.open(api_home / "corpus.sqlite3") as store:
            build_index(store, api_home / "index", processes=1, progress=False)
        after = current_target(api_home / "index")
        assert after != before
        seen: dict[int, str] = {}
        for _ in range(200):  # new connections land on either worker
            with httpx.Client(base_url=base, timeout=30) as fresh:
                body = fresh.get("/health").json()
            seen[body["pid"]] = body["index"]
            if set(seen) == workers:
                break
        assert set(seen) == workers and set(seen.values()) == {after}
        assert client.get("/search", params={"q": "licenciement"}).json()["hits"]
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert not any(alive(pid) for pid in workers)

"""`lexsearch search` and `lexsearch index`, run in-process over the session's real-data home."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ui.cli import main

pytestmark = pytest.mark.slow

KEYS = {
    "article",
    "code",
    "version_id",
    "valid_from",
    "valid_to",
    "status",
    "score",
    "snippet",
    "section_path",
    "other_versions",
    "article_url",
    "diff_url",
}


@pytest.fixture
def home(search_home: Path, monkeypatch) -> Path:
    monkeypatch.setenv("LEXSEARCH_HOME", str(search_home))
    return search_home


def test_search_json_prints_the_documented_shape(home: Path, capsys) -> None:
    assert main(["search", "L. 1233-3", "--json", "--limit", "3"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {"query", "total", "took_ms", "hits"} <= set(result)
    assert len(result["hits"]) == 3
    assert set(result["hits"][0]) >= KEYS
    assert result["hits"][0]["article"] == "L1233-3"


def test_search_table_is_readable(home: Path, capsys) -> None:
    assert main(["search", "congé d'adoption", "--at", "2020-06-01", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "en vigueur au 1er juin 2020" in out
    assert "L1225-" in out


def test_batch_answers_each_line_in_input_order(home: Path, tmp_path: Path, capsys) -> None:
    batch = tmp_path / "queries.jsonl"
    lines = [
        {"query": "L. 3253-8", "limit": 1},
        {"query": "\"congé d'adoption d'une durée de dix semaines\"", "all_versions": True, "limit": 2},
        {"query": "congé d'adoption", "at": "2020-06-01", "code": "Code du travail"},
    ]
    batch.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert main(["search", "--batch", str(batch), "--json"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["query"] for o in out] == [line["query"] for line in lines]
    assert out[0]["hits"][0]["article"] == "L3253-8"
    assert out[1]["hits"][0]["version_id"] == "LEGIARTI000006900919"


def test_bad_batch_line_is_one_clear_error_and_no_output(home: Path, tmp_path: Path, capsys) -> None:
    batch = tmp_path / "queries.jsonl"
    batch.write_text('{"query": "licenciement"}\n{"query": "x", "at": "2020-13-45"}\n', encoding="utf-8")
    assert main(["search", "--batch", str(batch), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{batch}:2" in captured.err and "date impossible" in captured.err and "mois 13" in captured.err
    assert "AAAA-MM-JJ" not in captured.err  # well written, only impossible


def test_bad_date_option_is_a_clear_error(home: Path, capsys) -> None:
    assert main(["search", "licenciement", "--at", "hier"]) == 2
    err = capsys.readouterr().err
    assert "--at" in err and "AAAA-MM-JJ" in err


def test_human_output_names_statuses_in_french(home: Path, capsys) -> None:
    assert main(["search", "licenciement", "--all-versions", "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "en vigueur" in out or "modifié" in out or "abrogé" in out
    assert "in_force" not in out and "modified" not in out and "repealed" not in out

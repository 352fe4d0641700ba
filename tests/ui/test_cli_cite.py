"""`lexsearch cite`, in process: one text, JSON, readable lines, and the JSON Lines batch."""

from __future__ import annotations

import io
import json

from ui.cli import main
from ui.cli.cite import run_jsonl


def test_cite_json_prints_the_contract_fields(capsys):
    assert (
        main(["cite", "2° de l'article L. 3253-8 du présent code", "--code", "Code du travail", "--json"])
        == 0
    )
    (citation,) = json.loads(capsys.readouterr().out)["citations"]
    assert {k: citation[k] for k in ("text", "start", "end", "kind", "code", "articles", "detail")} == {
        "text": "2° de l'article L. 3253-8 du présent code",
        "start": 0,
        "end": 41,
        "kind": "code_article",
        "code": "Code du travail",
        "articles": ["L3253-8"],
        "detail": "2°",
    }


def test_cite_without_code_leaves_bare_references_unattributed(capsys):
    assert main(["cite", "L1233-3", "--json"]) == 0
    (citation,) = json.loads(capsys.readouterr().out)["citations"]
    assert citation["code"] is None and citation["articles"] == ["L1233-3"]


def test_cite_readable_form_is_french(capsys):
    assert main(["cite", "articles 714 à 718 du code de procédure civile"]) == 0
    out = capsys.readouterr().out
    assert "Code de procédure civile : 714, 718" in out and "plage 714 à 718" in out
    assert main(["cite", "rien à citer ici"]) == 0
    assert "Aucune référence" in capsys.readouterr().out


def test_cite_jsonl_keeps_input_order_and_reports_bad_lines_in_place(tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(
        b'{"text": "article L. 1 du code de commerce", "code": "Code du travail"}\n'
        b"not json\n"
        b'{"text": 3}\n'
        b"\xff\xfe\n"
        b'{"text": "d\xc3\xa9cret n\xc2\xb0 2021-1887"}\n'
    )
    assert main(["cite", "--jsonl", str(batch)]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert lines[0]["citations"][0]["code"] == "Code de commerce"
    assert lines[1]["error"].startswith("ligne 2 : JSON invalide")
    assert lines[2]["error"].startswith("ligne 3 :")
    assert lines[3]["error"].startswith("ligne 4 : pas de l'UTF-8")
    assert lines[4]["citations"][0]["kind"] == "other_text"
    assert "3 ligne(s) invalide(s)" in captured.err and "Traceback" not in captured.err


def test_cite_jsonl_all_good_exits_zero():
    out = io.StringIO()
    assert run_jsonl(['{"text": "L. 1233-3", "code": "Code du travail"}', "", '{"text": ""}'], out) == 0
    first, second = (json.loads(line) for line in out.getvalue().splitlines())  # the blank line is skipped
    assert [(c["code"], c["articles"]) for c in first["citations"]] == [("Code du travail", ["L1233-3"])]
    assert second == {"citations": []}


def test_cite_missing_file_is_one_line_error(capsys):
    assert main(["cite", "--jsonl", "/nonexistent/batch.jsonl"]) == 2
    err = capsys.readouterr().err
    assert err == "lexsearch: erreur : /nonexistent/batch.jsonl : lecture impossible (FileNotFoundError)\n"


def test_cite_needs_a_text_or_a_batch(capsys):
    assert main(["cite"]) == 2
    assert "donnez un TEXTE" in capsys.readouterr().err

"""The relevance judgments stay true to the committed corpus: every judged article exists with a version
in force at the latest snapshot, every judged past version exists with text and was replaced, so the
evaluation (scripts/eval_search.py) never scores against a number that is not there."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from corpus.artifact import iter_articles
from corpus.settings import DEFAULT_ARTIFACT

SNAPSHOT_DAY = date(2026, 3, 27)  # the latest legi-data snapshot in the committed artifact


def _judgments(data_dir: Path) -> list[dict]:
    path = data_dir / "judgments" / "queries.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def corpus() -> tuple[dict, dict]:
    if not DEFAULT_ARTIFACT.exists():
        pytest.skip("the committed corpus artifact is missing")
    articles, versions = {}, {}
    for article in iter_articles(DEFAULT_ARTIFACT):
        articles[article.number] = article
        for version in article.versions:
            versions[version.version_id] = (article, version)
    return articles, versions


def test_judgments_have_enough_queries_per_group(data_dir: Path) -> None:
    groups: dict[str, int] = {}
    for record in _judgments(data_dir):
        groups[record["group"]] = groups.get(record["group"], 0) + 1
    assert groups["free_text"] >= 35
    assert groups["reference"] >= 25
    assert groups["past_wording"] >= 10
    assert groups["legal_questions"] >= 35
    assert sum(groups.values()) >= 80


def test_every_group_is_one_the_evaluation_reports(data_dir: Path) -> None:
    """A group eval_search does not list would stop the whole evaluation (load_judgments refuses it), and a
    group without a column would be scored but never printed."""
    script = Path(__file__).resolve().parents[2] / "scripts" / "eval_search.py"
    spec = importlib.util.spec_from_file_location("eval_search_under_test", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    judged = module.load_judgments(data_dir / "judgments" / "queries.jsonl")
    columns = {key for key, _ in module.COLUMNS}
    assert {item.group for item in judged} <= columns


def test_query_ids_are_unique_and_free_text_is_split(data_dir: Path) -> None:
    records = _judgments(data_dir)
    assert len({record["id"] for record in records}) == len(records)
    splits = [record["split"] for record in records if record["group"] == "free_text"]
    assert {"tune", "test"} == set(splits)
    assert abs(splits.count("tune") - splits.count("test")) <= 1


def test_every_judged_article_is_in_force_at_the_snapshot(data_dir: Path, corpus) -> None:
    articles, _ = corpus
    missing = [
        (record["id"], number)
        for record in _judgments(data_dir)
        for number in record.get("articles", {})
        if number not in articles
        or not any(v.has_text and v.in_force_at(SNAPSHOT_DAY) for v in articles[number].versions)
    ]
    assert missing == []


def test_every_judged_past_version_has_text_and_was_replaced(data_dir: Path, corpus) -> None:
    _, versions = corpus
    wrong = []
    for record in _judgments(data_dir):
        for version_id in record.get("versions", {}):
            found = versions.get(version_id)
            if found is None or not found[1].has_text or found[1].in_force_at(SNAPSHOT_DAY):
                wrong.append((record["id"], version_id))
    assert wrong == []


def test_past_wording_answers_differ_from_the_current_wording(data_dir: Path, corpus) -> None:
    """The point of a past-wording query: its answer is a wording that today's version of the article
    no longer has (repealed articles have no current version at all)."""
    _, versions = corpus
    for record in _judgments(data_dir):
        if record["group"] != "past_wording":
            continue
        for version_id, grade in record["versions"].items():
            if grade < 2:
                continue
            article, old = versions[version_id]
            current = [v for v in article.versions if v.has_text and v.in_force_at(SNAPSHOT_DAY)]
            assert old.text not in {v.text for v in current}, record["id"]

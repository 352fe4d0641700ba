"""The compact gzip JSONL artifact: lossless, deterministic, and loud about damage."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from corpus.artifact import FORMAT, iter_articles, write_articles
from corpus.errors import SourceError
from corpus.legifrance import read_many
from corpus.model import Article, Status
from corpus.settings import DEFAULT_ARTIFACT

CODE = "LEGITEXT000006072050"


@pytest.fixture(scope="module")
def articles(data_dir: Path) -> list[Article]:
    root = data_dir / "legifrance"
    [(_, merged)] = list(
        read_many([root / "2020-01-01" / f"{CODE}.json", root / "2026-03-27" / f"{CODE}.json"])
    )
    return merged


def lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return stream.read().splitlines()


def rewrite(path: Path, new_lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write("\n".join(new_lines) + "\n")
    return path


def test_round_trip_keeps_every_field(articles, tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    assert write_articles(path, articles) == len(articles)
    assert list(iter_articles(path)) == articles


def test_same_articles_give_the_same_bytes(articles, tmp_path):
    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    write_articles(first, articles, sources=["x"])
    write_articles(second, articles, sources=["x"])
    assert first.read_bytes() == second.read_bytes()


def test_one_article_per_line_after_a_header(articles, tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    write_articles(path, articles, sources=["@socialgouv/legi-data@2.513.0"])
    header, *rest = lines(path)
    assert json.loads(header)["format"] == FORMAT
    assert len(rest) == len(articles)
    record = json.loads(rest[0])
    assert {"article_id", "code_id", "number", "versions"} <= record.keys()
    assert {"text", "html", "valid_from", "valid_to", "status", "section_path", "amendments", "nota"} <= set(
        record["versions"][0]
    )


def test_truncated_gzip_is_a_source_error(articles, tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    write_articles(path, articles)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(SourceError, match=r"corpus\.jsonl\.gz: gzip endommagé"):
        list(iter_articles(path))


def test_malformed_line_names_its_number(articles, tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    write_articles(path, articles)
    content = lines(path)
    content[3] = content[3][:40]
    with pytest.raises(SourceError, match=r"corpus\.jsonl\.gz:4: ligne JSON invalide"):
        list(iter_articles(rewrite(path, content)))


def test_duplicate_version_id_names_both_lines(articles, tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    write_articles(path, articles)
    content = lines(path)
    record = json.loads(content[3])
    record["article_id"] = "LEGIARTI999999999999"
    content.append(json.dumps(record, ensure_ascii=False))
    with pytest.raises(
        SourceError, match=rf":{len(content)}: version LEGIARTI\d+ en double \(déjà ligne 4\)"
    ):
        list(iter_articles(rewrite(path, content)))


def test_missing_field_names_the_version(articles, tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    write_articles(path, articles)
    content = lines(path)
    record = json.loads(content[2])
    del record["versions"][0]["status"]
    content[2] = json.dumps(record)
    with pytest.raises(SourceError, match=r":3 \(article LEGIARTI\d+\) version 0: champ « status » absent"):
        list(iter_articles(rewrite(path, content)))


def test_a_file_without_the_header_is_not_an_artifact(tmp_path):
    path = rewrite(tmp_path / "other.jsonl.gz", ['{"hello": "world"}'])
    with pytest.raises(SourceError, match="ce n'est pas un artefact de corpus lexsearch"):
        list(iter_articles(path))


def test_committed_artifact_holds_the_merged_code_du_travail():
    found = {}
    counts = {"articles": 0, "versions": 0, "with_text": 0}
    for article in iter_articles(DEFAULT_ARTIFACT):
        counts["articles"] += 1
        counts["versions"] += len(article.versions)
        counts["with_text"] += sum(1 for v in article.versions if v.has_text)
        if article.number in {"L1233-3", "L6241-3"}:
            found[article.number] = article
    assert counts == {"articles": 11964, "versions": 22703, "with_text": 14165}
    current = found["L1233-3"].versions[-1]
    assert current.version_id == "LEGIARTI000036762081" and current.status is Status.IN_FORCE
    assert current.valid_from == date(2018, 4, 1) and "<p>" in current.html
    assert current.amendments[0].text.title == "LOI n°2018-217 du 29 mars 2018"
    # With only two snapshots L6241-3 ends at the later one (tests/corpus/test_legifrance.py); the
    # intermediate snapshots announced its repeal, so the full merge knows the real date and text.
    repealed = found["L6241-3"].versions[-1]
    assert repealed.valid_to == date(2022, 1, 1) and repealed.status is Status.REPEALED
    assert [a.link_type for a in repealed.amendments if a.role.value == "ended"] == ["ABROGE"]


def test_versions_listed_newest_first_are_refused_naming_the_article(articles, tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    write_articles(path, articles)
    content = lines(path)
    index, record = next(
        (i, r) for i, r in enumerate(map(json.loads, content[1:]), start=1) if len(r["versions"]) >= 3
    )
    record["versions"].reverse()
    content[index] = json.dumps(record)
    with pytest.raises(
        SourceError, match=rf"\(article {record['article_id']}\): versions hors de l'ordre chronologique"
    ):
        list(iter_articles(rewrite(path, content)))

"""`corpus add` of an export into a store that holds the same code from Légifrance: one merged history,
the sources' spans and the gap between them, anomalies reported by `corpus info`, and a second add of the
same export changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from corpus import artifact
from corpus.anomalies import AnomalyKind
from corpus.ingest import ingest_sources
from corpus.model import Article, Code, Status, Version
from corpus.store import Store
from corpus.store_schema import SCHEMA_VERSION
from tests.corpus.export_repos import ExportCommit, article_file, legifrance_body, write_export
from ui.cli import main

WORK = Code("LEGITEXT000006072050", "Code du travail")
PATH = "Code Du Travail/Partie Législative/Livre II/Titre III/Chapitre III/Article L1233-3.md"
TEXT_2008 = "Constitue un licenciement pour motif économique le licenciement effectué par un employeur."
TEXT_2018 = "Constitue un licenciement pour motif économique, au sens du présent article, le licenciement."


def legifrance_articles() -> list[Article]:
    aid = "LEGIARTI000006901015"
    versions = (
        Version(aid, aid, "L1233-3", None, date(2008, 6, 27), date(2016, 12, 1), Status.MODIFIED),
        Version(
            "LEGIARTI000033024152", aid, "L1233-3", None, date(2016, 12, 1), date(2018, 4, 1), Status.MODIFIED
        ),
        Version("LEGIARTI000036762081", aid, "L1233-3", TEXT_2018, date(2018, 4, 1), None, Status.IN_FORCE),
    )
    other = "LEGIARTI000006901016"
    kept = (Version(other, other, "L1233-4", "Le licenciement.", date(2019, 12, 1), None, Status.IN_FORCE),)
    return [Article(aid, WORK, "L1233-3", versions), Article(other, WORK, "L1233-4", kept)]


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path]:
    legi = tmp_path / "legi.jsonl.gz"
    artifact.write_articles(legi, legifrance_articles(), sources=["test"])
    export = write_export(
        tmp_path / "export",
        [
            ExportCommit("1970-01-01", "Modification du 0003-05-19 de source inconnue", {}),
            ExportCommit(
                "2008-06-27",
                "Loi N°2008-596 Du 25 Juin 2008 - Art. 5",
                {PATH: article_file("L1233-3", TEXT_2008)},
                body=legifrance_body("JORFTEXT000019066315"),
                signed="2008-06-25",
            ),
            ExportCommit(
                "2015-04-07",
                "Décret N°2015-398 Du 7 Avril 2015 - Art. 1",
                {"Code Du Travail/X/Article L1.md": "\n"},
            ),
        ],
    )
    return legi, export


def test_export_merged_into_a_legifrance_code_gives_one_history_with_the_gap_named(sources, tmp_path):
    legi, export = sources
    with Store.open(tmp_path / "s.sqlite3") as store:
        ingest_sources(store, [legi], progress=False)
        (report,) = ingest_sources(store, [export], progress=False)
        assert report.merged.versions_filled == 1
        assert report.gaps == ("versions entre avril 2015 et avril 2018 non couvertes par nos sources",)
        article = store.article("LEGIARTI000006901015")
        assert [(v.valid_from, v.text) for v in article.versions][:2] == [
            (date(2008, 6, 27), TEXT_2008),
            (date(2016, 12, 1), None),
        ]
        made = {a.text.text_id for a in article.versions[0].amendments}
        assert made == {"JORFTEXT000019066315"}
        assert [span.source for span in store.coverage(WORK.code_id)] == [
            str(export.resolve()),
            str(legi.resolve()),
        ]
        counts = store.anomaly_counts(WORK.code_id)
        assert counts[AnomalyKind.EMPTY_TEXT] == 1
        assert counts[AnomalyKind.ENDED_UNSEEN] == 1  # L1, empty and left in force in 2015
        digest = store.content_digest()
        (again,) = ingest_sources(store, [export], progress=False)
        assert again.merged is not None and again.merged.versions_added == 0
        assert store.content_digest() == digest
        assert store.anomaly_counts(WORK.code_id) == counts


def test_corpus_add_and_info_print_the_merge_the_gap_and_the_anomalies(sources, tmp_path, capsys):
    legi, export = sources
    store = tmp_path / "s.sqlite3"
    assert main(["corpus", "add", "--quiet", "--store", str(store), str(legi)]) == 0
    assert main(["corpus", "add", "--quiet", "--store", str(store), str(export)]) == 0
    added = capsys.readouterr().out
    assert "fusion              : 1 articles communs, 1 nouveaux" in added
    assert (
        "lacune              : versions entre avril 2015 et avril 2018 non couvertes par nos sources" in added
    )
    assert main(["corpus", "info", "--store", str(store)]) == 0
    info = capsys.readouterr().out
    assert "textes vides" in info and "Total : 1 codes, 3 articles" in info


def test_store_of_schema_1_gets_the_new_tables_when_opened(tmp_path):
    path = tmp_path / "old.sqlite3"
    Store.open(path).close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("DROP TABLE coverage")
        connection.execute("DROP TABLE anomalies")
        for column in ("valid_from_uncertain", "valid_from_after", "valid_to_uncertain", "valid_to_after"):
            connection.execute(f"ALTER TABLE versions DROP COLUMN {column}")  # added by schema 3
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    connection.close()
    with Store.open(path) as store:
        assert store.coverage("x") == () and store.anomaly_counts() == {}
        version = store.connection.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
        assert version == str(SCHEMA_VERSION) == "3"
        columns = {row[1] for row in store.connection.execute("PRAGMA table_info(versions)")}
        assert {"valid_from_uncertain", "valid_to_after"} <= columns

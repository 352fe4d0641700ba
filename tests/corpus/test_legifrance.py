"""The Légifrance reader and merge, on sections cut from the real 1.1.13 (2020-01-01, old layout) and
2.513.0 (2026-03-27, new layout) snapshots of the Code du travail."""

from __future__ import annotations

import copy
import io
import json
import tarfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.errors import SourceError
from corpus.legifrance import accepts, parse_day, parse_snapshot, read, read_many
from corpus.model import Article, ChangeRole, Status

CODE = "LEGITEXT000006072050"


@pytest.fixture(scope="module")
def snapshots(data_dir: Path) -> list[Path]:
    root = data_dir / "legifrance"
    return [root / "2020-01-01" / f"{CODE}.json", root / "2026-03-27" / f"{CODE}.json"]


@pytest.fixture(scope="module")
def merged(snapshots: list[Path]) -> dict[str, Article]:
    [(code, articles)] = list(read_many(snapshots))
    assert code.title == "Code du travail"
    return {article.number: article for article in articles}


def version(article: Article, version_id: str):
    return next(v for v in article.versions if v.version_id == version_id)


def test_article_changed_between_snapshots_has_both_wordings_with_dates_and_amending_texts(merged):
    article = merged["L6241-1"]
    old = version(article, "LEGIARTI000037992096")  # captured by the 2020 snapshot
    new = version(article, "LEGIARTI000053564455")  # captured by the 2026 snapshot
    assert (old.valid_from, old.valid_to, old.status) == (date(2019, 1, 1), date(2022, 1, 1), Status.MODIFIED)
    assert (new.valid_from, new.valid_to, new.status) == (date(2026, 2, 21), None, Status.IN_FORCE)
    assert old.text and new.text and old.text != new.text
    assert old.html.startswith("<p>") and new.html
    [made_old] = old.amendments
    assert made_old.text.text_id == "JORFTEXT000037882341"
    assert made_old.text.title == "LOI n°2018-1317 du 28 décembre 2018"
    assert made_old.text.signed_on == date(2018, 12, 28)
    assert made_old.role is ChangeRole.CREATED and made_old.article_in_text.startswith("art.")
    assert "JORFTEXT000053508155" in {a.text.text_id for a in new.amendments}
    # The text's own dates stay apart from the version's entry into force.
    assert made_old.text.published_on != old.valid_from


def test_versions_no_snapshot_captured_keep_their_metadata_without_text(merged):
    between = version(merged["L6241-1"], "LEGIARTI000044981949")
    assert between.text is None and between.html is None and not between.has_text
    assert (between.valid_from, between.valid_to) == (date(2022, 1, 1), date(2025, 2, 16))
    assert between.status is Status.MODIFIED and between.amendments == ()
    assert between.section_path[-1] == "Section 1 : Principes."


def test_versions_are_ordered_by_validity_oldest_first(merged):
    starts = [v.valid_from for v in merged["L6241-2"].versions]
    assert starts == sorted(starts) and len(starts) == 10


def test_repealed_article_missing_from_the_later_snapshot_keeps_its_history_and_ends(merged):
    article = merged["L6241-3"]
    assert len(article.versions) == 5
    last = article.versions[-1]
    assert last.version_id == "LEGIARTI000037386922" and last.has_text
    assert last.status is Status.REPEALED
    # No repeal date in the source: it ends at the first snapshot without it, never open-ended.
    assert last.valid_to == date(2026, 3, 27)
    assert not last.in_force_at(date(2026, 3, 27)) and last.in_force_at(date(2020, 1, 1))


def test_pending_end_2222_is_not_a_date(merged):
    last = merged["L970-4"].versions[-1]
    assert last.status is Status.REPEALED_DEFERRED
    assert last.valid_to is None and last.valid_to_pending
    [ending] = [a for a in last.amendments if a.role is ChangeRole.ENDED]
    assert ending.link_type == "ABROGE"


def test_stillborn_version_without_a_fixed_start_sorts_by_its_end(merged):
    versions = merged["L5134-23-1"].versions
    stillborn = version(merged["L5134-23-1"], "LEGIARTI000027573671")
    assert stillborn.valid_from is None and stillborn.start_pending
    assert stillborn.valid_to == date(2014, 3, 6) and stillborn.status is Status.MODIFIED_STILLBORN
    assert versions.index(stillborn) == 2


def test_section_path_is_clean_titles_without_the_code(merged):
    path = version(merged["L6241-1"], "LEGIARTI000037992096").section_path
    assert path[0] == "Partie législative" and path[-1] == "Section 1 : Principes."
    assert all(title == " ".join(title.split()) for title in path)


def test_both_snapshot_layouts_read_the_same_section(snapshots):
    old = {a.number for _, articles in read(snapshots[0]) for a in articles}
    new = {a.number for _, articles in read(snapshots[1]) for a in articles}
    assert {"L6241-1", "L6241-2", "L6241-3"} <= old
    assert "L6241-3" not in new and "L6241-1-1" in new


def test_single_snapshot_has_text_only_for_the_version_it_carries(snapshots):
    [(_, articles)] = list(read(snapshots[1]))
    article = next(a for a in articles if a.number == "L6241-1")
    assert [v.version_id for v in article.versions if v.has_text] == ["LEGIARTI000053564455"]


def test_merge_does_not_depend_on_snapshot_order(snapshots):
    assert list(read_many(snapshots)) == list(read_many(list(reversed(snapshots))))


def test_source_links_are_not_amendments(merged):
    kinds = {a.link_type for article in merged.values() for v in article.versions for a in v.amendments}
    assert kinds <= {"CREE", "MODIFIE", "DEPLACE", "TRANSFERE", "ABROGE"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1209600000000, (date(2008, 5, 1), False)),
        (32472144000000, (None, False)),  # 2999-01-01: open end
        (7956835200000, (None, True)),  # 2222-02-22: not fixed
        ("2008-05-01", (date(2008, 5, 1), False)),
        ("2999-01-01", (None, False)),
    ],
)
def test_placeholder_dates_are_never_real_dates(value, expected):
    assert parse_day(value, "x", "dateFin") == expected


def test_npm_tarball_is_read_like_the_json_it_holds(snapshots, tmp_path):
    tarball = tmp_path / "socialgouv-legi-data-2.513.0.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(snapshots[1], arcname=f"package/data/{CODE}.json")
        readme = b"not a snapshot"
        info = tarfile.TarInfo("package/README.md")
        info.size = len(readme)
        archive.addfile(info, io.BytesIO(readme))
    assert accepts(tarball)
    assert list(read(tarball)) == list(read(snapshots[1]))


# -- bad input: one line naming the file/record and the problem -----------------------------------------


def damaged(tmp_path: Path, snapshot: Path, change) -> Path:
    document = json.loads(snapshot.read_text(encoding="utf-8"))
    change(document)
    target = tmp_path / "damaged.json"
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target


def first_article(node: dict) -> dict:
    while node["type"] != "article":
        node = node["children"][0]
    return node["data"]


def test_malformed_json_names_file_and_position(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"data": {"id": "LEGITEXT1",\n  "title": }', encoding="utf-8")
    with pytest.raises(SourceError, match=r"broken\.json:2:\d+: JSON invalide"):
        list(read(bad))


def test_non_utf8_file_is_refused(tmp_path, snapshots):
    bad = tmp_path / "latin1.json"
    bad.write_bytes(snapshots[0].read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    with pytest.raises(SourceError, match=r"latin1\.json: pas en UTF-8 \(octet 0x"):
        list(read(bad))


def test_unknown_layout_is_refused(tmp_path):
    bad = tmp_path / "other.json"
    bad.write_text('{"sections": [], "articles": []}', encoding="utf-8")
    with pytest.raises(SourceError, match="structure de snapshot inconnue"):
        list(read(bad))


def test_missing_field_names_the_article(tmp_path, snapshots):
    bad = damaged(tmp_path, snapshots[1], lambda doc: first_article(doc).pop("articleVersions"))
    with pytest.raises(SourceError, match=r"article LEGIARTI\d+: champ « articleVersions » absent") as error:
        list(read(bad))
    assert "\n" not in str(error.value)


def test_unknown_status_names_the_version(tmp_path, snapshots):
    def change(doc):
        first_article(doc)["articleVersions"][0]["etat"] = "FANTAISIE"

    with pytest.raises(
        SourceError, match=r"articleVersions\[0\]: champ « etat » : valeur inconnue 'FANTAISIE'"
    ):
        list(read(damaged(tmp_path, snapshots[1], change)))


@pytest.mark.parametrize(("etat", "status"), [("", Status.UNKNOWN), ("DEPLACE", Status.MOVED)])
def test_rare_statuses_of_the_security_code_are_read(tmp_path, snapshots, etat, status):
    """The 2.513.0 Code de la sécurité sociale leaves `etat` empty on nine versions and says DEPLACE once."""

    def change(doc):
        first_article(doc)["articleVersions"][0]["etat"] = etat

    versions = [
        v
        for _, articles in read(damaged(tmp_path, snapshots[1], change))
        for a in articles
        for v in a.versions
    ]
    assert status in {v.status for v in versions}


def test_version_id_under_two_articles_is_refused(tmp_path, snapshots):
    def change(doc):
        section = doc
        while section["children"][0]["type"] != "article":
            section = section["children"][0]
        first, second = section["children"][0]["data"], section["children"][1]["data"]
        second["articleVersions"].append(dict(first["articleVersions"][0]))

    with pytest.raises(SourceError, match=r"version LEGIARTI\d+ en double"):
        list(read(damaged(tmp_path, snapshots[1], change)))


def test_damaged_npm_tarball_is_reported_when_read(tmp_path, snapshots):
    tarball = tmp_path / "socialgouv-legi-data-2.513.0.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(snapshots[1], arcname=f"package/data/{CODE}.json")
    tarball.write_bytes(tarball.read_bytes()[:2000])
    assert accepts(tarball)
    with pytest.raises(SourceError, match=r"2\.513\.0\.tgz: paquet npm illisible"):
        list(read(tarball))


# -- any damage is a SourceError, never a traceback -------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner, max_size=2),
    max_leaves=4,
)


def paths_in(value, prefix=()):
    yield prefix
    children = (
        value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    )
    for key, child in children:
        yield from paths_in(child, (*prefix, key))


@pytest.fixture(scope="module")
def document(snapshots) -> dict:
    return json.loads(snapshots[1].read_text(encoding="utf-8"))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_replaced_value_is_read_or_refused_with_a_source_error(document, data):
    paths = list(paths_in(document))[1:]
    path = data.draw(st.sampled_from(paths))
    damaged_doc = copy.deepcopy(document)
    target = damaged_doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(JSON_VALUES)
    try:
        parse_snapshot(damaged_doc, "fixture.json")
    except SourceError as error:
        assert "\n" not in str(error) and str(error).startswith("fixture.json")

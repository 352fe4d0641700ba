"""A captured tree of undated article files, alone and merged with a git history of its code: unchanged
wordings extend their version, changed ones get an entry into force known only within a span, missing
ones are gone by the capture; nothing gets a made-up day."""

from __future__ import annotations

from datetime import date

import pytest
from captures import (
    PLAN_WORDING,
    WORDING_2013,
    WORDING_2023,
    write_capture,
    write_history,
)

from corpus import capture, capture_merge
from corpus.dating import later_change_notice, validity
from corpus.errors import SourceError
from corpus.ingest import ingest
from corpus.model import Article, DatePrecision, Status, UncertainDate
from corpus.store import Store

COMMERCE = "LEGITEXT000005634379"
MARCH_2023 = capture.Capture(date(2023, 3, 1), DatePrecision.MONTH)
SINCE_HISTORY = UncertainDate(date(2015, 4, 7), DatePrecision.MONTH)


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Store:
    root = tmp_path_factory.mktemp("capture")
    store = Store.open(root / "corpus.sqlite3")
    ingest(store, [write_history(root / "history")], progress=False)
    ingest(store, [write_capture(root / "tree")], progress=False, captured=MARCH_2023)
    yield store
    store.close()


def _article(store: Store, number: str) -> Article:
    found = store.article_by_number(COMMERCE, number)
    assert found is not None, number
    return found


def test_captured_month_and_day_are_parsed_with_their_precision():
    assert capture.parse_captured("2023-03") == MARCH_2023
    assert capture.parse_captured("2023-03-06") == capture.Capture(date(2023, 3, 6), DatePrecision.DAY)
    with pytest.raises(ValueError, match="AAAA-MM"):
        capture.parse_captured("mars 2023")


def test_capture_is_filed_under_the_code_de_commerce_legifrance_id(merged):
    code = merged.code(COMMERCE)
    assert code is not None and code.title == "Code de commerce"
    # The capture's own day is a span of its own: the days between the history and it are a known gap.
    assert (date(2023, 3, 1), date(2023, 3, 1)) in [
        (s.covered_from, s.covered_to) for s in merged.coverage(COMMERCE)
    ]
    assert [gap.label for gap in merged.coverage_gaps(COMMERCE)] == [
        "versions entre avril 2015 et mars 2023 non couvertes par nos sources"
    ]


def test_changed_wording_is_a_new_version_whose_start_is_known_only_between_history_and_capture(merged):
    versions = _article(merged, "L626-30").versions
    assert [v.valid_from for v in versions] == [date(2008, 12, 18), date(2013, 6, 27), date(2023, 3, 1)]
    old, new = versions[1], versions[2]
    assert old.text == WORDING_2013 and old.status is Status.MODIFIED
    assert old.valid_to == date(2023, 3, 1) and old.end_uncertain == SINCE_HISTORY
    assert new.text == WORDING_2023 and new.status is Status.IN_FORCE and new.valid_to is None
    assert new.start_uncertain == SINCE_HISTORY
    assert versions[0].start_uncertain is None and versions[0].end_uncertain is None
    assert validity(new.valid_from, None, start=new.start_uncertain) == (
        "entrée en vigueur entre le 7 avril 2015 et mars 2023, date exacte inconnue"
    )


def test_unchanged_wording_keeps_its_known_version_open(merged):
    (version,) = _article(merged, "L626-31").versions
    assert version.text == PLAN_WORDING  # the history's own, the rewrapped capture adds nothing
    assert version.valid_from == date(2008, 12, 18) and version.valid_to is None
    assert version.start_uncertain is None and version.end_uncertain is None


def test_article_of_the_captured_scope_missing_from_the_capture_is_gone_on_an_unknown_day(merged):
    (version,) = _article(merged, "L626-35").versions
    assert version.status is Status.GONE
    assert version.valid_to == date(2023, 3, 1) and version.end_uncertain == SINCE_HISTORY


def test_articles_outside_the_captured_scope_are_left_as_the_history_has_them(merged):
    versions = _article(merged, "L225-99").versions
    assert [v.valid_from for v in versions] == [date(2008, 12, 18), date(2015, 4, 7)]
    assert versions[-1].valid_to is None and versions[-1].end_uncertain is None


def test_new_article_in_a_part_the_history_covers_starts_after_the_history(merged):
    (version,) = _article(merged, "L626-30-2").versions
    assert version.start_uncertain == SINCE_HISTORY
    # Named with the history's section titles where it has them (the export's folder names), the
    # capture's folders below.
    assert version.section_path == ("Partie Législative", "Livre VI", "Titre II", "Chapitre VI", "Section 3")


def test_new_article_in_a_part_the_history_lacks_has_no_earlier_bound(merged):
    # The history has nothing in force in TITRE III: missing from the export or created since, we
    # cannot tell, so the version is only known in force by the capture.
    (version,) = _article(merged, "L631-1").versions
    assert version.start_uncertain == UncertainDate(None, DatePrecision.MONTH)
    assert version.section_path[-2:] == ("TITRE III", "Chapitre Ier")


def test_date_filter_shows_the_last_wording_known_in_force_with_a_notice_of_the_later_one(merged):
    article = _article(merged, "L626-30")
    at_2019 = merged.version_in_force(article.article_id, date(2019, 1, 1))
    assert at_2019 is not None and at_2019.text == WORDING_2013
    notice = later_change_notice(at_2019.valid_to, at_2019.end_uncertain, date(2019, 1, 1))
    assert notice is not None and "entre le 7 avril 2015 et mars 2023, date exacte inconnue" in notice
    at_2024 = merged.version_in_force(article.article_id, date(2024, 1, 1))
    assert at_2024 is not None and at_2024.text == WORDING_2023
    at_2014 = merged.version_in_force(article.article_id, date(2014, 1, 1))
    assert later_change_notice(at_2014.valid_to, at_2014.end_uncertain, date(2014, 1, 1)) is None


def test_without_history_each_file_is_one_version_known_in_force_at_the_capture(tmp_path):
    with Store.open(tmp_path / "corpus.sqlite3") as store:
        ingest(store, [write_capture(tmp_path / "tree")], progress=False, captured=MARCH_2023)
        versions = [v for a in store.code_history(store.code(COMMERCE)) for v in a.versions]
    assert len(versions) == 4
    assert {v.start_uncertain for v in versions} == {UncertainDate(None, DatePrecision.MONTH)}
    assert {(v.valid_from, v.valid_to) for v in versions} == {(date(2023, 3, 1), None)}
    assert validity(date(2023, 3, 1), None, start=versions[0].start_uncertain) == (
        "entrée en vigueur au plus tard en mars 2023, date exacte inconnue"
    )


def test_undated_tree_without_captured_date_is_refused_in_one_line(tmp_path):
    with Store.open(tmp_path / "corpus.sqlite3") as store:
        with pytest.raises(SourceError, match="--captured"):
            ingest(store, [write_capture(tmp_path / "tree")], progress=False)
        assert store.codes() == []


def test_capture_not_after_the_history_is_refused_and_the_store_kept(tmp_path):
    with Store.open(tmp_path / "corpus.sqlite3") as store:
        ingest(store, [write_history(tmp_path / "history")], progress=False)
        before = store.content_digest()
        early = capture.Capture(date(2014, 1, 1), DatePrecision.DAY)
        with pytest.raises(SourceError, match="pas postérieure"):
            ingest(store, [write_capture(tmp_path / "tree")], progress=False, captured=early)
        assert store.content_digest() == before


def test_file_that_is_not_an_article_is_named_in_the_error(tmp_path):
    tree = write_capture(tmp_path / "tree")
    (tree / "Partie législative" / "Article L999.md").write_text("Pas un titre\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"Article L999\.md"):
        capture.read_tree(tree)


def test_same_wording_ignores_wrapping_and_typography_only():
    assert capture_merge.same_wording(
        "Le plan ― arrêté\npar l’administrateur", "Le plan - arrêté par l'administrateur"
    )
    assert not capture_merge.same_wording("deux comités", "trois comités")
    assert not capture_merge.same_wording(None, "texte")


def test_history_and_capture_given_together_merge_as_when_added_one_after_the_other(tmp_path, merged):
    with Store.open(tmp_path / "corpus.sqlite3") as store:
        sources = [write_history(tmp_path / "history"), write_capture(tmp_path / "tree")]
        ingest(store, sources, progress=False, captured=MARCH_2023)
        together = {a.number: a.versions for a in store.code_history(store.code(COMMERCE))}
    one_after_the_other = {a.number: a.versions for a in merged.code_history(merged.code(COMMERCE))}
    assert together == one_after_the_other


def test_adding_the_same_capture_again_changes_nothing(tmp_path):
    with Store.open(tmp_path / "corpus.sqlite3") as store:
        ingest(store, [write_history(tmp_path / "history")], progress=False)
        tree = write_capture(tmp_path / "tree")
        ingest(store, [tree], progress=False, captured=MARCH_2023)
        before = store.content_digest()
        ingest(store, [tree], progress=False, captured=MARCH_2023)
        assert store.content_digest() == before

"""The all-codes export: codes, versions dated by entry into force, amending texts, anomalies, on small
repositories in its layout written by the test (tests/corpus/export_repos.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corpus import allcodes
from corpus.allcodes_text import clean_subject
from corpus.amending_titles import parse_subject
from corpus.anomalies import AnomalyKind, count_by_kind
from corpus.code_names import identity_for_legifrance_title
from corpus.ingest import detect
from corpus.model import ChangeRole, Status
from tests.corpus.export_repos import ExportCommit, article_file, bundle_of, legifrance_body, write_export

COMMERCE = "LEGITEXT000005634379"
CGI = "LEGITEXT000006069577"
CIVIL = "LEGITEXT000006070721"
L626_30 = "Code De Commerce/Partie Législative/Livre VI/Titre II/Chapitre VI/Article L626-30.md"
L626_30_MOVED = "Code De Commerce/Partie Législative/Livre VI/Titre II/Chapitre VI bis/Article L626-30.md"
WORDING_2005 = (
    "Les établissements de crédit et les principaux fournisseurs de biens sont réunis en deux comités."
)
WORDING_2008 = (
    "Les établissements de crédit et ceux assimilés, ainsi que les principaux fournisseurs de biens ou de "
    "services, sont constitués en deux comités de créanciers par l'administrateur judiciaire."
)


def export_commits() -> list[ExportCommit]:
    return [
        ExportCommit(
            "1970-01-01",
            "Loi 1804-03-15 Promulguée Le 25 Mars 1804",
            {"Code Civil/Livre III/Titre IV/Article 1382.md": article_file("1382", "Tout fait quelconque.")},
            signed="1970-01-01",
        ),
        ExportCommit(
            "2006-01-01",
            "Loi N°2005-845 Du 26 Juillet 2005 - Art. 1 () Jorf 27 Juillet 2005 En Vigueur Le 1er Janvier 2006",
            {
                L626_30: article_file("L626-30", WORDING_2005),
                "Code Général Des Impôts, Cgi/Livre Premier/Article 1.md": article_file(
                    "1", "L'impôt est dû."
                ),
                "Code Général Des Impôts, Cgi/Livre Premier/Article 2.md": "Article 2\n----\n\n",
                "Code De Commerce/README.md": "# Code de commerce\n",
            },
            body=legifrance_body("JORFTEXT000000451948"),
            signed="2005-07-26",
        ),
        ExportCommit(
            "2009-02-15",
            "Ordonnance N°2008-1345 Du 18 Décembre 2008 - Art. 2",
            {L626_30: article_file("L626-30", WORDING_2008)},
            body=legifrance_body("JORFTEXT000019961059"),
            signed="2008-12-18",
        ),
        ExportCommit(
            "2010-01-01",
            "Modification du 0003-05-19 de source inconnue",
            {
                L626_30: None,  # moved to another folder, same wording: the version goes on
                L626_30_MOVED: article_file("L626-30", WORDING_2008),
                "Code Général Des Impôts, Cgi/Ancien Livre/Article 1.md": article_file(
                    "1", "L'impôt est dû."
                ),
            },
        ),
        ExportCommit(
            "2012-03-01",
            "Loi N°2012-387 Du 22 Mars 2012 - Art. 9",
            {"Code Général Des Impôts, Cgi/Livre Premier/Article 1.md": None},
            body=legifrance_body("JORFTEXT000025553296"),
        ),
    ]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_export(tmp_path_factory.mktemp("export") / "repo", export_commits())


@pytest.fixture(scope="module")
def histories(export: Path) -> dict[str, allcodes.CodeHistory]:
    return {history.code.code_id: history for history in allcodes.histories(export)}


def test_title_cased_folders_are_known_codes_with_their_canonical_titles(histories):
    assert {code_id: history.code.title for code_id, history in histories.items()} == {
        CIVIL: "Code civil",
        COMMERCE: "Code de commerce",
        CGI: "Code général des impôts",
    }


def test_versions_start_on_the_committer_date_and_name_the_legifrance_text(histories):
    (article,) = histories[COMMERCE].articles
    first, second = article.versions
    assert (first.valid_from, first.valid_to, first.status) == (
        date(2006, 1, 1),
        date(2009, 2, 15),
        Status.MODIFIED,
    )
    assert (second.valid_from, second.valid_to, second.status) == (date(2009, 2, 15), None, Status.IN_FORCE)
    assert second.text == WORDING_2008  # unwrapped: one line per paragraph
    (made,) = [a for a in second.amendments if a.role is ChangeRole.CREATED]
    assert (made.text.text_id, made.text.title, made.article_in_text) == (
        "JORFTEXT000019961059",
        "Ordonnance n° 2008-1345 du 18 décembre 2008",
        "art. 2",
    )
    assert made.text.signed_on == date(2008, 12, 18)


def test_a_file_moved_with_the_same_wording_continues_its_version(histories):
    (article,) = histories[COMMERCE].articles
    assert len(article.versions) == 2
    assert article.versions[-1].section_path == (
        "Partie Législative",
        "Livre VI",
        "Titre II",
        "Chapitre VI bis",
    )


def test_unknown_entry_into_force_is_kept_and_counted(histories):
    (article,) = histories[CIVIL].articles
    assert article.versions[0].valid_from == date(1970, 1, 1)
    assert count_by_kind(histories[CIVIL].anomalies) == {AnomalyKind.UNKNOWN_DATE: 1}


def test_number_at_two_paths_is_one_article_ending_with_its_last_path(histories):
    articles = {article.number: article for article in histories[CGI].articles}
    assert sorted(articles) == ["1", "2"]
    (version,) = articles["1"].versions  # the copy at the second path has the same wording
    assert (version.valid_from, version.valid_to) == (date(2006, 1, 1), None)  # one path remains
    counts = count_by_kind(histories[CGI].anomalies)
    assert counts[AnomalyKind.DUPLICATE_PATH] == 1


def test_empty_text_odd_commit_and_unknown_source_are_reported_not_dropped(histories):
    articles = {article.number: article for article in histories[CGI].articles}
    assert articles["2"].versions[0].text is None
    counts = count_by_kind(histories[CGI].anomalies)
    assert counts[AnomalyKind.EMPTY_TEXT] == 1
    assert counts[AnomalyKind.ODD_COMMIT] == 1  # year 0003
    assert counts[AnomalyKind.UNKNOWN_SOURCE] == 1
    commerce = count_by_kind(histories[COMMERCE].anomalies)
    assert commerce[AnomalyKind.NOT_AN_ARTICLE] == 1  # its README.md


def test_bundle_whose_head_names_a_missing_branch_reads_like_the_repository(export, histories, tmp_path):
    bundle = bundle_of(export, tmp_path / "export.bundle")
    assert detect(bundle) == "corpus.allcodes"
    from_bundle = {history.code.code_id: history.articles for history in allcodes.histories(bundle)}
    assert from_bundle == {code_id: history.articles for code_id, history in histories.items()}


def test_git_url_is_cloned_and_read(export, histories):
    url = f"file://{export}"
    assert detect(url) == "corpus.allcodes"
    ((_code, articles),) = [(c, a) for c, a in allcodes.read(url) if c.code_id == COMMERCE]
    assert list(articles) == histories[COMMERCE].articles


def test_per_code_span_runs_from_first_to_last_known_entry_into_force(histories):
    history = histories[COMMERCE]
    assert (history.covered_from, history.covered_to) == (date(2006, 1, 1), date(2010, 1, 1))


@pytest.mark.parametrize(
    ("subject", "title", "article"),
    [
        ("Décret N°2015-398 Du 7 Avril 2015 - Art. 1", "Décret n° 2015-398 du 7 avril 2015", "art. 1"),
        (
            "Loi N°70-459 Du 4 Juin 1970 - Art. 2 () Jorf 5 Juin 1970 En Vigueur Le 1er Janvier 1971",
            "Loi n° 70-459 du 4 juin 1970",
            "art. 2",
        ),
        (
            "Arrêté 2005-12-29 Art. 1 Jorf 29 Décembre 2005 En Vigueur Le 1er Janvier 2006",
            "Arrêté du 29 décembre 2005",
            "art. 1",
        ),
        ("Loi 1803-03-17 Promulguée Le 27 Mars 1803", "Loi du 17 mars 1803", None),
        ("Loi 79-15 1979-01-03 Art. 7 Jorf 4 Janvier 1979", "Loi n° 79-15 du 3 janvier 1979", "Art. 7"),
        (
            "Modification du 0003-05-19 de source inconnue",
            "Modification du 0003-05-19 de source inconnue",
            None,
        ),
        ("Loi 1803-02-30 Promulguée Le 12 Mars 1803", "Loi 1803-02-30 Promulguée Le 12 Mars 1803", None),
    ],
)
def test_export_subjects_name_their_amending_text(subject, title, article):
    (named,) = parse_subject(clean_subject(subject))
    assert (named.text.title, named.article_in_text) == (title, article)


@pytest.mark.parametrize(
    ("folder", "title", "code_id"),
    [
        ("Code Général Des Impôts, Cgi", "Code général des impôts", "LEGITEXT000006069577"),
        (
            "Code Général Des Impôts Annexe 1, Cgian1",
            "Code général des impôts, annexe 1",
            "LEGITEXT000006069568",
        ),
        ("Code De L'Énergie", "Code de l'énergie", "LEGITEXT000023983208"),
        ("Code Minier", "Code minier (ancien)", "LEGITEXT000006071785"),
        ("Code Minier (Nouveau)", "Code minier", "LEGITEXT000023501962"),
        ("Code Rural", "Code rural et de la pêche maritime", "LEGITEXT000022197698"),
        ("Code Rural Ancien", "Code rural (ancien)", "LEGITEXT000006071366"),
        ("Code Du Domaine De L'Etat", "Code du domaine de l'État", "LEGITEXT000006070208"),
        (
            "Code Des Pensions Militaires D'Invalidité Et Des VIctimes De La Guerre",
            "Code des pensions militaires d'invalidité et des victimes de guerre",
            "LEGITEXT000031712069",
        ),
    ],
)
def test_export_folders_are_codes_with_their_legifrance_identity(folder, title, code_id):
    identity = identity_for_legifrance_title(folder)
    assert (identity.title, identity.code_id) == (title, code_id)


def test_unknown_code_folder_keeps_its_name_and_is_reported(tmp_path):
    repo = write_export(
        tmp_path / "repo",
        [
            ExportCommit(
                "2001-01-01",
                "Loi N°2000-1 Du 1 Janvier 2000 - Art. 1",
                {"Code Imaginaire/Article 1.md": article_file("1", "Texte.")},
            )
        ],
    )
    (history,) = allcodes.histories(repo)
    assert (history.code.code_id, history.code.title) == ("code-imaginaire", "Code Imaginaire")
    assert count_by_kind(history.anomalies) == {AnomalyKind.UNKNOWN_CODE: 1}


def test_a_repository_of_other_files_is_not_an_export(tmp_path):
    repo = write_export(tmp_path / "repo", [ExportCommit("2001-01-01", "x", {"docs/readme.md": "# Hello\n"})])
    assert not allcodes.accepts(repo)


def test_files_outside_code_folders_are_said_not_dropped_silently(tmp_path, capsys):
    repo = write_export(
        tmp_path / "repo",
        [
            ExportCommit(
                "2001-01-01",
                "Loi N°2000-1 Du 1 Janvier 2000 - Art. 1",
                {"Code Civil/Article 1.md": article_file("1", "Texte."), "LISEZMOI.md": "# Codes\n"},
            )
        ],
    )
    (history,) = allcodes.histories(repo)
    assert history.code.code_id == CIVIL
    assert (
        "1 fichiers hors des dossiers de codes ignorés (par exemple LISEZMOI.md)" in capsys.readouterr().err
    )

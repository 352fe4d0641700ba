"""The Archéo Lex source, on four consolidations of the CPI with two chapters, written by the tests (see
`cpi_repo` in tests/corpus/conftest.py)."""

from __future__ import annotations

from datetime import date

import pytest
from gitrepos import GitRepo

from analyzers.citations import find_citations
from corpus import archeolex, gitrepo
from corpus.errors import SourceError
from corpus.model import Article, ChangeRole, Code, Status, article_key


@pytest.fixture(scope="module")
def cpi(cpi_repo: GitRepo) -> dict[str, Article]:
    ((code, articles),) = archeolex.read(cpi_repo.path)
    assert (code.code_id, code.title) == ("LEGITEXT000006069414", "Code de la propriété intellectuelle")
    return {article.number: article for article in articles}


def test_every_article_of_the_kept_chapters_is_found(cpi):
    assert sorted(cpi) == [
        "L111-1",
        "L111-2",
        "L111-3",
        "L111-4",
        "L111-5",
        "R332-1",
        "R332-2",
        "R332-3",
        "R332-4",
    ]


def test_article_rewritten_in_one_consolidation_has_two_versions(cpi):
    first, second = cpi["L111-1"].versions
    assert (first.valid_from, first.valid_to, first.status) == (
        date(1992, 7, 3),
        date(2006, 8, 3),
        Status.MODIFIED,
    )
    assert (second.valid_from, second.valid_to, second.status) == (date(2006, 8, 3), None, Status.IN_FORCE)
    assert "agent de l'Etat" not in first.text
    assert "agent de l'Etat" in second.text
    assert [a.text.title for a in second.amendments] == ["Version consolidée au 3 août 2006"]


def test_unchanged_article_keeps_one_version_across_consolidations(cpi):
    (only,) = cpi["L111-2"].versions
    assert (only.valid_from, only.valid_to, only.status) == (date(1992, 7, 3), None, Status.IN_FORCE)
    assert only.text.startswith("L'oeuvre est réputée créée")


def test_section_path_comes_from_enclosing_headings(cpi):
    assert cpi["L111-1"].versions[-1].section_path == (
        "Partie législative",
        "Première partie : La propriété littéraire et artistique",
        "Livre Ier : Le droit d'auteur",
        "Titre Ier : Objet du droit d'auteur",
        "Chapitre Ier : Nature du droit d'auteur",
    )
    assert cpi["R332-2"].versions[0].section_path == (
        "Partie réglementaire",
        "Livre III : Dispositions générales",
        "Titre III : Procédures et sanctions",
        "Chapitre II : Saisie-contrefaçon",
    )


def test_article_missing_from_a_later_consolidation_is_repealed_with_its_history(cpi):
    (only,) = cpi["R332-1"].versions
    assert (only.valid_from, only.valid_to, only.status) == (
        date(2008, 6, 30),
        date(2014, 12, 22),
        Status.REPEALED,
    )
    assert only.text
    ended = [a.text for a in only.amendments if a.role is ChangeRole.ENDED]
    assert [(t.text_id, t.title) for t in ended] == [
        (
            "consolidation-code-de-la-propriete-intellectuelle-2014-12-22",
            "Version consolidée au 22 décembre 2014",
        )
    ]


def test_one_consolidation_is_one_changeset_across_articles(cpi):
    created = {
        amendment.text.text_id
        for number in ("R332-2", "R332-3", "R332-4")
        for amendment in cpi[number].versions[-1].amendments
    }
    assert created == {"consolidation-code-de-la-propriete-intellectuelle-2014-12-22"}
    assert all(cpi[n].versions[-1].valid_from == date(2014, 12, 22) for n in ("R332-2", "R332-3", "R332-4"))


def test_split_articles_keeps_the_first_of_a_duplicated_heading_and_closes_sections():
    markdown = (
        "# Partie législative\n\n## Livre VI\n\n### Chapitre Ier\n\n#### Article L611-19\n\nNouveau texte.\n\n"
        "#### Article L611-19\n\nAncien texte.\n\n## Livre VII\n\n#### Article L711-1\n\nMarques.\n"
    )
    first, second = archeolex.split_articles(markdown)
    assert (first.number, first.body, first.section_path) == (
        "L611-19",
        "Nouveau texte.",
        ("Partie législative", "Livre VI", "Chapitre Ier"),
    )
    assert (second.number, second.section_path) == ("L711-1", ("Partie législative", "Livre VII"))


def test_reading_is_deterministic_and_a_bundle_reads_like_its_repository(cpi_bundle, cpi):
    ((_, again),) = archeolex.read(cpi_bundle)
    assert {a.number: a for a in again} == cpi


def test_only_archeolex_repositories_are_accepted(cpi_bundle, cpi_repo, html_article_repo, tmp_path):
    assert archeolex.accepts(cpi_bundle) and archeolex.accepts(cpi_repo.path)
    assert not gitrepo.accepts(cpi_bundle)
    assert not archeolex.accepts(html_article_repo.path)
    assert not archeolex.accepts(tmp_path)


def test_repository_without_article_headings_is_a_source_error_naming_it(tmp_path):
    notes = GitRepo(tmp_path / "notes")
    notes.write("notes.md", "# Notes\n\nRien de juridique.\n")
    notes.commit("notes", "2020-01-01")
    repo = notes.path
    assert not archeolex.accepts(repo)
    with pytest.raises(SourceError) as error:
        list(archeolex.read(repo))
    assert str(repo) in str(error.value) and "ce n'est pas un dépôt Archéo Lex" in str(error.value)


def test_a_citation_of_the_code_gives_the_key_of_its_archeolex_article(cpi):
    (citation,) = find_citations("l'article L. 111-1 du code de la propriété intellectuelle")
    article = cpi["L111-1"]
    assert article_key(citation.code_id, citation.articles[0]) == article_key(
        article.code.code_id, article.number
    )


def test_an_unknown_code_file_keeps_its_slug_as_id_and_every_file_derives_ids_from_its_slug():
    assert archeolex.code_of("code_des_bonnes_manières.md") == (
        Code("code-des-bonnes-manieres", "Code des bonnes manières"),
        "code-des-bonnes-manieres",
    )
    assert (
        archeolex.code_of("code_de_la_propriété_intellectuelle.md")[1]
        == "code-de-la-propriete-intellectuelle"
    )

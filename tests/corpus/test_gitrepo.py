"""The git-repository source, on histories in the codes-juridiques layout written by the tests (see
tests/corpus/conftest.py for what each holds)."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from gitrepos import GitRepo

from analyzers.citations import find_citations
from corpus import archeolex, gitrepo
from corpus.errors import SourceError
from corpus.model import Article, ChangeRole, Status, article_key
from corpus.store import Store

COMMERCE = "LEGITEXT000005634379"  # the Code de commerce's Légifrance id


@pytest.fixture(scope="module")
def commerce(commerce_repo: GitRepo) -> list[Article]:
    read = list(gitrepo.read(commerce_repo.path))
    assert len(read) == 1
    code, articles = read[0]
    assert (code.code_id, code.title) == (COMMERCE, "Code de commerce")
    return list(articles)


def _by_number(articles: list[Article], number: str) -> list[Article]:
    return [article for article in articles if article.number == number]


def test_article_changed_by_two_commits_has_two_versions_with_commit_dates_and_subjects(commerce):
    (article,) = _by_number(commerce, "L225-69-1")
    first, second = article.versions
    assert (first.valid_from, first.valid_to, first.status) == (
        date(2017, 1, 1),
        date(2020, 1, 1),
        Status.MODIFIED,
    )
    assert (second.valid_from, second.valid_to, second.status) == (date(2020, 1, 1), None, Status.IN_FORCE)
    assert [a.text.title for a in first.amendments] == ["Loi n° 2011-103 du 27 janvier 2011"]
    (made,) = second.amendments
    assert made.role is ChangeRole.CREATED
    assert (made.text.text_id, made.text.nature, made.text.signed_on) == (
        "loi-2014-873",
        "LOI",
        date(2014, 8, 4),
    )
    assert first.text != second.text
    assert second.text.startswith("La proportion des membres du conseil de surveillance de chaque sexe")


def test_section_path_comes_from_folder_readme_titles(commerce):
    (article,) = _by_number(commerce, "L225-69-1")
    assert article.versions[-1].section_path == (
        "Partie législative",
        "LIVRE II : Des sociétés commerciales et des groupements d'intérêt économique.",
        "TITRE II : Dispositions particulières aux diverses sociétés commerciales.",
        "Chapitre V : Des sociétés anonymes.",
        "Section 2 : De la direction et de l'administration des sociétés anonymes.",
        "Sous-section 2 : Du directoire et du conseil de surveillance.",
    )


def test_deleted_article_is_repealed_and_keeps_its_history(commerce):
    (article,) = _by_number(commerce, "A450-4")
    assert [(v.valid_from, v.valid_to, v.status) for v in article.versions] == [
        (date(2009, 1, 21), date(2010, 5, 7), Status.MODIFIED),
        (date(2010, 5, 7), date(2015, 3, 28), Status.REPEALED),
    ]
    last = article.versions[-1]
    assert last.text and "agents de la concurrence" in last.text
    ended = [a for a in last.amendments if a.role is ChangeRole.ENDED]
    assert [(a.text.title, a.text.text_id) for a in ended] == [
        ("Arrêté du 18 mars 2015", "arrete-2015-03-18")
    ]
    assert last.section_path[-1] == "TITRE V : Des pouvoirs d'enquête."


def test_moved_file_is_a_new_article_and_the_old_one_is_transferred(commerce):
    old, new = sorted(_by_number(commerce, "L713-12"), key=lambda a: a.versions[0].valid_from)
    assert old.article_id != new.article_id
    (before,) = old.versions
    assert (before.valid_from, before.valid_to, before.status) == (
        date(2000, 9, 21),
        date(2004, 4, 17),
        Status.TRANSFERRED,
    )
    assert [(a.text.text_id, a.role) for a in before.amendments] == [
        ("modifications-d-origine-indeterminee", ChangeRole.CREATED),
        ("ordonnance-2004-328", ChangeRole.ENDED),
    ]
    (after,) = new.versions
    assert (after.valid_from, after.valid_to, after.status) == (
        date(2004, 4, 17),
        date(2005, 8, 3),
        Status.REPEALED,
    )
    assert after.section_path[-1] == "Section 3 : Dispositions communes."
    assert before.section_path == after.section_path[:-1]


def test_versions_are_in_date_order_and_chain_their_dates(commerce):
    for article in commerce:
        for earlier, later in zip(article.versions, article.versions[1:], strict=False):
            assert earlier.valid_to == later.valid_from
            assert earlier.status is Status.MODIFIED


def test_reading_is_deterministic_and_a_bundle_reads_like_its_repository(
    commerce_repo, commerce_bundle, commerce
):
    ((_, from_bundle),) = gitrepo.read(commerce_bundle)
    ((_, again),) = gitrepo.read(commerce_repo.path)
    assert list(from_bundle) == commerce
    assert list(again) == commerce
    assert all(v.version_id.startswith("GITV") for a in commerce for v in a.versions)


def test_html_body_is_kept_as_html_and_indexed_as_plain_text(html_article_repo):
    ((code, articles),) = gitrepo.read(html_article_repo.path)
    (article,) = articles
    (version,) = article.versions
    assert (code.code_id, article.number) == (COMMERCE, "L611-7")  # known by its folder name
    assert version.html is not None and version.html.startswith("<p>Le conciliateur favorise")
    assert "href='/affichCodeArticle.do?cidTexte=LEGITEXT000006070721&amp;" in version.html
    assert "<" not in version.text and "&" not in version.text
    assert version.text.startswith("Le conciliateur favorise la conclusion d'un accord amiable")
    assert "délais de paiement selon l'article 1343-5 du code civil. Il statue après" in version.text
    assert len(version.text.split("\n\n")) == 6
    # no README in this layout: the folder names are the section path
    assert version.section_path[:2] == ("partie-legislative", "livre-vi-des-difficultes-des-entreprises")
    assert version.valid_from == date(2016, 10, 1)


def test_git_is_started_a_constant_number_of_times(commerce_bundle, monkeypatch):
    started = []
    real_popen = subprocess.Popen

    def popen(args, *rest, **kwargs):  # subprocess.run goes through Popen too
        started.append(args)
        return real_popen(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", popen)
    list(gitrepo.read(commerce_bundle))
    # clone (none when this bundle was already cloned by this process), rev-parse, log, cat-file: eight
    # commits and a dozen files need no more
    assert len(started) in (3, 4)
    assert [args for args in started if "log" in args or "cat-file" in args][1:2]


def test_store_built_twice_from_the_repository_is_identical(commerce_bundle, tmp_path):
    digests = []
    for name in ("a.sqlite", "b.sqlite"):
        with Store.open(tmp_path / name) as store:
            for code, articles in gitrepo.read(commerce_bundle):
                store.replace_code(code, articles, source=str(commerce_bundle))
            changesets = store.changesets(COMMERCE)
            digests.append(store.content_digest())
    assert digests[0] == digests[1]
    assert ("Ordonnance n° 2004-328 du 15 avril 2004", date(2004, 4, 17), 2) in [
        (text.title, day, count) for text, day, count in changesets
    ]


def test_other_sources_are_not_accepted(commerce_repo, commerce_bundle, cpi_bundle, tmp_path):
    assert gitrepo.accepts(commerce_bundle) and gitrepo.accepts(commerce_repo.path)
    assert not gitrepo.accepts(cpi_bundle)
    assert not archeolex.accepts(commerce_bundle)
    assert not gitrepo.accepts(tmp_path)


def test_a_repository_without_article_files_is_a_source_error_naming_it(tmp_path):
    notes = GitRepo(tmp_path / "notes")
    notes.write("docs/guide.md", "# Guide\n\nNothing legal here.\n")
    notes.commit("notes", "2020-01-01")
    repo = notes.path
    assert not gitrepo.accepts(repo)
    with pytest.raises(SourceError) as error:
        list(gitrepo.read(repo))
    assert str(repo) in str(error.value) and "ce n'est pas un dépôt de codes" in str(error.value)


def test_a_plain_directory_or_a_broken_bundle_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match=r"ni un dépôt git ni un fichier \.bundle"):
        list(gitrepo.read(tmp_path))
    broken = tmp_path / "broken.bundle"
    broken.write_bytes(b"# v2 git bundle\nnot really\n")
    with pytest.raises(SourceError) as error:
        list(gitrepo.read(broken))
    assert str(broken) in str(error.value)


def test_an_article_file_that_is_not_utf8_is_a_source_error_naming_the_file(tmp_path):
    latin1 = GitRepo(tmp_path / "latin1")
    latin1.write(
        "codes-en-vigueur/code-civil/livre-ier/article-1.md",
        "# Article 1\n\nLes lois sont exécutoires.\n".encode("latin-1"),
    )
    latin1.commit("Loi du 1er mars 1803", "2000-01-01")
    repo = latin1.path
    with pytest.raises(SourceError) as error:
        list(gitrepo.read(repo))
    assert "codes-en-vigueur/code-civil/livre-ier/article-1.md" in str(error.value)
    assert "pas en UTF-8" in str(error.value)


def test_a_citation_of_the_code_finds_its_git_articles_in_the_store(commerce_repo, tmp_path):
    (citation,) = find_citations("article L. 225-69-1 du code de commerce")
    key = article_key(citation.code_id, citation.articles[0])
    with Store.open(tmp_path / "store.sqlite3") as store:
        for code, articles in gitrepo.read(commerce_repo.path):
            store.replace_code(code, articles, source=str(commerce_repo.path))
        assert key in store.article_keys(COMMERCE)
        (article,) = store.articles_by_key(key)
    assert (article.code.title, article.number) == ("Code de commerce", "L225-69-1")


def test_a_code_unknown_to_legifrance_keeps_its_folder_slug_as_id(tmp_path):
    unknown = GitRepo(tmp_path / "unknown")
    unknown.write("code-des-bonnes-manieres/livre-ier/article-1.md", "# Article 1\n\nOn dit bonjour.\n")
    unknown.commit("Loi", "2020-01-01")
    repo = unknown.path
    ((code, articles),) = gitrepo.read(repo)
    assert (code.code_id, code.title) == ("code-des-bonnes-manieres", "Code des bonnes manieres")
    assert [article.number for article in articles] == ["1"]

"""Git histories of article files for the git-based sources, written once per session by tests/gitrepos.py.

The histories have the shapes of the public exports (one commit per amending text, author date = entry
into force; Archéo Lex: one commit per consolidation) with wording written for these tests: nothing is cut
from ../shared. What each history holds:

- `commerce_repo` (codes-juridiques layout, Code de commerce), eight commits:
  L225-69-1 added 2017-01-01 (LOI n°2011-103), rewritten 2020-01-01 (LOI n° 2014-873);
  A450-4 added 2009-01-21, rewritten 2010-05-07, deleted 2015-03-28 (ARRÊTÉ du 18 mars 2015);
  L713-12 added 2000-09-21, moved into a new section 3 on 2004-04-17 (Ordonnance n°2004-328: the old file
  deleted and the new one added in the same commit), deleted 2005-08-03.
- `html_article_repo` (the other export's layout: code folder at the root, `l611-7.md`, no README): one
  article of the Code de commerce whose body is HTML with links to other article files and to Légifrance.
- `cpi_repo` (Archéo Lex, Code de la propriété intellectuelle), four consolidations: L111-1 … L111-5 from
  1992, L111-1 rewritten in 2006; R332-1 … R332-4 appear in 2008, R332-1 gone and R332-2 … R332-4
  rewritten in 2014.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepos import Folder, GitRepo, archeolex_markdown, codes_article_path, write_codes_article

COMMERCE = Folder("code-de-commerce", "Code de commerce")
LEGISLATIVE = Folder("partie-legislative", "Partie législative")
SUPERVISORY_BOARD = (
    LEGISLATIVE,
    Folder("livre-ii", "LIVRE II : Des sociétés commerciales et des groupements d'intérêt économique."),
    Folder("titre-ii", "TITRE II : Dispositions particulières aux diverses sociétés commerciales."),
    Folder("chapitre-v", "Chapitre V : Des sociétés anonymes."),
    Folder("section-2", "Section 2 : De la direction et de l'administration des sociétés anonymes."),
    Folder("sous-section-2", "Sous-section 2 : Du directoire et du conseil de surveillance."),
)
INVESTIGATIONS = (
    Folder("partie-arretes", "Partie Arrêtés"),
    Folder("livre-iv", "LIVRE IV : De la liberté des prix et de la concurrence."),
    Folder("titre-v", "TITRE V : Des pouvoirs d'enquête."),
)
COMMERCIAL_COURTS = (
    LEGISLATIVE,
    Folder("livre-vii", "LIVRE VII : Des juridictions commerciales et de l'organisation du commerce."),
    Folder("titre-ier", "TITRE Ier : Des tribunaux de commerce."),
    Folder("chapitre-iii", "Chapitre III : De la désignation des juges des tribunaux de commerce."),
)
COMMON_PROVISIONS = (*COMMERCIAL_COURTS, Folder("section-3", "Section 3 : Dispositions communes."))


def _write_commerce(repo: GitRepo) -> None:
    def article(folders: tuple[Folder, ...], number: str, text: str) -> None:
        write_codes_article(repo, COMMERCE, folders, number, text)

    article(
        COMMERCIAL_COURTS, "L713-12", "Les délégués consulaires sont élus au scrutin uninominal à un tour."
    )
    repo.commit("Modifications d'origine indéterminée", "2000-09-21")
    repo.delete(codes_article_path(COMMERCE, COMMERCIAL_COURTS, "L713-12"))
    article(
        COMMON_PROVISIONS, "L713-12", "Les délégués consulaires sont élus au scrutin uninominal à un tour."
    )
    repo.commit("Ordonnance n°2004-328 du 15 avril 2004", "2004-04-17")
    repo.delete(codes_article_path(COMMERCE, COMMON_PROVISIONS, "L713-12"))
    repo.commit("Suppressions d'origine indéterminée", "2005-08-03")
    article(INVESTIGATIONS, "A450-4", "Les enquêteurs habilités portent une carte professionnelle.")
    repo.commit("Arrêté du 14 janvier 2009", "2009-01-21")
    article(
        INVESTIGATIONS,
        "A450-4",
        "Les agents de la concurrence habilités portent une carte professionnelle.\n\n"
        "Cette carte est établie par le ministre chargé de l'économie.",
    )
    repo.commit("Arrêté du 23 avril 2010", "2010-05-07")
    repo.delete(codes_article_path(COMMERCE, INVESTIGATIONS, "A450-4"))
    repo.commit("ARRÊTÉ du 18 mars 2015", "2015-03-28")
    article(
        SUPERVISORY_BOARD,
        "L225-69-1",
        "Le conseil de surveillance est composé en recherchant une représentation équilibrée des femmes "
        "et des hommes.",
    )
    repo.commit("LOI n°2011-103 du 27 janvier 2011", "2017-01-01")
    article(
        SUPERVISORY_BOARD,
        "L225-69-1",
        "La proportion des membres du conseil de surveillance de chaque sexe ne peut être inférieure à 40 %.\n\n"
        "Toute nomination faite en violation du premier alinéa est nulle.",
    )
    repo.commit("LOI n° 2014-873 du 4 août 2014", "2020-01-01")


@pytest.fixture(scope="session")
def commerce_repo(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    repo = GitRepo(tmp_path_factory.mktemp("commerce") / "repo")
    _write_commerce(repo)
    return repo


@pytest.fixture(scope="session")
def commerce_bundle(commerce_repo: GitRepo) -> Path:
    return commerce_repo.bundle(commerce_repo.path.parent / "commerce.bundle")


CONCILIATION = (
    "code-de-commerce/partie-legislative/livre-vi-des-difficultes-des-entreprises/"
    "titre-ier-de-la-prevention-des-difficultes-des-entreprises/chapitre-ier-de-la-conciliation"
)
# Six paragraphs; links as the export writes them: to another article file, and to Légifrance (Code civil).
HTML_BODY = (
    "<p>Le conciliateur favorise la conclusion d&#39;un accord amiable entre le débiteur et ses "
    "créanciers.</p>"
    f"<p>Il reçoit les renseignements mentionnés à <a href='/{CONCILIATION}/l611-6.md'>l'article L. 611-6</a>.</p>"
    "<p>Les créanciers publics peuvent accorder des remises de dettes.</p>"
    "<p>Le juge peut accorder au débiteur des délais de paiement selon "
    "<a href='/affichCodeArticle.do?cidTexte=LEGITEXT000006070721&amp;idArticle=LEGIARTI000032042003' "
    "title='Code civil - art. 1343-5'>l'article 1343-5 du code civil</a>. Il statue après avoir "
    "entendu le conciliateur.</p>"
    "<p>Le conciliateur rend compte au président du tribunal.</p>"
    "<p>En cas d'échec, il remet son rapport sans délai.</p>"
)


@pytest.fixture(scope="session")
def html_article_repo(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    repo = GitRepo(tmp_path_factory.mktemp("html-article") / "repo")
    repo.write(f"{CONCILIATION}/l611-7.md", f"# Article L611-7\n\n{HTML_BODY}\n")
    repo.commit("Modifications d'origine indéterminée", "2016-10-01")
    return repo


CPI_FILE = "code_de_la_propriété_intellectuelle.md"
CPI_AUTHOR = ("Législateur", "")
AUTHOR_RIGHTS = (
    "Partie législative",
    "Première partie : La propriété littéraire et artistique",
    "Livre Ier : Le droit d'auteur",
    "Titre Ier : Objet du droit d'auteur",
    "Chapitre Ier : Nature du droit d'auteur",
)
SEIZURE = (
    "Partie réglementaire",
    "Livre III : Dispositions générales",
    "Titre III : Procédures et sanctions",
    "Chapitre II : Saisie-contrefaçon",
)
L111 = {
    "L111-1": "L'auteur d'une oeuvre de l'esprit jouit sur cette oeuvre d'un droit de propriété incorporelle.",
    "L111-2": "L'oeuvre est réputée créée du seul fait de la réalisation de la conception de l'auteur.",
    "L111-3": "La propriété incorporelle définie par l'article L. 111-1 est indépendante de l'objet matériel.",
    "L111-4": "Les oeuvres divulguées dans un Etat qui ne protège pas les oeuvres françaises ne sont pas protégées.",
    "L111-5": "Les droits des auteurs de logiciels sont reconnus aux étrangers sous condition de réciprocité.",
}
L111_1_2006 = (
    L111["L111-1"] + "\n\nIl n'est pas dérogé à ce droit lorsque l'auteur de l'oeuvre est un agent de l'Etat."
)


def _cpi_markdown(l111_1: str, seizure: dict[str, str]) -> str:
    articles = [
        (AUTHOR_RIGHTS, number, l111_1 if number == "L111-1" else text) for number, text in L111.items()
    ]
    articles += [(SEIZURE, number, text) for number, text in seizure.items()]
    return archeolex_markdown(articles)


@pytest.fixture(scope="session")
def cpi_repo(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    repo = GitRepo(tmp_path_factory.mktemp("cpi") / "repo", branch="texte")
    seizure_2008 = {
        "R332-1": "La saisie-contrefaçon est ordonnée par le président du tribunal.",
        "R332-2": "Le délai pour agir au fond est de quinze jours.",
        "R332-3": "Le délai imparti au demandeur est de quinze jours.",
        "R332-4": "La mainlevée peut être demandée au président du tribunal.",
    }
    seizure_2014 = {
        "R332-2": "Le délai pour agir au fond est de vingt jours ouvrables ou de trente et un jours civils.",
        "R332-3": "Le délai imparti au demandeur est de vingt jours ouvrables ou de trente et un jours civils.",
        "R332-4": "La mainlevée ou le cantonnement peut être demandé au président du tribunal.",
    }
    consolidations = (
        ("1992-07-03", "+02:00", "3 juillet 1992", L111["L111-1"], {}),
        ("2006-08-03", "+02:00", "3 août 2006", L111_1_2006, {}),
        ("2008-06-30", "+02:00", "30 juin 2008", L111_1_2006, seizure_2008),
        ("2014-12-22", "+01:00", "22 décembre 2014", L111_1_2006, seizure_2014),
    )
    for day, zone, spelled, l111_1, seizure in consolidations:
        repo.write(CPI_FILE, _cpi_markdown(l111_1, seizure))
        repo.commit(f"Version consolidée au {spelled}", day, zone=zone, author=CPI_AUTHOR)
    return repo


@pytest.fixture(scope="session")
def cpi_bundle(cpi_repo: GitRepo) -> Path:
    return cpi_repo.bundle(cpi_repo.path.parent / "cpi.bundle")

"""Small captures and histories the capture tests write themselves, in the layouts of the real sources:
the all-codes git export of the Code de commerce (one commit per amending text) and a captured tree of Livre VI
(`Partie législative/LIVRE VI/…/Article L626-30.md`, heading `###### Article L626-30`). The wordings are
short paraphrases written for the tests, not copies of the code."""

from __future__ import annotations

from pathlib import Path

from gitrepos import GitRepo, all_codes_message, write_all_codes_article

CODE = "Code De Commerce"  # the all-codes export's folder name
LIVRE_VI = ("Partie Législative", "Livre VI")
CHAPITRE_VI = (*LIVRE_VI, "Titre II", "Chapitre VI")
LIVRE_II = ("Partie Législative", "Livre II")

WORDING_2008 = "Les établissements de crédit sont réunis en un comité de créanciers par l'administrateur."
WORDING_2013 = (
    "Les établissements de crédit et les principaux fournisseurs "
    "sont réunis en deux comités de créanciers par l'administrateur judiciaire."
)
WORDING_2023 = (
    "I.-Sont des parties affectées les créanciers et les membres des assemblées spéciales mentionnées aux "
    "articles L. 225-99 et L. 228-35-6.\n\n"
    "II.-La composition des classes de parties affectées est déterminée par l'administrateur."
)
PLAN_WORDING = "Le plan est arrêté par le tribunal après le vote des comités."
# Same wording as PLAN_WORDING, wrapped and typeset as another export prints it.
PLAN_WORDING_REWRAPPED = "Le plan est arrêté par le tribunal\naprès le vote des comités."
CLASSES_VOTE = "Chacune des classes de parties affectées se prononce sur le projet de plan."
GONE_WORDING = "Les comités se prononcent dans un délai de vingt jours."
REDRESSEMENT_WORDING = "Il est institué une procédure de redressement judiciaire."
CIVIL_WORDING = "Les lois sont exécutoires dans tout le territoire."
SOCIETES_WORDING = "Les assemblées spéciales réunissent les titulaires d'actions d'une catégorie."


def _write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def write_history(path: Path) -> Path:
    """An all-codes export, as a bundle: in the Code de commerce, L626-30 in 2008 and 2013, L626-31
    (unchanged since), L626-35 (missing from the capture), L225-99 (outside the captured Livre VI), the
    last commit, 2015-04-07, touching Livre II only; one article of the Code civil."""
    repo = GitRepo(path.with_suffix(".git"))
    write_all_codes_article(repo, CODE, CHAPITRE_VI, "L626-30", WORDING_2008)
    write_all_codes_article(repo, CODE, CHAPITRE_VI, "L626-31", PLAN_WORDING)
    write_all_codes_article(repo, CODE, CHAPITRE_VI, "L626-35", GONE_WORDING)
    write_all_codes_article(repo, CODE, LIVRE_II, "L225-99", SOCIETES_WORDING)
    repo.commit(
        all_codes_message("Ordonnance n° 2008-1345 du 18 décembre 2008 - art. 2", None, None), "2008-12-18"
    )
    write_all_codes_article(repo, CODE, CHAPITRE_VI, "L626-30", WORDING_2013)
    repo.commit(
        all_codes_message("Ordonnance n° 2013-544 du 27 juin 2013 - art. 18", None, None), "2013-06-27"
    )
    write_all_codes_article(
        repo, CODE, LIVRE_II, "L225-99", SOCIETES_WORDING + " Elles statuent à la majorité."
    )
    repo.commit(all_codes_message("Décret n° 2015-398 du 7 avril 2015 - art. 1", None, None), "2015-04-07")
    return repo.bundle(path.with_suffix(".bundle"))


def write_capture(root: Path) -> Path:
    """A captured Livre VI: L626-30 reworded, L626-31 unchanged (rewrapped), L626-30-2 new, L626-35
    missing, L631-1 in a titre the history lacks; a PROVENANCE.md naming the code, as the real one has."""
    section = root / "Partie législative" / "LIVRE VI" / "TITRE II" / "Chapitre VI" / "Section 3"
    files = {
        section / "Article L626-30.md": ("######", "L626-30", WORDING_2023),
        section / "Article L626-30-2.md": ("######", "L626-30-2", CLASSES_VOTE),
        section.parent / "Article L626-31.md": ("#####", "L626-31", PLAN_WORDING_REWRAPPED),
        section.parents[2] / "TITRE III" / "Chapitre Ier" / "Article L631-1.md": (
            "#####",
            "L631-1",
            REDRESSEMENT_WORDING,
        ),
    }
    for path, (hashes, number, text) in files.items():
        _write(path, f"{hashes} Article {number}\n\n{text}\n\n")
    _write(
        root / "PROVENANCE.md", "# Provenance: Code de commerce, partie législative, Livre VI\n\nTest tree.\n"
    )
    return root

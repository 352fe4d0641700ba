"""Hostile variants of the real fixtures in tests/data/reliability/, each damaged in one precise way, and
a small git history of the Code de commerce written here (`code_repository`).

Made at test time, so each test states exactly which byte, line or record is wrong (and which record the
error message must therefore name).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from gitrepos import Folder, GitRepo, codes_article_path, write_codes_article

DATA = Path(__file__).parent.parent / "data" / "reliability"
SMALL_ARTIFACT = DATA / "small-code-du-travail.jsonl.gz"
SNAPSHOT = DATA / "snapshot" / "LEGITEXT000006072050.json"


def artifact_lines(path: Path = SMALL_ARTIFACT) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def write_lines(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.writelines(line + "\n" for line in lines)
    return path


def _dump(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def truncated_gzip(target: Path) -> Path:
    """The artifact cut at 60 % of its bytes, as an interrupted download leaves it."""
    raw = SMALL_ARTIFACT.read_bytes()
    target.write_bytes(raw[: len(raw) * 6 // 10])
    return target


def malformed_line(target: Path, line_number: int = 5) -> tuple[Path, str]:
    """Line `line_number` (1-based) loses its closing brace; returns the path and that article's id."""
    records = artifact_lines()
    lines = [_dump(record) for record in records]
    lines[line_number - 1] = lines[line_number - 1][:-1]
    return write_lines(target, lines), records[line_number - 1]["article_id"]


def duplicate_version_id(target: Path) -> tuple[Path, str, str]:
    """A later article reuses the version id of an earlier one; returns (path, version id, article id)."""
    records = artifact_lines()
    first, later = records[2], records[9]
    duplicated = first["versions"][0]["version_id"]
    later["versions"][0]["version_id"] = duplicated
    return write_lines(target, [_dump(record) for record in records]), duplicated, later["article_id"]


def dates_out_of_order(target: Path) -> tuple[Path, str]:
    """An article whose versions are listed newest first, against the format's "oldest first".

    (A version ending before it starts is NOT damage: Légifrance's stillborn versions do exactly that.)
    """
    records = artifact_lines()
    index = next(
        i
        for i, record in enumerate(records[1:], start=1)
        if len({v["valid_from"] for v in record["versions"] if v["valid_from"]}) >= 2
    )
    record = records[index]
    record["versions"].reverse()
    return write_lines(target, [_dump(r) for r in records]), record["article_id"]


def snapshot_with(target_dir: Path, damage: str) -> tuple[Path, str]:
    """A copy of the real Légifrance snapshot with one damage; returns its path and the record to name.

    damage: "truncated" (file cut mid-JSON), "duplicate_version" (two articles listing the same version
    id).
    """
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / SNAPSHOT.name
    raw = SNAPSHOT.read_text(encoding="utf-8")
    if damage == "truncated":
        target.write_text(raw[: len(raw) // 2], encoding="utf-8")
        return target, SNAPSHOT.name
    document = json.loads(raw)
    articles = list(_articles(document))
    if damage == "duplicate_version":
        articles[2]["data"]["articleVersions"][0]["id"] = articles[0]["data"]["articleVersions"][0]["id"]
        record = articles[2]["data"]["cid"]
    else:
        raise ValueError(damage)
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target, record


def _articles(node: dict):
    if node.get("type") == "article":
        yield node
    for child in node.get("children") or ():
        yield from _articles(child)


CODE = Folder("code-de-commerce", "Code de commerce")
CHAPTER = (
    Folder("partie-legislative", "Partie législative"),
    Folder("livre-vi", "LIVRE VI : Des difficultés des entreprises."),
    Folder("titre-iii", "TITRE III : Du redressement judiciaire."),
    Folder("chapitre-ier", "Chapitre Ier : De l'ouverture et du déroulement du redressement judiciaire."),
)
OTHER_CHAPTER = (*CHAPTER[:-1], Folder("chapitre-ii", "Chapitre II : De la nullité de certains actes."))
L631_1_2006 = (
    "Une procédure de redressement judiciaire est ouverte au débiteur en cessation des paiements, qui ne "
    "peut plus payer ses dettes échues avec ce dont il dispose.\n\nElle vise à sauver l'entreprise, ses "
    "emplois, et à régler ses créanciers."
)
L631_1_2009 = L631_1_2006.replace(
    "dispose.\n\n",
    "dispose. Le débiteur à qui ses créanciers accordent des délais suffisants n'est pas en cessation "
    "des paiements.\n\n",
)
L631_2 = (
    "Le redressement judiciaire s'applique aux commerçants, aux artisans, aux agriculteurs et aux "
    "personnes morales de droit privé."
)


def code_repository(
    repo: Path, *, rename_on: str | None = None, second_commit_on: str = "2009-02-15"
) -> Path:
    """A git repository of the Code de commerce in the codes-juridiques layout, written here (wording
    of our own): L631-1 in a 2006 wording and a longer 2009 one, and L631-2.

    `second_commit_on` dates the commit that gives L631-1 its 2009 wording (set it before 2006 for a
    history whose dates go backwards); `rename_on` adds a commit that moves L631-2 to another chapter.
    """
    git = GitRepo(repo, branch="main")
    write_codes_article(git, CODE, CHAPTER, "L631-1", L631_1_2006)
    write_codes_article(git, CODE, CHAPTER, "L631-2", L631_2)
    git.commit("Modifications d'origine indéterminée", "2006-01-01")
    write_codes_article(git, CODE, CHAPTER, "L631-1", L631_1_2009)
    git.commit("Ordonnance n°2008-1345 du 18 décembre 2008", second_commit_on)
    if rename_on:
        moved = codes_article_path(CODE, CHAPTER, "L631-2")
        write_codes_article(git, CODE, OTHER_CHAPTER, "L631-2", L631_2)
        git.delete(moved)
        git.commit("LOI n° 2010-1249 du 22 octobre 2010", rename_on)
    return repo

"""A small corpus written here, article by article, for behaviour tests of the search pipeline.

Every wording is ours (modelled on the Code du travail's style, not copied from any judged query), so a
test states the behaviour it checks on text it can read in this file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

from corpus.model import Article, Code, Status, Version
from corpus.store import Store
from indexer.build import build_index
from search.service import SearchRequest, SearchService

CODE = Code("LEGITEXT000000000042", "Code d'essai du travail")


@contextmanager
def served(home: Path, codes: Iterable[tuple[Code, list[Article]]]) -> Iterator[SearchService]:
    """A service over `home` holding each code's articles, indexed (Whoosh, one process)."""
    with Store.open(home / "corpus.sqlite3") as store:
        for code, articles in codes:
            store.replace_code(code, articles)
        build_index(store, home / "index", processes=1, progress=False)
    service = SearchService.open(home, build_if_missing=False, progress=False)
    try:
        yield service
    finally:
        service.close()


@contextmanager
def served_texts(
    home: Path, code: Code, id_prefix: str, texts: Iterable[tuple[str, str]]
) -> Iterator[SearchService]:
    """A service over one code of single-version articles, each a (number, text) pair, its id
    `id_prefix` + number: the ranking tests that compare a few wordings."""
    articles = [single_version(code, f"{id_prefix}{number}", number, text) for number, text in texts]
    with served(home, [(code, articles)]) as service:
        yield service


def scored_hits(service: SearchService, query: str, **settings: object) -> list[tuple[str, float]]:
    """Each hit's version and score for `query` with these ranking settings changed."""
    config = replace(service.ranking, **settings)
    results = service.search(SearchRequest(query=query, highlight=False), ranking_config=config)
    return [(hit.version_id, hit.score) for hit in results.hits]


def single_version(
    code: Code,
    article_id: str,
    number: str,
    text: str,
    until: date | None = None,
    section_path: tuple[str, ...] = ("Partie",),
) -> Article:
    """An article of `code` with one version, from 2010-01-01 to `until` (in force when None, else
    repealed), filed under `section_path`: what the ranking tests that write their own codes build
    their articles from."""
    status = Status.IN_FORCE if until is None else Status.REPEALED
    version = Version(
        f"{article_id}V0", article_id, number, text, date(2010, 1, 1), until, status, section_path
    )
    return Article(article_id, code, number, (version,))


def _versions(article_id: str, number: str, wordings: list[tuple[str, date, date | None]]) -> Article:
    versions = []
    for ordinal, (text, start, end) in enumerate(wordings):
        status = Status.IN_FORCE if end is None else Status.MODIFIED
        versions.append(
            Version(
                f"{article_id}V{ordinal}", article_id, number, text, start, end, status, ("Partie d'essai",)
            )
        )
    return Article(article_id, CODE, number, tuple(versions))


ARTICLES = (
    # Two wordings of one rule: the past one says the query's words in a row, today's inserts a word.
    _versions(
        "ESSAIART000001",
        "L10-1",
        [
            (
                "Les remarques ou gestes à tonalité blessante répétés sont interdits.",
                date(2005, 1, 1),
                date(2019, 1, 1),
            ),
            (
                "Les remarques ou gestes à tonalité blessante ou humiliante répétés sont interdits.",
                date(2019, 1, 1),
                None,
            ),
        ],
    ),
    _versions(
        "ESSAIART000002",
        "L10-2",
        [("Les gestes répétés de l'employeur sont consignés au registre.", date(2005, 1, 1), None)],
    ),
    # An agency's name spelled out until 2021 (the synonym table expands its abbreviation, DREETS), then
    # replaced; another article says the abbreviation itself.
    _versions(
        "ESSAIART000003",
        "R20-1",
        [
            (
                "Le dossier est adressé à la direction régionale de l'économie, de l'emploi, du travail et des "
                "solidarités.",
                date(2010, 1, 1),
                date(2021, 4, 1),
            ),
            ("Le dossier est adressé à l'autorité administrative compétente.", date(2021, 4, 1), None),
        ],
    ),
    _versions(
        "ESSAIART000004",
        "R20-2",
        [("La DREETS instruit la demande dans un délai de deux mois.", date(2012, 1, 1), None)],
    ),
    # A wording, and its synonym in the table ("indemnité de fin de contrat" / "indemnité de précarité").
    _versions(
        "ESSAIART000005",
        "L30-1",
        [
            (
                "L'indemnité de fin de contrat est versée au salarié à l'issue de sa mission.",
                date(2008, 5, 1),
                None,
            )
        ],
    ),
    _versions(
        "ESSAIART000006",
        "L30-2",
        [("L'indemnité de précarité n'est pas due en cas de faute grave.", date(2008, 5, 1), None)],
    ),
    _versions(
        "ESSAIART000007",
        "L30-3",
        [("Le contrat est remis au salarié par lettre recommandée.", date(2008, 5, 1), None)],
    ),
)


def write_corpus(home: Path) -> Path:
    """The store and index of ARTICLES under `home` (a LEXSEARCH_HOME); returns `home`."""
    with Store.open(home / "corpus.sqlite3") as store:
        store.replace_code(CODE, ARTICLES)
        build_index(store, home / "index", processes=1, progress=False)
    return home

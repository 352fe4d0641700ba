"""The corrector that skips the terms too long or too short for the distance (search.spelling) gives
Whoosh's own corrector's suggestions, in its order, on an index of two segments written here."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh import index
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import TEXT, Schema

from search.spelling import LengthBoundCorrector

WORDS = [
    "retrait", "retraite", "retraites", "retrait", "requalification", "requalifie", "requalifiee",
    "reclassement", "recours", "refus", "regles", "remuneration", "repos", "reprise", "rupture",
    "demission", "decision", "demissionne", "delai", "delais", "delegue", "delegues", "derogation",
    "conge", "conges", "contrat", "contrats", "convention", "conventionnelle", "cone",
]  # fmt: skip


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory):
    directory = Path(tmp_path_factory.mktemp("corrector"))
    written = index.create_in(str(directory), Schema(surface=TEXT(analyzer=SpaceSeparatedTokenizer())))
    chooser = random.Random(3)
    for _ in range(2):  # two segments: a MultiReader, as in a served index
        writer = written.writer()
        for _ in range(200):
            writer.add_document(surface=" ".join(chooser.choices(WORDS, k=chooser.randint(1, 6))))
        writer.commit(merge=False)
    with written.searcher() as searcher:
        yield searcher


TYPED = [
    "retriat",
    "requalifie",
    "requalifier",
    "demision",
    "decission",
    "conge",
    "cnoges",
    "reclasement",
    "rt",
]


@pytest.mark.parametrize("typed", TYPED)
@pytest.mark.parametrize("maxdist", [1, 2])
def test_the_suggestions_are_whooshs(reader, typed: str, maxdist: int) -> None:
    theirs = reader.corrector("surface").suggest(typed, limit=8, maxdist=maxdist, prefix=2)
    ours = LengthBoundCorrector(reader.reader(), "surface", reader.schema["surface"])
    assert ours.suggest(typed, limit=8, maxdist=maxdist, prefix=2) == theirs


def test_a_slip_finds_its_word_and_a_longer_one_within_two_edits(reader) -> None:
    ours = LengthBoundCorrector(reader.reader(), "surface", reader.schema["surface"])
    assert ours.suggest("retriat", limit=8, maxdist=1, prefix=2) == ["retrait"]
    assert ours.suggest("retriat", limit=8, maxdist=2, prefix=2) == ["retrait", "retraite"]

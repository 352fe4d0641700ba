"""The headings' lemmas analysed once (search.headings) for the stages that read them, and the warm-up
that analyses every heading of a served index before its first search."""

from __future__ import annotations

import pytest
from written_corpus import served_texts

from analyzers.french import analyze
from corpus.model import Code
from search import headings
from search.contrast import _heading_lemmas
from search.particular_rules import naming_words
from search.word_pairs import HEADING_GAP, heading_positions

PATH = (
    "Partie législative",
    "Septième partie : Dispositions particulières à certaines professions et activités",
    "Livre II : Concierges et employés d'immeubles à usage d'habitation",
    "Chapitre III : Congés payés",
)


def _refuse_analysis(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a heading was analysed again")

    monkeypatch.setattr(headings, "analyze", refuse)


def test_a_headings_lemmas_are_its_analysis() -> None:
    heading = "Chapitre III : Congés payés des salariés"
    expected = tuple(analyze(heading, lemmas=True))
    assert headings.heading_lemmas(heading) == expected
    assert expected[-1].text == "salarie"  # lemmas, accents folded


def test_a_titles_lemmas_leave_its_label_out() -> None:
    assert headings.title_lemmas("Livre III : Voyageurs, représentants et placiers") == {
        "voyageur",
        "representant",
        "placier",
    }
    assert "livre" in {token.text for token in headings.heading_lemmas("Livre III : Voyageurs")}
    assert headings.title_lemmas("Dispositions générales") == {"disposition", "general"}


def test_the_stages_read_the_analysed_headings(monkeypatch) -> None:
    """Once a path's headings are analysed, the three stages derive what they need without analysing any
    of them again (the path-level caches are cleared so that they are computed anew)."""
    headings.warm([PATH])
    for cached in (heading_positions, _heading_lemmas, naming_words):
        cached.cache_clear()
    _refuse_analysis(monkeypatch)
    positions = heading_positions(PATH)
    assert positions["concierge"][0] // HEADING_GAP == 2  # the third heading
    assert "conge" in _heading_lemmas(PATH)[0]  # deepest first
    assert {"concierge", "immeuble"} <= naming_words(PATH)


def test_warm_counts_distinct_headings() -> None:
    other = (*PATH[:2], "Livre III : Employés de maison")
    assert headings.warm([PATH, other, PATH]) == len(PATH) + 1


CODE = Code("LEGITEXT000000000079", "Code d'essai des phares")


@pytest.fixture(scope="module")
def lighthouses(tmp_path_factory: pytest.TempPathFactory):
    articles = (("L1", "Le gardien du phare allume la lanterne."), ("L2", "La lanterne est nettoyée."))
    with served_texts(tmp_path_factory.mktemp("headings"), CODE, "ESSAIPHARE", articles) as service:
        yield service


def test_a_service_warms_every_heading_of_its_index(lighthouses, monkeypatch) -> None:
    paths = {row.section_path for row in lighthouses._current_view().rows}
    distinct = {heading for path in paths for heading in path}
    assert distinct  # the written corpus files its articles under headings
    headings.heading_lemmas.cache_clear()
    assert lighthouses.warm_headings() == len(distinct)
    _refuse_analysis(monkeypatch)
    for heading in distinct:
        headings.heading_lemmas(heading)  # all analysed: none asks the analyzer again

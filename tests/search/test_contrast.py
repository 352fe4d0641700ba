"""The opposite kind of a rule: the deepest heading naming either kind decides."""

from __future__ import annotations

from search.contrast import filed_opposite

COLLECTIVE = frozenset({"collectif"})
PART = "Première partie : Les relations individuelles de travail"


def test_an_article_filed_under_the_opposite_kind_is_marked() -> None:
    path = (PART, "Section 4 : Départs volontaires dans le cadre d'un accord collectif")
    assert filed_opposite(path, "individuel", COLLECTIVE)


def test_the_deepest_heading_decides_over_a_broad_part_title() -> None:
    path = ("Livre I : Les accords collectifs", "Chapitre II : Entretien individuel préalable")
    assert not filed_opposite(path, "individuel", COLLECTIVE)
    assert not filed_opposite((PART, "Section 3 : Départ négocié"), "individuel", COLLECTIVE)


def test_a_path_naming_neither_kind_is_left_alone() -> None:
    assert not filed_opposite(
        ("Livre II : Le contrat", "Section 1 : Période d'essai"), "individuel", COLLECTIVE
    )


def test_the_contrast_table_never_loads_the_french_model(monkeypatch) -> None:
    """Read at query time: a one-shot search must not pay the model's load for it. A form the lemmatizer
    does not know stands for itself; a known one brings its lemma."""
    from analyzers.contrasts import contrasting_lemmas
    from analyzers.lemmas import LEMMATIZER

    def refuse() -> None:
        raise AssertionError("the French model was loaded")

    monkeypatch.setattr(LEMMATIZER, "load", refuse)
    monkeypatch.setattr(LEMMATIZER, "cache", {"collectives": "collectif"})
    table = contrasting_lemmas()
    assert {"collectif", "collectives"} <= table["individuelle"]
    assert "individuelle" in table["collectif"]


def test_a_part_heading_never_says_the_kind() -> None:
    """A part files whole books of both kinds: an individual rule in the "collective" part is not
    marked down for it, while a deeper heading naming the other kind still is."""
    collective_part = "Deuxième partie : Les relations collectives de travail"
    path = (
        "Partie réglementaire",
        collective_part,
        "Livre IV : Les salariés protégés",
        "Section 3 : Rupture",
    )
    assert not filed_opposite(path, "individuel", COLLECTIVE)
    deeper = (*path, "Sous-section 1 : Accord collectif")
    assert filed_opposite(deeper, "individuel", COLLECTIVE)

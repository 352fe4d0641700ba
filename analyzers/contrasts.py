"""Qualifiers of labour law that come in opposed pairs, as the code words them: data for
`search.contrast`.

A rule exists in two kinds that share their name but for one word: rupture conventionnelle individuelle
or collective, contrat à durée déterminée or indéterminée, temps partiel or complet. A query that names
one kind shares every other word with the headings of the other kind, whose articles then outrank the
ones asked for (the collective kind's headings repeat "rupture conventionnelle collective"). Each pair
lists the code's wordings of each side; `contrasting_lemmas` gives, per lemma of one side, the lemmas of
the other side.
"""

from __future__ import annotations

from functools import cache

from analyzers.french import analyze
from analyzers.lemmas import LEMMATIZER

# (one kind's wordings, the opposite kind's wordings), both as the code writes them.
CONTRASTS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("individuel", "individuelle", "individuels", "individuelles"),
        ("collectif", "collective", "collectifs", "collectives"),
    ),
    (("déterminée", "déterminé"), ("indéterminée", "indéterminé")),
    (("partiel", "partielle", "partiels", "partielles"), ("complet", "complète", "plein")),
    (("public", "publique", "publics", "publiques"), ("privé", "privée", "privés", "privées")),
    (("titulaire", "titulaires"), ("suppléant", "suppléante", "suppléants")),
)


@cache
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(token.text for word in words for token in analyze(word, lemmas=False))


def _lemmas(words: tuple[str, ...]) -> frozenset[str]:
    """The folded forms and the lemmas known for them. Known only: this table is read at query time, and
    lemmatizing a form that the index's lemma table lacks ("suppléante") would load the French model, 3.5
    s of a one-shot search; a form's own spelling stands in for its lemma then."""
    forms = _folded(words)
    return forms | frozenset(lemma for form in forms if (lemma := LEMMATIZER.known_lemma(form)) is not None)


def contrasting_lemmas() -> dict[str, frozenset[str]]:
    """Lemma of one kind → the lemmas of the opposite kind (both ways), from the lemmas known now (the
    index's table is learned when it opens, so not cached across that)."""
    table: dict[str, frozenset[str]] = {}
    for one, other in CONTRASTS:
        mine, theirs = _lemmas(one), _lemmas(other)
        for lemma in mine:
            table[lemma] = table.get(lemma, frozenset()) | theirs
        for lemma in theirs:
            table[lemma] = table.get(lemma, frozenset()) | mine
    return table

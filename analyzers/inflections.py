"""The lemmas of a word's other inflections, where the lemmatizer split a word's forms.

A lemma is a function of the folded form alone (`analyzers.lemmas`), and without context spaCy's tables
sometimes read one form of a noun or adjective otherwise than its siblings: "pauses" as the verb
"pauser" while "pause" is "paus", "générale" as its own lemma while "générales" and "généraux" are
"général". Index and query agree on each form, so nothing breaks, but a query's "pauses" then misses
every article that says "pause". The remedy at query time: the forms one plural or gender ending away
from the typed form, read through the same lemma table, offered as expansions of the typed word. Only
nominal readings are offered (a sibling read as a verb, "comptes" → compter, is the table's other
sense, not the word), and a form in -s that is its own lemma is no plural ("cours", "fois", "fonds").
Known lemmas only: this never loads spaCy.
"""

from __future__ import annotations

from analyzers.lemmas import LEMMATIZER

MIN_FORM = 4  # "cas", "foi": too short to tell an inflection from another word
VERB_LIKE = ("er", "ir", "re")
# Feminine and masculine endings of adjectives ("générale" / "général", "collective" / "collectif").
GENDER_ENDINGS = (("ale", "al"), ("elle", "el"), ("ive", "if"), ("euse", "eux"), ("ienne", "ien"))


def inflections(form: str, lemma: str) -> set[str]:
    """The folded forms one plural or gender ending away from `form`, whose lemma is `lemma`
    ("pause" → "pauses"; "générale" → "général", "générales", "généraux")."""
    found = {form + "s"}
    plural = form.endswith("s") and lemma != form
    if plural:
        found.add(form[:-1])
    bare = form[:-1] if plural else form
    for feminine, masculine in GENDER_ENDINGS:
        if bare.endswith(feminine):
            stem = bare[: -len(feminine)]
        elif bare.endswith(masculine):
            stem = bare[: -len(masculine)]
        else:
            continue
        found |= {stem + feminine, stem + feminine + "s", stem + masculine, stem + masculine + "s"}
        if masculine == "al":
            found.add(stem + "aux")
    if bare.endswith("aux"):
        found |= {bare[:-3] + "al", bare[:-3] + "ale", bare[:-3] + "ales"}
    found.discard(form)
    return found


def other_inflection_lemmas(form: str) -> tuple[str, ...]:
    """The lemmas of `form`'s other inflections that differ from its own, nominal readings only; ()
    for a form the lemma table does not know."""
    lemma = LEMMATIZER.known_lemma(form)
    if lemma is None or len(form) < MIN_FORM or not form.isalpha():
        return ()
    found: dict[str, None] = {}
    for other in sorted(inflections(form, lemma)):
        sibling = LEMMATIZER.known_lemma(other)
        if not sibling or sibling == lemma or not sibling.isalpha() or sibling.endswith(VERB_LIKE):
            continue
        if sibling == other and other.endswith("s"):
            continue  # "fonds" is its own lemma, not the plural of "fond"
        found[sibling] = None
    return tuple(found)

"""The nouns of the index that a query's verb names: questions ask with verbs, the code words with nouns.

People ask "puis-je me rétracter", "comment contester", "l'administration doit-elle homologuer"; the code
says "droit de rétractation", "contestation", "homologation". Lemmas keep a verb and its noun apart (they
are different words), so a question's verbs match nothing of the rule that answers it. A verb's nouns
are the index's lemmas that share its Snowball stem (the French stemmer Whoosh ships), or whose stem
extends the verb's by a few letters or is extended by it ("homologu-er" / "homolog-ation",
"démission-ner" / "démiss-ion", "modifi-er" / "modif-ication"); adjectives and participles ("-ant",
"-able", a spelling ending in "é") are not nouns of the action and are left out. The table comes from the
lemmas the open index knows (`analyzers.lemmas.LEMMATIZER`), so it follows the corpus searched; it is
offered beside the verb as an expansion, never instead of it (`search.matching.with_derivations`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import cache

from analyzers.accented_forms import accented_forms
from analyzers.lemmas import LEMMATIZER, fold

VERB_ENDINGS = ("er", "ir", "re")
NOT_NOUN_ENDINGS = ("ant", "able", "ible", "if", "ive", "ee", "er", "ir", "re", "ment")
NOUN_ENDINGS = ("ement",)  # "versement", "licenciement": a noun, though "-ment" is mostly an adverb
ADVERB_ENDINGS = ("vement", "lement", "quement", "rement")
STEM_SLACK = 3  # letters one stem may add to the other ("homolog" / "homologu", "démiss" / "démission")
MIN_STEM = 5  # a verb of a shorter stem ("pai", "part", "sign") has no noun: too many words share it
# A noun whose stem is a little shorter or longer than the verb's must name the action by its suffix
# ("homologation", "démission", "modification"; "imposition"): "licence" is not "licencier"'s action.
SHORTER_STEM_SUFFIXES = ("ion",)
LONGER_STEM_SUFFIXES = ("ion", "ement", "age", "ure")


@cache
def _stemmer():
    from whoosh.lang import stemmer_for_language

    return stemmer_for_language("fr")


@cache
def _spellings() -> dict[str, str]:
    """Folded word → the corpus's accented spelling (the stemmer's suffix rules need the accents)."""
    return {fold(word): word for word in accented_forms()}


def _stem(lemma: str) -> str:
    """The Snowball stem of the lemma's accented spelling, folded (the verb may be unaccented: the
    corpus may never write it)."""
    return fold(_stemmer()(_spellings().get(lemma, lemma)))


def is_noun_like(lemma: str) -> bool:
    """A lemma that can name an action: not a verb, participle, adjective in -able or adverb."""
    if lemma.endswith(NOUN_ENDINGS) and not lemma.endswith(ADVERB_ENDINGS):
        return True
    return not lemma.endswith(NOT_NOUN_ENDINGS) and not _spellings().get(lemma, lemma).endswith("é")


class _Table:
    """Stems of the known lemmas, rebuilt when the lemmatizer has learned another index's table."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._size = -1
        self._by_stem: dict[str, tuple[str, ...]] = {}
        self._extending: dict[str, tuple[str, ...]] = {}

    def tables(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        """(stem → its nouns, stem → the stems that extend it by 1 to STEM_SLACK letters)."""
        known = LEMMATIZER.known()
        with self._lock:
            if len(known) != self._size:
                self._by_stem = _group(set(known.values()))
                extending: dict[str, list[str]] = {}
                for stem in self._by_stem:
                    for cut in range(1, STEM_SLACK + 1):
                        if len(stem) - cut >= MIN_STEM - 1:
                            extending.setdefault(stem[:-cut], []).append(stem)
                self._extending = {stem: tuple(longer) for stem, longer in extending.items()}
                self._size = len(known)
            return self._by_stem, self._extending


def _group(lemmas: Iterable[str]) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for lemma in sorted(lemmas):
        if lemma.isalpha() and is_noun_like(lemma):
            groups.setdefault(_stem(lemma), []).append(lemma)
    return {stem: tuple(nouns) for stem, nouns in groups.items()}


_TABLE = _Table()


def nouns_of_verb(lemma: str) -> tuple[str, ...]:
    """The index's nouns of the action a verb lemma names ("retracter" → "retractation"); () for a word
    that is not a verb's infinitive."""
    if not (lemma.endswith(VERB_ENDINGS) and lemma.isalpha() and len(lemma) > 4):
        return ()
    stem = _stem(lemma)
    if len(stem) < MIN_STEM:
        return ()
    by_stem, extending = _TABLE.tables()
    found = set(by_stem.get(stem, ()))
    for cut in range(1, STEM_SLACK + 1):
        found.update(n for n in by_stem.get(stem[:-cut], ()) if n.endswith(SHORTER_STEM_SUFFIXES))
    for longer in extending.get(stem, ()):
        if len(longer) - len(stem) < STEM_SLACK:
            found.update(n for n in by_stem[longer] if n.endswith(LONGER_STEM_SUFFIXES))
    found.discard(lemma)
    return tuple(sorted(found))

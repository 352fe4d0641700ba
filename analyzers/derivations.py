"""The nouns of the index that a query's verb names: questions ask with verbs, the code words with nouns.

People ask "puis-je me rétracter", "comment contester", "l'administration doit-elle homologuer"; the code
says "droit de rétractation", "contestation", "homologation". Lemmas keep a verb and its noun apart (they
are different words), so a question's verbs match nothing of the rule that answers it. A verb's nouns
are the index's lemmas spelled as its root followed by a suffix that names an action ("contest-ation",
"modifi-cation", "licenci-ement", "démission", "calcul", "demand-e"). Only the root exactly, never a
word that merely shares its first letters: "remplacement" is not "remplir"'s noun, nor "réparation"
"répartir"'s. Agents ("-ateur"), adjectives ("-able") and participles (a lemma with a feminine "-ée")
are not the action and stay out. No lexicon of French derivations is packaged; the rule reads the
lemmas the open index knows (`analyzers.lemmas.LEMMATIZER`), so it follows the corpus searched; a noun
is offered beside the verb as an expansion, never instead of it (`search.matching.with_derivations`).
"""

from __future__ import annotations

import threading

from analyzers.accented_forms import corpus_spellings
from analyzers.lemmas import LEMMATIZER

# The "-re" and "-oir" verbs derive irregularly ("rompre" / "rupture", "prévoir" / "prévision"), and
# a noun often ends so ("lettre", "pourvoir" / "pourvoi"): only "-er" and "-ir" verbs are read.
VERB_ENDINGS = ("er", "ir")
NOT_VERB_ENDINGS = ("oir",)
NOT_NOUN_ENDINGS = ("ant", "able", "ible", "if", "ive", "ee", "er", "ir", "re", "ment")
NOUN_ENDINGS = ("ement",)  # "versement", "licenciement": a noun, though "-ment" is mostly an adverb
ADVERB_ENDINGS = ("vement", "lement", "quement", "rement")
MIN_ROOT = 4  # a verb of a shorter root ("pay-er", "sign-er") has no noun: too many words start so
# A root of MIN_ROOT letters takes only a long suffix: "vers-ement", not "vers-ion"; "port-ion".
SHORT_ROOT = 5
LONG_SUFFIX = 4
# What French adds to a verb's root to name its action: "contest-ation", "modifi-cation", "licenci-ement",
# "réparti-tion", "saisi-ne", "fourni-ture", "établi-ssement", "demand-e", "calcul" (nothing).
ACTION_SUFFIXES = (
    "",
    "e",
    "ation",
    "iation",
    "cation",
    "ition",
    "tion",
    "sion",
    "ion",
    "ement",
    "ment",
    "ssement",
    "age",
    "ssage",
    "ure",
    "ture",
    "ance",
    "ence",
    "ne",
)


def is_noun_like(lemma: str) -> bool:
    """A lemma that can name an action: not a verb, participle, adjective in -able or adverb."""
    if lemma.endswith(NOUN_ENDINGS) and not lemma.endswith(ADVERB_ENDINGS):
        return True
    return not lemma.endswith(NOT_NOUN_ENDINGS) and not corpus_spellings().get(lemma, lemma).endswith("é")


def roots(verb: str) -> tuple[str, ...]:
    """The spellings of a verb's root that its nouns begin with: the infinitive's ending cut
    ("contest-er"), a doubled consonant made single ("démissionn-er" / "démission"), "gu" and "qu"
    made hard ("homolog-ation", "applic-ation"), the "y" of a "-yer" verb made "i" ("essai",
    "octroi", "déploi-ement"), and the "i" of an "-ir" verb kept ("saisi-ne", "établi-ssement"; but
    "obten-ir" / "obten-tion")."""
    root = verb[:-2]
    if verb.endswith("ir") and not verb.endswith("enir"):
        return (root + "i",)
    found = [root]
    if len(root) > 2 and root[-1] == root[-2] and root[-1] in "lnt":
        found.append(root[:-1])
    if root.endswith(("gu", "qu")):
        found.append(root[:-2] + ("g" if root.endswith("gu") else "c"))
    if root.endswith("y"):
        found.append(root[:-1] + "i")
    return tuple(found)


class _Nouns:
    """The index's lemmas that can name an action, rebuilt when the lemmatizer has learned another
    index's table."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._size = -1
        self._nouns: frozenset[str] = frozenset()

    def nouns(self) -> frozenset[str]:
        if LEMMATIZER.stats().size == self._size:
            return self._nouns
        known = LEMMATIZER.known()
        with self._lock:
            if len(known) != self._size:
                # A participle's lemma has its feminine among its forms ("decide" / "decidee").
                participles = {lemma for form, lemma in known.items() if form == lemma + "e"}
                self._nouns = frozenset(
                    lemma
                    for lemma in set(known.values())
                    if lemma.isalpha() and lemma not in participles and is_noun_like(lemma)
                )
                self._size = len(known)
            return self._nouns


_NOUNS = _Nouns()


def nouns_of_verb(lemma: str) -> tuple[str, ...]:
    """The index's nouns of the action a verb lemma names ("retracter" → "retractation"); () for a word
    that is not a verb's infinitive."""
    if not (lemma.isalpha() and lemma.endswith(VERB_ENDINGS)) or lemma.endswith(NOT_VERB_ENDINGS):
        return ()
    bare = len(lemma) - 2  # the root's length, the infinitive's ending cut
    if bare < MIN_ROOT:
        return ()
    suffixes = [s for s in ACTION_SUFFIXES if bare >= SHORT_ROOT or len(s) >= LONG_SUFFIX]
    candidates = {root + suffix for root in roots(lemma) for suffix in suffixes}
    found = candidates & _NOUNS.nouns()
    found.discard(lemma)
    return tuple(sorted(found))

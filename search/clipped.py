"""Clipped words: the short forms people type for a longer word of the code ("congé mat", "licenciement
éco", "formation pro", "arrêt mal", "visite méd").

Such a form is often a French word of its own (a "mat", a "pat", "mal"), so the spelling guard keeps
it, and the index has never seen it: it matches nothing and the query loses its subject. Completing it
to the most used word it begins would be wrong ("mat" begins "matière" five times as often as
"maternité"), so the completion is the one the query's other words support: the word that the most
versions hold together with them (`congé` + `maternité` in 66 versions, `congé` + `matière` in 11).
Without another word to support one (a clipped word alone), or without enough support, the word is
kept as typed and reported as matching nothing. Only a short query is read so: people clip words in a
search box, while a sentence's words the code lacks are whole words ("mon mari et moi…": not
"maritime"), and its many other words support whichever completion is the most used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from analyzers.french import analyze_lemmas
from analyzers.lexicon import is_conjugated_verb
from analyzers.stop_words import STOP_WORDS
from search.question import FRAMING_WORDS

SHORTEST, LONGEST = 3, 5  # letters of a clipped form: "mat", "pro", "cong", "indem"
CANDIDATES = 16  # the most used words a clipped form begins, weighed by their support
MIN_SUPPORT = 2  # versions holding the completion with the query's other words, at least
MAX_CONTEXT = 3  # known words of a query beside its clipped ones, at most


def may_be_clipped(form: str, lemma_frequency: Callable[[str], int]) -> bool:
    """Whether `form` (a folded word the surface stream has never seen, kept as French) may be clipped:
    short, a content word (not a stop word, a question's frame or a conjugated verb, which people
    type whole), and matching nothing on the lemma stream either (a plural or a verb form of a word
    the code has is found through its lemma, and is not clipped)."""
    if not (SHORTEST <= len(form) <= LONGEST and form.isalpha()):
        return False
    if form in STOP_WORDS or form in FRAMING_WORDS or is_conjugated_verb(form):
        return False
    return all(lemma_frequency(lemma) == 0 for lemma in analyze_lemmas(form))


def completions_in_context(
    clipped: Sequence[str],
    context: Sequence[str],
    complete: Callable[[str], Sequence[str]],
    frequency: Callable[[str], int],
    together: Callable[[str, str], int],
) -> dict[str, str]:
    """Each clipped form's completion: the word that the versions holding the `context` words (the
    query's known surface forms) hold most often, summed over them as shares of each word's versions
    (a rare word of the query says more than "droit"); with no context, the word most versions hold
    together with one of another clipped form's completions ("cong mat": `conge` + `maternite`). A
    form without a completion supported by MIN_SUPPORT versions is left out, and so is every form of a
    query with more than MAX_CONTEXT known words."""
    if len(context) > MAX_CONTEXT:
        return {}
    candidates = {form: _candidates(form, complete, frequency) for form in dict.fromkeys(clipped)}
    chosen: dict[str, str] = {}
    for form, words in candidates.items():
        others = [word for other, found in candidates.items() if other != form for word in found]
        partners = list(context) or others
        versions = [max(frequency(partner), 1) for partner in partners]
        held, rank = {}, {}
        for word in words:
            counts = [together(word, partner) for partner in partners]
            if context:
                held[word] = sum(counts)
                rank[word] = sum(n / total for n, total in zip(counts, versions, strict=True))
            else:
                held[word] = rank[word] = max(counts, default=0)
        best = max(words, key=lambda word: (rank[word], frequency(word), word), default=None)
        if best is not None and held[best] >= MIN_SUPPORT:
            chosen[form] = best
    return chosen


def _candidates(
    form: str, complete: Callable[[str], Sequence[str]], frequency: Callable[[str], int]
) -> list[str]:
    """The CANDIDATES most used known words that `form` begins (a letter longer at least)."""
    longer = [word for word in complete(form) if len(word) > len(form)]
    return sorted(longer, key=lambda word: (-frequency(word), word))[:CANDIDATES]

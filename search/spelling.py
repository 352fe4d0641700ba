"""Spelling correction with Whoosh's corrector over the surface stream, behind a guard.

Only a word the index has never seen is a candidate (it could match nothing as typed), and the guard
keeps every word that French has (spaCy's lexicon, `analyzers.lexicon`) or that the thesaurus knows,
alone ("sécu", "STC") or within a span of the query it expands ("resto" in "tickets resto", which
"reste" would break): "combien" is not a typo of "combine", nor "démissionner" of "demissionne". The
lexicon has misspellings too ("professionalisation", "posible"): a word of it that the index lacks, one
doubled consonant short of a word the corpus uses often, is that word (`_supported_slip`). A word
that begins the corpus's words may be a truncation people type ("alloc", "indemn", "prud'hom"): its
completion is the most used of those words. Its best edit is, among the corrections at the smallest edit
distance, a doubled letter typed once (or a letter typed twice) or two letters swapped first, the
commonest slips of a typist ("demision" is "démission", not the more used "décision"), then the one the
corpus uses most. Of the two, the word the corpus uses more replaces the typed one: "conv" is
"convention", not "cone"; "teletravaille" is "teletravail", not "teletravailleur".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np
from whoosh.spelling import ReaderCorrector
from whoosh.support.levenshtein import distance as edit_distance

from analyzers.elisions import ELISIONS
from analyzers.expansion import expand_query_terms, is_thesaurus_word
from analyzers.french import AnalyzedToken, analyze
from analyzers.lexicon import is_french
from search.clipped import completions_in_context, may_be_clipped
from search.query import ParsedQuery

# The short heads elided before a vowel ("l", "qu"…), longest first; typed without the apostrophe, they
# glue to the word.
ELIDED_HEADS = tuple(
    sorted((head for head in ELISIONS if len(head) <= 2), key=lambda head: (-len(head), head))
)
VOWELS_AND_H = frozenset("aeiouyh")
SUGGESTIONS = 8  # corrections weighed per unknown word
# A French word the index lacks is taken for a slip of a word with a doubled consonant when that word is
# in this many versions at least, and has this many letters (search.spelling._supported_slip).
SLIP_SUPPORT = 10
SLIP_LENGTH = 6
COMPLETION_MIN_EXTRA = 2  # a truncation lacks this many letters at least ("alloc" / "allocation")


def correct(
    searcher,
    parsed: ParsedQuery,
    holding: Callable[[str], np.ndarray],
    *,
    guard: bool = True,
    complete: bool = True,
) -> tuple[str, ParsedQuery] | None:
    """Whoosh's side of `correct_words`: its reader's document frequencies, its corrector and its
    term dictionary's prefixes; `holding` gives the sorted versions of a surface form (the engine's
    postings), which clipped words are weighed by."""
    reader = searcher.reader()
    corrector = LengthBoundCorrector(reader, "surface", searcher.schema["surface"])

    def completions(form: str) -> list[str]:
        return [_text(term) for term in reader.expand_prefix("surface", form)]

    def together(one: str, other: str) -> int:
        return int(np.intersect1d(holding(one), holding(other), assume_unique=True).size)

    return correct_words(
        parsed,
        lambda form: reader.doc_frequency("surface", form),
        lambda form, distance: corrector.suggest(form, limit=SUGGESTIONS, maxdist=distance, prefix=2),
        guard=guard,
        complete=completions if complete else None,
        clipped=Clipping(lambda lemma: reader.doc_frequency("text", lemma), together),
    )


class LengthBoundCorrector(ReaderCorrector):
    """Whoosh's corrector (the same suggestions, scores and order), which computes the edit distance of
    every term sharing the prefix in Python (~20 µs each: 20–30 ms for « requalifie » among the index's
    terms beginning « re »), without the terms whose length alone puts them beyond the distance: an edit
    distance is at least the difference of the lengths (tests compare it with Whoosh's own)."""

    def _suggestions(self, text: str, maxdist: int, prefix: int) -> Iterator[tuple[float, str]]:
        reader, field = self.reader, self.fieldname
        spelled = self.fieldobj.spelling_fieldname(field)
        for term in reader.expand_prefix(spelled, text[:prefix]):
            word = self.fieldobj.from_bytes(term)
            if abs(len(word) - len(text)) > maxdist or edit_distance(word, text, limit=maxdist) > maxdist:
                continue
            frequency = reader.frequency(field, word) or 1
            yield 0 - (maxdist + (1.0 / frequency * 0.5)), word


def _text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def correct_words(
    parsed: ParsedQuery,
    frequency: Callable[[str], int],
    suggest: Callable[[str, int], Sequence[str]],
    *,
    guard: bool = True,
    complete: Callable[[str], Sequence[str]] | None = None,
    clipped: Clipping | None = None,
) -> tuple[str, ParsedQuery] | None:
    """The free words with each unknown, non-French word replaced by its best correction (edit
    distance 1, or 2 for words of 8 letters or more, same first two letters: people rarely mistype
    those, and it keeps the scan of the lexicon short); None when nothing was replaced. Without
    `guard`, every word unknown to the index is corrected (the evaluation's ablation). `frequency`
    gives a surface form's document frequency, `suggest` the known forms within a distance, `complete`
    (None: no completion) the known forms that begin with a form: each engine brings its own. With
    `clipped` (and `complete`), a short French word that matches nothing is completed to the word the
    query's other words support (search.clipped)."""
    fixed: list[str] = []
    changed = False
    context: list[str] = []  # the known surface forms, which support a clipped word's completion
    short: dict[int, str] = {}  # position in `fixed` -> a form that may be clipped
    spanned = thesaurus_forms(parsed.text) if guard else frozenset()
    for word in parsed.text.split():
        tokens = analyze(word, lemmas=False)
        restored = with_apostrophes(word, tokens, frequency, guard=guard)
        if restored is not None:
            fixed.append(restored)
            context.extend(token.text for token in analyze(restored, lemmas=False))
            changed = True
            continue
        forms = [token.text for token in tokens]
        if len(forms) == 1 and forms[0].isalpha():
            form = forms[0]
            known = frequency(form) > 0
            # Only a form the index lacks asks the lexicon: its first use reads 148,000 words (~0.8 s
            # of a one-shot search).
            thesaurus = not known and (is_thesaurus_word(word) or form in spanned)
            kept = not known and guard and (thesaurus or is_french(form))
            if known:
                context.append(form)
            elif not kept and len(form) > 3:
                best = _replacement(frequency, suggest, complete, form)
                if best is not None:
                    fixed.append(best)
                    context.append(best)
                    changed = True
                    continue
            elif kept and not thesaurus and (slip := _supported_slip(frequency, suggest, form)):
                fixed.append(slip)
                context.append(slip)
                changed = True
                continue
            elif kept and not thesaurus and clipped is not None and clipped.may_be(form, fixed):
                short[len(fixed)] = form
        fixed.append(word)
    if short and complete is not None and clipped is not None:
        found = completions_in_context(list(short.values()), context, complete, frequency, clipped.together)
        for at, form in short.items():
            if form in found:
                fixed[at] = found[form]
                changed = True
    if not changed:
        return None
    text = " ".join(fixed)
    return text, replace(parsed, text=text)


@dataclass(frozen=True)
class Clipping:
    """What completing a clipped word needs from an engine: a lemma's document frequency (a clipped
    word matches nothing on the lemma stream either) and how many versions hold two surface forms."""

    lemma_frequency: Callable[[str], int]
    together: Callable[[str, str], int]

    def may_be(self, form: str, before: Sequence[str]) -> bool:
        """Whether `form`, after the words `before`, may be clipped (search.clipped); not after a
        number: "14 eme mois" is an ordinal."""
        after_number = bool(before) and before[-1].isdigit()
        return not after_number and may_be_clipped(form, self.lemma_frequency)


def with_apostrophes(
    word: str, tokens: Sequence[AnalyzedToken], frequency: Callable[[str], int], *, guard: bool = True
) -> str | None:
    """`word` (its surface `tokens`) with the apostrophe of each elision typed without one ("lemployeur", "periode-dessai"):
    a form the index has never seen, that French does not have (with `guard`), which is an elided head
    ("l", "d", "qu"…) before a vowel or an h and a word the index has (three letters at least); None
    when no form of `word` is one. Tried before the edits, which could not find it: "lemployeur" is
    one letter from "employeur", but not with its first two letters."""
    cuts = []
    for token in tokens:
        form = token.text
        if not form.isalpha() or frequency(form) > 0 or (guard and is_french(form)):
            continue
        head = next((head for head in ELIDED_HEADS if form.startswith(head)), "")
        rest = form[len(head) :]
        if head and len(rest) >= 3 and rest[0] in VOWELS_AND_H and frequency(rest) > 0:
            cuts.append(token.start + len(head))
    if not cuts:
        return None
    bounds = pairwise([0, *cuts, len(word)])
    return "".join(word[start:end] + ("'" if end in cuts else "") for start, end in bounds)


def _replacement(
    frequency: Callable[[str], int],
    suggest: Callable[[str, int], Sequence[str]],
    complete: Callable[[str], Sequence[str]] | None,
    form: str,
) -> str | None:
    """The best edit of `form` or its completion, whichever the corpus uses more; None without either."""
    found = [_best(frequency, suggest, form), _completion(frequency, complete, form) if complete else None]
    return max((word for word in found if word), key=frequency, default=None)


def _supported_slip(
    frequency: Callable[[str], int], suggest: Callable[[str, int], Sequence[str]], form: str
) -> str | None:
    """The word the corpus uses often that `form` (a word French has but the index lacks) is with a
    doubled consonant typed once: "professionalisation", "posible" are in the lexicon (spaCy learned
    them from texts that misspell them) but stand for "professionnalisation", "possible". A real word
    ("poisons", "habilement") has a rarer neighbour in the corpus ("poissons", "habillement": a few
    versions each), hence SLIP_SUPPORT; None when no neighbour qualifies."""
    if len(form) < SLIP_LENGTH:
        return None
    found = [
        word
        for word in suggest(form, 1)
        if _doubled(form, word) and word[_first_difference(form, word)] not in VOWELS_AND_H
    ]
    best = max(found, key=lambda word: (frequency(word), word), default=None)
    return best if best is not None and frequency(best) >= SLIP_SUPPORT else None


def _first_difference(one: str, other: str) -> int:
    return next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), len(one))


def thesaurus_forms(text: str) -> frozenset[str]:
    """The surface forms of the words of `text` that belong to a span the thesaurus knows ("resto" in
    "tickets resto"): the span is expanded to the code's wording, so none of its words is a typo."""
    return frozenset(
        token.text for found in expand_query_terms(text) for token in analyze(found.text, lemmas=False)
    )


def _best(
    frequency: Callable[[str], int], suggest: Callable[[str, int], Sequence[str]], form: str
) -> str | None:
    """The correction at the smallest distance: a common slip's first, then the most used."""
    for distance in (1, 2) if len(form) >= 8 else (1,):
        found = suggest(form, distance)
        if found:
            return max(found, key=lambda word: (is_common_slip(form, word), frequency(word), word))
    return None


def is_common_slip(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with a doubled letter typed once or a letter typed twice ("demision",
    "licenciemment"), or with two neighbouring letters swapped ("sanstion" is not one: "t" for "c")."""
    return _doubled(typed, word) or _doubled(word, typed) or _swapped(typed, word)


def _doubled(short: str, long: str) -> bool:
    """Whether `long` is `short` with one of its letters doubled."""
    return len(long) == len(short) + 1 and any(
        long[i] == long[i - 1] and long[:i] + long[i + 1 :] == short for i in range(1, len(long))
    )


def _swapped(one: str, other: str) -> bool:
    """Whether the two words differ by two neighbouring letters swapped."""
    if len(one) != len(other):
        return False
    differ = [i for i, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
    if len(differ) != 2 or differ[1] != differ[0] + 1:
        return False
    first, second = differ
    return one[first] == other[second] and one[second] == other[first]


def _completion(
    frequency: Callable[[str], int], complete: Callable[[str], Sequence[str]], form: str
) -> str | None:
    """The most used known form that `form` begins; None when one of them is only a letter longer
    ("allocatio" lacks a letter of "allocation": a typo, left to the edits)."""
    found = [word for word in complete(form) if word != form]
    if not found or min(len(word) for word in found) < len(form) + COMPLETION_MIN_EXTRA:
        return None
    return max(found, key=lambda word: (frequency(word), word))

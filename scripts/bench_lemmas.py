"""How well lemmas conflate inflections: singular/plural/feminine families of the default corpus.

A family is a set of word forms of the corpus that differ by a final "s", "e" or "es" ("délégué",
"déléguée", "délégués", "déléguées"); it is conflated when all its forms get one lemma. Compares the
chain of analyzers.lemmas (a function of the folded form) with spaCy alone on the accented forms: the
model's lemma lookup table, and the rule lemmatizer (tagger + rules) on isolated words. Usage:

    .venv/bin/python scripts/bench_lemmas.py [ARTIFACT]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from analyzers.lemmas import Lemmatizer, fold
from analyzers.tokenize import iter_raw_tokens
from corpus.artifact import iter_articles
from corpus.settings import DEFAULT_ARTIFACT


def families(counts: Counter[str]) -> list[list[str]]:
    found = []
    for word in counts:
        if len(word) <= 3:
            continue
        if not word.endswith("e"):
            members = [form for form in (word, word + "s", word + "e", word + "es") if form in counts]
            if len(members) >= 2:
                found.append(members)
        elif word + "s" in counts and word[:-1] not in counts:
            found.append([word, word + "s"])
    return found


def main(argv: list[str]) -> int:
    artifact = Path(argv[0]) if argv else DEFAULT_ARTIFACT
    counts: Counter[str] = Counter()
    for article in iter_articles(artifact):
        for version in article.versions:
            if version.text:
                counts.update(
                    text.lower()
                    for text, _s, _e, is_article in iter_raw_tokens(version.text)
                    if text.isalpha()
                )
    groups = families(counts)
    forms = sorted({form for group in groups for form in group})
    chain = Lemmatizer()
    by_form = chain.lemmas(fold(form) for form in forms)
    table = chain._lookup
    rule = {
        form: fold(doc[0].lemma_) if len(doc) else form
        for form, doc in zip(forms, chain._nlp.pipe(forms, batch_size=1000), strict=True)
    }
    strategies = {
        "analyzers.lemmas chain (folded form)": lambda form: by_form[fold(form)],
        "spaCy lookup table, accented form": lambda form: fold((table.get(form) or [form])[0]),
        "spaCy rule lemmatizer, isolated accented form": lambda form: rule[form],
    }
    print(f"families: {len(groups)} ({sum(len(group) for group in groups)} forms)")
    for name, lemma in strategies.items():
        conflated = sum(1 for group in groups if len({lemma(form) for form in group}) == 1)
        print(f"{name:>48}: {conflated} conflated ({conflated / len(groups):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

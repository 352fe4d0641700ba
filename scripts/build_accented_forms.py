"""Regenerate analyzers/accented_forms.py: how the corpus spells its words (accents, capitals).

Why: lemmas are a function of the folded form (so "deleguee" typed in a query meets "déléguée" in the
code), and spaCy lemmatizes accented French much better than folded French: the folded form is read
back as the spelling the corpus itself uses most often. Words the corpus nearly always capitalizes in
mid-sentence ("France", "Mayotte", "Paris") are listed too, so that spaCy's noun rules do not turn
them into "franc" or "pari". Usage:

    .venv/bin/python scripts/build_accented_forms.py [ARTIFACT]
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from tqdm import tqdm

from analyzers.lemmas import fold
from analyzers.tokenize import iter_raw_tokens
from corpus.artifact import iter_articles
from corpus.settings import DEFAULT_ARTIFACT

TARGET = Path(__file__).parent.parent / "analyzers" / "accented_forms.py"
HEADER = '''"""How the Code du travail (all versions) spells its words; generated, do not edit.

Data only, written by scripts/build_accented_forms.py from the committed corpus artifact.
`ACCENTED_FORMS`: the most frequent spelling of each folded word, when it has accents, one lower-case
word a line (its folded form is the key). `PROPER_NOUNS`: folded words capitalized in all of
their (5 or more) occurrences in mid-sentence, but plurals of words the corpus also uses in the
singular. Both are read by analyzers.lemmas.
"""

'''
SENTENCE_START = ".!?:;»«–—-°)\n"  # a capital after these says nothing about the word
PROPER_SHARE = 1.0
PROPER_MIN = 5


def main(argv: list[str]) -> int:
    artifact = Path(argv[0]) if argv else DEFAULT_ARTIFACT
    counts: Counter[str] = Counter()
    mid_sentence: Counter[str] = Counter()
    capitalized: Counter[str] = Counter()
    for article in tqdm(iter_articles(artifact), desc="articles", unit=" art", file=sys.stderr):
        for version in article.versions:
            text = version.text
            if not text:
                continue
            for word, start, _end, is_article in iter_raw_tokens(text):
                if is_article or not word.isalpha():
                    continue
                lowered = word.lower()
                counts[lowered] += 1
                before = text[:start].rstrip()[-1:]
                if before and before not in SENTENCE_START:
                    mid_sentence[lowered] += 1
                    capitalized[lowered] += word[0].isupper()
    by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for word, count in counts.items():
        by_key[fold(word)].append((-count, word))
    # Only keys whose most frequent spelling has accents ("date" is spelled "date" more than "daté").
    accented = sorted(best for key, spellings in by_key.items() if key and (best := min(spellings)[1]) != key)
    folded_words = set(by_key)
    proper = sorted(
        {
            fold(word)
            for word, seen in mid_sentence.items()
            if seen >= PROPER_MIN
            and capitalized[word] >= PROPER_SHARE * seen
            # a plural whose singular the corpus also uses is no name ("États" / "état")
            and not (word.endswith("s") and fold(word)[:-1] in folded_words)
        }
    )
    body = 'ACCENTED_FORMS = """\n' + "\n".join(accented) + '\n"""\n\n'
    body += 'PROPER_NOUNS = """\n' + "\n".join(proper) + '\n"""\n'
    TARGET.write_text(HEADER + body, encoding="utf-8")
    print(f"{len(accented)} accented forms and {len(proper)} proper nouns written to {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

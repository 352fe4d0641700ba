"""Spelling correction with Whoosh's corrector over the surface stream.

Only words the index has never seen are replaced (they could match nothing as typed), so a correctly
spelled query is never changed; the evaluation compares this with leaving the query alone.
"""

from __future__ import annotations

from dataclasses import replace

from analyzers.french import analyze
from search.query import ParsedQuery


def correct(searcher, parsed: ParsedQuery) -> tuple[str, ParsedQuery] | None:
    """The free words with each word unknown to the index replaced by Whoosh's closest suggestion
    (edit distance 1, or 2 for words of 8 letters or more, same first two letters: people rarely
    mistype those, and it keeps the scan of the lexicon short); None when nothing was replaced."""
    reader = searcher.reader()
    corrector = searcher.corrector("surface")
    fixed, changed = [], False
    for word in parsed.text.split():
        forms = [token.text for token in analyze(word, lemmas=False)]
        if len(forms) == 1 and forms[0].isalpha() and len(forms[0]) > 3:
            form = forms[0]
            if reader.doc_frequency("surface", form) == 0:
                distance = 2 if len(form) >= 8 else 1
                suggestions = corrector.suggest(form, limit=1, maxdist=distance, prefix=2)
                if suggestions:
                    fixed.append(suggestions[0])
                    changed = True
                    continue
        fixed.append(word)
    if not changed:
        return None
    text = " ".join(fixed)
    return text, replace(parsed, text=text)

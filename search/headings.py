"""The section headings' lemmas, analysed once per heading for every stage that reads them.

Three stages read the lemmas of a candidate's headings: the word pairs of a question
(`search.word_pairs`), the opposite kind of a typed qualifier (`search.contrast`) and the rules
particular to a profession or a territory (`search.particular_rules`). Each analysed the headings of
every new section path it met, so a search that reached new parts of the code analysed the same
headings up to three times, and the first searches of a service paid for it: 2.2 s of a profiled pass
over the benchmark's 540 queries, 20–40 ms in some of its slowest searches. A code has few distinct
headings (3,888 in the Code du travail's 3,703 section paths, 0.2 s to analyse them all), so each is
analysed here once, and `warm` analyses them all before the first search where a service has the time
(the app's and the API's warm-up).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from analyzers.french import AnalyzedToken, analyze

# Distinct headings kept, so that a warmed service never analyses one again: a heading's entry is ~700
# bytes (2.7 MB for the Code du travail's 3,888, measured with tracemalloc). All the codes were not
# measured here; at the Code du travail's 0.33 heading an article, their 174,290 articles would have
# ~57,000 headings (~40 MB), well within this bound.
HEADINGS_KEPT = 1 << 18


@lru_cache(maxsize=HEADINGS_KEPT)
def heading_lemmas(heading: str) -> tuple[AnalyzedToken, ...]:
    """The heading's lemma-stream tokens (lemma, position, offsets)."""
    return tuple(analyze(heading, lemmas=True))


def title_lemmas(heading: str) -> frozenset[str]:
    """The lemmas of a heading's title, its label (« Livre III : », « Chapitre II : ») left out."""
    label = heading.find(":")
    return frozenset(token.text for token in heading_lemmas(heading) if token.start > label)


def warm(paths: Iterable[tuple[str, ...]]) -> int:
    """Analyse every heading of `paths` not analysed yet; returns how many distinct headings there were."""
    headings = {heading for path in paths for heading in path}
    for heading in headings:
        heading_lemmas(heading)
    return len(headings)

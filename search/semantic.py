"""The semantic re-rank: a query's first candidates re-ordered by their meaning's closeness to it.

A question in a full sentence (« mon employeur peut-il me faire travailler le dimanche ? ») names its
subject in the asker's words; the lexical ranking finds the right chapter but often not the article that
answers. A short query is read in the code's words first (`in_code_words`: "chômage partiel" is encoded
as "activité partielle"). The query's vector (analyzers.embedding, computed in a thread while the lexical stages run) is
compared with each candidate's passage vector (indexer.passage_vectors), and the first
`RankingConfig.semantic_depth` candidates are re-ordered by

    1 / (rank + RANK_OFFSET) + weight × cosine

so the lexical order stays the backbone and the cosine moves an article a few places, not from the
fiftieth to the first unless the gap is large. Measured on the CDTN dev set by group cross-validation
(scripts/eval_search.py): on questions it lifts nDCG@10 0.456 → 0.527 (`semantic_question_weight` 1.5);
short queries typed into a search box gained nothing encoded as typed, and gain in the code's words
(`semantic_weight` 1; figures in search.ranking). The articles the query cites keep their places; a candidate without a
vector (a version older than the vectors, or an article added since) counts the mean cosine of the others.
The displayed scores stay those of the ranks, in order.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analyzers.accented_forms import corpus_spellings
from analyzers.elisions import APOSTROPHES
from analyzers.embedding import Encoder
from analyzers.expansion import QueryExpansion
from analyzers.lexicon import fold
from analyzers.stop_words import STOP_WORDS
from search.candidates import Candidate
from search.index_view import IndexView
from search.neighbourhood import Neighbourhoods, cosines_or_mean
from search.ranking import RankingConfig
from search.read_cache import ReadCache

RANK_OFFSET = 10
# The longest the lexical stages (holding the interpreter) keep the encoder's thread waiting for it, at
# the start and at the end of its native call: Python's default is 5 ms, twice per query. The benchmark's
# queries in one process, runs interleaved: p95 37.5, 38.2, 40.3 ms at 5 ms; 33.8, 34.0, 35.5 at 0.5 ms;
# 31.7, 36.7 at 1 ms (the encoder's p95 ~4 ms less). Only a waiting thread asks for a switch: a search
# alone is not interrupted more often.
SWITCH_INTERVAL = 0.001
LONG_QUESTION_WORDS = 10  # a longer question is encoded without its stop words (`encoded_text`)
_LETTERS = re.compile(r"[^\W\d_]+")
_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))
_PUNCTUATION = "?!.,;:«»()\"'’"
RECENT_BYTES = 1024 * 1024  # about 600 question vectors
# A verb and its subject pronoun, joined by hyphens or not (« peut-il », « a-t-il », « peut il »).
_INVERSION = re.compile(r"-(?:t-)?(?=(?:je|tu|il|elle|on|nous|vous|ils|elles)\b)", re.IGNORECASE)


def encoded_text(query: str) -> str:
    """The query as the model reads it: lower case, the inversions' hyphens as spaces, the words
    spelled as the code spells them, so that the ways of typing one question are one question (« A-t-il
    droit » and « a t il droit », « délégué » and « delegue »). A question of more
    than LONG_QUESTION_WORDS words loses its stop words (articles, pronouns, auxiliaries; never a
    negation, analyzers.stop_words): the model's time grows with each token (~1.2 ms), and a long legal
    question took 50 ms of it before; without them, the semantic re-rank ranks as well (CDTN dev
    questions 0.542 → 0.540, our legal questions 0.711 → 0.715, lay questions 0.610 → 0.607,
    binary nDCG@10) and the search's p95 drops by ~6 ms (scripts/bench_search.py)."""
    spaced = _INVERSION.sub(lambda match: " t " if "t-" in match.group(0).lower() else " ", query)
    words = _LETTERS.sub(_as_the_code_spells, spaced.translate(_APOSTROPHES)).split()
    if len(words) > LONG_QUESTION_WORDS:
        words = [word for word in words if word.strip(_PUNCTUATION) not in STOP_WORDS] or words
    return " ".join(words)


def _as_the_code_spells(word: re.Match[str]) -> str:
    """A word folded, then given the accents the corpus spells it with: typed with accents or without,
    one word for the model ("delegue" and "délégué" are "délégué"); a stop word stays folded ("a" is
    not made "à", the corpus's commoner spelling)."""
    folded = fold(word.group(0))
    return folded if folded in STOP_WORDS else corpus_spellings().get(folded, folded)


def in_code_words(text: str, expansions: Sequence[QueryExpansion]) -> str:
    """A short query as the model reads it: each span the thesaurus knows replaced by the code's first
    wording for it ("chômage partiel" → "activité partielle", "CDD" → "contrat de travail à durée
    déterminée", "13ème mois" → the code's wording of the year-end bonus). The passages are the code's
    text: the model brings its wording closer than the asker's (CDTN dev short queries, binary nDCG@10
    at weight 1: 0.461 → 0.479 encoded as typed, → 0.501 in the code's words; our blind lay queries
    0.488 → 0.530). `expansions`: analyzers.expansion.expand_query_terms of `text`."""
    pieces, at = [], 0
    for found in expansions:
        if found.alternatives:
            pieces += [text[at : found.start], found.alternatives[0].phrase]
            at = found.end
    return "".join([*pieces, text[at:]])


@dataclass(frozen=True)
class PassageVectors:
    """The passage vectors of one vectors file, as unit float32 rows."""

    matrix: np.ndarray
    row: Mapping[str, int]  # version id → row

    @classmethod
    def load(cls, path: Path) -> PassageVectors | None:
        from indexer.passage_vectors import read_vectors

        read = read_vectors(path)
        if read is None or not read[0]:
            return None
        version_ids, _, vectors = read
        matrix = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        matrix /= np.where(norms > 0, norms, 1.0)
        return cls(matrix, {version_id: index for index, version_id in enumerate(version_ids)})

    def cosines(self, query: np.ndarray, version_ids: list[str]) -> np.ndarray:
        """Each version's cosine with `query`; the mean of the known ones for a version without vector."""
        return cosines_or_mean(
            self.matrix, [self.row.get(version_id, -1) for version_id in version_ids], query
        )


class QueryEncoding:
    """What a service needs for the re-rank: the vectors file (reloaded when `lexsearch index --vectors`
    replaces it) and the query encoder, run in its own thread so that the model (native code, which
    releases the interpreter) works on the other core while the lexical stages run."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # The vectors of the last questions: the app searches again at each click on a page of results,
        # the API for each page; the same question is not encoded twice (~25 ms of CPU each).
        self.recent = ReadCache(RECENT_BYTES)
        self._own_threads()
        self._stamp: tuple[int, int] | None = None
        self._vectors: PassageVectors | None = None
        self._neighbourhoods: tuple[PassageVectors, str, Neighbourhoods] | None = None
        self.failed = False

    def vectors(self) -> PassageVectors | None:
        """The vectors of the file on disk now (a stat per search), or None without one."""
        try:
            stat = os.stat(self.path)
        except OSError:
            return None
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    self._vectors, self._stamp = PassageVectors.load(self.path), stamp
        return self._vectors

    def neighbourhoods(self, vectors: PassageVectors, view: IndexView) -> Neighbourhoods:
        """The section and chapter centroids of `vectors` over `view`'s articles, made once for each
        vectors file and index generation (~0.1 s for the Code du travail). The generation is known by
        its target, not held: a retired view's table is not kept alive here."""
        known = self._neighbourhoods
        if known is None or known[0] is not vectors or known[1] != view.target:
            with self._lock:
                known = self._neighbourhoods
                if known is None or known[0] is not vectors or known[1] != view.target:
                    rows = ((row.version_id, row.section_path) for row in view.rows)
                    built = Neighbourhoods.build(vectors.matrix, vectors.row, rows)
                    self._neighbourhoods = known = (vectors, view.target, built)
        return known[2]

    def encode(self, text: str) -> Future[np.ndarray]:
        """The query's vector, being computed (or already known: a finished future)."""
        known = self.recent.peek(text)
        if known is not None:
            done: Future[np.ndarray] = Future()
            done.set_result(known)  # type: ignore[arg-type]
            return done
        return self._executor.submit(self._encoded, text)

    def _encoded(self, text: str) -> np.ndarray:
        vector = self._encoder.query(text)
        self.recent.put(text, vector)  # before the caller sees the result; a failure is tried again
        return vector

    def query_vector(self, future: Future[np.ndarray]) -> np.ndarray | None:
        """The encoded query, or None if the model failed (said once; the search goes on without it)."""
        try:
            return future.result()
        except Exception as error:  # a broken model install must not fail searches
            if not self.failed:
                self.failed = True
                print(
                    f"lexsearch : re-rank sémantique désactivé ({self.path.name}) : {error}", file=sys.stderr
                )
            return None

    def after_fork(self) -> None:
        """A forked process has no copy of the parent's threads (nor of a lock they held): its own."""
        self.recent = ReadCache(RECENT_BYTES)
        self._own_threads()

    def _own_threads(self) -> None:
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        self._encoder = Encoder(threads=1)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lexsearch-encoder")
        self._lock = threading.Lock()

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def semantic_weight(asking: bool, config: RankingConfig) -> float:
    """The cosine's weight for this query: questions in sentences, or short queries."""
    if not config.semantic:
        return 0.0
    return config.semantic_question_weight if asking else config.semantic_weight


def with_semantic(
    ranked: tuple[Candidate, ...],
    query: np.ndarray,
    vectors: PassageVectors,
    view: IndexView,
    weight: float,
    config: RankingConfig,
    *,
    lead: float = 0.0,
    neighbourhoods: Neighbourhoods | None = None,
    section: float = 0.0,
    chapter: float = 0.0,
) -> tuple[Candidate, ...]:
    """`ranked` with its first `config.semantic_depth` candidates (the cited ones set aside, in place)
    re-ordered by reciprocal rank plus `weight` × cosine. With `lead` (a short query's
    `config.semantic_lead`), a first candidate whose score is at least `lead` times the second's keeps
    its place too: the query's words single it out, and the model's closeness to a neighbour article
    ("L. 1222-11" for "télétravail définition", whose L. 1222-9 defines it) should not outweigh that.
    With `neighbourhoods`, the cosine also counts `section` × its section's centroid and `chapter` × its
    chapter's (search.neighbourhood)."""
    head = ranked[: config.semantic_depth]
    leading = int(lead > 0 and len(head) > 1 and head[0].score >= lead * head[1].score)
    movable = [
        candidate for at, candidate in enumerate(head) if at >= leading and candidate.cited_order is None
    ]
    if weight <= 0.0 or len(movable) < 2:
        return ranked
    rows = [view.rows[candidate.docnum] for candidate in movable]
    cosines = vectors.cosines(query, [row.version_id for row in rows])
    if neighbourhoods is not None:  # its weights of 0 count nothing (Neighbourhoods.cosines)
        cosines = cosines + neighbourhoods.cosines(
            query, [row.section_path for row in rows], section, chapter
        )
    combined = [1.0 / (rank + RANK_OFFSET) + weight * cosines[rank] for rank in range(len(movable))]
    order = sorted(range(len(movable)), key=lambda rank: (-combined[rank], rank))
    # Each moved candidate takes the score of the place it lands on, so shown scores stay in order.
    moved = iter(movable[new].evolved(score=movable[place].score) for place, new in enumerate(order))
    reordered = tuple(
        candidate if at < leading or candidate.cited_order is not None else next(moved)
        for at, candidate in enumerate(head)
    )
    return reordered + ranked[config.semantic_depth :]

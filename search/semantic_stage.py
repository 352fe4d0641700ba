"""The semantic re-rank as a stage of the search: started before the lexical stages, so that the query's
encoding runs in the encoder's thread meanwhile (search.semantic.QueryEncoding), and applied to their
ranking after them, with the candidates' sections and chapters for a short query (search.neighbourhood).
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass

import numpy as np

from analyzers.expansion import expand_query_terms
from search.candidates import Candidate
from search.index_view import IndexView
from search.query import ParsedQuery
from search.ranking import RankingConfig
from search.semantic import (
    PassageVectors,
    QueryEncoding,
    encoded_text,
    in_code_words,
    semantic_weight,
    with_semantic,
)


@dataclass(frozen=True)
class SemanticStart:
    """A re-rank under way: its weight, the vectors it reads and the query's vector to come."""

    weight: float
    vectors: PassageVectors
    query_vector: Future[np.ndarray]
    asking: bool


def start_semantic(
    parsed: ParsedQuery,
    encoding: QueryEncoding | None,
    all_versions: bool,
    asking: bool,
    config: RankingConfig,
) -> SemanticStart | None:
    """The re-rank of this search, its encoding started, when there is one (vectors on disk, not a
    search of past wordings), else None. A question is encoded as typed, a short query in the code's
    words (`in_code_words`)."""
    weight = semantic_weight(asking, config)
    if encoding is None or weight <= 0.0 or all_versions or encoding.failed:
        return None
    if asking or not config.thesaurus:
        text = parsed.raw
    else:
        text = in_code_words(parsed.text, expand_query_terms(parsed.text))
    if not text.strip():
        return None
    vectors = encoding.vectors()
    if vectors is None:
        return None
    return SemanticStart(weight, vectors, encoding.encode(encoded_text(text)), asking)


def semantic_reranked(
    ranked: tuple[Candidate, ...],
    started: SemanticStart | None,
    encoding: QueryEncoding | None,
    view: IndexView,
    config: RankingConfig,
) -> tuple[Candidate, ...]:
    """`ranked` re-ordered by `started`'s re-rank (unchanged without one, or if the model failed). A
    short query's candidates count their sections' and chapters' centroids too; a question's, times
    `question_neighbourhood_factor`."""
    if started is None or encoding is None:
        return ranked
    query_vector = encoding.query_vector(started.query_vector)
    if query_vector is None:
        return ranked
    factor = config.question_neighbourhood_factor if started.asking else 1.0
    section, chapter = factor * config.semantic_section_weight, factor * config.semantic_chapter_weight
    neighbourhoods = encoding.neighbourhoods(started.vectors, view) if section or chapter else None
    return with_semantic(
        ranked,
        query_vector,
        started.vectors,
        view,
        started.weight,
        config,
        lead=0.0 if started.asking else config.semantic_lead,
        neighbourhoods=neighbourhoods,
        section=section,
        chapter=chapter,
    )

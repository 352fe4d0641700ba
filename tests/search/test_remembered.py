"""The request's remembering engine (search.remembered): the same positions as the engine's own, each
word read once per version."""

from __future__ import annotations

from search.remembered import RememberingEngine
from search.service import SearchService


def test_positions_are_the_engines_and_read_once(written_service: SearchService) -> None:
    view = written_service._current_view()
    with view.engine() as engine:
        asked: list[tuple[tuple[str, ...], frozenset[int]]] = []

        class Counting:
            def positions(self, lemmas, docnums):
                asked.append((tuple(lemmas), frozenset(docnums)))
                return engine.positions(lemmas, docnums)

        remembering = RememberingEngine(Counting())  # type: ignore[arg-type]
        everything = set(range(len(view.rows)))
        lemmas = ["geste", "repeter", "indemnite"]
        assert sum(len(found) for found in engine.positions(lemmas, everything).values()) >= 4
        assert remembering.positions(lemmas, everything) == engine.positions(lemmas, everything)
        assert remembering.positions(["repeter", "geste"], {0, 1}) == engine.positions(
            ["repeter", "geste"], {0, 1}
        )
        assert len(asked) == 1  # the second answer came from the first read
        assert remembering.positions(["contrat", "geste"], {0, 1}) == engine.positions(
            ["contrat", "geste"], {0, 1}
        )
        assert asked[-1] == (("contrat",), frozenset({0, 1}))  # only the word not read yet

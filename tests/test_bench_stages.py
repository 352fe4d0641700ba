"""scripts/bench_search.py times each stage of the search by wrapping its function where the pipeline
calls it: a stage renamed or moved must be renamed there too, or the benchmark fails before its figures."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "bench_search.py"


def test_every_timed_stage_exists_and_is_restored_after() -> None:
    spec = importlib.util.spec_from_file_location("bench_search", SCRIPT)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    from search import pipeline, semantic_stage

    before = {name: getattr(pipeline, name) for name in bench.STAGES}
    kept = semantic_stage.with_semantic
    with bench.stage_timer():
        assert all(getattr(pipeline, name) is not before[name] for name in bench.STAGES)
        assert semantic_stage.with_semantic is not kept
    assert {name: getattr(pipeline, name) for name in bench.STAGES} == before
    assert semantic_stage.with_semantic is kept

"""Fuzz every entry point that takes untrusted text, for a fixed time budget, and print what was tried.

    .venv/bin/python scripts/fuzz.py                      # every target, 60 s each
    .venv/bin/python scripts/fuzz.py --budget 20 --target citations --target search
    .venv/bin/python scripts/fuzz.py --atheris 30         # also atheris (coverage-guided), when installed

Targets: the query parser and `SearchService.search` (through the real index in `$LEXSEARCH_HOME`, or
`--home`), the citation tokenizer, the French analyzers, the app's URL-parameter parsing, and the HTTP API
(`api`: query strings, paths and JSON bodies against a `lexsearch serve` the script starts; no 5xx). Inputs come from
`tests/reliability/hostile_inputs.py` (Hypothesis strategies shared with the CI property tests). A failure
is an exception, a broken invariant (`tests/reliability/invariants.py`) or one input taking longer than
`--timeout` seconds. Failures are grouped by exception type and place; the shortest input of each group is
printed. Exit status 1 when any target failed.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "reliability")]

import citation_inputs  # noqa: E402
import hostile_inputs as hostile  # noqa: E402
import invariants  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from corpus.errors import LexsearchError  # noqa: E402


class InputTimeout(Exception):
    """One input ran longer than the per-input timeout: a denial of service waiting to happen."""


@dataclass
class Failure:
    kind: str
    where: str
    value: Any
    message: str
    count: int = 1


@dataclass
class Outcome:
    target: str
    tried: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    slowest_len: int = 0
    failures: dict[tuple[str, str], Failure] = field(default_factory=dict)
    unavailable: str | None = None


@dataclass(frozen=True)
class Target:
    """A callable checked on every input, and the strategy that generates its inputs."""

    name: str
    check: Callable[[Any], None]
    strategy: st.SearchStrategy
    examples: tuple = ()
    warmup: Any = "Le licenciement pour motif économique des salariés protégés (L. 1233-3)."


def _size(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(len(str(k)) + len(str(v)) for k, v in value.items())
    if isinstance(value, tuple):
        return sum(_size(item) for item in value)
    return len(repr(value))


def _where(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    project = [f for f in frames if str(ROOT) in f.filename and "scripts/fuzz.py" not in f.filename]
    frame = (project or frames or [None])[-1]
    if frame is None:
        return "?"
    return f"{Path(frame.filename).resolve().relative_to(ROOT) if str(ROOT) in frame.filename else frame.filename}:{frame.lineno}"


def _on_alarm(signum: int, frame: Any) -> None:
    raise InputTimeout("input took too long")


def probe(target: Target, value: Any, outcome: Outcome, timeout: float) -> None:
    """Run one input; record a failure (kept per kind and place, shortest input wins), never raise."""
    outcome.tried += 1
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        target.check(value)
    except Exception as error:
        key = (type(error).__name__, _where(error))
        known = outcome.failures.get(key)
        if known is None:
            outcome.failures[key] = Failure(key[0], key[1], value, str(error)[:300])
        else:
            known.count += 1
            if _size(value) < _size(known.value):
                known.value, known.message = value, str(error)[:300]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    elapsed = time.perf_counter() - started
    if elapsed > outcome.slowest:
        outcome.slowest, outcome.slowest_len = elapsed, _size(value)


def run_hypothesis(target: Target, budget: float, timeout: float) -> Outcome:
    """Fixed examples first, then Hypothesis batches with fresh seeds until the budget is spent."""
    outcome = Outcome(target.name)
    # Warm-up, neither timed nor counted: loading spaCy or opening the index is not an input's cost.
    with contextlib.suppress(Exception):
        target.check(target.warmup)
    started = time.monotonic()
    deadline = started + budget
    for value in target.examples:
        if time.monotonic() >= deadline:
            break
        probe(target, value, outcome, timeout)

    @settings(
        max_examples=100,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(target.strategy)
    def batch(value: Any) -> None:
        if time.monotonic() < deadline:
            probe(target, value, outcome, timeout)

    while time.monotonic() < deadline:
        batch()
    outcome.seconds = time.monotonic() - started
    return outcome


# -- targets -------------------------------------------------------------------------------------------


def citations_target() -> Target:
    """The tokenizer itself (it has no safety net), on hostile text and on text made of its own words,
    up to 100k characters, with every accepted shape of known articles."""
    from analyzers.citations import find_citations

    def check(value: tuple[str, str | None, Any]) -> None:
        text, code, known = value
        invariants.check_citations(text, find_citations(text, code, known))

    texts = st.one_of(hostile.hostile_text(), citation_inputs.legal_text(), citation_inputs.huge_legal_text())
    examples = (*hostile.EXAMPLES, *citation_inputs.HUGE)
    return Target(
        "citations",
        check,
        st.tuples(texts, citation_inputs.CODES, citation_inputs.KNOWN_ARTICLES),
        tuple((example, "Code du travail", None) for example in examples),
        (Target.warmup, None, None),
    )


def analyzers_target() -> Target:
    from analyzers import french

    chains = (french.lemma_analyzer(), french.surface_analyzer())

    def check(text: str) -> None:
        invariants.check_tokens(french.analyze_lemmas(text))
        invariants.check_tokens(french.analyze_surface(text))
        for analyzer in chains:  # the Whoosh analyzers the index is built with
            for token in analyzer(text):
                assert isinstance(token.text, str) and token.text, f"empty token from {analyzer!r}"
        french.expand_query_terms(text)

    return Target("analyzers", check, hostile.hostile_text(), hostile.EXAMPLES)


def query_target() -> Target:
    from search.query import parse_query

    def check(text: str) -> None:
        invariants.check_parsed_query(text, parse_query(text))

    return Target("query", check, hostile.hostile_text(), hostile.EXAMPLES)


def search_requests(service: Any) -> st.SearchStrategy:
    """A hostile query under each version filter the app offers (today, a date, every version, a code)."""
    from search.service import SearchRequest

    codes = [code.title for code in service.store.codes()] + [code.code_id for code in service.store.codes()]
    return st.builds(
        SearchRequest,
        query=hostile.hostile_text(),
        at=st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))),
        all_versions=st.booleans(),
        code=st.one_of(st.none(), st.sampled_from([*codes, "", "inconnu", "<b>"])),
        limit=st.integers(min_value=0, max_value=50),
        offset=st.one_of(st.just(0), st.integers(min_value=0, max_value=10_000)),
    )


def search_target(home: Path | None) -> Target:
    from search.service import SearchRequest, SearchService

    service = SearchService.open(home)

    def check(request: Any) -> None:
        invariants.check_results(request, service.search(request))

    return Target(
        "search",
        check,
        search_requests(service),
        tuple(SearchRequest(query=example) for example in hostile.EXAMPLES),
        SearchRequest(query=Target.warmup),
    )


def params_target() -> Target:
    from ui import params

    parse = params.parse
    keys = ["q", "at", "all", "code", "page", "view", "version", "text", "date", "status", "section"]
    values = st.one_of(
        hostile.hostile_text(huge=False),
        hostile.hostile_dates(),
        hostile.hostile_version_ids(),
        hostile.hostile_pages(),
    )
    query_params = st.dictionaries(st.one_of(st.sampled_from(keys), st.text(max_size=10)), values, max_size=8)

    def check(raw: dict[str, str]) -> None:
        invariants.check_params(raw, parse(raw))

    examples = ({}, {"page": "-1"}, {"view": "../../etc/passwd"})
    return Target("params", check, query_params, examples, {"q": "licenciement", "at": "2020-06-01"})


def api_target(home: Path | None) -> Target:
    """The HTTP API against a `lexsearch serve` started for the run (scripts/fuzz_api.py)."""
    import fuzz_api

    check = fuzz_api.checker(fuzz_api.start_server(home))
    return Target("api", check, fuzz_api.strategy(), fuzz_api.EXAMPLES, ("query", {"q": Target.warmup}))


TARGETS: dict[str, Callable[[argparse.Namespace], Target]] = {
    "citations": lambda args: citations_target(),
    "analyzers": lambda args: analyzers_target(),
    "query": lambda args: query_target(),
    "search": lambda args: search_target(args.home),
    "params": lambda args: params_target(),
    "api": lambda args: api_target(args.home),
}


# -- atheris (optional, coverage-guided) ---------------------------------------------------------------


def atheris_child(name: str, home: Path | None, argv: list[str]) -> None:
    """Runs inside a subprocess: libFuzzer drives one target with unicode decoded from its byte inputs."""
    import atheris

    with atheris.instrument_imports():
        target = TARGETS[name](argparse.Namespace(home=home))

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        text = provider.ConsumeUnicodeNoSurrogates(len(data))
        if name == "search":
            from search.service import SearchRequest

            target.check(SearchRequest(query=text))
        elif name == "citations":
            target.check((text, None, None))
        elif name == "api":
            target.check(("query", {"q": text[:600], "at": text[600:620]}))
        elif name == "params":
            target.check({"q": text[:50], "at": text[50:80], "page": text[80:90], "version": text[90:]})
        else:
            target.check(text)

    atheris.Setup([sys.argv[0], *argv], one_input)
    atheris.Fuzz()


def run_atheris(name: str, budget: float, home: Path | None) -> str:
    command = [sys.executable, __file__, "--atheris-child", name]
    if home:
        command += ["--home", str(home)]
    command += ["--", f"-max_total_time={int(budget)}", "-max_len=4096"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=budget + 300)
    runs = [line for line in done.stderr.splitlines() if line.startswith("Done ") or "DONE" in line]
    crashed = "==ERROR" in done.stderr or "Uncaught Python exception" in done.stderr
    summary = runs[-1] if runs else done.stderr.strip().splitlines()[-1:]
    return f"{'CRASH' if crashed else 'ok'} (exit {done.returncode}): {summary}"


# -- main ----------------------------------------------------------------------------------------------


def report(outcome: Outcome) -> None:
    if outcome.unavailable:
        print(f"{outcome.target:10} NOT RUN: {outcome.unavailable}")
        return
    rate = outcome.tried / outcome.seconds if outcome.seconds else 0.0
    print(
        f"{outcome.target:10} tried {outcome.tried:7d} inputs in {outcome.seconds:6.1f} s "
        f"({rate:7.1f}/s), slowest {outcome.slowest * 1000:8.1f} ms (input of {outcome.slowest_len} chars), "
        f"failures: {sum(f.count for f in outcome.failures.values())} in {len(outcome.failures)} group(s)"
    )
    for failure in outcome.failures.values():
        shown = repr(failure.value)
        shown = shown if len(shown) <= 240 else shown[:240] + f"… ({_size(failure.value)} chars)"
        print(f"    {failure.kind} at {failure.where} ×{failure.count}: {failure.message}")
        print(f"        shortest input: {shown}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per target (default 60)")
    parser.add_argument("--target", action="append", choices=sorted(TARGETS), help="repeatable")
    parser.add_argument("--home", type=Path, default=None, help="LEXSEARCH_HOME holding store and index")
    parser.add_argument("--timeout", type=float, default=10.0, help="per-input limit in seconds")
    parser.add_argument("--atheris", type=float, default=0.0, help="also run atheris for N s per target")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--atheris-child", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.atheris_child:
        atheris_child(args.atheris_child, args.home, [a for a in rest if a != "--"])
        return 0
    if args.seed is not None:
        random.seed(args.seed)
    signal.signal(signal.SIGALRM, _on_alarm)
    failed = False
    for name in args.target or list(TARGETS):
        try:
            target = TARGETS[name](args)
        except (ImportError, LexsearchError) as error:
            report(Outcome(name, unavailable=f"{type(error).__name__}: {error}"))
            continue
        outcome = run_hypothesis(target, args.budget, args.timeout)
        report(outcome)
        failed = failed or bool(outcome.failures)
        if args.atheris:
            try:
                import atheris  # noqa: F401
            except ImportError:
                print(f"{'':10} atheris: not installed (pip install atheris), skipped")
            else:
                print(f"{'':10} atheris {args.atheris:.0f} s: {run_atheris(name, args.atheris, args.home)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

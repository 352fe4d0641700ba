"""Measure the citation tokenizer against Légifrance's own links and print the figures.

Gold: every `<a … title="<code> - art. <number> (V)">` in an article's HTML (`texteHtml`) marks a
citation and its target (`cidTexte` in the href names the text). The tokenizer reads the plain text of
the same version with the code's title as default code. Reported, for the tokenizer and for the baseline
bare regex `[LRD]\\.? ?\\d+(-\\d+)*` (everything attributed to the default code):
recall intra-code and cross-code (raw, and on the audited gold: links whose own words do not contain
the number they target, "l'article L. 4532-11" linked to R4532-11, are Légifrance's mistakes and are set
aside), extracted targets absent from the gold (with a sample), misattribution
(a link to another code read as the default code), dangling targets (default-code numbers that do not
exist at that date), exceptions, and the time taken.

    .venv/bin/python scripts/eval_citations.py                       # committed artifact, offline
    .venv/bin/python scripts/eval_citations.py --snapshot FILE.json  # one raw Légifrance snapshot
"""

from __future__ import annotations

import argparse
import html as html_lib
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analyzers.citations import CODE_ARTICLE, find_citations, order_key, resolve_code
from analyzers.code_names import CODES
from corpus.model import normalize_number

BASELINE = re.compile(r"[LRD]\.? ?\d+(-\d+)*")
_LINK = re.compile(r"(<a\s[^>]*>)(.*?)</a>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_TITLE = re.compile(r"""title\s*=\s*(["'])(.*?)\1""", re.DOTALL)
_TEXT_ID = re.compile(r"cidTexte=(\w+)")
_ARTICLE_IN_TITLE = re.compile(r"^(.*?)\s+-\s+art\.\s*(.+?)(?:\s+\(\w+\))?\s*$", re.DOTALL)
_CODE_BY_ID = {code_id: title for title, main_id, _n, _a, aliases in CODES for code_id in (main_id, *aliases)}


@dataclass(frozen=True)
class Sample:
    """One article version to score: its number, plain text and HTML (for the gold links)."""

    number: str
    text: str
    html: str


@dataclass(frozen=True)
class GoldLink:
    code: str | None  # code title when the target is a code, else None
    text_title: str  # the linked text as Légifrance names it
    number: str
    consistent: bool = True  # the link's own words contain the number it targets


def _consistent(anchor: str, number: str) -> bool:
    """Does the anchor text name the target? ("l'article L. 4532-11" linked to R4532-11 does not)."""
    compact = re.sub(r"[\s.*\u00a0\u202f]", "", html_lib.unescape(_TAGS.sub("", anchor)))
    wanted = re.sub(r"[\s*]", "", number)
    return re.search(rf"(?<![\d-]){re.escape(wanted)}(?![\d-])", compact) is not None


def gold_links(html: str) -> list[GoldLink]:
    """The article links of one HTML text (links to sections, without "- art.", are not citations)."""
    links = []
    for tag, anchor in _LINK.findall(html or ""):
        title_match = _TITLE.search(tag)
        if not title_match:
            continue
        title = html_lib.unescape(title_match.group(2))
        parts = _ARTICLE_IN_TITLE.match(title)
        if not parts:
            continue
        text_id = _TEXT_ID.search(tag)
        code = _CODE_BY_ID.get(text_id.group(1)) if text_id else None
        if code is None and parts.group(1).lower().startswith("code"):
            code = resolve_code(parts.group(1))[0]
        number = normalize_number(parts.group(2))
        links.append(GoldLink(code, parts.group(1).strip(), number, _consistent(anchor, number)))
    return links


def from_artifact(path: Path | None, at: date | None) -> tuple[str, date, list[Sample], list[str], set[str]]:
    """Versions in force at `at` (default: the latest start date in the corpus) and every text version."""
    from corpus.artifact import iter_articles
    from corpus.settings import DEFAULT_ARTIFACT

    articles = list(iter_articles(path or DEFAULT_ARTIFACT))
    if at is None:
        today = date.today()
        at = max(v.valid_from for a in articles for v in a.versions if v.valid_from and v.valid_from <= today)
    samples, every_text, existing = [], [], set()
    code_title = articles[0].code.title if articles else "Code du travail"
    for article in articles:
        every_text.extend(v.text for v in article.versions if v.text)
        current = [v for v in article.versions if v.in_force_at(at)]
        if current:
            existing.add(normalize_number(article.number))
            if current[-1].text:
                samples.append(Sample(article.number, current[-1].text, current[-1].html or ""))
    return code_title, at, samples, every_text, existing


def from_snapshot(path: Path) -> tuple[str, date, list[Sample], list[str], set[str]]:
    """One raw Légifrance JSON snapshot, read through the corpus adapter: the versions it captured."""
    from corpus.legifrance import iter_snapshots

    for snapshot in iter_snapshots([path]):
        at = snapshot.taken_on or date.today()
        samples = [
            Sample(article.number, article.captured.text, article.captured.html or "")
            for article in snapshot.articles
            if any(
                meta.version_id == article.captured.version_id
                and meta.status.value in ("in_force", "repealed_deferred")
                for meta in article.versions
            )
        ]
        existing = {normalize_number(sample.number) for sample in samples}
        return snapshot.code.title, at, samples, [sample.text for sample in samples], existing
    raise SystemExit(f"{path}: no code snapshot found")


@dataclass
class Score:
    name: str
    intra_links: int = 0
    intra_found: int = 0
    intra_consistent: int = 0
    intra_consistent_found: int = 0
    cross_consistent: int = 0
    cross_consistent_found: int = 0
    cross_links: int = 0
    cross_found: int = 0
    misattributed: int = 0
    other_links: int = 0
    other_found: int = 0
    extracted: int = 0
    not_in_gold: int = 0
    interior: int = 0  # targets added by expanding a range against the known articles
    default_targets: int = 0
    dangling: int = 0
    exceptions: int = 0

    def report(self) -> str:
        def pct(part: int, whole: int) -> str:
            return f"{100 * part / whole:6.2f} % ({part}/{whole})" if whole else "n/a"

        return "\n".join(
            [
                f"[{self.name}]",
                f"  recall intra-code          {pct(self.intra_found, self.intra_links)}",
                f"  recall cross-code          {pct(self.cross_found, self.cross_links)}",
                f"  recall intra, audited gold {pct(self.intra_consistent_found, self.intra_consistent)}",
                f"  recall cross, audited gold {pct(self.cross_consistent_found, self.cross_consistent)}",
                f"  misattribution             {pct(self.misattributed, self.cross_links)}",
                f"  recall other texts (art.)  {pct(self.other_found, self.other_links)}",
                f"  extracted code targets     {self.extracted} (per article, distinct)",
                f"  extracted, absent from gold {self.not_in_gold} ({self.interior} of them inside expanded ranges,"
                f" which Légifrance never links)",
                f"  dangling default-code      {pct(self.dangling, self.default_targets)}",
                f"  exceptions                 {self.exceptions}",
            ]
        )


def targets_of(
    text: str, code: str, score: Score, known: frozenset[str]
) -> tuple[set[tuple[str, str]], set[str], list]:
    try:
        citations = find_citations(text, code=code, known_articles=known)
    except Exception as error:  # a grammar bug: counted and shown, the evaluation goes on
        score.exceptions += 1
        print(f"exception {type(error).__name__}: {error} ← {text[:80]!r}", file=sys.stderr)
        return set(), set(), []
    code_targets = {(c.code, n) for c in citations if c.kind == CODE_ARTICLE and c.code for n in c.articles}
    interior = {
        (c.code, n)
        for c in citations
        for first, last in c.ranges
        for n in c.articles
        if order_key(first) < order_key(n) < order_key(last)
    }
    score.interior_pending = interior
    other_numbers = {n for c in citations if c.kind != CODE_ARTICLE for n in c.articles}
    return code_targets, other_numbers, citations


def baseline_targets(text: str, code: str) -> set[tuple[str, str]]:
    return {(code, normalize_number(match.group(0))) for match in BASELINE.finditer(text)}


def score_one(score: Score, code: str, links: list[GoldLink], targets, other_numbers, existing: set[str]):
    gold_targets = {(link.code, link.number) for link in links if link.code}
    for link in links:
        if link.code == code:
            score.intra_links += 1
            score.intra_found += (code, link.number) in targets
            score.intra_consistent += link.consistent
            score.intra_consistent_found += link.consistent and (code, link.number) in targets
        elif link.code:
            score.cross_links += 1
            score.cross_found += (link.code, link.number) in targets
            score.cross_consistent += link.consistent
            score.cross_consistent_found += link.consistent and (link.code, link.number) in targets
            score.misattributed += (code, link.number) in targets and (link.code, link.number) not in targets
        else:
            score.other_links += 1
            score.other_found += link.number in other_numbers
    score.extracted += len(targets)
    absent = targets - gold_targets
    score.not_in_gold += len(absent)
    interior = getattr(score, "interior_pending", set()) & absent
    score.interior += len(interior)
    score.interior_pending = set()
    absent -= interior
    own = [number for target_code, number in targets if target_code == code]
    score.default_targets += len(own)
    score.dangling += sum(number not in existing for number in own)
    return absent


def _context(text: str, number: str) -> str:
    """Where a missed number appears in the text (digits part), for reading the misses."""
    digits = re.sub(r"^[A-Z*]+", "", number)
    at = text.find(digits)
    return text[max(0, at - 70) : at + 50] if at >= 0 else "(number not in text)"


def iter_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--artifact", type=Path, help="corpus artifact (default: the committed one)")
    parser.add_argument(
        "--snapshot", type=Path, help="a raw Légifrance JSON snapshot instead of the artifact"
    )
    parser.add_argument("--at", type=date.fromisoformat, help="date of the versions scored (artifact only)")
    parser.add_argument(
        "--sample", type=int, default=15, help="examples of extracted targets absent from gold"
    )
    parser.add_argument("--misses", type=int, default=0, help="also list this many missed gold links")
    parser.add_argument("--seed", type=int, default=3)
    return parser.parse_args(argv)


@dataclass
class Run:
    """What one pass over the samples found: both scores, the gold's counts and what to show."""

    ours: Score
    baseline: Score
    links_total: Counter
    articles_with_links: int = 0
    audit: list[tuple[str, GoldLink]] = field(default_factory=list)
    misses: list[tuple[str, GoldLink, str]] = field(default_factory=list)
    absent_examples: list[tuple[str, tuple[str, str], str]] = field(default_factory=list)


def evaluate(samples: list[Sample], code: str, existing: set[str]) -> Run:
    """Score the tokenizer and the baseline regex on every sample against its Légifrance links."""
    known = frozenset(existing)
    run = Run(Score("tokenizer"), Score("baseline regex [LRD]\\.? ?\\d+(-\\d+)*"), Counter())
    for sample in samples:
        links = gold_links(sample.html)
        run.audit.extend((sample.number, link) for link in links if link.code)
        run.articles_with_links += bool(links)
        run.links_total.update("intra" if g.code == code else "cross" if g.code else "other" for g in links)
        targets, other_numbers, citations = targets_of(sample.text, code, run.ours, known)
        absent = score_one(run.ours, code, links, targets, other_numbers, existing)
        for link in links:
            if link.code and link.consistent and (link.code, link.number) not in targets:
                run.misses.append((sample.number, link, _context(sample.text, link.number)))
        for target in sorted(absent):
            span = next((c.text for c in citations if c.code == target[0] and target[1] in c.articles), "")
            run.absent_examples.append((sample.number, target, span))
        score_one(run.baseline, code, links, baseline_targets(sample.text, code), set(), existing)
    return run


def print_run(run: Run, args: argparse.Namespace) -> None:
    totals = run.links_total
    print(
        f"gold: {sum(totals.values())} article links in {run.articles_with_links} articles "
        f"({totals['intra']} intra-code, {totals['cross']} to other codes, {totals['other']} to other texts)"
    )
    inconsistent = [(sample_number, link) for sample_number, link in run.audit if not link.consistent]
    print(
        f"gold audit: {len(inconsistent)} links whose own words do not contain their target number "
        f"(Légifrance linked another article); 'audited gold' leaves them out"
    )
    for sample_number, link in inconsistent[: args.sample]:
        print(f"  in {sample_number}: link to {link.code or link.text_title} {link.number}")
    print(run.ours.report())
    print(run.baseline.report())
    examples = run.absent_examples
    random.Random(args.seed).shuffle(examples)
    print(
        f"sample of extracted targets absent from gold ({min(args.sample, len(examples))} of {len(examples)}):"
    )
    for number, (target_code, target), span in examples[: args.sample]:
        print(f"  in {number}: {target_code} {target}   ← {span[:110]!r}")
    if args.misses:
        print(f"missed gold links ({min(args.misses, len(run.misses))} of {len(run.misses)}):")
        for number, link, context in run.misses[: args.misses]:
            print(f"  in {number}: {link.code} {link.number}   ← {context!r}")


def print_speed(every_text: list[str], code: str, existing: set[str]) -> None:
    known = frozenset(existing)
    started, cpu = time.perf_counter(), time.process_time()
    count = 0
    for text in every_text:
        count += len(find_citations(text, code=code, known_articles=known))
    took, took_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"speed: {len(every_text)} versions with text, {count} citations in {took:.2f} s wall, "
        f"{took_cpu:.2f} s CPU ({len(every_text) / took_cpu:.0f} versions per CPU second; "
        "provisional: shared 2-core machine)"
    )


def main(argv: list[str] | None = None) -> int:
    args = iter_args(argv)
    started = time.perf_counter()
    if args.snapshot:
        code, at, samples, every_text, existing = from_snapshot(args.snapshot)
    else:
        code, at, samples, every_text, existing = from_artifact(args.artifact, args.at)
    code = resolve_code(code)[0] or code
    print(
        f"corpus: {code}, {len(samples)} articles in force at {at}, read in {time.perf_counter() - started:.1f} s"
    )
    print_run(evaluate(samples, code, existing), args)
    print_speed(every_text, code, existing)
    return 0


if __name__ == "__main__":
    sys.exit(main())

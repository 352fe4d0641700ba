"""Positions read block by block (search.postings.term_positions) and phrases matched on them
(WhooshEngine._phrase_docs) against Whoosh's own matcher and `Phrase` query, on an index written here:
two segments, words in hundreds of documents (several postings blocks each), phrases of frequent words."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from whoosh import index
from whoosh import query as wq
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import TEXT, Schema

from search.postings import term_positions
from search.read_cache import ReadCache
from search.retrieval import FieldStats, WhooshEngine

WORDS = ["service", "sante", "travail", "prevention", "contrat", "salarie", "rare"]
DOCUMENTS = 900  # in two segments of 450: each frequent word fills several blocks of 128 postings


def _text(chooser: random.Random) -> str:
    """A text of frequent words, often in the order of the phrases below, sometimes repeated."""
    words = chooser.choices(WORDS[:6], k=chooser.randint(0, 14))
    if chooser.random() < 0.3:
        at = chooser.randint(0, len(words))
        words[at:at] = ["service", "prevention", "sante", "travail"][: chooser.randint(2, 4)]
    if chooser.random() < 0.02:
        words.append("rare")
    return " ".join(words)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory):
    directory = Path(tmp_path_factory.mktemp("phrases"))
    schema = Schema(text=TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=True))
    written = index.create_in(str(directory), schema)
    chooser = random.Random(7)
    for _ in range(2):  # two commits without merging: two segments, document numbers offset
        writer = written.writer()
        for _ in range(DOCUMENTS // 2):
            writer.add_document(text=_text(chooser))
        writer.commit(merge=False)
    with written.searcher() as opened:
        assert len(opened.leaf_searchers()) == 2
        yield opened


def _matcher_positions(searcher, term: str, docnums: list[int]) -> dict[int, tuple[int, ...]]:
    """What the engine read before: Whoosh's matcher, `skip_to` and `value_as` posting by posting."""
    read = dict.fromkeys(docnums, ())
    matcher = searcher.postings("text", term)
    for docnum in docnums:
        if matcher.is_active() and matcher.id() < docnum:
            matcher.skip_to(docnum)
        if not matcher.is_active():
            break
        if matcher.id() == docnum:
            read[docnum] = tuple(matcher.value_as("positions"))
    return read


@pytest.mark.parametrize("term", ["travail", "prevention", "rare"])
@pytest.mark.parametrize("share", [0.01, 0.2, 1.0])
def test_positions_are_the_matchers(searcher, term: str, share: float) -> None:
    chooser = random.Random(f"{term} {share}")
    holding = list(searcher.postings("text", term).all_ids())
    sample = chooser.sample(range(DOCUMENTS), max(1, int(share * DOCUMENTS)))
    docnums = sorted({*sample, *holding[:: max(1, len(holding) // 3)]})  # some that hold it, in each segment
    read = term_positions(searcher, "text", term, docnums)
    assert read == _matcher_positions(searcher, term, docnums)
    assert any(read.values())  # the comparison saw positions, not only absences


def test_positions_of_an_unknown_word_are_empty(searcher) -> None:
    assert term_positions(searcher, "text", "absent", [0, 500]) == {0: (), 500: ()}


def _engine(searcher) -> WhooshEngine:
    stats = {"text": FieldStats(np.ones(DOCUMENTS), 1.0)}
    return WhooshEngine(searcher, stats, np.arange(DOCUMENTS), ReadCache())


@pytest.mark.parametrize(
    "phrase",
    [
        ("service", "prevention", "sante", "travail"),
        ("service", "sante", "travail"),
        ("sante", "travail"),
        ("travail", "sante"),
        ("travail", "travail"),
        ("contrat", "rare"),
        ("contrat", "absent"),
    ],
)
def test_phrases_are_whooshs(searcher, phrase: tuple[str, ...]) -> None:
    theirs = np.sort(np.fromiter(searcher.docs_for_query(wq.Phrase("text", list(phrase))), dtype=np.int64))
    ours = _engine(searcher)._phrase_docs("text", phrase)
    assert np.array_equal(ours, theirs)
    if phrase[-1] != "absent" and phrase[-1] != "rare":
        assert theirs.size >= 5  # a phrase that occurs, in both segments for the frequent ones


def test_a_phrase_mask_is_remembered(searcher) -> None:
    engine = _engine(searcher)
    first = engine._phrase_mask("text", ("sante", "travail"))
    assert engine.cache.peek(("phrase", "text", ("sante", "travail"))) is not None
    assert np.array_equal(engine._phrase_mask("text", ("sante", "travail")), first)


def test_a_matcher_without_blocks_is_read_one_posting_at_a_time(searcher, monkeypatch) -> None:
    """Another codec's matcher (no block reads): the same positions, through `skip_to` and `value_as`."""
    from whoosh.matching import WrappingMatcher
    from whoosh.reading import SegmentReader

    docnums = list(range(0, DOCUMENTS, 7))
    expected = _matcher_positions(searcher, "travail", docnums)
    assert any(expected.values())
    postings = SegmentReader.postings
    monkeypatch.setattr(SegmentReader, "postings", lambda *args, **kw: WrappingMatcher(postings(*args, **kw)))
    assert term_positions(searcher, "text", "travail", docnums) == expected

"""The retrieval contract, run against both engines (Whoosh and tantivy) on the small real fixture.

Expectations are computed without any engine: from the store's texts run through `analyzers.french`
(the analysis both engines are fed), or from the view's rows for filters. Then the two engines are
compared with each other: same matches, same scores on the candidates the pipeline looks at.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from analyzers.french import lemma_analyzer
from corpus.ingest import build_store
from corpus.store import Store
from indexer.build import build_index
from indexer.engines import ENGINE_VARIABLE, ENGINES, TANTIVY, WHOOSH
from indexer.errors import EngineSettingError, StaleIndexError
from indexer.location import current_directory
from indexer.schema import META_FILE, IndexMeta
from search.coverage import status_at
from search.filters import VersionFilter, Where
from search.index_view import IndexView
from search.matching import DERIVATION, THESAURUS, QueryTerms, analyze_query, query_expansions
from search.query import parse_query
from search.ranking import RankingConfig
from search.service import SearchRequest, SearchService
from search.tantivy_engine import TantivyEngine

SMALL = "indexer/small-code-du-travail.jsonl.gz"
CONFIG = RankingConfig()


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    home = tmp_path_factory.mktemp("engines-store")
    build_store(home / "corpus.sqlite3", [data_dir / SMALL], progress=False).close()
    return home / "corpus.sqlite3"


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory, store_file: Path) -> dict[str, Path]:
    """One home per engine over copies of the same store, each index built once."""
    built = {}
    for engine in ENGINES:
        home = tmp_path_factory.mktemp(f"engine-{engine}")
        (home / "corpus.sqlite3").write_bytes(store_file.read_bytes())
        with Store.open(home / "corpus.sqlite3") as store:
            build_index(store, home / "index", processes=1, progress=False, engine=engine)
        built[engine] = home
    return built


@pytest.fixture(scope="module")
def views(homes: dict[str, Path]):
    opened = {engine: IndexView(current_directory(home / "index"), "t") for engine, home in homes.items()}
    yield opened
    for view in opened.values():
        view.close()


@pytest.fixture(scope="module")
def lemma_streams(store_file: Path) -> dict[str, list[str]]:
    """version id → its lemma stream, straight from the analyzers (no engine)."""
    analyzer = lemma_analyzer()
    with Store.open(store_file) as store:
        return {v.version_id: [t.text for t in analyzer(v.text or "")] for v in store.iter_versions()}


def terms_of(text: str) -> QueryTerms:
    return analyze_query(parse_query(text))


def retrieve(view: IndexView, text: str, where: Where | None = None, config: RankingConfig = CONFIG):
    where = where or Where(None)
    version = VersionFilter(where.day)
    allowed = view.filter_mask(version, where.code_id, where.status, where.section)
    with view.engine() as engine:
        return engine.retrieve(terms_of(text), allowed, config, where)


def matched_ids(view: IndexView, retrieved) -> set[str]:
    return {view.rows[d].version_id for d in np.flatnonzero(retrieved.matched)}


@pytest.mark.parametrize("engine", ENGINES)
def test_build_records_its_engine_and_indexes_every_version(engine, homes, views, store_file) -> None:
    meta = IndexMeta.read(current_directory(homes[engine] / "index"))
    with Store.open(store_file) as store:
        assert meta.engine == engine
        assert meta.documents == len(views[engine].rows) == store.count_versions(with_text=True)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lemma_of", ["démission", "employeur", "grossesse"])
def test_a_word_matches_exactly_the_versions_whose_analysis_has_its_lemma(
    engine, lemma_of, views, lemma_streams
) -> None:
    view = views[engine]
    (lemma,) = terms_of(lemma_of).lemmas
    section_lemmas = {
        row.version_id: {t.text for t in lemma_analyzer()("\n".join(row.section_path))} for row in view.rows
    }
    expected = {
        vid
        for vid, stream in lemma_streams.items()
        if lemma in stream or lemma in section_lemmas.get(vid, ())
    }
    assert expected, f"{lemma_of}: the fixture must contain it"
    assert matched_ids(view, retrieve(view, lemma_of)) == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_quoted_phrase_is_required_and_excluded_word_removes(engine, views, lemma_streams) -> None:
    view = views[engine]
    free = matched_ids(view, retrieve(view, "contrat"))
    phrased = matched_ids(view, retrieve(view, 'contrat "état de grossesse"'))
    assert phrased and phrased < free | phrased
    assert all("grossesse" in lemma_streams[vid] for vid in phrased)
    without = matched_ids(view, retrieve(view, "contrat -grossesse"))
    assert without == {vid for vid in free if "grossesse" not in lemma_streams[vid]}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "where",
    [
        Where(date(2009, 6, 1)),
        Where(date(2020, 1, 1), status="in_force"),
        Where(None, code_id="LEGITEXT000006072050", section="Démission"),
        Where(None, status="abroge"),
    ],
)
def test_filters_select_the_versions_the_view_allows(engine, where, views) -> None:
    view = views[engine]
    retrieved = retrieve(view, "salarié contrat", where)
    version = VersionFilter(where.day)
    expected = {
        row.version_id
        for row in view.rows
        if version.accepts(row.valid_from, row.valid_to)
        and (where.code_id is None or row.code_id == where.code_id)
        and (
            where.status is None
            or status_at(row.status, row.valid_from, row.valid_to, where.day, date.today()) == where.status
        )
        and (where.section is None or any(where.section.casefold() in t.casefold() for t in row.section_path))
    }
    unfiltered = matched_ids(view, retrieve(view, "salarié contrat"))
    assert matched_ids(view, retrieved) == unfiltered & expected


@pytest.mark.parametrize("engine", ENGINES)
def test_positions_are_those_of_the_lemma_stream(engine, views, lemma_streams) -> None:
    view = views[engine]
    docnums = set(np.flatnonzero(retrieve(view, "salarié employeur").matched)[:10].tolist())
    with view.engine() as searching:
        found = searching.positions(("salarie", "employeur"), docnums)
    for docnum in docnums:
        stream = lemma_streams[view.rows[docnum].version_id]
        for lemma in ("salarie", "employeur"):
            assert found[docnum].get(lemma, []) == [i for i, t in enumerate(stream) if t == lemma]


@pytest.mark.parametrize("engine", ENGINES)
def test_spelling_replaces_only_unknown_words(engine, views) -> None:
    with views[engine].engine() as searching:
        assert searching.correct(parse_query("grossesse salariée")) is None
        corrected = searching.correct(parse_query("grosesse salariée"))
    assert corrected is not None and corrected[0] == "grossesse salariée"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_clipped_word_is_completed_by_what_the_query_holds_with_it(engine, views) -> None:
    # "adm" is French (and absent from the fixture); it begins "administrative" most often there, but
    # the versions that name the liquidator name the "administrateur"
    with views[engine].engine() as searching:
        corrected = searching.correct(parse_query("liquidateur adm"))
        assert searching.correct(parse_query("adm")) is None
    assert corrected is not None and corrected[0] == "liquidateur administrateur"


@pytest.mark.parametrize("k1", [CONFIG.k1, 3.0])
def test_both_engines_match_the_same_versions_and_score_their_candidates_alike(views, k1) -> None:
    config = replace(CONFIG, k1=k1)
    for text in ("rupture du contrat de travail", "congé maternité", "CDD", '"période d\'essai" salarié'):
        whoosh, tantivy = (retrieve(views[engine], text, config=config) for engine in (WHOOSH, TANTIVY))
        assert np.array_equal(whoosh.matched, tantivy.matched), text
        top = whoosh.top(50)
        assert np.allclose(tantivy.scores[top], whoosh.scores[top]), text
        assert tantivy.top(50).tolist() == top.tolist(), text


def test_tantivy_counts_missing_frequencies_once_per_generation_and_scores_alike(views, monkeypatch) -> None:
    """Without section titles (a question), with an expansion ("CDD") and the surface stream, tantivy
    counts the article frequencies its build's table lacks: the same scores as Whoosh, and a second
    request reads them back instead of counting again."""
    config = replace(CONFIG, section_weight=0.0, surface_weight=1.0)
    text = "CDD rupture du contrat"
    whoosh = retrieve(views[WHOOSH], text, config=config)
    first = retrieve(views[TANTIVY], text, config=config)
    top = whoosh.top(50)
    assert np.allclose(first.scores[top], whoosh.scores[top])

    def count_again(self, query):
        raise AssertionError(f"counted again: {query}")

    monkeypatch.setattr(TantivyEngine, "_article_frequency", count_again)
    again = retrieve(views[TANTIVY], text, config=config)
    assert np.array_equal(again.scores, first.scores)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_higher_k1_lets_repetitions_count_longer(engine, views) -> None:
    # BM25F saturation: with a higher k1 a version saying the word more often gains more on one saying it
    # once, so the ratio of their scores grows (and every score is lower: tf / (k1 + tf)).
    low, high = (retrieve(views[engine], "salarié", config=replace(CONFIG, k1=k1)) for k1 in (1.2, 3.0))
    docs = low.top(1000)
    assert docs.size > 2 and np.array_equal(low.matched, high.matched)
    assert np.all(high.scores[docs] < low.scores[docs])
    best, worst = docs[0], docs[-1]
    assert high.scores[best] / high.scores[worst] > low.scores[best] / low.scores[worst]


def test_services_on_both_engines_give_the_same_results(homes) -> None:
    requests = [
        SearchRequest(query="démission de la salariée enceinte"),
        SearchRequest(query="contrat de travail", all_versions=True),
        SearchRequest(query="L. 1225-34 employeur"),
    ]
    results = {}
    for engine, home in homes.items():
        service = SearchService.open(home, build_if_missing=False, progress=False)
        results[engine] = [service.search(r) for r in requests]
        service.close()
    for whoosh, tantivy in zip(results[WHOOSH], results[TANTIVY], strict=True):
        assert whoosh.hits and tantivy.hits == whoosh.hits
        assert (tantivy.total, tantivy.facets) == (whoosh.total, whoosh.facets)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_other_engine_setting_refuses_the_index_in_one_line(engine, homes, monkeypatch) -> None:
    other = TANTIVY if engine == WHOOSH else WHOOSH
    monkeypatch.setenv(ENGINE_VARIABLE, other)
    with pytest.raises(StaleIndexError, match=f"--engine {other}") as raised:
        SearchService.open(homes[engine], build_if_missing=False, progress=False)
    assert "\n" not in str(raised.value)
    monkeypatch.setenv(ENGINE_VARIABLE, "lucene")
    with pytest.raises(EngineSettingError, match="lucene"):
        SearchService.open(homes[engine], build_if_missing=False, progress=False)


def test_an_unknown_engine_in_the_metadata_is_stale(homes, tmp_path) -> None:
    directory = current_directory(homes[WHOOSH] / "index")
    meta = json.loads((directory / META_FILE).read_text())
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / META_FILE).write_text(json.dumps({**meta, "engine": "lucene"}))
    with pytest.raises(StaleIndexError, match="lucene"):
        IndexView(copy, "copy")


def _build_forever(home: str, engine: str) -> None:
    with Store.open(Path(home) / "corpus.sqlite3") as store:
        while True:
            build_index(store, Path(home) / "index", processes=2, progress=False, engine=engine)


@pytest.mark.slow
def test_sigkill_mid_tantivy_build_leaves_an_index_serving(homes, tmp_path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "corpus.sqlite3").write_bytes((homes[TANTIVY] / "corpus.sqlite3").read_bytes())
    with Store.open(home / "corpus.sqlite3") as store:
        good = build_index(store, home / "index", processes=1, progress=False, engine=TANTIVY)
    process = multiprocessing.get_context("spawn").Process(target=_build_forever, args=(str(home), TANTIVY))
    process.start()
    time.sleep(6.0)
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    directory = current_directory(home / "index")  # some complete build, never a partial one
    assert IndexMeta.read(directory).documents == good.documents
    service = SearchService.open(home, build_if_missing=False, progress=False)
    assert service.search(SearchRequest(query="démission")).hits
    service.close()
    with Store.open(home / "corpus.sqlite3") as store:
        after = build_index(store, home / "index", processes=1, progress=False, engine=TANTIVY)
    assert current_directory(home / "index") == after.directory


def test_an_open_service_switches_engine_under_load_when_the_index_is_rebuilt(homes, tmp_path) -> None:
    """Readers on a Whoosh index while a tantivy build replaces it: none fails, and the service then
    serves the tantivy index (it follows the metadata of `current`) with the same hits."""
    import threading

    home = tmp_path / "home"
    home.mkdir()
    (home / "corpus.sqlite3").write_bytes((homes[WHOOSH] / "corpus.sqlite3").read_bytes())
    with Store.open(home / "corpus.sqlite3") as store:
        build_index(store, home / "index", processes=1, progress=False, engine=WHOOSH)
    service = SearchService.open(home, build_if_missing=False, progress=False)
    request = SearchRequest(query="démission de la salariée enceinte")
    before = service.search(request).hits
    errors: list[str] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                assert service.search(request).hits == before
            except Exception as error:  # recorded: any failure fails the test below
                errors.append(f"{type(error).__name__}: {error}")

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        with Store.open(home / "corpus.sqlite3") as store:
            build_index(store, home / "index", processes=1, progress=False, engine=TANTIVY)
        service.search(request)
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=60)
    assert errors == []
    assert service._current_view().meta.engine == TANTIVY
    assert service.search(request).hits == before
    service.close()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_lay_wordings_typed_words_weigh_lay_typed_weight_in_both_engines(engine, views) -> None:
    """A word typed inside a lay wording's key counts `lay_typed_weight` times its BM25F score, in both
    engines alike; the other words count in full."""
    view = views[engine]
    allowed = view.filter_mask(VersionFilter(None), None, None, None)
    lay = frozenset(analyze_query(parse_query("démission")).lemmas)
    terms = analyze_query(parse_query("démission salarié"), lay_typed=lay)
    plain = analyze_query(parse_query("démission salarié"))
    alone = analyze_query(parse_query("démission"))
    other = analyze_query(parse_query("salarié"))
    with view.engine() as opened:
        full = replace(CONFIG, lay_typed_weight=1.0)
        half = replace(CONFIG, lay_typed_weight=0.5)
        weighed = opened.retrieve(terms, allowed, half).scores
        assert np.allclose(
            opened.retrieve(terms, allowed, full).scores, opened.retrieve(plain, allowed, half).scores
        )
        expected = (
            0.5 * opened.retrieve(alone, allowed, full).scores + opened.retrieve(other, allowed, full).scores
        )
    top = np.flatnonzero(weighed)[:50]
    assert top.size
    assert np.allclose(weighed[top], expected[top])


def test_one_word_expansions_count_alike_in_both_engines(views) -> None:
    """A one-word expansion of one word typed (a verb's noun, a split inflection, most synonyms) counts
    where it is and the typed word is not; tantivy counts it with the words instead of reading each
    stream again, and must give Whoosh's scores."""
    typed = analyze_query(parse_query("employeur contrat"))
    terms = replace(
        typed,
        expansion_phrases=(("salarie",), ("travail",)),
        expansion_spans=(("employeur",), ()),
        expansion_kinds=(DERIVATION, THESAURUS),
    )
    found = {}
    for engine in (WHOOSH, TANTIVY):
        view = views[engine]
        allowed = view.filter_mask(VersionFilter(None), None, None, None)
        with view.engine() as opened:
            found[engine] = opened.retrieve(terms, allowed, CONFIG)
    whoosh, tantivy = found[WHOOSH], found[TANTIVY]
    assert np.array_equal(whoosh.matched, tantivy.matched)
    top = whoosh.top(50)
    assert top.size and np.allclose(tantivy.scores[top], whoosh.scores[top])
    plain = retrieve(views[WHOOSH], "employeur contrat")
    assert not np.allclose(plain.scores[top], whoosh.scores[top])  # the expansions did count


def test_an_expansion_counts_in_the_headings_alike_in_both_engines(views, store_file) -> None:
    """« CDI » is the code's « contrat de travail à durée indéterminée »: a version whose headings say it
    (a title of the fixture) and whose text does not is matched through them once
    `expansion_heading_factor` is above 0, with the same scores on both engines; at 0 only the text
    counts."""
    with Store.open(store_file) as store:
        heading_only = {
            version.version_id
            for version in store.iter_versions(with_text=True)
            if "contrat de travail à durée indéterminée" in " ".join(version.section_path).casefold()
            and "durée indéterminée" not in (version.text or "")
        }
    assert heading_only  # the fixture's « Rupture du contrat de travail à durée indéterminée »
    parsed = parse_query("CDI")
    terms = analyze_query(parsed, query_expansions(parsed))
    assert ("contrat", "travail", "duree", "indetermine") in terms.expansion_phrases
    allowed = {engine: views[engine].filter_mask(VersionFilter(None), None, None, None) for engine in ENGINES}
    found: dict[float, dict[str, object]] = {}
    for factor in (0.0, 0.5):
        config = replace(CONFIG, expansion_heading_factor=factor)
        for engine in ENGINES:
            view = views[engine]
            with view.engine() as opened:
                found.setdefault(factor, {})[engine] = opened.retrieve(terms, allowed[engine], config)
        whoosh, tantivy = found[factor][WHOOSH], found[factor][TANTIVY]
        assert np.array_equal(whoosh.matched, tantivy.matched), factor
        top = whoosh.top(50)
        assert np.allclose(tantivy.scores[top], whoosh.scores[top]), factor
        # …and count the word as present there alike (the results' « all words » total).
        assert np.array_equal(tantivy.coverage[top], whoosh.coverage[top]), factor
        assert tantivy.unmatched == whoosh.unmatched, factor
    assert not heading_only & matched_ids(views[WHOOSH], found[0.0][WHOOSH])
    assert heading_only <= matched_ids(views[WHOOSH], found[0.5][WHOOSH])

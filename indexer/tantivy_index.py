"""The tantivy index: the same documents as the Whoosh one, for corpora where Whoosh is too slow.

tantivy never analyzes text here: the build hands it the token streams of `analyzers.french` (the very
streams the Whoosh build writes), and its tokenizer only splits them on newlines, as Whoosh's does, so
both engines index the same terms at the same positions. Filters get tantivy's native structures: the
dates in force as i64 fast fields (day ordinals, queried by range), code and status as raw terms, the
section titles as raw terms for a regex. Each document carries its number in the view's table (`docnum`,
a fast field), so hits map to the engine-independent document numbers without reading stored fields.

The build reuses `indexer.build`'s analysis (worker processes, one writer) and its location machinery:
a fresh directory, switched to `current` atomically once committed, under the build lock.
"""

from __future__ import annotations

import gzip
import itertools
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Iterator
from datetime import date
from multiprocessing.pool import Pool
from pathlib import Path

import tantivy

from analyzers.lemmas import LEMMATIZER
from corpus.model import Version
from corpus.store import CitationRow, Store
from indexer import build as whoosh_build
from indexer.citation_graph import CitationGraph
from indexer.engines import TANTIVY
from indexer.errors import IndexBuildError, StaleIndexError
from indexer.lemma_table import write_lemma_table
from indexer.location import build_lock, current_target, new_build_directory, remove_old_builds, switch_to
from indexer.schema import REBUILD_COMMAND, TOKEN_SEPARATOR
from indexer.version_digests import UNKNOWN, Entry, write_digests

TOKENIZER = "lexsearch_tokens"  # splits an analyzed stream on newlines, nothing else
TOKEN_FIELDS = ("text", "surface", "section")
# What a result row shows, written beside the index in document-number order (ROWS_FILE): read in one go
# when the index is opened, so tantivy's document store only holds the streams the rerank reads.
ROW_FIELDS = ("version_id", "article_id", "article_key", "code_id", "number", "valid_from", "valid_to")
ROW_FIELDS += ("status", "amending_text_id", "amending_title", "section_path", "partie", "livre", "dating")
ROWS_FILE = "rows.jsonl.gz"
FREQUENCIES_FILE = "article-frequencies.json"
NEVER = 2**62  # day ordinal standing for "no date": never started, or never ends
WRITER_HEAP = 256_000_000
CHUNK = 64  # versions analyzed per task


def tokens_analyzer() -> tantivy.TextAnalyzer:
    """The same split as `indexer.schema.pretokenized` (Whoosh): one token per non-empty line."""
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(r"[^\n]+")).build()


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("docnum", stored=False, indexed=True, fast=True)
    for name in ("code_id", "status", "section_titles"):  # filters only
        builder.add_text_field(name, stored=False, tokenizer_name="raw", index_option="basic")
    for name in TOKEN_FIELDS:  # stored: the rerank reads candidates' frequencies and positions from them
        builder.add_text_field(name, stored=True, tokenizer_name=TOKENIZER, index_option="position")
        builder.add_unsigned_field(f"{name}_length", stored=False, indexed=False, fast=True)
    builder.add_integer_field("in_force_from", stored=False, indexed=True, fast=True)
    builder.add_integer_field("in_force_to", stored=False, indexed=True, fast=True)
    return builder.build()


def day_number(day: date | None) -> int:
    return day.toordinal() if day is not None else NEVER


def row_line(fields: dict[str, object]) -> str:
    """One line of the rows file: a document's displayed fields (`ROW_FIELDS`)."""
    return json.dumps([fields[name] for name in ROW_FIELDS], ensure_ascii=False) + "\n"


def open_tantivy(directory: Path) -> tantivy.Index:
    """The tantivy index in `directory`, or a StaleIndexError naming `lexsearch index`."""
    try:
        index = tantivy.Index.open(str(directory))
    except (OSError, ValueError) as error:
        detail = str(error).splitlines()[0][:120] if str(error) else error.__class__.__name__
        raise StaleIndexError(
            f"{directory}: fichiers d'index tantivy endommagés ({detail}) ; reconstruisez l'index avec `{REBUILD_COMMAND}`"
        ) from None
    index.register_tokenizer(TOKENIZER, tokens_analyzer())
    return index


def _document(docnum: int, version: Version, fields: dict[str, object]) -> tantivy.Document:
    """A tantivy document from the Whoosh build's document dict (same values, same streams)."""
    document = tantivy.Document()
    document.add_unsigned("docnum", docnum)
    document.add_text("code_id", str(fields["code_id"]))
    document.add_text("status", str(fields["status"]))
    for title in version.section_path:
        document.add_text("section_titles", title.casefold())
    for name in TOKEN_FIELDS:
        stream = str(fields[name])
        document.add_text(name, stream)
        document.add_unsigned(f"{name}_length", stream.count(TOKEN_SEPARATOR) + 1 if stream else 0)
    document.add_integer("in_force_from", day_number(version.valid_from))
    document.add_integer("in_force_to", day_number(version.valid_to))
    return document


def _worker_init(parent_pid: int) -> None:
    whoosh_build._die_with_parent(parent_pid)
    whoosh_build._init_state(whoosh_build._STATE["known"])  # type: ignore[arg-type]


Analyzed = tuple[list[tuple[dict[str, object], list[CitationRow]]], dict[str, str]]
_SENT = [0]  # how many of this process's lemmatized forms were already handed to the parent


def _analyze_chunk(start: int) -> Analyzed:
    """In a worker: the Whoosh build's document dicts (and citations) of versions start..start+CHUNK, and
    the forms this worker lemmatized since its last chunk (for the index's lemma table)."""
    versions, articles = whoosh_build._STATE["versions"], whoosh_build._STATE["articles"]
    out = []
    for version in versions[start : start + CHUNK]:  # type: ignore[index]
        article = articles[version.article_id]  # type: ignore[index]
        job = whoosh_build._Job(
            version.version_id, version.text or "", "\n".join(version.section_path), article[2]
        )
        result = whoosh_build._analyze(job)
        out.append((whoosh_build._document(version, result, article), result.citations))
    cache = LEMMATIZER.cache  # insertion-ordered, never shrinks during a build
    learned = dict(itertools.islice(cache.items(), _SENT[0], None))
    _SENT[0] = len(cache)
    return out, learned


def _analyzed(pool: Pool | None, count: int) -> Iterator[Analyzed]:
    """Chunks of analyzed versions, in order; in the pool of forked workers if there is one."""
    starts = range(0, count, CHUNK)
    _SENT[0] = len(LEMMATIZER.cache)
    if pool is None:
        whoosh_build._init_state(whoosh_build._STATE["known"])  # type: ignore[arg-type]
        return map(_analyze_chunk, starts)
    return pool.imap(_analyze_chunk, starts)


def version_lemmas(*streams: str) -> set[str]:
    """The lemmas of one version's analyzed streams (body, section titles): what an article frequency
    counts, at a full build and when an update corrects the table."""
    found: set[str] = set()
    for stream in streams:
        if stream:
            found.update(stream.split(TOKEN_SEPARATOR))
    return found


def analysis_pool(processes: int) -> Pool | None:
    """Worker processes for the analysis, forked now (the state they read is set); each dies with this
    process. None for one process."""
    if processes <= 1:
        return None
    context = multiprocessing.get_context("fork")
    return context.Pool(processes, _worker_init, (os.getpid(),))


class ArticleFrequencies:
    """How many ARTICLES have a version whose body or section titles hold each lemma: BM25F's document
    frequency (`search.retrieval`), counted once here rather than by listing every match at query time.
    Versions arrive article by article (`Store.iter_versions`)."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self._last: dict[str, str] = {}

    def add(self, article_key: str, *streams: str) -> None:
        for lemma in version_lemmas(*streams):
            if self._last.get(lemma) != article_key:
                self._last[lemma] = article_key
                self.counts[lemma] = self.counts.get(lemma, 0) + 1

    def write(self, directory: Path) -> None:
        (directory / FREQUENCIES_FILE).write_text(
            json.dumps(self.counts, separators=(",", ":")), encoding="utf-8"
        )


def _write(
    writer: tantivy.IndexWriter, directory: Path, pool: Pool | None, versions: list[Version], progress: bool
) -> tuple[int, list[CitationRow]]:
    """Every version into tantivy and the rows file; the lemma and frequency tables beside them."""
    from tqdm import tqdm

    rows: list[CitationRow] = []
    lemmas: dict[str, str] = {}
    frequencies = ArticleFrequencies()
    bar = tqdm(total=len(versions), desc="index", unit="version", file=sys.stderr, disable=not progress)
    docnum = 0
    with bar, gzip.open(directory / ROWS_FILE, "wt", encoding="utf-8", compresslevel=1) as table:
        for chunk, learned in _analyzed(pool, len(versions)):
            lemmas.update(learned)
            for fields, citations in chunk:
                writer.add_document(_document(docnum, versions[docnum], fields))
                table.write(row_line(fields))
                frequencies.add(str(fields["article_key"]), str(fields["text"]), str(fields["section"]))
                rows.extend(citations)
                docnum += 1
            bar.update(len(chunk))
    writer.commit()
    writer.wait_merging_threads()
    write_lemma_table(directory, lemmas)
    frequencies.write(directory)
    return docnum, rows


def _digest_entries(
    versions: list[Version],
    articles: dict[str, tuple[str, str, str]],
    digests: dict[str, tuple[bytes, bytes]],
) -> Iterator[Entry]:
    for version in versions:
        key = articles[version.article_id][1]
        yield (version.version_id, key, *digests.get(version.version_id, UNKNOWN))


def build_tantivy_index(
    store: Store, root: Path, *, processes: int | None = None, progress: bool = True
) -> whoosh_build.BuildReport:
    """Build a complete tantivy index of `store` under `root` and make it current."""
    processes = max(1, processes or min(2, os.cpu_count() or 1))
    started = time.perf_counter()
    digests = store.version_digests()  # read first: a version changed meanwhile is re-indexed next time
    articles = store.indexed_articles()
    versions = list(store.iter_versions(with_text=True))
    if not versions:
        raise IndexBuildError(f"{store.path}: la base ne contient aucune version avec texte ; rien à indexer")
    whoosh_build._STATE.update(
        versions=versions, articles=articles, known=frozenset(key for _, key, _ in articles.values())
    )
    # Workers fork before the build lock is taken, so none of them ever holds a copy of it.
    pool = analysis_pool(processes)
    try:
        with build_lock(root):
            previous = current_target(root)
            directory = new_build_directory(root)
            index = tantivy.Index(build_schema(), path=str(directory))
            index.register_tokenizer(TOKENIZER, tokens_analyzer())
            writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
            docnum, rows = _write(writer, directory, pool, versions, progress)
            write_digests(directory, _digest_entries(versions, articles, digests))
            store.replace_citations(rows)
            CitationGraph.load(store).write(directory)
            whoosh_build.write_meta(directory, store, docnum, TANTIVY)
            switch_to(root, directory)
            remove_old_builds(root, keep_previous=previous)
    finally:
        whoosh_build._STATE.clear()
        if pool is not None:
            pool.terminate()
            pool.join()
    return whoosh_build.BuildReport(directory, docnum, len(rows), time.perf_counter() - started, processes)


def read_rows(directory: Path) -> list[dict[str, object]]:
    """The rows file of a tantivy build: each document's displayed fields, in document-number order."""
    try:
        with gzip.open(directory / ROWS_FILE, "rt", encoding="utf-8") as table:
            return [dict(zip(ROW_FIELDS, json.loads(line), strict=True)) for line in table]
    except (OSError, ValueError, EOFError) as error:
        raise StaleIndexError(
            f"{directory / ROWS_FILE}: illisible ({error.__class__.__name__}) ; reconstruisez l'index avec `{REBUILD_COMMAND}`"
        ) from None


def read_frequencies(directory: Path) -> dict[str, int]:
    """The article frequency of each lemma (`ArticleFrequencies`), as the build wrote it."""
    try:
        return json.loads((directory / FREQUENCIES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StaleIndexError(
            f"{directory / FREQUENCIES_FILE}: illisible ({error.__class__.__name__}) ; "
            f"reconstruisez l'index avec `{REBUILD_COMMAND}`"
        ) from None

"""The one run loop: articles from a source, coded in batches by an executor, committed in order by a sink.

`dyad run`, `dyad recode`, `Store.ingest` and the worker pool all go through `run()`. What
maps a batch of articles to its events and failures is an `Executor`: in this process, a
pool of worker processes, or (later) a Dask cluster; the loop around it stays the same, so
a killed run loses at most the batches not yet committed, and committed batches are always
a prefix of the input.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from dyad.events import version
from dyad.ingest import expand_paths, read_paths
from dyad.ingest.options import ReadOptions
from dyad.records import Article, Event, Failure
from dyad.store import BATCH_ARTICLES, Batch, Store, Written

if TYPE_CHECKING:
    from dyad.pipeline import Pipeline

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    """What one run added; a second run of the same input adds zeros."""

    files: int = 0
    articles_added: int = 0
    articles_known: int = 0
    articles_redated: int = 0
    events_added: int = 0
    failures_added: int = 0
    failures: list[Failure] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def articles_read(self) -> int:
        return self.articles_added + self.articles_known + self.articles_redated

    def rate(self) -> float:
        """Articles per second since the run started, across all workers."""
        return self.articles_read / max(time.monotonic() - self.started, 1e-6)


ProgressCallback = Callable[[IngestSummary], None]


@dataclass(frozen=True)
class CodedBatch:
    """What coding one batch gives back: events and failures, never Docs, so it is cheap to send."""

    events: list[Event] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


class Pending(Protocol):
    """A batch being coded: a concurrent.futures or Dask future, or one already done."""

    def done(self) -> bool: ...

    def result(self) -> CodedBatch: ...


class Executor(Protocol):
    """Maps batches of articles to CodedBatch; `window` batches may be in flight at once."""

    window: int

    def submit(self, articles: list[Article]) -> Pending: ...

    def close(self) -> None: ...


class Sink(Protocol):
    """Where batches are committed: `dyad.store.Store`, or its recode view."""

    def known_ids(self, ids: list[str]) -> set[str]: ...

    def dated_otherwise(self, dates: dict[str, str]) -> set[str]: ...

    def write(self, batch: Batch) -> Written: ...


@dataclass(frozen=True)
class RunOptions:
    """How to run: articles per transaction, worker processes, or an executor of your own (e.g. Dask)."""

    batch_size: int = BATCH_ARTICLES
    workers: int = 1
    executor: Executor | None = None
    # The input's publication date was given on purpose (`dyad run --published`): stored
    # articles dated otherwise (or not at all) take it and are re-coded, so a wrong date can be fixed.
    redate: bool = False


class PathSource:
    """Files and directories read in a stable order; counts the files finished, for progress."""

    def __init__(
        self,
        paths: Iterable[str | Path],
        read: ReadOptions | None = None,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
    ) -> None:
        self.files = list(expand_paths(paths, include=include, exclude=exclude))
        self.read = read or ReadOptions()
        self.files_read = 0

    def __iter__(self) -> Iterator[Article | Failure]:
        options = self.read
        for source in self.files:
            yield from read_paths(
                [source],
                published=options.published,
                url=options.url,
                max_bytes=options.max_bytes,
                columns=options.columns,
            )
            self.files_read += 1


def code_batch(pipeline: Pipeline, articles: list[Article]) -> CodedBatch:
    """Code articles (in one memory zone) and flatten the outcome to events and failures."""
    events: list[Event] = []
    failures: list[Failure] = []
    for coded in pipeline.code_batch(articles):
        events += coded.events
        if coded.failure is not None:
            failures.append(coded.failure)
    return CodedBatch(events, failures)


@dataclass(frozen=True)
class Done:
    """A batch coded on the spot."""

    value: CodedBatch

    def done(self) -> bool:
        return True

    def result(self) -> CodedBatch:
        return self.value


class InProcess:
    """Codes each batch in this process as it is submitted."""

    window = 0

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def submit(self, articles: list[Article]) -> Pending:
        return Done(code_batch(self.pipeline, articles))

    def close(self) -> None:
        pass


@dataclass
class _InFlight:
    articles: list[Article]
    fresh: list[Article]
    read_failures: list[Failure]
    coded: Pending
    redated: list[str] = field(default_factory=list)


def run(
    source: Iterable[Article | Failure],
    pipeline: Pipeline,
    sink: Sink,
    options: RunOptions | None = None,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Read, code and commit batch by batch, in input order; articles the sink knows are not coded again."""
    options = options or RunOptions()
    if options.batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    items = iter(source)
    head = _first_batch_and_one(items, options.batch_size)
    # input that fits in one batch is coded here: starting workers would cost more than it saves
    workers = options.workers if sum(isinstance(item, Article) for item in head) > options.batch_size else 1
    executor = options.executor or _executor(pipeline, workers)
    summary = IngestSummary()
    in_flight: deque[_InFlight] = deque()
    coding: set[str] = set()  # ids submitted but not yet committed count as known

    def commit(item: _InFlight) -> None:
        coded = item.coded.result()
        failures = [*item.read_failures, *coded.failures]
        batch = Batch(item.articles, item.fresh, coded.events, failures, version.coder_version(), item.redated)
        written = sink.write(batch)
        coding.difference_update(article.id for article in item.fresh)
        summary.articles_added += len(item.fresh) - len(item.redated)
        summary.articles_redated += len(item.redated)
        summary.articles_known += len(item.articles) - len(item.fresh)
        summary.events_added += written.events
        summary.failures_added += written.failures
        summary.failures += batch.failures

    def submit(articles: list[Article], failures: list[Failure]) -> None:
        known = sink.known_ids([a.id for a in articles]) | coding if articles else set()
        redated: set[str] = set()
        if options.redate and known:
            stored = {a.id: a.published for a in articles if a.id in known and a.id not in coding and a.published}
            redated = sink.dated_otherwise(stored) if stored else set()
        fresh: dict[str, Article] = {}
        for article in articles:
            if (article.id not in known or article.id in redated) and article.id not in fresh:
                fresh[article.id] = article
        coding.update(fresh)
        todo = list(fresh.values())
        coded = executor.submit(todo) if todo else Done(CodedBatch())
        in_flight.append(_InFlight(articles, todo, failures, coded, sorted(redated)))
        while in_flight and (len(in_flight) > executor.window or in_flight[0].coded.done()):
            commit(in_flight.popleft())
            _report(summary, source, progress)

    try:
        articles: list[Article] = []
        failures: list[Failure] = []
        files_read = 0
        for item in itertools.chain(head, items):
            if isinstance(item, Failure):
                failures.append(item)
            else:
                articles.append(item)
                if len(articles) >= options.batch_size:
                    submit(articles, failures)
                    articles, failures = [], []
            if progress and getattr(source, "files_read", 0) != files_read:
                files_read = getattr(source, "files_read", 0)
                _report(summary, source, progress)
        if articles or failures:
            submit(articles, failures)
        while in_flight:
            commit(in_flight.popleft())
    finally:
        if options.executor is None:
            executor.close()
    _report(summary, source, progress)
    return summary


def _first_batch_and_one(items: Iterator[Article | Failure], batch_size: int) -> list[Article | Failure]:
    """Items read until more articles than one batch holds are seen, or the input ends."""
    head: list[Article | Failure] = []
    articles = 0
    for item in items:
        head.append(item)
        articles += isinstance(item, Article)
        if articles > batch_size:
            break
    return head


def _report(summary: IngestSummary, source: object, progress: ProgressCallback | None) -> None:
    summary.files = getattr(source, "files_read", summary.files)
    if progress:
        progress(summary)


def _executor(pipeline: Pipeline, workers: int) -> Executor:
    if workers < 1:
        raise ValueError("workers must be at least 1")
    return InProcess(pipeline) if workers == 1 else WorkerPool(pipeline, workers)


class WorkerPool:
    """Worker processes that each load the model once and code whole batches with nlp.pipe.

    They send back events and failures, never Docs; the parent alone writes, in input order.
    Workers are spawned, not forked (the parent holds a DuckDB connection and threads), and
    each leaves when the parent dies, so a killed run leaves no orphans behind.
    """

    def __init__(self, pipeline: Pipeline, workers: int) -> None:
        self.window = 2 * workers  # enough queued to keep every worker busy while the parent writes
        self.pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(pipeline.model, pipeline.actor_files, os.getpid()),
        )

    def submit(self, articles: list[Article]) -> Pending:
        return self.pool.submit(_code_in_worker, articles)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


_worker_pipeline: Pipeline | None = None


def _start_worker(model: str | None, actor_files: tuple[str, ...], parent: int) -> None:
    global _worker_pipeline
    from dyad.pipeline import Pipeline

    _worker_pipeline = Pipeline(model, actor_files)
    _worker_pipeline.nlp  # noqa: B018 (load the model now, once, not on the first batch)
    threading.Thread(target=_leave_with, args=(parent,), daemon=True, name="dyad-parent-watch").start()


def _leave_with(parent: int) -> None:
    """Exit as soon as the parent is gone (killed with -9, say): nobody is left to read our results."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _code_in_worker(articles: list[Article]) -> CodedBatch:
    assert _worker_pipeline is not None, "the worker's initializer loads the pipeline"
    return code_batch(_worker_pipeline, articles)


class StaleArticles:
    """The stored articles another coder version coded, read batch by batch as the run asks."""

    def __init__(self, store: Store, coder_version: str, batch_size: int = BATCH_ARTICLES) -> None:
        self.store = store
        self.ids = store.stale_ids(coder_version)
        self.batch_size = batch_size

    def __iter__(self) -> Iterator[Article]:
        for start in range(0, len(self.ids), self.batch_size):
            yield from self.store.articles(self.ids[start : start + self.batch_size])


class Recoding:
    """A store seen as the sink of a recode: every article is coded again and its results replaced."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def known_ids(self, ids: list[str]) -> set[str]:
        return set()

    def dated_otherwise(self, dates: dict[str, str]) -> set[str]:
        return set()

    def write(self, batch: Batch) -> Written:
        return self.store.replace(batch)


def recode(
    store: Store, pipeline: Pipeline, options: RunOptions | None = None, progress: ProgressCallback | None = None
) -> tuple[int, IngestSummary]:
    """Re-code the stored articles whose coder version is not this one, each exactly once.

    Returns how many were stale and what re-coding them gave. Each batch is one transaction,
    so a killed recode resumes where it stopped.
    """
    options = options or RunOptions()
    source = StaleArticles(store, version.coder_version(), options.batch_size)
    return len(source.ids), run(source, pipeline, Recoding(store), options, progress)

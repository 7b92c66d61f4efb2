"""Coding batches on a Dask cluster: the same run loop, with Dask workers in place of local processes.

Each Dask worker loads the pipeline once, when a worker plugin is set up on it (workers that
join later, as on an adaptive SLURM or Kubernetes cluster, load it as they join), and codes
whole batches. Workers send back events and failures, or, with `parts`, write them as a
Parquet part and send back only its path; either way the parent alone writes DuckDB, in
input order, so a killed run resumes exactly as a local one does.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from dyad.errors import DyadError
from dyad.records import Article
from dyad.runner import CodedBatch, Pending, code_batch

if TYPE_CHECKING:
    from distributed import Future, Worker

    from dyad.pipeline import Pipeline

log = logging.getLogger(__name__)
PLUGIN = "dyad-pipeline"
LOCAL = "local"


class DaskError(DyadError):
    """The Dask cluster could not be reached or started."""


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin that loads the pipeline once per worker (not per task, not per batch)."""

    name = PLUGIN
    idempotent = False

    def __init__(self, model: str | None, actor_files: tuple[str, ...]) -> None:
        self.model = model
        self.actor_files = actor_files
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Worker) -> None:
        from dyad.pipeline import Pipeline

        self.pipeline = Pipeline(self.model, self.actor_files)
        self.pipeline.nlp  # noqa: B018 (load the model now, once, not on the first batch)

    def teardown(self, worker: Worker) -> None:
        self.pipeline = None

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "pipeline": None}  # the model travels as its name, never loaded


def _worker_pipeline() -> Pipeline:
    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, PipelinePlugin) and plugin.pipeline is not None, "the plugin loads the pipeline"
    return plugin.pipeline


# Workers in one process (LocalCluster(processes=False), or a worker with several threads) share
# one loaded model, and spaCy's memory zones must not overlap: they code one batch at a time.
_CODING = threading.Lock()


def code_on_worker(articles: list[Article]) -> CodedBatch:
    """A Dask task: code one batch with the worker's own pipeline."""
    with _CODING:
        return code_batch(_worker_pipeline(), articles)


def code_to_part(articles: list[Article], part: str) -> str:
    """A Dask task: code one batch and write it as a Parquet part; only the part's path travels back."""
    from dyad.parts import write_part

    with _CODING:
        coded = code_batch(_worker_pipeline(), articles)
    write_part(coded, Path(part))
    return part


@dataclass
class _PartPending:
    """A batch coded into a Parquet part: its result is the part read back, when the loop commits it."""

    future: Future
    read: deque[Path]

    def done(self) -> bool:
        return bool(self.future.done())

    def result(self) -> CodedBatch:
        from dyad.parts import read_part

        part = Path(self.future.result())
        coded = read_part(part)
        self.read.append(part)
        return coded


class DaskExecutor:
    """Codes batches on a Dask cluster: `address` is a scheduler (tcp://HOST:8786) or "local".

    "local" starts a LocalCluster of one single-threaded worker process per core (or
    `workers`). With `parts` (one run's directory, `dyad.parts.new_run_dir`), workers write
    each coded batch under it (batch=N/*.parquet) and the parent reads it back when it commits
    that batch; `dyad.parts.Merged` removes a part once its batch is in DuckDB.
    """

    def __init__(
        self,
        pipeline: Pipeline,
        address: str = LOCAL,
        *,
        workers: int | None = None,
        processes: bool = True,
        parts: Path | None = None,
    ) -> None:
        self.cluster: LocalCluster | None = None
        try:
            if address == LOCAL:
                self.cluster = LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=":0",  # any free port: other runs may share the machine
                    silence_logs=logging.ERROR,
                )
                self.client: Client = Client(self.cluster)
            else:
                self.client = Client(address)  # waits as long as Dask's config says (distributed.comm.timeouts.connect)
        except OSError as error:
            self.close()
            raise DaskError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        try:
            self.client.register_plugin(PipelinePlugin(pipeline.model, pipeline.actor_files), name=PLUGIN)
        except Exception as error:  # a worker without dyad, its model or an --actors file
            self.close()
            raise DaskError(f"the Dask workers at {address} cannot load dyad's pipeline: {error}") from None
        self.registered = True
        threads = sum(self.client.nthreads().values())
        self.window = 2 * max(threads, 1)  # enough queued to keep every worker busy while the parent writes
        self.parts = parts
        self.submitted = 0
        self.read: deque[Path] = deque()  # parts read back for commit; `dyad.parts.Merged` removes them
        if parts is not None:
            parts.mkdir(parents=True, exist_ok=True)

    def submit(self, articles: list[Article]) -> Pending:
        self.submitted += 1
        if self.parts is None:
            return self.client.submit(code_on_worker, articles, pure=False)
        from dyad.parts import part_path

        part = str(part_path(self.parts, self.submitted))
        return _PartPending(self.client.submit(code_to_part, articles, part, pure=False), self.read)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            if getattr(self, "registered", False):
                with contextlib.suppress(Exception):  # a cluster that outlives the run frees the model
                    client.unregister_worker_plugin(PLUGIN)
            client.close()
        if self.cluster is not None:
            self.cluster.close()

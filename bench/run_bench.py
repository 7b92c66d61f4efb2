"""`dyad run` at scale, measured in one run and printed as ratios (no timed assertions in tests).

    .venv/bin/python bench/run_bench.py [--articles 20000] [--batch-size 64]

On `--articles` distinct generated articles of 8-15 sentences (bench/generated.py), prints:
- the time share of each stage (read, parse, code, write) in one process, and the coder's
  sentences/s on these articles;
- articles/s of `run()` with 1 and with 2 worker processes, per worker, and the scaling from
  1 to 2 set against a bare `nlp.pipe(n_process=1)` and `n_process=2` of the same model on the
  same texts, measured in the same session (the machine's ceiling);
- peak RSS per worker (the kernel's high-water mark) and its drift: the largest RSS sampled in
  the last tenth of the run against the first tenth;
- a projection, not a measurement, of a day of GDELT-scale input (730,000 articles) on 16 cores.

The full 20,000 takes most of an hour on two cores; `--articles 600` checks that it works.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generated import write_jsonl

from dyad.events import version
from dyad.events.component import EVENTS
from dyad.nlp import model_name
from dyad.pipeline import NLP_BATCH_SIZE, Pipeline, _doc
from dyad.records import Article
from dyad.runner import IngestSummary, PathSource, RunOptions, run
from dyad.store import Batch, Store

GDELT_DAY = 730_000
Seconds = dict[str, float]  # by stage
CORES = 16


def stage_times(corpus: Path, pipeline: Pipeline, db: Path, batch_size: int) -> tuple[Seconds, Seconds]:
    """Seconds spent reading, parsing, coding and writing, batch by batch in one process, as
    `run()` does, read lazily from `corpus` (the bench holds one batch, not the corpus): wall
    seconds, and CPU seconds of this process (what two cores have to share)."""
    nlp, component = pipeline.nlp, pipeline.nlp.get_pipe(EVENTS)
    stages = ("read", "parse", "code", "write")
    wall = dict.fromkeys(stages, 0.0)
    cpu = dict.fromkeys(stages, 0.0)
    sentences = 0

    def clock() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    def add(stage: str, since: tuple[float, float]) -> tuple[float, float]:
        now = clock()
        wall[stage] += now[0] - since[0]
        cpu[stage] += now[1] - since[1]
        return now

    store = Store(db)
    items = iter(PathSource([corpus]))
    try:
        while True:
            began = clock()
            chunk = list(itertools.islice(items, batch_size))
            if not chunk:
                break
            batch = [item for item in chunk if isinstance(item, Article)]
            read = add("read", began)
            with nlp.memory_zone(), nlp.select_pipes(disable=[EVENTS]):
                docs = list(nlp.pipe((_doc(nlp, article) for article in batch), batch_size=NLP_BATCH_SIZE))
                parsed = add("parse", read)
                events = [event for doc in docs for event in component(doc)._.events]
                coded = add("code", parsed)
                sentences += sum(1 for doc in docs for _ in doc.sents)
            store.write(Batch(batch, batch, events, [], version.coder_version()))
            add("write", coded)
    finally:
        closing = clock()
        store.close()  # settles the happenings left pending: part of writing
        add("write", closing)
    wall["sentences"] = sentences
    return wall, cpu


@dataclass
class Sampled:
    """RSS of each worker process, sampled at every commit, against articles committed so far."""

    parent: psutil.Process = field(default_factory=psutil.Process)
    samples: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    peaks: dict[int, int] = field(default_factory=dict)
    first_commit: tuple[float, int] | None = None
    in_process: bool = True

    def __call__(self, summary: IngestSummary) -> None:
        if self.first_commit is None and summary.articles_read:
            self.first_commit = (time.perf_counter(), summary.articles_read)
        workers = [self.parent] if self.in_process else [c for c in self.parent.children() if _is_worker(c)]
        for process in workers:
            try:
                rss = process.memory_info().rss
                self.peaks[process.pid] = _high_water_mark(process.pid) or max(rss, self.peaks.get(process.pid, 0))
            except psutil.Error:
                continue
            self.samples.setdefault(process.pid, []).append((summary.articles_read, rss))

    def drift(self, total: int) -> dict[int, tuple[int, int, float]]:
        """Per worker: largest RSS in the first and in the last tenth of the run, and their drift."""
        found = {}
        for pid, samples in self.samples.items():
            first = [rss for done, rss in samples if done <= total / 10] or [samples[0][1]]
            last = [rss for done, rss in samples if done >= total * 9 / 10] or [samples[-1][1]]
            found[pid] = (max(first), max(last), max(last) / max(first) - 1)
        return found


def _is_worker(process: psutil.Process) -> bool:
    """A spawned worker of the pool, not multiprocessing's resource tracker."""
    try:
        return any("spawn_main" in part for part in process.cmdline())
    except psutil.Error:
        return False


def _high_water_mark(pid: int) -> int | None:
    """Peak RSS the kernel recorded for a process (VmHWM), in bytes."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def timed_run(
    corpus: Path, pipeline: Pipeline, db: Path, workers: int, batch_size: int
) -> tuple[float, float, Sampled]:
    """Overall and steady (after the first commit, so without start-up) articles/s of `run()`."""
    sampled = Sampled(in_process=workers == 1)
    began = time.perf_counter()
    with Store(db) as store:
        summary = run(PathSource([corpus]), pipeline, store, RunOptions(batch_size, workers), sampled)
    ended = time.perf_counter()  # after the close, which settles the happenings left pending
    assert sampled.first_commit is not None
    first_time, first_done = sampled.first_commit
    steady = (summary.articles_read - first_done) / max(ended - first_time, 1e-9)
    return summary.articles_read / (ended - began), steady, sampled


def bare_rate(corpus: Path, processes: int) -> tuple[float, float]:
    """Articles/s of the plain model (no dyad components) through nlp.pipe, spread over
    `processes`, on texts read lazily; and this process's CPU seconds per article (with one
    process, what parsing alone costs)."""
    nlp = spacy.load(model_name())
    texts = (item.text for item in PathSource([corpus]) if isinstance(item, Article))
    began, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _ in nlp.pipe(texts, batch_size=NLP_BATCH_SIZE, n_process=processes))
    return count / (time.perf_counter() - began), (time.process_time() - cpu) / count


MIN_BATCHES = 8


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000, help="How many distinct articles to generate.")
    parser.add_argument("--batch-size", type=int, default=64, help="Articles per batch (transaction).")
    args = parser.parse_args()
    n = args.articles
    if args.batch_size < 1 or n < MIN_BATCHES * args.batch_size:
        # the steady rate is measured after the first commit: a run of a few batches has none left
        parser.error(
            f"--articles must be at least {MIN_BATCHES} batches ({MIN_BATCHES * max(args.batch_size, 1)} "
            f"with --batch-size {args.batch_size}), so each run has a steady part after its first commit"
        )
    with tempfile.TemporaryDirectory(prefix="dyad-run-bench-") as folder:
        root = Path(folder)
        corpus = write_jsonl(root / "articles.jsonl", n)
        pipeline = Pipeline()
        warm = [item for item in itertools.islice(PathSource([corpus]), 20) if isinstance(item, Article)]
        list(pipeline.code_batch(warm))  # warm up: model, gazetteer and city tables
        print(f"corpus: {n} generated articles, {os.cpu_count()} cores, batches of {args.batch_size}")

        stages, cpu = stage_times(corpus, pipeline, root / "stages.duckdb", args.batch_size)
        sentences = stages.pop("sentences")
        total = sum(stages.values())
        shares = ", ".join(f"{name} {seconds / total:.0%}" for name, seconds in stages.items())
        print(f"one process, by stage: {n / total:.1f} articles/s; time share: {shares}")
        print(f"coder alone on these articles: {sentences / stages['code']:,.0f} sentences/s ({sentences:,.0f})")

        (bare1, bare_cpu), (bare2, _) = bare_rate(corpus, 1), bare_rate(corpus, 2)
        rate1, steady1, sampled1 = timed_run(corpus, pipeline, root / "w1.duckdb", 1, args.batch_size)
        rate2, steady2, sampled2 = timed_run(corpus, pipeline, root / "w2.duckdb", 2, args.batch_size)
        print(f"bare nlp.pipe: n_process=1 {bare1:.1f}, n_process=2 {bare2:.1f} articles/s: x{bare2 / bare1:.2f}")
        print(
            f"dyad run: --workers 1 {rate1:.1f} (steady {steady1:.1f}), --workers 2 {rate2:.1f} "
            f"(steady {steady2:.1f}) articles/s, {steady2 / 2:.1f} per worker"
        )
        speedup = steady2 / steady1
        print(
            f"scaling 1 -> 2 workers: x{speedup:.2f} (target 1.35), {speedup / (bare2 / bare1):.2f} of the bare "
            f"nlp.pipe scaling; --workers 2 at {steady2 / bare2:.2f} of bare n_process=2 throughput (target 0.9)"
        )
        # What two cores allow, from this run's CPU seconds per article: dyad's parse + code + write
        # against the bare model's parse. Reading is left out on both sides.
        dyad_cpu = (cpu["parse"] + cpu["code"] + cpu["write"]) / n
        cores = os.cpu_count() or 1
        ceiling = cores / dyad_cpu
        ms = {stage: cpu[stage] / n * 1000 for stage in ("parse", "code", "write")}
        print(
            f"ceiling on {cores} cores, arithmetic from this run's CPU time: dyad parse {ms['parse']:.1f} + code "
            f"{ms['code']:.1f} + write {ms['write']:.1f} = {dyad_cpu * 1000:.1f} ms/article (bare parse "
            f"{bare_cpu * 1000:.1f}); {cores} cores / {dyad_cpu * 1000:.1f} ms = {ceiling:.1f} articles/s if every "
            f"core were busy without overhead = {ceiling / bare2:.2f} of bare n_process=2 ({bare2:.1f}); had the "
            f"bare model also kept {cores} cores busy: {bare_cpu * 1000:.1f} / {dyad_cpu * 1000:.1f} = "
            f"{bare_cpu / dyad_cpu:.2f}; measured {steady2 / bare2:.2f}"
        )
        for label, sampled in (("--workers 1 (this process)", sampled1), ("--workers 2", sampled2)):
            for pid, (first, last, drift) in sampled.drift(n).items():
                peak = sampled.peaks.get(pid, 0)
                print(
                    f"RSS {label}, pid {pid}: peak {peak / 2**30:.2f} GB; first tenth {first / 2**30:.2f} GB, "
                    f"last tenth {last / 2**30:.2f} GB, drift {drift:+.1%} (target < 10%, peak <= 1.5 GB)"
                )

        per_worker = steady2 / 2
        writer = n / stages["write"]
        projected = min(per_worker * CORES, writer)
        print(
            f"PROJECTION, not measured: {GDELT_DAY:,} articles (a GDELT day) on {CORES} cores at the measured "
            f"{per_worker:.1f} articles/s per worker, assuming it holds to {CORES} workers and one writer keeps up "
            f"(it commits {writer:,.0f} articles/s here): {projected:,.0f} articles/s, "
            f"{GDELT_DAY / projected / 3600:.1f} h"
        )


if __name__ == "__main__":
    main()

"""The run loop: coder versions and recode, and the same database from one worker or several."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading

import duckdb
import pytest

from dyad.events import version
from dyad.ingest.text import article_from_text
from dyad.runner import PathSource, RunOptions, recode, run
from dyad.store import Store
from tests.conftest import REPO

TEXTS = [
    "Belarus and Cuba signed a trade protocol in Havana on Monday.",
    "Russia sent fuel to Cuba on Tuesday.",
    "The European Union imposed sanctions on Belarus on Wednesday.",
    "Farmers in the valley reported a fine harvest of apples and pears this autumn.",
    "Vietnam and Cuba agreed to expand rice cooperation, officials said on Thursday.",
]


def _articles():
    return [article_from_text(text, ref=f"a{n}", published="2025-03-04") for n, text in enumerate(TEXTS)]


def _coded_refs(pipeline, monkeypatch) -> list[str]:
    """Every article ref the pipeline codes from now on, in order."""
    seen: list[str] = []
    code = pipeline.code

    def counting(articles):
        for coded in code(articles):
            seen.append(coded.article.ref)
            yield coded

    monkeypatch.setattr(pipeline, "code", counting)
    return seen


def test_events_and_articles_carry_the_coder_version(tmp_path, pipeline):
    with Store(tmp_path / "v.duckdb") as store:
        run(_articles(), pipeline, store, RunOptions(batch_size=2))
        assert {row[0] for row in store.query("SELECT coder_version FROM articles")} == {version.coder_version()}
        assert {row[0] for row in store.query("SELECT coder_version FROM events")} == {version.coder_version()}
        assert {event.coder_version for event in store.events()} == {version.coder_version()}


def test_recode_after_a_version_bump_recodes_every_article_once(tmp_path, pipeline, monkeypatch):
    with Store(tmp_path / "recode.duckdb") as store:
        run(_articles(), pipeline, store, RunOptions(batch_size=2))
        before = sorted(store.query("SELECT id, type, article_id FROM events"))
        store.connection.execute("INSERT INTO failures VALUES ('a3', 'events', 'an old coder failed', now())")
        assert len(before) >= 3

        monkeypatch.setattr(version, "coder_version", lambda: "9.9.9+bumped")
        coded = _coded_refs(pipeline, monkeypatch)
        stale, summary = recode(store, pipeline, RunOptions(batch_size=2))
        assert stale == summary.articles_added == len(TEXTS)
        assert sorted(coded) == sorted(f"a{n}" for n in range(len(TEXTS))), "each article coded exactly once"
        assert sorted(store.query("SELECT id, type, article_id FROM events")) == before, "same events, no duplicates"
        assert {row[0] for row in store.query("SELECT coder_version FROM events")} == {"9.9.9+bumped"}
        assert {row[0] for row in store.query("SELECT coder_version FROM articles")} == {"9.9.9+bumped"}
        assert store.failures() == [], "the old coder's failure is replaced by the new outcome"

        coded.clear()
        stale, again = recode(store, pipeline, RunOptions(batch_size=2))
        assert (stale, again.articles_added, coded) == (0, 0, [])


def test_a_recode_stopped_midway_resumes_with_the_rest(tmp_path, pipeline, monkeypatch):
    with Store(tmp_path / "stop.duckdb") as store:
        run(_articles(), pipeline, store, RunOptions(batch_size=2))
        monkeypatch.setattr(version, "coder_version", lambda: "9.9.9+bumped")
        written: list[int] = []
        replace = store.replace

        def stop_after_one_batch(batch):
            if written:
                raise KeyboardInterrupt
            written.append(len(batch.fresh))
            return replace(batch)

        monkeypatch.setattr(store, "replace", stop_after_one_batch)
        with pytest.raises(KeyboardInterrupt):
            recode(store, pipeline, RunOptions(batch_size=2))
        monkeypatch.setattr(store, "replace", replace)
        assert written == [2]
        coded = _coded_refs(pipeline, monkeypatch)
        stale, summary = recode(store, pipeline, RunOptions(batch_size=2))
        assert stale == summary.articles_added == len(TEXTS) - 2 == len(coded)


CAPITALS = [("Belarus", "Minsk"), ("Cuba", "Havana"), ("Venezuela", "Caracas"), ("Nicaragua", "Managua")]
PARTNERS = ["Russia", "China", "Iran", "Vietnam", "Turkey"]
DYAD = [sys.executable, "-m", "dyad.cli"]
TABLES = {
    "articles": "id, ref, url, title, published, outlet, language, text, sections, author, coder_version",
    "article_sources": "article_id, source",
    "events": "id, article_id, article_ref, type, mode, modality, date, date_precision, date_start, "
    "actor_countries, recipient_countries, cameo, record, confidence, coder_version",
    "event_evidence": "event_id, article_id, position, text, start_char, end_char",
    "failures": "source, stage, reason",
}


def _write_corpus(root, count: int) -> None:
    """`count` distinct invented articles, one a line of a JSON Lines file, and a bad line among them."""
    lines = []
    for number in range(count):
        country, capital = CAPITALS[number % len(CAPITALS)]
        partner = PARTNERS[number % len(PARTNERS)]
        text = (
            f"{country} and {partner} signed trade protocol number {number} in {capital} on Tuesday. "
            f"{partner} sent {number % 9 + 2} tonnes of grain to {country}, officials said."
        )
        lines.append(json.dumps({"id": f"w-{number}", "text": text, "published": "2025-03-04"}))
    lines.insert(count // 2, "{not json")
    root.mkdir()
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _rows(path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, without the times rows were written."""
    with duckdb.connect(str(path), read_only=True) as connection:
        return {
            table: sorted(map(repr, connection.execute(f"SELECT {columns} FROM {table}").fetchall()))
            for table, columns in TABLES.items()
        }


def test_one_worker_and_two_give_the_same_database(tmp_path, pipeline):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 60)
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.duckdb") as store:
            summary = run(PathSource([corpus]), pipeline, store, RunOptions(batch_size=8, workers=workers))
            assert (summary.articles_added, summary.failures_added) == (60, 1)
    one, two = _rows(tmp_path / "w1.duckdb"), _rows(tmp_path / "w2.duckdb")
    assert len(one["events"]) >= 60
    assert one == two


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def test_a_two_worker_run_killed_after_a_commit_resumes_without_duplicates_or_gaps(tmp_path, pipeline):
    corpus, db, total = tmp_path / "corpus", tmp_path / "killed.duckdb", 200
    _write_corpus(corpus, total)
    command = [*DYAD, "--debug", "run", str(corpus), "--db", str(db), "--batch-size", "8", "--workers", "2"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_read_lines, args=(process.stderr, lines), daemon=True).start()
    try:
        while (line := lines.get(timeout=300)) is not None and "committed a batch" not in line:
            pass
        assert line is not None, "the run ended before it committed a batch"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    with duckdb.connect(str(db), read_only=True) as partial:
        [(stored,)] = partial.execute("SELECT count(*) FROM articles").fetchall()
    assert 8 <= stored < total, "killed after the first commit and before the end"

    resumed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{total - stored} new articles" in resumed.stdout

    with Store(tmp_path / "clean.duckdb") as clean:
        run(PathSource([corpus]), pipeline, clean, RunOptions(batch_size=8))
    assert _rows(db) == _rows(tmp_path / "clean.duckdb")


def test_the_progress_bar_shows_rate_events_failures_and_eta_unless_quiet(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, text in enumerate(TEXTS[:2]):
        (corpus / f"{number}.txt").write_text(text, encoding="utf-8")
    shown = subprocess.run(
        [*DYAD, "run", str(corpus), "--db", str(tmp_path / "a.duckdb"), "--workers", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert all(word in shown.stderr for word in ("ingest", "ETA", "articles (", "/s)", "events", "failures"))
    quiet = subprocess.run(
        [*DYAD, "run", str(corpus), "--db", str(tmp_path / "b.duckdb"), "--quiet"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert quiet.returncode == 0 and "2 new articles" in quiet.stdout
    assert "ingest" not in quiet.stderr


def _dask_run(corpus, pipeline, db, **executor_options) -> None:
    from dyad.dask_executor import DaskExecutor
    from dyad.parts import Merged

    executor = DaskExecutor(pipeline, "local", workers=2, **executor_options)
    try:
        assert len(executor.client.nthreads()) == 2
        with Store(db) as store:
            sink = store if executor.parts is None else Merged(store, executor.read)
            summary = run(PathSource([corpus]), pipeline, sink, RunOptions(batch_size=8, executor=executor))
            assert (summary.articles_added, summary.failures_added) == (60, 1)
    finally:
        executor.close()


def test_a_dask_cluster_gives_the_same_database_as_one_process(tmp_path, pipeline):
    """A 2-worker LocalCluster of spawned processes, as `dyad run --dask local` starts; then one whose
    workers write Parquet parts (threads in this process, to save a second start-up: they share one
    model and take turns), merged in input order and removed once merged."""
    from dyad.parts import new_run_dir, parts_dir

    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 60)
    with Store(tmp_path / "one.duckdb") as store:
        run(PathSource([corpus]), pipeline, store, RunOptions(batch_size=8))
    _dask_run(corpus, pipeline, tmp_path / "dask.duckdb")
    run_dir = new_run_dir(parts_dir(tmp_path / "parts.duckdb"))
    _dask_run(corpus, pipeline, tmp_path / "parts.duckdb", processes=False, parts=run_dir)

    one = _rows(tmp_path / "one.duckdb")
    assert len(one["events"]) >= 60
    assert _rows(tmp_path / "dask.duckdb") == one
    assert _rows(tmp_path / "parts.duckdb") == one
    assert run_dir.is_dir() and not any(run_dir.iterdir()), "every part merged, then removed"


def test_dyad_run_on_dask_with_kept_parts_that_dyad_events_queries_in_place(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "d.duckdb"
    _write_corpus(corpus, 20)
    ran = subprocess.run(
        [*DYAD, "run", str(corpus), "--db", str(db), "--dask", "local", "--workers", "2", "--batch-size", "4",
         "--parquet-parts", "--keep-parts", "--quiet", "--min-confidence", "0"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert "20 new articles" in ran.stdout
    [run_dir] = (tmp_path / "d.duckdb.parts").iterdir()
    assert len(list(run_dir.glob("batch=*/events.parquet"))) == 5, "one part a batch, kept"

    def events(*where: str) -> list[str]:
        shown = subprocess.run(
            [*DYAD, "events", *where, "--format", "jsonl", "--min-confidence", "0", "--country", "CUB"],
            cwd=REPO, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert shown.returncode == 0, shown.stderr
        return shown.stdout.splitlines()

    stored = events("--db", str(db))
    assert stored and events("--parts", str(tmp_path / "d.duckdb.parts")) == stored


def test_the_dask_options_fail_with_a_message(tmp_path):
    wait = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"}  # Dask's own setting, not dyad's
    unreachable = subprocess.run(
        [*DYAD, "run", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--dask", "tcp://127.0.0.1:9", "--quiet"],
        cwd=REPO, capture_output=True, text=True, timeout=300, env=wait,
    )  # fmt: skip
    assert unreachable.returncode == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr
    no_dask = subprocess.run(
        [*DYAD, "run", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--parquet-parts"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert no_dask.returncode == 2 and "--parquet-parts needs --dask" in no_dask.stderr

"""Readers during writes: `dyad events`, `summary`, `failures` and `export` work while
`dyad run` writes, seeing the last committed batch; a second writer waits its turn."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyad.errors import StoreError
from dyad.store import Store, StoreOptions
from dyad.web import create_app

REPO = Path(__file__).resolve().parents[1]


def _articles(path: Path, count: int, prefix: str = "a") -> Path:
    lines = []
    for n in range(count):
        text = (
            f"Report {prefix}{n}. Belarus and Cuba signed a cooperation agreement number {n} in Minsk on Monday. "
            f"Officials said {n + 3} projects in energy and transport were discussed."
        )
        lines.append(json.dumps({"id": f"{prefix}{n}", "published": "2025-06-24", "text": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _dyad(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(
        [sys.executable, "-m", "dyad.cli", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_readers_succeed_while_a_run_writes(tmp_path):
    db = tmp_path / "busy.duckdb"
    source = _articles(tmp_path / "many.jsonl", 240)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    writer = subprocess.Popen(
        [sys.executable, "-m", "dyad.cli", "run", str(source), "--db", str(db), "--batch-size", "8",
         "--workers", "1", "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    seen: list[int] = []
    try:
        while not db.exists() and writer.poll() is None:
            time.sleep(0.1)
        while writer.poll() is None and len(seen) < 4:
            result = _dyad("events", "--db", str(db), "--format", "jsonl", "--min-confidence", "0")
            assert result.returncode == 0, result.stderr
            seen.append(len(result.stdout.splitlines()))
            for command in (("summary",), ("failures",)):
                other = _dyad(*command, "--db", str(db))
                assert other.returncode == 0, other.stderr
    finally:
        _, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    assert seen, "the run ended before a reader could look"
    assert seen == sorted(seen)  # each reader saw a committed prefix, growing
    final = _dyad("events", "--db", str(db), "--format", "jsonl", "--min-confidence", "0")
    assert len(final.stdout.splitlines()) >= max(seen)


def test_a_second_writer_waits_for_the_first(tmp_path):
    path = tmp_path / "two.duckdb"
    Store(path).close()
    first = Store(path)  # holds the file
    try:
        with pytest.raises(StoreError, match="in use by another process"):
            _open_in_child(path, wait=0.5)
    finally:
        first.close()
    assert _open_in_child(path, wait=5) == "opened"


def _open_in_child(path: Path, wait: float) -> str:
    """DuckDB's lock is per process: a second writer must be another process."""
    code = (
        "import sys; from dyad.store import Store, StoreOptions; from dyad.errors import StoreError\n"
        f"try:\n    Store({str(path)!r}, StoreOptions(wait_seconds={wait})).close(); print('opened')\n"
        "except StoreError as e:\n    print(e)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    message = result.stdout.strip()
    if "in use by another process" in message:
        raise StoreError(message)
    return message


def test_a_reader_of_an_old_database_is_told_what_to_run(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE articles (id VARCHAR)").close()
    with pytest.raises(StoreError, match="dyad cluster --db"):
        Store(path, StoreOptions(read_only=True))


def test_the_web_app_lets_go_of_the_file_between_requests(tmp_path, pipeline):
    db = tmp_path / "served.duckdb"
    with Store(db) as store:
        store.ingest([_articles(tmp_path / "first.jsonl", 3)], pipeline=pipeline)
    with TestClient(create_app(db)) as client:
        assert client.get("/api/dyad/BLR/CUB").status_code == 200
        assert _open_in_child(db, wait=0.5) == "opened"  # a writer gets the file at once


def test_the_web_app_answers_while_a_run_writes(tmp_path, pipeline):
    """Requests keep coming, from several threads, for the whole run: the writer still gets the file
    between them, every request is answered, and the app shows each batch once it is committed."""
    db = tmp_path / "served.duckdb"
    with Store(db) as store:
        store.ingest([_articles(tmp_path / "first.jsonl", 4)], pipeline=pipeline)
    more = _articles(tmp_path / "more.jsonl", 160, prefix="b")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    app = create_app(db)
    access = app.state.access
    stop = threading.Event()
    errors: list[BaseException] = []

    def keep_reading() -> None:  # uncached queries, so the file is held for much of the run
        while not stop.is_set():
            try:
                with access.reader() as reader:
                    reader.query("SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id")
            except BaseException as error:
                errors.append(error)
                return

    with TestClient(app) as client:
        before = client.get("/api/overview").json()["counts"]["articles"]
        threads = [threading.Thread(target=keep_reading) for _ in range(3)]
        for thread in threads:
            thread.start()
        writer = subprocess.Popen(
            [sys.executable, "-m", "dyad.cli", "run", str(more), "--db", str(db), "--batch-size", "16",
             "--workers", "1", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        seen: list[int] = []
        try:
            while writer.poll() is None:
                response = client.get("/api/overview")
                assert response.status_code == 200, response.text
                seen.append(response.json()["counts"]["articles"])
        finally:
            stop.set()
            for thread in threads:
                thread.join()
            _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        assert not errors, errors
        assert seen == sorted(seen) and seen[0] >= before
        assert client.get("/api/overview").json()["counts"]["articles"] == before + 160

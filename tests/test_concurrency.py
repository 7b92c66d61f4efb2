"""Readers during writes: `dyad events`, `summary`, `failures` and `export` work while
`dyad run` writes, seeing the last committed batch; a second writer waits its turn."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad.errors import StoreError
from dyad.store import Store, StoreOptions

REPO = Path(__file__).resolve().parents[1]


def _articles(path: Path, count: int) -> Path:
    lines = []
    for n in range(count):
        text = (
            f"Report {n}. Belarus and Cuba signed a cooperation agreement number {n} in Minsk on Monday. "
            f"Officials said {n + 3} projects in energy and transport were discussed."
        )
        lines.append(json.dumps({"id": f"a{n}", "published": "2025-06-24", "text": text}))
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

"""`dyad run` as a user runs it: its ingest flags, `dyad failures`, and a run killed midway."""

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

import duckdb

from dyad.store import Store
from tests.conftest import REPO
from tests.ingest.builders import STORIES, empty_page, html_page

DYAD = [sys.executable, "-m", "dyad.cli"]
COMMITTED = "committed a batch"
CAPITALS = [("Belarus", "Minsk"), ("Cuba", "Havana"), ("Venezuela", "Caracas"), ("Nicaragua", "Managua")]
PARTNERS = ["Russia", "China", "Iran", "Vietnam", "Turkey"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*DYAD, *args], capture_output=True, text=True, timeout=300, cwd=REPO)


def _generated_article(number: int) -> str:
    country, capital = CAPITALS[number % len(CAPITALS)]
    partner = PARTNERS[number % len(PARTNERS)]
    return (
        f"{country} and {partner} signed trade protocol number {number} in {capital} on Tuesday, officials said. "
        f"The protocol covers {number % 7 + 2} industrial projects over the next {number % 5 + 2} years."
    )


def _write_generated_corpus(root, count: int) -> None:
    """Half as one file per article, half as lines of one JSON Lines file: `count` distinct texts."""
    root.mkdir()
    half = count // 2
    for number in range(half):
        (root / f"article_{number:04d}.txt").write_text(_generated_article(number), encoding="utf-8")
    lines = [json.dumps({"id": f"line-{n}", "text": _generated_article(n)}) for n in range(half, count)]
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def test_run_killed_after_a_commit_resumes_without_duplicates_or_gaps(tmp_path, pipeline):
    corpus, db = tmp_path / "corpus", tmp_path / "resume.duckdb"
    total = 400
    _write_generated_corpus(corpus, total)

    command = [*DYAD, "--debug", "run", str(corpus), "--db", str(db), "--batch-size", "16"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_read_lines, args=(process.stderr, lines), daemon=True).start()
    deadline = time.monotonic() + 240
    try:
        while True:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0.1))
            assert line is not None, "the run ended before it committed a batch"
            if COMMITTED in line:
                break
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    with duckdb.connect(str(db), read_only=True) as partial:
        [(stored,)] = partial.execute("SELECT count(*) FROM articles").fetchall()
    assert 16 <= stored < total, "killed after the first commit and well before the end"

    resumed = run("run", str(corpus), "--db", str(db), "--batch-size", "16")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{total - stored} new articles" in resumed.stdout

    with Store(tmp_path / "clean.duckdb") as clean:
        clean.ingest([corpus], batch_size=16)
        clean_articles = {row[0] for row in clean.query("SELECT id FROM articles")}
        clean_events = {row[0] for row in clean.query("SELECT id FROM events")}
    with Store(db) as store:
        assert store.counts()["articles"] == total
        assert {row[0] for row in store.query("SELECT id FROM articles")} == clean_articles
        [(events, distinct)] = store.query("SELECT count(*), count(DISTINCT id) FROM events")
        assert events == distinct == len(clean_events) > 0
        assert {row[0] for row in store.query("SELECT id FROM events")} == clean_events
        assert store.query("SELECT count(*) FROM article_sources")[0][0] == total
        assert store.counts()["failures"] == 0

    again = run("run", str(corpus), "--db", str(db))
    assert "0 new articles" in again.stdout and f"({total} already stored)" in again.stdout


def test_run_flags_and_failures_listing(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "flags.duckdb"
    corpus.mkdir()
    (corpus / "wire.csv").write_text(f'guid,body\nw-1,"{STORIES["solar"]}"\nw-2,\n', encoding="utf-8")
    (corpus / "page.html").write_text(html_page(STORIES["port"]), encoding="utf-8")
    (corpus / "index.html").write_text(empty_page(), encoding="utf-8")
    (corpus / "notes.txt").write_text(STORIES["vote"] * 10, encoding="utf-8")

    result = run(
        "run", str(corpus), "--db", str(db), "--exclude", "notes.*", "--column", "text=body", "--column", "id=guid"
    )
    assert result.returncode == 0, result.stderr
    assert "2 new articles" in result.stdout and "2 new failures" in result.stdout
    assert "articles/s" in result.stdout

    listed = run("failures", "--db", str(db))
    header, *lines = listed.stdout.splitlines()
    assert header == "source\tstage\treason"
    assert sorted(line.split("\t") for line in lines) == [
        [str(corpus / "index.html"), "ingest", "no article text found"],
        [f"{corpus / 'wire.csv'}:3", "ingest", "missing or empty 'body' field"],
    ]

    limited = run("run", str(corpus / "notes.txt"), "--db", str(db), "--max-bytes", "100")
    assert "over the 100-byte limit" in limited.stderr

    wrong = run("run", str(corpus), "--db", str(db), "--column", "body")
    assert wrong.returncode == 1 and "FIELD=NAME" in wrong.stderr and "Traceback" not in wrong.stderr

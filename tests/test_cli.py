"""The real `dyad` command in a subprocess, as a user runs it."""

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from dyad.records import event_json_schema
from tests.conftest import REPO, ROADMAP_SEED, SAMPLES

DYAD = [sys.executable, "-m", "dyad.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*DYAD, *args], capture_output=True, text=True, input=stdin, timeout=300, cwd=REPO)


def test_extract_jsonl_is_schema_valid_and_names_the_article(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps(
            {"id": "wire-7", "published": "2025-05-08", "text": "Russia and Venezuela signed a treaty in Moscow."}
        )
        + "\n{broken\n",
        encoding="utf-8",
    )
    result = run("extract", str(feed), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["article_ref"] == f"{feed}:1#wire-7" for r in records)
    for record in records:
        jsonschema.validate(record, event_json_schema())
    assert f"{feed}:2" in result.stderr and "invalid JSON" in result.stderr


def test_extract_roadmap_seed(seeds):
    result = run("extract", str(ROADMAP_SEED), "--format", "jsonl", "--published", "2025-11")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        jsonschema.validate(record, event_json_schema())
    signing = [r for r in records if r["type"] == "SUPPORT" and {"CUB", "BLR"} <= {e["country"] for e in r["actor"]}]
    assert signing, records
    assert any("signed" in item["text"] and "roadmap" in item["text"] for item in signing[0]["evidence"])


def test_extract_reads_stdin_and_prints_a_table():
    result = run("extract", "-", "--format", "table", stdin="Lukashenko praised Cuba on Monday.\n")
    assert result.returncode == 0, result.stderr
    assert "SUPPORT" in result.stdout


def test_run_events_summary_and_failures(tmp_path):
    db = tmp_path / "cli.duckdb"
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = run("run", str(SAMPLES), str(bad), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert re.search(r"\d+ new articles", result.stdout)
    assert str(bad) in result.stderr and "binary" in result.stderr
    again = run("run", str(SAMPLES), "--db", str(db))
    assert "0 new articles" in again.stdout
    listed = run("events", "--db", str(db), "--type", "SANCTION", "--format", "csv")
    assert listed.returncode == 0 and listed.stdout.startswith("id,")
    assert len(listed.stdout.splitlines()) > 1
    summary = run("summary", "--db", str(db))
    assert "Busiest dyads" in summary.stdout and "Happenings by type" in summary.stdout
    failures = run("failures", "--db", str(db))
    assert str(bad) in failures.stdout


def test_errors_are_messages_not_tracebacks(tmp_path):
    result = run("events", "--db", str(tmp_path / "missing.duckdb"))
    assert result.returncode == 1
    assert "no database" in result.stderr and "Traceback" not in result.stderr
    wrong = run("events", "--db", str(tmp_path / "x.duckdb"), "--type", "HUG")
    assert wrong.returncode != 0 and "unknown type" in wrong.stderr


def _all_commands() -> list[str]:
    """Every command the CLI has, subcommands included ('eval events')."""
    import typer.main

    from dyad.cli import app

    names = []
    for name, command in typer.main.get_command(app).commands.items():
        if hasattr(command, "commands"):  # a group of subcommands
            names += [f"{name} {sub}" for sub in command.commands]
        else:
            names.append(name)
    return sorted(names)


@pytest.mark.parametrize("command", _all_commands())
def test_every_command_has_help_and_is_in_the_readme(command):
    result = run(*command.split(), "--help")
    assert result.returncode == 0 and "Usage" in result.stdout
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"dyad {command}" in readme


def test_schema_command_prints_the_committed_schema():
    result = run("schema")
    assert json.loads(result.stdout) == json.loads(Path(REPO / "schema" / "event.schema.json").read_text())


def test_eval_events_warns_about_articles_the_coder_failed_on(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from dyad import cli, pipeline
    from dyad.records import Failure

    class Broken:
        def code(self, articles):
            for article in articles:
                failure = Failure(source=article.ref, stage="events", reason="event coding failed: boom")
                yield pipeline.Coded(article, [], failure)

    monkeypatch.setattr(pipeline, "default_pipeline", lambda: Broken())
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "text": "Cuba praised Belarus.", "events": []}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["eval", "events", str(gold)])
    assert result.exit_code == 0
    assert "a1: event coding failed: boom" in result.output

"""Command-line values are checked before any work starts: one line on stderr, exit code 2 (issue 11).

And inputs that give nothing (a missing path, an empty directory, no readable article) end
`dyad run` with a warning and exit code 1, after the rest has been ingested.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import Store
from tests.ingest.builders import STORIES

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--since", "garbage"], "error: --since: 'garbage' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        (
            ["events", "--until", "2025-13-01"],
            "error: --until: '2025-13-01' is not a real date (month must be in 1..12)",
        ),
        (["events", "--since", "2025-02-30"], "error: --since: '2025-02-30' is not a real date"),
        (["events", "--limit", "-1"], "error: --limit: must be at least 1, got -1"),
        (["events", "--limit", "0"], "error: --limit: must be at least 1, got 0"),
        (["events", "--type", "HUG"], "error: --type: unknown type 'HUG'"),
        (["run", "a.txt", "--published", "2025-13-45"], "error: --published: '2025-13-45' is not a real date"),
        (["extract", "a.txt", "--published", "2025-13-45"], "error: --published: '2025-13-45' is not a real date"),
        (["extract", "a.txt", "--published", "next blue moon"], "error: --published: cannot read publication date"),
    ],
)
def test_bad_option_values_are_one_line_and_exit_2_before_any_work(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)  # a database or file created here would mean work had started
    (tmp_path / "a.txt").write_text(STORIES["tractors"], encoding="utf-8")
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "q.duckdb")] if args[0] != "extract" else args)
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "q.duckdb").exists()


def test_good_option_values_are_accepted(tmp_path, pipeline, monkeypatch):
    db = tmp_path / "ok.duckdb"
    (tmp_path / "a.txt").write_text(STORIES["tractors"], encoding="utf-8")
    monkeypatch.setattr("dyad.pipeline._default", pipeline)
    assert (
        runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--db", str(db), "--published", "4 March 2025"]).exit_code
        == 0
    )
    with Store(db) as store:
        assert store.query("SELECT published FROM articles") == [("2025-03-04",)]
    for args in (["--since", "2025"], ["--since", "2025-03", "--until", "2025-03-31"], ["--limit", "1"]):
        result = runner.invoke(app, ["events", "--db", str(db), *args])
        assert result.exit_code == 0, result.output


def test_impossible_date_inside_a_file_fails_that_article_only(tmp_path, pipeline):
    path = tmp_path / "wire.jsonl"
    rows = [
        {"id": "bad", "published": "2025-13-45", "text": STORIES["port"]},
        {"id": "good", "published": "2025-02-03", "text": STORIES["arrest"]},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    csv_path = tmp_path / "wire.csv"
    csv_path.write_text(f'id,published,text\nfeb,2025-02-30,"{STORIES["medics"]}"\n', encoding="utf-8")
    with Store(tmp_path / "d.duckdb") as store:
        store.ingest([path, csv_path], pipeline=pipeline)
        assert store.query("SELECT ref, published FROM articles") == [(f"{path}:2#good", "2025-02-03")]
        failures = {failure.source: failure.reason for failure in store.failures()}
    assert failures == {
        f"{path}:1": "'2025-13-45' is not a real date (month must be in 1..12)",
        f"{csv_path}:2": "'2025-02-30' is not a real date (day is out of range for month)",
    }


def test_run_warns_and_exits_1_on_a_missing_path_but_ingests_the_rest(tmp_path, pipeline, monkeypatch):
    monkeypatch.setattr("dyad.pipeline._default", pipeline)
    good = tmp_path / "a.txt"
    good.write_text(STORIES["solar"], encoding="utf-8")
    db = tmp_path / "m.duckdb"
    result = runner.invoke(app, ["run", str(good), str(tmp_path / "gone.txt"), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert f"warning: {tmp_path}/gone.txt: no such file or directory" in result.output
    with Store(db) as store:
        assert store.counts()["articles"] == 1


@pytest.mark.parametrize("case", ["empty directory", "nothing readable"])
def test_run_warns_and_exits_1_when_nothing_is_read(tmp_path, case):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if case == "nothing readable":
        (corpus / "junk.txt").write_bytes(b"\x00\x01\x02\x03")
    result = runner.invoke(app, ["run", str(corpus), "--db", str(tmp_path / "e.duckdb")])
    assert result.exit_code == 1, result.output
    assert "warning: no article could be read from the input" in result.output
    if case == "empty directory":
        assert f"warning: {corpus}: directory holds no files to read" in result.output


def test_run_with_published_fixes_the_date_of_articles_already_stored(tmp_path):
    """A text first stored with a wrong date is re-dated and re-coded by a run that gives the
    right one; nothing is duplicated, and a third run changes nothing."""
    import subprocess
    import sys

    from dyad.store import Store

    text = tmp_path / "visit.txt"
    text.write_text(
        "Visit\n\nMINSK (Wire) - The Cuban president held talks with the Belarusian president in Minsk on Tuesday.\n",
        encoding="utf-8",
    )
    db = tmp_path / "dates.duckdb"

    def run(*extra: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "dyad.cli", "run", str(text), "--db", str(db), "--workers", "1", "-q", *extra],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout

    def stored() -> tuple[list, list]:
        with Store(db) as store:
            articles = store.query("SELECT published FROM articles")
            dates = store.query("SELECT date FROM events WHERE type = 'CONSULT'")
        return articles, dates

    run("--published", "2024-01-05")
    assert stored() == ([("2024-01-05",)], [("2024-01-02",)])
    out = run("--published", "2025-06-25")
    assert "1 re-dated" in out
    assert stored() == ([("2025-06-25",)], [("2025-06-24",)])
    again = run("--published", "2025-06-25")
    assert "re-dated" not in again and "0 new articles" in again
    with Store(db) as store:
        assert store.counts()["articles"] == 1
        assert store.query("SELECT count(*) FROM happenings WHERE type = 'CONSULT'")[0][0] == 1

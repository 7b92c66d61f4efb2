"""Happenings and near-duplicates as the store keeps them: batch by batch, the same whatever
the arrival order, equal to a rebuild, migrated from a schema-1 database, and on the command line."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad import query
from dyad.cli import app
from dyad.store import SCHEMA_VERSION, Store
from tests.conftest import DATA, MESSAGE_SEED, ROADMAP_SEED

CLUSTERS = DATA / "clusters"
ROWS = [json.loads(line) for line in (CLUSTERS / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
runner = CliRunner()


def _write(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def _state(store: Store) -> tuple[list, list, list]:
    happenings = store.query(
        "SELECT id, type, countries, modality, date, mentions, articles, sources FROM happenings ORDER BY id"
    )
    members = store.query("SELECT event_id, happening_id FROM happening_events ORDER BY event_id")
    copies = store.query("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL ORDER BY id")
    return happenings, members, copies


@pytest.fixture(scope="module")
def in_order(tmp_path_factory, pipeline):
    folder = tmp_path_factory.mktemp("ordered")
    path = folder / "a.duckdb"
    with Store(path) as store:
        store.ingest([_write(ROWS, folder / "articles.jsonl")], pipeline=pipeline, batch_size=7)
        state = _state(store)
    return state, str(path)  # closed, so that tests may copy the file


def test_the_same_happenings_whatever_the_arrival_order(in_order, tmp_path, pipeline):
    expected, _ = in_order
    assert len(expected[0]) > 30 and expected[2]
    shuffled = ROWS[:]
    random.Random(3).shuffle(shuffled)
    with Store(tmp_path / "b.duckdb") as store:
        # two runs, the second adding articles that join happenings the first made
        store.ingest([_write(shuffled[:20], tmp_path / "first.jsonl")], pipeline=pipeline, batch_size=5)
        store.ingest([_write(shuffled[20:], tmp_path / "second.jsonl")], pipeline=pipeline, batch_size=5)
        assert _state(store) == expected


def test_batch_by_batch_equals_a_rebuild(in_order, tmp_path):
    expected, path = in_order
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(Path(path).read_bytes())
    with Store(copy) as store:
        store.rebuild_happenings()
        assert _state(store) == expected


def test_a_reposted_wire_story_is_stored_once_as_canonical_with_two_sources(tmp_path, pipeline):
    wire, repost = (next(row for row in ROWS if row["id"] == key) for key in ("c09", "c10"))
    with Store(tmp_path / "wire.duckdb") as store:
        store.ingest([_write([repost, wire], tmp_path / "wire.jsonl")], pipeline=pipeline)
        # a JSONL row's ref is file:LINE#id
        ids = {ref.rsplit("#", 1)[-1]: key for ref, key in store.query("SELECT ref, id FROM articles")}
        copies = dict(store.query("SELECT id, duplicate_of FROM articles"))
        assert copies == {ids["c09"]: None, ids["c10"]: ids["c09"]}
        told = [h for h in query.happenings(store) if h.representative.article_id == ids["c09"]]
        assert told and all(h.articles == 1 and h.sources == 2 for h in told)
        # the copy's events stay out of the happenings: counted once
        copy_events = store.query(
            "SELECT count(*) FROM happening_events he JOIN events e ON e.id = he.event_id WHERE e.article_id = ?",
            [ids["c10"]],
        )
        assert copy_events[0][0] == 0


def test_the_seeds_and_a_third_report_give_one_consult_happening_with_three_articles(tmp_path, pipeline, seeds):
    visit = next(row for row in ROWS if row["id"] == "c01")  # our own report of the June 2025 visit
    with Store(tmp_path / "seeds.duckdb") as store:
        store.ingest([MESSAGE_SEED], published="2025-07-26", pipeline=pipeline)
        store.ingest([ROADMAP_SEED], published="2025-11", pipeline=pipeline)
        store.ingest([_write([visit], tmp_path / "visit.jsonl")], pipeline=pipeline)
        consults = [h for h in query.happenings(store, type="CONSULT") if h.countries == ["BLR", "CUB"]]
        june = [h for h in consults if (h.date or "").startswith("2025-06")]
        assert len(june) == 1 and june[0].articles == 3


SCHEMA_1_TABLES = ("article_signatures", "happenings", "happening_events", "dyad_meta")


def test_a_schema_1_database_is_migrated_when_opened(in_order, tmp_path):
    expected, path = in_order
    old = tmp_path / "old.duckdb"
    old.write_bytes(Path(path).read_bytes())
    with Store(old) as store:  # made into what the previous release wrote: no clusters, no version
        for table in SCHEMA_1_TABLES:
            store.query(f"DROP TABLE {table}")
        for column in ("countries", "modality_kind", "place_country", "people"):
            store.query(f"ALTER TABLE events DROP COLUMN {column}")
        store.query("ALTER TABLE articles DROP COLUMN duplicate_of")
    with Store(old) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert _state(store) == expected


def test_a_database_newer_than_this_dyad_is_refused(tmp_path):
    from dyad.errors import StoreError

    path = tmp_path / "new.duckdb"
    with Store(path) as store:
        store.query("UPDATE dyad_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema 99"):
        Store(path)


def test_events_clusters_on_the_command_line(in_order):
    _, path = in_order
    result = runner.invoke(app, ["events", "--db", path, "--clusters", "--country", "CUB", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all("CUB" in row["countries"] for row in rows)
    visit = max(rows, key=lambda row: row["articles"])
    assert visit["type"] == "CONSULT" and visit["articles"] >= 5 and visit["date"] == "2025-06-24"
    summary = runner.invoke(app, ["summary", "--db", path])
    assert summary.exit_code == 0 and "happenings told in" in summary.stdout


@pytest.mark.parametrize("format", ["plover-json", "jsonl", "gdelt-csv"])
def test_export_on_the_command_line(in_order, tmp_path, format):
    _, path = in_order
    out = tmp_path / f"out.{format}"
    result = runner.invoke(app, ["export", "--db", path, "-f", format, "-o", str(out), "--min-confidence", "0"])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    with Store(path) as store:
        counts = store.counts() | store.cluster_counts()
    expected = counts["happenings"] + 1 if format == "gdelt-csv" else counts["events"]
    assert len(lines) == expected


def test_parquet_export_needs_a_folder(in_order, tmp_path):
    _, path = in_order
    result = runner.invoke(app, ["export", "--db", path, "-f", "parquet"])
    assert result.exit_code == 2 and "--out" in result.output
    result = runner.invoke(app, ["export", "--db", path, "-f", "parquet", "-o", str(tmp_path / "pq")])
    assert result.exit_code == 0 and any((tmp_path / "pq").iterdir())


def test_cluster_gold_scores_meet_the_target():
    result = runner.invoke(app, ["eval", "clusters", str(CLUSTERS), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    floors = json.loads((CLUSTERS / "floors.json").read_text())
    assert scores["pairwise_f1"] >= floors["pairwise_f1"]
    assert scores["duplicates"]["f1"] >= floors["duplicate_f1"]


DUPLICATES = DATA / "duplicates"


def _duplicate_articles(dates: dict[str, str]) -> list:
    from dyad.ingest.text import article_from_text

    return [
        article_from_text((DUPLICATES / f"{name}.txt").read_text(encoding="utf-8"), ref=name, published=published)
        for name, published in dates.items()
    ]


def _duplicates_by_ref(store: Store) -> dict[str, str]:
    rows = store.query("SELECT a.ref, c.ref FROM articles a JOIN articles c ON c.id = a.duplicate_of")
    return dict(sorted(rows))


@pytest.mark.parametrize("order", [("wire", "repost", "edited", "other"), ("edited", "other", "repost", "wire")])
def test_duplicate_groups_decided_article_by_article_equal_a_rebuild(tmp_path, pipeline, order):
    """Each article is compared through the band index with every stored one, and groups merge
    as copies arrive: the canonical copy is the earliest published even when it comes last."""
    from dyad.runner import RunOptions, run

    dates = {"wire": "2025-06-24", "repost": "2025-06-25", "edited": "2025-06-26", "other": "2025-06-25"}
    articles = {article.ref: article for article in _duplicate_articles(dates)}
    with Store(tmp_path / "d.duckdb") as store:
        run([articles[name] for name in order], pipeline, store, RunOptions(batch_size=1))
        found = _duplicates_by_ref(store)
        assert found == {"edited": "wire", "repost": "wire"}
        # the wire story re-dated two months on leaves its copies' window: its group is undone
        later = _duplicate_articles({"wire": "2025-09-01"})
        run(later, pipeline, store, RunOptions(batch_size=1, redate=True))
        redated = _duplicates_by_ref(store)
        assert "wire" not in redated.values() and "wire" not in redated
        store.rebuild_happenings()
        assert _duplicates_by_ref(store) == redated


def test_happenings_a_killed_writer_left_out_of_date_are_settled_by_the_next(in_order, tmp_path, pipeline, monkeypatch):
    """Blocks a batch touched are marked in its transaction; a writer killed before settling
    leaves the marks, and the next one to open the file settles them before answering."""
    monkeypatch.setattr("dyad.store.SETTLE_EVERY_SECONDS", 1e9)  # no settling between batches
    expected, _ = in_order
    path = tmp_path / "killed.duckdb"
    store = Store(path)
    store.ingest([_write(ROWS, tmp_path / "articles.jsonl")], pipeline=pipeline, batch_size=7)
    assert store.connection.execute("SELECT count(*) FROM happenings").fetchall()[0][0] == 0
    assert store.connection.execute("SELECT count(*) FROM pending_blocks").fetchall()[0][0] > 0
    store.release()  # as a kill would: nothing settled, nothing closed cleanly
    with Store(path) as again:
        assert _state(again) == expected
        assert again.connection.execute("SELECT count(*) FROM pending_blocks").fetchall()[0][0] == 0

"""Every export format round-trips through a reader that is not dyad's: pandas for the
GDELT CSV, pyarrow and DuckDB for Parquet, the JSON Schema for the JSON lines."""

from __future__ import annotations

import io
import json

import duckdb
import jsonschema
import pandas as pd
import pyarrow.dataset as pads
import pytest

from dyad.export import (
    GDELT_COLUMNS,
    Source,
    global_event_id,
    iter_exported,
    json_schema,
    quad_class,
    summarize,
    write_gdelt,
    write_lines,
    write_parquet,
)
from dyad.happenings import Mention, cluster
from dyad.ingest import read_paths
from dyad.records import Article
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def coded(pipeline):
    articles = [a for a in read_paths([SAMPLES]) if isinstance(a, Article)]
    events = [e for item in pipeline.code(articles) for e in item.events]
    sources = {
        a.id: Source(article_id=a.id, url=a.url or f"https://example.org/{a.id}", title=a.title, outlet=a.outlet,
                     published=a.published, language=a.language)
        for a in articles
    }  # fmt: skip
    happenings = cluster(Mention.of(e, sources[e.article_id].published, sources[e.article_id].outlet) for e in events)
    assert len(events) > 30 and len(happenings) > 10
    return events, sources, happenings


def test_the_gdelt_table_has_its_61_columns():
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    assert len(set(GDELT_COLUMNS)) == 61


def test_gdelt_csv_reads_back_in_pandas(coded):
    events, sources, happenings = coded
    out = io.StringIO()
    by_id = {e.id: e for e in events}
    assert write_gdelt([summarize(h, by_id, sources) for h in happenings], sources, out) == len(happenings)
    frame = pd.read_csv(io.StringIO(out.getvalue()), sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(GDELT_COLUMNS)
    assert len(frame) == len(happenings)
    assert frame["GLOBALEVENTID"].is_unique
    assert set(frame["QuadClass"]) <= {"1", "2", "3", "4"}
    assert all(len(day) == 8 for day in frame["SQLDATE"] if day)
    by_gdelt_id = {str(global_event_id(h.id)): h for h in happenings}
    for row in frame.itertuples():
        happening = by_gdelt_id[row.GLOBALEVENTID]
        assert int(row.NumArticles) == happening.source_count
        assert int(row.NumMentions) == len(happening.members)
        assert row.EventRootCode == row.EventCode[:2]
        assert row.SOURCEURL.startswith("https://example.org/")


def test_the_global_event_id_is_stable_and_fits_63_bits(coded):
    _, _, happenings = coded
    ids = [global_event_id(h.id) for h in happenings]
    assert ids == [global_event_id(h.id) for h in happenings]
    assert all(0 < i < 2**63 for i in ids)


def test_parquet_is_partitioned_by_month_and_read_without_dyad(coded, tmp_path):
    events, sources, happenings = coded
    folder = tmp_path / "events"
    assert write_parquet(iter_exported(events, sources, happenings), folder) == len(events)
    months = sorted(p.name for p in folder.iterdir())
    assert months and all(name.startswith("month=") for name in months)
    table = pads.dataset(folder, partitioning="hive").to_table()
    assert sorted(table.column("id").to_pylist()) == sorted(e.id for e in events)
    rows = duckdb.sql(
        f"SELECT type, count(*) FROM read_parquet('{folder}/**/*.parquet', hive_partitioning=true) GROUP BY type"
    ).fetchall()
    assert sum(count for _, count in rows) == len(events)
    frame = pd.read_parquet(folder)
    assert set(frame["happening_id"]) <= {h.id for h in happenings}


@pytest.mark.parametrize("format", ["plover-json", "jsonl"])
def test_json_lines_follow_their_schema(coded, format):
    events, sources, happenings = coded
    out = io.StringIO()
    assert write_lines(format, iter_exported(events, sources, happenings), out) == len(events)
    validator = jsonschema.Draft202012Validator(json_schema(format))
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    for line in lines:
        validator.validate(line)
    assert {line["id"] for line in lines} == {e.id for e in events}
    assert all(line["happening_id"] for line in lines)


def test_a_malformed_record_fails_the_plover_schema(coded):
    events, sources, happenings = coded
    out = io.StringIO()
    write_lines("plover-json", iter_exported(events[:1], sources, happenings), out)
    record = json.loads(out.getvalue())
    record["event"] = ["PARTY"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, json_schema("plover-json"))


@pytest.mark.parametrize(
    ("cameo", "quad"), [("036", 1), ("042", 1), ("057", 1), ("071", 2), ("112", 3), ("163", 4), ("190", 4)]
)
def test_quad_class_follows_the_cameo_root(cameo, quad):
    assert quad_class(cameo) == quad

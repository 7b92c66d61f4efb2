"""Property-based round-trips of the exports (hypothesis): any valid event record, with any
text in its names and evidence (quotes, tabs, newlines, any script), is written and read
back unchanged by readers that are not dyad's."""

from __future__ import annotations

import io
import json

import jsonschema
import pandas as pd
import pyarrow.dataset as pads
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.export import (
    GDELT_COLUMNS,
    Exported,
    HappeningSummary,
    Source,
    gdelt_cell,
    global_event_id,
    json_schema,
    write_gdelt,
    write_lines,
    write_parquet,
)
from dyad.records import EVENT_TYPES, SECTORS, Entity, Event, Evidence, Location

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TEXT = st.text(min_size=1, max_size=40)
CODES = st.sampled_from(["CUB", "BLR", "RUS", "USA", "EU", "CHN", None])
DATES = st.one_of(
    st.none(),
    st.dates().map(lambda d: (d.isoformat(), "day")),
    st.dates().map(lambda d: (d.isoformat()[:7], "month")),
    st.dates().map(lambda d: (d.isoformat()[:4], "year")),
)


@st.composite
def entities(draw) -> Entity:
    return Entity(text=draw(TEXT), name=draw(st.one_of(st.none(), TEXT)), country=draw(CODES),
                  sector=draw(st.one_of(st.none(), st.sampled_from(SECTORS))))  # fmt: skip


@st.composite
def events(draw) -> Event:
    date = draw(DATES)
    start = draw(st.integers(0, 10_000))
    return Event(
        id=draw(st.text("0123456789abcdef", min_size=16, max_size=16)),
        article_id="a" * 16,
        article_ref=draw(TEXT),
        type=draw(st.sampled_from(EVENT_TYPES)),
        mode=draw(st.one_of(st.none(), st.sampled_from(["visit", "meet", "demo"]))),
        context=draw(st.lists(st.sampled_from(["diplomatic", "economic", "military"]), max_size=2, unique=True)),
        modality=draw(st.sampled_from(["asserted", "historical", "future", "hypothetical", "negated"])),
        actor=draw(st.lists(entities(), min_size=1, max_size=3)),
        recipient=draw(st.lists(entities(), max_size=2)),
        date=date[0] if date else None,
        date_precision=date[1] if date else None,
        location=draw(st.one_of(st.none(), st.builds(Location, name=TEXT, country=CODES))),
        evidence=[Evidence(text=draw(TEXT), start=start, end=start + 40)],
        cameo=draw(st.sampled_from(["010", "036", "042", "057", "071", "112", "163", "173", "190"])),
        score=draw(st.floats(-10, 10, allow_nan=False)),
        confidence=draw(st.one_of(st.none(), st.floats(0, 1, allow_nan=False))),
    )


SOURCE = Source(article_id="a" * 16, url="https://example.org/a", title="T", outlet="O", published="2025-06-24")


@SETTINGS
@given(st.lists(events(), min_size=1, max_size=5, unique_by=lambda e: e.id))
def test_jsonl_and_plover_json_round_trip(found):
    items = [Exported(event, SOURCE, "h" + event.id) for event in found]
    for format in ("jsonl", "plover-json"):
        out = io.StringIO()
        write_lines(format, items, out)
        # splitlines breaks at U+0085 and U+2028 as well: the writer must escape them
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        assert len(lines) == len(found)
        for line, event in zip(lines, found, strict=True):
            jsonschema.validate(line, json_schema(format))
            if format == "jsonl":
                assert Event.model_validate({k: v for k, v in line.items() if k != "happening_id"}) == event
            else:
                assert line["event"] == [event.type] and line["event_text"] == [event.evidence[0].text]
                assert [a["entity_text"] for a in line["actor"]] == [a.text for a in event.actor]


@SETTINGS
@given(st.lists(events(), min_size=1, max_size=5, unique_by=lambda e: e.id))
def test_gdelt_csv_round_trips_through_pandas(found):
    rows = [HappeningSummary("h" + event.id, event, 2, 1, 3, "2025-06-24") for event in found]
    out = io.StringIO()
    write_gdelt(rows, {SOURCE.article_id: SOURCE}, out)
    frame = pd.read_csv(io.StringIO(out.getvalue()), sep="\t", dtype=str, keep_default_na=False, quoting=0)
    assert list(frame.columns) == list(GDELT_COLUMNS) and len(frame) == len(found)
    for row, event in zip(frame.itertuples(index=False), found, strict=True):
        assert str(global_event_id("h" + event.id)) == row.GLOBALEVENTID
        assert row.EventCode == event.cameo and SOURCE.url == row.SOURCEURL
        name = event.actor[0].name or event.actor[0].text
        assert row.Actor1Name == gdelt_cell(name.upper())


@SETTINGS
@given(st.lists(events(), min_size=1, max_size=5, unique_by=lambda e: e.id))
def test_parquet_round_trips_through_pyarrow(tmp_path_factory, found):
    folder = tmp_path_factory.mktemp("pq")
    write_parquet([Exported(event, SOURCE, None) for event in found], folder)
    table = pads.dataset(folder, partitioning="hive").to_table().to_pylist()
    by_id = {row["id"]: row for row in table}
    assert set(by_id) == {event.id for event in found}
    for event in found:
        assert Event.model_validate_json(by_id[event.id]["record"]) == event
        assert by_id[event.id]["actor_names"] == [a.name or a.text for a in event.actor]

"""Property-based tests (hypothesis): readers and the date resolver on arbitrary input never raise.

A reader gives Articles and Failures, whatever the bytes; the readers' safety net (a
"reader error" failure) must never be needed, since each one it catches is a bug.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.dates import iso_to_date, normalise_published, parse_iso_date
from dyad.errors import InputError
from dyad.ingest import read_bytes
from dyad.records import Article, Failure
from tests.ingest.builders import STORIES

NAMES = ["a.txt", "a.jsonl", "a.json", "a.csv", "a.tsv", "a.html", "a.rss", "a.xml", "a.warc", "a.gz", "a.zip", "-"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Cells that exercise the CSV reader's quoting: quotes, delimiters, newlines, prose.
# Starts that steer the readers into their branches: byte-order marks, archive magic, JSON nesting.
PREFIXES = st.sampled_from(
    [
        b"",
        b"\xff\xfe",
        b"\xfe\xff",
        b"\xef\xbb\xbf",
        b"\x1f\x8b\x08",
        b"PK\x03\x04",
        b"[" * 50_000,
        b'{"text": "',
        b"id,text\n",
    ]
)
FIELDS = st.sampled_from(["text", "id", "published", "url", "title", "outlet"]) | st.text(max_size=5)
# JSON values shaped like article records: objects with the real keys, nested arbitrarily.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(FIELDS, children, max_size=6),
    max_leaves=12,
)
CSV_CELLS = st.sampled_from(['"', '""', ",", "\t", "\n", "\r\n", "a", " ", STORIES["port"], "2025-02-30"])


def _assert_articles_or_failures(data: bytes, name: str) -> None:
    for item in read_bytes(data, name, max_bytes=1_000_000):
        assert isinstance(item, Article | Failure), item
        if isinstance(item, Failure):
            assert not item.reason.startswith("reader error"), item
            assert item.source.startswith(name), item
        else:
            assert item.text.strip() and item.ref.startswith(name)
            if item.published:
                iso_to_date(item.published)


@SETTINGS
@given(prefix=PREFIXES, data=st.binary(max_size=4096), name=st.sampled_from(NAMES))
def test_every_reader_on_arbitrary_bytes(prefix, data, name):
    _assert_articles_or_failures(prefix + data, name)


@SETTINGS
@given(lines=st.lists(JSON_VALUES, max_size=6))
def test_jsonl_and_json_on_arbitrary_json(lines):
    jsonl = "\n".join(json.dumps(line) for line in lines).encode()
    _assert_articles_or_failures(jsonl, "a.jsonl")
    _assert_articles_or_failures(json.dumps(lines).encode(), "a.json")


@SETTINGS
@given(rows=st.lists(st.lists(CSV_CELLS, min_size=1, max_size=6).map("".join), max_size=8))
def test_csv_on_arbitrary_quoting(rows):
    data = ("id,published,text\n" + "\n".join(f"r{n},{row}" for n, row in enumerate(rows))).encode()
    _assert_articles_or_failures(data, "a.csv")


@SETTINGS
@given(data=st.binary(max_size=2048), cut=st.integers(min_value=0, max_value=4096), inner=st.sampled_from(NAMES))
def test_archives_of_arbitrary_bytes_whole_or_cut(data, cut, inner):
    packed = gzip.compress(data)
    _assert_articles_or_failures(packed[:cut], "a.gz")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(inner if inner != "-" else "x", data)
    _assert_articles_or_failures(buffer.getvalue()[:cut], "a.zip")


@SETTINGS
@given(text=st.text(max_size=200))
def test_date_resolver_gives_an_iso_date_or_an_input_error(text):
    try:
        found = normalise_published(text, "published")
    except InputError as error:
        assert error.source == "published"
        return
    if found is not None:
        first, precision = iso_to_date(found)
        assert precision in ("day", "month", "year") and isinstance(first, dt.date)


@SETTINGS
@given(text=st.text(max_size=40) | st.dates().map(dt.date.isoformat))
def test_strict_iso_parser_gives_the_date_or_an_input_error(text):
    try:
        found = parse_iso_date(text, "--since")
    except InputError as error:
        assert error.source == "--since"
        return
    assert found == text.strip()
    iso_to_date(found)

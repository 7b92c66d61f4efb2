"""Coded batches as partitioned Parquet: written by workers, merged into DuckDB by the parent alone.

A part is one batch: `<parts>/run=<run>/batch=<n>/failures.parquet` and `events.parquet`,
each written under a temporary name and renamed, events last, so a part whose
`events.parquet` exists is complete. The parent reads parts back in input order and commits
each as one `Batch`, so DuckDB keeps a single writer and committed batches stay a prefix of
the input; parts not merged yet (a run in progress, or a killed one) can be queried in place
with `events()`.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections import deque
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from dyad.errors import InputError
from dyad.records import Event, Failure
from dyad.runner import CodedBatch
from dyad.store import Batch, Store, Written, _event_row, _failure_row, event_filters

EVENTS_FILE = "events.parquet"
FAILURES_FILE = "failures.parquet"
EVENT_COLUMNS = pa.schema(
    [
        ("id", pa.string()), ("article_id", pa.string()), ("article_ref", pa.string()), ("type", pa.string()),
        ("mode", pa.string()), ("modality", pa.string()), ("date", pa.string()), ("date_precision", pa.string()),
        ("date_start", pa.date32()), ("actor_countries", pa.list_(pa.string())),
        ("recipient_countries", pa.list_(pa.string())), ("cameo", pa.string()), ("record", pa.string()),
        ("confidence", pa.float64()), ("coder_version", pa.string()), ("position", pa.int32()),
    ]
)  # fmt: skip
FAILURE_COLUMNS = pa.schema(
    [("source", pa.string()), ("stage", pa.string()), ("reason", pa.string()), ("recorded_at", pa.timestamp("us"))]
)


def parts_dir(db: str | Path) -> Path:
    """Where the parts of a database's runs go: next to it, `<db>.parts/`."""
    return Path(f"{db}.parts")


def new_run_dir(parts: Path) -> Path:
    """A directory of its own for one run's parts, so a rerun never mixes with a killed run's leftovers."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    return parts / f"run={stamp}-{uuid.uuid4().hex[:8]}"


def part_path(run_dir: Path, number: int) -> Path:
    return run_dir / f"batch={number:09d}"


def write_part(coded: CodedBatch, part: Path) -> None:
    """Write one coded batch; the events file, renamed into place last, marks the part complete."""
    part.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    failures = [_failure_row(failure, now) for failure in coded.failures]
    events = [{**_event_row(event), "position": n} for n, event in enumerate(coded.events)]
    _write(pa.Table.from_pylist(failures, schema=FAILURE_COLUMNS), part / FAILURES_FILE)
    _write(pa.Table.from_pylist(events, schema=EVENT_COLUMNS), part / EVENTS_FILE)


def _write(table: pa.Table, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)


def read_part(part: Path) -> CodedBatch:
    """A part as the events and failures its batch gave, in the order they were coded."""
    events = pq.read_table(part / EVENTS_FILE, columns=["record", "position"]).to_pylist()
    failures = pq.read_table(part / FAILURES_FILE, columns=["source", "stage", "reason"]).to_pylist()
    ordered = sorted(events, key=lambda row: row["position"])
    return CodedBatch(
        [Event.model_validate_json(row["record"]) for row in ordered], [Failure(**row) for row in failures]
    )


class Merged:
    """A store as the sink of a run whose workers write parts: each part is removed once its batch is committed.

    The run loop reads a batch's part back (into `read`, the executor's list) just before it
    writes that batch, so after a write the parts read and not yet removed are exactly that batch's.
    """

    def __init__(self, store: Store, read: deque[Path], keep: bool = False) -> None:
        self.store = store
        self.keep = keep
        self.read = read

    def known_ids(self, ids: list[str]) -> set[str]:
        return self.store.known_ids(ids)

    def dated_otherwise(self, dates: dict[str, str]) -> set[str]:
        return self.store.dated_otherwise(dates)

    def write(self, batch: Batch) -> Written:
        written = self.store.write(batch)
        while self.read:
            part = self.read.popleft()
            if not self.keep:
                shutil.rmtree(part, ignore_errors=True)
        return written

    def finish(self, run_dir: Path) -> None:
        """Remove the run's directory when every part in it was merged and removed."""
        if not self.keep and run_dir.is_dir() and not any(run_dir.iterdir()):
            run_dir.rmdir()


def events(
    parts: Path,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    min_confidence: float = 0.0,
) -> list[Event]:
    """Events of the complete parts under `parts`, queried in place with DuckDB, filtered as `Store.events`."""
    if not parts.is_dir():
        raise InputError(f"no parts directory at {parts}")
    if not any(parts.glob(f"**/{EVENTS_FILE}")):
        return []
    clauses, params = event_filters(actor, recipient, country, type, since, until)
    if min_confidence > 0:
        clauses.append("(confidence IS NULL OR confidence >= ?)")
        params.append(min_confidence)
    source = f"read_parquet('{_quoted(parts)}/**/{EVENTS_FILE}', hive_partitioning = true)"
    sql = f"SELECT DISTINCT ON (id) record, date_start, article_ref, id FROM {source}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql = f"SELECT record FROM ({sql}) ORDER BY date_start NULLS LAST, article_ref, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    with duckdb.connect() as connection:
        rows = connection.execute(sql, params).fetchall()
    return [Event.model_validate_json(row[0]) for row in rows]


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")

"""The DuckDB store: idempotent ingest in atomic batches, and event queries."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from dyad.dates import iso_to_date
from dyad.errors import StoreError
from dyad.ingest import DEFAULT_MAX_BYTES, Columns, expand_paths, read_paths
from dyad.records import Article, Event, Failure

log = logging.getLogger(__name__)
DEFAULT_DB = "dyad.duckdb"
DB_ENV = "DYAD_DB"
BATCH_ARTICLES = 64

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, ref VARCHAR, url VARCHAR, title VARCHAR, published VARCHAR,
    outlet VARCHAR, language VARCHAR, text VARCHAR, sections JSON, ingested_at TIMESTAMP, author VARCHAR
);
-- Databases created before articles had an author gain the column when opened.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS author VARCHAR;
CREATE TABLE IF NOT EXISTS article_sources (
    article_id VARCHAR, source VARCHAR, PRIMARY KEY (article_id, source)
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, article_ref VARCHAR, type VARCHAR, mode VARCHAR,
    modality VARCHAR, date VARCHAR, date_precision VARCHAR, date_start DATE,
    actor_countries VARCHAR[], recipient_countries VARCHAR[], cameo VARCHAR, record JSON
);
-- Databases created before events were scored gain the column when opened (NULL: unscored).
ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE;
CREATE TABLE IF NOT EXISTS event_evidence (
    event_id VARCHAR, article_id VARCHAR, position INTEGER, text VARCHAR,
    start_char INTEGER, end_char INTEGER, PRIMARY KEY (event_id, position)
);
CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR, stage VARCHAR, reason VARCHAR, recorded_at TIMESTAMP,
    PRIMARY KEY (source, stage, reason)
);
"""


def default_db_path() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB


@dataclass
class IngestSummary:
    """What one `ingest` call added; a second run of the same input adds zeros."""

    files: int = 0
    articles_added: int = 0
    articles_known: int = 0
    events_added: int = 0
    failures_added: int = 0
    failures: list[Failure] = field(default_factory=list)


ProgressCallback = Callable[[IngestSummary, str | None], None]


class Store:
    """A DuckDB file of articles, events (with evidence) and failures."""

    def __init__(self, path: str | Path | None = None, *, pipeline: Any = None, min_confidence: float = 0.0) -> None:
        """`min_confidence`: events scoring below it are not stored (0 keeps every event)."""
        self.path = str(path or default_db_path())
        self.min_confidence = min_confidence
        try:
            self.connection = duckdb.connect(self.path)
            self.connection.execute(SCHEMA)
        except duckdb.Error as error:
            raise StoreError(f"cannot open database {self.path}: {error}") from None
        self._pipeline = pipeline

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            from dyad.pipeline import default_pipeline

            self._pipeline = default_pipeline()
        return self._pipeline

    # -- writing ----------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        published: str | None = None,
        url: str | None = None,
        progress: ProgressCallback | None = None,
        batch_size: int = BATCH_ARTICLES,
        max_bytes: int = DEFAULT_MAX_BYTES,
        columns: Columns | None = None,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
    ) -> IngestSummary:
        """Read, code and store; each batch is one transaction, so a killed run resumes cleanly.

        `max_bytes`, `columns`, `include` and `exclude` are passed to `dyad.ingest.read_paths`.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        summary = IngestSummary()
        batch: list[Article] = []
        files = list(expand_paths(paths, include=include, exclude=exclude))
        for source in files:
            for item in read_paths([source], published=published, url=url, max_bytes=max_bytes, columns=columns):
                if isinstance(item, Failure):
                    self._write_failures([item], summary)
                else:
                    batch.append(item)
                    if len(batch) >= batch_size:
                        self._ingest_batch(batch, summary)
                        batch = []
                        if progress:
                            progress(summary, source)
            summary.files += 1
            if progress:
                progress(summary, source)
        if batch:
            self._ingest_batch(batch, summary)
        if progress:
            progress(summary, None)
        return summary

    def add_articles(self, articles: Iterable[Article]) -> IngestSummary:
        """Code and store articles already read (from the Python API)."""
        summary = IngestSummary()
        for chunk in _chunks(articles, BATCH_ARTICLES):
            self._ingest_batch(chunk, summary)
        return summary

    def _ingest_batch(self, batch: list[Article], summary: IngestSummary) -> None:
        known = self._known_ids([a.id for a in batch])
        fresh: dict[str, Article] = {}
        for article in batch:
            if article.id in known or article.id in fresh:
                summary.articles_known += 1
            else:
                fresh[article.id] = article
        coded = list(self.pipeline.code(fresh.values())) if fresh else []
        events = [
            event
            for item in coded
            for event in item.events
            if event.confidence is None or event.confidence >= self.min_confidence
        ]
        failures = [item.failure for item in coded if item.failure]
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        try:
            self.connection.begin()
            self._insert("article_sources", [{"article_id": a.id, "source": a.ref} for a in batch])
            self._insert("articles", [_article_row(a, now) for a in fresh.values()])
            self._insert("events", [_event_row(e) for e in events])
            self._insert("event_evidence", [row for e in events for row in _evidence_rows(e)])
            self._insert("failures", [_failure_row(f, now) for f in failures])
            self.connection.commit()
        except duckdb.Error as error:
            self.connection.rollback()
            raise StoreError(f"cannot write to {self.path}: {error}") from None
        log.debug("committed a batch of %d articles (%d new) to %s", len(batch), len(fresh), self.path)
        summary.articles_added += len(fresh)
        summary.events_added += len(events)
        summary.failures_added += len(failures)
        summary.failures += failures

    def _write_failures(self, failures: list[Failure], summary: IngestSummary) -> None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        summary.failures_added += self._insert("failures", [_failure_row(f, now) for f in failures])
        summary.failures += failures

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> int:
        """Insert what is new and return how many rows that was (DuckDB counts ignored rows out)."""
        if not rows:
            return 0
        frame = pa.Table.from_pylist(rows)
        columns = ", ".join(frame.column_names)
        self.connection.register("incoming", frame)
        try:
            sql = f"INSERT OR IGNORE INTO {table} ({columns}) SELECT {columns} FROM incoming"
            return self.connection.execute(sql).fetchall()[0][0]
        finally:
            self.connection.unregister("incoming")

    def _known_ids(self, ids: list[str]) -> set[str]:
        rows = self.connection.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        return {row[0] for row in rows}

    def _count(self, table: str) -> int:
        return self.connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]

    # -- reading ----------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {table: self._count(table) for table in ("articles", "events", "failures")}

    def events(
        self,
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
        """Stored events, filtered by actor/recipient country (ISO3), type, date range and confidence.

        Events stored before dyad scored confidence (NULL) are kept by any threshold.
        """
        clauses, params = _event_filters(actor, recipient, country, type, since, until)
        if min_confidence > 0:
            clauses.append("(confidence IS NULL OR confidence >= ?)")
            params.append(min_confidence)
        sql = "SELECT record FROM events"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY date_start NULLS LAST, article_ref, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self.connection.execute(sql, params).fetchall()
        return [Event.model_validate_json(row[0]) for row in rows]

    def failures(self) -> list[Failure]:
        rows = self.connection.execute(
            "SELECT source, stage, reason FROM failures ORDER BY recorded_at, source"
        ).fetchall()
        return [Failure(source=s, stage=st, reason=r) for s, st, r in rows]

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, params or []).fetchall()


def _event_filters(
    actor: str | None,
    recipient: str | None,
    country: str | None,
    type: str | None,
    since: str | None,
    until: str | None,
) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        clauses.append("list_contains(actor_countries, ?)")
        params.append(actor.upper())
    if recipient:
        clauses.append("list_contains(recipient_countries, ?)")
        params.append(recipient.upper())
    if country:
        clauses.append("(list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?))")
        params += [country.upper(), country.upper()]
    if type:
        clauses.append("type = ?")
        params.append(type.upper())
    if since:
        clauses.append("date_start >= ?")
        params.append(iso_to_date(since)[0])
    if until:
        clauses.append("date_start <= ?")
        params.append(iso_to_date(until)[0])
    return clauses, params


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _article_row(article: Article, now: dt.datetime) -> dict[str, Any]:
    row = article.to_dict()
    row["sections"] = json.dumps(row["sections"])
    row["ingested_at"] = now
    return row


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "article_id": event.article_id,
        "article_ref": event.article_ref,
        "type": event.type,
        "mode": event.mode,
        "modality": event.modality,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_start": iso_to_date(event.date)[0] if event.date else None,
        "actor_countries": sorted({e.country for e in event.actor if e.country}),
        "recipient_countries": sorted({e.country for e in event.recipient if e.country}),
        "cameo": event.cameo,
        "record": event.to_json(),
        "confidence": event.confidence,
    }


def _evidence_rows(event: Event) -> list[dict[str, Any]]:
    return [
        {
            "event_id": event.id,
            "article_id": event.article_id,
            "position": position,
            "text": item.text,
            "start_char": item.start,
            "end_char": item.end,
        }
        for position, item in enumerate(event.evidence)
    ]


def _failure_row(failure: Failure, now: dt.datetime) -> dict[str, Any]:
    return {**failure.to_dict(), "recorded_at": now}

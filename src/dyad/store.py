"""The DuckDB store: batches written atomically and idempotently, and event queries."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import duckdb
import pyarrow as pa

from dyad import clustering
from dyad.dates import iso_to_date
from dyad.errors import StoreError
from dyad.ingest.options import DEFAULT_MAX_BYTES, Columns, ReadOptions
from dyad.records import Article, Event, Failure
from dyad.tables import Row, insert_rows

if TYPE_CHECKING:
    from dyad.pipeline import Pipeline
    from dyad.runner import IngestSummary, ProgressCallback

log = logging.getLogger(__name__)
DEFAULT_DB = "dyad.duckdb"
DB_ENV = "DYAD_DB"
BATCH_ARTICLES = 64  # articles per transaction, unless a run says otherwise

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
-- Which coder made an event, and which coded an article (NULL: before versions; `dyad recode` re-codes).
ALTER TABLE events ADD COLUMN IF NOT EXISTS coder_version VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS coder_version VARCHAR;
CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR, stage VARCHAR, reason VARCHAR, recorded_at TIMESTAMP,
    PRIMARY KEY (source, stage, reason)
);
-- Schema 2: near-duplicate articles and happenings (dyad.clustering). A database of schema 1
-- gains these when opened, and its duplicates and happenings are then built (see _migrate).
CREATE TABLE IF NOT EXISTS dyad_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR;
CREATE TABLE IF NOT EXISTS article_signatures (article_id VARCHAR PRIMARY KEY, published VARCHAR, minhash UBIGINT[]);
-- LSH band keys of each signature: finds an article's near-duplicate candidates (dyad.clustering).
CREATE TABLE IF NOT EXISTS article_bands (band SMALLINT, key UBIGINT, article_id VARCHAR);
ALTER TABLE events ADD COLUMN IF NOT EXISTS countries VARCHAR[];
ALTER TABLE events ADD COLUMN IF NOT EXISTS modality_kind VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_country VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS people VARCHAR[];
CREATE TABLE IF NOT EXISTS happenings (
    id VARCHAR PRIMARY KEY, type VARCHAR, countries VARCHAR[], modality_kind VARCHAR, modality VARCHAR,
    date VARCHAR, date_precision VARCHAR, date_start DATE, place_country VARCHAR, representative VARCHAR,
    mentions INTEGER, articles INTEGER, sources INTEGER, outlets VARCHAR[], first_report VARCHAR, last_report VARCHAR
);
CREATE TABLE IF NOT EXISTS happening_events (event_id VARCHAR PRIMARY KEY, happening_id VARCHAR);
-- Blocks whose happenings a committed batch made out of date, until the writer settles them.
CREATE TABLE IF NOT EXISTS pending_blocks (type VARCHAR, countries VARCHAR[], modality_kind VARCHAR);
"""
_LOCK_POLL_SECONDS = 0.1
# A writer re-clusters pending blocks after a batch at most this often, and never spends more
# than 1 / (1 + SETTLE_RATIO) of its time doing it: each settle re-reads whole blocks, so a
# long run settles less often as its blocks grow (see dyad.clustering).
SETTLE_EVERY_SECONDS = 10.0
SETTLE_RATIO = 9.0
T = TypeVar("T")
# What the database holds, in dyad_meta: 1 had no clusters; 2 adds duplicates and happenings.
SCHEMA_VERSION = 2


def when_unlocked(open_file: Callable[[], T], path: str, wait_seconds: float) -> T:
    """`open_file()` once the database at `path` is free: a file that another process holds is
    tried again every 0.1 s for `wait_seconds`, then given up with a message naming the holder."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return open_file()
        except duckdb.Error as error:
            if "lock" not in str(error).lower():
                raise StoreError(f"cannot open database {path}: {error}") from None
            if time.monotonic() >= deadline:
                holder = str(error).split("Conflicting lock is held in", 1)[-1].strip().split("\n")[0]
                raise StoreError(
                    f"{path} is in use by another process ({holder}) and stayed locked for "
                    f"{wait_seconds:g}s; try again when it has finished"
                ) from None
            time.sleep(_LOCK_POLL_SECONDS)


def default_db_path() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB


@dataclass(frozen=True)
class StoreOptions:
    """How a store is opened and writes.

    `min_confidence` drops events scoring below it (0 keeps every event). `read_only` opens
    the file for reading only, so that several readers can share it. A writer with
    `release_between_batches` closes the file after each batch it commits (and each lookup),
    so readers get in between batches and see the last committed one: DuckDB lets one
    process write a file, or several read it, never both at once. Whoever finds the file
    locked by another process waits up to `wait_seconds` for it, then gives up with a message
    naming the holder.
    """

    min_confidence: float = 0.0
    read_only: bool = False
    release_between_batches: bool = False
    wait_seconds: float = 60.0


@dataclass(frozen=True)
class Batch:
    """One transaction: every article read (each is recorded as a source), the new ones, their results."""

    articles: list[Article]
    fresh: list[Article]
    events: list[Event]
    failures: list[Failure]
    coder_version: str | None = None
    # stored articles among `fresh` that come back with another publication date: re-dated and re-coded
    redated: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Written:
    """What a committed batch added: events kept and failure rows that were new."""

    events: int
    failures: int


class Store:
    """A DuckDB file of articles, events (with evidence) and failures; it writes what it is given."""

    def __init__(
        self, path: str | Path | None = None, options: StoreOptions | None = None, *, read_only: bool = False
    ) -> None:
        """`read_only` (or `StoreOptions.read_only`) opens an existing database for readers (the
        web app, `dyad events`): nothing is created or migrated, and DuckDB refuses every write."""
        self.path = str(path or default_db_path())
        self.options = options or StoreOptions()
        if read_only and not self.options.read_only:
            self.options = replace(self.options, read_only=True)
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._pending = False
        self._settle_after = time.monotonic() + SETTLE_EVERY_SECONDS
        self._open()
        if self.options.release_between_batches:
            self.release()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open connection; a store that released the file between batches opens it again."""
        if self._connection is None:
            self._open()
        assert self._connection is not None
        return self._connection

    def _open(self) -> None:
        connection = when_unlocked(
            lambda: duckdb.connect(self.path, read_only=self.options.read_only), self.path, self.options.wait_seconds
        )
        self._connection = connection
        try:
            if self.options.read_only:
                self._check_readable()
            else:
                existed = bool(connection.execute(_HAS_ARTICLES).fetchall())
                connection.execute(SCHEMA)
                self._migrate(existed)
                clustering.ensure_band_index(connection)
                self._pending = clustering.pending(connection)
        except duckdb.Error as error:
            self.release()
            raise StoreError(f"cannot open database {self.path}: {error}") from None

    def _check_readable(self) -> None:
        """A reader cannot migrate: a database from before happenings says what to run."""
        tables = {
            row[0] for row in self.connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "articles" not in tables:
            self.release()
            raise StoreError(f"{self.path} has no dyad tables: run `dyad run PATH --db {self.path}` first")
        if "dyad_meta" not in tables:
            self.release()
            raise StoreError(
                f"{self.path} was made by an older dyad: run `dyad cluster --db {self.path}` to upgrade it"
            )
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            self.release()
            raise StoreError(
                f"{self.path} has schema {version}, newer than this dyad's {SCHEMA_VERSION}: upgrade dyad to read it"
            )

    def release(self) -> None:
        """Close the file, so that other processes can open it; the next use opens it again."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def schema_version(self) -> int:
        row = self.connection.execute("SELECT value FROM dyad_meta WHERE key = 'schema_version'").fetchall()
        return int(row[0][0]) if row else 1

    def _migrate(self, existed: bool) -> None:
        """A database from before schema 2 gets its new columns filled from the stored records,
        then its duplicates and happenings built; a newer one than this dyad knows is refused."""
        version = self.schema_version() if existed else SCHEMA_VERSION
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema {version}, newer than this dyad's {SCHEMA_VERSION}: upgrade dyad to read it"
            )
        if version < SCHEMA_VERSION:
            log.warning(
                "%s: migrating from schema %d to %d (building duplicates and happenings)",
                self.path,
                version,
                SCHEMA_VERSION,
            )
            self.connection.begin()
            rows = self.connection.execute("SELECT record FROM events").fetchall()
            keyed = [_event_keys_row(Event.model_validate_json(row[0])) for row in rows]
            if keyed:
                _update_event_keys(self.connection, keyed)
            clustering.rebuild(self.connection)
            self._set_version()
            self.connection.commit()
        elif not existed:
            self._set_version()

    def _set_version(self) -> None:
        self.connection.execute("INSERT OR REPLACE INTO dyad_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is None:
            self.close()
        else:  # a failing caller is not kept waiting: the next writer settles what is pending
            self.release()

    def close(self) -> None:
        """Settle pending happenings, then let go of the file."""
        self.settle()
        self.release()

    def settle(self) -> int:
        """Re-cluster the blocks that batches committed since the last settle touched, in one
        transaction; returns how many. Readers of happenings call it first."""
        if not self._pending or self.options.read_only:
            return 0
        try:
            self.connection.begin()
            count = self._settle_now()
            self.connection.commit()
        except duckdb.Error as error:
            self.connection.rollback()
            raise StoreError(f"cannot write to {self.path}: {error}") from None
        self._after_batch()
        return count

    def _settle_if_due(self) -> None:
        """Inside a batch's transaction: settle when the time since the last one is due."""
        if time.monotonic() >= self._settle_after:
            self._settle_now()

    def _settle_now(self) -> int:
        """Settle in the open transaction, and put the next settle off by what this one cost."""
        began = time.monotonic()
        count = clustering.settle(self.connection)
        self._pending = False
        spent = time.monotonic() - began
        self._settle_after = time.monotonic() + max(SETTLE_EVERY_SECONDS, SETTLE_RATIO * spent)
        return count

    def _after_batch(self) -> None:
        if self.options.release_between_batches:
            self.release()

    # -- writing ----------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        pipeline: Pipeline | None = None,
        published: str | None = None,
        url: str | None = None,
        progress: ProgressCallback | None = None,
        batch_size: int = BATCH_ARTICLES,
        workers: int = 1,
        max_bytes: int = DEFAULT_MAX_BYTES,
        columns: Columns | None = None,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
    ) -> IngestSummary:
        """Read, code and store, for the Python API: `dyad.runner.run` with this store as the sink.

        `max_bytes`, `columns`, `include` and `exclude` are passed to `dyad.ingest.read_paths`.
        """
        from dyad.pipeline import default_pipeline
        from dyad.runner import PathSource, RunOptions, run

        read = ReadOptions(published=published, url=url, max_bytes=max_bytes, columns=columns or Columns())
        source = PathSource(paths, read, include=include, exclude=exclude)
        options = RunOptions(batch_size=batch_size, workers=workers)
        return run(source, pipeline or default_pipeline(), self, options, progress)

    def add_articles(self, articles: Iterable[Article], *, pipeline: Pipeline | None = None) -> IngestSummary:
        """Code and store articles already read (from the Python API)."""
        from dyad.pipeline import default_pipeline
        from dyad.runner import run

        return run(articles, pipeline or default_pipeline(), self)

    def write(self, batch: Batch) -> Written:
        """Commit one batch in one transaction, so a killed run resumes after the last batch."""
        events = self._kept(batch.events)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        try:
            self.connection.begin()
            before, undone = self._forget_for_redating(batch) if batch.redated else (set(), [])
            self._insert("article_sources", [{"article_id": a.id, "source": a.ref} for a in batch.articles])
            self._insert("articles", [_article_row(a, now, batch.coder_version) for a in batch.fresh])
            self._insert("events", [_event_row(e) for e in events])
            self._insert("event_evidence", [row for e in events for row in _evidence_rows(e)])
            failures = self._insert("failures", [_failure_row(f, now) for f in batch.failures])
            clustering.update(self.connection, batch.fresh, events, undone)
            clustering.mark(self.connection, before)
            self._pending = True
            self._settle_if_due()
            self.connection.commit()
        except duckdb.Error as error:
            self.connection.rollback()
            raise StoreError(f"cannot write to {self.path}: {error}") from None
        log.debug("committed a batch of %d articles (%d new) to %s", len(batch.articles), len(batch.fresh), self.path)
        self._after_batch()
        return Written(events=len(events), failures=failures)

    def dated_otherwise(self, dates: dict[str, str]) -> set[str]:
        """Which stored articles have another publication date (or none) than the one given."""
        rows = self.connection.execute(
            "SELECT id, published FROM articles WHERE list_contains(?, id)", [list(dates)]
        ).fetchall()
        self._after_batch()
        return {key for key, published in rows if published != dates[key]}

    def _forget_for_redating(self, batch: Batch) -> tuple[set[clustering.Block], list[str]]:
        """Remove what re-dated articles were stored with (the article row, its events, coding
        failures and duplicate group), inside the batch's transaction, so that they are stored
        again with the new date; returns the blocks of happenings to re-cluster and the other
        members of the dissolved duplicate groups, to be decided again."""
        ids = list(batch.redated)
        refs = [a.ref for a in batch.fresh if a.id in batch.redated]
        before = clustering.blocks_of_articles(self.connection, ids)
        undone = clustering.undo_groups(self.connection, ids)
        for sql in (
            "DELETE FROM happening_events WHERE event_id IN (SELECT id FROM events WHERE list_contains(?, article_id))",
            "DELETE FROM event_evidence WHERE list_contains(?, article_id)",
            "DELETE FROM events WHERE list_contains(?, article_id)",
            "DELETE FROM article_signatures WHERE list_contains(?, article_id)",
            "DELETE FROM article_bands WHERE list_contains(?, article_id)",
            "DELETE FROM articles WHERE list_contains(?, id)",
        ):
            self.connection.execute(sql, [ids])
        self.connection.execute(
            "DELETE FROM failures WHERE list_contains(?, source) AND stage IN ('nlp', 'events')", [refs]
        )
        return before, undone

    def replace(self, batch: Batch) -> Written:
        """Re-coded articles: their events and coding failures replaced, their coder version set, in one
        transaction, so a killed recode resumes with the articles not yet committed."""
        events = self._kept(batch.events)
        ids = [article.id for article in batch.fresh]
        refs = [article.ref for article in batch.fresh]
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        try:
            self.connection.begin()
            before = clustering.blocks_of_articles(self.connection, ids)
            self.connection.execute("DELETE FROM event_evidence WHERE list_contains(?, article_id)", [ids])
            self.connection.execute("DELETE FROM events WHERE list_contains(?, article_id)", [ids])
            self.connection.execute(
                "DELETE FROM failures WHERE list_contains(?, source) AND stage IN ('nlp', 'events')", [refs]
            )
            self._insert("events", [_event_row(e) for e in events])
            self._insert("event_evidence", [row for e in events for row in _evidence_rows(e)])
            failures = self._insert("failures", [_failure_row(f, now) for f in batch.failures])
            self.connection.execute(
                "UPDATE articles SET coder_version = ? WHERE list_contains(?, id)", [batch.coder_version, ids]
            )
            clustering.mark(self.connection, before | clustering.blocks_of_events(events))
            self._pending = True
            self._settle_if_due()
            self.connection.commit()
        except duckdb.Error as error:
            self.connection.rollback()
            raise StoreError(f"cannot write to {self.path}: {error}") from None
        log.debug("committed a recoded batch of %d articles to %s", len(ids), self.path)
        self._after_batch()
        return Written(events=len(events), failures=failures)

    def stale_ids(self, coder_version: str) -> list[str]:
        """Stored articles coded by another coder version (or before versions), in id order."""
        sql = "SELECT id FROM articles WHERE coder_version IS DISTINCT FROM ? ORDER BY id"
        return [row[0] for row in self.connection.execute(sql, [coder_version]).fetchall()]

    def articles(self, ids: list[str]) -> list[Article]:
        """Stored articles, in the order of `ids`."""
        columns = ", ".join(Article.model_fields)
        rows = self.connection.execute(f"SELECT {columns} FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        found = {}
        for row in rows:
            fields = dict(zip(Article.model_fields, row, strict=True))
            fields["sections"] = json.loads(fields["sections"] or "[]")
            found[fields["id"]] = Article.model_validate(fields)
        return [found[i] for i in ids if i in found]

    def known_ids(self, ids: list[str]) -> set[str]:
        """Which of these article ids are stored already."""
        rows = self.connection.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        self._after_batch()
        return {row[0] for row in rows}

    def _kept(self, events: list[Event]) -> list[Event]:
        threshold = self.options.min_confidence
        return [event for event in events if event.confidence is None or event.confidence >= threshold]

    def _insert(self, table: str, rows: list[Row]) -> int:
        """Insert what is new and return how many rows that was."""
        return insert_rows(self.connection, table, rows, on_conflict="IGNORE")

    def _count(self, table: str) -> int:
        return self.connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]

    # -- reading ----------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {table: self._count(table) for table in ("articles", "events", "failures")}

    def cluster_counts(self) -> dict[str, int]:
        """Happenings, and articles stored as near-duplicates of another."""
        self.settle()
        duplicates = self.connection.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchall()
        return {"happenings": self._count("happenings"), "duplicates": duplicates[0][0]}

    def rebuild_happenings(self) -> int:
        """Duplicates and happenings made anew from every stored article and event."""
        try:
            self.connection.begin()
            count = clustering.rebuild(self.connection)
            self.connection.commit()
            self._pending = False
        except duckdb.Error as error:
            self.connection.rollback()
            raise StoreError(f"cannot write to {self.path}: {error}") from None
        return count

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
        clauses, params = event_filters(actor, recipient, country, type, since, until)
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

    def query(self, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
        """Any SQL, after pending happenings are settled (so a query sees them up to date)."""
        self.settle()
        return self.connection.execute(sql, params or []).fetchall()


def event_filters(
    actor: str | None,
    recipient: str | None,
    country: str | None,
    type: str | None,
    since: str | None,
    until: str | None,
    table: str = "",
) -> tuple[list[str], list[object]]:
    """SQL conditions on the events table's columns (prefixed `table.` when given, for joins)."""
    t = f"{table}." if table else ""
    clauses: list[str] = []
    params: list[object] = []
    if actor:
        clauses.append(f"list_contains({t}actor_countries, ?)")
        params.append(actor.upper())
    if recipient:
        clauses.append(f"list_contains({t}recipient_countries, ?)")
        params.append(recipient.upper())
    if country:
        clauses.append(f"(list_contains({t}actor_countries, ?) OR list_contains({t}recipient_countries, ?))")
        params += [country.upper(), country.upper()]
    if type:
        clauses.append(f"{t}type = ?")
        params.append(type.upper())
    if since:
        clauses.append(f"{t}date_start >= ?")
        params.append(iso_to_date(since)[0])
    if until:
        clauses.append(f"{t}date_start <= ?")
        params.append(iso_to_date(until)[0])
    return clauses, params


def _article_row(article: Article, now: dt.datetime, coder_version: str | None) -> Row:
    row = article.to_dict()
    row["sections"] = json.dumps(row["sections"])
    row["ingested_at"] = now
    row["coder_version"] = coder_version
    return row


def _event_row(event: Event) -> Row:
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
        "coder_version": event.coder_version,
        **_event_keys_row(event),
    }


def _event_keys_row(event: Event) -> Row:
    """The columns that place an event in its happening's block (dyad.clustering)."""
    keys = clustering.event_keys(event)
    return {
        "id": event.id,
        "countries": keys.countries,
        "modality_kind": keys.modality_kind,
        "place_country": keys.place_country,
        "people": keys.people,
    }


def _update_event_keys(connection: duckdb.DuckDBPyConnection, rows: list[Row]) -> None:
    connection.register("event_keys", pa.Table.from_pylist(rows))
    try:
        connection.execute(
            "UPDATE events e SET countries = k.countries, modality_kind = k.modality_kind, "
            "place_country = k.place_country, people = k.people FROM event_keys k WHERE e.id = k.id"
        )
    finally:
        connection.unregister("event_keys")


_HAS_ARTICLES = "SELECT 1 FROM information_schema.tables WHERE table_name = 'articles'"


def _evidence_rows(event: Event) -> list[Row]:
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


def _failure_row(failure: Failure, now: dt.datetime) -> Row:
    return {**failure.to_dict(), "recorded_at": now}

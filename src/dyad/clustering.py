"""Keeping near-duplicates and happenings up to date in the store, batch by batch.

Every committed batch (in the same transaction as its events):
1. signs its new articles (MinHash, dyad.duplicates) and looks for copies among stored
   articles published within the duplicate window; each group's canonical article is
   recorded in `articles.duplicate_of` of the others;
2. re-clusters the blocks (type, countries, modality kind) that its events, or the events
   of articles whose duplicate status changed, belong to, from every stored event of
   those blocks; events of duplicate articles stay out, since their canonical article's
   events already tell the same thing.
Because a block is always clustered whole, and clustering ignores arrival order, the
happenings after any sequence of runs are those a rebuild from scratch would give
(`rebuild`, `dyad cluster`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from dyad.dates import iso_to_date
from dyad.duplicates import WINDOW_DAYS, Copy, duplicate_groups, from_values, signature_values
from dyad.happenings import MODALITY_KIND, MODALITY_KIND_DEFAULT, Block, Happening, Mention, blocks_of, cluster
from dyad.records import Article, Event
from dyad.tables import insert_rows

log = logging.getLogger(__name__)
PEOPLE_SEPARATOR = "|"  # events.people holds "CUB|Miguel Díaz-Canel"


@dataclass(frozen=True)
class EventKeys:
    """The columns an event row carries so that its block can be found and re-clustered."""

    countries: list[str]
    modality_kind: str
    place_country: str | None
    people: list[str]


def event_keys(event: Event) -> EventKeys:
    mention = Mention.of(event)
    return EventKeys(
        countries=list(mention.countries),
        modality_kind=MODALITY_KIND.get(event.modality, MODALITY_KIND_DEFAULT),
        place_country=mention.place,
        people=sorted(f"{country}{PEOPLE_SEPARATOR}{name}" for country, name in mention.people),
    )


def _published_day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return iso_to_date(published)[0]
    except ValueError:
        return None


def sign(connection: duckdb.DuckDBPyConnection, articles: Iterable[tuple[str, str | None, str]]) -> None:
    """Store the MinHash signature of each (id, published, text)."""
    rows = [
        {"article_id": key, "published": published, "minhash": signature_values(text)}
        for key, published, text in articles
    ]
    if rows:
        insert_rows(connection, "article_signatures", rows, on_conflict="REPLACE")


def update_duplicates(connection: duckdb.DuckDBPyConnection, fresh: list[Article]) -> set[str]:
    """Re-decide duplicates among the new articles and the stored ones published near them;
    returns the ids whose duplicate_of changed."""
    if not fresh:
        return set()
    days = [d for d in (_published_day(a.published) for a in fresh) if d is not None]
    clauses = ["s.published IS NULL"] if any(_published_day(a.published) is None for a in fresh) else []
    params: list[object] = []
    if days:
        window = dt.timedelta(days=WINDOW_DAYS)
        clauses.append("(try_cast(s.published AS DATE) BETWEEN ? AND ?)")
        params += [min(days) - 2 * window, max(days) + 2 * window]
    rows = connection.execute(
        "SELECT s.article_id, s.published, s.minhash, a.duplicate_of FROM article_signatures s "
        f"JOIN articles a ON a.id = s.article_id WHERE {' OR '.join(clauses)}",
        params,
    ).fetchall()
    copies = [Copy(id=row[0], published=row[1], signature=from_values(row[2])) for row in rows]
    before = {row[0]: row[3] for row in rows}
    after = duplicate_groups(copies)
    changed = {key for key in before if before[key] != after.get(key)}
    for key in sorted(changed):
        connection.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", [after.get(key), key])
    return changed


def blocks_of_articles(connection: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[Block]:
    ids = list(ids)
    if not ids:
        return set()
    rows = connection.execute(
        "SELECT DISTINCT type, countries, modality_kind FROM events WHERE list_contains(?, article_id)", [ids]
    ).fetchall()
    return {(row[0], tuple(row[1] or ()), row[2]) for row in rows}


def blocks_of_events(events: Iterable[Event]) -> set[Block]:
    return set(blocks_of(Mention.of(event) for event in events))


def recluster(connection: duckdb.DuckDBPyConnection, blocks: set[Block]) -> int:
    """Replace the happenings of these blocks by a fresh clustering of all their events."""
    if not blocks:
        return 0
    touched = pa.Table.from_pylist(
        [{"type": b[0], "countries": list(b[1]), "modality_kind": b[2]} for b in sorted(blocks)],
        schema=pa.schema([("type", pa.string()), ("countries", pa.list_(pa.string())), ("modality_kind", pa.string())]),
    )
    connection.register("touched_blocks", touched)
    try:
        old = "SELECT h.id FROM happenings h JOIN touched_blocks t USING (type, countries, modality_kind)"
        connection.execute(f"DELETE FROM happening_events WHERE happening_id IN ({old})")
        connection.execute(f"DELETE FROM happenings WHERE id IN ({old})")
        rows = connection.execute(
            """
            SELECT e.id, e.article_id, e.type, e.countries, e.modality, e.date, e.date_precision,
                   e.place_country, e.people, a.published, a.outlet,
                   (SELECT count(*) FROM articles d WHERE d.duplicate_of = a.id) AS copies
            FROM events e JOIN touched_blocks t USING (type, countries, modality_kind)
            JOIN articles a ON a.id = e.article_id
            WHERE a.duplicate_of IS NULL
            """
        ).fetchall()
    finally:
        connection.unregister("touched_blocks")
    copies = {row[1]: row[11] for row in rows}
    mentions = [
        Mention(
            event_id=row[0],
            article_id=row[1],
            type=row[2],
            countries=tuple(row[3] or ()),
            modality=row[4],
            date=row[5],
            precision=row[6] if row[5] else None,
            place=row[7],
            people=frozenset(tuple(p.split(PEOPLE_SEPARATOR, 1)) for p in row[8] or ()),  # type: ignore[misc]
            published=row[9],
            outlet=row[10],
        )
        for row in rows
    ]
    happenings = cluster(mentions)
    insert_rows(connection, "happenings", [_happening_row(h, copies) for h in happenings], on_conflict="REPLACE")
    members = [{"event_id": m.event_id, "happening_id": h.id} for h in happenings for m in h.members]
    insert_rows(connection, "happening_events", members, on_conflict="REPLACE")
    return len(happenings)


def _happening_row(happening: Happening, copies: dict[str, int]) -> dict[str, object]:
    representative = happening.representative()
    block = representative.block
    return {
        "id": happening.id,
        "type": happening.type,
        "countries": list(happening.countries),
        "modality_kind": block[2],
        "modality": happening.modality,
        "date": representative.date,
        "date_precision": representative.precision,
        "date_start": iso_to_date(representative.date)[0] if representative.date else None,
        "place_country": representative.place,
        "representative": representative.event_id,
        "mentions": len(happening.members),
        "articles": happening.source_count,
        "sources": sum(1 + copies.get(article, 0) for article in happening.articles),
        "outlets": happening.outlets,
        "first_report": happening.first_report,
        "last_report": happening.last_report,
    }


def update(connection: duckdb.DuckDBPyConnection, fresh: list[Article], events: list[Event]) -> None:
    """After a batch's rows are inserted: sign, find duplicates, re-cluster what changed."""
    sign(connection, [(a.id, a.published, a.text) for a in fresh])
    changed = update_duplicates(connection, fresh)
    recluster(connection, blocks_of_events(events) | blocks_of_articles(connection, changed))


def rebuild(connection: duckdb.DuckDBPyConnection) -> int:
    """Every signature, duplicate and happening made anew (after a migration, or on demand)."""
    unsigned = connection.execute(
        "SELECT id, published, text FROM articles WHERE id NOT IN (SELECT article_id FROM article_signatures)"
    ).fetchall()
    sign(connection, [(row[0], row[1], row[2]) for row in unsigned])
    rows = connection.execute("SELECT article_id, published, minhash FROM article_signatures").fetchall()
    duplicates = duplicate_groups(Copy(id=r[0], published=r[1], signature=from_values(r[2])) for r in rows)
    connection.execute("UPDATE articles SET duplicate_of = NULL")
    for key, canonical in sorted(duplicates.items()):
        connection.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", [canonical, key])
    connection.execute("DELETE FROM happening_events")
    connection.execute("DELETE FROM happenings")
    blocks = {
        (row[0], tuple(row[1] or ()), row[2])
        for row in connection.execute("SELECT DISTINCT type, countries, modality_kind FROM events").fetchall()
    }
    return recluster(connection, blocks)

"""Keeping near-duplicates and happenings up to date in the store, batch by batch.

Every committed batch (in the same transaction as its events):
1. signs its new articles (MinHash, dyad.duplicates) and looks for copies among stored
   articles published within the duplicate window; each group's canonical article is
   recorded in `articles.duplicate_of` of the others;
2. marks as pending the blocks (type, countries, modality kind) that its events, or the
   events of articles whose duplicate status changed, belong to.
`settle` re-clusters the pending blocks, each from every stored event of that block; events
of duplicate articles stay out, since their canonical article's events already tell the same
thing. A block is clustered whole, so re-clustering it after every batch would cost the size
of the store each time (a run's writes would grow quadratically); the store settles after a
batch only when that is due, and always before it closes or answers a query
(dyad.store.Store). The pending marks are committed with the batch, so a killed run leaves
them for the next writer to settle. Because a block is always clustered whole, and
clustering ignores arrival order, the happenings after any sequence of runs are those a
rebuild from scratch would give (`rebuild`, `dyad cluster`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from dyad.dates import iso_to_date
from dyad.duplicates import (
    PERMUTATIONS,
    Components,
    Copy,
    band_keys,
    canonical_of,
    duplicate_groups,
    from_values,
    linked_pairs,
    signature_values,
)
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


def sign(connection: duckdb.DuckDBPyConnection, articles: Iterable[tuple[str, str | None, str]]) -> None:
    """Store the MinHash signature of each (id, published, text), and its band keys for `update_duplicates`."""
    rows = [
        {"article_id": key, "published": published, "minhash": signature_values(text)}
        for key, published, text in articles
    ]
    if rows:
        insert_rows(connection, "article_signatures", rows, on_conflict="REPLACE")
        index_bands(connection, [(row["article_id"], row["minhash"]) for row in rows])


def index_bands(connection: duckdb.DuckDBPyConnection, signed: list[tuple[str, list[int]]]) -> None:
    """Add the band keys of (id, signature values): the index that finds an article's LSH
    candidates among every stored one without reading the others' signatures."""
    if not signed:
        return
    keys = band_keys(np.array([values for _, values in signed], dtype=np.uint64))
    bands = keys.shape[1]
    table = pa.table(
        {
            "band": pa.array(np.tile(np.arange(bands, dtype=np.int16), len(signed))),
            "key": pa.array(keys.reshape(-1)),
            "article_id": pa.array(np.repeat([key for key, _ in signed], bands)),
        }
    )
    connection.register("new_bands", table)
    try:
        connection.execute("INSERT INTO article_bands SELECT band, key, article_id FROM new_bands")
    finally:
        connection.unregister("new_bands")


def _linked_pairs(connection: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The candidate pairs of ids (sorted, each as (smaller id, larger id)) that are one report
    (`duplicates.linked_pairs`), their stored signatures read as one numpy matrix rather than as
    a MinHash object per article."""
    if not pairs:
        return []
    ids = sorted({key for pair in pairs for key in pair})
    table = connection.execute(
        "SELECT article_id, published, minhash FROM article_signatures WHERE list_contains(?, article_id)", [ids]
    ).arrow()
    if isinstance(table, pa.RecordBatchReader):
        table = table.read_all()
    keys = table.column("article_id").to_pylist()
    row = {key: number for number, key in enumerate(keys)}
    values = table.column("minhash").combine_chunks().flatten().to_numpy().reshape(len(row), PERMUTATIONS)
    rows = np.array([(row[a], row[b]) for a, b in pairs], dtype=np.int64)
    found = linked_pairs(values, table.column("published").to_pylist(), rows)
    return [(keys[first], keys[second]) for first, second in found]


def update_duplicates(connection: duckdb.DuckDBPyConnection, seeds: list[str]) -> set[str]:
    """Re-decide the duplicate groups that articles `seeds` (new, or whose group was undone)
    belong to, and return the ids whose duplicate_of changed.

    Groups are connected components of "similar and published within the window". The stored
    groups are the components without the seeds, so only edges at a seed are new: the band
    index gives each seed's candidates among all stored articles, and the groups those reach
    are merged whole. The result is what `rebuild` gives, whatever the order of arrival."""
    if not seeds:
        return set()
    pairs = connection.execute(
        "SELECT DISTINCT s.article_id, o.article_id FROM article_bands s JOIN article_bands o USING (band, key) "
        "WHERE list_contains(?, s.article_id) AND o.article_id <> s.article_id",
        [seeds],
    ).fetchall()
    edges = _linked_pairs(connection, sorted({(min(pair), max(pair)) for pair in pairs}))
    touched = sorted(set(seeds) | {key for edge in edges for key in edge})
    members = connection.execute(
        "SELECT a.id, a.published, coalesce(a.duplicate_of, a.id), a.duplicate_of FROM articles a "
        "WHERE coalesce(a.duplicate_of, a.id) IN "
        "(SELECT coalesce(duplicate_of, id) FROM articles WHERE list_contains(?, id))",
        [touched],
    ).fetchall()
    components = Components(row[0] for row in members)
    for key, _, canonical, _ in members:
        if canonical in components.parent:
            components.join(key, canonical)
    for first, second in edges:
        components.join(first, second)
    published = {row[0]: row[1] for row in members}
    after = {
        key: canonical_of((member, published[member]) for member in group)
        for group in components.groups()
        for key in group
    }
    changed = {row[0] for row in members if row[3] != (None if after[row[0]] == row[0] else after[row[0]])}
    for key in sorted(changed):
        connection.execute(
            "UPDATE articles SET duplicate_of = ? WHERE id = ?", [None if after[key] == key else after[key], key]
        )
    return changed


def undo_groups(connection: duckdb.DuckDBPyConnection, ids: list[str]) -> list[str]:
    """Dissolve the duplicate groups of these articles (about to be re-dated) and return their
    other members, to be re-decided as seeds once the articles are stored again."""
    rows = connection.execute(
        "SELECT id FROM articles WHERE coalesce(duplicate_of, id) IN "
        "(SELECT coalesce(duplicate_of, id) FROM articles WHERE list_contains(?, id))",
        [ids],
    ).fetchall()
    members = sorted({row[0] for row in rows} - set(ids))
    connection.execute("UPDATE articles SET duplicate_of = NULL WHERE list_contains(?, id)", [members])
    return members


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
    connection.register("touched_blocks", _blocks_table(blocks))
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


def update(
    connection: duckdb.DuckDBPyConnection, fresh: list[Article], events: list[Event], undone: list[str] | None = None
) -> None:
    """After a batch's rows are inserted: sign, find duplicates, mark what changed for `settle`.
    `undone` are members of groups dissolved for re-dating (`undo_groups`), decided again here."""
    undone = undone or []
    sign(connection, [(a.id, a.published, a.text) for a in fresh])
    changed = update_duplicates(connection, sorted({a.id for a in fresh} | set(undone)))
    mark(connection, blocks_of_events(events) | blocks_of_articles(connection, changed | set(undone)))


def ensure_band_index(connection: duckdb.DuckDBPyConnection) -> None:
    """A database signed before the band index existed gets it built from its signatures."""
    if connection.execute("SELECT 1 FROM article_bands LIMIT 1").fetchall():
        return
    rows = connection.execute("SELECT article_id, minhash FROM article_signatures").fetchall()
    index_bands(connection, [(row[0], row[1]) for row in rows])


_BLOCK_SCHEMA = pa.schema([("type", pa.string()), ("countries", pa.list_(pa.string())), ("modality_kind", pa.string())])


def _blocks_table(blocks: set[Block]) -> pa.Table:
    rows = [{"type": b[0], "countries": list(b[1]), "modality_kind": b[2]} for b in sorted(blocks)]
    return pa.Table.from_pylist(rows, schema=_BLOCK_SCHEMA)


def mark(connection: duckdb.DuckDBPyConnection, blocks: set[Block]) -> None:
    """Remember blocks whose happenings are out of date, in the caller's transaction."""
    if not blocks:
        return
    connection.register("marked_blocks", _blocks_table(blocks))
    try:
        connection.execute("INSERT INTO pending_blocks SELECT * FROM marked_blocks")
    finally:
        connection.unregister("marked_blocks")


def pending(connection: duckdb.DuckDBPyConnection) -> bool:
    return bool(connection.execute("SELECT 1 FROM pending_blocks LIMIT 1").fetchall())


def settle(connection: duckdb.DuckDBPyConnection) -> int:
    """Re-cluster every pending block, in the caller's transaction; returns how many blocks."""
    rows = connection.execute("SELECT DISTINCT type, countries, modality_kind FROM pending_blocks").fetchall()
    blocks = {(row[0], tuple(row[1] or ()), row[2]) for row in rows}
    recluster(connection, blocks)
    connection.execute("DELETE FROM pending_blocks")
    return len(blocks)


def rebuild(connection: duckdb.DuckDBPyConnection) -> int:
    """Every signature, duplicate and happening made anew (after a migration, or on demand)."""
    unsigned = connection.execute(
        "SELECT id, published, text FROM articles WHERE id NOT IN (SELECT article_id FROM article_signatures)"
    ).fetchall()
    connection.execute("DELETE FROM article_bands")  # made anew: the signed ones here, the rest by sign()
    signed = connection.execute("SELECT article_id, minhash FROM article_signatures").fetchall()
    index_bands(connection, [(row[0], row[1]) for row in signed])
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
    connection.execute("DELETE FROM pending_blocks")
    return recluster(connection, blocks)

"""Named queries shared by every front end: the CLI summary today, the web and API later."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.records import Event
from dyad.store import Store


@dataclass(frozen=True)
class Dyad:
    """A pair of countries and how many events link them, either direction."""

    first: str
    second: str
    events: int


def counts_by_type(store: Store) -> list[tuple[str, int]]:
    rows = store.query("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
    return [(row[0], row[1]) for row in rows]


def counts_by_modality(store: Store) -> list[tuple[str, int]]:
    rows = store.query("SELECT modality, count(*) AS n FROM events GROUP BY modality ORDER BY n DESC, modality")
    return [(row[0], row[1]) for row in rows]


def busiest_dyads(store: Store, limit: int = 5) -> list[Dyad]:
    """Country pairs (actor side x recipient side, or co-actors) with the most events."""
    rows = store.query(
        """
        WITH sides AS (
            SELECT id, actor_countries AS a,
                   CASE WHEN len(recipient_countries) > 0 THEN recipient_countries ELSE actor_countries END AS r
            FROM events
        ), pairs AS (
            SELECT DISTINCT id, least(x, y) AS first, greatest(x, y) AS second
            FROM sides, unnest(a) AS t1(x), unnest(r) AS t2(y)
            WHERE x <> y
        )
        SELECT first, second, count(*) AS n FROM pairs GROUP BY first, second
        ORDER BY n DESC, first, second LIMIT ?
        """,
        [limit],
    )
    return [Dyad(*row) for row in rows]


def example_events(store: Store, limit: int = 5) -> list[Event]:
    """A few events of different types, the most recent first, to show what was found."""
    rows = store.query(
        """
        SELECT record FROM (
            SELECT record, date_start,
                   row_number() OVER (PARTITION BY type ORDER BY date_start DESC NULLS LAST, id) AS k
            FROM events
        ) WHERE k = 1 ORDER BY date_start DESC NULLS LAST LIMIT ?
        """,
        [limit],
    )
    return [Event.model_validate_json(row[0]) for row in rows]

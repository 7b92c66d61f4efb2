"""Named queries shared by every front end: the CLI summary today, the web and API later."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.export import HappeningSummary
from dyad.records import Event
from dyad.store import Store, event_filters


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


@dataclass(frozen=True)
class HappeningRow:
    """One happening: what most of its reports say, and how many tell it."""

    id: str
    type: str
    countries: list[str]
    modality: str
    date: str | None
    date_precision: str | None
    place_country: str | None
    mentions: int
    articles: int
    sources: int
    outlets: list[str]
    first_report: str | None
    last_report: str | None
    representative: Event
    confidence: float | None

    def to_dict(self) -> dict[str, object]:
        row = {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "representative"}
        return {**row, "representative": self.representative.to_dict()}


def happenings(
    store: Store,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    min_confidence: float = 0.0,
) -> list[HappeningRow]:
    """Happenings whose representative record matches the filters (the same as `Store.events`'),
    kept when any of their reports reaches `min_confidence`; in date order."""
    clauses, params = event_filters(actor, recipient, country, type, since, until, table="e")
    sql = f"""
        SELECT h.id, h.type, h.countries, h.modality, h.date, h.date_precision, h.place_country, h.mentions,
               h.articles, h.sources, h.outlets, h.first_report, h.last_report, e.record, best.confidence
        FROM happenings h JOIN events e ON e.id = h.representative
        JOIN (SELECT he.happening_id, max(x.confidence) AS confidence FROM happening_events he
              JOIN events x ON x.id = he.event_id GROUP BY he.happening_id) best ON best.happening_id = h.id
        WHERE {" AND ".join(["(best.confidence IS NULL OR best.confidence >= ?)", *clauses])}
        ORDER BY h.date_start NULLS LAST, h.id
    """
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = store.query(sql, [min_confidence, *params])
    return [
        HappeningRow(
            id=row[0],
            type=row[1],
            countries=list(row[2] or []),
            modality=row[3],
            date=row[4],
            date_precision=row[5],
            place_country=row[6],
            mentions=row[7],
            articles=row[8],
            sources=row[9],
            outlets=list(row[10] or []),
            first_report=row[11],
            last_report=row[12],
            representative=Event.model_validate_json(row[13]),
            confidence=row[14],
        )
        for row in rows
    ]


def happening_as_cluster(row: HappeningRow) -> HappeningSummary:
    """A stored happening as the GDELT export's input."""
    return HappeningSummary(
        id=row.id,
        representative=row.representative,
        mentions=row.mentions,
        outlets=len(row.outlets) or 1,
        articles=row.sources,
        first_report=row.first_report,
    )


def happening_members(store: Store, happening_id: str) -> list[Event]:
    """Every report of one happening, with its evidence, earliest first."""
    rows = store.query(
        "SELECT e.record FROM happening_events he JOIN events e ON e.id = he.event_id "
        "WHERE he.happening_id = ? ORDER BY e.date_start NULLS LAST, e.article_ref, e.id",
        [happening_id],
    )
    return [Event.model_validate_json(row[0]) for row in rows]


def counts_of_happenings_by_type(store: Store) -> list[tuple[str, int]]:
    rows = store.query("SELECT type, count(*) AS n FROM happenings GROUP BY type ORDER BY n DESC, type")
    return [(row[0], row[1]) for row in rows]

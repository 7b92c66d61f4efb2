"""The web app's queries: parameterised SQL on a read-only store, each cut off after a time limit.

Pages and the JSON API call the same functions, so what a page shows is what the API returns.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from dyad.errors import DyadError
from dyad.query import Dyad, busiest_dyads
from dyad.records import Event, Section

# The badge a modality gets on the dyad page: what the analyst asks of a report.
BADGES = {
    "asserted": "done",
    "future": "promised",
    "hypothetical": "hypothetical",
    "negated": "denied",
    "historical": "background",
}


class QueryTimeout(DyadError):
    """A query ran past the app's limit and was interrupted."""


# What lists of happenings show, one row each, read out of the representative's JSON record
# once per version of the file (dyad.web.access rebuilds it when the file changes), so that
# lists never parse JSON (bench/web_bench.py measures the difference). `named` holds the
# named actors and recipients, for the network of people and organisations.
DIGEST = """
CREATE TABLE memory.digest AS
SELECT h.id, h.type, h.countries, h.modality, h.date, h.date_start, h.sources, h.articles, h.mentions, h.outlets,
       coalesce(CAST(e.record ->> '$.score' AS DOUBLE), 0) AS score,
       coalesce(from_json(e.record -> '$.context', '["VARCHAR"]'), []) AS context,
       coalesce(e.record ->> '$.evidence[0].text', '') AS summary,
       e.record ->> '$.location.name' AS place, e.record ->> '$.location.country' AS place_country,
       CAST(e.record ->> '$.location.lat' AS DOUBLE) AS lat, CAST(e.record ->> '$.location.lon' AS DOUBLE) AS lon,
       best.confidence AS best_confidence,
       list_filter(coalesce(from_json(e.record -> '$.actor', '[{"name": "VARCHAR", "country": "VARCHAR"}]'), []),
                   a -> a.name IS NOT NULL) AS named_actors,
       list_filter(coalesce(from_json(e.record -> '$.recipient', '[{"name": "VARCHAR", "country": "VARCHAR"}]'), []),
                   a -> a.name IS NOT NULL) AS named_recipients
FROM happenings h JOIN events e ON e.id = h.representative
JOIN (SELECT he.happening_id, max(coalesce(x.confidence, 1)) AS confidence FROM happening_events he
      JOIN events x ON x.id = he.event_id GROUP BY he.happening_id) best ON best.happening_id = h.id
"""


class Reader:
    """One request's own cursor (DuckDB cursors are per thread) on `open_reading`'s database; every
    query is interrupted after `timeout_s`, so one heavy request cannot hold the server."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, timeout_s: float) -> None:
        self.connection = connection.cursor()
        self.connection.execute("USE store")
        self.timeout_s = timeout_s

    def query(self, sql: str, params: list[object] | None = None) -> list[tuple[Any, ...]]:
        timer = threading.Timer(self.timeout_s, self.connection.interrupt)
        timer.start()
        try:
            return self.connection.execute(sql, params or []).fetchall()
        except duckdb.InterruptException:
            raise QueryTimeout(f"the query took longer than {self.timeout_s:g} s; narrow the filters") from None
        finally:
            timer.cancel()

    def close(self) -> None:
        self.connection.close()


@dataclass(frozen=True)
class Filters:
    """What the dyad page and its API narrow happenings by; every field is kept in the URL."""

    type: str | None = None
    context: str | None = None
    modality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: float = 0.0

    def sql(self) -> tuple[list[str], list[object]]:
        """Conditions on the happenings' digest `h`."""
        clauses: list[str] = []
        params: list[object] = []
        if self.type:
            clauses.append("h.type = ?")
            params.append(self.type)
        if self.context:
            clauses.append("list_contains(h.context, ?)")
            params.append(self.context)
        if self.modality:
            clauses.append("h.modality = ?")
            params.append(self.modality)
        if self.since:
            clauses.append("h.date_start >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("h.date_start <= ?")
            params.append(self.until)
        if self.min_confidence > 0:
            clauses.append("h.best_confidence >= ?")  # some report reaches it (unscored reports count as 1)
            params.append(self.min_confidence)
        return clauses, params


@dataclass(frozen=True)
class HappeningItem:
    """A happening as lists show it: its representative record's gist and how many report it."""

    id: str
    type: str
    modality: str
    badge: str
    date: str | None
    countries: list[str]
    sources: int
    articles: int
    mentions: int
    outlets: list[str]
    score: float
    context: list[str]
    summary: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


_ITEM_COLUMNS = (
    "h.id, h.type, h.modality, h.date, h.countries, h.sources, h.articles, h.mentions, h.outlets, h.score, "
    "h.context, h.summary"
)
_FROM = "FROM memory.digest h"


def _item(row: tuple[Any, ...]) -> HappeningItem:
    return HappeningItem(
        id=row[0],
        type=row[1],
        modality=row[2],
        badge=BADGES.get(row[2], row[2]),
        date=row[3],
        countries=list(row[4] or []),
        sources=row[5],
        articles=row[6],
        mentions=row[7],
        outlets=list(row[8] or []),
        score=row[9],
        context=list(row[10] or []),
        summary=row[11],
    )


# -- overview ----------------------------------------------------------------------------
def corpus_counts(reader: Reader) -> dict[str, int]:
    row = reader.query(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM happenings), "
        "(SELECT count(*) FROM failures), (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL), "
        "(SELECT count(DISTINCT outlet) FROM articles)"
    )[0]
    return dict(zip(("articles", "events", "happenings", "failures", "duplicates", "outlets"), row, strict=True))


def happenings_by_month(reader: Reader) -> list[tuple[str, str, int]]:
    """(month, type, happenings) for dated happenings, oldest month first."""
    rows = reader.query(
        "SELECT strftime(date_trunc('month', date_start), '%Y-%m') AS month, type, count(*) FROM happenings "
        "WHERE date_start IS NOT NULL GROUP BY month, type ORDER BY month, type"
    )
    return [(row[0], row[1], row[2]) for row in rows]


def latest_failures(reader: Reader, limit: int = 10) -> list[dict[str, object]]:
    rows = reader.query(
        "SELECT source, stage, reason, recorded_at FROM failures ORDER BY recorded_at DESC, source LIMIT ?", [limit]
    )
    return [{"source": r[0], "stage": r[1], "reason": r[2], "recorded_at": r[3].isoformat()} for r in rows]


def known_countries(reader: Reader) -> set[str]:
    """Every country or organisation code the store's happenings name."""
    rows = reader.query(f"SELECT DISTINCT unnest(h.countries) {_FROM}")
    return {row[0] for row in rows}


# -- dyad ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class MonthScore:
    """One month of a dyad: Goldstein scores of its happenings, cooperation and conflict summed apart."""

    month: str
    cooperation: float
    conflict: float
    happenings: int


def _dyad_where(first: str, second: str, filters: Filters) -> tuple[str, list[object]]:
    clauses, params = filters.sql()
    where = ["list_contains(h.countries, ?)", "list_contains(h.countries, ?)", *clauses]
    return " AND ".join(where), [first, second, *params]


def dyad_timeline(reader: Reader, first: str, second: str, filters: Filters) -> list[MonthScore]:
    where, params = _dyad_where(first, second, filters)
    rows = reader.query(
        f"""
        SELECT strftime(date_trunc('month', h.date_start), '%Y-%m') AS month,
               sum(greatest(s, 0)), sum(least(s, 0)), count(*)
        FROM (SELECT h.date_start, h.score AS s {_FROM} WHERE {where}) h
        WHERE h.date_start IS NOT NULL GROUP BY month ORDER BY month
        """,
        params,
    )
    return [MonthScore(r[0], round(r[1] or 0.0, 2), round(r[2] or 0.0, 2), r[3]) for r in rows]


def dyad_happenings(
    reader: Reader, first: str, second: str, filters: Filters, limit: int, offset: int = 0
) -> list[HappeningItem]:
    where, params = _dyad_where(first, second, filters)
    rows = reader.query(
        f"SELECT {_ITEM_COLUMNS} {_FROM} WHERE {where} ORDER BY h.date_start NULLS LAST, h.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [_item(row) for row in rows]


def contexts(reader: Reader) -> list[str]:
    """Every context the stored records name, for the dyad page's filter."""
    rows = reader.query(f"SELECT DISTINCT unnest(h.context) AS c {_FROM} ORDER BY c")
    return [row[0] for row in rows if row[0]]


# -- network and map -------------------------------------------------------------------
@dataclass(frozen=True)
class Edge:
    """Two nodes and the happenings naming both; `score` is their mean Goldstein score. A node is a
    country code, or a named actor with its country; `href` is the dyad page of their countries."""

    first: str
    second: str
    happenings: int
    score: float
    first_country: str | None = None
    second_country: str | None = None

    @property
    def href(self) -> str | None:
        first, second = self.first_country or self.first, self.second_country or self.second
        if len(first) != 3 or len(second) != 3:
            return None  # a named actor of no known country has no dyad page
        return f"/dyad/{first}/{second}"


def network(reader: Reader, limit: int) -> list[Edge]:
    """The country pairs named together by the most happenings."""
    rows = reader.query(
        f"""
        WITH h AS (SELECT h.id, h.countries, h.score AS s {_FROM}),
        pairs AS (SELECT x AS first, y AS second, s FROM h, unnest(h.countries) AS t1(x), unnest(h.countries) AS t2(y)
                  WHERE x < y)
        SELECT first, second, count(*) AS n, avg(s) FROM pairs GROUP BY first, second
        ORDER BY n DESC, first, second LIMIT ?
        """,
        [limit],
    )
    return [Edge(r[0], r[1], r[2], round(r[3] or 0.0, 2)) for r in rows]


def load_state_names(connection: duckdb.DuckDBPyConnection) -> None:
    """The gazetteer's names of countries, capitals and places: the named network keeps a pair only
    if one side is a person or organisation, since state-to-state pairs are the country network."""
    from dyad.actors.gazetteer import load_gazetteer

    names = sorted({e.name for e in load_gazetteer().entries.values() if e.kind in {"country", "capital", "place"}})
    connection.execute("CREATE OR REPLACE TABLE memory.state_names (name VARCHAR PRIMARY KEY)")
    connection.executemany("INSERT INTO memory.state_names VALUES (?)", [[name] for name in names])


def named_network(reader: Reader, limit: int) -> list[Edge]:
    """Named actors (people, parties, ministries) linked to the named recipients of their happenings,
    where at least one of the two is not a state."""
    rows = reader.query(
        f"""
        WITH pairs AS (
            SELECT a.name AS actor, a.country AS actor_country, r.name AS recipient, r.country AS recipient_country,
                   h.score AS s
            FROM (SELECT unnest(h.named_actors) AS a, h.named_recipients, h.score {_FROM}) h,
                 unnest(h.named_recipients) AS t(r)
            WHERE a.name <> r.name AND NOT (a.name IN (SELECT name FROM memory.state_names)
                                            AND r.name IN (SELECT name FROM memory.state_names))),
        ordered AS (
            SELECT CASE WHEN actor < recipient THEN actor ELSE recipient END AS first,
                   CASE WHEN actor < recipient THEN actor_country ELSE recipient_country END AS first_country,
                   CASE WHEN actor < recipient THEN recipient ELSE actor END AS second,
                   CASE WHEN actor < recipient THEN recipient_country ELSE actor_country END AS second_country, s
            FROM pairs)
        SELECT first, second, count(*) AS n, avg(s), any_value(first_country), any_value(second_country)
        FROM ordered GROUP BY first, second ORDER BY n DESC, first, second LIMIT ?
        """,
        [limit],
    )
    return [Edge(r[0], r[1], r[2], round(r[3] or 0.0, 2), r[4], r[5]) for r in rows]


@dataclass(frozen=True)
class Place:
    """Where happenings took place (their representative record's location), and how many sources tell them."""

    name: str
    country: str | None
    lat: float
    lon: float
    happenings: int
    sources: int


def places(reader: Reader, limit: int) -> list[Place]:
    rows = reader.query(
        f"""
        SELECT h.place, h.place_country, h.lat, h.lon, count(*), sum(h.sources) AS s {_FROM}
        WHERE h.lat IS NOT NULL AND h.lon IS NOT NULL GROUP BY ALL ORDER BY s DESC, h.place LIMIT ?
        """,
        [limit],
    )
    return [Place(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in rows]


def happenings_at(reader: Reader, name: str, limit: int) -> list[HappeningItem]:
    rows = reader.query(
        f"SELECT {_ITEM_COLUMNS} {_FROM} WHERE h.place = ? "
        "ORDER BY h.sources DESC, h.date_start NULLS LAST, h.id LIMIT ?",
        [name, limit],
    )
    return [_item(row) for row in rows]


# -- happening and article -------------------------------------------------------------
@dataclass(frozen=True)
class ArticleView:
    """A stored article with what the pages need to shade and highlight it."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    duplicate_of: str | None
    text: str
    sections: list[Section] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "sections": [s.to_dict() for s in self.sections]}


def happening(reader: Reader, happening_id: str) -> HappeningItem | None:
    rows = reader.query(f"SELECT {_ITEM_COLUMNS} {_FROM} WHERE h.id = ?", [happening_id])
    return _item(rows[0]) if rows else None


def happening_reports(reader: Reader, happening_id: str) -> list[Event]:
    """Every report of one happening, earliest first."""
    rows = reader.query(
        "SELECT e.record FROM happening_events he JOIN events e ON e.id = he.event_id "
        "WHERE he.happening_id = ? ORDER BY e.date_start NULLS LAST, e.article_ref, e.id",
        [happening_id],
    )
    return [Event.model_validate_json(row[0]) for row in rows]


def articles(reader: Reader, ids: list[str]) -> list[ArticleView]:
    """Stored articles by id, in publication order."""
    rows = reader.query(
        "SELECT id, title, outlet, published, url, duplicate_of, text, sections FROM articles "
        "WHERE list_contains(?, id) ORDER BY published NULLS LAST, outlet, id",
        [ids],
    )
    return [
        ArticleView(*row[:7], sections=[Section.model_validate(s) for s in json.loads(row[7] or "[]")]) for row in rows
    ]


def article_events(reader: Reader, article_id: str) -> list[tuple[Event, str | None]]:
    """Every event coded from one article, with its happening, in text order."""
    rows = reader.query(
        "SELECT e.record, he.happening_id FROM events e LEFT JOIN happening_events he ON he.event_id = e.id "
        "WHERE e.article_id = ? ORDER BY e.id",
        [article_id],
    )
    found = [(Event.model_validate_json(row[0]), row[1]) for row in rows]
    return sorted(found, key=lambda pair: (pair[0].evidence[0].start, pair[0].id))


def happenings_of_events(reader: Reader, event_ids: list[str]) -> dict[str, str]:
    rows = reader.query(
        "SELECT event_id, happening_id FROM happening_events WHERE list_contains(?, event_id)", [event_ids]
    )
    return {row[0]: row[1] for row in rows}


def busiest(reader: Reader, limit: int) -> list[Dyad]:
    """The CLI summary's busiest dyads (country pairs by events), through this request's cursor."""
    return busiest_dyads(reader, limit)  # type: ignore[arg-type]  # a Reader answers `query` as a Store does

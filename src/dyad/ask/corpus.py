"""The stored happenings as `ask`, `promises` and `brief` read them: each with its evidence
text, its sources (outlet, ref, url) and dated bounds, loaded once per question.

Kept in this package, not in dyad.query, so that the web app's additions there and these
stay apart; it reads only through dyad.query and plain SQL on the store's tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dyad import query
from dyad.search import SearchIndex
from dyad.store import Store


@dataclass(frozen=True)
class Source:
    outlet: str | None
    ref: str
    url: str | None
    published: str | None


@dataclass(frozen=True)
class Found:
    """A happening with what a citation needs."""

    row: query.HappeningRow
    text: str  # every member's evidence, joined
    sources: tuple[Source, ...]

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def type(self) -> str:
        return self.row.type

    @property
    def date(self) -> str | None:
        return self.row.date

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(self.row.countries)

    @property
    def actor_countries(self) -> frozenset[str]:
        return frozenset(e.country for e in self.row.representative.actor if e.country)

    @property
    def recipient_countries(self) -> frozenset[str]:
        return frozenset(e.country for e in self.row.representative.recipient if e.country)

    @property
    def score(self) -> float:
        return self.row.representative.score

    def span(self) -> tuple[dt.date, dt.date] | None:
        return date_span(self.row.date)

    def reported(self) -> tuple[dt.date, dt.date] | None:
        """Its own date, else the first day its sources were published: 'the ambulances have yet
        to arrive' is undated, and true as of the day it was reported."""
        own = self.span()
        if own is not None:
            return own
        days = sorted(s.published for s in self.sources if s.published)
        return date_span(days[0]) if days else None

    def outlets(self) -> list[str]:
        return list(self.row.outlets) or sorted({s.outlet for s in self.sources if s.outlet})


def date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a partial ISO date ('2025', '2025-06', '2025-06-24') covers."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        start = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return start, following - dt.timedelta(days=1)
    day = dt.date(*parts)
    return day, day


def within(found: Found, since: str | None, until: str | None) -> bool:
    """Whether a happening's date overlaps [since, until]; an undated one never does."""
    if not since and not until:
        return True
    span = found.span()
    if span is None:
        return False
    if since and span[1] < date_span(since)[0]:  # type: ignore[index]
        return False
    return not (until and span[0] > date_span(until)[1])  # type: ignore[index]


def load(store: Store, *, min_confidence: float = 0.0, country: str | None = None) -> list[Found]:
    """Every happening (touching `country` if given), in date order, with evidence and sources."""
    rows = query.happenings(store, country=country, min_confidence=min_confidence)
    if not rows:
        return []
    ids = [row.id for row in rows]
    texts = dict(
        store.query(
            "SELECT he.happening_id, string_agg(v.text, ' ' ORDER BY v.event_id, v.position) "
            "FROM happening_events he JOIN event_evidence v ON v.event_id = he.event_id "
            "WHERE list_contains(?, he.happening_id) GROUP BY he.happening_id",
            [ids],
        )
    )
    sources: dict[str, list[Source]] = {}
    for happening, outlet, ref, url, published in store.query(
        "SELECT DISTINCT he.happening_id, a.outlet, a.ref, a.url, a.published FROM happening_events he "
        "JOIN events e ON e.id = he.event_id JOIN articles a ON a.id = e.article_id "
        "WHERE list_contains(?, he.happening_id) ORDER BY a.published NULLS LAST, a.ref",
        [ids],
    ):
        sources.setdefault(happening, []).append(Source(outlet, ref, url, published))
    return [Found(row, texts.get(row.id, ""), tuple(sources.get(row.id, ()))) for row in rows]


def search_scores(store: Store, terms: list[str]) -> dict[str, float]:
    """BM25 score of each happening whose evidence matches any of `terms` (its best member's)."""
    if not terms:
        return {}
    hits = SearchIndex.for_store(store).search(" ".join(terms), kinds=("evidence",), limit=500)
    if not hits:
        return {}
    owners = dict(
        store.query(
            "SELECT event_id, happening_id FROM happening_events WHERE list_contains(?, event_id)",
            [[hit.id for hit in hits]],
        )
    )
    scores: dict[str, float] = {}
    for hit in hits:
        owner = owners.get(hit.id)
        if owner:
            scores[owner] = max(scores.get(owner, 0.0), hit.score)
    return scores


def latest_year(found: list[Found]) -> int | None:
    years = [span[1].year for f in found if (span := f.span())]
    return max(years) if years else None

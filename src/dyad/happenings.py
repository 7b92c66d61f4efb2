"""One happening, many reports: events of several articles clustered into happenings.

Ten outlets on one state visit give ten CONSULT events; an analyst wants one visit with ten
sources. Events are candidates for the same happening only within a block: the same type,
the same set of countries and the same kind of modality (what happened, what is promised,
what might happen, what is denied are different happenings). Within a block:

1. Events dated to the day, taken in date order, join the largest group whose first day
   is at most TOLERANCE_DAYS earlier (outlets in other time zones, "yesterday" resolved
   against another publication day) and whose members name no other place or actors.
   Measuring from the first day, not the last member, stops daily reports of a war from
   chaining into one happening.
2. Events dated only to the month or year, or not at all ("during his June visit to
   Minsk"), then join the largest compatible group whose days they overlap and that had
   begun when their article was published, finest first,
   so a June mention can anchor a "this year" one. A vague mention that overlaps more
   than AMBIGUOUS groups could be any of them, and stays a happening of its own.

Every step orders its input by content, never by arrival, so the result is the same
whatever order the articles come in, and re-clustering only the blocks that new events
touch gives what a full rebuild would (tests/test_happenings.py shuffles to check).
A mention holds only what clustering reads, so millions fit in memory
(bench/cluster_bench.py).
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import hashlib
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from dyad.dates import iso_to_date
from dyad.records import Event

TOLERANCE_DAYS = 1
AMBIGUOUS = 5
# An undated event is compared with happenings of the two months before its article appeared
# ("during his recent visit to Minsk" in a paper of 26 July is the visit of 24 June).
UNDATED_LOOKBACK_DAYS = 60
# Which modalities can report the same happening: a background mention ("historical") of
# an asserted visit is that visit; a promise of it is another record.
MODALITY_KIND = {"asserted": "real", "historical": "real", "future": "future", "hypothetical": "hypothetical"}
MODALITY_KIND_DEFAULT = "negated"
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}
Block = tuple[str, tuple[str, ...], str]
Span = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class Mention:
    """What clustering reads of one event and its article."""

    event_id: str
    article_id: str
    type: str
    countries: tuple[str, ...]
    modality: str
    date: str | None = None
    precision: str | None = None
    place: str | None = None
    people: frozenset[tuple[str, str]] = frozenset()
    published: str | None = None
    outlet: str | None = None

    @classmethod
    def of(cls, event: Event, published: str | None = None, outlet: str | None = None) -> Mention:
        return cls(
            event_id=event.id,
            article_id=event.article_id,
            type=event.type,
            countries=tuple(sorted(event.countries())),
            modality=event.modality,
            date=event.date,
            precision=event.date_precision if event.date else None,
            place=event.location.country if event.location else None,
            people=_people(event),
            published=published,
            outlet=outlet,
        )

    @property
    def block(self) -> Block:
        return (self.type, self.countries, MODALITY_KIND.get(self.modality, MODALITY_KIND_DEFAULT))

    def span(self) -> Span | None:
        """The days the event may have happened on."""
        if self.date:
            first, precision = iso_to_date(self.date)
            if precision == "day":
                return first, first
            if precision == "month":
                last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
                return first, last
            return first, first.replace(month=12, day=31)
        if self.published:
            day = iso_to_date(self.published)[0]
            return day - dt.timedelta(days=UNDATED_LOOKBACK_DAYS), day
        return None

    def conflicts(self, other: Mention) -> bool:
        """Different places, or different people acting for one country: the foreign
        ministers' talks are not the presidents' talks of the same day. One report naming
        only the guest and another only the host do not conflict."""
        if self.place and other.place and self.place != other.place:
            return True
        return _casts_differ(self.people, other.people)


def _casts_differ(first: frozenset[tuple[str, str]], second: frozenset[tuple[str, str]]) -> bool:
    """Both name people acting for some country, and none of them in common."""
    for country in {c for c, _ in first} & {c for c, _ in second}:
        if not {n for c, n in first if c == country} & {n for c, n in second if c == country}:
            return True
    return False


def _people(event: Event) -> frozenset[tuple[str, str]]:
    """(country, name) of the named people among the event's entities. Countries, capitals
    and organisations are left out: "Belarus" and "Lukashenko" are one side in two words,
    and "the Council of the EU" is the EU."""
    from dyad.actors.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    people = set()
    for entity in [*event.actor, *event.recipient]:
        if not entity.name or not entity.country:
            continue
        entry = gazetteer.find(entity.name)
        if entry is None or entry.kind == "person":
            people.add((entity.country, entity.name))
    return frozenset(people)


@dataclass
class Happening:
    """A cluster of events that report one happening, and what stands for it."""

    id: str
    type: str
    countries: tuple[str, ...]
    members: list[Mention] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({m.article_id for m in self.members})

    @property
    def outlets(self) -> list[str]:
        return sorted({m.outlet for m in self.members if m.outlet})

    @property
    def source_count(self) -> int:
        return len(self.articles)

    @property
    def first_report(self) -> str | None:
        days = sorted(m.published for m in self.members if m.published)
        return days[0] if days else None

    @property
    def last_report(self) -> str | None:
        days = sorted(m.published for m in self.members if m.published)
        return days[-1] if days else None

    def representative(self) -> Mention:
        """The member with the finest date that most reports agree with, then the place and
        modality most reports give (ties: id): a "June" mention supports "24 June"."""
        dates = Counter(m.date for m in self.members if m.date)
        places = Counter(m.place for m in self.members if m.place)
        modalities = Counter(m.modality for m in self.members)

        def support(m: Mention) -> tuple[int, int, int, int, str]:
            agreeing = sum(
                count
                for date, count in dates.items()
                if m.date and (m.date.startswith(date) or date.startswith(m.date))
            )
            return (_PRECISION_RANK[m.precision], -agreeing, -places[m.place], -modalities[m.modality], m.event_id)

        return min(self.members, key=support)

    @property
    def modality(self) -> str:
        counts = Counter(m.modality for m in self.members)
        return min(counts, key=lambda modality: (-counts[modality], modality))


class _Group:
    """A happening being built: its members, the days its most precise members cover, and
    what a newcomer must not conflict with (kept apart from the members, so that checking
    a newcomer costs the number of distinct places and casts, not of reports)."""

    __slots__ = ("casts", "end", "members", "places", "rank", "smallest_id", "start")

    def __init__(self, mention: Mention, span: Span) -> None:
        self.members = [mention]
        self.rank = _PRECISION_RANK[mention.precision]
        self.start, self.end = span
        self.smallest_id = mention.event_id
        self.places = {mention.place} - {None}
        self.casts = {mention.people} - {frozenset()}

    def add(self, mention: Mention, span: Span) -> None:
        self.members.append(mention)
        if _PRECISION_RANK[mention.precision] == self.rank:  # vaguer members do not stretch it
            self.start, self.end = min(self.start, span[0]), max(self.end, span[1])
        self.smallest_id = min(self.smallest_id, mention.event_id)
        if mention.place:
            self.places.add(mention.place)
        if mention.people:
            self.casts.add(mention.people)

    def accepts(self, mention: Mention) -> bool:
        """No member conflicts with it: the same test as Mention.conflicts against each
        member, made against each distinct place and cast of people instead."""
        if mention.place and self.places - {mention.place}:
            return False
        return not any(_casts_differ(mention.people, people) for people in self.casts)


class _Level:
    """The groups of one precision, bucketed by first day, for finding those a span overlaps.

    A bucket keeps the last day any of its groups reaches, so a query skips a whole day's
    groups that ended before its span in one step: the cost of a query is the number of
    distinct first days in its reach, not the number of groups, and the work per mention
    stays flat however dense a dyad's news gets (bench/cluster_bench.py)."""

    def __init__(self) -> None:
        self.starts: list[dt.date] = []  # distinct first days, sorted
        self.buckets: dict[dt.date, list[_Group]] = {}
        self.reach: dict[dt.date, dt.date] = {}  # first day -> the last day its groups reach
        self.longest = dt.timedelta(0)

    def add(self, group: _Group) -> None:
        bucket = self.buckets.get(group.start)
        if bucket is None:
            bisect.insort(self.starts, group.start)
            bucket = self.buckets[group.start] = []
            self.reach[group.start] = group.end
        bucket.append(group)
        self.grown(group)

    def grown(self, group: _Group) -> None:
        """A member stretched the group's end (its first day never moves: members come in
        date order within a precision)."""
        self.reach[group.start] = max(self.reach[group.start], group.end)
        self.longest = max(self.longest, group.end - group.start)

    def overlapping(self, span: Span, limit: int, begun_by: dt.date | None = None) -> list[_Group]:
        """Groups whose days overlap the span and that had begun by `begun_by`; stops once
        more than `limit` are found. It walks back from the span's last day, where nearly
        every group overlaps, so a query in a dense block ends after a few groups."""
        found: list[_Group] = []
        latest = span[1] if begun_by is None else min(span[1], begun_by)
        earliest = span[0] - self.longest
        position = bisect.bisect_right(self.starts, latest) - 1
        while position >= 0 and self.starts[position] >= earliest:
            start = self.starts[position]
            position -= 1
            if self.reach[start] < span[0]:
                continue
            for group in self.buckets[start]:
                if group.end >= span[0]:
                    found.append(group)
                    if len(found) > limit:
                        return found
        return found


def _report_day(mention: Mention, block: Block) -> dt.date | None:
    """The day a report of what happened was published: it cannot tell of what had not
    begun by then ("the October protest" in a paper of 5 October is not the protest of the
    11th). Reports of what is to come, or might be, are not bound by it."""
    if block[2] != "real" or not mention.published:
        return None
    return iso_to_date(mention.published)[0]


def _happening_id(block: Block, members: list[Mention]) -> str:
    """From the block and the earliest of the most precisely dated members, so that later
    reports, and vaguer ones, join without changing it."""
    anchor = min(members, key=lambda m: (_PRECISION_RANK[m.precision], m.date or "", m.event_id))
    key = "|".join([block[0], ",".join(block[1]), block[2], anchor.date or "", anchor.event_id])
    return "h" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _best(candidates: list[_Group]) -> _Group | None:
    return min(candidates, key=lambda g: (-len(g.members), g.smallest_id), default=None)


def _cluster_block(block: Block, mentions: list[Mention]) -> list[Happening]:
    spans = {m.event_id: m.span() for m in mentions}
    ordered = sorted(
        (m for m in mentions if spans[m.event_id] is not None),
        key=lambda m: (_PRECISION_RANK[m.precision], m.date or "", m.published or "", m.event_id),
    )
    groups: list[_Group] = []
    open_days: deque[_Group] = deque()  # day groups whose first day is within the tolerance, by first day
    levels: dict[int, _Level] = {}
    tolerance = dt.timedelta(days=TOLERANCE_DAYS)
    for mention in ordered:
        span = spans[mention.event_id]
        assert span is not None
        if mention.precision == "day":
            while open_days and open_days[0].start < span[0] - tolerance:
                open_days.popleft()
            chosen = _best([g for g in open_days if g.accepts(mention)])
        else:
            reported = _report_day(mention, block)
            overlapping = [g for level in levels.values() for g in level.overlapping(span, AMBIGUOUS, reported)]
            ambiguous = len(overlapping) > AMBIGUOUS
            chosen = None if ambiguous else _best([g for g in overlapping if g.accepts(mention)])
        if chosen is not None:
            chosen.add(mention, span)
        else:
            chosen = _Group(mention, span)
            groups.append(chosen)
            levels.setdefault(chosen.rank, _Level()).add(chosen)
            if mention.precision == "day":
                open_days.append(chosen)
        levels[chosen.rank].grown(chosen)
    members = [g.members for g in groups]
    members += [[m] for m in sorted((m for m in mentions if spans[m.event_id] is None), key=lambda m: m.event_id)]
    return [Happening(id=_happening_id(block, ms), type=block[0], countries=block[1], members=ms) for ms in members]


def blocks_of(mentions: Iterable[Mention]) -> dict[Block, list[Mention]]:
    blocks: dict[Block, list[Mention]] = {}
    for mention in {m.event_id: m for m in mentions}.values():
        blocks.setdefault(mention.block, []).append(mention)
    return blocks


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Clustering builds millions of small objects and no reference cycles, so reference
    counting frees all of it; the cycle collector would only rescan the growing heap again
    and again (about 15% of the time at 1M events, and growing with n)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cluster(mentions: Iterable[Mention]) -> list[Happening]:
    """The happenings of these events, in a fixed order (by representative date, then id)."""
    with _without_cycle_collection():
        blocks = blocks_of(mentions)
        happenings = [h for block in sorted(blocks) for h in _cluster_block(block, blocks[block])]
        return sorted(happenings, key=lambda h: (h.representative().date or "9999", h.id))

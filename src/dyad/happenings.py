"""One happening, many reports: events of several articles clustered into happenings.

Ten outlets on one state visit give ten CONSULT events; an analyst wants one visit with ten
sources. Events are candidates for the same happening only within a block: the same type,
the same set of countries and the same kind of modality (what happened, what is promised,
what might happen, what is denied are different happenings). Within a block:

1. Events dated to the day join when their dates are at most TOLERANCE_DAYS apart (outlets
   in other time zones, "yesterday" resolved against another publication day) and their
   places and named actors do not conflict.
2. Events dated only to the month or year, or not at all ("during his June visit to
   Minsk"), then join the largest compatible happening, or start their own. They are
   placed finest first, so a June mention can still anchor a "this year" one.

Every step orders its input by content, never by arrival, so the result is the same
whatever order the articles come in, and re-clustering only the blocks that new events
touch gives what a full rebuild would (tests/test_happenings.py shuffles to check).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from dyad.dates import iso_to_date
from dyad.records import Event

TOLERANCE_DAYS = 1
# An undated event is compared with happenings of the month before its article appeared.
UNDATED_LOOKBACK_DAYS = 30
# Which modalities can report the same happening: a background mention ("historical") of
# an asserted visit is that visit; a promise of it is another record.
MODALITY_KIND = {"asserted": "real", "historical": "real", "future": "future", "hypothetical": "hypothetical"}
MODALITY_KIND_DEFAULT = "negated"
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}


@dataclass(frozen=True)
class Mention:
    """An event as the clusterer sees it, with what it needs of its article."""

    event: Event
    published: str | None = None
    outlet: str | None = None

    @property
    def block(self) -> tuple[str, tuple[str, ...], str]:
        kind = MODALITY_KIND.get(self.event.modality, MODALITY_KIND_DEFAULT)
        return (self.event.type, tuple(sorted(self.event.countries())), kind)

    def span(self) -> tuple[dt.date, dt.date] | None:
        """The days the event may have happened on, widened by the tolerance for day dates."""
        if self.event.date:
            first, precision = iso_to_date(self.event.date)
            if precision == "day":
                margin = dt.timedelta(days=TOLERANCE_DAYS)
                return first - margin, first + margin
            if precision == "month":
                last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
                return first, last
            return first, first.replace(month=12, day=31)
        if self.published:
            day = iso_to_date(self.published)[0]
            return day - dt.timedelta(days=UNDATED_LOOKBACK_DAYS), day
        return None

    def precision(self) -> str | None:
        return self.event.date_precision if self.event.date else None

    def place(self) -> str | None:
        return self.event.location.country if self.event.location else None

    def names(self) -> frozenset[str]:
        return frozenset(e.name for e in [*self.event.actor, *self.event.recipient] if e.name)


@dataclass
class Happening:
    """A cluster of events that report one happening, and the record that stands for it."""

    id: str
    type: str
    countries: tuple[str, ...]
    members: list[Mention] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({m.event.article_id for m in self.members})

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

    def representative(self) -> Event:
        """The member with the finest date that most reports agree with, then the place and
        modality most reports give (ties: id): a "June" mention supports "24 June"."""
        dates = [m.event.date for m in self.members if m.event.date]
        places = Counter(m.place() for m in self.members if m.place())
        modalities = Counter(m.event.modality for m in self.members)

        def support(m: Mention) -> tuple[int, int, int, int, str]:
            date = m.event.date
            agreeing = sum(1 for other in dates if date and (date.startswith(other) or other.startswith(date)))
            return (
                _PRECISION_RANK[m.precision()],
                -agreeing,
                -places.get(m.place(), 0),
                -modalities[m.event.modality],
                m.event.id,
            )

        return min(self.members, key=support).event

    @property
    def modality(self) -> str:
        counts = Counter(m.event.modality for m in self.members)
        return min(counts, key=lambda modality: (-counts[modality], modality))


def _compatible(mention: Mention, others: Iterable[Mention]) -> bool:
    """No conflicting place, and named actors shared where both sides name some."""
    for other in others:
        if mention.place() and other.place() and mention.place() != other.place():
            return False
        if mention.names() and other.names() and not mention.names() & other.names():
            return False
    return True


def _overlaps(first: tuple[dt.date, dt.date], second: tuple[dt.date, dt.date]) -> bool:
    return first[0] <= second[1] and second[0] <= first[1]


def _happening_id(block: tuple[str, tuple[str, ...], str], members: list[Mention]) -> str:
    """From the block and the earliest of the most precisely dated members, so that later
    reports, and vaguer ones, join without changing it."""
    anchor = min(members, key=lambda m: (_PRECISION_RANK[m.precision()], m.event.date or "", m.event.id))
    key = "|".join([block[0], ",".join(block[1]), block[2], anchor.event.date or "", anchor.event.id])
    return "h" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _cluster_block(block: tuple[str, tuple[str, ...], str], mentions: list[Mention]) -> list[Happening]:
    dated = [m for m in mentions if m.span() is not None]
    groups: list[list[Mention]] = []
    order = sorted(dated, key=lambda m: (_PRECISION_RANK[m.precision()], m.event.date or "", m.event.id))
    for mention in order:
        span = mention.span()
        assert span is not None
        candidates = [
            group
            for group in groups
            if any(_overlaps(span, other.span()) for other in group if other.span()) and _compatible(mention, group)
        ]
        if candidates:
            # taken in date order, two day-dated groups both within reach of a day-dated
            # report were kept apart by a conflicting place or actors: join the larger
            best = min(candidates, key=lambda g: (-len(g), min(m.event.id for m in g)))
            best.append(mention)
        else:
            groups.append([mention])
    groups += [[m] for m in sorted((m for m in mentions if m.span() is None), key=lambda m: m.event.id)]
    return [
        Happening(id=_happening_id(block, group), type=block[0], countries=block[1], members=group) for group in groups
    ]


def cluster(mentions: Iterable[Mention]) -> list[Happening]:
    """The happenings of these events, in a fixed order (by first date, then id)."""
    blocks: dict[tuple[str, tuple[str, ...], str], list[Mention]] = {}
    for mention in {m.event.id: m for m in mentions}.values():
        blocks.setdefault(mention.block, []).append(mention)
    happenings = [h for block in sorted(blocks) for h in _cluster_block(block, blocks[block])]
    return sorted(happenings, key=lambda h: (h.representative().date or "9999", h.id))

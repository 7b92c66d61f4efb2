"""A reader's question read into what dyad can look up: actors (from the gazetteer), event
types and modalities (from cue words), areas, the domestic situation, and a time span.

Nothing is guessed beyond the vocabulary (ask/data/en.yaml): a word the parser does not know
becomes a full-text search term, and the answer says which parts it understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyad.actors.gazetteer import Gazetteer, load_gazetteer
from dyad.ask.vocabulary import WORD, Vocabulary, find_phrase, load_vocabulary, words

YEAR = re.compile(r"^(19|20)\d{2}$")
DAY = re.compile(r"^\d{1,2}$")


@dataclass(frozen=True)
class Actor:
    text: str
    country: str


@dataclass(frozen=True)
class Anchor:
    """A time reference to a happening ("since the June visit"): resolved against the store."""

    direction: str  # since | until
    label: str  # a type label from the vocabulary, e.g. visit
    month: int | None
    year: int | None


@dataclass(frozen=True)
class Question:
    """What a question asks, in dyad's terms; `describe` says it back to the reader."""

    text: str
    kind: str = "list"  # list | count | when | where | explain | third_party
    actors: tuple[Actor, ...] = ()
    subject: str | None = None  # the country before the type cue ("what did X promise")
    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ("asserted", "historical", "future")
    domestic: bool = False
    areas: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    anchor: Anchor | None = None
    keywords: tuple[str, ...] = field(default=())

    @property
    def countries(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for actor in self.actors:
            seen.setdefault(actor.country, None)
        return tuple(seen)

    def describe(self) -> str:
        """One sentence: what dyad understood the question to ask."""
        kinds = {
            "list": "a question asking what happened",
            "count": "a question asking how many",
            "when": "a question asking when",
            "where": "a question asking where",
            "explain": "a why/how question (dyad lists evidence, it does not explain)",
            "third_party": "a question about who else is involved",
        }
        parts = [kinds[self.kind]]
        if self.labels:
            parts.append(f"about {', '.join(self.labels)} ({'/'.join(self.types)})")
        if self.actors:
            named = ", ".join(f"{a.text} ({a.country})" for a in self.actors)
            parts.append(f"involving {named}")
        if self.subject:
            parts.append(f"with {self.subject} acting")
        if self.domestic:
            parts.append("and the domestic situation (protests, repression, shortages)")
        if self.areas:
            parts.append(f"in the areas {', '.join(self.areas)}")
        if self.anchor:
            month = load_vocabulary().months[self.anchor.month - 1].title() + " " if self.anchor.month else ""
            parts.append(
                f"{self.anchor.direction} the {month}{self.anchor.year or ''} {self.anchor.label}".replace("  ", " ")
            )
        if self.since and self.since == self.until:
            parts.append(f"in {self.since}")
        else:
            if self.since:
                parts.append(f"from {self.since}")
            if self.until:
                parts.append(f"until {self.until}")
        if self.keywords:
            parts.append(f"searching the text for {', '.join(self.keywords)}")
        return " ".join(parts)


def parse(text: str, *, gazetteer: Gazetteer | None = None, vocabulary: Vocabulary | None = None) -> Question:
    """The question's parts; each word is used by at most one part (longest phrases first)."""
    vocabulary = vocabulary or load_vocabulary()
    gazetteer = gazetteer or load_gazetteer()
    raw = WORD.findall(text)
    tokens = words(text)
    used = [False] * len(tokens)

    def take(phrase: tuple[str, ...]) -> int:
        start = find_phrase(tokens, phrase)
        while start >= 0 and any(used[start : start + len(phrase)]):
            later = find_phrase(tokens[start + 1 :], phrase)
            start = -1 if later < 0 else start + 1 + later
        if start >= 0:
            used[start : start + len(phrase)] = [True] * len(phrase)
        return start

    actors = _actors(raw, tokens, used, gazetteer, vocabulary.stopwords)
    since, until, anchor = _time(tokens, used, vocabulary)
    kind = next((k for k, cues in vocabulary.kinds.items() if any(take(cue) >= 0 for cue in cues)), "list")
    types: list[str] = []
    modes: list[str] = []
    labels: list[str] = []
    first_cue = len(tokens)
    cues = sorted(((cue, row) for row in vocabulary.types for cue in row.cues), key=lambda item: -len(item[0]))
    for cue, row in cues:
        at = take(cue)
        if at < 0:
            continue
        first_cue = min(first_cue, at)
        if row.label not in labels:
            labels.append(row.label)
        types += [t for t in row.types if t not in types]
        modes += [m for m in row.modes if m not in modes]
    if anchor and anchor.label in labels and len(labels) > 1:
        labels.remove(anchor.label)  # "since the June visit": the visit dates, it is not asked about
        types = [t for row in vocabulary.types if row.label in labels for t in row.types if t in types]
        modes = [m for row in vocabulary.types if row.label in labels for m in row.modes]
    domestic = any(take(cue) >= 0 for cue in vocabulary.domestic_cues)
    modalities = ["asserted", "historical", "future"]
    for modality, cues_ in vocabulary.modalities.items():
        if any(take(cue) >= 0 for cue in cues_):
            modalities.append(modality)
    if "negated" in modalities:
        modalities = ["negated", "asserted", "historical"]
    areas = [name for name, cues_ in vocabulary.areas.items() if any(take(cue) >= 0 for cue in cues_)]
    subject = None
    positions = [i for i, a in actors]
    if len(actors) >= 1 and positions[0] < first_cue and labels and kind != "third_party":
        subject = actors[0][1].country
    keywords = tuple(
        dict.fromkeys(
            t for t, u in zip(tokens, used, strict=True)
            if not u and t not in vocabulary.stopwords and len(t) > 2 and not t.isdigit()
        )
    )  # fmt: skip
    return Question(
        text=text,
        kind=kind,
        actors=tuple(a for _, a in actors),
        subject=subject,
        types=tuple(types),
        modes=tuple(modes),
        labels=tuple(labels),
        modalities=tuple(modalities),
        domestic=domestic,
        areas=tuple(areas),
        since=since,
        until=until,
        anchor=anchor,
        keywords=keywords,
    )


def _actors(
    raw: list[str], tokens: list[str], used: list[bool], gazetteer: Gazetteer, stopwords: frozenset[str]
) -> list[tuple[int, Actor]]:
    """Gazetteer names and demonyms, longest first; a name must start with a capital letter so
    that ordinary words that are also aliases ("us", "chad") are not read as countries."""
    found: list[tuple[int, Actor]] = []
    for size in (4, 3, 2, 1):
        for start in range(len(raw) - size + 1):
            if any(used[start : start + size]) or not raw[start][:1].isupper():
                continue
            if size == 1 and tokens[start] in stopwords:
                continue  # "Who", "What": a question word, not the WHO
            phrase = " ".join(re.sub(r"['’]s$", "", w) for w in raw[start : start + size])
            entry = gazetteer.find(phrase)
            country = entry.country if entry else gazetteer.country_code(phrase)
            if not country:
                continue
            if start > 0 and tokens[start - 1] == "the":
                used[start - 1] = True
            used[start : start + size] = [True] * size
            found.append((start, Actor(phrase, country)))
    return sorted(found, key=lambda item: item[0])


def _time(tokens: list[str], used: list[bool], vocabulary: Vocabulary) -> tuple[str | None, str | None, Anchor | None]:
    """ "in 2025", "in June 2025", "since June", "before July 2025", "since the June visit"."""
    since = until = None
    anchor = None
    labels = {cue: row.label for row in vocabulary.types for cue in row.cues if len(cue) == 1}
    i = 0
    while i < len(tokens):
        word = tokens[i]
        direction = None
        if word in ("in", "during", "of", "on"):
            direction = "in"
        elif any(find_phrase(tokens[i : i + len(p)], p) == 0 for p in vocabulary.since):
            direction = "since"
        elif any(find_phrase(tokens[i : i + len(p)], p) == 0 for p in vocabulary.until):
            direction = "until"
        if direction is None:
            i += 1
            continue
        j = i + 1
        j += tokens[j : j + 1] == ["the"]
        month = year = None
        if j < len(tokens) and DAY.match(tokens[j]) and j + 1 < len(tokens) and tokens[j + 1] in vocabulary.months:
            j += 1  # "since 26 July": the day is dropped, the month kept
        if j < len(tokens) and tokens[j] in vocabulary.months:
            month = vocabulary.months.index(tokens[j]) + 1
            j += 1
            if j < len(tokens) and DAY.match(tokens[j]):
                j += 1
        if j < len(tokens) and YEAR.match(tokens[j]):
            year = int(tokens[j])
            j += 1
        if month is None and year is None:
            i += 1
            continue
        label = labels.get((tokens[j],)) if j < len(tokens) and direction != "in" else None
        if label:
            anchor = Anchor(direction, label, month, year)
            j += 1
        else:
            start, end = _span(month, year)
            if direction in ("in", "since"):
                since = start
            if direction in ("in", "until"):
                until = end
        used[i:j] = [True] * (j - i)
        i = j
    return since, until, anchor


def _span(month: int | None, year: int | None) -> tuple[str, str]:
    """A month without a year is resolved later against the store's latest year (marked 'YYYY')."""
    y = str(year) if year else "YYYY"
    if month is None:
        return y, y
    return f"{y}-{month:02d}", f"{y}-{month:02d}"

"""The story's clock: undated events take the time the narrative has reached."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from dyad.dates import iso_to_date
from dyad.events.dates import date_words, parse_date_phrase
from dyad.records import Article, Event

# "on the same day", "hours later", "later that evening": the day just told, even across a paragraph
_SAME_DAY = re.compile(
    r"\b(the same day|that (same )?day|(the|that) same (morning|afternoon|evening|night)"
    r"|later that (day|morning|afternoon|evening|night)|that (morning|afternoon|evening|night)"
    r"|(hours|minutes) later)\b",
    re.I,
)
# "Following that incident, Mali recalled its ambassador": soon after the event just told
_AFTERMATH = re.compile(
    r"\b(following|after|in response to|in retaliation for)\s+(that|the|this)\s+"
    r"(incident|attack|episode|strike|strikes|clash|clashes|incursion|raid|shooting|downing)\b",
    re.I,
)
# a statement made through its own channel is its own occasion: undated, it is not the scene's day
_CHANNEL = re.compile(
    r"\b(on|in|via|through|over)\s+(the\s+)?((state|national|local|public)\s+)?(television|tv|radio)\b"
    r"|\b(in|via|through)\s+an?\s+((\w+\s+)?(letter|post|tweet|video|interview|broadcast))\b"
    r"|\bon\s+(the\s+)?((social\s+(media|network|platform)|messaging\s+app)\s+)?"
    r"(x|twitter|telegram|facebook|instagram|social\s+media)\b",
    re.I,
)
_REPORTING = re.compile(r"\b(said|says|told|added|wrote)\s*$", re.I)
# "said on Monday", "told reporters in Berlin on Friday", "said late Thursday": the day a statement
# was made, a few words after its verb, never across 'that' or a quote (the day of what was said)
_STATEMENT_DAY = re.compile(
    r"\b(" + "|".join(sorted(date_words("statement_verbs"))) + r")\b"
    r"((?:\s+(?!that\b|which\b|who\b|will\b|would\b)[\w'’-]+){0,4}?)"
    r"\s+((on|late|early)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)\b",
    re.I,
)
# the day the lead reports: "on Wednesday", "yesterday"
_LEAD_DAY = re.compile(r"\b(on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b", re.I)


def narrative_dates(
    events: list[Event], article: Article, lead_end: int, undated: set[str] | frozenset[str] = frozenset()
) -> list[Event]:
    """Date asserted and hypothetical events that carry no date cue by the story's current time.

    News tells one day's happenings in order: an undated event takes the day just told
    ("On Wednesday X met Y. During the talks, Y praised X"). A paragraph that steps back
    ("The head of state arrived on Tuesday night") holds only for itself: the next paragraph
    is back on the news day, the latest day told so far, unless it points back with "on the
    same day" or "hours later". The story starts on the day the lead names ("on Wednesday",
    "yesterday") even when no event is coded from it; with no such day, an event in the lead
    is the day's news and takes the publication date (guide section 5). Dates after
    publication (a parade "on Friday") and historical events never move the clock, and a
    statement made through its own channel ("warned on state television", "in a post on
    X") is left undated, and so is an act named only as a time reference (`undated`: "speaking
    before his trip to Doha"). Done before merging, mention by mention, so that an undated
    mention only joins a dated one of the same day.
    """
    published = iso_to_date(article.published) if article.published else None
    paragraphs = [start for start, _ in article.body_spans()]
    last: tuple[str, int] | None = None  # the day just told and its paragraph
    latest = _lead_day(article, published[0] if published else None)
    if latest is not None:
        last = (latest, 0)
    dated = list(events)
    told: Event | None = None  # the last dated event told, whatever its modality
    aftermath: tuple[int, dict[str, str]] | None = None  # a paragraph telling what followed it
    statements = _statement_days(article, published[0] if published else None)
    for index in sorted(range(len(events)), key=lambda i: events[i].evidence[0].start):
        event = events[index]
        start = event.evidence[0].start
        paragraph = max(bisect.bisect_right(paragraphs, start) - 1, 0)
        while statements and statements[0][0] < start:
            at, day = statements.pop(0)
            last = (day, max(bisect.bisect_right(paragraphs, at) - 1, 0))
            latest = max(latest or day, day)
        if event.date is None and told is not None and _AFTERMATH.search(event.evidence[0].text):
            # the month of the incident it follows, and background if that was
            modality = "historical" if told.modality == "historical" else event.modality
            # at most month precision: what followed came later that month, not that day
            precision = told.date_precision if told.date_precision == "year" else "month"
            aftermath = (paragraph, {"date": told.date[:7], "date_precision": precision, "modality": modality})
        if event.date is None and aftermath is not None and aftermath[0] == paragraph and event.modality == "asserted":
            dated[index] = event.model_copy(update=aftermath[1])  # "... Algeria, for its part, closed ..."
            continue
        if event.date is not None:
            told = event
        if event.modality == "asserted" and event.date is not None and event.date_precision == "day":
            # only a day moves the story's clock: "signed a treaty in January" is background
            if published is None or event.date <= published[0].isoformat():
                last = (event.date, paragraph)
                latest = max(latest or event.date, event.date)
            continue
        if event.modality not in ("asserted", "hypothetical") or event.date is not None:
            continue
        if _through_channel(event.evidence[0].text) or event.id in undated or _named_act(event):
            continue
        if last is None or latest is None:
            if article.published and start < lead_end:
                _, precision = iso_to_date(article.published)
                dated[index] = event.model_copy(update={"date": article.published, "date_precision": precision})
            continue
        same_scene = paragraph == last[1] or _SAME_DAY.search(event.evidence[0].text)
        day = last[0] if same_scene else latest
        dated[index] = event.model_copy(update={"date": day, "date_precision": "day"})
        if event.modality == "asserted":
            last = (day, paragraph)
    return dated


def _statement_days(article: Article, published: dt.date | None) -> list[tuple[int, str]]:
    """Where a statement is told with its day, and that day: "Macron said on Monday that the
    envoy would stay. And he reiterated his support" is Monday's scene even though nothing is
    coded from the first sentence. Only days on or before publication."""
    if published is None:
        return []
    found = []
    for start, end in article.body_spans():
        for match in _STATEMENT_DAY.finditer(article.text, start, end):
            day = parse_date_phrase(match.group(5), published)
            if day is not None and day.precision == "day" and day.day <= published:
                found.append((match.start(), day.value))
    return found


def _named_act(event: Event) -> bool:
    """Whether every trigger of the reading is a noun: an act named, not told ("rejected the
    sanctions", "backed him in his invasion", "welcomed the earlier releases"). Named, an act
    is most often background the sentence refers to, not something that happened on the day
    the story has reached, so only a date phrase of its own (or its clause's) dates it. A
    light verb's act ("held talks") is told by its verb and keeps the clock."""
    triggers = [rule for rule in event.rules if rule.startswith("trigger:")]
    return bool(triggers) and all(rule.startswith("trigger:noun:") for rule in triggers)


def _lead_day(article: Article, published: dt.date | None) -> str | None:
    """The first day the lead paragraph names, if it is not after publication."""
    if published is None:
        return None
    start, end = article.body_spans()[0]
    match = _LEAD_DAY.search(article.text, start, end)
    if match is None:
        return None
    found = parse_date_phrase(match.group(0), published)
    if found is None or found.precision != "day" or found.day > published:
        return None
    return found.value


def _through_channel(sentence: str) -> bool:
    """Whether the sentence names a channel the statement was made through, not one it is reported by."""
    return any(
        not _REPORTING.search(_CHANNEL.sub("", sentence[: match.start()])) for match in _CHANNEL.finditer(sentence)
    )

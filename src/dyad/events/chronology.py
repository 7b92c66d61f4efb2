"""The story's clock: undated events take the time the narrative has reached."""

from __future__ import annotations

from dyad.dates import iso_to_date
from dyad.records import Article, Event


def narrative_dates(events: list[Event], article: Article, lead_end: int) -> list[Event]:
    """Date asserted events that carry no date cue by the story's current time.

    News tells one day's happenings in order: an undated event takes the date of the last
    dated asserted event before it ("On Wednesday X met Y. During the talks, Y praised X").
    With none before it, an event in the lead is the day's news and takes the publication
    date (guide section 5). Historical events never move the story's time. Done after
    merging, so a cue in any mention wins.
    """
    current: tuple[str, str] | None = None
    dated = list(events)
    for index in sorted(range(len(events)), key=lambda i: events[i].evidence[0].start):
        event = events[index]
        if event.modality == "asserted" and event.date is not None and event.date_precision == "day":
            # only a day moves the story's clock: "signed a treaty in January" is background
            current = (event.date, "day")
        elif event.modality == "asserted" and event.date is None:
            if current is not None:
                dated[index] = event.model_copy(update={"date": current[0], "date_precision": current[1]})
            elif article.published and event.evidence[0].start < lead_end:
                _, precision = iso_to_date(article.published)
                dated[index] = event.model_copy(update={"date": article.published, "date_precision": precision})
    return dated

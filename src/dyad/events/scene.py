"""Where an article's events took place when their own sentence does not say: the scene
the story is at, and the city a wire story is filed from."""

from __future__ import annotations

from spacy.tokens import Doc

from dyad.actors.gazetteer import Gazetteer
from dyad.events.places import resolve_place
from dyad.records import Event, Location


def place_events(
    events: list[Event], doc: Doc, body: list[tuple[int, int]], lead_end: int, gazetteer: Gazetteer
) -> list[Event]:
    """Fill unplaced events from the story's scene, then from the dateline."""
    return dateline_scene(scene_locations(events), dateline_place(doc, body, gazetteer), lead_end)


def dateline_place(doc: Doc, body: list[tuple[int, int]], gazetteer: Gazetteer) -> Location | None:
    """'HAVANA, Feb 19 (Wire) -': the city a wire story is filed from."""
    for sentence in doc.sents:
        if not any(start <= sentence.start_char < end for start, end in body):
            continue
        text = sentence.text.strip()
        if text[-1:] in ("-", "–", "—") and text[:1].isupper() and "," in text:
            city = text.split(",")[0].split("/")[0].strip()
            return resolve_place(city.title(), gazetteer) if city.isupper() else None
        return None
    return None


def dateline_scene(events: list[Event], place: Location | None, lead_end: int) -> list[Event]:
    """The lead's news happened where the wire story was filed, unless it says otherwise:
    'MINSK, July 10 - Iran and Belarus signed a roadmap' took place in Minsk."""
    if place is None:
        return events
    return [
        event.model_copy(update={"location": place})
        if event.location is None and event.modality == "asserted" and event.evidence[0].start < lead_end
        else event
        for event in events
    ]


def scene_locations(events: list[Event]) -> list[Event]:
    """An unplaced event on the same day as the last placed one happened at the same scene:
    'Lavrov held talks with Kim in Wonsan on Saturday. Lavrov praised ...'."""
    scene: tuple[str, Location] | None = None
    placed = list(events)
    for index in sorted(range(len(events)), key=lambda i: events[i].evidence[0].start):
        event = events[index]
        if event.modality == "asserted" and event.date and event.location is not None:
            scene = (event.date, event.location)
        elif event.modality == "asserted" and event.location is None and scene and event.date == scene[0]:
            placed[index] = event.model_copy(update={"location": scene[1]})
    return placed

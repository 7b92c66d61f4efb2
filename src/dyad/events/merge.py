"""One event per happening within an article: a headline and a body sentence that report
one signing become one event with two evidence mentions (coding guide section 1)."""

from __future__ import annotations

from dyad.records import Entity, Event


def _dates_agree(first: Event, second: Event) -> bool:
    if first.date is None or second.date is None:
        return True
    shorter = min(len(first.date), len(second.date))
    return first.date[:shorter] == second.date[:shorter]


def _same_happening(first: Event, second: Event) -> bool:
    """Same type, modality and compatible dates, and either the same country set or, within
    one sentence, one set inside the other ("travelled to Minsk to discuss ...")."""
    same_sentence = _share_sentence(first, second)
    if first.type != second.type or first.modality != second.modality:
        return False
    if not same_sentence and not _dates_agree(first, second):
        return False  # within one sentence, two readings of one act may carry different dates
    if _opposed(first, second):
        return False  # "A accused B" and "B condemned A" are two events
    if first.countries() == second.countries():
        return True
    return same_sentence and (first.countries() <= second.countries() or second.countries() <= first.countries())


def _share_sentence(first: Event, second: Event) -> bool:
    return bool({e.start for e in first.evidence} & {e.start for e in second.evidence})


def _opposed(first: Event, second: Event) -> bool:
    """Both directed, and their actor sides differ: not one happening."""
    if not first.recipient or not second.recipient:
        return False
    return {e.country for e in first.actor} != {e.country for e in second.actor}


def _union(first: list[Entity], second: list[Entity]) -> list[Entity]:
    names = {(e.name or e.text, e.country) for e in first}
    return first + [e for e in second if (e.name or e.text, e.country) not in names]


def _combine(kept: Event, other: Event) -> Event:
    """Keep the first mention's reading; fill what it lacks from the later one."""
    evidence = sorted({*kept.evidence, *other.evidence}, key=lambda item: item.start)
    if len(other.countries()) > len(kept.countries()) or (other.mode == "visit" and kept.mode != "visit"):
        # the fuller reading leads; a visit's direction (visitor -> host) beats joint talks
        kept, other = other.model_copy(update={"id": kept.id}), kept
    if kept.mode == "visit" and kept.recipient:
        actor, recipient = kept.actor, kept.recipient  # directed: visitor and host only
    else:
        actor = _union(kept.actor, other.actor)
        named = {(a.name or a.text, a.country) for a in actor}
        recipient = [e for e in _union(kept.recipient, other.recipient) if (e.name or e.text, e.country) not in named]
    more_precise = other if (other.date and (not kept.date or len(other.date) > len(kept.date))) else kept
    return kept.model_copy(
        update={
            "evidence": evidence,
            "actor": actor,
            "recipient": recipient,
            "date": more_precise.date,
            "date_precision": more_precise.date_precision,
            "location": kept.location or other.location,
            "mode": kept.mode or other.mode,
            "context": sorted(set(kept.context) | set(other.context)),
            "reported_by": kept.reported_by or other.reported_by,
            "rules": kept.rules + [rule for rule in other.rules if rule not in kept.rules],
        }
    )


def merge_events(events: list[Event], within_sentence: bool = False) -> list[Event]:
    """Fold mentions of one happening together; `within_sentence` only those of one sentence
    (done before the story's clock dates them, so that a date cue in either reading wins)."""
    merged: list[Event] = []
    for event in events:
        for index, kept in enumerate(merged):
            if within_sentence and not _share_sentence(kept, event):
                continue
            if _same_happening(kept, event):
                merged[index] = _combine(kept, event)
                break
        else:
            merged.append(event)
    return merged

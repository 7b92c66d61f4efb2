"""Turn the words that fill a role (subject, object, 'by' agent) into resolved entities.

Rules, in order: the gazetteer (through the entity ruler's ids); coreference to an earlier
mention (surnames, pronouns, 'the Belarusian leader'); titles and appositions
('Belarusian Defense Minister X', 'X, president of party Y'); demonym or country + group
noun ('Cuban students'); organisations named after their country ('the Venezuelan
Ministry of Tourism').
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.actors.gazetteer import ActorEntry, Gazetteer
from dyad.records import Entity

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_COLLECTIVE_NOUNS = {
    "delegation", "team", "representatives", "representative", "officials", "official", "group",
    "mission", "members", "member", "head", "heads", "chief", "leaders", "envoys", "crew", "unit",
}  # fmt: skip
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_OWNER_DEPS = {"amod", "compound", "poss", "nmod"}


@dataclass(frozen=True)
class _PersonMention:
    token_index: int
    entity: Entity


class ActorResolver:
    """Resolves role phrases within one Doc, remembering people for coreference."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, day: dt.date | None = None) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.day = day
        self._people: list[_PersonMention] = []
        self._by_surname: dict[str, Entity] = {}
        self._cache: dict[tuple[int, int], Entity | None] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self.resolve_span(ent)

    # -- public -----------------------------------------------------------------------
    def resolve(self, head: Token) -> list[Entity]:
        """Entities for a role headed by `head`, including its conjuncts ('A and B')."""
        found: list[Entity] = []
        # "X, Secretary of ..., and Y": the parser hangs Y on X's apposition.
        appositive_conjuncts = [c for appos in head.children if appos.dep_ == "appos" for c in appos.conjuncts]
        for token in (head, *head.conjuncts, *appositive_conjuncts):
            for entity in self._resolve_head(token):
                if entity not in found:
                    found.append(entity)
        return found

    def resolve_span(self, ent: Span) -> Entity | None:
        key = (ent.start, ent.end)
        if key not in self._cache:
            self._cache[key] = self._resolve_ent(ent)
            entity = self._cache[key]
            if entity is not None and ent.label_ == "PERSON" and entity.country:
                self._remember_person(ent, entity)
        return self._cache[key]

    def owner(self, modifier: Token) -> Entity | None:
        """The government behind a modifier: 'the U.S. embargo', 'a Chinese donation'."""
        ent = _ent_of(modifier)
        if ent is None:
            return None
        if ent.label_ == "NORP":
            country = self.gazetteer.country_code(ent.text)
            entry = self.gazetteer.entries.get(f"country:{country}") if country else None
            if country is None:
                return None
            name = entry.name if entry else None
            return Entity(text=ent.text, name=name, country=country, sector="GOV", resolved_by="demonym")
        return self.resolve_span(ent)

    # -- heads ------------------------------------------------------------------------
    def _resolve_head(self, token: Token) -> list[Entity]:
        ent = _ent_of(token)
        if ent is not None and ent.label_ in _ACTOR_LABELS:
            if ent.label_ == "NORP":
                group = self._group(token)
                return [group] if group else []
            entity = self.resolve_span(ent)
            return [entity] if entity else []
        lowered = token.lower_
        if token.pos_ == "PRON":
            if lowered in _PERSON_PRONOUNS:
                antecedent = self._antecedent(token)
                return (
                    [antecedent.model_copy(update={"text": token.text, "resolved_by": "coref"})] if antecedent else []
                )
            return []
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        # "the Belarusian dictator Alexander Lukashenko", "his ally Miguel Díaz-Canel"
        named = [e for appos in token.children if appos.dep_ == "appos" for e in self._resolve_head(appos)]
        if named:
            return named
        if lowered in _COLLECTIVE_NOUNS or token.lemma_.lower() in _COLLECTIVE_NOUNS:
            return self._collective(token)
        group = self._group(token)
        return [group] if group else []

    def _collective(self, token: Token) -> list[Entity]:
        """'a delegation from the FAR, led by General X': the body and its leader."""
        found: list[Entity] = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                found += [e for pobj in child.children if pobj.dep_ == "pobj" for e in self.resolve(pobj)]
            elif child.dep_ in ("acl", "relcl") and child.lemma_ == "lead":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        found += [e for pobj in agent.children if pobj.dep_ == "pobj" for e in self.resolve(pobj)]
            elif child.dep_ in _OWNER_DEPS and child.dep_ != "compound":
                found += self._resolve_head(child)
        if not found:
            group = self._group(token)
            found = [group] if group else []
        return found

    def _group(self, token: Token) -> Entity | None:
        """Demonym or country + group or title noun: 'Cuban students', 'Cuba's government'."""
        lowered = token.lower_
        sector = self.gazetteer.group_nouns.get(lowered) or self.gazetteer.group_nouns.get(token.lemma_.lower())
        title_sector = self.gazetteer.titles.get(lowered) or self.gazetteer.titles.get(token.lemma_.lower())
        country = self._owner_country(token)
        ent = _ent_of(token)
        if ent is not None and ent.label_ == "NORP" and country is None:
            country = self.gazetteer.country_code(ent.text)
            sector = sector or "CVL"
        if country is None and title_sector and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # "The minister said ...": the last person named before
            antecedent = self._antecedent(token)
            if antecedent is not None:
                return antecedent.model_copy(
                    update={"text": self.doc[_left_edge(token) : token.i + 1].text, "resolved_by": "coref"}
                )
        if country is None or not (sector or title_sector):
            return None
        text = self.doc[_left_edge(token) : token.i + 1].text
        if title_sector:
            person = self._person_of_country(country, token.i)
            if person is not None:
                return person.model_copy(update={"text": text, "resolved_by": "coref"})
        return Entity(text=text, name=None, country=country, sector=sector or title_sector, resolved_by="demonym")

    def _owner_country(self, token: Token) -> str | None:
        for child in token.children:
            if child.dep_ in _OWNER_DEPS or (child.dep_ == "prep" and child.lower_ == "of"):
                target = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is None:
                    continue
                ent = _ent_of(target)
                text = ent.text if ent is not None else target.text
                code = self.gazetteer.country_code(text) or self._entry_country(ent)
                if code:
                    return code
        return None

    def _entry_country(self, ent: Span | None) -> str | None:
        if ent is None:
            return None
        entry = self._entry(ent)
        return entry.country if entry and entry.kind in ("country", "capital", "place") else None

    # -- named entities ---------------------------------------------------------------
    def _entry(self, ent: Span) -> ActorEntry | None:
        if ent.ent_id_ and ent.ent_id_ in self.gazetteer.entries:
            return self.gazetteer.entries[ent.ent_id_]
        return self.gazetteer.find(ent.text.removesuffix("'s").removesuffix("’s"))

    def _resolve_ent(self, ent: Span) -> Entity | None:
        if _is_dateline(ent):
            return None
        text = ent.text.removesuffix("'s").removesuffix("’s").strip()
        entry = self._entry(ent)
        if entry is not None:
            return Entity(
                text=text, name=entry.name, country=entry.country, sector=entry.sector_on(self.day),
                resolved_by="gazetteer",
            )  # fmt: skip
        if ent.label_ == "PERSON":
            earlier = self._by_surname.get(ent[-1].lower_)
            if earlier is not None:
                return earlier.model_copy(update={"text": text, "resolved_by": "coref"})
            return self._titled_person(ent, text)
        if ent.label_ == "ORG":
            return self._organisation(ent, text)
        return None

    def _titled_person(self, ent: Span, text: str) -> Entity | None:
        """A person outside the gazetteer, known by the title and country around the name."""
        title_tokens = [t for t in ent.root.children if t.i < ent.start and t.dep_ in _OWNER_DEPS]
        title_tokens += [t for t in ent if t.lower_ in self.gazetteer.titles]
        if ent.root.dep_ == "appos":
            title_tokens.append(ent.root.head)
        title_tokens += [t for t in ent.root.children if t.dep_ == "appos"]
        sector, country = None, None
        for title in title_tokens:
            phrase = self.doc[_left_edge(title) : title.i + 1]
            for candidate in _title_candidates(phrase):
                sector = sector or self.gazetteer.titles.get(candidate)
            org_sector, org_country = self._of_organisation(title)
            sector = org_sector or sector
            country = country or org_country or self._owner_country(title) or _country_in(phrase, self.gazetteer)
        if sector is None and country is None:
            return None
        return Entity(text=text, name=ent.text, country=country, sector=sector, resolved_by="title")

    def _of_organisation(self, title: Token) -> tuple[str | None, str | None]:
        """'president of the Belarusian party Belaya Rus' takes the party's sector and country."""
        for prep in title.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at"):
                for pobj in prep.children:
                    ent = _ent_of(pobj)
                    if ent is not None and ent.label_ == "ORG":
                        org = self.resolve_span(ent)
                        if org is not None:
                            return org.sector, org.country
                    group = self._group(pobj) if ent is None or ent.label_ == "NORP" else None
                    if group is not None:  # "of the Belarusian army", "for the Cuban Interior Ministry"
                        return group.sector, group.country
                    nested = self._of_organisation(pobj)
                    if nested != (None, None):
                        return nested
        return None, None

    def _organisation(self, ent: Span, text: str) -> Entity | None:
        country = _country_in(ent, self.gazetteer) or self._owner_country(ent.root)
        sectors = [self.gazetteer.group_nouns[t.lower_] for t in ent if t.lower_ in self.gazetteer.group_nouns]
        words = [t.lower_ for t in ent]
        for first, second in itertools.pairwise(words):  # "Ministry of Health" = "health ministry"
            if first == "ministry" or second == "ministry":
                topic = second if first == "ministry" else first
                sectors.insert(0, self.gazetteer.group_nouns.get(f"{topic} ministry") or "GOV")
        for token in ent:
            if token.lower_ in ("of",) and token.i + 1 < ent.end:
                sectors.insert(0, self.gazetteer.group_nouns.get(f"{ent.doc[token.i + 1].lower_} ministry") or "")
        sector = next((s for s in sectors if s and s != "GOV"), None) or next((s for s in sectors if s), None)
        if country is None:
            return None
        return Entity(text=text, name=ent.text.removeprefix("the "), country=country, sector=sector, resolved_by="org")

    # -- coreference ------------------------------------------------------------------
    def _remember_person(self, ent: Span, entity: Entity) -> None:
        self._people.append(_PersonMention(ent.start, entity))
        canonical = entity.name or ent.text
        self._by_surname.setdefault(canonical.split()[-1].lower(), entity)
        self._by_surname.setdefault(ent[-1].lower_, entity)

    def _antecedent(self, pronoun: Token) -> Entity | None:
        """The last person before the pronoun; for a possessive in a fronted phrase with no
        person before it in its sentence ('During his visit, X ...'), the first person after."""
        sentence = pronoun.sent
        before = [m for m in self._people if m.token_index < pronoun.i]
        fronted = pronoun.dep_ == "poss" and pronoun.i < sentence.root.i
        if fronted and not any(m.token_index >= sentence.start for m in before):
            after = [m for m in self._people if pronoun.i < m.token_index < sentence.end]
            if after:
                return after[0].entity
        return before[-1].entity if before else None

    def _person_of_country(self, country: str, index: int) -> Entity | None:
        for mention in reversed(self._people):
            if mention.token_index < index and mention.entity.country == country and mention.entity.name:
                return mention.entity
        return None


def _ent_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _is_dateline(ent: Span) -> bool:
    """'MOSCOW, April 15 (GDA) -' names where the story was filed, not an actor."""
    followed_by_comma = ent.end < len(ent.doc) and ent.doc[ent.end].text == ","
    return ent.start == ent.sent.start and ent.text.isupper() and len(ent.text) > 3 and followed_by_comma


def _left_edge(token: Token) -> int:
    """Start of the noun phrase's modifiers before the head (det, amod, compound, poss)."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod"):
            start = min(start, child.left_edge.i)
    return start


def _title_candidates(phrase: Span) -> list[str]:
    """Word n-grams of a title phrase, longest first: 'defense minister' before 'minister'."""
    words = [t.lower_ for t in phrase if not t.is_punct]
    grams = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    return sorted(grams, key=len, reverse=True)


def _country_in(span: Span, gazetteer: Gazetteer) -> str | None:
    for token in span:
        code = gazetteer.country_code(token.text)
        if code:
            return code
    for ent in span.ents:
        entry = gazetteer.find(ent.text)
        if entry is not None and entry.kind in ("country", "capital"):
            return entry.country
    return None

"""Demonym or country + group noun ('Cuban students', 'Cuba's government'), collectives ('a
delegation from the FAR'), bodies placed by context or by a place ('a court in Managua'), and the
countries a phrase's modifiers name: the group rules of ActorResolver, split out to keep
resolve.py readable in one sitting."""

from __future__ import annotations

from spacy.tokens import Token

from dyad.actors.coreference import _in_subject
from dyad.actors.gazetteer import actor_words
from dyad.actors.words import (
    _CONTEXT_SECTORS,
    _CONTEXT_TITLE_SECTORS,
    _NO_ENTRY,
    _NOT_WORDS,
    _OWNER_DEPS,
    _PLACE_NOUNS,
    _PLACE_REFERENCES,
    _SPOKES_NOUNS,
    _definite,
    _is_norp,
    _left_edge,
    _Mention,
    _national_body,
    _specific_title_words,
)
from dyad.records import Entity

# "US-owned companies", "Iranian-backed militias": the country owns or stands behind them
_OWNERSHIP_PARTICIPLES = actor_words("ownership_participles")
# "the DPP authorities": nouns for the government a party named on them runs
_RULING_NOUNS = actor_words("ruling_nouns")


# "insurgents who attacked villages in Mali", "gangs that roam across the country"
_PLACE_PREPOSITIONS = actor_words("place_prepositions")
_TERRITORY_NOUNS = actor_words("territory_nouns")
# "seized the property of 135 people": taking people's goods or rights, like holding them
_DEPRIVATION_VERBS = actor_words("deprivation_verbs")
# Sectors that rise against their own state: rebels and the opposition
_DOMESTIC_FOES = frozenset(["REB", "OPP"])
# Who holds people for a state: its government, forces, police and courts
_STATE_HOLDERS = frozenset(["GOV", "MIL", "COP", "JUD"])


class GroupsMixin:
    """Group-noun, collective and owner-country rules; mixed into ActorResolver."""

    def _demonym(self, token: Token) -> list[Entity]:
        """A demonym modifying a group noun resolves with that noun, each conjunct with the shared
        head ('Cuban and Belarusian students'); a demonym alone is its people ('the Cubans')."""
        first = token
        while first.dep_ == "conj" and _is_norp(self._ent(first.head)):
            first = first.head
        head = first.head
        if first.dep_ in ("amod", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN") and self._ent(head) is None:
            code = self.gazetteer.country_code(self._ent(token).text)
            groups = self._resolve_head(head)
            if groups:
                return sorted(groups, key=lambda entity: entity.country != code)  # this demonym's first
        return self._groups(token)

    def _collective(self, token: Token) -> list[Entity]:
        """'a delegation from the FAR, led by General X': the body and its leader. A body that is
        only a country ('officers of Cuba') leaves the sector to the head noun."""
        bodies: list[Entity] = []
        countries: list[Entity] = []
        leaders: list[Entity] = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    found = self.resolve(pobj)
                    (countries if self._names_a_country(pobj) else bodies).extend(found)
            elif child.dep_ in ("acl", "relcl") and child.lemma_ in ("lead", "head", "chair"):
                for agent in child.children:
                    if agent.dep_ == "agent":
                        leaders += [e for pobj in agent.children if pobj.dep_ == "pobj" for e in self.resolve(pobj)]
            elif child.dep_ in _OWNER_DEPS and child.dep_ != "compound" and not _is_norp(self._ent(child)):
                bodies += self._resolve_head(child)  # "Lukashenko's delegation"; a demonym is the group rule's
        if leaders:
            # "a delegation of the Russian Defence Ministry headed by Deputy Minister X": a leader
            # known only by title belongs to the body he leads, not to the story's country
            body_country = next((b.country for b in bodies if b.country and b.resolved_by != "context"), None)
            if body_country:
                leaders = [
                    e.model_copy(update={"country": body_country}) if e.resolved_by == "context" or not e.country else e
                    for e in leaders
                ]
            bodies += leaders
        if bodies:
            # "A Chinese government delegation led by Vice Minister Liu": the body is Chinese,
            # and so is a leader the text gives no country
            group = self._groups(token, preps=()) if self._owner_countries(token, preps=()) else []
            if group and group[0].country:
                bodies = [b if b.country else b.model_copy(update={"country": group[0].country}) for b in bodies]
                seen = {(group[0].country, group[0].sector)}
                return [group[0], *[b for b in bodies if (b.country, b.sector) not in seen]]
            return bodies
        return self._groups(token, preps=("of", "from")) or countries

    def _groups(self, token: Token, preps: tuple[str, ...] = ("of",)) -> list[Entity]:
        """Demonym or country + group or title noun: 'Cuban students', 'Cuba's government', one
        entity per conjoined country ('Cuban and Belarusian students'); with no country, a
        definite title or organisation noun refers back ('The minister', 'The party')."""
        owners = self._owner_countries(token, preps)
        ent = self._ent(token)
        if not owners and _is_norp(ent):
            code = self.gazetteer.country_code(ent.text)
            owners = [(code, token)] if code else []
        # "the Saudi-led coalition": the participle is part of what the group is ('led coalition')
        before = [
            t.i - 1 if t.lemma_.lower() in _OWNERSHIP_PARTICIPLES else t.right_edge.i
            for _, t in owners
            if t.i < token.i
        ]
        start = max(before) + 1 if before else _left_edge(token)
        sector, is_title = self._phrase_sector(token, start)
        if not owners and is_title:
            # "a spokesman for U.N. Secretary-General Guterres": speaks for that body
            principal = self._principal(token)
            if principal is not None:
                return [principal]
        if not owners:
            reference = self._definite_reference(token, is_title)
            local = sector in _CONTEXT_SECTORS or _national_body(token, sector)
            # "a judge in Miami", "a police officer": an unnamed one, where the story is
            if reference is None and local and (not is_title or not _definite(token)):
                reference = self._in_context(token, start, sector)
            if reference is None and is_title and sector in _CONTEXT_TITLE_SECTORS and _specific_title_words(token):
                # "the transport minister" nobody was introduced as: the story's own
                reference = self._in_context(token, start, sector)
            body_noun = token.lower_ in self.gazetteer.group_nouns or token.lemma_.lower() in self.gazetteer.group_nouns
            body_noun = body_noun and token.lemma_.lower() not in ("side", "party")  # "the two sides in Addis"
            if reference is None and sector is not None and not is_title and body_noun:
                # "the government in Port Sudan": any body that the text places somewhere
                reference = self._placed(token, start, sector)
            return [reference] if reference is not None else []
        igo_owned = all(self._is_igo(modifier) for _, modifier in owners)
        if sector is None:
            if igo_owned:  # "the IAEA chief": an international body's officer is that body
                sector = "IGO"
            elif not _is_norp(ent):
                return []
            else:
                sector = "CVL"  # "the Cubans", "Belarusians"
        phrase = self.doc[_left_edge(token) : token.i + 1].text
        head_words = " ".join(t.text for t in self.doc[start : token.i + 1] if t.dep_ not in _NOT_WORDS)
        found: list[Entity] = []
        for country, modifier in owners:
            if len(owners) == 1:
                text = phrase
            elif modifier.i > token.i:  # "the governments of Venezuela and Nicaragua"
                text = f"{phrase} of {self._modifier_text(modifier)}"
            else:  # "Cuban and Belarusian students"
                text = f"{self._modifier_text(modifier)} {head_words}"
            igo = self._is_igo(modifier)
            entity = Entity(
                text=text, name=None, country=country, sector="IGO" if igo else sector, resolved_by="demonym"
            )
            if is_title and _definite(token):  # "the Belarusian leader": the leader named before
                person = self._person_of_country(country, token.i, sector)
                if person is not None:
                    entity = person.model_copy(update={"text": text, "resolved_by": "coref"})
            if entity not in found:
                found.append(entity)
        return found

    def _principal(self, token: Token) -> Entity | None:
        if token.lemma_.lower() not in _SPOKES_NOUNS:
            return None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
                for pobj in prep.children:
                    found = [e for e in self.resolve(pobj) if e.country] if pobj.dep_ == "pobj" else []
                    if found:
                        text = self.doc[_left_edge(token) : pobj.right_edge.i + 1].text
                        speaker = found[0].model_copy(update={"text": text, "resolved_by": "title"})
                        if not any(m.token_index == token.i for m in self._people):
                            self._people.append(_Mention(token.i, speaker))  # "The spokesman warned ..."
                            self._people.sort(key=lambda m: m.token_index)
                        return speaker
        return None

    def _in_context(self, token: Token, start: int, sector: str) -> Entity | None:
        """A body the text names without a country ('police detained ...', 'a court in Managua')
        belongs to the place it sits in, else to the country the story is about."""
        country = None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from", "on"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if prep.lower_ == "on" and (pobj is None or pobj.lemma_.lower() not in _TERRITORY_NOUNS):
                    continue  # "a depot on Russian territory", not "a report on Chile"
                country = self._place_country(pobj) if pobj is not None else None
                if country:
                    break
        if country is None and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
            country = self._recent_country(token)  # "Cuba and its people": the country just named owns them
        if country is None and sector in ("GOV", "MIL") and _national_body(token, sector) and _in_subject(token):
            country = self._state_before(token.i)  # "The ministry said": the state that spoke last
        if country is None and sector in _DOMESTIC_FOES:
            country = self._opposed_state(token)
        if country is None and sector not in ("GOV", "MIL"):
            country = self._custodian_country(token) or self._acts_in(token)
        country = country or self.home_country
        if country is None:
            return None
        text = self.doc[start : token.i + 1].text
        return Entity(text=text, name=None, country=country, sector=sector, resolved_by="context")

    def _opposed_state(self, token: Token) -> str | None:
        """'opposition factions against Assad's government', 'rebels fighting the junta in
        Niamey': rebels and opponents with no country of their own rise against their own
        state, not the story's."""
        heads = [token]
        heads += [c for c in token.children if c.dep_ in ("relcl", "acl")]  # "rebels fighting X"
        for head in heads:
            targets = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "against" for p in c.children]
            targets += [o for o in head.children if o.dep_ == "dobj"] if head is not token else []
            for target in targets:
                found = [e for e in self.resolve(target) if e.country and len(e.country) == 3]
                if found and found[0].sector in ("GOV", "MIL"):
                    return found[0].country
        return None

    def _acts_in(self, token: Token) -> str | None:
        """Where a group the text names with no country acts, told in its own clause:
        'insurgents who have seized towns across the country' (the country just named),
        'gangs that roam in Haiti', or in the clause it is the subject of ('Insurgents have
        killed thousands in Mali')."""
        clauses = [c for c in token.children if c.dep_ in ("relcl", "acl")]
        if token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX"):
            clauses.append(token.head)
            if token.head.dep_ == "advcl" and any(c.lower_ == "when" for c in token.head.children):
                # "suffered a setback in Syria when rebels toppled ...": the 'when' clause
                # happened where its main clause did
                clauses.append(token.head.head)
        # "killed thousands in Mali": the parse hangs the place on the object
        clauses += [o for c in clauses for o in c.children if o.dep_ == "dobj"]
        for clause in clauses:
            for prep in clause.children:
                if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPOSITIONS:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if pobj.lower_ in _PLACE_REFERENCES and _definite(pobj):
                        country = self._recent_country(pobj)
                    else:
                        country = self._place_country(pobj)
                    if country and len(country) == 3:
                        return country
        return None

    def _custodian_country(self, token: Token) -> str | None:
        """People a state frees, arrests or jails, named with no country, are that state's:
        'Nicaragua freed priests and students', 'students were detained by Cuban police'; not
        the country the story names most (a story on a release names the receiving country)."""
        first = token
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        verb = first.head
        if first.dep_ == "pobj" and verb.lower_ == "of":
            verb = verb.head  # "Nicaragua's release of 222 priests"
            if verb.dep_ in ("dobj", "nsubjpass") and verb.head.lemma_.lower() in _DEPRIVATION_VERBS:
                # "seized the property of 135 people": whose goods or rights a state takes
                verb = verb.head
        elif first.dep_ not in ("dobj", "nsubjpass"):
            return None
        if verb.lemma_.lower() not in self.gazetteer.custody_verbs | _DEPRIVATION_VERBS:
            return None
        holders = [c for c in verb.children if c.dep_ == "nsubj"]
        if not holders and verb.dep_ == "conj":  # "it was revoking ... and seizing ...": a shared subject
            holders = [c for c in verb.head.children if c.dep_ == "nsubj"]
        holders += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        holders += [c for c in verb.children if c.dep_ == "poss"]  # "Nicaragua's release of ..."
        for holder in holders:
            if holder.pos_ == "PRON" and holder.lower_ not in ("it", "they"):
                continue
            found = [e for e in self.resolve(holder) if e.country and len(e.country) == 3]
            if found and found[0].sector in _STATE_HOLDERS:
                return found[0].country
        return None

    def _placed(self, token: Token, start: int, sector: str) -> Entity | None:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "on"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if prep.lower_ == "on" and (pobj is None or pobj.lemma_.lower() not in _TERRITORY_NOUNS):
                    continue  # "a refinery on Russian soil", not "a company on the list"
                country = self._place_country(pobj) if pobj is not None else None
                if country:
                    text = self.doc[start : pobj.right_edge.i + 1].text
                    return Entity(text=text, name=None, country=country, sector=sector, resolved_by="context")
        return None

    def _place_country(self, token: Token) -> str | None:
        """The country of a place: a country, capital or seat of power, else a city the
        gazetteer does not list ('in Gomel'); 'the city of Rasht' is Rasht."""
        if token.lemma_.lower() in _TERRITORY_NOUNS:
            return self._owner_country(token)  # "on Russian territory", "on Iraqi soil"
        if token.lemma_.lower() in _PLACE_NOUNS:
            named = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            return next((code for p in named if p.dep_ == "pobj" and (code := self._place_country(p))), None)
        country = self._country_of(token)
        if country is not None or token.pos_ != "PROPN":
            return country
        ent = self._ent(token)
        return self.gazetteer.city_country(ent.text if ent is not None else token.text)

    def _is_igo(self, modifier: Token) -> bool:
        ent = self._ent(modifier)
        return ent is not None and (self._entry(ent) or _NO_ENTRY).sector == "IGO"

    def _group(self, token: Token) -> Entity | None:
        groups = self._groups(token)
        return groups[0] if groups else None

    def _owner_countries(self, token: Token, preps: tuple[str, ...] = ("of",)) -> list[tuple[str, Token]]:
        """Countries named by the phrase's modifiers, each conjunct on its own: 'Cuban and
        Belarusian', 'Cuba's', 'the Belarusian State University', 'of Venezuela and Nicaragua'."""
        found: list[tuple[str, Token]] = []
        for child in token.children:
            if child.dep_ in _OWNER_DEPS:
                targets, nested = [child, *child.conjuncts], True
            elif child.dep_ == "prep" and child.lower_ in preps:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                targets, nested = ([pobj, *pobj.conjuncts] if pobj is not None else []), False
            else:
                continue
            for target in targets:
                named = self._ent(target)
                # a compound inside the same name ('Foreign' in 'Foreign Ministry') owns nothing
                outside = named is None or not named.start <= token.i < named.end
                if target.lower_ in self.gazetteer.remit_nouns:
                    continue  # "the Taiwan Affairs Office": what the office deals with, not its owner
                code = self._country_of(target)
                if code is None and (target.dep_ == "poss" or (target.dep_ == "compound" and nested and outside)):
                    # "Maduro's regime", "the Trump administration": the leader's country's
                    code = self._leader_country(target)
                if code is None and target.dep_ == "poss" and {token.lower_, token.lemma_.lower()} & _RULING_NOUNS:
                    code = self._pronoun_leader_country(target)
                if (
                    code is None
                    and outside
                    and target.dep_ in ("poss", "compound")
                    and {token.lower_, token.lemma_.lower()} & _RULING_NOUNS
                ):
                    code = self._ruling_party_country(target)
                if code is None and nested and target.dep_ in ("compound", "poss"):
                    # "the Serbian government's Office for Kosovo": the owner's owner
                    inner = self._owner_countries(target, ())
                    found += [pair for pair in inner if pair not in found]
                elif code is None and nested and target.lemma_.lower() in _OWNERSHIP_PARTICIPLES:
                    # "US-owned companies", "Iranian-backed militias"
                    owners = [c for c in target.children if c.dep_ in ("npadvmod", "compound", "amod", "nmod")]
                    code = next((self._country_of(c) for c in owners if self._country_of(c)), None)
                    if code is not None and all(code != c for c, _ in found):
                        found.append((code, target))
                elif code is not None and all(code != c for c, _ in found):
                    found.append((code, target))
        return found

    def _ruling_party_country(self, modifier: Token) -> str | None:
        """'the DPP authorities', 'the ANC government': a party named on a government noun is
        the party in power, and the body is its country's government (GOV), not the party."""
        ent = self._ent(modifier)
        if ent is None or ent.label_ not in ("ORG", "NORP"):
            return None
        party = self.resolve_span(ent)
        if party is None or party.sector not in ("PTY", "OPP") or not party.country or len(party.country) != 3:
            return None
        return party.country

    def _leader_country(self, possessor: Token) -> str | None:
        """'Mr Bennett's government', 'Maduro's regime': a named person who owns a body leads
        it, and it is that person's country's, not the story's."""
        ent = self._ent(possessor)
        if ent is None or ent.label_ != "PERSON":
            return None
        person = self.resolve_span(ent)
        if person is None or not person.country or person.resolved_by == "context" or len(person.country) != 3:
            return None
        return person.country

    def _pronoun_leader_country(self, possessor: Token) -> str | None:
        """'Prime Minister X said his government ...': a government, administration or cabinet
        owned by 'his'/'her' is the one led by the official the pronoun points back to, so it
        takes that official's country, not the country named last."""
        if possessor.pos_ != "PRON" or possessor.lower_ not in ("his", "her"):
            return None
        found = [e for e in self._pronoun(possessor) if e.country and e.name]
        if len(found) != 1 or found[0].sector != "GOV" or len(found[0].country) != 3:
            return None
        return found[0].country

    def _owner_country(self, token: Token) -> str | None:
        owners = self._owner_countries(token)
        return owners[0][0] if owners else None

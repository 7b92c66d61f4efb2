"""Turn the words that fill a role (subject, object, 'by' agent) into resolved entities.

Rules, in order: the gazetteer (through the entity ruler's ids); coreference to an earlier
mention (surnames, pronouns, 'the Belarusian leader', 'the party', 'it'); titles and
appositions ('Belarusian Defense Minister X', 'X, president of party Y'); demonym or
country + group noun ('Cuban students', 'Cuban and Belarusian students', 'Belarusian
border guards'); members of a named body ('Agents of the MININT'); organisations named
after their country ('the Venezuelan Ministry of Tourism').
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.actors.gazetteer import ActorEntry, Gazetteer
from dyad.records import Entity

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
# Heads whose identity is the body named after them: "a delegation from the FAR",
# "Agents of the MININT", "Member states of ALBA".
_COLLECTIVE_NOUNS = {
    "delegation", "team", "representatives", "representative", "officials", "official", "group",
    "mission", "members", "member", "head", "heads", "chief", "leaders", "envoys", "crew", "unit",
    "agents", "agent", "officers", "officer", "staff", "personnel", "employees", "employee", "states",
    "countries", "nations", "soldiers", "troops", "specialists", "experts", "fighters", "units",
    "delegates", "delegate", "executives",
}  # fmt: skip
# "his ally": another person than the one the possessive points to.
_RELATIONAL_NOUNS = {"ally", "counterpart", "host", "guest", "friend", "partner", "colleague", "rival"}
# "It is expected that ...", "It seems ...": subjects that refer to nothing.
_EXPLETIVE_VERBS = {"be", "seem", "appear", "become", "remain", "take", "matter", "happen", "rain"}
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# What the small model calls names it does not take for actors ("Petroecuador" as a PRODUCT)
_NOT_ACTOR_LABELS = {"", "PRODUCT", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT"}
_OWNER_DEPS = {"amod", "compound", "poss", "nmod"}
_NOT_WORDS = {"det", "case", "punct", "poss", "cc", "predet"}
_DATELINE_MAX_TOKENS = 14


@dataclass(frozen=True)
class _Mention:
    token_index: int
    entity: Entity


class ActorResolver:
    """Resolves role phrases within one Doc, remembering people and organisations for coreference."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, day: dt.date | None = None) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.day = day
        self._people: list[_Mention] = []
        self._organisations: list[_Mention] = []
        self._by_surname: dict[str, Entity] = {}
        # "Liu Peng ... Liu said": names that put the family name first
        self._by_first_name: dict[str, Entity] = {}
        self._cache: dict[tuple[int, int], Entity | None] = {}
        self._org_spans: set[tuple[int, int]] = set()  # names the model tagged PERSON, read as bodies
        self._absorbed: set[int] = set()  # words that run on a name the model cut short
        # token index -> its entity, so that each lookup is O(1) instead of a scan of doc.ents
        self._ent_at: list[Span | None] = [None] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self._ent_at[i] = ent
        self.home_country = self._home_country()
        # "the Rapid Support Forces (RSF)": the article's own definition beats the gazetteer's RSF
        self._acronyms: dict[str, Span] = {}
        for ent in doc.ents:
            after = doc[ent.end : ent.end + 3]
            if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].text.isupper():
                self._acronyms.setdefault(after[1].text, ent)
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG"):
                self.resolve_span(ent)
        for token in doc:  # "a spokesman for the Kremlin" is a person 'the spokesman' can refer to
            if token.lemma_.lower() in _SPOKES_NOUNS and token.pos_ == "NOUN":
                self._principal(token)
        self._remember_unnamed_bodies()

    def _remember_unnamed_bodies(self) -> None:
        """Names of bodies the model tags as nothing ('Belarusian State University', 'the
        Cuban Ministry of Higher Education') are antecedents too: 'The university will ...'."""
        for token in self.doc:
            if token.pos_ != "PROPN" or self._ent_at[token.i] is not None or token.dep_ == "compound":
                continue
            if not token.text[:1].isupper() or token.lemma_.lower() not in self.gazetteer.org_nouns:
                continue
            found = [e for e in self._groups(token) if e.country and e.sector and e.resolved_by != "coref"]
            if found:
                self._organisations.append(_Mention(token.i, found[0]))
        self._organisations.sort(key=lambda mention: mention.token_index)

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
        """The entity for a named-entity span, cached; people and organisations are remembered."""
        key = (ent.start, ent.end)
        if key not in self._cache:
            self._cache[key] = self._resolve_ent(ent)
            entity = self._cache[key]
            if entity is not None and entity.country:
                if key in self._org_spans or (ent.label_ == "ORG" and self._is_organisation(ent, entity)):
                    self._organisations.append(_Mention(ent.start, entity))
                elif ent.label_ == "PERSON":
                    self._remember_person(ent, entity)
        return self._cache[key]

    def names_country(self, token: Token) -> bool:
        """Whether the token names a country itself (not a city or a capital)."""
        ent = self._ent(token)
        entry = self._entry(ent) if ent is not None else None
        return entry is not None and entry.kind == "country"

    def owner(self, modifier: Token) -> Entity | None:
        """The government behind a modifier: 'the U.S. embargo', 'a Chinese donation'."""
        ent = self._ent(modifier)
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
    def _ent(self, token: Token) -> Span | None:
        return self._ent_at[token.i] if token.doc is self.doc else _ent_of(token)

    def _resolve_head(self, token: Token) -> list[Entity]:
        if token.i in self._absorbed and token.doc is self.doc:
            return []  # part of the name before it ("US Customs and [Border Protection]")
        ent = self._ent(token)
        if ent is not None and ent.label_ in _ACTOR_LABELS:
            if ent.label_ == "NORP" and (self.gazetteer.country_code(ent.text) or not self._description(ent)[2]):
                return self._demonym(token)
            if ent.label_ == "NORP":  # "the state oil company Petroandina": no demonym, a body
                body = self._organisation(ent, ent.text)
                return [body] if body is not None else []
            entity = self.resolve_span(ent)
            return [entity] if entity else []
        if token.pos_ == "DET":
            return self._determined_name(token)
        if token.pos_ == "PRON":
            return self._pronoun(token)
        if token.lower_ in _QUANTITY_WORDS or token.pos_ == "NUM":
            # "Tens of thousands of Nicaraguans marched": the people counted
            counted = [
                p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children
            ]
            found = [e for pobj in counted if pobj.dep_ == "pobj" for e in self._resolve_head(pobj)]
            if found:
                return found
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        earlier = self._by_surname.get(token.lower_) if token.pos_ == "PROPN" and not token.ent_type_ else None
        if earlier is not None and token.text[:1].isupper():  # "Petrov praised the talks", tagged as nothing
            return [earlier.model_copy(update={"text": token.text, "resolved_by": "coref"})]
        if token.pos_ == "PROPN" and token.ent_type_ in _NOT_ACTOR_LABELS:
            # "Transmetro, the state bus company": a name the model tags as nothing, described
            name = self.doc[_left_edge(token) : token.i + 1] if token.doc is self.doc else None
            if name is not None and self._description(name)[2]:
                body = self._organisation(name, name.text.removeprefix("the ").removeprefix("The "))
                return [body] if body is not None else []
        # "the Belarusian dictator Alexander Lukashenko", "his ally Miguel Díaz-Canel"
        named = [e for appos in token.children if appos.dep_ == "appos" for e in self._resolve_head(appos)]
        if named:
            return named
        if token.lemma_.lower() in _RELATIONAL_NOUNS and not self._owner_countries(token):
            other = self._relational(token)
            if other is not None:
                return [other]
        if token.lower_ in _COLLECTIVE_NOUNS or token.lemma_.lower() in _COLLECTIVE_NOUNS:
            return self._collective(token)
        if token.lower_ in _PLACE_REFERENCES and _definite(token) and not self._owner_countries(token):
            country = self._recent_country(token) or self.home_country
            if country:  # "help the island modernise", "the country's leadership"
                text = self.doc[_left_edge(token) : token.i + 1].text
                return [Entity(text=text, name=None, country=country, sector="GOV", resolved_by="coref")]
        return self._groups(token)

    def _determined_name(self, determiner: Token) -> list[Entity]:
        """'The FAR held ...' parsed with 'The' on another word: the name right after it."""
        following = determiner.i + 1
        if determiner.lower_ not in ("the", "a", "an") or following >= len(self.doc):
            return []
        ent = self._ent(self.doc[following])
        if ent is None or ent.start != following or ent.label_ not in _ACTOR_LABELS:
            return []
        return self._resolve_head(ent.root)

    def _pronoun(self, pronoun: Token) -> list[Entity]:
        """'he'/'she' is the last person named; a subject 'it' the last organisation."""
        lowered = pronoun.lower_
        antecedent = None
        if lowered in _PERSON_PRONOUNS:
            antecedent = self._antecedent(pronoun)
        elif lowered == "it" and pronoun.dep_ in ("nsubj", "nsubjpass") and not _expletive(pronoun):
            # only as far back as the previous sentence: 'it' is as often a thing as a body
            sentence = pronoun.sent
            since = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
            antecedent = self._organisation_before(pronoun.i, since=since)
            country = self._country_before(pronoun.i, since)
            if country is not None and (antecedent is None or country[0] > self._last_organisation_index(pronoun.i)):
                antecedent = country[1]  # "the United States ... the sanctions it has imposed"
        if antecedent is None:
            return []
        return [antecedent.model_copy(update={"text": pronoun.text, "resolved_by": "coref"})]

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
        before = [t.right_edge.i for _, t in owners if t.i < token.i]
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
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                country = self._place_country(pobj) if pobj is not None else None
                if country:
                    break
        country = country or self.home_country
        if country is None:
            return None
        text = self.doc[start : token.i + 1].text
        return Entity(text=text, name=None, country=country, sector=sector, resolved_by="context")

    def _placed(self, token: Token, start: int, sector: str) -> Entity | None:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                country = self._place_country(pobj) if pobj is not None else None
                if country:
                    text = self.doc[start : pobj.right_edge.i + 1].text
                    return Entity(text=text, name=None, country=country, sector=sector, resolved_by="context")
        return None

    def _place_country(self, token: Token) -> str | None:
        """The country of a place: a country, capital or seat of power, else a city the
        gazetteer does not list ('in Gomel'); 'the city of Rasht' is Rasht."""
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

    def _recent_country(self, token: Token) -> str | None:
        """The country named last before the token, in its sentence or the one before."""
        sentence = token.sent
        start = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        for ent in reversed([e for e in self.doc.ents if start <= e.start < token.i and e.label_ == "GPE"]):
            entry = self._entry(ent)
            if entry is not None and entry.kind == "country":
                return entry.country
        return None

    def _country_before(self, index: int, since: int) -> tuple[int, Entity] | None:
        """The last country named as a subject or object before `index`, and where."""
        for ent in reversed([e for e in self.doc.ents if since <= e.start < index and e.label_ == "GPE"]):
            entry = self._entry(ent)
            if (
                entry is not None
                and entry.kind == "country"
                and ent.root.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass")
            ):
                entity = Entity(
                    text=ent.text, name=entry.name, country=entry.country, sector="GOV", resolved_by="coref"
                )
                return ent.start, entity
        return None

    def _last_organisation_index(self, index: int) -> int:
        earlier = [m.token_index for m in self._organisations if m.token_index < index]
        return earlier[-1] if earlier else -1

    def _home_country(self) -> str | None:
        """The country a story is about: the one it names most often. The dateline's country
        is one vote more, and wins a tie: 'MINSK - Parliament ratified the agreement with
        Russia' is a Belarusian story, but a story filed in Seoul that names Pyongyang twice
        is about North Korea."""
        counts: dict[str, int] = {}
        dateline = None
        for ent in self.doc.ents:
            if _is_dateline(ent):  # the small model tags 'MINSK,' as anything from GPE to ORG
                entry = self.gazetteer.find(ent.text)
                code = entry.country if entry is not None else self.gazetteer.city_country(ent.text)
                dateline = dateline or (code if code and len(code) == 3 else None)
            elif ent.label_ in ("GPE", "NORP"):
                code = self.gazetteer.country_code(ent.text) or self._entry_country(ent)
                if code and len(code) == 3:
                    counts[code] = counts.get(code, 0) + 1
        dateline = dateline or self._dateline_country()
        if dateline is not None:
            counts[dateline] = counts.get(dateline, 0) + 1
        if not counts:  # no country named: the cities named ("gunmen ambushed soldiers in Culiacán")
            for ent in self.doc.ents:
                code = self.gazetteer.city_country(ent.text) if ent.label_ == "GPE" else None
                if code is not None:
                    counts[code] = counts.get(code, 0) + 1
        if not counts:
            return None
        best = max(counts.values())
        return dateline if counts.get(dateline) == best else max(counts, key=lambda code: counts[code])

    def _dateline_country(self) -> str | None:
        """The country of a wire dateline the model tags as nothing: 'TEHRAN, Jan 7 (Wire) -',
        'MANAGUA (Wire) -', 'BUENOS AIRES, May 2 -'."""
        for sentence in self.doc.sents:
            words = list(itertools.takewhile(lambda t: t.is_alpha and t.is_upper, sentence))
            after = sentence.start + len(words)
            if not words or after >= sentence.end or self.doc[after].text not in (",", "("):
                continue
            window = self.doc[after : min(after + _DATELINE_MAX_TOKENS, len(self.doc))]
            if not any(t.text in ("-", "–", "—", "--") for t in window):
                continue
            name = " ".join(t.text for t in words)
            entry = self.gazetteer.find(name)
            code = entry.country if entry is not None else self.gazetteer.city_country(name)
            if code and len(code) == 3:  # a country, not an organisation's code
                return code
        return None

    def _group(self, token: Token) -> Entity | None:
        groups = self._groups(token)
        return groups[0] if groups else None

    def _definite_reference(self, token: Token, is_title: bool) -> Entity | None:
        """'The minister said' is the last person named; 'The party' the last party named."""
        if not _definite(token):
            return None
        text = self.doc[_left_edge(token) : token.i + 1].text
        antecedent = None
        if is_title:
            # "The pontiff" after "Pope Francis met Raúl Castro": the last person of that sector
            sector = self._phrase_sector(token, _left_edge(token))[0]
            same = [m for m in self._people if m.token_index < token.i and m.entity.sector == sector]
            antecedent = same[-1].entity if same else self._antecedent(token)
        else:
            sectors = self._org_noun_sectors(token)
            if sectors:
                antecedent = self._organisation_before(token.i, sectors, noun=token.lemma_.lower())
        if antecedent is None:
            return None
        return antecedent.model_copy(update={"text": text, "resolved_by": "coref"})

    def _relational(self, token: Token) -> Entity | None:
        """'X congratulated his ally': the possessor is X, the ally the last other person named."""
        possessive = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in _PERSON_PRONOUNS), None)
        if possessive is None:
            return None
        possessor = self._clause_subject(token) or self._antecedent(possessive)
        for mention in reversed(self._people):
            if mention.token_index < token.i and (possessor is None or mention.entity.name != possessor.name):
                text = self.doc[_left_edge(token) : token.i + 1].text
                return mention.entity.model_copy(update={"text": text, "resolved_by": "coref"})
        return None

    def _clause_subject(self, token: Token) -> Entity | None:
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        for child in verb.children:
            if child.dep_ == "nsubj" and child.i < token.i:
                named = [e for e in self.resolve(child) if e.name]
                return named[0] if named else None
        return None

    # -- phrase pieces ------------------------------------------------------------------
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
                code = self._country_of(target)
                if code is None and nested and target.dep_ == "compound":
                    inner = self._owner_countries(target, ())
                    found += [pair for pair in inner if pair not in found]
                elif code is not None and all(code != c for c, _ in found):
                    found.append((code, target))
        return found

    def _country_of(self, token: Token) -> str | None:
        ent = self._ent(token)
        text = _bare_text(ent) if ent is not None else token.text
        return self.gazetteer.country_code(text) or self._entry_country(ent)

    def _names_a_country(self, token: Token) -> bool:
        ent = self._ent(token)
        entry = self._entry(ent) if ent is not None else None
        return entry is not None and entry.kind in ("country", "capital")

    def _modifier_text(self, modifier: Token) -> str:
        ent = self._ent(modifier)
        return ent.text if ent is not None and ent.start <= modifier.i < ent.end else modifier.text

    def _phrase_sector(self, token: Token, start: int) -> tuple[str | None, bool]:
        """Sector of the longest group noun or title among the words from `start` to the head and
        an 'of' complement ('medical brigades', 'Ministry of Education'); and whether it is a
        person's title ('the colonel'), which a plural never is."""
        words = [t for t in self.doc[start : token.i + 1] if t.dep_ not in _NOT_WORDS and not t.is_punct]
        if not words or words[-1] != token:
            words.append(token)
        complement = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in complement.children if c.dep_ == "pobj"), None) if complement is not None else None
        if pobj is not None:
            words += [t for t in self.doc[complement.i : pobj.i + 1] if not t.is_punct]
        return self._lookup([t.lower_ for t in words], [t.lemma_.lower() for t in words])

    def _lookup(self, words: list[str], lemmas: list[str]) -> tuple[str | None, bool]:
        """Longest n-gram first, the rightmost among equals (the head, or the body after 'of')."""
        nouns, titles = self.gazetteer.group_nouns, self.gazetteer.titles
        for size in range(len(words), 0, -1):
            for begin in range(len(words) - size, -1, -1):
                gram = words[begin : begin + size]
                surface = " ".join(gram)
                for form in _forms(gram, lemmas[begin + size - 1]):
                    if form in nouns:
                        return nouns[form], form == surface and form in titles
                    if form in titles:
                        return titles[form], form == surface
        return None, False

    def _org_noun_sectors(self, token: Token) -> tuple[str, ...]:
        words = [t for t in self.doc[_left_edge(token) : token.i + 1] if t.dep_ not in _NOT_WORDS]
        lowered = [t.lower_ for t in words]
        for begin in range(len(words)):
            for form in (" ".join(lowered[begin:]), " ".join([*lowered[begin:-1], words[-1].lemma_.lower()])):
                if form in self.gazetteer.org_nouns:
                    return self.gazetteer.org_nouns[form]
        return ()

    def _entry_country(self, ent: Span | None) -> str | None:
        if ent is None:
            return None
        entry = self._entry(ent)
        if entry is None:
            return None
        # "European Union foreign ministers": an international body owns its officials too
        owns = entry.kind in ("country", "capital", "place") or (entry.kind == "organisation" and entry.sector == "IGO")
        return entry.country if owns else None

    # -- named entities ---------------------------------------------------------------
    def _entry(self, ent: Span) -> ActorEntry | None:
        if ent.ent_id_ and ent.ent_id_ in self.gazetteer.entries:
            return self.gazetteer.entries[ent.ent_id_]
        return self.gazetteer.find(_bare_text(ent).removesuffix("'s").removesuffix("’s"))

    def _is_organisation(self, ent: Span, entity: Entity) -> bool:
        entry = self._entry(ent)
        return entry.kind == "organisation" if entry is not None else entity.resolved_by == "org"

    def _resolve_ent(self, ent: Span) -> Entity | None:
        if _is_dateline(ent):
            return None
        text = ent.text.removesuffix("'s").removesuffix("’s").strip()
        defined = self._acronyms.get(text)
        if defined is not None and defined.start != ent.start:
            long_form = self.resolve_span(defined)
            return long_form.model_copy(update={"text": text}) if long_form is not None else None
        entry = self._entry(ent)
        if entry is not None:
            return Entity(
                text=text, name=entry.name, country=entry.country_on(self.day), sector=entry.sector_on(self.day),
                resolved_by="gazetteer",
            )  # fmt: skip
        if ent.label_ == "PERSON":
            earlier = self._by_surname.get(ent[-1].lower_)
            if earlier is None and len(ent) == 1:
                earlier = self._by_first_name.get(ent[0].lower_)
            if earlier is not None:
                return earlier.model_copy(update={"text": text, "resolved_by": "coref"})
            person = self._titled_person(ent, text)
            if (person is None or person.sector is None) and (self._description(ent)[2] or self._body_name(ent)):
                # "the exile outlet Zerkalo", "Cubana de Aviación, the state airline": the
                # model took the name for a person's, the description says it is a body
                self._org_spans.add((ent.start, ent.end))
                return self._organisation(ent, text)
            return person
        earlier = self._by_surname.get(ent.text.lower()) if len(ent) == 1 and ent.label_ == "ORG" else None
        if earlier is not None:  # "Anatoly Sivak ... [Sivak] said": a surname the model took for a body
            return earlier.model_copy(update={"text": text, "resolved_by": "coref"})
        if ent.label_ == "ORG" or (ent.label_ == "GPE" and self._description(ent)[2]):
            # "Kolvana, the state shipping line": not a place, whatever the model says
            return self._organisation(ent, text)
        return None

    def _titled_person(self, ent: Span, text: str) -> Entity | None:
        """A person outside the gazetteer, known by the title and country around the name."""
        title_tokens = [t for t in ent.root.children if t.i < ent.start and t.dep_ in _OWNER_DEPS]
        title_tokens += [t for t in ent if t.lower_ in self.gazetteer.titles]
        if ent.root.dep_ == "appos":
            title_tokens.append(ent.root.head)
        title_tokens += [t for t in ent.root.children if t.dep_ == "appos"]
        sector, country, official = None, None, False
        for title in title_tokens:
            phrase = self.doc[_left_edge(title) : title.i + 1]
            official = official or any(t.lower_ in _OFFICIAL_WORDS for t in phrase)
            for candidate in _title_candidates(phrase):
                sector = sector or self.gazetteer.titles.get(candidate)
            org_sector, org_country = self._of_organisation(title)
            sector = org_sector or sector
            country = country or org_country or self._owner_country(title) or _country_in(phrase, self.gazetteer)
        # "Colonel X of the Belarusian army": the parser hangs the body on the name
        org_sector, org_country = self._of_organisation(ent.root)
        sector, country = org_sector or sector, country or org_country
        if sector is None and country is None:
            return None
        # "A Chinese delegation led by Vice Minister Liu Peng": the leader is the body's
        country = country or self._led_body_country(ent)
        if country is None:
            country = self._led_body_country(ent)  # "a delegation of the Russian ministry headed by X"
        if country is None and (sector in _CONTEXT_TITLE_SECTORS or official) and self.home_country:
            # "Transport Minister Julio Castellón" in a Nicaraguan story: a Nicaraguan minister
            return Entity(text=text, name=ent.text, country=self.home_country, sector=sector, resolved_by="context")
        return Entity(text=text, name=ent.text, country=country, sector=sector, resolved_by="title")

    def _led_body_country(self, ent: Span) -> str | None:
        """The country of the body a person leads: 'a Chinese delegation led by X', 'a
        Venezuelan team headed by X'."""
        agent = ent.root.head
        verb = agent.head
        if ent.root.dep_ != "pobj" or agent.dep_ != "agent" or verb.lemma_ not in ("lead", "head"):
            return None
        body = verb.head if verb.dep_ in ("acl", "relcl") else None
        owners = self._owner_countries(body, preps=("of", "from")) if body is not None else []
        return owners[0][0] if owners else None

    def _led_body_country(self, ent: Span) -> str | None:
        """The country of the body a person is said to lead ('a delegation of the Russian
        Defence Ministry headed by Deputy Minister X')."""
        agent = ent.root.head
        verb = agent.head if agent.dep_ == "agent" else None
        if verb is None or verb.lemma_ not in ("lead", "head", "chair") or verb.dep_ not in ("acl", "relcl"):
            return None
        body = verb.head
        if self._ent(body) is not None:  # the parse hangs "headed by" on the ministry itself
            named = [e for e in self.resolve(body) if e.country]
            if named:
                return named[0].country
        for prep in body.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for pobj in prep.children:
                    found = [e for e in self.resolve(pobj) if e.country] if pobj.dep_ == "pobj" else []
                    if found:
                        return found[0].country
        owners = self._owner_countries(body, preps=())
        return owners[0][0] if owners else None

    def _owner_country(self, token: Token) -> str | None:
        owners = self._owner_countries(token)
        return owners[0][0] if owners else None

    def _of_organisation(self, title: Token) -> tuple[str | None, str | None]:
        """'president of the Belarusian party Belaya Rus' takes the party's sector and country;
        'commander of the western command of Belarus' at least the country."""
        country = None
        for prep in title.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at"):
                for pobj in prep.children:
                    ent = self._ent(pobj)
                    if ent is not None and ent.label_ == "ORG":
                        org = self.resolve_span(ent)
                        if org is not None:
                            return org.sector, org.country
                    group = self._group(pobj) if ent is None or ent.label_ == "NORP" else None
                    if group is not None:  # "of the Belarusian army", "for the Cuban Interior Ministry"
                        return group.sector, group.country
                    country = country or self._country_of(pobj) or self._owner_country(pobj)
                    nested_sector, nested_country = self._of_organisation(pobj)
                    if nested_sector is not None:
                        return nested_sector, nested_country or country
                    country = country or nested_country
        return None, country

    def _organisation(self, ent: Span, text: str) -> Entity | None:
        """An organisation the gazetteer lacks: its country from the name ('the Venezuelan
        Ministry of Tourism'), an international body that owns it ('the UN Working Group on
        ...'), a description ('Conviasa, the Venezuelan state airline', 'Russian lender VTB'),
        the place it sits in ('Tsinghua University in Beijing'), or, for a state body named
        without one ('The Interior Ministry'), the story's country. The sector comes from its
        head noun, else from the description."""
        country = _country_in(ent, self.gazetteer) or self._owner_country(ent.root)
        if country is None:
            igo = self._igo_owner(ent)
            if igo is not None:
                name = ent.text.removeprefix("the ").removeprefix("The ")
                return Entity(text=text, name=name, country=igo, sector="IGO", resolved_by="org")
        words = [t for t in ent if t.dep_ not in _NOT_WORDS and not t.is_punct and not self._country_of(t)]
        name = ent.text.removeprefix("the ")
        # "[Cuban Ministry] of Education": a name the model cut before its "of" part runs on
        prep = self.doc[ent.end] if ent.end < len(self.doc) else None
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is not None and prep.lower_ == "of" and prep.head.i in range(ent.start, ent.end) and pobj is not None:
            complement = [t for t in self.doc[prep.i : pobj.i + 1] if not t.is_punct]
            words += complement
            if all(t.text[:1].isupper() for t in complement[1:] if t.lower_ not in ("the", "and")):
                name = text = self.doc[ent.start : pobj.i + 1].text.removeprefix("the ")
        run_on = self._name_run_on(ent)
        if run_on is not None:  # "[US Customs] and Border Protection": one name
            words += [t for t in run_on if t.dep_ not in _NOT_WORDS]
            name = text = self.doc[ent.start : run_on.end].text.removeprefix("the ")
            self._absorbed.update(range(run_on.start, run_on.end))
        sector, _ = self._lookup([t.lower_ for t in words], [t.lemma_.lower() for t in words])
        described_country, described_sector, described = self._description(ent)
        country, sector = country or described_country, sector or described_sector
        resolved_by = "org"
        if country is None:
            country = self._place_after(ent) or self._city_in_name(ent)
        if country is None and not described:
            # "... deal with Chinese firm. ... the Guangxi Ocean Ports Group": the firm told before
            country, sector = self._described_before(ent, sector)
        if country is None and not described and self._bare_org_noun(ent):
            # "the Commission": the commission named before
            reference = self._definite_reference(ent.root, is_title=False)
            if reference is not None:
                return reference
        if ent.start > 0 and self.doc[ent.start - 1].lower_ in ("paramilitary", "rebel", "militia", "insurgent"):
            sector = "REB"  # "the paramilitary Rapid Support Forces"
        if country is None and (described or _national_body(ent.root, sector) or sector in ("CRM", "REB")):
            country, resolved_by = self.home_country, "context"  # gangs and rebels act where the story is
        if country is None:
            return None
        return Entity(text=text, name=name, country=country, sector=sector, resolved_by=resolved_by)

    def _body_name(self, ent: Span) -> bool:
        """'[Sinaloa] Cartel', 'Zerkalo Media': a name whose own words are a group noun, not a title."""
        words = [t for t in ent if t.dep_ not in _NOT_WORDS and not t.is_punct]
        sector, is_title = self._lookup([t.lower_ for t in words], [t.lemma_.lower() for t in words])
        return sector is not None and not is_title

    def _name_run_on(self, ent: Span) -> Span | None:
        """'and Border Protection' after '[US Customs]': capitalised words the model left out of
        the name, joined by 'and', that name nothing themselves."""
        if ent.end + 1 >= len(self.doc) or self.doc[ent.end].lower_ != "and":
            return None
        conj = next((c for c in ent.root.children if c.dep_ == "conj" and c.i > ent.end), None)
        if conj is None or conj.pos_ != "PROPN" or conj.left_edge.i != ent.end + 1:
            return None
        words = self.doc[ent.end + 1 : conj.i + 1]
        if any(t.ent_type_ or not t.text[:1].isupper() for t in words):
            return None
        return self.doc[ent.end : conj.i + 1]

    def _bare_org_noun(self, ent: Span) -> bool:
        """'the Commission', 'The Ministry': a name that is only an organisation noun."""
        words = [t for t in ent if t.dep_ != "det" and not t.is_punct]
        lowered = [t.lower_ for t in words]
        forms = (" ".join(lowered), " ".join([*lowered[:-1], ent.root.lemma_.lower()]))
        return bool(words) and any(form in self.gazetteer.org_nouns for form in forms)

    def _igo_owner(self, ent: Span) -> str | None:
        """'UN Working Group', 'OAS Permanent Council', 'CSTO Joint Staff': a name opening with
        an international organisation is one of its bodies."""
        words = [t for t in ent if t.dep_ not in ("det", "punct")]
        if len(words) < 2:  # the body's own name follows the owner's
            return None
        entry = self.gazetteer.find(words[0].text)
        if entry is not None and entry.sector == "IGO":
            return entry.country
        # "the Supreme Eurasian Economic Council": an organ named like its organisation
        return self.gazetteer.igo_by_words([t.text for t in words])

    def _description(self, ent: Span) -> tuple[str | None, str | None, bool]:
        """Country and sector from the words that describe a name: an apposition either side
        ('Conviasa, the Venezuelan state airline'; 'the Chinese firm Guangxi Ports Group') or
        words before it ('Russian lender VTB', 'the Belarusian exile outlet Zerkalo')."""
        root = ent.root
        partners = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i >= ent.end]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
            partners.append(root.head)
        previous = self.doc[ent.start - 1] if ent.start > 0 else None
        if previous is not None and previous.pos_ == "NOUN" and previous.head.i not in range(ent.start, ent.end):
            partners.append(previous)  # "The Bolivian miner [Cerro Alto Holdings]" parsed as two phrases
        for partner in partners:
            sector, is_title = self._phrase_sector(partner, _left_edge(partner))
            if sector is not None and not is_title:
                owners = self._owner_countries(partner)
                return (owners[0][0] if owners else None), sector, True
        # not "state-owned" or "state-run": how it is owned, not what it is
        before = [
            t for t in self.doc[_left_edge(root) : ent.start]
            if t.dep_ not in _NOT_WORDS and not t.is_punct and t.dep_ != "npadvmod" and t.pos_ != "VERB"
        ]  # fmt: skip
        sector, is_title = self._lookup([t.lower_ for t in before], [t.lemma_.lower() for t in before])
        if sector is None or is_title:
            return None, None, False
        country = next((code for t in before if (code := self._country_of(t))), None)
        return country, sector, True

    def _described_before(self, ent: Span, sector: str | None) -> tuple[str | None, str | None]:
        """A company or outlet named without a country, after the text has described one with
        its country and no name ('a Chinese firm', 'a Russian state lender'): the last such
        description of the kind the name's head allows."""
        kinds = {sector} if sector else set(self._org_noun_sectors(ent.root)) & _DESCRIBED_SECTORS
        kinds &= _DESCRIBED_SECTORS
        if not kinds:
            return None, sector
        for token in reversed(self.doc[: ent.start]):
            if token.pos_ != "NOUN" or any(c.dep_ == "appos" for c in token.children) or token.dep_ == "appos":
                continue
            described = self._lookup([token.lower_], [token.lemma_.lower()])[0]
            owners = self._owner_countries(token) if described in kinds else []
            if owners:
                return owners[0][0], described
        return None, sector

    def _city_in_name(self, ent: Span) -> str | None:
        """'The Gomel Regional Court': a large city opening the name gives its country."""
        words = [t for t in ent if t.dep_ != "det" and not t.is_punct]
        if len(words) < 2 or words[0].pos_ != "PROPN" or words[0].is_stop:  # the body's own name follows
            return None
        # only the kind of body follows ("Regional Court", "City Council"), not more name ("Cerro Alto")
        vocabulary = self._body_vocabulary()
        if any(t.lower_ not in vocabulary and t.lemma_.lower() not in vocabulary for t in words[1:]):
            return None
        return self.gazetteer.city_in_name(words[0].text)

    def _body_vocabulary(self) -> set[str]:
        nouns = (*self.gazetteer.group_nouns, *self.gazetteer.org_nouns, *self.gazetteer.titles)
        return {word for noun in nouns for word in noun.split()} | _BODY_ADJECTIVES

    def _place_after(self, ent: Span) -> str | None:
        """'Tsinghua University in Beijing', 'A Revolutionary Court in Tehran'."""
        preps = [c for c in ent.root.children if c.dep_ == "prep" and c.lower_ == "in"]
        following = self.doc[ent.end] if ent.end < len(self.doc) else None
        if following is not None and following.lower_ == "in" and following not in preps:
            preps.append(following)
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (code := self._place_country(pobj)):
                    return code
        return None

    # -- coreference ------------------------------------------------------------------
    def _remember_person(self, ent: Span, entity: Entity) -> None:
        self._people.append(_Mention(ent.start, entity))
        canonical = entity.name or ent.text
        self._by_surname.setdefault(canonical.split()[-1].lower(), entity)
        self._by_surname.setdefault(ent[-1].lower_, entity)
        if len(ent) > 1 and ent[0].lower_ not in self.gazetteer.titles:
            self._by_first_name.setdefault(ent[0].lower_, entity)

    def _antecedent(self, pronoun: Token) -> Entity | None:
        """The last person before the pronoun; for a possessive in a fronted phrase with no
        person before it in its sentence ('During his visit, X ...'), the first person after."""
        sentence = pronoun.sent
        before = [m for m in self._people if m.token_index < pronoun.i]
        first_comma = next((t.i for t in sentence if t.text == ","), sentence.end)
        # "During his recent visit to Minsk, Díaz-Canel ...": before the main clause (or its comma)
        fronted = pronoun.dep_ == "poss" and (pronoun.i < sentence.root.i or pronoun.i < first_comma)
        if fronted and not any(m.token_index >= sentence.start for m in before):
            after = [m for m in self._people if pronoun.i < m.token_index < sentence.end]
            if after:
                return after[0].entity
        return before[-1].entity if before else None

    def _organisation_before(
        self, index: int, sectors: tuple[str, ...] = (), since: int = 0, noun: str | None = None
    ) -> Entity | None:
        """The last organisation before `index` in one of `sectors`; one whose name has `noun`
        in it first ('The university' after 'Belarusian State University' and a ministry)."""
        if noun is not None:
            for mention in reversed(self._organisations):
                name = (mention.entity.name or mention.entity.text or "").lower().split()
                if since <= mention.token_index < index and noun in name:
                    return mention.entity
        for mention in reversed(self._organisations):
            if since <= mention.token_index < index and (not sectors or mention.entity.sector in sectors):
                return mention.entity
        return None

    def _person_of_country(self, country: str, index: int, sector: str | None = None) -> Entity | None:
        for mention in reversed(self._people):
            entity = mention.entity
            same_sector = sector is None or entity.sector == sector
            if mention.token_index < index and entity.country == country and entity.name and same_sector:
                return entity
        return None


# Titles that speak or act for somebody else: they take their principal's country and sector.
_SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "envoy", "adviser", "advisor", "aide", "representative"}
# "the island", "the country": the country just named, else the story's own.
_PLACE_REFERENCES = {"island", "country", "nation"}
# Bodies that act where they are, so that an unnamed country is the story's (or the place's
# they are said to be in): police, courts, residents, protesters, opposition, students,
# doctors, gangs and rebels; "a judge", "a police officer". Not governments: a story about
# two countries says whose government it means (see _NATIONAL_BODIES for named state bodies).
_QUANTITY_WORDS = {"tens", "dozens", "hundreds", "thousands", "millions", "scores", "hundred", "thousand"}
_CONTEXT_SECTORS = {"COP", "JUD", "CVL", "OPP", "EDU", "HLH", "CRM", "REB", "REL"}
# Officials a story names by title alone are, unless it says otherwise, the story's own.
# (Not journalists, doctors or businessmen: a story quotes foreign ones as often as its own.)
_CONTEXT_TITLE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "PTY"}
# ... and so are ministers of any sector ("Health Minister Ana Rivas").
_OFFICIAL_WORDS = {"minister", "vice-minister", "governor", "mayor", "ambassador"}


# Bodies a state has one of: named without a country ("The Supreme Court", "Parliament",
# "the central bank", "The Interior Ministry"), they are the story's country's. Not
# "government" or "authorities": a story about two countries says whose it means.
_NATIONAL_BODIES = {
    "ministry", "parliament", "assembly", "court", "bank", "council", "commission", "congress", "senate",
    "legislature", "police", "army", "navy", "military", "cabinet", "presidency", "judiciary", "duma",
    "chamber", "tribunal", "institute", "agency", "prosecutor", "railways", "customs", "guard",
}  # fmt: skip
# Kinds of organisation a text may describe before it names one ("a Chinese firm").
_DESCRIBED_SECTORS = {"BUS", "MED"}
_SHARED_BODY_WORDS = {
    "joint", "intergovernmental", "bilateral", "mixed", "international", "regional", "interstate", "eurasian",
    "european", "inter-american", "african", "arab", "asian", "world", "global", "supranational",
}  # fmt: skip
# Words that say what kind of local body a city's name opens ("Gomel Regional Court").
_BODY_ADJECTIVES = {
    "regional", "city", "district", "provincial", "municipal", "oblast", "metropolitan", "garrison", "appeals",
    "appeal", "economic", "criminal", "civil", "administrative", "state", "central", "people's", "of", "and",
}  # fmt: skip
# "in the city of Rasht": the place is the "of" phrase.
_PLACE_NOUNS = {"city", "town", "province", "region", "village", "district", "capital", "port"}
# Sectors of an organisation that belongs where it is named: not companies, media or NGOs,
# which a story names with their country when it is not the story's.
_NATIONAL_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "PTY", "EDU", "HLH"}

_NO_ENTRY = ActorEntry(key="", name="", kind="", country=None, sector=None)


def _national_body(token: Token, sector: str | None) -> bool:
    """'The Supreme Court', 'Parliament', 'the central bank': one body of a state, named as a
    proper name or with 'the', singular."""
    if sector not in _NATIONAL_SECTORS or token.tag_ in ("NNS", "NNPS"):
        return False
    if token.lemma_.lower() not in _NATIONAL_BODIES and token.lower_ not in _NATIONAL_BODIES:
        return False
    if any(child.lower_ in _SHARED_BODY_WORDS for child in token.children):
        return False  # "the intergovernmental commission": two states'
    return _definite(token) or token.text[:1].isupper()


def _ent_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _bare_text(ent: Span) -> str:
    """A name without the article or number the small model sometimes tags with it ('A NATO',
    'Two US')."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].pos_ in ("DET", "NUM"):
        start += 1
    return ent.doc[start : ent.end].text


def _is_norp(ent: Span | None) -> bool:
    return ent is not None and ent.label_ == "NORP"


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _expletive(pronoun: Token) -> bool:
    """'It is expected that', 'It was reported that': no antecedent to find."""
    verb = pronoun.head
    if verb.lemma_ in _EXPLETIVE_VERBS:
        return True
    return pronoun.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in verb.children)


def _forms(gram: list[str], last_lemma: str) -> list[str]:
    """An n-gram as written, with its last word's lemma, and 'A of (the) B' as 'B A'
    ('ministry of interior' = 'interior ministry')."""
    forms = [" ".join(gram), " ".join([*gram[:-1], last_lemma])]
    if len(gram) >= 3 and gram[1] == "of":
        rest = gram[3:] if gram[2] == "the" else gram[2:]
        if rest:
            forms.append(" ".join([*rest, gram[0]]))
    return forms


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
    """The country a name carries: a country or demonym word, or a capital ('Minsk City Court')."""
    for token in span:
        code = gazetteer.country_code(token.text)
        if code:
            return code
        entry = gazetteer.find(token.text) if token.text[:1].isupper() else None
        if entry is not None and entry.kind == "capital":
            return entry.country
    for ent in span.ents:
        entry = gazetteer.find(ent.text)
        if entry is not None and entry.kind in ("country", "capital"):
            return entry.country
    return None

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

from spacy.tokens import Doc, Span, Token

from dyad.actors.coreference import CoreferenceMixin
from dyad.actors.force import as_armed_forces, fights
from dyad.actors.gazetteer import ActorEntry, Gazetteer, actor_words
from dyad.actors.groups import GroupsMixin
from dyad.actors.organisations import OrganisationsMixin
from dyad.actors.words import (
    _ACTOR_LABELS,
    _COLLECTIVE_NOUNS,
    _CONTEXT_TITLE_SECTORS,
    _DATELINE_MAX_TOKENS,
    _FORCE_NOUNS,
    _NOT_ACTOR_LABELS,
    _NOT_WORDS,
    _OFFICIAL_WORDS,
    _OWNER_DEPS,
    _PERSON_PRONOUNS,
    _PERSON_ROLES,
    _PLACE_REFERENCES,
    _QUANTITY_WORDS,
    _RELATIONAL_NOUNS,
    _SPOKES_NOUNS,
    _bare_text,
    _country_in,
    _definite,
    _ent_of,
    _forms,
    _is_dateline,
    _left_edge,
    _Mention,
    _title_candidates,
    role_the_text_names,
    titled_name,
)
from dyad.nlp import entities
from dyad.records import Entity

# Offices known by the body they run: "the chairman of the National Assembly"
_BODY_ROLES = frozenset([*_PERSON_ROLES, "president", "speaker", "vice-president", "governor"])
# "his Greek counterpart", "her Russian guest": someone of another country than the possessor
_OTHER_SIDE_NOUNS = actor_words("other_side_nouns")
_HONORIFICS = actor_words("honorifics")


class ActorResolver(GroupsMixin, OrganisationsMixin, CoreferenceMixin):
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
        self._resolving: set[tuple[int, int]] = set()  # spans being resolved, against cycles
        self._org_spans: set[tuple[int, int]] = set()  # names the model tagged PERSON, read as bodies
        self._absorbed: set[int] = set()  # words that run on a name the model cut short
        # token index -> its entity, so that each lookup is O(1) instead of a scan of doc.ents
        self._ent_at: list[Span | None] = [None] * len(doc)
        for ent in entities(doc):
            for i in range(ent.start, ent.end):
                self._ent_at[i] = ent
        self.home_country = self._home_country()
        # "the Rapid Support Forces (RSF)": the article's own definition beats the gazetteer's RSF
        self._acronyms: dict[str, Span] = {}
        for ent in entities(doc):
            after = doc[ent.end : ent.end + 3]
            if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].text.isupper():
                self._acronyms.setdefault(after[1].text, ent)
        self._remember_untagged_people()
        for ent in entities(doc):
            if ent.label_ in ("PERSON", "ORG"):
                self.resolve_span(ent)
        self._introduced_later()
        for token in doc:  # "a spokesman for the Kremlin" is a person 'the spokesman' can refer to
            if token.lemma_.lower() in _SPOKES_NOUNS and token.pos_ == "NOUN":
                self._principal(token)
        self._remember_unnamed_bodies()

    def _untagged_person(self, token: Token) -> Entity | None:
        name = self.doc[_left_edge(token) : token.i + 1]
        words = [t for t in name if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i > t.head.i - 4]
        span = self.doc[(words[0].i if words else token.i) : token.i + 1]
        return self._titled_person(span, span.text)

    def _remember_untagged_people(self) -> None:
        """Names the model tags as nothing but the text titles with a country ('Indian NSA
        Vijay Rawal') are people that later mentions by surname refer to."""
        for token in self.doc:
            if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ == "compound" or not token.text[:1].isupper():
                continue
            if token.lower_ in self.gazetteer.titles or not titled_name(token, self.gazetteer.titles):
                continue  # "Deputy Foreign Minister" is a title, not a name
            person = self._untagged_person(token)
            if person is not None and person.country and person.resolved_by == "title":
                start = min(token.i, *(t.i for t in token.children if t.dep_ == "compound" and t.pos_ == "PROPN"))
                self._remember_person(self.doc[start : token.i + 1], person)
        self._people.sort(key=lambda mention: mention.token_index)

    def _introduced_later(self) -> None:
        """A person the story first names by title alone and later with a country ('NSA X
        met ...', then 'Indian NSA X said') is of that country on every mention, not the
        story's country guessed at first."""
        stale: dict[str, Entity] = {}  # a name guessed from context -> the person introduced
        for mention in self._people:
            guessed = mention.entity
            if guessed.resolved_by != "context" or not guessed.name:
                continue
            introduced = self._by_surname.get(guessed.name.split()[-1].lower())
            told = introduced is not None and introduced.resolved_by == "title" and introduced.country
            if told and introduced.country != guessed.country:
                stale[guessed.name] = introduced
        fixed: dict[int, Entity] = {}
        for key, entity in list(self._cache.items()):
            introduced = stale.get(entity.name or "") if entity is not None else None
            if introduced is not None and entity.resolved_by in ("context", "coref"):
                update = {"country": introduced.country, "sector": introduced.sector or entity.sector}
                self._cache[key] = fixed[key[0]] = entity.model_copy(update=update)
        self._people = [_Mention(m.token_index, fixed.get(m.token_index, m.entity)) for m in self._people]

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
        """Entities for a role headed by `head`, including its conjuncts ('A and B'). A role
        reaches a later conjunct on its own only through what hangs on that conjunct alone
        ('disputed between Morocco and the Polisario Front, which is backed by Algeria': the
        relative clause is the Front's), so when that conjunct names an actor of its own the
        conjuncts before it take no part ('14 Belarusian officials and nine companies, which
        the bloc accuses': the companies, named by no country, still share the list's)."""
        found: list[Entity] = []
        # "X, Secretary of ..., and Y": the parser hangs Y on X's apposition.
        appositive_conjuncts = [c for appos in head.children if appos.dep_ == "appos" for c in appos.conjuncts]
        # "Lavrov and Foreign Minister Choe" parsed as a modifier of Choe: a misparsed 'A and B'
        coordinated = [c for c in head.children if c.dep_ == "nmod" and any(g.dep_ == "cc" for g in c.children)]
        conjuncts = list(head.conjuncts)
        named = self._ent(head)
        if named is not None and named.label_ in _ACTOR_LABELS:
            # "the Republic of Chad, Mali and Togo": the list hangs on the name's last word
            inner = [c for t in named if t.i != head.i for c in t.conjuncts if c.i >= named.end]
            conjuncts += [c for c in inner if c not in conjuncts]
        if head.dep_ == "conj" and any(e.country for e in self._resolve_head(head)):
            conjuncts = [c for c in conjuncts if c.i > head.i]  # see _role_conjuncts
        for token in (head, *conjuncts, *appositive_conjuncts, *coordinated):
            for entity in self._armed_if_fighting(token, self._resolve_head(token)):
                if entity not in found:
                    found.append(entity)
        return found

    def resolve_span(self, ent: Span) -> Entity | None:
        """The entity for a named-entity span, cached; people and organisations are remembered."""
        key = (ent.start, ent.end)
        if key in self._resolving:
            return None  # a name whose owner is looked up through the name itself
        if key not in self._cache:
            self._resolving.add(key)
            try:
                self._cache[key] = self._resolve_ent(ent)
            finally:
                self._resolving.discard(key)
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
        """The government behind a modifier: 'the U.S. embargo', 'a Chinese donation'; the
        armed forces behind a fighting act ('Israeli air strikes', 'Moscow's invasion')."""
        entity = self._owner(modifier)
        return self._armed_if_fighting(modifier, [entity])[0] if entity is not None else None

    def _armed_if_fighting(self, token: Token, found: list[Entity]) -> list[Entity]:
        """A state's name, capital or demonym that stands as the side that fights ('North Korea
        fired a missile', 'Moscow's invasion') is its armed forces (force.py)."""
        if not found or not fights(token):
            return found
        state = self._names_a_country(token) or (self._ent(token) is not None and self._ent(token).label_ == "NORP")
        if not state:
            return found
        return [as_armed_forces(e) if e.resolved_by in ("gazetteer", "demonym") else e for e in found]

    def _owner(self, modifier: Token) -> Entity | None:
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
        if (members := self._state_group(token, ent)) is not None:
            return members
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
            if name is not None and not token.ent_type_ and titled_name(token):
                # "Deputy Minister of Industry Mehdi Rostami", a name the model tagged as nothing
                person = self._untagged_person(token)
                if person is not None and person.country:
                    return [person]
        # "the Belarusian dictator Alexander Lukashenko", "his ally Miguel Díaz-Canel"
        named = [e for appos in token.children if appos.dep_ == "appos" for e in self._resolve_head(appos)]
        if named:
            return named
        if token.lemma_.lower() in _RELATIONAL_NOUNS and not self._owner_countries(token):
            other = self._relational(token)
            if other is not None:
                return [other]
        body_role = self._role_of_body(token)
        if body_role is not None:
            return [body_role]
        if token.lower_ in _COLLECTIVE_NOUNS or token.lemma_.lower() in _COLLECTIVE_NOUNS:
            return self._collective(token)
        if token.lower_ in _PLACE_REFERENCES and (owned := self._possessed_place(token)) is not None:
            return [owned]
        if token.lower_ in _PLACE_REFERENCES and _definite(token) and not self._owner_countries(token):
            country = self._audience_country(token) or self._recent_country(token) or self.home_country
            if country:  # "help the island modernise", "the country's leadership"
                text = self.doc[_left_edge(token) : token.i + 1].text
                return [Entity(text=text, name=None, country=country, sector="GOV", resolved_by="coref")]
        found = self._groups(token)
        if not found and token.pos_ == "NOUN" and self._is_force_noun(token):
            # "RSF artillery", "SEBIN agents": men or guns of the body named before them
            owners = [c for c in token.children if c.dep_ == "compound" and c.ent_type_ == "ORG"]
            found = [e for owner in owners for e in self._resolve_head(owner) if e.country]
        if not found and token.pos_ == "NOUN":
            # "the army's engineering corps": a unit belongs to the body that owns it
            owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            found = [e for owner in owners for e in self._resolve_head(owner)]
        return found

    def _state_group(self, token: Token, ent: Span | None) -> list[Entity] | None:
        """'Araghchi urged the E3 to ...': an informal group of states named as one party is
        each of its member states' governments (country_aliases.yaml `state_groups`)."""
        name = _bare_text(ent) if ent is not None and ent.label_ in ("ORG", "GPE", "NORP") else token.text
        codes = self.gazetteer.state_groups.get(name.removeprefix("the ").removeprefix("The ").strip())
        if codes is None or token.pos_ not in ("PROPN", "NOUN"):
            return None
        return [
            Entity(text=token.text, name=name, country=code, sector="GOV", resolved_by="gazetteer") for code in codes
        ]

    def _role_of_body(self, token: Token) -> Entity | None:
        """An office named by its body alone: 'the chairman of the National Assembly of Cuba',
        'the commander of the Belarusian army' is that body's country and sector, though the
        text gives no name. Not 'the president of Venezuela': a country is the group rule's."""
        if token.lemma_.lower() not in _BODY_ROLES or token.pos_ not in ("NOUN", "PROPN"):
            return None
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or self._names_a_country(pobj):
                    continue
                found = [e for e in self.resolve(pobj) if e.country and e.sector]
                if found:
                    text = self.doc[_left_edge(token) : pobj.right_edge.i + 1].text
                    return found[0].model_copy(update={"text": text, "name": None})
        return None

    def _audience_country(self, token: Token) -> str | None:
        """'the nation' a speaker addresses is the speaker's own: 'Modi, addressing the
        nation('s grief), vowed ...', 'in a speech to the nation', not the country named last."""
        noun = token.head if token.dep_ == "poss" else token
        words = self.gazetteer.audience_words
        if noun.dep_ == "pobj" and noun.head.lower_ == "to":
            speaker_word = noun.head.head  # "a speech to the nation", "spoke to the nation"
        elif noun.dep_ in ("dobj", "dative"):
            speaker_word = noun.head  # "addressed the nation"
        else:
            return None
        if speaker_word.lemma_.lower() not in words and speaker_word.lower_ not in words:
            return None
        speaker = self._speaker_of(speaker_word)
        found = [e for e in self.resolve(speaker) if e.country and len(e.country) == 3] if speaker else []
        return found[0].country if found else None

    @staticmethod
    def _speaker_of(word: Token) -> Token | None:
        """Who speaks: the verb's subject, the noun a participle hangs on ('Modi, addressing
        ...'), the subject of the clause an adverbial participle hangs on, a speech's owner."""
        current = word
        for _ in range(6):
            owners = [c for c in current.children if c.dep_ in ("nsubj", "poss")]
            if owners:
                return owners[0]
            if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                return current.head
            if current.dep_ not in ("advcl", "xcomp", "conj", "pobj", "prep", "dobj", "acl") or current.head is current:
                return None
            current = current.head
        return None

    def _is_force_noun(self, token: Token) -> bool:
        lemma, nouns = token.lemma_.lower(), self.gazetteer.group_nouns
        return lemma in _FORCE_NOUNS or token.lower_ in nouns or lemma in nouns

    def _determined_name(self, determiner: Token) -> list[Entity]:
        """'The FAR held ...' parsed with 'The' on another word: the name right after it."""
        following = determiner.i + 1
        if determiner.lower_ not in ("the", "a", "an") or following >= len(self.doc):
            return []
        ent = self._ent(self.doc[following])
        if ent is None or ent.start != following or ent.label_ not in _ACTOR_LABELS:
            return []
        return self._resolve_head(ent.root)

    def _home_country(self) -> str | None:
        """The country a story is about: the one it names most often. The dateline's country
        is one vote more, and wins a tie: 'MINSK - Parliament ratified the agreement with
        Russia' is a Belarusian story, but a story filed in Seoul that names Pyongyang twice
        is about North Korea."""
        counts: dict[str, int] = {}
        dateline = None
        for ent in entities(self.doc):
            if _is_dateline(ent):  # the small model tags 'MINSK,' as anything from GPE to ORG
                entry = self.gazetteer.find(ent.text)
                code = entry.country if entry is not None else self.gazetteer.city_country(ent.text)
                dateline = dateline or (code if code and len(code) == 3 else None)
            elif ent.label_ in ("GPE", "NORP") and self._actor_like(ent):
                code = self.gazetteer.country_code(ent.text) or self._entry_country(ent)
                if code and len(code) == 3:
                    counts[code] = counts.get(code, 0) + 1
        dateline = dateline or self._dateline_country()
        if dateline is not None:
            counts[dateline] = counts.get(dateline, 0) + 1
        if not counts:  # no country named: the cities named ("gunmen ambushed soldiers in Culiacán")
            for ent in entities(self.doc):
                code = self.gazetteer.city_country(ent.text) if ent.label_ == "GPE" else None
                if code is not None:
                    counts[code] = counts.get(code, 0) + 1
        self._country_counts = counts
        if not counts:
            return None
        best = max(counts.values())
        return dateline if counts.get(dateline) == best else max(counts, key=lambda code: counts[code])

    def _actor_like(self, ent: Span) -> bool:
        """Whether a country's name stands where an actor stands: a subject, object or
        possessor ('Cuba signed', 'sanctions on Cuba', 'Cuba's government'), or a demonym or
        name on a person, body or their weapons ('the Cuban minister', 'US officials',
        'Israeli jets'). A topic the story
        talks about is not ('the Taiwan question', 'Taiwan independence', 'the Cyprus
        issue'): a story on Beijing's warnings names Taiwan in every line."""
        root = ent.root
        while root.dep_ == "conj" and root.head is not root:  # "Cuban and Belarusian students"
            root = root.head
        if root.dep_ not in ("compound", "amod", "nmod"):
            return True
        head = root.head
        if head.lower_ in self.gazetteer.remit_nouns:
            return False  # "the Taiwan Affairs Office"
        # "Sudanese army positions": the demonym is the army's, which the parse hangs on the positions
        between = [c for c in head.children if c.dep_ == "compound" and root.i < c.i < head.i]
        return any(self.is_actor_noun(word) for word in (head, *between))

    def is_actor_noun(self, word: Token) -> bool:
        """A noun for a person, a body or their weapons: a title, a group or organisation noun."""
        if word.ent_type_ in ("PERSON", "ORG", "NORP") or word.pos_ == "PROPN":
            return True  # "Cuban President X", "the Belarusian State University"
        lemma, lowered = word.lemma_.lower(), word.lower_
        nouns, titles, bodies = self.gazetteer.group_nouns, self.gazetteer.titles, self.gazetteer.org_nouns
        return any(w in nouns or w in titles or w in bodies for w in (lemma, lowered)) or (
            lemma in _COLLECTIVE_NOUNS or lemma in _SPOKES_NOUNS or lemma in _FORCE_NOUNS
        )

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

    # -- phrase pieces ------------------------------------------------------------------
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
        text = _bare_text(ent).removesuffix("'s").removesuffix("’s")
        found = self.gazetteer.find(text)
        first, _, rest = text.partition(" ")
        if found is None and rest and ent.label_ == "PERSON" and first.lower() in _HONORIFICS:
            found = self.gazetteer.find(rest)  # "Mr Bennett": a courtesy title says nothing of who
            found = found if found is not None and found.kind == "person" else None
        return found

    def _is_organisation(self, ent: Span, entity: Entity) -> bool:
        entry = self._entry(ent)
        # "the Foreign Ministry", placed by context, is a body that "the ministry" and "it" can refer to
        return entry.kind == "organisation" if entry is not None else entity.resolved_by in ("org", "context")

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
            country, sector = entry.country_on(self.day), entry.sector_on(self.day)
            named = role_the_text_names(ent, entry, self.day)
            if named is not None:  # the office the story gives beats our dates for it
                country, sector = named.country or entry.country, named.sector
            return Entity(text=text, name=entry.name, country=country, sector=sector, resolved_by="gazetteer")
        if ent.label_ == "PERSON":
            earlier = self._by_surname.get(ent[-1].lower_)
            if earlier is None and len(ent) == 1:
                earlier = self._by_first_name.get(ent[0].lower_)
            if earlier is not None and earlier.resolved_by == "context":
                # "Minister X ... Cypriot Minister X": the country the text gives beats the guess
                person = self._titled_person(ent, text)
                if person is not None and person.resolved_by == "title" and person.country:
                    self._by_surname[ent[-1].lower_] = person
                    return person
            if earlier is not None:
                return earlier.model_copy(update={"text": text, "resolved_by": "coref"})
            person = self._titled_person(ent, text)
            # "Petar Petković, director of ...": a person's role, however much of a body follows
            role = any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_ROLES for c in ent.root.children)
            untitled = person is None or (person.sector is None and not (role and person.country))
            if untitled and (self._description(ent)[2] or self._body_name(ent)):
                # "the exile outlet Zerkalo", "Cubana de Aviación, the state airline": the
                # model took the name for a person's, the description says it is a body
                self._org_spans.add((ent.start, ent.end))
                return self._organisation(ent, text)
            return person
        earlier = self._by_surname.get(ent.text.lower()) if len(ent) == 1 and ent.label_ in ("ORG", "GPE") else None
        if earlier is not None:  # "Anatoly Sivak ... [Sivak] said": a surname the model took for a body
            return earlier.model_copy(update={"text": text, "resolved_by": "coref"})
        if ent.label_ == "ORG" or (ent.label_ == "GPE" and self._description(ent)[2]):
            # "Kolvana, the state shipping line": not a place, whatever the model says
            return self._organisation(ent, text)
        return None

    def _titled_person(self, ent: Span, text: str) -> Entity | None:
        """A person outside the gazetteer, known by the title and country around the name."""
        # "Prime Minister Mr. Ram Karki": the parse may hang the title on a first name
        title_tokens = [t for w in ent for t in w.children if t.i < ent.start and t.dep_ in _OWNER_DEPS]
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
        if country is None and (sector in _CONTEXT_TITLE_SECTORS or official):
            # "the Peruvian Foreign Ministry said that Minister X summoned ...": the body reports its own
            reporter = self._reporting_body_country(ent)
            if reporter is not None:
                return Entity(text=text, name=ent.text, country=reporter, sector=sector, resolved_by="context")
        if country is None and (sector in _CONTEXT_TITLE_SECTORS or official) and self.home_country:
            # "Transport Minister Julio Castellón" in a Nicaraguan story: a Nicaraguan minister
            home = self._home_beside(self._other_sides(ent))
            if home is not None:
                return Entity(text=text, name=ent.text, country=home, sector=sector, resolved_by="context")
        return Entity(text=text, name=ent.text, country=country, sector=sector, resolved_by="title")

    def _reporting_body_country(self, ent: Span) -> str | None:
        """'The Peruvian Foreign Ministry issued a statement saying that Minister X summoned
        ...': an official known by a bare title, in what a state body reports, is that body's
        own. Only a body the text itself gives one country (not the story's by default) counts."""
        current = ent.root
        reported = False
        while current.head.i != current.i:
            if current.dep_ in ("ccomp", "acl", "advcl") and current.pos_ in ("VERB", "AUX"):
                reported = True
            current = current.head
            if not reported or current.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in current.children if c.dep_ == "nsubj"]
            if not subjects:
                continue  # "a statement saying that ...": the participle's subject is the issuer's
            if len(subjects) != 1 or ent.start <= subjects[0].i < ent.end:
                return None
            if subjects[0].pos_ not in ("NOUN", "PROPN"):
                return None  # a pronoun's country is the coreference's guess, not the text's
            found = [e for e in self.resolve(subjects[0]) if e.country and len(e.country) == 3]
            if len(found) == 1 and found[0].sector == "GOV" and found[0].resolved_by != "context":
                return found[0].country
            return None
        return None

    def _home_beside(self, others: set[str]) -> str | None:
        """The story's own country, unless it is the other side's: then the country the story
        names most after it, if any."""
        if self.home_country not in others:
            return self.home_country
        rest = {code: n for code, n in self._country_counts.items() if code not in others}
        return max(rest, key=lambda code: rest[code]) if rest else None

    def _other_sides(self, ent: Span) -> set[str]:
        """Countries a person is told apart from: 'X met his Greek counterpart' is not Greek,
        nor is a host who 'welcomed his Russian guest'. The relation noun comes after the name
        in its sentence, with 'his'/'her' and no other person between to own it."""
        found: set[str] = set()
        for token in self.doc[ent.end : ent.sent.end]:
            if token.lemma_.lower() not in _OTHER_SIDE_NOUNS or token.pos_ != "NOUN":
                continue
            if not any(c.dep_ == "poss" and c.lower_ in _PERSON_PRONOUNS for c in token.children):
                continue
            own = {t.i for c in token.children if c.dep_ in ("appos", "compound") for t in c.subtree}
            between = [
                e
                for e in entities(self.doc)
                if e.label_ == "PERSON" and ent.end <= e.start < token.i and e.start not in own
            ]
            if between:
                continue
            found |= {code for code, _ in self._owner_countries(token)}
            for i in sorted(own):
                named = self._ent(self.doc[i])
                if named is not None and named.label_ == "PERSON" and named.start == i:
                    entry = self._entry(named)
                    if entry is not None and entry.country:
                        found.add(entry.country_on(self.day) or entry.country)
        found |= self._peers_met(ent)
        return found

    def _peers_met(self, ent: Span) -> set[str]:
        """'Prime Minister X held talks with Y, Prime Minister of India': a person a titled
        name meets under the same title is of another country."""
        verb = ent.root.head
        if ent.root.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
            return set()
        before = self.doc[max(ent.sent.start, ent.start - 4) : ent.start]
        own = self._longest_title([*before, *ent])
        if own is None:
            return set()
        met: set[str] = set()
        for other in entities(self.doc):
            if other.label_ != "PERSON" or other.start <= ent.end or other.start >= ent.sent.end:
                continue
            if not any(a.i == verb.i for a in other.root.ancestors):
                continue
            appositions = [t for c in other.root.children if c.dep_ == "appos" for t in c.subtree]
            titled_before = self._longest_title(self.doc[other.start - 3 : other.start])
            if own not in (self._longest_title(appositions), titled_before):
                continue
            entry = self._entry(other)
            if entry is not None and entry.country:
                met.add(entry.country_on(self.day) or entry.country)
        return met

    def _longest_title(self, words) -> str | None:
        """The longest title in a run of words: 'prime minister', not 'minister'."""
        lowered = [t.lower_ for t in words if not t.is_punct]
        grams = sorted(
            (" ".join(lowered[i:j]) for i in range(len(lowered)) for j in range(i + 1, len(lowered) + 1)),
            key=len,
            reverse=True,
        )
        return next((gram for gram in grams if gram in self.gazetteer.titles), None)

    def _led_body_country(self, ent: Span) -> str | None:
        """The country of the body a person is said to lead: 'a Chinese delegation led by X',
        'a delegation of the Russian Defence Ministry headed by Deputy Minister X'."""
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

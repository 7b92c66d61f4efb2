"""Coreference for the actor resolver: pronouns and their antecedents, definite references ('the
minister', 'the party'), the people and organisations remembered so far, and the country named
last. Split out of resolve.py so that the resolver reads in one sitting."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dyad.actors.gazetteer import actor_words
from dyad.actors.words import (
    _PERSON_PRONOUNS,
    _definite,
    _expletive,
    _left_edge,
    _Mention,
    _specific_title_words,
)
from dyad.nlp import entities, entities_in
from dyad.records import Entity

_OTHER_SIDE_NOUNS = actor_words("other_side_nouns")
_REPORTING_VERBS = actor_words("reporting_verbs")
# the possessive forms that may be the same person as a pronoun ("with his counterpart, he ...")
_PRONOUN_FORMS = {"he": {"his"}, "him": {"his"}, "his": {"his"}, "she": {"her"}, "her": {"her"}}


class CoreferenceMixin:
    """Rules that point back to earlier mentions; mixed into ActorResolver."""

    def _pronoun(self, pronoun: Token) -> list[Entity]:
        """'he'/'she' is the last person named; a subject 'it' the last organisation."""
        lowered = pronoun.lower_
        antecedent = None
        if lowered in _PERSON_PRONOUNS:
            antecedent = self._continued_subject(pronoun) or self._titled_reporter(pronoun) or self._antecedent(pronoun)
        elif lowered == "it" and pronoun.dep_ in ("nsubj", "nsubjpass") and not _expletive(pronoun):
            speaker = self._speaking_body(pronoun)
            if speaker is not None:
                return [speaker.model_copy(update={"text": pronoun.text, "resolved_by": "coref"})]
            previous = self._previous_main_subject(pronoun)
            if previous is not None:
                return [previous.model_copy(update={"text": pronoun.text, "resolved_by": "coref"})]
            # only as far back as the previous sentence: 'it' is as often a thing as a body
            sentence = pronoun.sent
            since = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
            antecedent = self._organisation_before(pronoun.i, since=since)
            country = self._country_before(pronoun.i, since)
            if country is not None and (antecedent is None or country[0] > self._last_organisation_index(pronoun.i)):
                antecedent = country[1]  # "the United States ... the sanctions it has imposed"
            named_here = self._named_in_own_clause(pronoun)
            only_a_country = antecedent is not None and (
                (country is not None and antecedent is country[1]) or antecedent.resolved_by == "context"
            )
            if only_a_country and antecedent.country in named_here:
                return []  # "It decided to suspend Gabon": 'it' is not the country it acts on
        if antecedent is None:
            return []
        return [antecedent.model_copy(update={"text": pronoun.text, "resolved_by": "coref"})]

    def _previous_main_subject(self, pronoun: Token) -> Entity | None:
        """'Ottawa says Laos and Cuba are governed by autocrats. It later
        offered ...': an 'it' that is its sentence's main subject goes on with the main subject
        of the sentence before, when that is a state or body, not with a country named last
        inside what that subject said."""
        if not _main_subject(pronoun) or pronoun.sent.start == 0:
            return None
        before = self.doc[pronoun.sent.start - 1].sent
        if before.root.pos_ not in ("VERB", "AUX"):
            return None
        subjects = [c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) != 1 or subjects[0].pos_ == "PRON" or subjects[0].conjuncts:
            return None
        ent = self._ent(subjects[0])
        if ent is None or ent.label_ not in ("GPE", "ORG"):
            return None
        found = [e for e in self.resolve(subjects[0]) if e.country]
        return found[0] if len(found) == 1 and found[0].sector != "CVL" else None

    def _continued_subject(self, pronoun: Token) -> Entity | None:
        """'X said ... Y ..., and she rejected ...': a 'he'/'she' subject of a clause joined to
        one whose subject is a named person goes on with that person (the sentence's topic),
        not with whoever was named last in between."""
        verb = pronoun.head
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj" or verb.head.i == verb.i:
            return None
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
        if not subjects or subjects[0].pos_ == "PRON":
            return None
        named = [e for e in self.resolve(subjects[0]) if e.country and e.name]
        person = self._ent(subjects[0])
        return named[0] if len(named) == 1 and person is not None and person.label_ == "PERSON" else None

    def _titled_reporter(self, pronoun: Token) -> Entity | None:
        """'The Chinese foreign ministry spokesperson said that his country opposes ...': a
        he/his/she/her inside what an unnamed titled speaker reports is that speaker, when no
        person is named between them; not the person named last before the sentence. The
        titled speaker is never remembered as a named person, so _antecedent cannot find it."""
        if pronoun.lower_ not in ("he", "his", "she", "her") or pronoun.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return None
        current = pronoun.head
        while current.dep_ != "ccomp":
            if current.head.i == current.i or current.dep_ in ("relcl", "acl", "advcl", "conj"):
                return None
            current = current.head
        verb = current.head
        if verb.lemma_.lower() not in _REPORTING_VERBS:
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < pronoun.i]
        if len(subjects) != 1 or subjects[0].pos_ != "NOUN":
            return None
        speaker = subjects[0]
        if speaker.lemma_.lower() not in self.gazetteer.titles and speaker.lower_ not in self.gazetteer.titles:
            return None
        if any(t.ent_type_ == "PERSON" for t in self.doc[speaker.left_edge.i : pronoun.i]):
            return None  # "the minister said Lula and his government ...": a person in between
        found = [e for e in self.resolve(speaker) if e.country]
        if not found:  # "the Foreign Ministry spokesperson": the body it speaks for
            owners = [self.owner(c) for c in speaker.children if c.dep_ in ("compound", "amod", "poss")]
            found = [e for e in owners if e is not None and e.country]
        return found[0] if len(found) == 1 else None

    def _possessed_place(self, token: Token) -> Entity | None:
        """'his country', 'her nation': the country of the person the possessive points to
        ('X rejected the sanctions against his country' is X's own country)."""
        possessive = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in _PERSON_PRONOUNS), None)
        if possessive is None:
            return None
        owners = [e for e in self._pronoun(possessive) if e.country and len(e.country) == 3]
        if not owners:
            return None
        text = self.doc[_left_edge(token) : token.i + 1].text
        return Entity(text=text, name=None, country=owners[0].country, sector="GOV", resolved_by="coref")

    def _speaking_body(self, pronoun: Token) -> Entity | None:
        """'The army said it had struck ...': a subject 'it' in a clause under a body that
        speaks or acts is that body, whatever country was named in between. Not a person
        ('Lavrov said it was ...' is about something else)."""
        verb = pronoun.head
        for ancestor in verb.ancestors:
            if ancestor.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
            if not subjects:
                continue
            subject = subjects[0]
            if subject.lower_ == "it":  # "... said it had struck depots, where it accused ...": the same body
                found = self._pronoun(subject)
                return found[0] if found else None
            ent = self._ent(subject)
            person = (ent is not None and ent.label_ == "PERSON") or subject.lower_ in _PERSON_PRONOUNS
            if person or subject.lemma_.lower() in self.gazetteer.titles or subject.pos_ == "PRON":
                return None
            found = [e for e in self.resolve(subject) if e.country]
            return found[0] if len(found) == 1 else None
        return None

    def _recent_country(self, token: Token) -> str | None:
        """The country named last before the token, in its sentence or the one before; 'the
        island' only an island state, else the story's own when that is one."""
        sentence = token.sent
        start = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        island = token.lower_ == "island"
        for ent in reversed([e for e in entities(self.doc) if start <= e.start < token.i and e.label_ == "GPE"]):
            entry = self._entry(ent)
            if (
                entry is not None
                and entry.kind == "country"
                and (not island or entry.country in self.gazetteer.islands)
            ):
                return entry.country
        if not island:
            return None
        if self.home_country in self.gazetteer.islands:
            return self.home_country
        for ent in reversed([e for e in entities(self.doc) if e.start < token.i and e.label_ == "GPE"]):
            entry = self._entry(ent)  # an island state named earlier in the story
            if entry is not None and entry.kind == "country" and entry.country in self.gazetteer.islands:
                return entry.country
        return None

    def _state_before(self, index: int) -> str | None:
        """The country whose state last spoke or acted before `index`, in its sentence or the
        three before: a country as a main clause's subject ('Turkey denounced ...'), a person or
        body of a state sector in that place ('Lavrov said', 'a Chinese spokesperson said',
        'Belarus' defence minister said'); not words inside quotation marks or the clause a
        speaker reports (what the speaker talks about). An
        unnamed state body ('the Foreign Ministry said') is that state's more often than the
        country the story names most: a story on Turkey's protest names Israel more."""
        sentence = self.doc[index].sent
        since = sentence.start
        for _ in range(3):
            if since > 0:
                since = self.doc[since - 1].sent.start
        quoted = self._quoted()
        found: list[tuple[int, str]] = []
        for ent in entities(self.doc):
            if not since <= ent.start < index or ent.start in quoted:
                continue
            entry = self._entry(ent) if ent.label_ == "GPE" else None
            if entry is not None and entry.kind == "country" and ent.root.dep_ in ("nsubj", "nsubjpass"):
                if _main_subject(ent.root):
                    found.append((ent.start, entry.country))
            elif ent.label_ in ("NORP", "GPE") and _main_subject(ent.root):
                # "a Chinese spokesperson said", "Belarus' defence minister said"
                head = ent.root.head
                code = self.gazetteer.country_code(ent.text) or (entry.country if entry is not None else None)
                sector = self._lookup([head.lower_], [head.lemma_.lower()])[0] if head.i > ent.root.i else None
                if code and len(code) == 3 and sector in _STATE_SECTORS:
                    found.append((ent.start, code))
        for mention in (*self._people, *self._organisations):
            entity = mention.entity
            if since <= mention.token_index < index and mention.token_index not in quoted:
                if not _main_subject(self.doc[mention.token_index]):
                    continue  # "the actions of X": what the speaker talks about
                if entity.country and len(entity.country) == 3 and entity.sector in _STATE_SECTORS:
                    found.append((mention.token_index, entity.country))
        return max(found)[1] if found else None

    def _quoted(self) -> set[int]:
        """Indices of the tokens inside quotation marks, straight or curly."""
        if getattr(self, "_quoted_cache", None) is None:
            inside, open_, marks = set(), None, {'"', "“", "”"}
            for token in self.doc:
                if token.text in marks:
                    closing = token.text == "”" or (token.text == '"' and open_ is not None)
                    if closing and open_ is not None:
                        inside.update(range(open_ + 1, token.i))
                        open_ = None
                    elif token.text != "”":
                        open_ = token.i
            self._quoted_cache = inside
        return self._quoted_cache

    def _country_before(self, index: int, since: int) -> tuple[int, Entity] | None:
        """The last country named as a subject or object before `index`, and where."""
        for ent in reversed([e for e in entities(self.doc) if since <= e.start < index and e.label_ == "GPE"]):
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

    def _named_in_own_clause(self, pronoun: Token) -> set[str]:
        """The countries named by name in the clause a subject 'it' governs. A pronoun never
        points to a country its own clause names again ('It decided to suspend Gabon' is not
        Gabon suspending itself; English would say 'itself'), so that country is no antecedent,
        and 'it' falls back to the organisation named before, if any."""
        verb = pronoun.head
        if verb.i == pronoun.i:
            return set()
        span = {t.i for t in verb.subtree} - {t.i for t in pronoun.subtree}
        named = set()
        for ent in entities(self.doc):
            if ent.label_ == "GPE" and ent.start in span:
                entry = self._entry(ent)
                if entry is not None and entry.kind == "country":
                    named.add(entry.country)
        return named

    def _last_organisation_index(self, index: int) -> int:
        earlier = [m.token_index for m in self._organisations if m.token_index < index]
        return earlier[-1] if earlier else -1

    def _definite_reference(self, token: Token, is_title: bool) -> Entity | None:
        """'The minister said' is the last person named; 'The party' the last party named."""
        if not _definite(token):
            return None
        text = self.doc[_left_edge(token) : token.i + 1].text
        antecedent = None
        if is_title:
            # "The pontiff" after "Pope Francis met Raúl Castro": the last person of that sector
            sector = self._phrase_sector(token, _left_edge(token))[0]
            title_word = token.lemma_.lower()
            # "ousted President X ... had the president arrested": a title the text gives the
            # name counts, though the office ended before the story's date
            same = [
                m
                for m in self._people
                if m.token_index < token.i
                and (
                    m.entity.sector == sector
                    or (m.entity.sector is None and title_word in _words_before(self.doc[m.token_index]))
                )
            ]
            specifics = _specific_title_words(token)
            if specifics:
                # "the transport minister" is someone introduced with that title, else somebody new
                same = [m for m in same if specifics <= _words_before(self.doc[m.token_index])]
                if not same:
                    return None
            qualifier = self._sentence_country(token)
            if qualifier is not None and any(m.entity.country == qualifier for m in same):
                # "the Peruvian court had the president arrested": the president of the country
                # the sentence names, not the last president the story named
                same = [m for m in same if m.entity.country == qualifier]
            if token.lemma_.lower() in _LEADER_WORDS:
                # "The head of state arrived": the leader the story follows, i.e. the last one
                # it made the subject, not the counterpart named beside him
                # it made the subject, not the counterpart named beside him; "the president" the
                # last one titled so ("ousted President X"), not a minister who was a subject
                subjects = [m for m in same if _leads_a_clause(self.doc[m.token_index])]
                if token.lemma_.lower() in ("head", "president"):  # not a deputy prime minister
                    titled = [m for m in same if _titled_head_of_state(self.doc[m.token_index])]
                    same = [m for m in titled if m in subjects] or titled or subjects or same
                else:
                    same = subjects or same
            antecedent = same[-1].entity if same else self._antecedent(token)
            if antecedent is not None and antecedent.sector is None and same:
                antecedent = antecedent.model_copy(update={"sector": sector})
        else:
            sectors = self._org_noun_sectors(token)
            if sectors:
                antecedent = self._organisation_before(token.i, sectors, noun=token.lemma_.lower())
        if antecedent is None:
            return None
        return antecedent.model_copy(update={"text": text, "resolved_by": "coref"})

    def _sentence_country(self, token: Token) -> str | None:
        """The country the token's sentence names last before it: a demonym, a country or a
        named person's ('Peruvian', "Peru's", "Castillo's")."""
        found = None
        for ent in entities_in(token.sent):
            if ent.start >= token.i:
                break
            if ent.label_ in ("NORP", "GPE"):
                entry = self._entry(ent) if ent.label_ == "GPE" else None
                code = self.gazetteer.country_code(ent.text) or (
                    entry.country if entry is not None and entry.kind == "country" else None
                )
            elif ent.label_ == "PERSON":
                person = self._cache.get((ent.start, ent.end))
                code = person.country if person is not None else None
            else:
                code = None
            if code and len(code) == 3:
                found = code
        return found

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

    # -- coreference ------------------------------------------------------------------
    def _remember_person(self, ent: Span, entity: Entity) -> None:
        self._people.append(_Mention(ent.start, entity))
        canonical = entity.name or ent.text
        self._by_surname.setdefault(canonical.split()[-1].lower(), entity)
        self._by_surname.setdefault(ent[-1].lower_, entity)
        for name in (canonical, ent.text):
            regnal = _regnal_name(name)
            if regnal is not None:  # "King Abdullah II of Jordan ... King Abdullah said"
                self._by_surname.setdefault(regnal, entity)
        if len(ent) > 1 and ent[0].lower_ not in self.gazetteer.titles:
            self._by_first_name.setdefault(ent[0].lower_, entity)

    def _antecedent(self, pronoun: Token) -> Entity | None:
        """The last person before the pronoun; for a possessive in a fronted phrase with no
        person before it in its sentence ('During his visit, X ...'), the first person after."""
        sentence = pronoun.sent
        bound = _co_arguments(pronoun) | _counterparts(pronoun)
        before = [m for m in self._people if m.token_index < pronoun.i and m.token_index not in bound]
        first_comma = next((t.i for t in sentence if t.text == ","), sentence.end)
        # "During his recent visit to Minsk, Díaz-Canel ...": before the main clause (or its comma)
        fronted = pronoun.dep_ == "poss" and (pronoun.i < sentence.root.i or pronoun.i < first_comma)
        if fronted and not any(m.token_index >= sentence.start for m in before):
            after = [m for m in self._people if pronoun.i < m.token_index < sentence.end]
            if after:
                return after[0].entity
        last = before[-1] if before else None
        titled = self._titled_in_sentence(pronoun, after=last.token_index if last is not None else -1)
        if titled is not None:
            return titled
        return last.entity if last is not None else None

    def _titled_in_sentence(self, pronoun: Token, after: int) -> Entity | None:
        """'revoked the French ambassador's immunity and told the police to expel him': an
        object 'him'/'her' is the person a title named earlier in its own sentence, with a
        country, when no named person comes between: the envoy, not a leader named before."""
        if pronoun.dep_ not in ("dobj", "pobj", "dative") or pronoun.lower_ not in ("him", "her"):
            return None
        titles = self.gazetteer.titles
        for token in reversed(self.doc[max(pronoun.sent.start, after + 1) : pronoun.i]):
            if token.pos_ != "NOUN" or (token.lower_ not in titles and token.lemma_.lower() not in titles):
                continue
            found = [e for e in self._groups(token) if e.country and e.resolved_by == "demonym"]
            if found:
                return found[0]
        return None

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


_LEADER_WORDS = actor_words("leader_words")
# Sectors that speak for a state: whose officials and bodies an unnamed ministry follows
_STATE_SECTORS = {"GOV", "MIL", "LEG"}
_ROMAN_NUMERAL = re.compile(r"^[IVX]+$")


def _regnal_name(name: str) -> str | None:
    """The name a monarch or pope goes by on second mention: 'Abdullah II of Jordan' and
    'Mohammed VI' are 'Abdullah' and 'Mohammed' later, a name with no surname to repeat."""
    words = name.split()
    if " of " in f" {name} ":
        words = words[: words.index("of")]
    if len(words) >= 2 and _ROMAN_NUMERAL.match(words[-1]):
        return words[-2].lower()
    return None


def _main_subject(token: Token) -> bool:
    """Whether the token is in the subject of its sentence's main clause (or of a clause
    conjoined to it): the speaker of 'X said that ...', not the subject of what X said."""
    if not _in_subject(token):
        return False
    current = token
    while current.dep_ not in ("nsubj", "nsubjpass"):
        current = current.head
    verb = current.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _in_subject(token: Token) -> bool:
    """Whether the token is part of a clause's subject: the subject's head, a word of its name
    or a modifier ('Chinese' in 'a Chinese spokesperson said'), its apposition, or a body the
    subject noun names with a preposition ('X, spokesperson for the office of the council, said')."""
    current = token
    for _ in range(12):
        if current.dep_ in ("nsubj", "nsubjpass"):
            return True
        if current.head is current:
            return False
        within_noun = current.dep_ == "pobj" and current.head.head.pos_ in ("NOUN", "PROPN")
        if current.dep_ not in ("compound", "amod", "poss", "flat", "appos", "nmod", "prep") and not within_noun:
            return False
        if current.dep_ == "prep" and current.head.pos_ not in ("NOUN", "PROPN"):
            return False
        current = current.head
    return False


def _leads_a_clause(token: Token) -> bool:
    """Whether the token is its clause's subject, or its first conjunct or apposition, and not
    the second of 'A and his counterpart B'."""
    current = token
    for _ in range(12):
        if current.dep_ in ("nsubj", "nsubjpass"):
            return True
        if current.dep_ == "conj":
            return False
        if current.head.i == current.i:  # a name the parser made the root: a misparsed subject
            return current.pos_ in ("NOUN", "PROPN")
        current = current.head
    return False


def _words_before(name: Token) -> set[str]:
    """The words just before a name, where its title stands: back to the verb before it, so the
    subject's title in 'Prime Minister X welcomed King Y' is not taken for Y's."""
    words: set[str] = set()
    for token in reversed(name.doc[max(name.sent.start, name.i - 10) : name.i]):
        if token.pos_ in ("VERB", "AUX"):
            break
        words.add(token.lower_)
    return words


_HEAD_OF_STATE_TITLES = actor_words("head_of_state_titles")


def _titled_head_of_state(name: Token) -> bool:
    """Whether a president's title comes just before the name ('President X', 'The President
    of Venezuela, X'), and not a vice-president's."""
    window = _words_before(name)
    return bool(window & _HEAD_OF_STATE_TITLES) and not any(w.startswith("vice") for w in window)


_ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "agent")


def _counterparts(pronoun: Token) -> set[int]:
    """'Together with his Slovak counterpart X, he sent ...': the person a pronoun's sentence
    names as 'his/her counterpart' (host, guest) is the other side, never the 'he' himself."""
    found: set[int] = set()
    for noun in pronoun.sent:
        if noun.lemma_.lower() not in _OTHER_SIDE_NOUNS or noun.i == pronoun.i:
            continue
        # the possessive is the pronoun's own person only when its form agrees ('his' with 'he')
        same = _PRONOUN_FORMS.get(pronoun.lower_, set())
        if not any(c.dep_ == "poss" and c.lower_ in same and c.i != pronoun.i for c in noun.children):
            continue
        phrase = noun.head if noun.dep_ in ("compound", "nmod") else noun  # "counterpart [Juraj] Blanar"
        if not phrase.left_edge.i <= pronoun.i <= phrase.right_edge.i:
            found |= {t.i for t in phrase.subtree}
    return found


def _co_arguments(pronoun: Token) -> set[int]:
    """Tokens a 'he'/'him' cannot point to: the other arguments of its own verb ('whom she
    accused' is not about whom; 'a letter from X inviting him' does not invite X)."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass", "dobj", "dative", "pobj"):
        return set()
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    own = {t.i for t in pronoun.subtree}
    bound = {
        t.i for child in verb.children if child.dep_ in _ARGUMENT_DEPS and child.i not in own for t in child.subtree
    }
    if verb.dep_ in ("relcl", "acl"):  # the noun the clause hangs on is one of its arguments
        clause = {t.i for t in verb.subtree}
        bound |= {t.i for t in verb.head.subtree if t.i not in clause}
    return bound

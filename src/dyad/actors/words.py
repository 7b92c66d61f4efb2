"""Word lists and small token/span helpers the actor resolver's rules share, kept apart so
that each rule module can read them without importing the resolver itself. The words
themselves are data, in data/en/words.yaml, with why each list exists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyad.actors.gazetteer import ActorEntry, Gazetteer, Role, actor_words
from dyad.nlp import entities, entities_in
from dyad.records import Entity

_PERSON_PRONOUNS = actor_words("person_pronouns")
# Heads whose identity is the body named after them: "a delegation from the FAR",
# "Agents of the MININT", "Member states of ALBA".
_COLLECTIVE_NOUNS = actor_words("collective_nouns")
# "his ally": another person than the one the possessive points to.
_RELATIONAL_NOUNS = actor_words("relational_nouns")
# "It is expected that ...", "It seems ...": subjects that refer to nothing.
_EXPLETIVE_VERBS = actor_words("expletive_verbs")
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


# Titles that speak or act for somebody else: they take their principal's country and sector.
_SPOKES_NOUNS = actor_words("spokes_nouns")
# "the island", "the country": the country just named, else the story's own.
_PLACE_REFERENCES = actor_words("place_references")
# Bodies that act where they are, so that an unnamed country is the story's (or the place's
# they are said to be in): police, courts, residents, protesters, opposition, students,
# doctors, gangs and rebels; "a judge", "a police officer". Not governments: a story about
# two countries says whose government it means (see _NATIONAL_BODIES for named state bodies).
_QUANTITY_WORDS = actor_words("quantity_words")
_CONTEXT_SECTORS = {"COP", "JUD", "CVL", "OPP", "EDU", "HLH", "CRM", "REB", "REL"}
# Officials a story names by title alone are, unless it says otherwise, the story's own.
# (Not journalists, doctors or businessmen: a story quotes foreign ones as often as its own.)
_CONTEXT_TITLE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "PTY"}
# ... and so are ministers of any sector ("Health Minister Ana Rivas").
_OFFICIAL_WORDS = actor_words("official_words")


# Bodies a state has one of: named without a country ("The Supreme Court", "Parliament",
# "the central bank", "The Interior Ministry"), they are the story's country's. Not
# "government" or "authorities": a story about two countries says whose it means.
_NATIONAL_BODIES = actor_words("national_bodies")
# Kinds of organisation a text may describe before it names one ("a Chinese firm").
_DESCRIBED_SECTORS = {"BUS", "MED"}
_SHARED_BODY_WORDS = actor_words("shared_body_words")
# Words that say what kind of local body a city's name opens ("Gomel Regional Court").
_BODY_ADJECTIVES = actor_words("body_adjectives")
# "in the city of Rasht": the place is the "of" phrase.
_PLACE_NOUNS = actor_words("place_nouns")
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
    for ent in entities(token.doc):
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
    for ent in entities_in(span):
        entry = gazetteer.find(ent.text)
        if entry is not None and entry.kind in ("country", "capital"):
            return entry.country
    return None


_GENERIC_MODIFIERS = actor_words("generic_modifiers")


def _specific_title_words(title: Token) -> set[str]:
    """The words that narrow a title down: 'transport' in 'the transport minister'."""
    return {
        c.lower_
        for c in title.children
        if c.dep_ in ("compound", "amod") and not c.ent_type_ and c.lower_ not in _GENERIC_MODIFIERS
    }


# Appositions that make a name a person's, whatever body follows ("director of the Office for ...")
_PERSON_ROLES = actor_words("person_roles")
# Weapons and units that act for whoever owns them ("RSF artillery struck the camp")
_FORCE_NOUNS = actor_words("force_nouns")


_TITLE_FILLER = actor_words("title_filler")


def role_the_text_names(ent: Span, entry: ActorEntry, day: dt.date | None) -> Role | None:
    """The one role of a person's several that the words around the name spell out ('X,
    chairperson of the AU Commission'): its title's words or its body's code."""
    if len(entry.roles) < 2:
        return None
    doc = ent.doc
    around = [t for c in ent.root.children if c.dep_ == "appos" for t in c.subtree]
    around += list(doc[max(ent.sent.start, ent.start - 8) : ent.start])
    words = {t.lower_ for t in around} | {t.text for t in around}
    if words & {"former", "ex", "then", "late", "previous", "outgoing"}:
        return None  # "Former president X": a past office, not the one on the event date
    matches = []
    for role in entry.roles:
        title = {w.lower() for w in (role.title or "").replace(",", " ").split()} - _TITLE_FILLER
        body = role.country or entry.country
        if title and (title <= words or (body in words and len(body or "") <= 5 and title & words)):
            matches.append(role)
    if not matches or entry.role_on(day) in matches:
        return None  # the dated role agrees with the text, or the text names none
    return matches[-1]


def titled_name(token: Token, titles: dict[str, str] | None = None) -> bool:
    """A proper name with an office before it: 'Minister ... Mehdi Rostami', and with `titles`
    any title of them ('Indian NSA Vijay Rawal')."""
    return any(
        child.dep_ in ("nmod", "compound")
        and (child.lower_ in _OFFICIAL_WORDS or (titles is not None and child.lower_ in titles))
        and child.i < token.i
        for child in token.children
    )

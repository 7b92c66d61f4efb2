"""A state named as the actor of fighting, shoot-downs or deployments is its armed forces.

The coding guide (hard cases): "A state named as the actor of fighting, shoot-downs or
deployments is MIL; otherwise a state name or capital is GOV." News names the state for
its army all the time ("North Korea fired a ballistic missile", "Moscow's invasion of
Ukraine", "Israeli air strikes on the camp", "the launch of a missile by Pyongyang",
"France withdrew its troops"), and the analyst filtering by sector wants those as MIL.
Only the name of a state, its capital or its demonym is re-read; a person or a body keeps
the sector of its office ("the Russian president ordered the attack" stays GOV).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.actors.gazetteer import actor_words
from dyad.records import Entity

_FORCE_VERBS = actor_words("force_verbs")
_FORCE_ACT_NOUNS = actor_words("force_act_nouns")
_FORCE_OBJECTS = actor_words("force_objects")
_NOT_FORCE_OBJECTS = actor_words("not_force_objects")
_DEPLOY_VERBS = actor_words("deploy_verbs")
# how a name hangs on the act that makes it the one who fights
_OWNER_DEPS = frozenset(["poss", "amod", "compound", "nmod"])
_SUBJECT_DEPS = frozenset(["nsubj", "csubj"])


def _objects(word: Token) -> list[Token]:
    """The direct objects of a verb, or the 'of' objects of a noun ('the launch of a missile')."""
    found = [c for c in word.children if c.dep_ in ("dobj", "obj")]
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            found += [p for p in prep.children if p.dep_ == "pobj"]
    return found


def _lemmas(words: list[Token]) -> set[str]:
    return {w.lemma_.lower() for w in words} | {w.lower_ for w in words}


def fighting_act(word: Token) -> bool:
    """Whether a verb or noun is an act of fighting or deploying force: 'attacked', 'the
    invasion', 'fired a missile', 'deployed troops', 'the launch of a missile'; not 'struck a
    deal' nor 'launched a campaign'."""
    objects = _lemmas(_objects(word))
    if objects & _NOT_FORCE_OBJECTS:
        return False
    lemma = word.lemma_.lower()
    if word.pos_ in ("VERB", "AUX"):
        return lemma in _FORCE_VERBS or (lemma in _DEPLOY_VERBS and bool(objects & _FORCE_OBJECTS))
    if word.pos_ in ("NOUN", "PROPN"):
        return lemma in _FORCE_ACT_NOUNS or word.lower_ in _FORCE_ACT_NOUNS or bool(objects & _FORCE_OBJECTS)
    return False


def fights(token: Token) -> bool:
    """Whether the words `token` heads stand as the side that fights: the subject of a
    fighting verb, the owner or modifier of a fighting act ('Azerbaijani attack'), its 'by'
    agent ('the launch of a missile by Pyongyang') or a side 'between' ('battles between
    Israel and Hamas'). A conjunct stands where the first of its list stands."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    head = token.head
    if token.dep_ in _SUBJECT_DEPS:
        return fighting_act(head)
    if token.dep_ in _OWNER_DEPS and head.pos_ in ("NOUN", "PROPN"):
        return fighting_act(head)
    if token.dep_ == "pobj" and head.lower_ in ("by", "between") and head.head is not head:
        # "was attacked by Russia", "the launch of a missile by Pyongyang"
        act = head.head
        return fighting_act(act) or (act.pos_ == "NOUN" and bool(_lemmas([act]) & _FORCE_OBJECTS))
    return False


def as_armed_forces(entity: Entity) -> Entity:
    """The state's government re-read as its armed forces."""
    return entity.model_copy(update={"sector": "MIL"}) if entity.sector == "GOV" else entity

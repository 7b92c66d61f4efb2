"""Modality (coding guide section 4) from the grammar around a trigger."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dyad.events import roles
from dyad.events.lexicon import grammar_words, word_list
from dyad.events.roles import SPEECH_VERBS

# The words each rule reads are in data/en/grammar.yaml, with why.
_FUTURE_AUX = grammar_words("future_auxiliaries")
_HYPOTHETICAL_AUX = grammar_words("hypothetical_auxiliaries")
DEONTIC_AUX = grammar_words("deontic_auxiliaries")
_HYPOTHETICAL_GOVERNORS = grammar_words("hypothetical_governors")
_FUTURE_GOVERNORS = grammar_words("future_governors")
_PROMISE_GOVERNORS = grammar_words("promise_governors")
_NEGATING_GOVERNORS = grammar_words("negating_governors")
_UNCOMMITTED_GOVERNORS = grammar_words("uncommitted_governors")
_CONDITION_MARKS = grammar_words("condition_marks")
_CONTRASTS = grammar_words("contrasts")
_REQUESTING_GOVERNORS = grammar_words("requesting_governors")
_CONTENT_NOUNS = grammar_words("content_nouns")
_THREAT_GOVERNORS = grammar_words("threat_governors")
_HARM_VERBS = grammar_words("harm_verbs")
_SOVEREIGNTY_WORDS = grammar_words("sovereignty_words")
# what nouns and refusals say of an act (data/en/modality.yaml, with why)
_THREAT_NOUNS = word_list("modality.yaml", "threat_nouns")
_REFUSAL_GOVERNORS = word_list("modality.yaml", "refusal_governors")
_REFUSAL_PHRASALS = word_list("modality.yaml", "refusal_phrasals")
_HYPOTHETICAL_MODIFIERS = word_list("modality.yaml", "hypothetical_modifiers")
_POSSIBILITY_PREDICATES = word_list("modality.yaml", "possibility_predicates")
_CONDITION_NOUNS = word_list("modality.yaml", "condition_nouns")
_HYPOTHETICAL_DETERMINERS = word_list("modality.yaml", "hypothetical_determiners")
_NEGATING_DETERMINERS = word_list("modality.yaml", "negating_determiners")
_OCCURRENCE_VERBS = word_list("modality.yaml", "occurrence_verbs")
_TEMPORAL_PREPOSITIONS = word_list("modality.yaml", "temporal_prepositions")
_FUTURE_MODIFIERS = word_list("modality.yaml", "future_modifiers")
_NEGATING_MODIFIERS = word_list("modality.yaml", "negating_modifiers")
_CANCELLING_VERBS = word_list("modality.yaml", "cancelling_verbs")
_DELIBERATING_VERBS = word_list("modality.yaml", "deliberating_verbs")


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs that govern it through xcomp/ccomp/advcl/conj links; a
    contrast ends it ('did not name the priests but accused them': the accusation stands)."""
    chain, token = [trigger], trigger
    while token.dep_ in ("xcomp", "conj", "acomp", "pcomp", "ccomp") and token.head.i != token.i:
        if token.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in _CONTRASTS for c in token.head.children):
            break
        token = token.head
        chain.append(token)
    return chain


def _governors(chain: list[Token]) -> list[Token]:
    """The verbs in the chain that govern the next one down; a coordinated verb does not
    ('denied targeting civilians and blamed the army': the blame is not denied)."""
    return [chain[k] for k in range(1, len(chain)) if chain[k - 1].dep_ != "conj"]


def _reported(clause: Token) -> bool:
    """Whether the clause is what somebody said: 'X said (that) ...'."""
    return clause.dep_ in ("ccomp", "parataxis") and clause.head.lemma_ in SPEECH_VERBS


def is_demanded(trigger: Token) -> bool:
    """'X must/should do Z': the act is demanded of X, not done by X."""
    return any(c.dep_ == "aux" and c.lower_ in DEONTIC_AUX for c in trigger.children)


def is_requested_act(trigger: Token) -> bool:
    """The trigger is what a request, invitation or offer asks for, or what a refusal turns
    down; that is the event, not this act."""
    if is_refused_act(trigger) or _requested_noun(trigger):
        return True
    current = trigger
    for _ in range(3):
        if current.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "relcl") or current.head.i == current.i:
            return False
        head = current.head
        if head.pos_ in ("VERB", "AUX") and head.lemma_ in _REQUESTING_GOVERNORS:
            return True
        if head.pos_ == "NOUN" and (head.lower_ in _CONTENT_NOUNS or head.lemma_.lower() in _CONTENT_NOUNS):
            return True
        current = head
    return False


def _requested_noun(trigger: Token) -> bool:
    """'called for talks between Armenia and Azerbaijan', 'urged sanctions against Russia': a
    noun event a request names as what it wants is not done; the request is the event."""
    if trigger.pos_ != "NOUN":
        return False
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.i != head.i:
        head = head.head  # "called for", "pressed for", "appealed for"
    elif trigger.dep_ != "dobj":
        return False
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _REQUESTING_GOVERNORS


def is_refused_act(trigger: Token) -> bool:
    """'refuses to talk with the protesters', 'his refusal to negotiate': the act is turned
    down, so it is not an event; the refusal is, coded REJECT from its own word (guide
    sections 3 and 4), and a second reading of the act would count a meeting that never was."""
    head = trigger.head
    if head.i == trigger.i:
        return False
    if trigger.dep_ in ("xcomp", "acl", "dobj", "pcomp") and _refusal_phrasal(head):
        return True
    if trigger.dep_ not in ("xcomp", "acl"):
        return False
    return head.lemma_.lower() in _REFUSAL_GOVERNORS or head.lower_ in _REFUSAL_GOVERNORS


def _refusal_phrasal(verb: Token) -> bool:
    """'ruled out opening talks', 'ruled out sanctions': a verb and its particle that together
    turn an act down, though the verb alone does not ('ruled on the case')."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    return any(f"{lemma} {c.lower_}" in _REFUSAL_PHRASALS for c in verb.children if c.dep_ == "prt")


def is_capability(trigger: Token) -> bool:
    """'The embargo can only be lifted by Congress': who is able to act, a standing rule and
    not an event (guide section 1: general states are not coded)."""
    return any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in trigger.children) and any(
        c.dep_ == "advmod" and c.lower_ == "only" for c in trigger.children
    )


def is_standing_policy(trigger: Token) -> bool:
    """'Serbia does not recognise Kosovo's independence': a policy that holds, not something
    that happened or failed to (guide section 1: general states are not coded)."""
    children = list(trigger.children)
    return any(c.dep_ == "aux" and c.lower_ in ("does", "do") for c in children) and any(
        c.dep_ == "neg" for c in children
    )


def is_uncommitted_wish(trigger: Token) -> bool:
    """'I hope cooperation stays vibrant': wishes without commitment are not coded."""
    return any(
        t.lemma_ in _UNCOMMITTED_GOVERNORS or t.lower_ in _UNCOMMITTED_GOVERNORS
        for t in _governors(_clause_chain(trigger))
    )


def noun_modality(trigger: Token) -> str | None:
    """What a noun event's own words say of it, or None where they say nothing; the clause
    rules read verbs only (guide section 4):
    - 'a possible credit', 'potential sanctions', 'an attack was very likely', 'any attack on
      Poland', 'in the event of an invasion': called possible, or a condition: hypothetical;
    - 'no talks were held', 'no reports of clashes', 'the cancelled visit', 'called off the
      talks': negated;
    - 'the talks would be held in Geneva', 'the visit did not take place': a verb that only
      says the act happens gives it its own modality ('would have occurred' reports a past
      act at second hand; its date decides);
    - 'will attend a press conference following their meeting': a noun event that times a
      future or possible act is future or possible too;
    - 'the planned visit', 'his upcoming trip': future;
    - 'is weighing new sanctions', 'proposed talks': weighed or proposed, hypothetical."""
    if trigger.pos_ != "NOUN":
        return None
    children = list(trigger.children)
    modifiers = {c.lower_ for c in children if c.dep_ in ("amod", "compound", "det")}
    if modifiers & (_HYPOTHETICAL_MODIFIERS | _HYPOTHETICAL_DETERMINERS):
        return "hypothetical"
    if modifiers & (_NEGATING_DETERMINERS | _NEGATING_MODIFIERS) or _cancelled(trigger):
        return "negated"
    head = trigger.head
    deliberated = trigger.dep_ == "dobj" and head.lemma_.lower() in _DELIBERATING_VERBS and _indefinite(trigger)
    if deliberated and not any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") for c in head.children):
        return "hypothetical"  # "is weighing new sanctions", "proposed talks between them"
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i:
        framing = head.head  # "no reports of clashes", "in the event of an invasion"
        if any(c.dep_ == "det" and c.lower_ in _NEGATING_DETERMINERS for c in framing.children):
            return "negated"
        if framing.lower_ in _CONDITION_NOUNS and framing.dep_ == "pobj" and framing.head.lower_ == "in":
            return "hypothetical"
    if trigger.dep_ == "pobj" and head.lower_ in _TEMPORAL_PREPOSITIONS and head.head.pos_ in ("VERB", "AUX"):
        if any(t.ent_type_ in ("DATE", "TIME") for t in trigger.subtree):
            return None  # "after his visit last week": dated on its own
        said = grammatical_modality(head.head)
        return said if said in ("future", "hypothetical") else None
    if trigger.dep_ in ("nsubj", "nsubjpass") and head.i != trigger.i:
        predicates = {c.lower_ for c in head.children if c.dep_ == "acomp"}
        if head.lemma_ == "be" and predicates & _POSSIBILITY_PREDICATES:
            return "hypothetical"
        if head.lemma_.lower() in _OCCURRENCE_VERBS:
            auxiliaries = {c.lower_ for c in head.children if c.dep_ == "aux"}
            if {"would", "have"} <= auxiliaries:
                return None  # "the last supply would have occurred in February": hearsay of a past act
            return grammatical_modality(head)  # "the planned visit took place": it happened
    if modifiers & _FUTURE_MODIFIERS:
        return "future"
    return None


def _not_yet_arrived(trigger: Token) -> bool:
    """'50 ambulances donated by Belarus have yet to reach the island': what a participle
    says was given is told as not delivered (guide section 4: 'has yet to deliver' is
    negated); 'yet' on the clause of the noun the participle describes says so."""
    noun = trigger.head
    if trigger.dep_ != "acl" or trigger.tag_ != "VBN" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    clause = noun.head
    return clause.i != noun.i and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in clause.children)


def _indefinite(noun: Token) -> bool:
    """'new sanctions', 'an embargo', 'talks': not 'the sanctions' or 'Russia's attack'."""
    return not any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss"
        for c in noun.children
    )


def _cancelled(noun: Token) -> bool:
    """'cancelled the visit', 'the talks were postponed', 'called off the meeting'."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.i == noun.i:
        return False
    if verb.lemma_.lower() in _CANCELLING_VERBS:
        return True
    return verb.lemma_.lower() == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


def grammatical_modality(trigger: Token) -> str:
    """asserted, future, hypothetical or negated; 'historical' is decided later from dates."""
    if (said := noun_modality(trigger)) is not None:
        return said
    if _not_yet_arrived(trigger):
        return "negated"
    chain = _clause_chain(trigger)
    for token in chain:
        children = list(token.children)
        if any(c.dep_ == "neg" for c in children):
            return "negated"
        if any(c.dep_ == "nsubjpass" and any(d.dep_ == "det" and d.lower_ in _NEGATING_DETERMINERS for d in c.children)
               for c in children):  # fmt: skip
            return "negated"  # "no talks were held", "no aid was delivered"
        if token.lemma_ == "yet" or any(c.lower_ == "yet" for c in children):
            return "negated"
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in children):
            return "hypothetical"
    for token in _governors(chain):
        if token.lemma_ in _NEGATING_GOVERNORS:
            return "negated"
        if token.lemma_ in _HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
    if trigger.lemma_ == "propose":
        return "hypothetical"
    auxiliaries = {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
    if "would" in auxiliaries and any(_reported(t) for t in chain):
        auxiliaries = (auxiliaries - {"would"}) | {"will"}  # "said Minsk would respond": reported future
    if auxiliaries & _HYPOTHETICAL_AUX:
        return "hypothetical"
    if auxiliaries & _FUTURE_AUX or any(t.lemma_ in _FUTURE_GOVERNORS | _PROMISE_GOVERNORS for t in _governors(chain)):
        return "future"
    governor = trigger.head
    if trigger.dep_ == "xcomp" and (governor.lemma_ == "be" or (governor.lemma_ == "go" and governor.tag_ == "VBG")):
        return "future"
    return "asserted"


def promised_acts(trigger: Token) -> list[Token]:
    """The acts a promise names: 'vowed to pursue and punish them' names pursue and punish."""
    acts = roles.children(trigger, "xcomp")
    return acts + [conj for act in acts for conj in act.conjuncts if conj.pos_ in ("VERB", "AUX")]


def promises_harm(trigger: Token, harmful: Callable[[Token], bool]) -> bool:
    """'vowed to pursue the perpetrators', 'pledged to punish those responsible': a promise of
    harm is a threat (guide section 3), not a promise to cooperate. `harmful` says whether a
    verb is a trigger of a violent or punitive type ('vowed to strike back')."""
    if trigger.lemma_.lower() not in _THREAT_GOVERNORS:
        return False
    return any(act.lemma_.lower() in _HARM_VERBS or harmful(act) for act in promised_acts(trigger))


def is_threatened_act(trigger: Token) -> bool:
    """'vowed to strike back', 'threatened to impose tariffs': the act is what a vow or a
    threat promises, so the event is the threat, made now, not the act in the future."""
    if threat_noun(trigger) is not None:
        return True
    governors = _governors(_clause_chain(trigger))
    return bool(governors) and governors[0].lemma_.lower() in _THREAT_GOVERNORS


def threat_noun(trigger: Token) -> Token | None:
    """The threat noun that names the act: 'his threat to impose tariffs' (the verb hangs on
    the noun), 'the threat of sanctions', 'threatened with sanctions' (the act's noun is the
    object of the threat's preposition). News names threats as nouns as often as verbs."""
    head = trigger.head
    if trigger.dep_ == "acl" and head.lower_ in _THREAT_NOUNS | {w.rstrip("s") for w in _THREAT_NOUNS}:
        return head
    if trigger.dep_ == "pobj" and head.lower_ in ("of", "with") and head.head.i != head.i:
        governor = head.head
        if governor.pos_ == "NOUN" and governor.lemma_.lower() in _THREAT_NOUNS | {"threat"}:
            return governor
        if governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() == "threaten" and head.lower_ == "with":
            return governor
    return None


def backs_sovereignty(trigger: Token) -> bool:
    """'India is committed to the sovereignty of Afghanistan', 'vowing to back the territorial
    integrity of Bosnia': a commitment to another state's sovereignty names no act to come;
    it is support for that state (SUPPORT), not an AGREE."""
    heads = [trigger, *promised_acts(trigger)]
    objects = [obj for head in heads for obj in roles.direct_objects(head) + roles.prep_objects(head, ("to",))]
    objects += [conj for obj in objects for conj in obj.conjuncts]
    return any(obj.lemma_.lower() in _SOVEREIGNTY_WORDS or obj.lower_ in _SOVEREIGNTY_WORDS for obj in objects)


def demand_modality(trigger: Token) -> str:
    """The modality of a demand made with a modal ('X must not be sanctioned', 'Minsk mustn't
    jail him'): a negation on the demanded act is part of what is demanded, and the demand
    itself is made (asserted)."""
    modality = grammatical_modality(trigger)
    if modality == "negated" and any(c.dep_ == "neg" for c in trigger.children):
        return "asserted"
    return modality

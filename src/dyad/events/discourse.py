"""Roles and dates that the sentence leaves to the story told so far.

A news story refers back: "the two sides agreed", "Minsk rejected the decision", "voted
against it", "In his greeting, he reiterated ...", "Washington has yet to respond to
Havana's offer". These rules fill a draft's empty roles from the events already coded in
the article.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.actors.resolve import ActorResolver
from dyad.events import roles
from dyad.events.draft import Draft
from dyad.events.lexicon import Lexicon, grammar_words, word_list
from dyad.events.modality import threat_noun
from dyad.events.recipients import story_country
from dyad.records import Entity, Event

# the words each rule reads are in data/en/grammar.yaml, with why
_MESSAGE_NOUNS = grammar_words("message_nouns")
# "Washington has yet to respond to Havana's offer": whoever responds is the one addressed
_RESPONSE_VERBS = grammar_words("response_verbs")
_SANCTION_NOUNS = grammar_words("sanction_nouns")
_ATTRIBUTION_WORDS = grammar_words("attribution_words")


def recall_antecedents(draft: Draft, earlier: list[Event], lexicon: Lexicon, resolver: ActorResolver) -> None:
    """Fill the draft's empty roles from what the article already reported."""
    _threat_owner(draft, resolver)
    if _private_travel(draft, lexicon) or _sightseeing(draft):
        draft.actor = []  # nobody or nothing a visit admits: not an event
        return
    pair_subject = draft.subject_phrase in lexicon.pair_phrases
    # "They also agreed to meet in January": a joint act's 'they' is the pair just told
    pair_subject = pair_subject or (draft.sense.symmetric and draft.subject_phrase == "they")
    if not any(e.country for e in draft.actor) and pair_subject:
        size = _group_size(draft.subject_phrase or "")
        # "the two presidents signed a roadmap": a joint cooperative act is done by a pair that
        # cooperated (met, talked), not by one the story set against each other in between
        if lexicon.types[draft.sense.type].cooperative:
            partners = [e for e in earlier if lexicon.types[e.type].cooperative]
            # "They discussed ...": first the pair told meeting or acting together; a pair
            # where one only spoke of the other ("reiterated support for Israel") was not there
            together = [
                e for e in partners if lexicon.types[e.type].copresent or (not e.recipient and len(e.countries()) >= 2)
            ]
            recalled = (_last_pair(together, size) or _last_pair(partners, size)) if partners else []
        else:
            recalled = []
        draft.actor = _states_named_here(draft, resolver, size) or recalled or _last_pair(earlier, size) or draft.actor
        pair = {e.country for e in draft.actor}  # a joint act: no party of it is its recipient
        draft.recipient = [e for e in draft.recipient if e.country not in pair]
        if len(pair) >= 2:
            return  # nor is anyone the story named before
    if any(e.country for e in draft.recipient):
        return
    own = {e.country for e in draft.actor}
    if draft.sense.symmetric and len(own - {None}) >= 2:
        # "South Korean and American forces conducted joint drills": a joint act of the two
        # sides it names; no side leads and nobody the story told before is its recipient
        # (guide section 2: direction)
        return
    found = (
        _pair_object(draft, earlier, lexicon)
        or _message_addressee(draft, earlier, own)
        or _responder(draft.trigger, resolver, own)
        or _pronoun_object(draft, earlier, lexicon, resolver, own)
        or _event_noun_object(draft.object_lemmas, earlier, lexicon, own, draft.sense.type)
        or _home_target(draft, earlier, resolver, own)
        or _jailer(draft, earlier, own)
    )
    if found:
        draft.recipient = found


def _private_travel(draft: Draft, lexicon: Lexicon) -> bool:
    """'Thousands of Cubans travelled to the US', 'tourists arrived in Havana': people going
    abroad on their own business make no visit; a visit is between political actors. Only
    when every actor with a country is of such a sector (a delegation with business people
    in it still visits)."""
    if draft.sense.mode != "visit":
        return False
    private = lexicon.types[draft.sense.type].private_travel  # types.yaml `private_travel`
    sectors = [e.sector for e in draft.actor if e.country]
    return bool(private) and bool(sectors) and all(sector in private for sector in sectors)


_MEMORIAL_SITES = word_list("admission.yaml", "memorial_sites")


def _sightseeing(draft: Draft) -> bool:
    """'visited the Tomb of the Unknown Soldier', 'toured a museum': a visit whose object is
    a memorial or a sight is no visit to a state or its people (the state visit around it is
    coded from its own words)."""
    if draft.sense.mode != "visit":
        return False
    objects = roles.direct_objects(draft.trigger)
    return bool(objects) and all(obj.lemma_.lower() in _MEMORIAL_SITES for obj in objects)


def _threat_owner(draft: Draft, resolver: ActorResolver) -> None:
    """'she dismissed his threat to impose tariffs', 'rejected Washington's threat of
    sanctions': the one who owns the threat threatens, not whoever answers it. A threat
    with no owner named keeps the clause's subject ('Trump renewed the threat to ...')."""
    noun = threat_noun(draft.trigger)
    if noun is None or noun.pos_ != "NOUN":
        return
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for prep in roles.children(noun, "prep") if prep.lower_ == "by" for o in roles.children(prep, "pobj")]
    found = [e for owner in owners for e in resolver.resolve(owner) if e.country]
    if found:
        draft.actor = found
        draft.recipient = [e for e in draft.recipient if e.country not in {a.country for a in found}] or draft.recipient
        draft.rules.append("actor:threat-owner")


_GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4}


def _group_size(phrase: str) -> int:
    """How many parties 'the two sides', 'all three countries' count."""
    return next((_GROUP_SIZES[word] for word in phrase.split() if word in _GROUP_SIZES), 2)


_STATE_PAIR_NOUNS = grammar_words("state_pair_nouns")


def _states_named_here(draft: Draft, resolver: ActorResolver, size: int) -> list[Entity]:
    """'During the Venezuelan leader's trip to Tehran, the two countries signed ...': the
    states are the ones the sentence itself names, when it names exactly that many, before
    any pair the story told earlier. Only for words that mean states ('the two countries',
    'both governments'), not 'the two sides', which in a civil war are one country's."""
    words = (draft.subject_phrase or "").split()
    if not words or words[-1] not in _STATE_PAIR_NOUNS:
        return []
    found: dict[str, Entity] = {}
    for ent in draft.trigger.sent.ents:
        if ent.label_ not in ("GPE", "NORP") or any(
            a.lower_ in _ATTRIBUTION_WORDS and a.dep_ == "prep" for a in ent.root.ancestors
        ):
            continue
        entity = resolver.owner(ent.root)
        if entity is not None and entity.country and len(entity.country) == 3:
            found.setdefault(entity.country, entity)
    return list(found.values()) if len(found) == size else []


def _last_pair(earlier: list[Event], size: int = 2) -> list[Entity]:
    """'The two sides', 'the two countries' ('the three countries'): the group the story has
    told most about so far, the latest such event when two groups tie."""
    counts: dict[frozenset[str], int] = {}
    latest: dict[frozenset[str], Event] = {}
    for event in earlier:
        pair = event.countries()
        if len(pair) == size:
            counts[pair] = counts.get(pair, 0) + 1
            latest[pair] = event
    if not counts:
        return _last_civil_pair(earlier) if size == 2 else []
    order = [event.countries() for event in earlier]
    best = max(counts, key=lambda pair: (counts[pair], max(i for i, p in enumerate(order) if p == pair)))
    return [*latest[best].actor, *latest[best].recipient]


def _last_civil_pair(earlier: list[Event]) -> list[Entity]:
    """'The two sides' in a civil war: the army and the rebels, one country on both sides."""
    for event in reversed(earlier):
        if len(event.countries()) == 1 and event.recipient:
            actor_sectors = {e.sector for e in event.actor}
            if {e.sector for e in event.recipient} - actor_sectors:
                return [*event.actor, *event.recipient]
    return []


def _pair_object(draft: Draft, earlier: list[Event], lexicon: Lexicon) -> list[Entity]:
    """'urged both countries to show restraint': the two sides of the last two-sided event."""
    # "urged both countries", "ready to host talks between the two sides"
    # and a threat's condition: "would respond if the three countries continue their drills"
    through = ("xcomp", "ccomp", "advcl") if draft.sense.type == "THREATEN" else ("xcomp",)
    clause = " ".join(t.lower_ for t in draft.trigger.subtree if roles.in_clause_of(t, draft.trigger, through))
    phrases = (*draft.object_phrases, clause)
    named = [pair for phrase in phrases for pair in lexicon.pair_phrases if " " in pair and pair in phrase]
    if named:
        own = {e.country for e in draft.actor}
        return [e for e in _last_pair(earlier, _group_size(named[0])) if e.country not in own]
    return []


def _message_addressee(draft: Draft, earlier: list[Event], own: set[str | None]) -> list[Entity]:
    """'In his greeting, Lukashenko ... reiterated his willingness': to the greeting's addressee."""
    if not continues_a_message(draft.trigger):
        return []
    names = {e.name for e in draft.actor if e.name}
    for event in reversed(earlier):
        if names & {e.name for e in event.actor} and event.recipient:
            return [e for e in event.recipient if e.country not in own]
    return []


def _responder(trigger: Token, resolver: ActorResolver, own: set[str | None]) -> list[Entity]:
    """An offer or proposal somebody has to answer is addressed to them: 'Washington has yet
    to respond to Havana's offer', 'Iran has yet to reply to a letter in which Trump proposed'."""
    current = trigger
    for _ in range(6):
        if current.lemma_ in _RESPONSE_VERBS and current.i != trigger.i:
            subject = roles.subject_of(current)
            found = [e for e in resolver.resolve(subject) if e.country not in own] if subject is not None else []
            return found
        if current.head.i == current.i:
            return []
        current = current.head
    return []


def _pronoun_object(
    draft: Draft, earlier: list[Event], lexicon: Lexicon, resolver: ActorResolver, own: set[str | None]
) -> list[Entity]:
    """'voted against it' (the resolution just reported), 'accused it of holding prisoners'
    (the government just named): the last event noun before, else the last body named."""
    if not any(lemma in ("it", "them") for lemma in draft.object_lemmas):
        return []
    trigger = draft.trigger
    window_start = trigger.doc[trigger.sent.start - 1].sent.start if trigger.sent.start > 0 else trigger.sent.start
    for token in reversed(trigger.doc[window_start : trigger.i]):
        if token.lower_ in lexicon.event_nouns:
            return _event_noun_object((token.lower_,), earlier, lexicon, own, draft.sense.type)
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "dobj", "pobj", "attr"):
            found = [e for e in resolver.resolve(token) if e.country and e.country not in own]
            if found:
                return found
    return []


def _event_noun_object(
    lemmas: tuple[str, ...], earlier: list[Event], lexicon: Lexicon, own: set[str | None], acting: str = ""
) -> list[Entity]:
    """'Minsk rejected the decision': the actor of the last event of the kind the noun names.
    Not for the act that makes the thing ('signed the agreement' names no earlier signer)."""
    for lemma in lemmas:
        for wanted in lexicon.event_nouns.get(lemma, ()):  # types in order of likelihood
            if wanted == acting:
                continue
            antecedents = _last_actors(earlier, {wanted}, own)
            if antecedents:
                return antecedents
    return []


def _last_actors(earlier: list[Event], types: set[str], own: set[str | None]) -> list[Entity]:
    """The foreign actors of the latest event of one of these types."""
    for event in reversed(earlier):
        antecedents = [e for e in event.actor if e.country and e.country not in own]
        if event.type in types and antecedents:
            return antecedents
    return []


def _home_target(draft: Draft, earlier: list[Event], resolver: ActorResolver, own: set[str | None]) -> list[Entity]:
    """'The United States imposed the embargo in 1962' in a story about Cuba: the embargo is
    the one told before (its target), else on the country the story is about."""
    if draft.sense.type != "SANCTION" or not (set(draft.object_lemmas) & _SANCTION_NOUNS):
        return []
    trigger = draft.trigger
    for token in reversed(trigger.doc[: trigger.i]):  # "the embargo against Cuba" told earlier
        if token.lower_ in _SANCTION_NOUNS:
            # "the embargo on Cuba", or through its clause: "the embargo it has maintained against Cuba"
            holders = [token, *(c for c in token.children if c.dep_ in ("relcl", "acl"))]
            targets = [
                pobj
                for holder in holders
                for prep in holder.children
                if prep.lower_ in ("on", "against")
                for pobj in prep.children
            ]
            found = [e for pobj in targets for e in resolver.resolve(pobj) if e.country and e.country not in own]
            if found:
                return found
    for event in reversed(earlier):  # "the embargo" is the sanction the story already told
        found = [e for e in event.recipient if event.type == "SANCTION" and e.country and e.country not in own]
        if found:
            return found
    home = resolver.home_country
    if home is None or home in own:
        return []
    return [story_country(home)]


_RELEASE_WORDS = grammar_words("release_words")


def _jailer(draft: Draft, earlier: list[Event], own: set[str | None]) -> list[Entity]:
    """'demanded that the men be released': the demand goes to whoever holds them, the actor
    of the last arrest the story told."""
    if draft.sense.type != "REQUEST":
        return []
    asked = {t.lower_ for t in draft.trigger.subtree if t.i != draft.trigger.i}
    if not asked & _RELEASE_WORDS:
        return []
    return _last_actors(earlier, {"COERCE", "SANCTION"}, own)


def continues_a_message(trigger: Token) -> bool:
    """The sentence opens 'In his greeting/letter/speech, ...': it goes on with that message."""
    words = [t.lower_ for t in trigger.sent[:4]]
    return (
        len(words) >= 3
        and words[0] == "in"
        and words[1] in ("his", "her", "its", "their")
        and (words[2] in _MESSAGE_NOUNS or (len(words) > 3 and words[3] in _MESSAGE_NOUNS))
    )

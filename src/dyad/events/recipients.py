"""Where a recipient hides when no role names it: in the object's modifiers, in a purpose
clause, or anywhere in a cooperative act's clause."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.actors.resolve import ActorResolver
from dyad.actors.words import _QUANTITY_WORDS
from dyad.events import roles
from dyad.events.lexicon import grammar_words, load_lexicon
from dyad.records import Entity

# the words each rule reads are in data/en/grammar.yaml, with why
_PLACE_REFERENCES = grammar_words("clause_place_references")
_DEMAND_VERBS = grammar_words("demand_verbs")
_HELP_VERBS = grammar_words("help_verbs")
_AUTHOR_PRONOUNS = grammar_words("author_pronouns")


def other_country_in_clause(
    token: Token, resolver: ActorResolver, actor: list[Entity], promise: bool = False, meeting: bool = False
) -> list[Entity]:
    """A cooperative act's beneficiary named anywhere in its clause: 'willing to finance
    projects in Nicaragua', 'ready to share everything with Iran'; for a promise, in what it
    promises too ('promised that two more cargoes would reach the island')."""
    own = {e.country for e in actor}
    through = ("xcomp", "advcl", "ccomp") if promise else ("xcomp", "advcl")
    describing_actor = actor_phrase(token)
    for candidate in token.subtree:
        if candidate.i == token.i or not roles.in_clause_of(candidate, token, through=through):
            continue
        if candidate.i in describing_actor:
            continue  # "the Russian ambassador to Cuba will attend": who acts, not for whom
        if candidate.lower_ in _PLACE_REFERENCES:
            referred = [e for e in resolver.resolve(candidate) if e.country and e.country not in own]
            if referred:
                return referred
        if candidate.ent_type_ not in ("GPE", "NORP") or _only_where(candidate, resolver):
            continue
        if _in_attribution(candidate):
            continue
        if meeting and _under_topic(candidate, token):
            continue  # "hosted talks on Sudan's war": what a meeting is about is not a party to it
        owner = resolver.owner(candidate)
        if owner is not None and owner.country and owner.country not in own:
            return [owner]
    return []


def actor_phrase(token: Token) -> set[int]:
    """The words of the trigger's own subject (or passive agent) phrase. A country named there
    tells who the actor is ('the Russian ambassador to Cuba', 'the commissioner, a diplomat
    from Nigeria'), so it is never the act's beneficiary."""
    heads = roles.agents(token) if roles.is_passive(token) else [roles.subject_of(token)]
    inside = {t.i for t in token.subtree}
    # a subject outside the trigger's subtree ('the envoy who visited Iran') holds the trigger
    # itself, whose other words are the clause's, not the actor's
    return {t.i for head in heads if head is not None and head.i in inside for t in head.subtree}


_TOPIC_PREPS = grammar_words("meeting_topic_preps")
_TOPIC_VERBS = grammar_words("meeting_topic_verbs")


def _under_topic(candidate: Token, trigger: Token) -> bool:
    """Whether the word sits in an 'on/about/over ...' phrase below the trigger, or in what
    it discusses: a topic."""
    current = candidate
    while current.i != trigger.i and current.head.i != current.i:
        if current.dep_ == "prep" and current.lower_ in _TOPIC_PREPS:
            return True
        if current.dep_ == "dobj" and current.head.lemma_.lower() in _TOPIC_VERBS:
            return True  # "met to discuss the conflict between A and B"
        current = current.head
    return False


_ATTRIBUTION_WORDS = grammar_words("attribution_words")


def _in_attribution(candidate: Token) -> bool:
    """'..., according to Kazakhstan's presidency': whoever a sentence cites as its source
    tells of the act; it takes no part in it."""
    return any(a.lower_ in _ATTRIBUTION_WORDS and a.dep_ == "prep" for a in candidate.ancestors)


def _only_where(name: Token, resolver: ActorResolver) -> bool:
    """'talks in Addis Ababa', 'met in Caracas': a city after 'in' or 'at' is where, not for whom."""
    head = name
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "Addis" in "Addis Ababa"
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "at") and not resolver.names_country(head)


def story_country(code: str) -> Entity:
    """The government of the country the story is about, standing in for an unnamed party."""
    return Entity(text=code, name=None, country=code, sector="GOV", resolved_by="context")


def recipient_in_objects(
    token: Token,
    resolver: ActorResolver,
    meeting: bool = False,
    own_preps: tuple[str, ...] = (),
    own: set[str | None] | frozenset[str | None] = frozenset(),
) -> list[Entity]:
    """Who the act is aimed at when no role names it: 'condemned the U.S. move',
    'praised the resilience of the Cuban people', 'ready to help Cuba'. For a meeting, what
    it is 'on' is its topic ('hosted talks on Sudan's war'), not a party to it. The sense's
    own recipient prepositions count too ('fired at Indian positions'), and a passive's
    subject is its object ('five Azerbaijani men were arrested')."""
    holders = [token]
    for child in roles.children(token, "xcomp", "advcl"):  # "ready to send parts to help Cuba"
        holders += [child, *roles.children(child, "xcomp", "advcl")]
    for holder in holders:
        preps = ("to", "with", "for") if meeting else ("to", "with", "for", "against", "on", *own_preps)
        # "help the island modernise": the small model makes 'the island' the subject of 'modernise'
        helped = [s for c in roles.children(holder, "ccomp", "xcomp") for s in roles.children(c, "nsubj")]
        helped = helped if holder.lemma_ in _HELP_VERBS else []
        # "demanding that the United States lift": whoever is to act
        demanded = [s for c in roles.children(holder, "ccomp") for s in roles.children(c, "nsubj")]
        demanded = demanded if holder.lemma_ in _DEMAND_VERBS else []
        # "praising what he called Minsk's solidarity": what the speaker named it
        named = [
            o
            for c in roles.children(holder, "ccomp")
            if c.lemma_ in ("call", "describe", "term")
            for o in roles.children(c, "dobj", "oprd", "attr")
            if o.lower_ != "what"
        ]
        authors = _misattached_authors(holder) + _amount_beneficiaries(holder)
        # "met to discuss the conflict between A and B": what a meeting discusses is its topic
        topic = meeting and holder.lemma_.lower() in _TOPIC_VERBS
        for obj in (
            ([] if topic else roles.children(holder, "dobj", *(("nsubjpass",) if roles.is_passive(holder) else ())))
            + authors
            + roles.prep_objects(holder, preps)
            + helped
            + demanded
            + named
        ):
            found = resolver.resolve(obj)
            if found:
                return found
            # "condemned the sanctions that the US Treasury imposed", "the measures adopted by the
            # EU", "the package of measures adopted by the EU": who did the thing condemned
            doers = [d for noun in _counted_chain(obj) for d in _doers(noun)]
            found = [e for doer in doers if doer.pos_ not in ("PRON", "DET") for e in resolver.resolve(doer)]
            if found:
                return found
            for modifier in obj.children:
                if modifier.dep_ == "poss" and modifier.lower_ in _AUTHOR_PRONOUNS:
                    # "dismissed his threat", "rejected her remarks": the person whose words they are
                    found = [e for e in resolver.resolve(modifier) if e.country and e.country not in own]
                    if found:
                        return found
                if modifier.dep_ in ("compound", "amod", "poss", "nmod") and modifier.ent_type_:
                    owner = resolver.owner(modifier)
                    if owner is not None:
                        return [owner]
                # "the plans of X", "plans by X", "praised the treaty between A, B and C": its parties
                if modifier.dep_ in ("prep", "agent") and modifier.lower_ in ("of", "by", "between"):
                    found = [e for pobj in roles.children(modifier, "pobj") for e in counted_owner(pobj, resolver)]
                    if found:
                        return found
    return []


def _amount_beneficiaries(holder: Token) -> list[Token]:
    """'froze billions of yen in credit to Laos', 'pledged $40 million in aid for Haiti':
    an amount whose kind is told by an 'in' phrase hangs its beneficiary on that kind's noun,
    which the parse attaches to the verb, not to the amount."""
    amounts = [
        obj
        for obj in roles.children(holder, "dobj")
        if obj.tag_ == "$" or obj.like_num or obj.lower_ in _QUANTITY_WORDS or roles.children(obj, "nummod")
    ]
    if not amounts:
        return []
    kinds = roles.prep_objects(holder, ("in",))
    return [pobj for kind in kinds for pobj in roles.prep_objects(kind, ("to", "for"))]


def counted_owner(noun: Token, resolver: ActorResolver) -> list[Entity]:
    """Who a noun stands for, or what it counts when it is only a measure of it: in 'a large
    grouping of Polish troops' the troops are Polish, whereas the grouping is given no country
    but the story's."""
    found = resolver.resolve(noun)
    if any(e.country and e.resolved_by != "context" for e in found):
        return found
    for prep in roles.children(noun, "prep"):
        if prep.lower_ == "of":
            counted = [e for pobj in roles.children(prep, "pobj") for e in resolver.resolve(pobj)]
            if any(e.country and e.resolved_by != "context" for e in counted):
                return counted
    return found


def _counted_chain(noun: Token, depth: int = 3) -> list[Token]:
    """The noun and what it counts or is made of, down its 'of' phrases: 'the package of
    measures' is the measures too."""
    chain = [noun]
    for _ in range(depth):
        inner = [
            p for prep in roles.children(chain[-1], "prep") if prep.lower_ == "of" for p in roles.children(prep, "pobj")
        ]
        if not inner:
            break
        chain.append(inner[0])
    return chain


def _doers(noun: Token) -> list[Token]:
    """Who did a thing told by a clause on its noun: 'the sanctions that X imposed' (the
    relative clause's subject), 'the measures adopted by X' (the participle's agent)."""
    subjects = [s for clause in roles.children(noun, "relcl") for s in roles.children(clause, "nsubj")]
    return subjects + [a for clause in roles.children(noun, "acl") for a in roles.agents(clause)]


def _misattached_authors(verb: Token) -> list[Token]:
    """'criticised plans by the Israeli government to build ...': an active verb has no agent,
    so a 'by' phrase after its object names the object's author (the parser hangs it on the verb)."""
    if roles.is_passive(verb):
        return []
    objects = roles.children(verb, "dobj")
    if not objects:
        return []
    return [
        pobj
        for prep in roles.children(verb, "prep", "agent")  # the parser labels it either way
        if prep.lower_ == "by" and prep.i > objects[0].i
        for pobj in roles.children(prep, "pobj")
    ]


def sole_other_country(
    sentence: Span, resolver: ActorResolver, own: set[str | None], trigger: Token | None = None
) -> list[Entity]:
    """A promise or a delivery whose beneficiary the grammar does not reach, in a sentence
    that names one other country and no more: '"Whatever Cuba needs, Belarus is prepared to
    deliver," he said'; 'ready to share everything we have" with Iran'. A trigger inside a
    subordinate clause looks only there (see subordinate_clause)."""
    if len(own) >= 2:
        return []  # "the two countries commit to ...": a joint promise needs no beneficiary
    found: dict[str, Entity] = {}
    within = subordinate_clause(trigger) if trigger is not None else None
    for token in sentence:
        if within is not None and token.i not in within:
            continue
        if _in_attribution(token):
            continue
        if token.ent_type_ in ("GPE", "NORP"):
            if _only_where(token, resolver):
                continue
            entity = resolver.owner(token) or _swallowed_country(token, resolver)
        elif token.ent_type_ == "ORG" and token.ent_iob_ == "B":
            entity = resolver.owner(token)  # "ready to trade with the Eurasian Economic Union"
            entity = entity if entity is not None and entity.sector == "IGO" else None
        elif token.lower_ in _PLACE_REFERENCES and token.pos_ == "NOUN":
            entity = next(iter(resolver.resolve(token)), None)
        else:
            continue
        known = entity is not None and entity.country and (len(entity.country) == 3 or entity.sector == "IGO")
        if known and entity.country not in own:
            found.setdefault(entity.country, entity)
    return list(found.values()) if len(found) == 1 else []


def subordinate_clause(trigger: Token) -> set[int] | None:
    """The words of the relative or adverbial clause a trigger sits in, if it sits in one
    ('Chinese officials, who rejected the measure and pledged to respond', 'the talks were
    ruled out after Buenos Aires vowed to reclaim the islands'). What such a clause does is
    told of someone in the sentence around it; a country named only out there is that
    sentence's, not the clause's beneficiary (recipient:sole-other-country stays inside). A
    participle on a noun is no such clause: 'ambulances donated by Belarus have yet to reach
    the island' gives to the island."""
    current = trigger
    for _ in range(32):
        if current.dep_ in ("relcl", "advcl"):
            return {t.i for t in current.subtree}
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _ent_start(token: Token) -> int:
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    return start


def _swallowed_country(token: Token, resolver: ActorResolver) -> Entity | None:
    """A country the small model swallowed into a longer name with a word that is no name
    ("Whatever Cuba"), but not one inside a real name ("Latin America")."""
    first = token.doc[_ent_start(token)]
    if first.i == token.i or first.pos_ == "PROPN":
        return None
    entry = resolver.gazetteer.find(token.text)
    if entry is None or entry.kind != "country":
        return None
    return Entity(text=token.text, name=entry.name, country=entry.country, sector="GOV", resolved_by="gazetteer")


def force_target(token: Token, resolver: ActorResolver, actor: list[Entity]) -> list[Entity]:
    """Whom forces sent abroad face when the sentence does not say: the country the story is
    about, unless it sends them or hosts them ('Washington has deployed warships to the
    southern Caribbean' in a story about Venezuela)."""
    home = resolver.home_country
    own = {e.country for e in actor}
    hosts = {e.country for pobj in roles.prep_objects(token, ("to", "into", "in")) for e in resolver.resolve(pobj)}
    if home is None or home in own or home in hosts:
        return []
    return [story_country(home)]


def condition_target(token: Token, resolver: ActorResolver, actor: list[Entity]) -> list[Entity]:
    """Whom a threat is aimed at: whoever must not do what its condition names ('warned it
    would take all necessary measures if the group continued its attacks')."""
    own = {e.country for e in actor}
    for clause in token.subtree:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children
        ):
            continue
        for subject in roles.children(clause, "nsubj", "nsubjpass"):
            found = [e for e in resolver.resolve(subject) if e.country and (e.country not in own or e.sector != "GOV")]
            if found:
                return found
    return []


# Acts a state does to people in its own hands (types.yaml `jurisdiction`: by which sectors):
# whoever a court sentences or the police arrest, with no country of their own in the text,
# is the state's ("sentenced Father X").
_JURISDICTION_ACTS = {name: info.jurisdiction for name, info in load_lexicon().types.items() if info.jurisdiction}


def withdrawn_from(token: Token, resolver: ActorResolver, actor: list[Entity]) -> list[Entity]:
    """Whom a pull-out concerns: the country the forces or envoys leave ('withdrew its troops
    from Mali', 'withdrew its ambassador from Paris')."""
    own = {e.country for e in actor}
    return [
        e
        for head in roles.prep_objects(token, ("from",))
        for e in resolver.resolve(head)
        if e.country and e.country not in own
    ]


def within_jurisdiction(recipient: list[Entity], actor: list[Entity], event_type: str) -> list[Entity]:
    """People a court or the police of one state act on take that state's country when the
    text gives them none."""
    sectors = _JURISDICTION_ACTS.get(event_type, set())
    countries = {e.country for e in actor if e.country}
    if len(countries) != 1 or not any(e.sector in sectors for e in actor):
        return recipient
    (home,) = countries
    if len(home) != 3:
        return recipient  # an international body has nobody in its own hands
    return [e.model_copy(update={"country": home}) if not e.country and e.sector else e for e in recipient]

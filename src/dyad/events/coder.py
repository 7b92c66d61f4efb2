"""From a parsed article to event records: triggers, roles, modality, date, place."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging

from spacy.tokens import Doc, Span, Token

from dyad.actors.gazetteer import Gazetteer
from dyad.actors.resolve import ActorResolver
from dyad.dates import iso_to_date
from dyad.events import roles
from dyad.events.chronology import narrative_dates
from dyad.events.confidence import load_calibration
from dyad.events.dates import date_for_trigger, is_ongoing, is_time_reference, own_date
from dyad.events.discourse import recall_antecedents
from dyad.events.draft import Draft
from dyad.events.lexicon import Lexicon, Sense, grammar_words
from dyad.events.merge import merge_events
from dyad.events.modality import (
    backs_sovereignty,
    demand_modality,
    grammatical_modality,
    is_capability,
    is_demanded,
    is_requested_act,
    is_standing_policy,
    is_threatened_act,
    is_uncommitted_wish,
    promises_harm,
)
from dyad.events.places import (
    departure_place,
    framed_by_unnamed_visit,
    location_for_trigger,
    place_of_stay,
    resolve_place,
    sentence_destination,
    stay_location,
)
from dyad.events.recipients import (
    condition_target,
    counted_owner,
    force_target,
    other_country_in_clause,
    recipient_in_objects,
    sole_other_country,
    withdrawn_from,
    within_jurisdiction,
)
from dyad.events.scene import place_events, venue_hosts, visit_meeting
from dyad.records import Article, Entity, Event, Evidence, Location

log = logging.getLogger(__name__)

# An asserted event dated this long before publication is background (guide section 4).
HISTORICAL_AFTER_DAYS = 90
# "on the sidelines of a meeting", "on the eve of talks": a meeting that sets another event
_SETTING_NOUNS = grammar_words("setting_nouns")
# Events with no date cue in the first paragraphs are the article's news of the day.
LEAD_PARAGRAPHS = 2


class EventCoder:
    """Codes one Doc at a time; holds only read-only lexicons, so one instance serves all."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.calibration = load_calibration()

    def code(self, doc: Doc, article: Article) -> list[Event]:
        join_hyphenated(doc, self.lexicon.vocabulary)
        published = iso_to_date(article.published) if article.published else None
        resolver = ActorResolver(doc, self.gazetteer, published[0] if published else None)
        body = article.body_spans()
        lead_end = body[min(LEAD_PARAGRAPHS, len(body)) - 1][1]
        events: list[Event] = []
        references: set[str] = set()  # acts named only as a time reference ("before his trip")
        for sentence in doc.sents:
            if not any(start <= sentence.start_char < end for start, end in body):
                continue
            if sentence.text.rstrip().endswith("?"):
                continue
            try:
                events += self._code_sentence(sentence, events, article, published, resolver, references)
            except Exception:  # one odd sentence (a parse the rules trip on) must not cost the article
                log.exception("%s: skipped the sentence at character %d", article.ref, sentence.start_char)
        # dated before merging: an undated mention takes the story's day, so a signing told
        # today does not fold into another signing of the same pair months before
        readings = merge_events(events, within_sentence=True)
        dated = merge_events(narrative_dates(readings, article, lead_end, undated=references))
        dated = _noting_changes(readings, dated, "date", "date:story")
        placed = _noting_changes(
            dated, place_events(dated, doc, body, lead_end, self.gazetteer), "location", "place:story"
        )
        return self.calibration.apply(placed, article)

    def _code_sentence(
        self,
        sentence: Span,
        earlier: list[Event],
        article: Article,
        published: tuple[dt.date, str] | None,
        resolver: ActorResolver,
        references: set[str],
    ) -> list[Event]:
        found: list[Event] = []
        for token in sentence:
            draft = self._draft(token, resolver)
            if draft is None:
                continue
            before = (list(draft.actor), list(draft.recipient))
            recall_antecedents(draft, [*earlier, *found], self.lexicon, resolver)
            draft.rules += [f"{side}:story" for side, was in zip(("actor", "recipient"), before, strict=True)
                            if getattr(draft, side) != was and getattr(draft, side)]  # fmt: skip
            event = self._finish(draft, sentence, article, published)
            if event is not None:
                found.append(event)
                if is_time_reference(draft.trigger) or is_ongoing(draft.trigger, event.type):
                    references.add(event.id)  # undated by the story's clock
        return found

    # -- triggers ---------------------------------------------------------------------
    def _draft(self, token: Token, resolver: ActorResolver) -> Draft | None:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            senses = self.lexicon.verbs.get(lemma, ()) or next(
                (self.lexicon.verbs[word] for word in _regular_lemmas(token) if word in self.lexicon.verbs), ()
            )
            for sense in senses:
                if self._applies(sense, token):
                    return _noted(self._verb_roles(sense, token, resolver), f"trigger:verb:{lemma}")
        if token.pos_ == "NOUN":
            for sense in self.lexicon.nouns.get(token.lower_, ()) or self.lexicon.nouns.get(lemma, ()):
                if self._applies(sense, token):
                    return _noted(self._noun_roles(sense, token, resolver), f"trigger:noun:{lemma}")
        if token.pos_ == "ADJ" and token.dep_ == "acomp" and roles.children(token, "xcomp"):
            for sense in self.lexicon.adjectives.get(lemma, ()):
                return _noted(self._verb_roles(sense, token, resolver), f"trigger:adjective:{lemma}")
        return None

    @staticmethod
    def _applies(sense: Sense, token: Token) -> bool:
        if sense.particle and not _has_particle(token, sense.particle):
            return False  # "called Havana on Monday" has no "call on"
        if sense.transitive is not None and sense.transitive != roles.has_object(token):
            return False
        if sense.subjects and not sense.subjects & roles.subject_words(token):
            return False
        if sense.complement and (not sense.complement & _infinitive_lemmas(token) or _own_people(token)):
            return False  # "directed the nationals to leave" is an expulsion; "to attend" is not
        if not sense.objects or sense.objects & roles.object_words(token):
            return True
        # "the president received King X", "he was received by ...": a host receives people, and
        # a named person or a personal pronoun is one as surely as 'minister' or 'delegation'
        return sense.reverse and any(_is_person(obj) for obj in roles.direct_objects(token))

    def _verb_roles(self, sense: Sense, token: Token, resolver: ActorResolver) -> Draft | None:
        if sense.type == "AGREE" and promises_harm(token, self._harmful):
            sense = self.lexicon.rewrites["vow_of_harm"]  # "vowed to pursue the perpetrators"
        passive = roles.is_passive(token)
        subject = roles.subject_of(token)
        actor_heads = roles.agents(token) if passive else ([subject] if subject is not None else [])
        actor = [e for head in actor_heads for e in resolver.resolve(head)]
        rules = ["actor:passive-agent" if passive else "actor:subject"]
        if not actor and not passive and (named := roles.comma_antecedent(token)) is not None:
            actor, rules = resolver.resolve(named), ["actor:comma-antecedent"]
        if not actor and subject is not None and (source := roles.message_source(subject)) is not None:
            actor, rules = resolver.resolve(source), ["actor:message-source"]
        if not actor and subject is not None and (group := roles.partitive_group(subject)) is not None:
            actor, rules = resolver.resolve(group), ["actor:partitive"]
        principal = roles.principal_of(token)
        if principal is not None and (on_behalf := resolver.resolve(principal)):
            actor, rules = on_behalf, ["actor:on-behalf"]  # "Speaking on behalf of the EU, a Danish diplomat urged ..."
        if actor and not passive and (partners := roles.companions(token, subject)):
            # "Together with China, Russia blocked ...": the companion acts too, and is no target
            joined = [e for head in partners for e in resolver.resolve(head) if e.country and e not in actor]
            if joined:
                actor, rules = [*actor, *joined], [*rules, "actor:companion"]
        if passive and not actor_heads and token.dep_ == "acl":
            # "a Russian shipment of crude, donated under an agreement": the noun's owner gives
            owners = [resolver.owner(c) for c in token.head.children if c.dep_ in ("amod", "poss", "compound")]
            actor = [e for e in owners if e is not None and e.country]
        if sense.type in _VIOLENT_TYPES and not any(e.country for e in actor):
            # "Israeli airstrikes killed ...", "injured by a Russian missile": the weapon's country acts
            owners = [resolver.owner(c) for h in actor_heads for c in h.children if c.dep_ in _OWNER_DEPS]
            if found := [e for e in owners if e is not None and e.country]:
                actor, rules = found, ["actor:weapon-owner"]
        if passive and not actor_heads and sense.symmetric:
            # "relations between Belarus and Cuba were established": the pair acts jointly
            # "documents were signed between A and B": the phrase may hang on the verb itself
            between = [
                pobj
                for obj in [*roles.direct_objects(token), token]
                for prep in roles.children(obj, "prep")
                if prep.lower_ == "between"
                for pobj in roles.children(prep, "pobj")
            ]
            actor = [e for head in between for e in resolver.resolve(head)]
        if sense.recipient_preps:
            recipient_heads = roles.prep_objects(token, sense.recipient_preps)
        else:
            recipient_heads = roles.children(token, "nsubjpass") if passive else roles.children(token, "dobj")
            if passive and not recipient_heads and token.dep_ == "conj" and subject is not None:
                recipient_heads = [subject]  # "He left and was granted asylum by Spain"
        recipient_heads = [roles.antecedent_of_relative(head) for head in recipient_heads]
        recipient = [e for head in recipient_heads for e in resolver.resolve(head)]
        source = "recipient:preposition" if sense.recipient_preps else "recipient:object"
        if not recipient and not sense.reverse and not sense.symmetric and not passive:
            own = {e.country for e in actor if e.country}
            mine = [e for head in roles.direct_objects(token) for e in resolver.resolve(head) if e.country]
            if not mine:  # "summoned the ambassador and demanded an apology": the same party
                # the object must be the party itself ("the ambassador"), not a thing of
                # one ("condemned the expansion of NATO and called for talks")
                heads = [h for h in roles.shared_object(token) if resolver.is_actor_noun(h)]
                shared = [e for head in heads for e in resolver.resolve(head)]
                recipient = [e for e in shared if e.country and e.country not in own]
                source = "recipient:shared-object"
        joint = sense.symmetric and len({e.country for e in actor if e.country}) >= 2
        fallbacks = self.lexicon.types[sense.type].recipients  # where else to look (types.yaml)
        if not recipient and not sense.reverse and not joint and "inside_objects" in fallbacks:
            own = {e.country for e in actor if e.country}
            meeting = sense.type == "CONSULT"
            # "fired at Indian positions": a violent act's own target prepositions count too
            aimed = sense.recipient_preps if sense.type in _VIOLENT_TYPES else ()
            found = recipient_in_objects(token, resolver, meeting, aimed, own)
            recipient = [e for e in found if e.country not in own]
            source = "recipient:inside-objects"
        if not recipient and not sense.reverse and not joint and "clause_country" in fallbacks:
            meeting = sense.type == "CONSULT"
            recipient = other_country_in_clause(token, resolver, actor, promise=sense.type == "AGREE", meeting=meeting)
            source = "recipient:clause-country"
        # the subject's words up to its head: "the two sides" even when the parse hangs more on it
        subject_words = token.doc[subject.left_edge.i : subject.i + 1] if subject is not None else None
        subject_phrase = " ".join(t.lower_ for t in subject_words) if subject_words is not None else None
        pair_subject = subject_phrase in self.lexicon.pair_phrases
        if not recipient and not sense.reverse and not joint and not pair_subject and "sole_other_country" in fallbacks:
            recipient = sole_other_country(token.sent, resolver, {e.country for e in actor}, token)
            source = "recipient:sole-other-country"
        if not recipient and "condition_target" in fallbacks:
            recipient = condition_target(token, resolver, actor)
            source = "recipient:condition-target"
        if not recipient and "withdrawn_from" in fallbacks and sense.mode == "withdraw":
            recipient = withdrawn_from(token, resolver, actor)
            source = "recipient:withdrawn-from"
        if not recipient and "force_target" in fallbacks:
            recipient = force_target(token, resolver, actor)
            source = "recipient:force-target"
        if sense.reverse:
            actor, recipient = recipient, actor
        if sense.symmetric:
            partners = [e for head in roles.prep_objects(token, ("with",)) for e in resolver.resolve(head)]
            actor += [e for e in partners if e not in actor]
            recipient = [e for e in recipient if e not in actor]
        dobjs = roles.children(token, "dobj")
        if sense.reverse and dobjs:  # "commits both parties to ...": they act
            obj = dobjs[0]
            subject_phrase = " ".join(t.lower_ for t in token.doc[obj.left_edge.i : obj.i + 1])
        objects = roles.direct_objects(token) + roles.prep_objects(token, ("against", "to", "of"))
        draft = Draft(sense, token, actor, recipient, subject_phrase=subject_phrase)
        draft.rules = [*rules, *([source] if recipient else []), *(["roles:reversed"] if sense.reverse else [])]
        # a doer left unnamed ("two Kenyans were detained", "a soldier was stabbed"), or one
        # the text names without a country; a singular agent that names no actor is more often
        # a cause than a doer ("killed by an avalanche") and is not taken for one
        agentless = passive and not actor_heads
        countryless = bool(actor) and not any(e.country for e in actor)
        # "stabbed by migrants", "attacked by gunmen": a plural agent is a group of people far
        # more often than a natural cause ("killed by an avalanche", "hit by a falling tree")
        by_people = passive and bool(actor_heads) and all(h.tag_ == "NNS" for h in actor_heads)
        unnamed = agentless or countryless or by_people
        draft.unnamed_actor = sense.type in _VIOLENT_TYPES and not sense.reverse and unnamed
        draft.object_lemmas = tuple(o.lower_ for o in objects)
        draft.object_phrases = tuple(" ".join(t.lower_ for t in o.subtree) for o in objects)
        speaker = roles.speaker_of(token) or roles.quote_speaker(token.sent)
        if speaker is not None:
            speakers = resolver.resolve(speaker)
            draft.reported_by = speakers[0] if speakers else None
        return draft

    def _noun_roles(self, sense: Sense, token: Token, resolver: ActorResolver) -> Draft | None:
        if token.dep_ == "pobj" and token.head.lower_ == "at":
            return None  # "at the invitation of Minsk" frames another event; it is not one
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _SETTING_NOUNS:
            return None  # "signed on the sidelines of a summit": the summit is where, not what
        if sense.type in _VIOLENT_TYPES and self._means_of_violence(token):
            return None  # "injured by Israeli raids": the raids are how the injuring was done
        owners = list(roles.noun_owners(token))
        # "the execution of an Iranian man", "Morocco's annexation of Western Sahara": the 'of'
        # phrase of a violent or coercive act names whom it is done to, not who does it
        victims: list[Token] = []
        if sense.type in _VIOLENT_TYPES and not sense.symmetric:
            victims = [o for o in owners if o.dep_ == "pobj" and o.head.lower_ == "of"]
            owners = [o for o in owners if o not in victims]
        actor: list[Entity] = []
        for owner in owners:
            if owner.pos_ == "PRON":
                # "During his visit to Minsk, Díaz-Canel ...": the clause subject owns it.
                governor = token.head.head if token.dep_ == "pobj" else token.head
                subject = roles.subject_of(governor) if governor.pos_ in ("VERB", "AUX") else None
                if subject is not None and subject.pos_ != "PRON":
                    actor += resolver.resolve(subject)
                    continue
            actor += counted_owner(owner, resolver)
        if not actor:
            # "the U.S. sanctions on Cuba", "a Chinese donation": a country modifier owns the act
            modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]
            actor = [e for e in map(resolver.owner, modifiers) if e is not None and e.country]
        if not actor:
            actor = [e for head in [roles.carrier_subject(token)] if head is not None for e in resolver.resolve(head)]
        if not actor and sense.symmetric and (framer := _framing_subject(token)) is not None:
            actor = resolver.resolve(framer)  # "made the statement during talks with Maduro"
        if not actor and (sense.type not in _VIOLENT_TYPES or sense.symmetric):
            return None  # "hostilities with X" names one side; the other is unknown
        recipient_heads = [*roles.prep_objects(token, sense.recipient_preps), *victims]
        if not recipient_heads and sense.recipient_preps:
            recipient_heads = roles.of_object_preps(token, sense.recipient_preps)
        if not recipient_heads and sense.destination:
            recipient_heads = roles.trailing_preps(token, ("to",))  # "the visit of X [to Ghana]", misattached
        recipient = [e for head in recipient_heads for e in resolver.resolve(head)]
        if not recipient and sense.type in _VIOLENT_TYPES:
            # "the attack on Indian positions": the target's country modifier
            owners_of = [resolver.owner(c) for h in recipient_heads for c in h.children if c.dep_ in _OWNER_DEPS]
            recipient = [e for e in owners_of if e is not None and e.country]
        if sense.symmetric:
            actor += [e for e in recipient if e not in actor]
            recipient = []
        draft = Draft(sense, token, actor, recipient)
        draft.rules = ["actor:noun-owner", *(["recipient:preposition"] if recipient else [])]
        # only an act told of its victim ("the killing of X"): "an attack on NATO territory"
        # with nobody named as attacker is as often one feared or rehearsed as one done
        draft.unnamed_actor = sense.type in _VIOLENT_TYPES and not sense.symmetric and bool(victims)
        return draft

    # -- completing the record --------------------------------------------------------
    def _finish(
        self,
        draft: Draft,
        sentence: Span,
        article: Article,
        published: tuple[dt.date, str] | None,
    ) -> Event | None:
        actor = _dedupe([e for e in draft.actor if e.country])
        if not actor and draft.unnamed_actor and any(e.country and e.resolved_by != "context" for e in draft.recipient):
            # the victim must be named as of a country, not given the story's country by default
            actor = _unnamed_doer(draft)
            draft.rules.append("actor:unnamed")
        if not actor or is_uncommitted_wish(draft.trigger) or is_requested_act(draft.trigger):
            return None
        if is_capability(draft.trigger) or is_standing_policy(draft.trigger):
            return None
        sense = draft.sense
        recipient = [
            e for e in _dedupe(within_jurisdiction(draft.recipient, actor, sense.type)) if e.country and e not in actor
        ]
        # forces sent abroad: the host is where they are (guide section 6), not whom they face
        travels = sense.destination or sense.type == "MOBILIZE"
        location = location_for_trigger(draft.trigger, sentence, self.gazetteer, travels)
        if sense.destination and location is None:
            location = self._destination_from_objects(draft.trigger)
        if location is None and sense.type == "RETREAT" and sense.mode == "withdraw":
            location = departure_place(draft.trigger, sentence, self.gazetteer)  # "withdrew from Mali"
        if location is None:
            location = stay_location(draft.trigger, sentence, self.gazetteer)  # "during his visit to X"
        if location is None and sense.destination:
            location = place_of_stay(draft.trigger, sentence, self.gazetteer)  # "is in X on a visit"
        if sense.type == "AID" and location is None:
            # "a tanker ... donated by Moscow docked at the port of Matanzas"
            location = sentence_destination(sentence, self.gazetteer)
        if "actor:unnamed" in draft.rules and sense.type == "COERCE" and location is not None and location.country:
            # "two French citizens were detained in Tehran": arrests, detentions and expulsions
            # with nobody named as doer are the acts of the state where they happen
            authority = Entity(text=location.name, country=location.country, sector="GOV", resolved_by="place")
            actor = [authority]
            recipient = [e for e in recipient if e.country != location.country] or recipient
            draft.rules.append("actor:place-authority")
        unnamed_visit = sense.type == "CONSULT" and location is None
        unnamed_visit = unnamed_visit and framed_by_unnamed_visit(draft.trigger, sentence, self.gazetteer)
        if unnamed_visit and (visit := visit_meeting(actor, recipient, self.gazetteer)) is not None:
            actor, recipient, location = visit  # "talks ... as part of his official visit"
            sense = dataclasses.replace(sense, mode="visit", cameo="042")
        if sense.type == "CONSULT" and location is not None:
            hosted = venue_hosts(draft.actor, draft.recipient, location, self.gazetteer)
            if hosted is not None:
                actor, recipient = hosted
                draft.rules.append("roles:venue-host")
                sense = dataclasses.replace(sense, mode="visit", cameo="042")
        # a visit received or hosted somewhere: the host is that place's government
        aimed_at_place = sense.destination or sense.type == "AID" or sense.mode == "visit"
        if aimed_at_place and location is not None and not recipient and location.country:
            host = Entity(
                text=location.name, name=location.name, country=location.country, sector="GOV", resolved_by="gazetteer"
            )
            if location.country not in {e.country for e in actor}:
                recipient = [host]
                draft.rules.append("recipient:place-host")
        if sense.needs_recipient and not recipient and not self._threatens_an_act(draft.trigger):
            return None
        if sense.type == "PROTEST" and sense.mode == "demo" and actor and all(e.sector == "GOV" for e in actor):
            # a government that protests lodges a complaint; it does not take to the streets
            sense = self.lexicon.rewrites["complaint"]
        if sense.type == "REJECT" and set(draft.object_lemmas) & _PUNITIVE_MEASURES:
            # "rejected Washington's sanctions": a criticism of the measure
            sense = self.lexicon.rewrites["complaint"]
        if sense.type == "CONSULT" and sense.mode == "visit" and _forces_only(actor):
            # "Kenyan police arrived in Port-au-Prince": a force sent abroad is deployed, not visiting
            police = all(e.sector == "COP" for e in actor)
            sense = self.lexicon.rewrites["police_deployment" if police else "troop_deployment"]
        demanded = is_demanded(draft.trigger)
        if demanded:
            # "Minsk must release every prisoner," Kallas said: a demand by the speaker
            if draft.reported_by is None or not draft.reported_by.country:
                return None
            sense = self.lexicon.rewrites["demand"]
            actor, recipient = [draft.reported_by], actor
        modality = demand_modality(draft.trigger) if demanded else grammatical_modality(draft.trigger)
        event_type, mode, cameo = sense.type, sense.mode, self.lexicon.cameo(sense)
        if self.lexicon.types[event_type].harm and is_threatened_act(draft.trigger):
            vow = self.lexicon.rewrites["vow_of_harm"]  # "vowed to strike back": the vow is the event
            event_type, mode, cameo = vow.type, vow.mode, self.lexicon.cameo(vow)
        if modality == "asserted" and self.lexicon.types[event_type].cooperative and _can(draft.trigger):
            modality = "future"  # "the two states can work together on energy": a readiness, AGREE
        future = self.lexicon.types[event_type].future if modality == "future" else None
        if future == "now":
            modality = "asserted"  # a threat is made now, whatever it says will happen
        elif future is not None:
            # a future cooperative act is a promise (AGREE); an announced future release a concession
            event_type, mode, cameo, modality = future, None, self.lexicon.types[future].cameo, "asserted"
        if event_type == "AGREE" and modality == "asserted" and backs_sovereignty(draft.trigger):
            support = self.lexicon.rewrites["sovereignty"]  # "committed to the sovereignty of X"
            event_type, mode, cameo = support.type, support.mode, self.lexicon.cameo(support)
        promised_act = event_type == "AGREE" and sense.type != "AGREE"
        # what is to come, or only might be, is dated forward: "could meet on Friday"
        prefer = "future" if modality in ("future", "hypothetical") or promised_act else "past"
        if is_time_reference(draft.trigger):  # "before his trip to Doha": only the trip's own date
            when = own_date(draft.trigger, sentence, published[0] if published else None, prefer)
        else:
            when = date_for_trigger(draft.trigger, sentence, published[0] if published else None, prefer)
        is_old = when is not None and published is not None and (published[0] - when.day).days > HISTORICAL_AFTER_DAYS
        if is_old and modality == "asserted":
            modality = "historical"
        evidence = _sentence_evidence(sentence)
        rules = [
            *draft.rules,
            *([f"type:{draft.sense.type}->{event_type}"] if event_type != draft.sense.type else []),
            *(["date:sentence"] if when else []),
            *(["place:sentence"] if location else []),
        ]
        countries = sorted({e.country for e in [*actor, *recipient] if e.country})
        # unique per trigger: two readings in one sentence must never share an id
        key = f"{article.id}|{event_type}|{'+'.join(countries)}|{evidence.start}|{draft.trigger.i}|{modality}"
        digest = hashlib.sha1(key.encode()).hexdigest()
        return Event(
            id=digest[:16],
            article_id=article.id,
            article_ref=article.ref,
            type=event_type,
            mode=mode,
            context=self._contexts(sentence, sense, event_type),
            modality=modality,
            actor=actor,
            recipient=recipient,
            date=when.value if when else None,
            date_precision=when.precision if when else None,  # type: ignore[arg-type]
            location=location,
            evidence=[evidence],
            cameo=cameo,
            score=self.lexicon.types[event_type].score,
            reported_by=draft.reported_by,
            rules=rules,
        )

    def _harmful(self, verb: Token) -> bool:
        """Whether the verb is a trigger of a violent or punitive type ('strike', 'sanction')."""
        return any(self.lexicon.types[sense.type].harm for sense in self.lexicon.verbs.get(verb.lemma_.lower(), ()))

    def _means_of_violence(self, noun: Token) -> bool:
        """Whether a violent noun is the doer of a violent verb ('an airstrike killed X',
        'wounded by Israeli raids'): it is that act's means, told once, by the verb."""
        if noun.dep_ in ("nsubj", "nsubjpass"):
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.dep_ == "agent":
            verb = noun.head.head
        else:
            return False
        senses = self.lexicon.verbs.get(verb.lemma_.lower(), ())
        return any(sense.type in _VIOLENT_TYPES for sense in senses)

    def _threatens_an_act(self, trigger: Token) -> bool:
        """'warned that anyone who called for violence would be arrested': the warning names a
        coercive act, so it is a threat even with nobody named as its target."""
        for token in trigger.subtree:
            if token.i == trigger.i or not token.tag_.startswith("VB"):
                continue
            senses = self.lexicon.verbs.get(token.lemma_.lower(), ())
            objects = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "obj")}
            if any(
                not self.lexicon.types[sense.type].cooperative
                and sense.type != "REQUEST"
                and self._hostile_on_its_objects(sense, objects)
                for sense in senses
            ):
                return True
        return False

    @staticmethod
    def _hostile_on_its_objects(sense: Sense, objects: set[str]) -> bool:
        """A hostile sense counts only where its object list allows the verb's object: 'warned that
        the tariff would reduce confidence' names no coercive act ('reduce' is a sanction only on
        aid or ties), 'warned that anyone who resisted would be arrested' does."""
        return not sense.objects or bool(objects & sense.objects)

    def _destination_from_objects(self, trigger: Token) -> Location | None:
        for obj in roles.children(trigger, "dobj"):
            if obj.ent_type_ in ("GPE", "LOC", "FAC", "ORG"):
                ent = next((e for e in trigger.doc.ents if e.start <= obj.i < e.end), None)
                if ent is not None and (place := resolve_place(ent.text, self.gazetteer)):
                    return place
        return None

    def _contexts(self, sentence: Span, sense: Sense, event_type: str) -> list[str]:
        found = {self.lexicon.context_words[t.lower_] for t in sentence if t.lower_ in self.lexicon.context_words}
        if sense.context:
            found.add(sense.context)
        return sorted(found) or list(self.lexicon.default_contexts.get(event_type, ()))


_PERSONAL_PRONOUNS = grammar_words("personal_pronouns")
_FORCE_WORDS = grammar_words("force_words")
_PUNITIVE_MEASURES = grammar_words("punitive_measures")
# violence and coercion: acts told of their victims, often with the doer unnamed (guide
# section 6: an unidentified perpetrator has no country)
_VIOLENT_TYPES = {"ASSAULT", "COERCE"}
_OWNER_DEPS = ("amod", "compound", "poss", "nmod")


def _unnamed_doer(draft: Draft) -> list[Entity]:
    """The doer of an act told of its victim: as the text names it ('migrants'), without a
    country; or nobody named at all ('two journalists were killed')."""
    named = [e for e in draft.actor if not e.country]
    return named[:1] or [Entity(text="unnamed", name=None, country=None, sector=None, resolved_by="unnamed")]


_MEETING_FRAMES = grammar_words("meeting_frames")


def _framing_subject(noun: Token) -> Token | None:
    """'The president made the statement during negotiations with Maduro', 'Iran is in talks
    with the IAEA': a meeting noun with a 'with' partner, framing a clause by 'during', 'in' or
    'at', was held by that clause's subject. Without a partner ('protests during the summit')
    the frame names no meeting of the subject's."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _MEETING_FRAMES or noun.head.dep_ != "prep":
        return None
    if not roles.prep_objects(noun, ("with",)):
        return None
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = roles.subject_of(verb)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _forces_only(actor: list[Entity]) -> bool:
    """Whether every actor is an armed or police force named as such ('Kenyan police', 'two
    Russian bombers'), not an official or a delegation."""
    return bool(actor) and all(
        e.sector in ("MIL", "COP") and {w.lower() for w in e.text.split()} & _FORCE_WORDS for e in actor
    )


def _can(trigger: Token) -> bool:
    """'can cooperate', 'can work together': what two sides say they are able to do together
    is a readiness to do it (guide section 3: AGREE); 'can only' is a rule (is_capability)."""
    return any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in trigger.children)


def _is_person(token: Token) -> bool:
    """A named person ('King Abdullah II') or a personal pronoun standing for one."""
    name = [token, *(child for child in token.children if child.dep_ == "compound")]
    return any(word.ent_type_ == "PERSON" for word in name) or token.lower_ in _PERSONAL_PRONOUNS


def join_hyphenated(doc: Doc, vocabulary: frozenset[str]) -> None:
    """Merge a word spaCy splits at its hyphen ('co-operate', 're-open', 'cease-fire' become
    three tokens) into one token when, without the hyphen, it is a word of the lexicon: as
    one token it triggers, and reads as an object, like its solid spelling. The token takes
    the last part's tag (it carries the inflection: 'co-operated') and the joined lemma.
    Other hyphenated words ('Russian-backed', 'Díaz-Canel') are left as parsed."""
    spans = []
    for hyphen in doc[1:-1]:
        first, last = doc[hyphen.i - 1], doc[hyphen.i + 1]
        if hyphen.text != "-" or first.whitespace_ or hyphen.whitespace_:
            continue
        if not (first.is_alpha and last.is_alpha) or any(t.ent_type_ for t in (first, hyphen, last)):
            continue
        if spans and spans[-1][0].i + 2 >= first.i:
            continue  # a chain of hyphens ("state-of-the-art") is no one word
        if last.i + 1 < len(doc) and doc[last.i + 1].text == "-" and not last.whitespace_:
            continue
        lemma = first.lower_ + last.lemma_.lower()
        if lemma in vocabulary or first.lower_ + last.lower_ in vocabulary:
            spans.append((first, last, lemma))
    if not spans:
        return
    with doc.retokenize() as retokenizer:
        for first, last, lemma in spans:
            attrs = {"LEMMA": lemma, "TAG": last.tag_, "POS": last.pos_}
            retokenizer.merge(doc[first.i : last.i + 1], attrs=attrs)


def _has_particle(verb: Token, particle: str) -> bool:
    """Whether the verb carries the particle or preposition of a phrasal sense ("call on",
    "roll back"). A preposition that only carries a date does not count ("called X on
    Monday"); an adverb counts when it is one of the particle words the small model tags
    either way ("rolled back the tariffs", "pulled its troops back") and stands right after
    the verb or its object, and does not itself head a date ("sent them back in March"). A
    predicative 'as' counts on the object too ("recognized X as president")."""
    for child in verb.children:
        if child.lower_ != particle:
            continue
        if child.dep_ in ("prt", "prep", "aux") and not _dates_only(child):
            return True
        adverb = child.dep_ == "advmod" and particle in roles.ADVERB_PARTICLES
        if adverb and _next_to_verb_or_object(verb, child):
            return not any(_dates_only(prep) for prep in roles.children(child, "prep"))
    # "recognizes Guaido as Venezuela's leader", "designated the group as a terrorist entity":
    # the parser often hangs the predicative 'as' on the object instead of the verb
    return particle == "as" and any(
        prep.lower_ == "as" and prep.dep_ == "prep" for obj in roles.children(verb, "dobj") for prep in obj.children
    )


# the links by which a to-infinitive hangs on the verb that governs it: its own complement
# ("ordered X to leave"), a purpose clause ("gave X 48 hours to leave"), or a clause the parser
# hung under the object's relative clause ("directed nationals who had entered to leave")
_INFINITIVE_PATH = frozenset({"xcomp", "advcl", "ccomp", "dobj", "dative", "relcl", "acl"})


def _infinitive_lemmas(verb: Token) -> set[str]:
    """Lemmas of the to-infinitives that complete the verb ("ordered the envoy to leave",
    "directed all nationals who had entered to leave the country"): a verb marked by "to"
    reached from the trigger through complement, object and clause links only, at most three
    links down, so that an infinitive of another clause of the sentence does not count."""
    found: set[str] = set()
    frontier = [verb]
    for _ in range(3):
        frontier = [c for t in frontier for c in t.children if c.dep_ in _INFINITIVE_PATH]
        for token in frontier:
            if token.pos_ == "VERB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
                found.add(token.lemma_.lower())
    return found


def _own_people(verb: Token) -> bool:
    """'ordered its citizens to leave Lebanon', 'told our diplomats to leave': people the
    actor calls its own are sent away from danger, not expelled."""
    return any(
        (child.dep_ == "poss" and child.pos_ == "PRON") or child.lower_ == "own"
        for obj in roles.direct_objects(verb)
        for child in obj.children
    )


def _next_to_verb_or_object(verb: Token, adverb: Token) -> bool:
    """'rolled back X' or 'pulled X back': the adverb directly follows the verb or the end of
    its direct object, not a word somewhere later in the clause."""
    if adverb.i == verb.i + 1:
        return True
    return any(adverb.i == obj.right_edge.i + 1 for obj in roles.children(verb, "dobj"))


def _dates_only(prep: Token) -> bool:
    objects = roles.children(prep, "pobj")
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _regular_lemmas(token: Token) -> tuple[str, ...]:
    """Candidate lemmas of a regular past form, for words the small model lemmatises wrongly:
    'staged' -> 'stage', 'embargoed' -> 'embargo', and a doubled final consonant
    'jammed' -> 'jam', 'teargassed' -> 'teargas' (English doubles it before -ed)."""
    word = token.lower_
    if token.tag_ not in ("VBD", "VBN") or not word.endswith("ed") or len(word) < 5:
        return (word,)
    candidates = [word[:-1], word[:-2]]
    stem = word[:-2]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouwxy":
        candidates.append(stem[:-1])
    return tuple(candidates)


def _dedupe(entities: list[Entity]) -> list[Entity]:
    seen: set[tuple[str | None, str | None, str | None]] = set()
    unique = []
    for entity in entities:
        key = (entity.name or entity.text, entity.country, entity.sector)
        if key not in seen:
            seen.add(key)
            unique.append(entity)
    return unique


def _sentence_evidence(sentence: Span) -> Evidence:
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sentence.start_char + lead
    return Evidence(text=stripped, start=start, end=start + len(stripped))


def _noted(draft: Draft | None, rule: str) -> Draft | None:
    """Put the trigger's rule first in the draft's provenance."""
    if draft is not None:
        draft.rules.insert(0, rule)
    return draft


def _noting_changes(before: list[Event], after: list[Event], name: str, rule: str) -> list[Event]:
    """Name the story-level rule that filled a field the sentence left empty."""
    was = {event.id: getattr(event, name) for event in before}
    return [
        event.model_copy(update={"rules": [*event.rules, rule]})
        if getattr(event, name) is not None and was.get(event.id) is None and rule not in event.rules
        else event
        for event in after
    ]

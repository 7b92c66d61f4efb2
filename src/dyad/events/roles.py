"""Grammar helpers: who is the subject, object, agent of a trigger in a dependency parse."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from dyad.events.lexicon import grammar_words

_SUBJECT_DEPS = ("nsubj", "csubj")
_INHERIT_SUBJECT_DEPS = ("xcomp", "advcl", "conj", "pcomp", "acomp", "dep")
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
SPEECH_VERBS = grammar_words("speech_verbs")
SUPPORT_VERBS = grammar_words("support_verbs")
ADVERB_PARTICLES = grammar_words("adverb_particles")


_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "xcomp"}


def in_clause_of(token: Token, trigger: Token, through: tuple[str, ...] = (), nonfinite: bool = False) -> bool:
    """Whether `token` hangs on `trigger` without crossing into another clause: a date or
    place inside "with whom he strengthened ties a month ago" is not the trigger's.
    `through` names clause links that may be crossed ("ready to help Cuba": xcomp);
    `nonfinite` lets subjectless participle clauses through ("Speaking on Tuesday, X warned")."""
    current = token
    for _ in range(64):
        if current.i == trigger.i:
            return True
        crossing = current.dep_ in _CLAUSE_DEPS and current.dep_ not in through
        if crossing and nonfinite and _is_nonfinite(current):
            crossing = False
        if crossing or current.head.i == current.i:
            return False
        current = current.head
    return False


def _is_nonfinite(clause: Token) -> bool:
    return clause.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def is_passive(token: Token) -> bool:
    return (
        any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children)
        or (token.dep_ == "acl" and token.tag_ == "VBN")
        or _absolute_participle(token)
    )


def _absolute_participle(token: Token) -> bool:
    """'..., with nine people detained', 'with two reporters held': a past participle after
    'with' and no auxiliary is a passive whose parsed subject is who undergoes the act, not
    who does it."""
    if token.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    if not any(c.dep_ == "nsubj" for c in token.children):
        return False
    marked = any(c.dep_ == "mark" and c.lower_ == "with" for c in token.children)
    return marked or (token.head.lower_ == "with" and token.dep_ in ("pcomp", "pobj"))


def has_object(token: Token) -> bool:
    """Whether the verb acts on something: a direct object, or a passive's subject (a passive
    always has a patient: 'a soldier was stabbed', 'after being captured by soldiers')."""
    return bool(children(token, "dobj")) or is_passive(token)


def agents(token: Token) -> list[Token]:
    """Objects of 'by' in a passive ('signed by X and Y')."""
    return [pobj for agent in children(token, "agent") for pobj in children(agent, "pobj")]


def subject_of(token: Token) -> Token | None:
    """The subject, climbing through xcomp/advcl/conj ('took the opportunity to send');
    'it' or 'they' in a reported clause is the reporter ('Havana announced it would free')."""
    current = token
    raised = False  # climbed from an infinitive: "X is scheduled to hold talks"
    for _ in range(6):
        subjects = _nearest_first(
            [s for s in _past_dateline(children(current, *_SUBJECT_DEPS)) if not _destination_for(s)]
        )
        if not subjects and raised:
            # "X is expected to visit", "X was invited to attend": a passive verb's subject is
            # who does what its infinitive says
            subjects = children(current, "nsubjpass")
        if subjects and _describes_its_noun(subjects[0]) and (clause := _relative_clause(current)) is not None:
            # "The Georgian government, which suspended talks": the noun the clause is about
            subjects = [_among_subject(clause.head) or clause.head]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in ("it", "they") and current.dep_ == "ccomp" and current.head.i != current.i:
                reporter = children(current.head, *_SUBJECT_DEPS)
                if reporter and reporter[0].pos_ != "PRON":
                    return reporter[0]
            if subject.lower_ in ("it", "they") and (reporter := _reporter_of_same_pronoun(current, subject)):
                return reporter
            return subject
        if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        if _participle_on_subject(current):
            return current.head  # "the minister, pledging to back Kyiv, announced ...": the minister pledges
        if (owner := _owner_of_intent(current)) is not None:
            return owner  # "condemned Russia's decision to expel the envoys": Russia expels them
        if current.dep_ == "acl" and current.head.dep_ in ("dobj", "pobj", "attr", "npadvmod"):
            # "took the opportunity to send": the subject of the verb owning the noun
            current = current.head.head
            continue
        if current.dep_ in _INHERIT_SUBJECT_DEPS and current.head.i != current.i:
            raised = current.dep_ == "xcomp"
            current = current.head
            continue
        return None
    return None


_DECISION_NOUNS = grammar_words("decision_nouns")


def _owner_of_intent(clause: Token) -> Token | None:
    """'rejected Russia's decision to expel the envoys', 'condemned a decision by France and
    Germany to trigger sanctions': an infinitive on a noun of decision whose owner the noun
    names (its possessor, or its 'by' phrase) is that owner's act, not an act of whoever
    judges the decision. Without an owner ('took the opportunity to send') the clause's
    own subject still does it; an offer, plan or threat is not a decision (its act is not done)."""
    if clause.dep_ != "acl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if clause.head.lower_ not in _DECISION_NOUNS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    noun = clause.head
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for prep in children(noun, "prep"):
        if prep.lower_ == "by" and prep.i < clause.i:
            return next(iter(children(prep, "pobj")), None)
    return None


def _nearest_first(subjects: list[Token]) -> list[Token]:
    """'Tajikistan says hundreds of its citizens are stranded as Russia bars them': a verb the
    parser gives two subjects is a misparse of two clauses; the subject nearest before the
    verb is its own, the one further off belongs to the clause the parse lost."""
    if len(subjects) < 2:
        return subjects
    verb = subjects[0].head
    before = [s for s in subjects if s.i < verb.i]
    return sorted(before, key=lambda s: -s.i) + [s for s in subjects if s.i > verb.i] if before else subjects


_DEPARTURE_VERBS = grammar_words("departure_verbs")


def _destination_for(subject: Token) -> bool:
    """'before leaving for Brazil to open the summit', 'left for Moscow to
    sign the deal': after a verb of setting off, the parser makes the destination the subject
    of 'for ... to': the place is where one goes; whoever set off does the infinitive."""
    clause = subject.head
    if subject.dep_ != "nsubj" or not any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return False
    return clause.head.i != clause.i and clause.head.lemma_.lower() in _DEPARTURE_VERBS


def _participle_on_subject(clause: Token) -> bool:
    """A participle set off after a clause's subject ('X, vowing to ..., announced') that the
    parser hangs on the subject itself: the subject is the participle's own."""
    return (
        clause.dep_ in ("advcl", "acl")
        and clause.tag_ == "VBG"
        and clause.head.pos_ in ("NOUN", "PROPN")
        and clause.head.dep_ in ("nsubj", "nsubjpass")
    )


_MONTH_WORDS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
}  # fmt: skip


def _past_dateline(subjects: list[Token]) -> list[Token]:
    """'HAVANA, Cuba, Jun 12 (Wire) X, the foreign minister, held talks': a dateline run into
    the lead with no dash is parsed as the subject; the city in capitals at the sentence's
    start and the date after it are not who acted, and the name the parser hangs on the date
    is."""
    kept: list[Token] = []
    for subject in subjects:
        dateline = (
            subject.i - subject.sent.start <= 1
            and subject.is_upper
            and subject.is_alpha
            and len(subject) > 2
            and subject.ent_type_ in ("GPE", "LOC", "")  # a city in capitals, not "NATO, the alliance, said"
            and subject.i + 1 < len(subject.doc)
            and subject.doc[subject.i + 1].text in (",", "(")
        )
        if dateline or (subject.lower_ in _MONTH_WORDS and any(c.like_num for c in subject.children)):
            # the person the parser hung on it ("Jun 12 (Wire) X, the minister"), not the agency
            person = [t for t in subject.subtree if t.ent_type_ == "PERSON" and t.dep_ != "compound"][:1]
            kept += person or _after_dateline(subject) if dateline else person
            continue
        kept.append(subject)
    return kept


def _after_dateline(city: Token) -> list[Token]:
    """'BRUSSELS (AP) -- European Union foreign ministers were weighing ...': the noun the
    parser sets beside the dateline's city, outside the agency's parentheses, is the
    sentence's subject."""
    doc = city.doc
    return [
        c
        for c in city.children
        if c.dep_ == "appos" and c.i > city.i and doc[c.left_edge.i - 1].text != "(" and c.pos_ in ("NOUN", "PROPN")
    ][-1:]


def _reporter_of_same_pronoun(clause: Token, pronoun: Token) -> Token | None:
    """'The army said it had struck the border, where it accused X of ...': a pronoun deeper
    in a reported clause whose own subject is the same pronoun is the reporter too."""
    current = clause
    for _ in range(6):
        if current.head.i == current.i:
            return None
        if current.dep_ == "ccomp" and current.head.lemma_ in SPEECH_VERBS:
            said = children(current, "nsubj")
            reporter = children(current.head, *_SUBJECT_DEPS)
            if said and said[0].lower_ == pronoun.lower_ and reporter and reporter[0].pos_ != "PRON":
                return reporter[0]
            return None
        current = current.head
    return None


def principal_of(token: Token) -> Token | None:
    """Whom the actor speaks or acts for: 'Speaking on behalf of the EU, X urged ...'."""
    for behalf in token.sent:
        if behalf.lower_ != "behalf" or behalf.head.lower_ not in ("on", "in"):
            continue
        if not in_clause_of(behalf, token, nonfinite=True) and behalf.head.head.dep_ not in ("nsubj", "appos"):
            continue
        for prep in children(behalf, "prep"):
            if prep.lower_ == "of":
                return next(iter(children(prep, "pobj")), None)
    return None


def _describes_its_noun(pronoun: Token) -> bool:
    """'who', or 'which' after a comma: a clause about an actor, not a restrictive 'that'
    picking out a thing ('resolutions that ban arms sales')."""
    if pronoun.lower_ == "who":
        return True
    return pronoun.lower_ == "which" and pronoun.i > 0 and pronoun.doc[pronoun.i - 1].text == ","


def _relative_clause(clause: Token) -> Token | None:
    """The relative clause a verb is, or is a later conjunct of: in 'X, whose post is
    ceremonial and who has accused Y', 'who' opens a second clause the parser joins to the
    first by 'and'; both are about X."""
    for _ in range(6):
        if clause.dep_ == "relcl":
            return clause
        if clause.dep_ != "conj" or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def comma_antecedent(token: Token) -> Token | None:
    """'tariffs backed by Canada and Japan, which blame X for the glut': a
    clause opened by ', which' or ', who' is about the name just before the comma, though the
    parser may hang it on a noun further back. That name (from the first of its conjuncts,
    so that the whole list acts) when it is not the noun the parse chose; the coder reads it
    only when the parsed noun names no actor."""
    pronouns = [s for s in children(token, *_SUBJECT_DEPS) if _describes_its_noun(s)]
    clause = _relative_clause(token)
    if not pronouns or clause is None or pronouns[0].i < 2:
        return None
    comma = pronouns[0].doc[pronouns[0].i - 1]
    if comma.text != ",":
        return None
    noun = comma.doc[comma.i - 1]
    if noun.pos_ != "PROPN" or not noun.ent_type_ or noun.i == clause.head.i:
        return None
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    while noun.dep_ == "compound":
        noun = noun.head
    return None if noun.i == clause.head.i else noun


_MESSAGE_NOUNS = grammar_words("message_nouns")


def message_source(subject: Token) -> Token | None:
    """'A statement from the foreign ministry labeled the envoy persona non grata', 'the
    ministry's letter urged ...': a message that acts speaks for whoever issued it, named by
    its possessive or its 'from', 'by' or 'of' phrase."""
    if subject.lower_ not in _MESSAGE_NOUNS and subject.lemma_.lower() not in _MESSAGE_NOUNS:
        return None
    for child in subject.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    for prep in children(subject, "prep"):
        if prep.lower_ in ("from", "by", "of"):
            return next(iter(children(prep, "pobj")), None)
    return None


_PARTITIVE_WORDS = grammar_words("partitive_words")


def partitive_group(subject: Token) -> Token | None:
    """'the first of five Iranian tankers docked ...', 'one of the Russian warships fired':
    a subject that picks some out of a group stands for that group's side."""
    if subject.lower_ not in _PARTITIVE_WORDS and not subject.like_num:
        return None
    for prep in children(subject, "prep"):
        if prep.lower_ == "of":
            return next(iter(children(prep, "pobj")), None)
    return None


def _among_subject(noun: Token) -> Token | None:
    """'X was among the leaders who travelled to Caracas': X travelled."""
    among = noun.head if noun.dep_ == "pobj" else None
    if among is None or among.lower_ != "among" or among.head.lemma_ != "be":
        return None
    named = children(among.head, "nsubj")
    return named[0] if named else None


def misparsed_object(token: Token) -> Token | None:
    """A 'clause' right after the verb with no auxiliary, marker or verb form is its object,
    misparsed: in "imposed asset freezes and travel bans" the model reads 'freezes' as a verb."""
    for clause in children(token, "ccomp"):
        if clause.left_edge.i != token.i + 1 or clause.tag_ not in ("NNS", "NN", "VBZ"):
            continue
        if not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children):
            return clause
    return None


def direct_objects(token: Token) -> list[Token]:
    """Objects of the trigger; for a participle modifying a noun, that noun."""
    found = children(token, "dobj", "attr", "nsubjpass", "oprd")
    found += [clause for clause in [misparsed_object(token)] if clause is not None]
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        found.append(token.head)
    # "the joint drill that the United States, South Korea and Japan staged": the drill
    if token.dep_ == "relcl":  # "the drill that X staged": the relative pronoun is the drill
        found = [token.head if is_relative_pronoun(f) else f for f in found]
    subjects = children(token, "nsubj")
    if token.dep_ == "relcl" and not found and subjects and not is_relative_pronoun(subjects[0]):
        found.append(token.head)
    return found


def antecedent_of_relative(token: Token) -> Token:
    """'whom she accused': the relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in _RELATIVE_PRONOUNS:
        clause = token.head
        while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ in ("relcl", "acl"):
            return clause.head
        # "nine companies, which the bloc accuses": the clause hung on the main verb instead
        noun = token.doc[token.i - 2] if token.i > 1 else None
        if noun is not None and token.doc[token.i - 1].text == "," and noun.pos_ in ("NOUN", "PROPN"):
            return noun
    return token


def prep_objects(token: Token, preps: tuple[str, ...] | set[str]) -> list[Token]:
    """Objects of the given prepositions attached to the trigger, to its direct object, or
    to the object of its own preposition ('respond with measures against the EU'), or to
    its particle ('handed the town back to Lebanon')."""
    holders = [token, *direct_objects(token)]
    holders += [c for c in children(token, "advmod", "prt") if c.lower_ in ADVERB_PARTICLES]
    instrumental = [prep for prep in children(token, "prep") if prep.lower_ == "with"]
    holders += [pobj for prep in instrumental for pobj in children(prep, "pobj")]
    return [
        pobj
        for holder in holders
        for prep in holder.children
        if prep.dep_ in ("prep", "dative", "prt") and prep.lower_ in preps
        for pobj in children(prep, "pobj")
    ] + [dative for dative in children(token, "dative") if "to" in preps and dative.pos_ != "ADP"]


def of_object_preps(noun: Token, preps: tuple[str, ...] | set[str]) -> list[Token]:
    """'the reopening of its borders with Niger', 'the lifting of sanctions against Mali': a
    nominal act's 'of' phrase names what it acts on, and the partner or target hangs on that
    object, as on a verb's direct object ('reopened its borders with Niger')."""
    held = [pobj for prep in children(noun, "prep") if prep.lower_ == "of" for pobj in children(prep, "pobj")]
    return [
        pobj
        for holder in held
        for prep in children(holder, "prep")
        if prep.lower_ in preps
        for pobj in children(prep, "pobj")
    ]


def trailing_preps(noun: Token, preps: tuple[str, ...] | set[str]) -> list[Token]:
    """'talks held in the course of the official visit of Premier X to Peru':
    a phrase right after a nominal act's own phrase, that the parse hung on a noun higher up
    the chain of 'of'/'within' phrases, belongs to the act as its nearest noun. Only for a
    preposition that starts right where the act's phrase ends."""
    found: list[Token] = []
    current = noun
    while current.dep_ == "pobj" and current.head.dep_ == "prep" and current.head.head.i != current.head.i:
        current = current.head.head
        for prep in children(current, "prep"):
            if prep.lower_ in preps and prep.i == noun.right_edge.i + 1:
                found += children(prep, "pobj")
    return found


def _forms(words: Iterable[Token]) -> set[str]:
    """Each word's lemma and its form as written: the small model lemmatises some wrongly."""
    return {form for word in words for form in (word.lemma_.lower(), word.lower_)}


def subject_words(token: Token) -> set[str]:
    """Lemmas a sense's `subjects` list is checked against: the subject, its counted noun
    ('dozens of supporters') and its modifiers."""
    subject = subject_of(token)
    if subject is None:
        return set()
    words = _forms([subject])
    for child in subject.children:
        if child.dep_ in ("compound", "amod"):
            words |= _forms([child])
        if child.dep_ == "prep" and child.lower_ == "of":
            words |= _forms(children(child, "pobj"))
    return words


def object_words(token: Token) -> set[str]:
    """Lemmas a sense's `objects` list is checked against: objects, their modifiers, particles."""
    words: set[str] = set()
    for obj in direct_objects(token):
        for word in (obj, *obj.conjuncts):
            words |= _forms([word])
            for child in word.children:
                if child.dep_ in ("compound", "amod"):
                    words |= _forms([child])
                if child.dep_ == "prep" and child.lower_ == "of":
                    words |= _forms(p for p in child.subtree if p.pos_ in ("NOUN", "PROPN"))
    for prep in token.children:
        if prep.dep_ in ("prep", "prt", "dative"):
            words.add(prep.lower_)
            words |= _forms(children(prep, "pobj"))
    return words


def speaker_of(token: Token) -> Token | None:
    """For 'X said Y did Z', the subject of the speech verb governing Z's clause."""
    current = token
    for _ in range(6):
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_ in SPEECH_VERBS:
            return subject_of(current.head)
        if current.head.i == current.i:
            return None
        current = current.head
    return None


_OPENING_QUOTES = ('"', "“", "«", "'")


def quote_speaker(sentence: Span) -> Token | None:
    """Who speaks a quoted sentence with no speech verb of its own: the speaker of the
    sentence before ('..., Kallas told reporters. "Minsk must release ..."') or after."""
    if not sentence.text.lstrip().startswith(_OPENING_QUOTES):
        return None
    if any(t.lemma_ in SPEECH_VERBS for t in sentence):
        return None
    doc = sentence.doc
    neighbours = []
    if sentence.start > 0:
        neighbours.append(doc[sentence.start - 1].sent)
    if sentence.end < len(doc):
        neighbours.append(doc[sentence.end].sent)
    for neighbour in neighbours:
        if (
            "\n\n"
            in doc.text[
                min(neighbour.start_char, sentence.start_char) : max(neighbour.end_char, sentence.end_char)
            ].strip()
        ):
            continue  # another paragraph
        if neighbour.root.lemma_ in SPEECH_VERBS:
            return subject_of(neighbour.root)
    return None


def carrier_subject(noun: Token) -> Token | None:
    """Who performs a nominal act that a verb only carries: 'X began an official visit to Y',
    'X concluded talks', 'X, who was on a visit to Y' (the noun after 'on' with 'be' or a
    motion verb). Not the subject of a verb that judges the act ('X condemned the visit')."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUPPORT_VERBS:
        return subject_of(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.dep_ == "prep":
        verb = noun.head.head
        if verb.pos_ in ("VERB", "AUX") and (verb.lemma_ == "be" or verb.lemma_ in ("arrive", "go", "come", "travel")):
            return subject_of(verb)
    return None


def noun_owners(token: Token) -> Iterator[Token]:
    """Owners of a nominal trigger: 'his visit', 'X's visit', 'visit by X', 'talks between A and B'.
    Not the person who undergoes the act ('Maduro's arrest', 'his release': patient_possessive)."""
    for child in token.children:
        if child.dep_ == "poss":
            if not patient_possessive(token, child):
                yield child
        elif child.dep_ == "prep" and child.lower_ in ("by", "between", "of", "from"):
            yield from children(child, "pobj")


_PATIENT_NOUNS = grammar_words("patient_nouns")
_PERSON_POSSESSIVES = {"his", "her", "my", "your"}


def patient_possessive(noun: Token, possessive: Token) -> bool:
    """'condemned Maduro's arrest', 'demanded his release', 'after her detention': on a noun
    of an act done to people, a person in the possessive is who undergoes it. A state or body
    there still does it ('Iran's executions'), and so does any possessive when an 'of' phrase
    names the one acted on ('the junta's arrest of two reporters')."""
    if noun.lower_ not in _PATIENT_NOUNS and noun.lemma_.lower() not in _PATIENT_NOUNS:
        return False
    if any(prep.lower_ == "of" for prep in children(noun, "prep")):
        return False
    if possessive.pos_ == "PRON":
        return possessive.lower_ in _PERSON_POSSESSIVES
    return possessive.ent_type_ == "PERSON"


def is_relative_pronoun(token: Token) -> bool:
    return token.lower_ in _RELATIVE_PRONOUNS


_COMPANION_WORDS = grammar_words("companion_words")


def companions(token: Token, subject: Token | None) -> list[Token]:
    """Who acts 'together with' or 'along with' the subject: 'Together with China, Russia
    blocked the resolution', 'Russia, along with China, vetoed it'. They act too, so they are
    co-actors and never the act's target. On the verb only before it: after the object
    ('sanctions on Iran together with Venezuela') it may join the target."""
    found: list[Token] = []
    if subject is None:
        return found
    for holder in (token, subject):
        for prep in children(holder, "prep"):
            if holder is token and prep.i > token.i:
                continue
            fronted = [c for c in prep.children if c.dep_ == "advmod" and c.lower_ in _COMPANION_WORDS]
            if prep.lower_ == "with" and fronted:
                found += children(prep, "pobj")
            elif prep.lower_ in _COMPANION_WORDS:
                found += [p for w in children(prep, "prep") if w.lower_ == "with" for p in children(w, "pobj")]
    return found


def shared_object(token: Token) -> list[Token]:
    """The object of the first of two joined verbs, for the second when it names no one.

    "Chad summoned the ambassador and demanded an apology": the demand is made of whom
    the first verb acted on. Only a second verb that has no subject of its own ("and Sudan
    demanded ...") and no object that is a party of its own borrows it; the caller takes it
    only when it resolves to someone."""
    if token.dep_ != "conj" or token.head.pos_ not in ("VERB", "AUX") or children(token, "nsubj", "nsubjpass"):
        return []
    if is_passive(token) or is_passive(token.head):
        return []
    return [antecedent_of_relative(obj) for obj in children(token.head, "dobj")]

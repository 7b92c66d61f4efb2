"""Triggers the coder reaches through clause structure: relative clauses joined by 'and',
relative clauses the parser hangs on the wrong noun, and (look-alikes) the clauses that
must keep their own subjects.

Sentences written for these tests; the people are invented.
"""

import spacy
from spacy.tokens import Doc

from dyad.events import roles
from tests.helpers import code_text, find

VOCAB = spacy.blank("en").vocab


def test_a_second_relative_clause_joined_by_and_is_about_the_same_noun(pipeline):
    text = (
        "The Peruvian president, whose role is largely ceremonial and who has often accused "
        "the Bolivian government of meddling, spoke on Monday."
    )
    accusation = find(code_text(pipeline, text), "ACCUSE", {"PER", "BOL"})
    assert accusation is not None and {e.country for e in accusation.actor} == {"PER"}


def test_a_conjunct_with_its_own_subject_keeps_it(pipeline):
    # look-alike: a clause joined by 'and' that names its own subject is not about the noun
    text = (
        "The Peruvian president, whose role is largely ceremonial, spoke on Monday, "
        "and Bolivia accused the Chilean government of meddling."
    )
    events = code_text(pipeline, text)
    assert find(events, "ACCUSE", {"BOL", "CHL"}) is not None
    assert not any(e.type == "ACCUSE" and "PER" in {a.country for a in e.actor} for e in events)


def _misattached():
    # "... sanctions led by Canada and Chile , which accuse Peru ." with the clause hung on 'sanctions'
    words = ["sanctions", "led", "by", "Canada", "and", "Chile", ",", "which", "accuse", "Peru", "."]
    return Doc(
        VOCAB,
        words=words,
        heads=[0, 0, 1, 2, 3, 3, 0, 8, 0, 8, 0],
        deps=["ROOT", "acl", "agent", "pobj", "cc", "conj", "punct", "nsubj", "relcl", "dobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT"],
        tags=["NNS", "VBN", "IN", "NNP", "CC", "NNP", ",", "WDT", "VBP", "NNP", "."],
        ents=["O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O", "O", "B-GPE", "O"],
    )


def test_a_comma_relative_clause_is_about_the_name_before_the_comma():
    doc = _misattached()
    assert roles.subject_of(doc[8]).text == "sanctions"  # the parse's noun, read first
    assert roles.comma_antecedent(doc[8]).text == "Canada"  # the list before the comma, from its first


def test_a_clause_on_the_name_before_the_comma_needs_no_second_reading():
    # look-alike: the parser hung the clause on the name itself; a restrictive 'that' names no antecedent
    doc = _misattached()
    relcl = doc[8]
    assert roles.comma_antecedent(doc[1]) is None  # no relative pronoun subject
    words = ["Canada", ",", "which", "accuses", "Peru", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[0, 0, 3, 0, 3, 0],
        deps=["ROOT", "punct", "nsubj", "relcl", "dobj", "punct"],
        pos=["PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT"],
        tags=["NNP", ",", "WDT", "VBZ", "NNP", "."],
        ents=["B-GPE", "O", "O", "O", "B-GPE", "O"],
    )
    assert roles.comma_antecedent(doc[3]) is None
    assert relcl.text == "accuse"


def test_sanctions_that_hurt_do_not_make_their_imposer_the_doer(pipeline):
    # look-alike: a clause the parse rightly hangs on a thing keeps that thing as its subject
    text = "Peru suffers under sanctions imposed by Washington, which have cut its exports sharply."
    events = code_text(pipeline, text)
    assert not any(e.type != "SANCTION" and "USA" in {a.country for a in e.actor} for e in events)


def test_a_statement_that_acts_speaks_for_whoever_issued_it(pipeline):
    text = (
        "A statement from the Chilean foreign ministry on Tuesday labeled Peruvian Ambassador "
        "Luis Rojas as persona non grata."
    )
    expulsion = find(code_text(pipeline, text), "SANCTION", {"CHL", "PER"})
    assert expulsion is not None and {e.country for e in expulsion.actor} == {"CHL"}


def test_a_statement_about_a_country_is_not_that_countrys(pipeline):
    # look-alike: what a message is about ('about the Chilean navy') did not issue it
    text = "A statement about the Chilean navy on Tuesday condemned the Peruvian government's decision."
    events = code_text(pipeline, text)
    assert not any(e.type == "ACCUSE" and "CHL" in {a.country for a in e.actor} for e in events)


def test_a_report_is_no_message_of_the_place_it_comes_from(pipeline):
    # look-alike: 'report' is no message noun, and a border issues nothing
    text = "A report from the Chilean border on Tuesday accused the Peruvian police of abuses."
    events = code_text(pipeline, text)
    assert not any(e.type == "ACCUSE" for e in events)


def test_talks_with_a_partner_framing_a_clause_are_its_subjects(pipeline):
    text = (
        "The Chilean president made the remarks during lengthy negotiations with Peruvian "
        "President Luis Rojas on Monday."
    )
    assert find(code_text(pipeline, text), "CONSULT", {"CHL", "PER"}) is not None


def test_talks_without_a_partner_are_no_meeting_of_the_subject(pipeline):
    # look-alike: protesters at talks, with no partner named, did not hold them
    text = "Thousands of Chilean workers protested during the talks in Lima on Monday."
    assert not any(e.type == "CONSULT" for e in code_text(pipeline, text))


def test_talks_after_which_a_subject_acts_are_not_its_own(pipeline):
    # look-alike: 'after' tells of talks held at another time, maybe by others
    text = "Chile recalled its ambassador after the talks with Peru on Monday."
    events = code_text(pipeline, text)
    assert not any(e.type == "CONSULT" and "CHL" in {a.country for a in e.actor} for e in events)


def test_an_agreement_signed_between_two_states_is_both_of_theirs(pipeline):
    text = "Three agreements were signed between the foreign ministers of Chile and Peru on Monday."
    signing = find(code_text(pipeline, text), "SUPPORT", {"CHL", "PER"})
    assert signing is not None and {e.country for e in signing.actor} == {"CHL", "PER"}


def test_an_agreement_signed_in_a_city_has_no_signatories(pipeline):
    # look-alike: a passive with no 'between' names nobody who signed
    text = "Three agreements were signed in Lima on Monday."
    assert not any(e.type == "SUPPORT" for e in code_text(pipeline, text))


def test_the_partner_of_a_nominal_act_may_hang_on_its_of_object(pipeline):
    text = "President Luis Arce has ordered the reopening of Bolivia's land borders with Chile."
    reopening = find(code_text(pipeline, text), "CONCEDE", {"BOL", "CHL"})
    assert reopening is not None and [e.country for e in reopening.recipient] == ["CHL"]
    text = "Peru welcomed the lifting of sanctions against Bolivia by the European Union."
    lifting = find(code_text(pipeline, text), "CONCEDE", {"EU", "BOL"})
    assert lifting is not None and [e.country for e in lifting.recipient] == ["BOL"]


def test_a_partner_of_other_talks_is_not_the_nominal_acts(pipeline):
    # look-alike: 'with Chile' hangs on the talks, not on what the reopening acts on
    text = "Bolivia announced the reopening of its borders after talks with Chile."
    assert not any(e.type == "CONCEDE" for e in code_text(pipeline, text))


def _dateline(with_subject: bool):
    # "BRUSSELS ( AP ) -- ministers were weighing whether to impose sanctions", parsed with the
    # city as the subject and the ministers (when there) set beside it
    words = ["BRUSSELS", "(", "AP", ")", "--", "ministers", "were", "weighing", "whether", "to", "impose", "sanctions"]
    heads = [7, 0, 0, 0, 0, 0, 7, 7, 10, 10, 7, 10]
    deps = ["nsubj", "punct", "appos", "punct", "punct", "appos", "aux", "ROOT", "mark", "aux", "advcl", "dobj"]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT", "NOUN", "AUX", "VERB", "SCONJ", "PART", "VERB", "NOUN"]
    tags = ["NNP", "-LRB-", "NNP", "-RRB-", ":", "NNS", "VBD", "VBG", "IN", "TO", "VB", "NNS"]
    ents = ["B-GPE", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O"]
    if not with_subject:  # "BRUSSELS ( AP ) -- were weighing ...": nothing beside the city but the agency
        keep = [i for i in range(len(words)) if i != 5]
        index = {old: new for new, old in enumerate(keep)}
        words, deps, pos, tags, ents = ([xs[i] for i in keep] for xs in (words, deps, pos, tags, ents))
        heads = [index[heads[i]] for i in keep]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)


def test_the_noun_beside_a_dateline_city_is_the_subject():
    doc = _dateline(with_subject=True)
    assert roles.subject_of(doc[10]).text == "ministers"


def test_the_agency_of_a_dateline_is_never_the_subject():
    # look-alike: the agency in parentheses beside the city acts in nothing
    doc = _dateline(with_subject=False)
    assert roles.subject_of(doc[9]) is None


def test_the_first_of_a_group_acts_for_the_group(pipeline):
    text = "The first of five Chilean tankers docked in Peru on Monday, delivering badly needed fuel to the country."
    aid = find(code_text(pipeline, text), "AID", {"CHL", "PER"})
    assert aid is not None and {e.country for e in aid.actor} == {"CHL"}


def test_the_first_of_things_about_a_country_is_not_that_country(pipeline):
    # look-alike: the group is talks, whose topic names a country that does nothing
    text = "The first of the talks about Chilean investment opened in Lima, delivering hope to Peru."
    events = code_text(pipeline, text)
    assert not any("CHL" in {a.country for a in e.actor} for e in events)


def test_the_second_of_two_joined_verbs_shares_the_first_ones_object(pipeline):
    text = "Peru recalled the Bolivian envoy and demanded an explanation."
    request = find(code_text(pipeline, text), "REQUEST", {"PER", "BOL"})
    assert request is not None and {e.country for e in request.recipient} == {"BOL"}


def test_a_joined_verb_with_its_own_subject_does_not_share_the_object(pipeline):
    # look-alike: the second clause names its own doer, who asks nothing of the envoy
    text = "Peru recalled the Bolivian envoy, and the Bolivian government demanded an explanation."
    events = code_text(pipeline, text)
    requests = [e for e in events if e.type == "REQUEST"]
    assert requests and all({a.country for a in e.actor} == {"BOL"} and not e.recipient for e in requests)


def test_a_thing_of_a_party_is_not_shared_as_the_object(pipeline):
    # look-alike: the first verb acts on a thing ('the expansion of NATO'), not on a party
    text = "Peru condemned the expansion of NATO and called for a peaceful solution."
    events = code_text(pipeline, text)
    assert not any(e.type == "REQUEST" and "NATO" in {r.country for r in e.recipient} for e in events)

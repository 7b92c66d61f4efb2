"""Role rules on hand-built parses: they hold whatever the model's parse of a sentence is today.

The model-parse tests elsewhere check that real sentences come out right; these pin each rule
to the exact tree it is written for, so a model upgrade cannot hide a broken rule.
"""

from dyad.events import roles
from tests.helpers import parse


def test_passive_agent_is_the_actor():
    # "Sanctions were imposed by Brussels ."
    doc = parse(
        ["Sanctions", "were", "imposed", "by", "Brussels", "."],
        heads=[2, 2, 2, 2, 3, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        pos=["NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        lemmas=["sanction", "be", "impose", "by", "Brussels", "."],
        tags=["NNS", "VBD", "VBN", "IN", "NNP", "."],
    )
    trigger = doc[2]
    assert roles.is_passive(trigger)
    assert [t.text for t in roles.agents(trigger)] == ["Brussels"]
    assert [t.text for t in roles.children(trigger, "nsubjpass")] == ["Sanctions"]


def test_active_verb_is_not_passive_and_its_subject_acts():
    # "Havana condemned the blockade ."
    doc = parse(
        ["Havana", "condemned", "the", "blockade", "."],
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["Havana", "condemn", "the", "blockade", "."],
        tags=["NNP", "VBD", "DT", "NN", "."],
    )
    trigger = doc[1]
    assert not roles.is_passive(trigger)
    assert roles.subject_of(trigger).text == "Havana"
    assert [t.text for t in roles.direct_objects(trigger)] == ["blockade"]


def test_recipient_preposition_objects():
    # "Minsk called on Vilnius to reopen the border ."
    doc = parse(
        ["Minsk", "called", "on", "Vilnius", "to", "reopen", "the", "border", "."],
        heads=[1, 1, 1, 2, 5, 1, 7, 5, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "aux", "xcomp", "det", "dobj", "punct"],
        pos=["PROPN", "VERB", "ADP", "PROPN", "PART", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["Minsk", "call", "on", "Vilnius", "to", "reopen", "the", "border", "."],
    )
    trigger = doc[1]
    assert [t.text for t in roles.prep_objects(trigger, ("on",))] == ["Vilnius"]
    assert roles.prep_objects(trigger, ("with",)) == []


def test_noun_owners_are_possessors_and_by_phrases():
    # "Lula 's visit by train to Beijing" is odd English, but the tree is what the rule reads
    doc = parse(
        ["Lula", "'s", "visit", "to", "Beijing"],
        heads=[2, 0, 2, 2, 3],
        deps=["poss", "case", "ROOT", "prep", "pobj"],
        pos=["PROPN", "PART", "NOUN", "ADP", "PROPN"],
    )
    assert [t.text for t in roles.noun_owners(doc[2])] == ["Lula"]
    # "talks between Seoul and Tokyo"
    doc = parse(
        ["talks", "between", "Seoul", "and", "Tokyo"],
        heads=[0, 0, 1, 2, 2],
        deps=["ROOT", "prep", "pobj", "cc", "conj"],
        pos=["NOUN", "ADP", "PROPN", "CCONJ", "PROPN"],
    )
    assert [t.text for t in roles.noun_owners(doc[0])] == ["Seoul"]  # its conjuncts come with the resolver


def test_relative_pronoun_points_to_its_noun():
    # "the minister who visited Quito"
    doc = parse(
        ["the", "minister", "who", "visited", "Quito"],
        heads=[1, 1, 3, 1, 3],
        deps=["det", "ROOT", "nsubj", "relcl", "dobj"],
        pos=["DET", "NOUN", "PRON", "VERB", "PROPN"],
        lemmas=["the", "minister", "who", "visit", "Quito"],
        tags=["DT", "NN", "WP", "VBD", "NNP"],
    )
    assert roles.is_relative_pronoun(doc[2])
    assert roles.antecedent_of_relative(doc[2]).text == "minister"


def test_a_passive_verbs_subject_does_what_its_infinitive_says():
    # "Lula is expected to visit Caracas ."
    doc = parse(
        ["Lula", "is", "expected", "to", "visit", "Caracas", "."],
        heads=[2, 2, 2, 4, 2, 4, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "aux", "xcomp", "dobj", "punct"],
        pos=["PROPN", "AUX", "VERB", "PART", "VERB", "PROPN", "PUNCT"],
        lemmas=["Lula", "be", "expect", "to", "visit", "Caracas", "."],
        tags=["NNP", "VBZ", "VBN", "TO", "VB", "NNP", "."],
    )
    assert roles.subject_of(doc[4]).text == "Lula"
    # the passive verb's own subject is its patient, not a subject it has
    assert roles.subject_of(doc[2]) is None

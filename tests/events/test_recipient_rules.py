"""Where recipients come from when no argument of the trigger names them (issue 9).

Sentences written for these tests; the people are invented and known only by their titles.
"""

from dyad.events.roles import trailing_preps
from tests.helpers import code_text, find, parse


def test_the_source_a_sentence_cites_is_no_party(pipeline):
    text = (
        "Chilean President Ana Torres will have one-to-one talks ahead of the forum on Tuesday, "
        "according to Argentina's foreign ministry."
    )
    events = code_text(pipeline, text)
    assert find(events, "AGREE", {"CHL"}) is not None
    assert find(events, "AGREE", {"CHL", "ARG"}) is None
    # a country named in the act itself still counts
    text = "Chilean President Ana Torres will hold meetings with Argentina on Tuesday, according to her office."
    assert find(code_text(pipeline, text), "AGREE", {"CHL", "ARG"}) is not None


def test_the_two_countries_are_the_two_the_sentence_names(pipeline):
    text = (
        "Brazil hosted talks on trade on Monday. "
        "During the Peruvian president's visit to Santiago, the two countries signed a trade agreement."
    )
    signing = find(code_text(pipeline, text), "SUPPORT", {"PER", "CHL"})
    assert signing is not None
    assert {e.country for e in signing.actor} == {"PER", "CHL"} and signing.recipient == []


def test_the_two_countries_are_the_last_pair_when_the_sentence_names_one(pipeline):
    text = (
        "Ecuadorian President Luis Vega met Peruvian President Ana Quispe in Quito on Monday. "
        "After talks mediated by Brazil, the two countries signed a border deal."
    )
    events = code_text(pipeline, text)
    assert find(events, "SUPPORT", {"ECU", "PER"}) is not None
    assert not any(e.type == "SUPPORT" and "BRA" in e.countries() for e in events)


def test_who_is_scheduled_to_hold_talks_holds_them(pipeline):
    text = "The IAEA chief is scheduled to hold talks with Iranian Vice President Ali Karimi on Monday."
    events = code_text(pipeline, text, published="2025-07-25")
    talks = find(events, "AGREE", {"IAEA", "IRN"})
    assert talks is not None and talks.actor[0].country == "IAEA"


def test_what_a_meeting_discusses_is_no_party_to_it(pipeline):
    text = (
        "Peruvian President Ana Quispe hosted a regional summit on Monday "
        "to discuss the dispute between Ecuador and Colombia."
    )
    events = code_text(pipeline, text)
    consults = [e for e in events if e.type == "CONSULT"]
    assert consults and not any({"ECU", "COL"} & e.countries() for e in consults)
    # the partner named with 'with' still is
    text = "Peruvian President Ana Quispe met with Ecuador's foreign minister on Monday to discuss the border."
    assert find(code_text(pipeline, text), "CONSULT", {"PER", "ECU"}) is not None


def test_a_by_phrase_after_an_active_verbs_object_names_its_author(pipeline):
    # the parser labels this 'by' an agent, which an active verb cannot have; 'Mr' says
    # nothing of who Bennett is, and a prime minister's government is his country's
    text = "The Dutch foreign ministry criticised a scheme by Mr Bennett's government to expand two outposts."
    accusation = find(code_text(pipeline, text, published="2021-10-27"), "ACCUSE", {"NLD", "ISR"})
    assert accusation is not None and [e.country for e in accusation.recipient] == ["ISR"]


def test_a_passives_agent_is_no_author_of_its_subject(pipeline):
    # look-alike: a passive's 'by' names who acted
    text = "Plans to build settler homes were criticised by Mr Bennett's government on Monday."
    events = code_text(pipeline, text, published="2021-10-27")
    assert not any(e.type == "ACCUSE" and "ISR" in {r.country for r in e.recipient} for e in events)


def test_an_unknown_person_with_a_courtesy_title_gets_no_country_from_it(pipeline):
    # look-alike: 'Mr' with a name the gazetteer does not hold resolves to no known leader
    text = "The German foreign ministry criticised plans by Mr Hollowell's company to build homes."
    assert not any(e.type == "ACCUSE" and e.recipient for e in code_text(pipeline, text))


def test_a_visitor_who_is_somewhere_on_a_visit_is_hosted_there(pipeline):
    # the place hangs on 'is', beside the visit: the host is that place's government
    text = "Chilean President Ana Torres, who is in Peru for her first state visit, opened a trade fair on Friday."
    visit = find(code_text(pipeline, text), "CONSULT", {"CHL", "PER"})
    assert visit is not None
    assert [e.country for e in visit.actor] == ["CHL"] and [e.country for e in visit.recipient] == ["PER"]
    text = "Chilean President Ana Torres is in Lima on a two-day visit."
    assert find(code_text(pipeline, text), "CONSULT", {"CHL", "PER"}) is not None


def test_where_a_visitor_was_before_is_not_where_the_visit_is(pipeline):
    # 'was in Peru' tells an earlier stop; the visit itself is to Bolivia
    text = "Chilean President Ana Torres, who was in Peru last week, is now on a state visit to Bolivia."
    events = code_text(pipeline, text)
    assert find(events, "CONSULT", {"CHL", "PER"}) is None


def test_an_amount_in_funding_to_a_state_names_that_state(pipeline):
    # the 'to' phrase hangs on 'funding', which the parse attaches to the verb beside the amount
    text = "Canada has halted tens of millions of dollars in funding to Haiti after the dispute, officials said."
    halted = find(code_text(pipeline, text), "SANCTION", {"CAN", "HTI"})
    assert halted is not None and [e.country for e in halted.recipient] == ["HTI"]


def test_a_place_where_money_is_spent_is_no_beneficiary(pipeline):
    # no amount 'in' a kind of support: 'in Samoa' is where, and nobody receives through it
    text = "Canada has halted its work in Jamaica after the dispute, officials said."
    assert all("JAM" not in {e.country for e in event.recipient} for event in code_text(pipeline, text))


def test_who_acts_together_with_the_subject_is_a_co_actor_not_the_target(pipeline):
    text = "Together with Bolivia, Peru blocked the regional trade resolution on Monday."
    blocked = find(code_text(pipeline, text), "REJECT", {"PER", "BOL"})
    assert blocked is not None
    assert {e.country for e in blocked.actor} == {"PER", "BOL"} and blocked.recipient == []
    text = "Peru, along with Bolivia, rejected the Chilean proposal on Monday."
    rejected = find(code_text(pipeline, text), "REJECT", {"PER", "BOL", "CHL"})
    assert rejected is not None and [e.country for e in rejected.recipient] == ["CHL"]


def test_together_with_after_the_object_does_not_join_the_actors(pipeline):
    # after the object, 'together with' may add to the target: it makes no co-actor
    text = "Chile imposed sanctions on Peru together with Bolivia on Monday."
    assert all("BOL" not in {e.country for e in event.actor} for event in code_text(pipeline, text))


def test_a_destination_the_parse_hung_higher_up_still_belongs_to_the_visit(pipeline):
    # 'to the Republic of Peru' is parsed onto a noun higher up; it follows the visit's phrase
    text = (
        "In the course of the official visit of the Prime Minister of the Kingdom of Spain Pedro Sanchez "
        "to the Republic of Peru, the two leaders signed a joint statement."
    )
    visit = find(code_text(pipeline, text), "CONSULT", {"ESP", "PER"})
    assert visit is not None and [e.country for e in visit.recipient] == ["PER"]


def test_a_later_to_phrase_of_another_noun_is_not_the_visits(pipeline):
    # 'to Ghana' does not start where the visit's phrase ends: it is where the report went
    doc = pipeline.nlp("The report on the visit of the minister was sent on Monday to Ghana.")
    visit = next(t for t in doc if t.text == "visit")
    assert trailing_preps(visit, ("to",)) == []


def test_a_country_in_the_actors_own_phrase_is_not_its_beneficiary(pipeline):
    # Cuba is where the ambassador serves: it tells who acts, it is not whom the act is for
    events = code_text(pipeline, "The Russian ambassador to Cuba will attend the summit in Minsk next week.")
    assert not any("CUB" in {e.country for e in event.recipient} for event in events)
    # look-alike: a country in the act's own clause still is
    events = code_text(pipeline, "The Russian ambassador to Cuba is ready to finance projects in Nicaragua.")
    assert find(events, "AGREE", {"RUS", "NIC"}) is not None


def test_the_actor_phrase_on_a_hand_built_parse():
    from dyad.events.recipients import actor_phrase

    # "The envoy of Chile attended talks ." : the subject's words are the actor's
    doc = parse(
        ["The", "envoy", "of", "Chile", "attended", "talks", "."],
        heads=[1, 4, 1, 2, 4, 4, 4],
        deps=["det", "nsubj", "prep", "pobj", "ROOT", "dobj", "punct"],
        pos=["DET", "NOUN", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"],
        lemmas=["the", "envoy", "of", "Chile", "attend", "talk", "."],
        tags=["DT", "NN", "IN", "NNP", "VBD", "NNS", "."],
    )
    assert actor_phrase(doc[4]) == {0, 1, 2, 3}
    # "the envoy who attended talks": the subject holds the trigger; none of its words are taken
    doc = parse(
        ["the", "envoy", "who", "attended", "talks"],
        heads=[1, 1, 3, 1, 3],
        deps=["det", "ROOT", "nsubj", "relcl", "dobj"],
        pos=["DET", "NOUN", "PRON", "VERB", "NOUN"],
        lemmas=["the", "envoy", "who", "attend", "talk"],
        tags=["DT", "NN", "WP", "VBD", "NNS"],
    )
    assert 4 not in actor_phrase(doc[3])


def test_a_relative_clause_does_not_promise_to_the_country_outside_it(pipeline):
    # Peru is named only in the sentence around the relative clause: not the pledge's beneficiary
    text = "The tariff announced by Peru has angered Chilean officials, who on Thursday pledged to respond firmly."
    events = code_text(pipeline, text)
    assert find(events, "AGREE", {"CHL", "PER"}) is None
    assert find(events, "AGREE", {"CHL"}) is not None


def test_a_main_clause_promise_still_takes_the_sentences_one_other_country(pipeline):
    # look-alike: the promise is the sentence's own clause, so its one other country is for whom
    text = '"Whatever Cuba needs, Belarus is prepared to deliver," the minister said.'
    assert find(code_text(pipeline, text), "AGREE", {"BLR", "CUB"}) is not None


def test_the_subordinate_clause_on_a_hand_built_parse():
    from dyad.events.recipients import subordinate_clause

    # "Peru angered officials who pledged support ."
    doc = parse(
        ["Peru", "angered", "officials", "who", "pledged", "support", "."],
        heads=[1, 1, 1, 4, 2, 4, 1],
        deps=["nsubj", "ROOT", "dobj", "nsubj", "relcl", "dobj", "punct"],
    )
    assert subordinate_clause(doc[4]) == {3, 4, 5}
    assert subordinate_clause(doc[1]) is None  # the main clause: the whole sentence counts

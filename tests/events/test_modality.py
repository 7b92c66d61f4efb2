"""Modality over nouns and refusals, and who a visit admits: our own wire-style sentences,
each with a look-alike that must still code as before."""

from tests.helpers import code_text, find, parse


def test_a_refused_meeting_is_not_a_meeting(pipeline):
    events = code_text(pipeline, "The Serbian president refuses to meet Kosovo's prime minister.")
    assert not any(e.type == "CONSULT" for e in events)
    assert any(e.type == "REJECT" for e in events)


def test_an_agreed_meeting_is_still_a_promise(pipeline):
    events = code_text(pipeline, "The Serbian president agreed to meet Kosovo's prime minister.")
    assert any(e.type == "AGREE" for e in events)


def test_a_noun_threat_is_a_threat_not_the_threatened_act(pipeline):
    events = code_text(pipeline, "Washington renewed its threat to impose tariffs on Brazil.")
    assert find(events, "SANCTION", {"USA", "BRA"}) is None
    threat = find(events, "THREATEN", {"USA", "BRA"})
    assert threat is not None and threat.modality == "asserted"


def test_an_imposed_tariff_is_still_a_sanction(pipeline):
    events = code_text(pipeline, "Washington decided to impose tariffs on Brazil.")
    assert find(events, "SANCTION", {"USA", "BRA"}) is not None
    assert find(events, "THREATEN", {"USA", "BRA"}) is None


def test_the_owner_of_a_threat_threatens_not_whoever_answers_it(pipeline):
    text = "Brazilian President Luiz Inacio Lula da Silva dismissed Washington's threat to impose tariffs on Brazil."
    events = code_text(pipeline, text)
    threat = find(events, "THREATEN", {"USA", "BRA"})
    assert threat is not None and [e.country for e in threat.actor] == ["USA"]


def test_people_travelling_abroad_make_no_visit(pipeline):
    events = code_text(pipeline, "Thousands of Venezuelans travelled to Colombia last month.", published="2025-07-27")
    assert not any(e.type == "CONSULT" for e in events)


def test_a_minister_travelling_abroad_visits(pipeline):
    text = "Venezuelan Foreign Minister Yvan Gil travelled to Colombia last month."
    event = find(code_text(pipeline, text, published="2025-07-27"), "CONSULT", {"VEN", "COL"})
    assert event is not None and event.mode == "visit"


def test_an_attack_called_likely_is_hypothetical(pipeline):
    events = code_text(pipeline, "The minister said a Russian attack on Moldova was likely.")
    attack = find(events, "ASSAULT", {"RUS", "MDA"})
    assert attack is not None and attack.modality == "hypothetical"


def test_a_possible_sanction_is_hypothetical(pipeline):
    events = code_text(pipeline, "Brussels discussed possible EU sanctions against Belarus on Monday.")
    assert not any(e.type == "SANCTION" and e.modality == "asserted" for e in events)


def test_an_attack_that_killed_people_is_asserted(pipeline):
    events = code_text(pipeline, "A Russian attack on Moldova killed two border guards on Monday.")
    assert any(e.type == "ASSAULT" and e.modality == "asserted" for e in events)


def test_an_invasion_named_as_a_condition_is_hypothetical(pipeline):
    text = "In the event of a Chinese invasion of Taiwan, the United States would come to its defence."
    invasion = find(code_text(pipeline, text), "ASSAULT", {"CHN", "TWN"})
    assert invasion is not None and invasion.modality == "hypothetical"


def test_a_chinese_invasion_reported_as_done_is_asserted(pipeline):
    text = "The Chinese invasion of Taiwan began on Monday, the ministry said."
    invasion = find(code_text(pipeline, text), "ASSAULT", {"CHN", "TWN"})
    assert invasion is None or invasion.modality == "asserted"


def test_talks_that_would_be_held_are_hypothetical(pipeline):
    text = "Talks between Armenia and Azerbaijan, if they take place, would be held in Washington."
    events = code_text(pipeline, text)
    assert not any(e.type == "CONSULT" and e.modality == "asserted" for e in events)


def test_no_talks_held_is_no_meeting(pipeline):
    events = code_text(pipeline, "No talks were held between Armenia and Azerbaijan.")
    assert not any(e.type == "CONSULT" and e.modality == "asserted" for e in events)


def test_talks_that_took_place_are_asserted(pipeline):
    events = code_text(pipeline, "Talks between Armenia and Azerbaijan took place in Washington on Monday.")
    talks = find(events, "CONSULT", {"ARM", "AZE"})
    assert talks is not None and talks.modality == "asserted"


def test_talks_that_will_take_place_are_a_promise(pipeline):
    events = code_text(pipeline, "Talks between Armenia and Azerbaijan will take place in Washington next week.")
    assert find(events, "AGREE", {"ARM", "AZE"}) is not None
    assert find(events, "CONSULT", {"ARM", "AZE"}) is None


def test_a_meeting_that_times_a_future_act_is_a_promise(pipeline):
    events = code_text(pipeline, "Lavrov will brief reporters after his meeting with Wang Yi in Beijing.")
    assert find(events, "CONSULT", {"RUS", "CHN"}) is None
    assert find(events, "AGREE", {"RUS", "CHN"}) is not None


def test_a_meeting_that_times_a_past_act_is_a_meeting(pipeline):
    events = code_text(pipeline, "Lavrov briefed reporters after his meeting with Wang Yi in Beijing.")
    meeting = find(events, "CONSULT", {"RUS", "CHN"})
    assert meeting is not None and meeting.modality in ("asserted", "historical")


def test_visiting_a_memorial_is_no_state_visit(pipeline):
    text = "The Vietnamese foreign minister visited the Tomb of the Unknown Soldier in Moscow on Monday."
    assert not any(e.type == "CONSULT" for e in code_text(pipeline, text))


def test_visiting_the_kremlin_is_a_state_visit(pipeline):
    text = "The Vietnamese foreign minister visited the Kremlin on Monday."
    assert find(code_text(pipeline, text), "CONSULT", {"VNM", "RUS"}) is not None


def test_a_planned_visit_is_a_promise(pipeline):
    events = code_text(pipeline, "The Kremlin confirmed the planned visit of Putin to India.")
    assert find(events, "AGREE", {"RUS", "IND"}) is not None
    assert find(events, "CONSULT", {"RUS", "IND"}) is None


def test_a_planned_visit_that_took_place_is_a_visit(pipeline):
    events = code_text(pipeline, "The planned visit of Putin to India took place on Monday.")
    visit = find(events, "CONSULT", {"RUS", "IND"})
    assert visit is not None and visit.modality == "asserted"


def test_a_cancelled_visit_is_not_asserted(pipeline):
    events = code_text(pipeline, "New Delhi cancelled the visit of Putin to India.")
    assert not any(e.type == "CONSULT" and e.modality == "asserted" for e in events)


def test_no_reports_of_clashes_is_no_clash(pipeline):
    text = "There were no reports of clashes between Indian and Pakistani troops on Sunday."
    assert not any(e.type == "ASSAULT" and e.modality == "asserted" for e in code_text(pipeline, text))


def test_reports_of_clashes_are_clashes(pipeline):
    text = "There were reports of clashes between Indian and Pakistani troops on Sunday."
    clash = find(code_text(pipeline, text), "ASSAULT", {"IND", "PAK"})
    assert clash is not None and clash.modality == "asserted"


def test_talks_called_for_are_a_request_not_talks(pipeline):
    events = code_text(pipeline, "The UN called for talks between Armenia and Azerbaijan.")
    assert find(events, "CONSULT", {"ARM", "AZE"}) is None
    assert any(e.type == "REQUEST" for e in events)


def test_talks_proposed_are_hypothetical(pipeline):
    events = code_text(pipeline, "Turkey proposed talks between Russia and Ukraine.")
    assert not any(e.type == "CONSULT" and e.modality == "asserted" for e in events)


def test_talks_held_are_asserted(pipeline):
    talks = find(code_text(pipeline, "Armenia and Azerbaijan held talks in Washington."), "CONSULT", {"ARM", "AZE"})
    assert talks is not None and talks.modality == "asserted"


def test_an_attack_considered_a_provocation_happened(pipeline):
    text = "Seoul considered the North Korean attack on the island a provocation."
    assert not any(e.type == "ASSAULT" and e.modality == "hypothetical" for e in code_text(pipeline, text))


def test_a_declined_meeting_is_not_a_meeting(pipeline):
    events = code_text(pipeline, "The Russian president declined to meet the Ukrainian president in Istanbul.")
    assert not any(e.type == "CONSULT" for e in events)


def test_a_meeting_not_declined_is_a_meeting(pipeline):
    events = code_text(pipeline, "The Russian president met the Ukrainian president in Istanbul.")
    assert find(events, "CONSULT", {"RUS", "UKR"}) is not None


def test_aid_that_has_yet_to_arrive_is_negated(pipeline):
    text = "Officials said that 40 buses donated by China have yet to reach the island."
    assert not any(e.type == "AID" and e.modality == "asserted" for e in code_text(pipeline, text))


def test_aid_that_arrived_is_asserted(pipeline):
    text = "Officials said that 40 buses donated by China reached the island on Monday."
    events = code_text(pipeline, text)
    assert any(e.type == "AID" and e.modality == "asserted" for e in events)


def test_no_aid_delivered_is_negated_and_aid_delivered_is_not(pipeline):
    none = find(code_text(pipeline, "No aid was delivered by Venezuela to Cuba last month."), "AID", {"VEN", "CUB"})
    assert none is not None and none.modality == "negated"
    some = find(code_text(pipeline, "Aid was delivered by Venezuela to Cuba last month."), "AID", {"VEN", "CUB"})
    assert some is not None and some.modality == "asserted"


def test_talks_ruled_out_are_not_talks(pipeline):
    text = "The Greek prime minister ruled out holding talks with Turkey over the islands on Monday."
    events = code_text(pipeline, text)
    assert find(events, "CONSULT", {"GRC", "TUR"}) is None


def test_talks_held_after_a_ruling_are_still_talks(pipeline):
    # look-alike: 'ruled' without 'out' turns nothing down
    text = "The Greek prime minister held talks with Turkey on Monday after the court ruled on the islands."
    events = code_text(pipeline, text)
    assert find(events, "CONSULT", {"GRC", "TUR"}) is not None


def test_rule_out_on_a_hand_built_parse():
    from dyad.events.modality import is_refused_act

    # "Athens ruled out holding talks ." / "Athens ruled on holding talks ."
    def doc(particle, dep):
        return parse(
            ["Athens", "ruled", particle, "holding", "talks", "."],
            heads=[1, 1, 1, 1, 3, 1],
            deps=["nsubj", "ROOT", dep, "xcomp", "dobj", "punct"],
            pos=["PROPN", "VERB", "ADP", "VERB", "NOUN", "PUNCT"],
            lemmas=["Athens", "rule", particle, "hold", "talk", "."],
        )

    assert is_refused_act(doc("out", "prt")[3])
    assert not is_refused_act(doc("on", "prep")[3])

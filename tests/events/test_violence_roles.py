"""Roles of violence and coercion (events/coder.py): passives, unnamed doers, weapons as
subjects, victims named by 'of', targets after 'at'. Sentences are our own."""

from __future__ import annotations

from tests.helpers import code_text, find


def _code(pipeline, sentence: str):
    return code_text(pipeline, f"News\n\nCAPITAL, June 2 (Wire) - {sentence}", published="2025-06-03")


def _types(events):
    return [(e.type, sorted(e.countries())) for e in events]


def test_a_passive_with_an_agent_keeps_the_victims_country(pipeline):
    events = _code(pipeline, "Five Azerbaijani men were arrested by Russian police in Moscow on Monday.")
    event = find(events, "COERCE", {"RUS", "AZE"})
    assert event is not None, _types(events)
    assert [e.country for e in event.actor] == ["RUS"] and [e.country for e in event.recipient] == ["AZE"]


def test_a_passive_counts_as_transitive(pipeline):
    events = _code(pipeline, "A Latvian border guard was stabbed by smugglers on Monday.")
    assert find(events, "ASSAULT", {"LVA"}) is not None, _types(events)


def test_violence_with_nobody_named_as_doer_is_coded_on_its_victim(pipeline):
    events = _code(pipeline, "Two Kenyan journalists were killed in Mogadishu on Monday.")
    event = find(events, "ASSAULT", {"KEN"})
    assert event is not None, _types(events)
    assert event.actor[0].country is None and [e.country for e in event.recipient] == ["KEN"]
    assert "actor:unnamed" in event.rules


def test_an_unnamed_doer_needs_a_victim_of_a_named_country(pipeline):
    # nobody of any country named: nothing to code
    assert not [e for e in _code(pipeline, "Two people were killed in the blast on Monday.") if e.type == "ASSAULT"]
    # a non-violent passive with no agent is still not coded on its object alone
    events = _code(pipeline, "Two Kenyan ministers were praised on Monday.")
    assert not [e for e in events if e.type == "SUPPORT"], _types(events)


def test_an_unresolved_pronoun_is_not_an_unnamed_doer(pipeline):
    events = _code(pipeline, "They killed five Nigerian soldiers on Monday.")
    assert not [e for e in events if e.type == "ASSAULT"], _types(events)


def test_a_weapon_as_subject_is_its_countrys_act(pipeline):
    events = _code(pipeline, "An Israeli airstrike killed two Syrian soldiers near Damascus on Monday.")
    event = find(events, "ASSAULT", {"ISR", "SYR"})
    assert event is not None, _types(events)
    assert [e.country for e in event.actor] == ["ISR"]


def test_the_means_of_a_violent_verb_is_not_a_second_event(pipeline):
    events = _code(pipeline, "Ten Palestinians were injured by Israeli raids on Tuesday.")
    assert find(events, "ASSAULT", {"ISR", "PSE"}) is not None, _types(events)
    assert not [e for e in events if e.type == "COERCE"], _types(events)


def test_an_injury_to_no_one_named_is_no_attack(pipeline):
    events = _code(pipeline, "The Indian batsman injured his knee in Sydney on Monday.")
    assert not [e for e in events if e.type == "ASSAULT"], _types(events)


def test_the_of_phrase_of_a_violent_noun_is_its_victim(pipeline):
    events = _code(pipeline, "Lithuania condemned Russia's invasion of Ukraine on Monday.")
    event = find(events, "ASSAULT", {"RUS", "UKR"})
    assert event is not None, _types(events)
    assert [e.country for e in event.actor] == ["RUS"] and [e.country for e in event.recipient] == ["UKR"]
    events = _code(pipeline, "The arrest of two French citizens shocked the region on Monday.")
    event = find(events, "COERCE", {"FRA"})
    assert event is not None, _types(events)
    assert event.actor[0].country is None  # not the French citizens arresting


def test_a_violent_noun_with_only_a_target_and_no_doer_is_not_coded(pipeline):
    events = _code(pipeline, "Estonia accused Moscow of planning drills to rehearse an attack on Finnish territory.")
    assert find(events, "ASSAULT", {"FIN"}) is None, _types(events)
    events = _code(pipeline, "The invasion of privacy worried Danish users on Monday.")
    assert not [e for e in events if e.type == "ASSAULT"], _types(events)


def test_firing_at_positions_is_aimed_at_their_owner(pipeline):
    events = _code(pipeline, "Armenian troops fired at Azerbaijani positions on Monday.")
    assert find(events, "ASSAULT", {"ARM", "AZE"}) is not None, _types(events)


def test_a_cause_is_not_an_unnamed_doer(pipeline):
    events = _code(pipeline, "Two Nepali climbers were killed by an avalanche on Monday.")
    assert not [e for e in events if e.type == "ASSAULT"], _types(events)


def test_an_arrest_by_nobody_named_is_the_act_of_the_state_where_it_happens(pipeline):
    events = _code(pipeline, "Two French citizens were detained in Tehran on Monday.")
    event = find(events, "COERCE", {"IRN", "FRA"})
    assert event is not None, _types(events)
    assert [e.country for e in event.actor] == ["IRN"] and [e.country for e in event.recipient] == ["FRA"]
    # a named doer keeps the act, wherever it happens
    events = _code(pipeline, "Five Azerbaijani men were arrested by Russian police in Baku on Monday.")
    assert find(events, "COERCE", {"RUS", "AZE"}) is not None, _types(events)

"""Roles the sentence leaves to the story: each discourse rule on a text of our own."""

from tests.helpers import code_text, find


def test_an_offer_is_addressed_to_whoever_must_answer_it(pipeline):
    text = "Washington has yet to respond to Havana's offer to resume talks on migration."
    offer = find(code_text(pipeline, text), "AGREE", {"CUB", "USA"})
    assert offer is not None and [e.country for e in offer.actor] == ["CUB"]


def test_both_countries_as_object_are_the_last_pair(pipeline):
    text = (
        "The United States imposed sanctions on Venezuela on Monday. "
        "A spokesman for the United Nations urged both countries to show restraint."
    )
    request = find(code_text(pipeline, text), "REQUEST", {"UN", "USA", "VEN"})
    assert request is not None


def test_it_points_back_to_the_event_noun(pipeline):
    text = (
        "The UN General Assembly on Wednesday called on the United States to lift the embargo against Cuba "
        "in a resolution. Israel voted against it."
    )
    reject = find(code_text(pipeline, text), "REJECT", {"ISR", "UN"})
    assert reject is not None


def test_the_embargo_targets_the_storys_country(pipeline):
    text = "Cuba story\n\nCuban officials spoke in Havana. The United States imposed the embargo in 1962."
    sanction = find(code_text(pipeline, text), "SANCTION", {"USA", "CUB"})
    assert sanction is not None and sanction.modality == "historical"


def test_the_embargo_is_the_one_told_before(pipeline):
    text = (
        "The vote\n\nThe assembly again condemned the embargo against Cuba on Wednesday. "
        "Washington imposed the embargo in 1962 and tightened it in 1996."
    )
    assert find(code_text(pipeline, text), "SANCTION", {"USA", "CUB"}) is not None


def test_same_day_events_share_the_scene(pipeline):
    text = (
        "Talks\n\nRussia held talks with North Korea in Wonsan on Saturday.\n\n"
        "Officials described the mood as warm.\n\nRussia praised North Korea for its support."
    )
    praise = find(code_text(pipeline, text, published="2025-07-14"), "SUPPORT", {"RUS", "PRK"})
    assert praise is not None and praise.location is not None and praise.location.country == "PRK"


def test_the_lead_happened_where_the_story_was_filed(pipeline):
    text = "Roadmap\n\nMINSK, July 10 (Wire) - Iran and Belarus signed a cooperation roadmap on Wednesday."
    signing = find(code_text(pipeline, text, published="2025-07-10"), "SUPPORT", {"IRN", "BLR"})
    assert signing is not None and signing.location is not None and signing.location.country == "BLR"


def test_the_two_countries_are_the_storys_main_pair(pipeline):
    text = (
        "Iran and Russia\n\nIran held talks with Russia in Tehran on Monday. Iran praised Russia on Monday. "
        "Iran condemned the United States on Monday. The two countries signed a treaty in January."
    )
    assert find(code_text(pipeline, text, published="2025-06-04"), "SUPPORT", {"IRN", "RUS"}) is not None
    assert find(code_text(pipeline, text, published="2025-06-04"), "SUPPORT", {"IRN", "USA"}) is None


def test_a_month_in_the_background_does_not_move_the_storys_day(pipeline):
    text = (
        "Grain talks\n\nIran held talks with Russia in Tehran on Tuesday.\n\n"
        "The two countries signed a treaty in January.\n\nIran condemned the United States for its sanctions."
    )
    condemnation = find(code_text(pipeline, text, published="2025-03-19"), "ACCUSE", {"IRN", "USA"})
    assert condemnation is not None and condemnation.date == "2025-03-18"


def test_boycotting_a_session_is_aimed_at_whoever_held_it(pipeline):
    text = (
        "AU session\n\nThe African Union on Wednesday called on Sudan's army to agree to a truce. "
        "The government in Port Sudan boycotted Wednesday's session."
    )
    assert find(code_text(pipeline, text, published="2025-06-12"), "PROTEST", {"SDN", "AU"}) is not None


def test_the_two_sides_of_a_civil_war_are_one_country(pipeline):
    text = (
        "Talks\n\nADDIS ABABA, March 5 (Wire) - The paramilitary Rapid Support Forces (RSF) attacked "
        "Sudanese army positions in El Fasher, in Sudan's Darfur region, on Tuesday, Sudan's army said.\n\n"
        "The chairperson of the AU Commission told the council on Wednesday that the African Union was "
        "ready to host direct talks between the two sides in Addis Ababa."
    )
    offer = find(code_text(pipeline, text, published="2025-03-05"), "AGREE", {"AU", "SDN"})
    assert offer is not None and {e.sector for e in offer.recipient} >= {"MIL", "REB"}


def test_a_demand_to_release_people_goes_to_whoever_holds_them(pipeline):
    text = (
        "Arrests\n\nPRISTINA, May 20 (Wire) - Kosovo police arrested three Serbian citizens near the border "
        "on Monday.\n\nThe Serbian foreign minister on Tuesday demanded that the men be released immediately."
    )
    demand = find(code_text(pipeline, text, published="2025-05-20"), "REQUEST", {"SRB", "XKX"})
    assert demand is not None and [e.country for e in demand.recipient] == ["XKX"]


def test_they_in_a_joint_act_are_the_pair_just_told(pipeline):
    text = (
        "Talks\n\nYEREVAN, Nov 18 (Wire) - Azerbaijan on Saturday handed over two detained Armenian residents "
        "to Armenian border guards.\n\nThey also agreed to hold the next meeting of the commissions in the "
        "Azerbaijani city of Gabala in January."
    )
    events = code_text(pipeline, text, published="2025-11-18")
    promises = [e for e in events if e.type == "AGREE" and e.countries() == frozenset({"AZE", "ARM"})]
    assert len(promises) == 1  # "agreed" and the meeting it schedules are one promise
    assert promises[0].date == "2026-01"


def test_the_three_countries_of_a_warning_are_the_last_trio(pipeline):
    text = (
        "Drill\n\nPYONGYANG, July 2 (Wire) - North Korea on Tuesday denounced the naval drill that the United "
        "States, Japan and the Philippines staged near Okinawa on Monday.\n\nA military spokesman warned that "
        "North Korea would respond if the three countries continued their provocations."
    )
    threat = find(code_text(pipeline, text, published="2025-07-02"), "THREATEN", {"PRK", "USA", "JPN", "PHL"})
    assert threat is not None and {e.country for e in threat.recipient} == {"USA", "JPN", "PHL"}


def test_the_embargo_is_the_one_already_told_even_through_its_clause(pipeline):
    from tests.helpers import code_text, find

    text = (
        "The assembly urged Washington to end the embargo it has kept against Cuba for decades. "
        "In 1996, the U.S. Congress tightened the embargo."
    )
    assert find(code_text(pipeline, text), "SANCTION", {"USA", "CUB"}) is not None


def test_its_people_belong_to_the_country_just_named(pipeline):
    from tests.helpers import code_text, find

    text = (
        "Washington warned Brussels. The United States criticised the European Union, and Washington said it "
        "would act. The delegates of Vietnam expressed support for Cuba and its people."
    )
    support = find(code_text(pipeline, text), "SUPPORT", {"VNM", "CUB"})
    assert support is not None and all(e.country == "CUB" for e in support.recipient)


def test_a_joint_act_of_two_named_sides_takes_no_recipient_from_the_story(pipeline):
    text = (
        "North Korea fired a ballistic missile on Sunday. "
        "Japanese and American warships are conducting joint naval drills in the region."
    )
    events = code_text(pipeline, text)
    assert find(events, "COOPERATE", {"JPN", "USA"}) is not None
    assert find(events, "COOPERATE", {"JPN", "USA", "PRK"}) is None


def test_a_one_sided_act_still_takes_its_recipient_from_the_story(pipeline):
    text = "Russia expelled two Estonian diplomats on Monday. Estonia condemned the decision."
    assert find(code_text(pipeline, text), "ACCUSE", {"EST", "RUS"}) is not None


def test_they_who_discussed_are_the_pair_that_met(pipeline):
    text = (
        "Prime Minister Mark Carney welcomed Mexican President Claudia Sheinbaum to Ottawa on Monday. "
        "The Prime Minister reiterated Canada's support for Ukraine. "
        "They discussed trade and migration."
    )
    events = code_text(pipeline, text)
    assert find(events, "CONSULT", {"CAN", "UKR"}) is None
    assert find(events, "CONSULT", {"CAN", "MEX"}) is not None

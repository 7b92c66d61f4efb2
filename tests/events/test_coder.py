"""The coder on short wire-style texts of our own: type, direction, modality, date, place."""

import pytest

from tests.helpers import code_text, find


def test_signing_is_support_with_both_sides_as_actors(pipeline):
    events = code_text(pipeline, "The Communist Party of Cuba signed a roadmap with Belaya Rus in Havana on Monday.")
    event = find(events, "SUPPORT", {"CUB", "BLR"})
    assert event is not None
    assert {e.sector for e in event.actor} == {"PTY"} and event.recipient == []
    assert event.location is not None and (event.location.name, event.location.country) == ("Havana", "CUB")
    assert event.cameo.startswith("05")


def test_visit_puts_the_visitor_first_and_the_host_as_recipient(pipeline):
    events = code_text(pipeline, "Cuban President Miguel Díaz-Canel visited Minsk in June.", published="2025-07-27")
    event = find(events, "CONSULT", {"CUB", "BLR"})
    assert event is not None and event.mode == "visit"
    assert [e.country for e in event.actor] == ["CUB"]
    assert [e.country for e in event.recipient] == ["BLR"]
    assert (event.date, event.date_precision) == ("2025-06", "month")
    assert event.location.lat is not None


def test_relative_dates_resolve_against_publication(pipeline):
    events = code_text(pipeline, "Russia condemned the new EU sanctions on Tuesday.", published="2025-07-27")
    event = find(events, "ACCUSE", {"RUS", "EU"}) or find(events, "ACCUSE", {"RUS"})
    assert event is not None
    assert (event.date, event.date_precision) == ("2025-07-22", "day")


def test_promised_future_cooperation_is_agree_not_the_act(pipeline):
    events = code_text(
        pipeline, "Belarus will send 200 tractors to Cuba next month, Industry Minister Ivan Kozel said."
    )
    assert find(events, "AID", {"BLR", "CUB"}) is None
    event = find(events, "AGREE", {"BLR", "CUB"})
    assert event is not None and event.modality == "asserted"


def test_negated_and_hypothetical_modality(pipeline):
    negated = code_text(pipeline, "Díaz-Canel did not meet Vladimir Putin during the trip to Moscow.")
    assert any(e.type == "CONSULT" and e.modality == "negated" for e in negated)
    hypothetical = code_text(pipeline, "Russia could send fuel to Cuba if the tankers are found.")
    assert any(e.modality == "hypothetical" for e in hypothetical)
    assert not any(e.modality == "asserted" for e in hypothetical)


def test_old_events_are_historical(pipeline):
    events = code_text(pipeline, "Cuba and Belarus signed a trade agreement in April 1992.", published="2025-07-27")
    event = find(events, "SUPPORT", {"CUB", "BLR"})
    assert event is not None and event.modality == "historical" and event.date == "1992-04"


def test_reported_speech_keeps_the_speaker(pipeline):
    text = "Foreign Minister Maxim Ryzhenkov said the European Union imposed sanctions on Belarus."
    event = find(code_text(pipeline, text), "SANCTION", {"EU", "BLR"})
    assert event is not None
    assert [e.country for e in event.actor] == ["EU"]
    assert event.reported_by is not None and event.reported_by.country == "BLR"


def test_arrest_and_protest(pipeline):
    text = "Venezuelan police arrested an opposition activist in Caracas. Cuban students protested in Havana."
    events = code_text(pipeline, text)
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.mode == "arrest" and arrest.actor[0].sector == "COP"
    protest = find(events, "PROTEST", {"CUB"})
    assert protest is not None and protest.actor[0].sector == "EDU"


def test_one_happening_in_headline_and_body_is_one_event(pipeline):
    text = (
        "Cuba and Belarus sign a roadmap\n\n"
        "HAVANA, July 21 (Wire) - The Communist Party of Cuba and Belaya Rus signed a roadmap on Monday.\n\n"
        "Belaya Rus signed the document with the Communist Party of Cuba at a ceremony in Havana."
    )
    events = [e for e in code_text(pipeline, text) if e.type == "SUPPORT"]
    assert len(events) == 1
    assert len(events[0].evidence) >= 2


def test_evidence_offsets_point_into_the_article(pipeline):
    text = "Headline about Cuba\n\nBelarus praised Cuba on Monday. Russia sent fuel to Cuba."
    for event in code_text(pipeline, text):
        for item in event.evidence:
            assert text[item.start : item.end] == item.text


def test_wishes_and_questions_are_not_events(pipeline):
    assert code_text(pipeline, "Lukashenko hopes to visit Cuba one day.\n\nWill Russia send fuel to Cuba?") == []


def test_dateline_is_not_an_actor_and_does_not_swallow_the_lead(pipeline):
    text = "Sanctions story\n\nCARACAS, Oct 22 (Wire) - The United States imposed sanctions on Venezuela on Tuesday."
    event = find(code_text(pipeline, text, published="2025-10-22"), "SANCTION", {"USA", "VEN"})
    assert event is not None and event.date == "2025-10-21"
    assert event.evidence[0].text.startswith("The United States")


def test_the_two_sides_are_the_parties_of_the_last_talks(pipeline):
    text = "Russia held talks with North Korea in Wonsan on Saturday. The two sides agreed to expand tourism."
    agree = find(code_text(pipeline, text), "AGREE", {"RUS", "PRK"})
    assert agree is not None


def test_rejecting_the_decision_points_back_to_who_decided(pipeline):
    text = "The European Union imposed sanctions on Belarus on Monday. Minsk rejected the decision as illegal."
    reject = find(code_text(pipeline, text), "REJECT", {"BLR", "EU"})
    assert reject is not None
    assert [e.country for e in reject.actor] == ["BLR"] and [e.country for e in reject.recipient] == ["EU"]


def test_announced_future_release_is_a_concession(pipeline):
    events = code_text(pipeline, "Cuba will release 500 prisoners next month, the foreign ministry said.")
    assert any(e.type == "CONCEDE" for e in events)
    assert not any(e.type == "RETREAT" for e in events)


def test_a_warning_needs_someone_warned(pipeline):
    assert any(e.type == "THREATEN" for e in code_text(pipeline, "Lukashenko warned NATO that aggression would fail."))
    assert not any(e.type == "THREATEN" for e in code_text(pipeline, "Lukashenko warned that winter would be hard."))


def test_undated_events_take_the_storys_current_date(pipeline):
    text = (
        "Talks in Moscow\n\nRussia held talks with Venezuela in Moscow on Monday.\n\n"
        "Officials listed the areas of cooperation.\n\nDuring the talks, Russia praised Venezuela."
    )
    praise = find(code_text(pipeline, text, published="2025-05-08"), "SUPPORT", {"RUS", "VEN"})
    assert praise is not None and praise.date == "2025-05-05"


def test_a_participle_clause_dates_its_main_event(pipeline):
    text = "Speaking in Minsk on Tuesday, Lukashenko warned NATO against any provocation."
    threat = find(code_text(pipeline, text, published="2025-09-18"), "THREATEN", {"BLR", "NATO"})
    assert threat is not None and threat.date == "2025-09-16"


def test_relations_established_between_two_countries(pipeline):
    text = "Diplomatic relations between Belarus and Cuba were established in April 1992."
    event = find(code_text(pipeline, text), "SUPPORT", {"BLR", "CUB"})
    assert event is not None and event.modality == "historical" and event.date == "1992-04"


def test_must_is_a_demand_by_the_speaker(pipeline):
    text = (
        "Title\n\nThe measures target prison chiefs, EU chief Kaja Kallas told reporters. "
        '"Minsk must release every prisoner."'
    )
    events = code_text(pipeline, text)
    assert not any(e.type == "RETREAT" for e in events)
    demand = find(events, "REQUEST", {"EU", "BLR"})
    assert demand is not None and [e.country for e in demand.actor] == ["EU"]


def test_a_participle_without_agent_takes_the_nouns_owner(pipeline):
    text = "A Russian shipment of crude oil, donated under an intergovernmental agreement, reached Cuba on Monday."
    assert find(code_text(pipeline, text), "AID", {"RUS", "CUB"}) is not None


def test_a_warning_of_coercion_is_a_threat_without_a_named_target(pipeline):
    text = "Venezuelan Interior Minister Diosdado Cabello warned that anyone calling for violence would be arrested."
    assert any(e.type == "THREATEN" for e in code_text(pipeline, text))


def test_a_misparsed_object_still_names_the_sanction(pipeline):
    text = "European Union foreign ministers on Monday imposed asset freezes and travel bans on Belarusian judges."
    event = find(code_text(pipeline, text), "SANCTION", {"EU", "BLR"})
    assert event is not None
    assert [(e.country, e.sector) for e in event.actor] == [("EU", "IGO")]


def test_the_island_is_the_country_just_named(pipeline):
    text = "Belarus praised Cuba on Monday and said Minsk was ready to help the island modernise its sugar mills."
    assert find(code_text(pipeline, text), "AGREE", {"BLR", "CUB"}) is not None


def test_a_requested_act_is_not_coded_as_done(pipeline):
    events = code_text(pipeline, "The U.S. State Department called on Managua to free the priest.")
    assert find(events, "REQUEST", {"USA", "NIC"}) is not None
    assert not any(e.type == "RETREAT" for e in events)


def test_a_promise_names_its_beneficiary_in_what_it_promises(pipeline):
    text = "Russian Deputy Energy Minister Sergei Volkov promised that two more cargoes would reach Cuba in May."
    assert find(code_text(pipeline, text), "AGREE", {"RUS", "CUB"}) is not None


def test_artillery_striking_a_camp_is_an_attack_not_a_strike(pipeline):
    events = code_text(pipeline, "Russian troops struck a Ukrainian camp on Sunday.")
    assert any(e.type == "ASSAULT" for e in events) and not any(e.type == "PROTEST" for e in events)


def test_an_invited_visit_is_not_a_visit(pipeline):
    text = "Russia's envoy handed over an invitation for Iran's president to visit Moscow later this year."
    assert not any(e.type == "CONSULT" for e in code_text(pipeline, text))


def test_condemning_what_another_did_names_the_doer(pipeline):
    text = "Iran condemned the sanctions that the United States imposed on its oil tankers."
    assert find(code_text(pipeline, text), "ACCUSE", {"IRN", "USA"}) is not None


def test_records_carry_cameo_and_a_cooperation_conflict_score(pipeline):
    events = code_text(pipeline, "Belarus praised Cuba on Monday. Russia attacked Ukraine on Tuesday.")
    praise = find(events, "SUPPORT", {"BLR", "CUB"})
    attack = find(events, "ASSAULT", {"RUS", "UKR"})
    assert praise.cameo.startswith("05") and attack.cameo.startswith("18")
    assert praise.score > 0 > attack.score


def test_flying_battalions_in_is_a_deployment(pipeline):
    text = "The Sudanese army said it had flown two additional battalions into El Fasher on Monday."
    assert any(e.type == "MOBILIZE" for e in code_text(pipeline, text))


def test_a_promise_to_the_one_other_country_in_the_sentence(pipeline):
    text = (
        'Tractors\n\nMINSK, March 3 (Wire) - "Whatever Jamaica asks for, Belarus is prepared to build and '
        'ship," the head of state said on Monday.'
    )
    promise = find(code_text(pipeline, text, published="2025-03-04"), "AGREE", {"BLR", "JAM"})
    assert promise is not None and [e.country for e in promise.actor] == ["BLR"]


def test_a_misparsed_pair_of_ministers_both_act(pipeline):
    text = "Talks\n\nOn Friday, Lavrov and Foreign Minister Choe Son Hui discussed the new bridge over the Tumen river."
    talks = find(code_text(pipeline, text, published="2025-07-14"), "CONSULT", {"RUS", "PRK"})
    assert talks is not None


def test_a_diplomat_speaking_on_behalf_of_a_bloc_acts_for_it(pipeline):
    text = (
        "Debate\n\nSpeaking on behalf of the European Union, a Swedish diplomat urged Caracas on Tuesday "
        "to free the detained journalists."
    )
    events = code_text(pipeline, text, published="2025-10-29")
    assert find(events, "REQUEST", {"EU", "VEN"}) is not None
    assert find(events, "REQUEST", {"SWE", "VEN"}) is None


def test_settings_and_standing_rules_are_not_events(pipeline):
    text = (
        "Accord\n\nThe accord was signed in Minsk in 2023 on the sidelines of a meeting of the Eurasian "
        "Economic Union.\n\nThe sanctions can only be lifted by the US Congress.\n\nThe Belarusian foreign "
        "minister dismissed as lies reports that Belarus had sold rifles to Iran."
    )
    events = code_text(pipeline, text, published="2025-05-16")
    assert not [e for e in events if e.type in ("CONSULT", "CONCEDE", "REJECT")]


def test_a_resolution_adopted_and_voted_against(pipeline):
    text = (
        "Vote\n\nUNITED NATIONS, Oct 30 (Wire) - The U.N. General Assembly on Wednesday adopted, for the "
        "tenth time, a resolution calling on Russia to withdraw its troops from Moldova.\n\nThe text passed "
        "easily. Russia and Belarus voted against it."
    )
    events = code_text(pipeline, text, published="2025-10-30")
    assert find(events, "REQUEST", {"UN", "RUS", "MDA"}) is not None or find(events, "REQUEST", {"UN", "RUS"})
    assert find(events, "REJECT", {"RUS", "BLR", "UN"}) is not None


def test_a_relative_clause_the_parser_hung_on_the_verb(pipeline):
    text = (
        "Sanctions\n\nThe European Union on Monday imposed asset freezes on four Belarusian officials and "
        "two companies, which the bloc accuses of selling engines to Iran."
    )
    events = code_text(pipeline, text, published="2025-06-24")
    assert find(events, "ACCUSE", {"EU", "BLR"}) is not None


def test_praise_for_what_the_speaker_called_someones_solidarity(pipeline):
    text = (
        'Visit\n\n"We will never forget it," Díaz-Canel told reporters on Tuesday, praising what he called '
        'Hanoi\'s "steadfast solidarity".'
    )
    praise = find(code_text(pipeline, text, published="2025-02-19"), "SUPPORT", {"CUB", "VNM"})
    assert praise is not None and [e.country for e in praise.recipient] == ["VNM"]


def test_a_drill_the_relative_clause_says_three_allies_staged(pipeline):
    # the small model lemmatises "staged" as "stag", and the object is the relative pronoun
    text = (
        "Drill\n\nPYONGYANG, June 3 (Wire) - North Korea on Tuesday denounced the naval drill that the "
        "United States, Japan and the Philippines staged near Okinawa on Monday."
    )
    drill = find(code_text(pipeline, text, published="2025-06-03"), "COOPERATE", {"USA", "JPN", "PHL"})
    assert drill is not None


def test_sanctions_on_a_group_of_ships_named_by_their_country(pipeline):
    text = (
        "Tankers\n\nTEHRAN, March 18 (Wire) - Iran on Tuesday condemned the sanctions that the US Treasury "
        "imposed last week on a group of Iranian oil tankers."
    )
    sanction = find(code_text(pipeline, text, published="2025-03-18"), "SANCTION", {"USA", "IRN"})
    assert sanction is not None and sanction.recipient[0].sector == "BUS"


def test_a_city_where_talks_would_be_is_not_their_beneficiary(pipeline):
    text = (
        "Offer\n\nADDIS ABABA, March 5 (Wire) - The chairperson of the AU Commission said on Wednesday that "
        "the organisation was ready to host talks in Nairobi."
    )
    events = code_text(pipeline, text, published="2025-03-05")
    assert not [e for e in events if "KEN" in e.countries()]


def test_a_proposal_to_work_with_a_bloc_is_addressed_to_it(pipeline):
    text = (
        "Hub\n\nHAVANA, July 26 (Wire) - Díaz-Canel on Friday proposed building a grain terminal on the "
        "island to ship goods from the Eurasian Economic Union to Latin America."
    )
    events = code_text(pipeline, text, published="2025-07-26")
    assert find(events, "AGREE", {"CUB", "EAEU"}) is not None
    assert not [e for e in events if "USA" in e.countries()]  # "Latin America" is not America


def test_a_document_that_commits_both_parties_is_their_promise(pipeline):
    text = (
        "Roadmap\n\nMINSK, May 2 (Wire) - Belarus and Laos signed a cooperation roadmap on Friday.\n\n"
        "The document commits both parties to hold yearly consultations on trade."
    )
    promise = find(code_text(pipeline, text, published="2025-05-02"), "AGREE", {"BLR", "LAO"})
    assert promise is not None and {e.country for e in promise.actor} == {"BLR", "LAO"}


def test_a_coordinated_accusation_is_not_denied_or_negated(pipeline):
    text = (
        "Camp\n\nKHARTOUM, March 4 (Wire) - The Sudanese army on Tuesday denied shelling the market and "
        "blamed Ethiopia for the deaths.\n\nThe Ethiopian government did not reply to the charge but "
        "accused Sudan of spreading lies."
    )
    events = code_text(pipeline, text, published="2025-03-04")
    blame = find(events, "ACCUSE", {"SDN", "ETH"})
    assert blame is not None and blame.modality == "asserted"
    assert all(e.modality == "asserted" for e in events if e.type == "ACCUSE")


def test_a_court_sentences_someone_in_its_own_hands(pipeline):
    text = (
        "Verdict\n\nMANAGUA, April 2 (Wire) - A court in Managua on Tuesday sentenced Father Ramiro Sosa, "
        "a parish priest, to eight years in prison for treason."
    )
    verdict = find(code_text(pipeline, text, published="2025-04-02"), "SANCTION", {"NIC"})
    assert verdict is not None and [(e.country, e.sector) for e in verdict.recipient] == [("NIC", "REL")]


def test_a_signing_today_does_not_fold_into_one_months_before(pipeline):
    text = (
        "Grain\n\nTEHRAN, March 19 (Wire) - Iran's foreign minister received his Armenian counterpart "
        "Ararat Mirzoyan on Tuesday for talks on grain transit.\n\nThe two countries signed a transport "
        "treaty in January.\n\nAt the end of the meeting, the two delegations signed a memorandum on fertiliser."
    )
    signings = [e for e in code_text(pipeline, text, published="2025-03-19") if e.type == "SUPPORT"]
    assert sorted(e.date for e in signings if e.date) == ["2025-01", "2025-03-18"]


def test_forces_sent_abroad_face_the_storys_country_and_stand_in_the_host(pipeline):
    text = (
        "Warships\n\nCARACAS, Oct 22 (Wire) - Venezuela on Tuesday condemned new US sanctions.\n\n"
        "Since August, Washington has deployed several destroyers to Puerto Rico in what it calls a "
        "counter-narcotics operation. Venezuelan officials called the move a threat."
    )
    deployment = find(code_text(pipeline, text, published="2025-10-22"), "MOBILIZE", {"USA", "VEN"})
    assert deployment is not None and [e.country for e in deployment.recipient] == ["VEN"]


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Armenia recalled its ambassador from Azerbaijan on Monday for consultations.", "SANCTION", {"ARM", "AZE"}),
        ("Turkish police on Monday rounded up dozens of Kurdish students in Ankara.", "COERCE", {"TUR"}),
        ("The Turkish government on Monday shut down the opposition newspaper Halk.", "COERCE", {"TUR"}),
        ("Greece on Monday lambasted Turkey over the detention of two fishermen.", "ACCUSE", {"GRC", "TUR"}),
        ("Serbia on Monday stood with Russia at the Security Council debate.", "SUPPORT", {"SRB", "RUS"}),
        ("Malian soldiers on Monday ambushed a rebel convoy near Kidal.", "ASSAULT", {"MLI"}),
        ("India shared intelligence with Sri Lanka on Monday.", "COOPERATE", {"IND", "LKA"}),
    ],
)
def test_wider_trigger_lexicon(pipeline, sentence, type_, countries):
    events = code_text(pipeline, f"News\n\n{sentence}", published="2025-06-03")
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


def test_kosovo_is_a_country(pipeline):
    text = (
        "Arrests\n\nPRISTINA, May 20 (Wire) - Kosovo police arrested three Serbian citizens near the "
        "Jarinje crossing on Monday night."
    )
    arrest = find(code_text(pipeline, text, published="2025-05-20"), "COERCE", {"XKX", "SRB"})
    assert arrest is not None and arrest.actor[0].country == "XKX"


def test_a_government_that_summons_or_protests_accuses(pipeline):
    text = (
        "Drone\n\nALGIERS, Nov 25 (Wire) - Algeria's foreign ministry on Tuesday summoned the Malian "
        "ambassador to protest against the violation of its airspace."
    )
    events = code_text(pipeline, text, published="2025-11-25")
    assert find(events, "ACCUSE", {"DZA", "MLI"}) is not None
    assert not [e for e in events if e.type == "PROTEST"]


def test_a_war_fought_and_a_drone_shot_down(pipeline):
    text = (
        "Border\n\nTBILISI, April 23 (Wire) - Russia and Georgia fought a brief war in August 2008.\n\n"
        "In April, Algerian air defences shot down a Malian drone near the border."
    )
    events = code_text(pipeline, text, published="2025-04-23")
    war = find(events, "ASSAULT", {"RUS", "GEO"})
    assert war is not None and war.modality == "historical"
    assert find(events, "ASSAULT", {"DZA", "MLI"}) is not None


def test_a_threat_is_aimed_at_whoever_its_condition_names(pipeline):
    text = (
        "Warning\n\nANKARA, Oct 15 (Wire) - Turkish Defence Minister Yasar Guler warned on Wednesday that "
        "Turkey would take all necessary measures if Greece continued its military build-up on the islands."
    )
    threat = find(code_text(pipeline, text, published="2025-10-15"), "THREATEN", {"TUR", "GRC"})
    assert threat is not None and [e.country for e in threat.recipient] == ["GRC"]


def test_handing_over_detainees_training_troops_and_standing_policies(pipeline):
    text = (
        "Border\n\nYEREVAN, Nov 18 (Wire) - Azerbaijan on Saturday handed over two detained Armenian "
        "residents to Armenian border guards near Berdavan.\n\nUnder the memorandum, Turkish officers will "
        "train units of the Syrian army.\n\nSerbia does not recognise Kosovo's independence."
    )
    events = code_text(pipeline, text, published="2025-11-18")
    release = find(events, "RETREAT", {"AZE", "ARM"})
    assert release is not None and release.mode == "release"
    assert find(events, "AGREE", {"TUR", "SYR"}) is not None  # training promised: AGREE
    assert find(events, "SUPPORT", {"SRB", "XKX"}) is None


def test_rejecting_a_call_points_back_to_who_made_it(pipeline):
    text = (
        "Detainees\n\nYEREVAN, Nov 18 (Wire) - Armenia on Monday called on Azerbaijan to free the "
        "remaining prisoners.\n\nLater on Monday, an Azerbaijani foreign ministry spokesman rejected the call."
    )
    rejection = find(code_text(pipeline, text, published="2025-11-18"), "REJECT", {"AZE", "ARM"})
    assert rejection is not None and [e.country for e in rejection.recipient] == ["ARM"]


def test_a_broken_lexicon_file_is_named(tmp_path, monkeypatch):
    from dyad.errors import ConfigError
    from dyad.events import lexicon

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "triggers.yaml").write_text("verbs:\n  praise: [{type: SUPPORT]\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "DATA", tmp_path)
    lexicon._read.cache_clear()  # files are read once; this test swaps the folder
    try:
        with pytest.raises(ConfigError, match=r"triggers\.yaml"):
            lexicon.load_lexicon.__wrapped__()
    finally:
        lexicon._read.cache_clear()


def test_a_leader_among_those_who_travelled(pipeline):
    text = (
        "Inauguration\n\nCARACAS, Jan 11 (Wire) - Cuban President Miguel Díaz-Canel was among the few foreign "
        "leaders who travelled to Caracas for the inauguration on Friday."
    )
    visit = find(code_text(pipeline, text, published="2025-01-11"), "CONSULT", {"CUB", "VEN"})
    assert visit is not None and visit.actor[0].country == "CUB"


def test_a_sense_can_require_who_acts(pipeline):
    import dataclasses

    from dyad.events.coder import EventCoder
    from dyad.events.lexicon import Sense, load_lexicon
    from dyad.ingest.text import article_from_text

    lexicon = load_lexicon()
    gather = Sense(type="PROTEST", mode="demo", subjects=frozenset({"supporter", "protester", "resident"}))
    coder = EventCoder(
        pipeline.coder.gazetteer, dataclasses.replace(lexicon, verbs={**lexicon.verbs, "gather": (gather,)})
    )

    def protests(sentence: str) -> list:
        article = article_from_text(f"News\n\nCARACAS, Sept 16 (Wire) - {sentence}", ref="t", published="2025-09-16")
        return [e for e in coder.code(pipeline.nlp(article.text), article) if e.type == "PROTEST"]

    assert protests("Dozens of Venezuelan supporters gathered outside the court on Monday.")
    assert not protests("Venezuelan foreign ministers gathered in the capital on Monday.")


def test_a_paragraph_opening_with_a_country_keeps_its_subject(pipeline):
    # the small model used to cut "Turkey" off as a sentence of its own after a headline
    events = code_text(pipeline, "News\n\nTurkey condemned Syria on Monday.", published="2025-06-03")
    assert find(events, "ACCUSE", {"TUR", "SYR"}) is not None


def test_a_call_on_monday_is_not_a_call_on_someone(pipeline):
    text = "Reservists\n\nMOSCOW, June 3 (Wire) - Russia called up reservists on Monday, the ministry said."
    assert not [e for e in code_text(pipeline, text, published="2025-06-03") if e.type == "REQUEST"]


def test_a_body_described_by_which_acts_in_its_clause(pipeline):
    text = (
        "Talks\n\nTBILISI, April 23 (Wire) - The ruling Georgian Dream party, which suspended talks with the "
        "EU in November, won the vote on Sunday."
    )
    suspension = find(code_text(pipeline, text, published="2025-04-23"), "SANCTION", {"GEO", "EU"})
    assert suspension is not None and suspension.actor[0].country == "GEO"


def test_an_act_pleaded_for_is_not_done(pipeline):
    text = (
        "Border\n\nTBILISI, April 23 (Wire) - Georgia pleaded with Russia on Tuesday to reopen the crossing, "
        "and renewed its calls on Moscow to release the two villagers."
    )
    events = code_text(pipeline, text, published="2025-04-23")
    assert not [e for e in events if e.type in ("RETREAT", "CONCEDE")]


def test_a_visit_begun_by_someone_is_theirs(pipeline):
    text = "Kenya's foreign minister began an official visit to Ghana on Thursday."
    visit = find(code_text(pipeline, text), "CONSULT", {"KEN", "GHA"})
    assert visit is not None and [e.country for e in visit.actor] == ["KEN"]
    assert visit.location is not None and visit.location.country == "GHA"


def test_a_visit_condemned_by_someone_is_not_theirs(pipeline):
    events = code_text(pipeline, "Kenya condemned the visit to Ghana.")
    assert not any(e.type == "CONSULT" and "KEN" in {a.country for a in e.actor} for e in events)


def test_a_host_receives_a_named_person(pipeline):
    text = "Prime Minister Rishi Sunak on Monday welcomed King Abdullah II of Jordan in London."
    visit = find(code_text(pipeline, text), "CONSULT", {"GBR", "JOR"})
    assert visit is not None
    assert [e.country for e in visit.actor] == ["JOR"] and [e.country for e in visit.recipient] == ["GBR"]


def test_receiving_a_letter_or_a_decision_is_no_visit(pipeline):
    for text in (
        "Prime Minister Rishi Sunak received a letter from King Abdullah II of Jordan on Monday.",
        "Egypt welcomed the decision of King Abdullah II of Jordan.",
    ):
        assert not any(e.type == "CONSULT" for e in code_text(pipeline, text)), text


def test_a_visitor_received_somewhere_by_an_unnamed_host_visits_that_country(pipeline):
    text = "The Cuban foreign minister was received at the Hanoi airport by a senior delegation on Monday."
    visit = find(code_text(pipeline, text), "CONSULT", {"CUB", "VNM"})
    assert visit is not None and [e.country for e in visit.actor] == ["CUB"]


def test_a_pull_out_concerns_and_takes_place_in_the_country_left(pipeline):
    event = find(code_text(pipeline, "Germany withdrew its troops from Niger on Monday."), "RETREAT", {"DEU", "NER"})
    assert event is not None and [e.country for e in event.recipient] == ["NER"]
    assert event.location is not None and event.location.country == "NER"


def test_praising_a_treaty_between_parties_is_aimed_at_all_of_them(pipeline):
    text = "Oman's sultan praised the peace treaty between Egypt, Jordan and Israel."
    event = find(code_text(pipeline, text), "SUPPORT", {"OMN", "EGY", "JOR", "ISR"})
    assert event is not None and {e.country for e in event.recipient} == {"EGY", "JOR", "ISR"}


def test_a_by_phrase_after_an_active_verbs_object_names_its_author(pipeline):
    text = "The German Foreign Office criticised plans by the Hungarian government to close the border."
    assert find(code_text(pipeline, text), "ACCUSE", {"DEU", "HUN"}) is not None
    passive = "Plans to close the border were criticised by the German Foreign Office."
    assert find(code_text(pipeline, passive), "ACCUSE", {"DEU"}) is not None


def test_a_pronoun_deeper_in_a_reported_clause_is_still_the_reporter(pipeline):
    text = (
        "The Turkish army said it had shelled positions near the border, where it accused Syria of sheltering rebels."
    )
    event = find(code_text(pipeline, text), "ACCUSE", {"TUR", "SYR"})
    assert event is not None and [e.country for e in event.actor] == ["TUR"]


def test_a_meeting_abroad_with_a_side_of_no_known_country_is_hosted_by_the_venue(pipeline):
    text = (
        "China's Foreign Minister Wang Yi is touring South Asia. National Security Adviser Ravi Menon met "
        "Chinese Foreign Minister Wang Yi at Hyderabad House in New Delhi on Tuesday."
    )
    event = find(code_text(pipeline, text), "CONSULT", {"CHN", "IND"})
    assert event is not None and event.mode == "visit"
    assert [e.country for e in event.actor] == ["CHN"] and [e.country for e in event.recipient] == ["IND"]


def test_a_meeting_at_home_keeps_its_sides(pipeline):
    text = (
        "China's Foreign Minister Wang Yi is touring Asia. National Security Adviser Ravi Menon met "
        "Chinese Foreign Minister Wang Yi in Beijing on Tuesday."
    )
    events = code_text(pipeline, text)
    assert find(events, "CONSULT", {"CHN", "IND"}) is None
    assert find(events, "CONSULT", {"CHN"}) is not None


def test_a_dateline_run_into_the_lead_is_not_the_subject(pipeline):
    text = (
        "HAVANA, Cuba, Mar 3 (Wire) Bruno Rodríguez, Cuba's top diplomat, held talks today with "
        "his Russian counterpart Sergei Lavrov."
    )
    event = find(code_text(pipeline, text, published="2025-03-03"), "CONSULT", {"CUB", "RUS"})
    assert event is not None


def test_an_organisation_in_capitals_opening_the_sentence_is_still_its_subject(pipeline):
    text = "NATO (the Western alliance) condemned Russia on Monday."
    assert find(code_text(pipeline, text), "ACCUSE", {"NATO", "RUS"}) is not None


def test_rejecting_anothers_sanctions_is_criticism_and_rejecting_a_plan_is_rejection(pipeline):
    sanctions = "Cuban Foreign Minister Bruno Rodríguez rejected the sanctions of the United States on Monday."
    events = code_text(pipeline, sanctions)
    assert find(events, "ACCUSE", {"CUB", "USA"}) is not None and find(events, "REJECT", {"CUB", "USA"}) is None
    plan = "Cuban Foreign Minister Bruno Rodríguez rejected the proposal of the United States on Monday."
    assert find(code_text(pipeline, plan), "REJECT", {"CUB", "USA"}) is not None


def test_a_force_that_arrives_abroad_is_deployed_and_a_minister_visits(pipeline):
    police = find(code_text(pipeline, "Kenyan police arrived in Haiti on Tuesday."), "MOBILIZE", {"KEN", "HTI"})
    assert police is not None and police.mode == "police"
    minister = "Kenyan Foreign Minister Musalia Mudavadi arrived in Haiti on Tuesday."
    assert find(code_text(pipeline, minister), "CONSULT", {"KEN", "HTI"}) is not None


def test_what_two_sides_say_they_can_do_together_is_agree(pipeline):
    text = "Iranian Foreign Minister Hossein Amir-Abdollahian said Iran and Cuba can cooperate in biotechnology."
    events = code_text(pipeline, text)
    assert find(events, "AGREE", {"IRN", "CUB"}) is not None and find(events, "COOPERATE", {"IRN", "CUB"}) is None


def test_a_vow_of_harm_is_a_threat_and_a_vow_of_help_is_a_promise(pipeline):
    harm = "Indian Prime Minister Narendra Modi vowed on Thursday to pursue the attackers and punish them."
    events = code_text(pipeline, harm, published="2025-04-26")
    assert any(e.type == "THREATEN" and {x.country for x in e.actor} == {"IND"} for e in events)
    assert not any(e.type == "AGREE" for e in events)
    help_ = "Russian President Vladimir Putin vowed on Thursday to send more fuel to Cuba."
    assert find(code_text(pipeline, help_, published="2025-04-26"), "AGREE", {"RUS", "CUB"}) is not None


def test_a_vowed_strike_is_a_threat_made_now(pipeline):
    text = "Iran vowed to strike Israel if the attacks continue."
    event = find(code_text(pipeline, text), "THREATEN", {"IRN", "ISR"})
    assert event is not None and event.modality == "asserted"
    assert find(code_text(pipeline, text), "ASSAULT", {"IRN", "ISR"}) is None


def test_commitment_to_a_states_sovereignty_is_support(pipeline):
    text = "India stands fully committed to the sovereignty of Afghanistan, Jaishankar said."
    events = code_text(pipeline, text)
    event = find(events, "SUPPORT", {"IND", "AFG"})
    assert event is not None and event.modality == "asserted"
    assert find(events, "AGREE", {"IND", "AFG"}) is None
    deal = "India is committed to signing a trade deal with Afghanistan, Jaishankar said."
    assert find(code_text(pipeline, deal), "AGREE", {"IND", "AFG"}) is not None


def test_a_participle_set_off_after_the_subject_is_the_subjects(pipeline):
    text = "US Secretary of State Antony Blinken, pledging to back Ukraine, flew to Warsaw on Monday."
    event = find(code_text(pipeline, text), "AGREE", {"USA", "UKR"})
    assert event is not None and [e.country for e in event.actor] == ["USA"]


def test_a_demand_that_something_not_happen_is_still_a_demand_made(pipeline):
    text = (
        "Title\n\nThe measures target prison chiefs, EU chief Kaja Kallas told reporters. "
        '"Minsk must not jail any more protesters."'
    )
    demand = find(code_text(pipeline, text), "REQUEST", {"EU", "BLR"})
    assert demand is not None and demand.modality == "asserted"
    denied = "Belarus did not release the prisoners on Monday."
    assert any(e.modality == "negated" for e in code_text(pipeline, denied))


def test_what_a_meeting_is_about_is_not_a_party_to_it(pipeline):
    from tests.helpers import code_text

    events = code_text(pipeline, "Norway hosted talks on Yemen's war on Monday.", published="2025-03-03")
    meetings = [e for e in events if e.type == "CONSULT"]
    assert meetings and all("YEM" not in e.countries() for e in meetings)
    # a meeting with a country stays one with that country
    events = code_text(pipeline, "Norway held talks with Yemen on Monday.", published="2025-03-03")
    assert any(e.type == "CONSULT" and e.countries() == {"NOR", "YEM"} for e in events)

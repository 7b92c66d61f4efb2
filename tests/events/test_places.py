"""Where events took place: each place rule on a wire-style text of our own."""

from tests.helpers import code_text, find


def _country(event):
    return event.location.country if event is not None and event.location is not None else None


def test_a_place_after_an_adjective_is_read(pipeline):
    text = (
        "Iran's foreign minister held talks with Venezuela's foreign minister on Friday in the northern city of Tabriz."
    )
    talks = find(code_text(pipeline, text), "CONSULT", {"IRN", "VEN"})
    assert _country(talks) == "IRN"


def test_a_place_under_the_topic_of_an_agreement_is_not_where_it_was_signed(pipeline):
    text = (
        "Buses\n\nMINSK, May 3 (Wire) - Belarus and Cuba signed a memorandum on the repair of sugar mills "
        "in Camaguey on Monday."
    )
    signing = find(code_text(pipeline, text, published="2025-05-03"), "SUPPORT", {"BLR", "CUB"})
    assert _country(signing) == "BLR"


def test_a_place_of_a_second_coordinated_act_is_not_the_first_acts(pipeline):
    text = "Belarus and Cuba signed a trade agreement and inspected a sugar mill in Matanzas on Monday."
    signing = find(code_text(pipeline, text), "SUPPORT", {"BLR", "CUB"})
    assert signing is not None and _country(signing) != "CUB"


def test_a_court_sits_where_it_sentences(pipeline):
    text = "A court in Caracas on Monday sentenced opposition activist Juan Perez to eight years in prison."
    sentence = find(code_text(pipeline, text), "SANCTION", {"VEN"})
    assert _country(sentence) == "VEN"


def test_a_name_the_model_splits_is_read_whole(pipeline):
    text = "Cuban residents of two districts in Santiago de Cuba banged pots in the streets on Sunday night."
    protest = find(code_text(pipeline, text), "PROTEST", {"CUB"})
    assert protest is not None and protest.location is not None
    assert protest.location.country == "CUB" and protest.location.name == "Santiago de Cuba"


def test_a_town_naming_a_venue_is_the_place(pipeline):
    text = (
        "Speaking at the Borisov training ground on Tuesday, Lukashenko warned NATO that any attack would be answered."
    )
    warning = find(code_text(pipeline, text), "THREATEN", {"BLR", "NATO"})
    assert _country(warning) == "BLR"


def test_troops_flown_into_a_town_were_deployed_there(pipeline):
    text = "Sudan's army flew three battalions into El Fasher on Monday."
    deployment = find(code_text(pipeline, text), "MOBILIZE", {"SDN"})
    assert _country(deployment) == "SDN"


def test_aid_sent_to_a_region_arrived_there(pipeline):
    text = "In 2021, Havana sent a brigade of nurses to the Italian region of Piedmont to help hospitals there."
    aid = find(code_text(pipeline, text), "AID", {"CUB", "ITA"})
    assert _country(aid) == "ITA"


def test_a_story_filed_from_an_organisation_is_filed_from_its_seat(pipeline):
    text = (
        "Vote\n\nUNITED NATIONS, Oct 3 (Wire) - The UN General Assembly on Thursday called on Russia "
        "to withdraw its troops from Ukraine."
    )
    request = find(code_text(pipeline, text, published="2025-10-03"), "REQUEST", {"UN", "RUS"})
    assert _country(request) == "USA"


def test_every_delegation_is_at_the_organisations_seat(pipeline):
    text = (
        "Vote\n\nUNITED NATIONS, Oct 3 (Wire) - The UN General Assembly on Thursday called on the United States "
        "to lift its embargo against Cuba.\n\nThe text passed by a wide margin.\n\n"
        "Delegates of Russia and China expressed support for Cuba on Thursday."
    )
    support = find(code_text(pipeline, text, published="2025-10-03"), "SUPPORT", {"CHN", "RUS", "CUB"})
    assert _country(support) == "USA"


def test_a_seat_that_stands_for_an_organisation_lies_in_a_country(pipeline):
    text = (
        "Talks\n\nBRUSSELS, March 3 (Wire) - Ukraine's foreign minister held talks with his Belgian counterpart "
        "on Monday."
    )
    talks = find(code_text(pipeline, text, published="2025-03-03"), "CONSULT", {"UKR", "BEL"})
    assert _country(talks) == "BEL"


def test_sanctions_issued_at_home_are_not_placed_by_the_dateline(pipeline):
    home = "Visas\n\nWASHINGTON, May 2 (Wire) - The US Treasury on Thursday imposed sanctions on three Cuban officials."
    abroad = (
        "Bans\n\nLUXEMBOURG, May 2 (Wire) - European Union foreign ministers on Thursday imposed sanctions "
        "on three Belarusian officials."
    )
    assert _country(find(code_text(pipeline, home, published="2025-05-02"), "SANCTION", {"USA", "CUB"})) is None
    assert _country(find(code_text(pipeline, abroad, published="2025-05-02"), "SANCTION", {"EU", "BLR"})) == "LUX"


def test_a_statement_on_television_is_not_made_at_the_scene(pipeline):
    scene = "Visit\n\nHAVANA, Feb 20 (Wire) - Diaz-Canel received a Chinese delegation on Wednesday.\n\n"
    at_scene = scene + "Diaz-Canel condemned the United States on Wednesday."
    on_air = scene + "Diaz-Canel condemned the United States on state television on Wednesday."
    said_there = find(code_text(pipeline, at_scene, published="2025-02-20"), "ACCUSE", {"CUB", "USA"})
    broadcast = find(code_text(pipeline, on_air, published="2025-02-20"), "ACCUSE", {"CUB", "USA"})
    assert _country(said_there) == "CUB"
    assert broadcast is not None and broadcast.location is None


def test_only_those_at_the_scene_share_it(pipeline):
    text = (
        "Talks\n\nRussia held talks with North Korea in Wonsan on Saturday.\n\n"
        "South Korea condemned the talks on Saturday."
    )
    events = code_text(pipeline, text, published="2025-07-14")
    condemnation = find(events, "ACCUSE", {"KOR", "RUS", "PRK"}) or find(events, "ACCUSE", {"KOR"})
    assert condemnation is not None and condemnation.location is None


def test_later_words_of_the_leads_actors_were_said_at_the_dateline(pipeline):
    text = (
        "Treaty\n\nMOSCOW, May 8 (Wire) - Venezuelan President Nicolas Maduro arrived in Moscow on Tuesday "
        "for talks with Vladimir Putin.\n\nThe visit is his third since 2019.\n\n"
        "Putin said on Wednesday that Russia was ready to expand cooperation with Venezuela."
    )
    offer = find(code_text(pipeline, text, published="2025-05-08"), "AGREE", {"RUS", "VEN"})
    assert _country(offer) == "RUS"


def test_a_protest_by_a_countrys_people_took_place_at_home(pipeline):
    text = "Tens of thousands of Venezuelans marched against the government in 2019."
    protest = find(code_text(pipeline, text), "PROTEST", {"VEN"})
    assert _country(protest) == "VEN"


def test_news_from_elsewhere_in_the_lead_did_not_happen_at_the_dateline(pipeline):
    text = (
        "Truce\n\nADDIS ABABA, March 5 (Wire) - The African Union on Wednesday called on Sudan's army to agree "
        "to a truce.\n\nSudan's army flew three battalions to the front on Monday, officers said."
    )
    events = code_text(pipeline, text, published="2025-03-05")
    assert _country(find(events, "REQUEST", {"AU", "SDN"})) == "ETH"
    deployment = find(events, "MOBILIZE", {"SDN"})
    # not the dateline's Addis Ababa: an army moving its own troops did so at home
    assert deployment is not None and deployment.location is not None and deployment.location.country == "SDN"


def test_a_shelling_among_one_countrys_people_took_place_in_that_country(pipeline):
    text = (
        "Camp\n\nNAIROBI, March 3 (Wire) - Kenya hosted talks on Sudan's war on Monday.\n\nSudan's army said "
        "the paramilitary Rapid Support Forces (RSF) shelled the Zamzam displacement camp on Sunday, killing "
        "eight Sudanese civilians."
    )
    shelling = find(code_text(pipeline, text, published="2025-03-03"), "ASSAULT", {"SDN"})
    assert shelling is not None and shelling.location is not None and shelling.location.country == "SDN"


def test_an_act_told_during_a_visit_took_place_at_its_destination(pipeline):
    text = "As part of her official visit to Vietnam, the Japanese minister praised the Vietnamese people."
    praise = find(code_text(pipeline, text), "SUPPORT", {"JPN", "VNM"})
    assert _country(praise) == "VNM"
    relative = "The Indian minister, who was on a two-day visit to Nepal, praised the Nepali government on Friday."
    assert _country(find(code_text(pipeline, relative), "SUPPORT", {"IND", "NPL"})) == "NPL"


def test_a_trip_still_ahead_does_not_place_the_act(pipeline):
    from dyad.events.places import stay_location

    for frame, expected in (("Before", None), ("After", None), ("During", "VNM")):
        doc = pipeline.nlp(f"{frame} his trip to Vietnam, the Japanese minister praised the Vietnamese people.")
        sentence = next(iter(doc.sents))
        trigger = next(t for t in sentence if t.lemma_ == "praise")
        place = stay_location(trigger, sentence, pipeline.coder.gazetteer)
        assert (place.country if place else None) == expected, frame


def test_a_dateline_after_the_texts_date_stamp_or_closed_by_an_agency_is_read(pipeline):
    from dyad.events.scene import dateline_place
    from dyad.ingest.text import article_from_text

    for text, city in (
        ("date 2025-03-02 HANOI, Vietnam (Wire) — Vietnam and Japan signed a trade deal on Sunday.", "Hanoi"),
        ("LIMA, March 2. /AGENCY/. Peru and Chile signed a trade deal on Sunday.", "Lima"),
        ("date 2025-03-02 Peru and Chile signed a trade deal in Lima on Sunday.", None),
    ):
        article = article_from_text(text, ref="test", published="2025-03-02")
        found = dateline_place(pipeline.nlp(article.text), article.body_spans(), pipeline.coder.gazetteer)
        assert (found.place.name if found else None) == city, text


def test_a_protest_note_handed_to_an_envoy_was_made_at_the_dateline(pipeline):
    lead = "Note\n\nMINSK, May 2 (Wire) - The Belarusian Foreign Ministry on Thursday "
    handed = lead + "summoned the Polish ambassador and handed him a note of protest over the border closure."
    desk = lead + "condemned Poland over the border closure."
    note = find(code_text(pipeline, handed, published="2025-05-02"), "ACCUSE", {"BLR", "POL"})
    assert _country(note) == "BLR"
    statement = find(code_text(pipeline, desk, published="2025-05-02"), "ACCUSE", {"BLR", "POL"})
    assert statement is not None and statement.location is None


def test_a_state_attack_on_an_unnamed_target_is_not_placed_at_home(pipeline):
    text = "The Israeli army struck targets near the border on Saturday."
    strike = find(code_text(pipeline, text), "ASSAULT", {"ISR"})
    assert strike is not None and strike.location is None
    shelling = find(code_text(pipeline, "Sudanese rebels shelled a camp on Saturday."), "ASSAULT", {"SDN"})
    assert _country(shelling) == "SDN"


def test_talks_within_a_visit_to_an_unnamed_place_are_hosted_by_the_other_side(pipeline):
    text = (
        "Cuban Foreign Minister Bruno Rodríguez held talks on Tuesday with his Russian counterpart Sergei Lavrov, "
        "as part of his state visit to the Eurasian country."
    )
    talks = find(code_text(pipeline, text), "CONSULT", {"CUB", "RUS"})
    assert _country(talks) == "RUS" and talks.mode == "visit"
    assert [e.country for e in talks.actor] == ["CUB"] and [e.country for e in talks.recipient] == ["RUS"]
    plain = "Cuban Foreign Minister Bruno Rodríguez held talks on Tuesday with his Russian counterpart Sergei Lavrov."
    talks = find(code_text(pipeline, plain), "CONSULT", {"CUB", "RUS"})
    assert talks is not None and talks.location is None and talks.recipient == []


def test_a_visit_received_with_no_place_named_took_place_at_the_hosts_home(pipeline):
    text = "Kenya's president received the foreign minister of Ghana on Monday, his office said."
    visit = find(code_text(pipeline, text, published="2025-03-04"), "CONSULT", {"KEN", "GHA"})
    assert _country(visit) == "KEN"


def test_a_visit_received_at_a_named_venue_abroad_keeps_that_venue(pipeline):
    text = "Kenya's president received the foreign minister of Ghana in Geneva on Monday."
    visit = find(code_text(pipeline, text, published="2025-03-04"), "CONSULT", {"KEN", "GHA"})
    assert _country(visit) == "CHE"


def test_an_attack_on_a_named_country_took_place_on_its_ground(pipeline):
    text = "The minister warned that Azerbaijani forces had launched an attack on Armenia overnight."
    attack = find(code_text(pipeline, text, published="2025-03-04"), "ASSAULT", {"AZE", "ARM"})
    assert _country(attack) == "ARM"


def test_an_attack_on_soldiers_names_no_ground(pipeline):
    text = "Azerbaijani forces attacked Armenian soldiers on Tuesday."
    attack = find(code_text(pipeline, text, published="2025-03-04"), "ASSAULT", {"AZE", "ARM"})
    assert attack is not None and _country(attack) is None


def test_a_phone_call_has_no_scene_at_the_dateline(pipeline):
    text = (
        "Leaders speak\n\nROME, May 2 (Wire) - Italy's prime minister received a telephone call from Brazil's "
        "president on Friday. The two leaders discussed trade and investment."
    )
    events = code_text(pipeline, text, published="2025-05-02")
    call = find(events, "CONSULT", {"ITA", "BRA"})
    assert call is not None and _country(call) is None


def test_talks_in_person_at_the_dateline_happened_there(pipeline):
    text = "Leaders meet\n\nROME, May 2 (Wire) - Italy's prime minister held talks with Brazil's president on Friday."
    talks = find(code_text(pipeline, text, published="2025-05-02"), "CONSULT", {"ITA", "BRA"})
    assert _country(talks) == "ITA"


def test_the_leads_news_happened_at_the_scene_the_lead_goes_on_to_tell(pipeline):
    text = (
        "Peru and Chile agree to reopen border\n\nPeru and Chile have agreed to reopen their border crossings.\n\n"
        "Peru's president held talks with Chile's president in Lima on Friday."
    )
    events = code_text(pipeline, text, published="2025-07-25")
    assert _country(find(events, "CONSULT", {"CHL", "PER"})) == "PER"
    assert _country(find(events, "AGREE", {"CHL", "PER"})) == "PER"


def test_a_scene_of_another_day_does_not_place_the_leads_news(pipeline):
    text = (
        "Peru and Chile agree to reopen border\n\nPeru and Chile have agreed to reopen their border crossings.\n\n"
        "Peru's president had held talks with Chile's president in Lima on Tuesday."
    )
    events = code_text(pipeline, text, published="2025-07-25")
    agreement = find(events, "AGREE", {"CHL", "PER"})
    assert agreement is not None and _country(agreement) is None


def test_a_place_in_a_relative_clause_about_the_subject_is_not_the_acts(pipeline):
    text = "Peru's prime minister, who was in Madrid when the protests began, resigned on Friday."
    resignation = find(code_text(pipeline, text), "RETREAT", {"PER"})
    assert resignation is not None and _country(resignation) != "ESP"


def test_a_place_on_the_subject_itself_still_counts(pipeline):
    text = "A court in Lima on Monday sentenced opposition activist Jorge Ruiz to six years in prison."
    sentence = find(code_text(pipeline, text), "SANCTION", {"PER"})
    assert _country(sentence) == "PER"


def test_a_boycott_of_a_summit_took_place_where_the_summit_did(pipeline):
    text = "Serbia's boycott of the regional summit in Sofia angered Bulgaria, officials said."
    boycott = find(code_text(pipeline, text), "PROTEST", {"SRB"})
    assert _country(boycott) == "BGR"


def test_a_condemnation_of_a_boycott_of_a_summit_is_not_at_the_summit(pipeline):
    text = "Lithuania on Monday condemned the boycott of the summit in Minsk."
    condemnation = find(code_text(pipeline, text), "ACCUSE", {"LTU"})
    assert condemnation is not None and _country(condemnation) != "BLR"


def test_a_place_of_a_topic_under_of_is_not_the_acts(pipeline):
    text = "Lithuania on Monday condemned the detention of two journalists in Minsk."
    condemnation = find(code_text(pipeline, text), "ACCUSE", {"LTU", "BLR"})
    assert condemnation is not None and _country(condemnation) != "BLR"


def test_a_region_named_with_its_article_is_read(pipeline):
    text = "Israeli troops raided a refugee camp in the West Bank on Monday."
    raid = find(code_text(pipeline, text), "COERCE", {"ISR", "PSE"})  # the camp is of the place: Palestine
    assert _country(raid) == "PSE"


def test_a_name_before_a_region_noun_is_a_place_whatever_its_tag(pipeline):
    text = "Russian troops shelled villages in the Kherson region on Sunday, Ukraine's army said."
    shelling = find(code_text(pipeline, text), "ASSAULT", {"RUS"})
    assert _country(shelling) == "UKR"


def test_a_region_of_no_one_country_is_not_a_countrys_place(pipeline):
    text = "Iranian and Saudi ministers held talks in the Middle East on Monday."
    talks = find(code_text(pipeline, text), "CONSULT", {"IRN", "SAU"})
    assert talks is not None and _country(talks) is None


def test_region_names_resolve_to_their_country_and_look_alikes_do_not(pipeline):
    from dyad.actors.gazetteer import load_gazetteer
    from dyad.events.places import resolve_place

    gazetteer = load_gazetteer()
    assert resolve_place("Florida", gazetteer).country == "USA"  # not a Colombian town's other name
    assert resolve_place("eastern Ukraine", gazetteer).country == "UKR"
    assert resolve_place("the Kursk region", gazetteer).country == "RUS"
    assert resolve_place("Africa", gazetteer) is None  # not a Tunisian town's other name
    assert resolve_place("Western Sahara", gazetteer).country == "ESH"  # a country, not 'western Sahara'
    assert resolve_place("Islamic State", gazetteer) is None


def test_a_dateline_is_read_by_its_layout_wherever_the_story_opens(pipeline):
    from dyad.events.scene import dateline_place
    from dyad.ingest.text import article_from_text

    for text, city in (
        ("Trade deal signed\n\nBy Staff\n\nLima, Peru (Wire) — Peru and Chile signed a trade deal on Sunday.", "Lima"),
        ("Quito: Ecuador and Peru signed a trade deal on Sunday.", "Quito"),
        ("Nairobi March 2/ 2025 Kenya and Uganda signed a trade deal on Sunday.", "Nairobi"),
        ("LIMA - Peru and Chile signed a trade deal on Sunday.", "Lima"),
        ("Santiago (Wire) — Chile and Peru signed a trade deal on Sunday.", "Santiago"),
        # look-alikes: a city of another country, a headline, a word that is also a town, a
        # sentence opening with cities
        ("Quito, Peru (Wire) — Peru and Chile signed a trade deal on Sunday.", None),
        ("Peru, Chile sign trade deal\n\nPeru and Chile signed a trade deal on Sunday.", None),
        ("Reading: Peru and Chile signed a trade deal on Sunday.", None),
        ("Lima, Peru and Santiago, Chile agreed to sign a trade deal on Sunday.", None),
        ("Quito on Sunday signed a trade deal with Lima.", None),
    ):
        article = article_from_text(text, ref="test", published="2025-03-02")
        found = dateline_place(pipeline.nlp(article.text), article.body_spans(), pipeline.coder.gazetteer)
        assert (found.place.name if found else None) == city, text


def test_a_dateline_below_the_headline_and_byline_places_the_lead(pipeline):
    text = (
        "Deportees return\n\nBy a reporter\n\nHavana, Cuba (Wire) — A US immigration flight returned 120 Cuban "
        "deportees to the island on Thursday."
    )
    deport = find(code_text(pipeline, text, published="2025-03-06"), "COERCE", {"USA", "CUB"})
    assert _country(deport) == "CUB"


def test_what_both_sides_agreed_in_a_call_was_not_done_at_the_dateline(pipeline):
    lead = (
        "Leaders speak\n\nMEXICO CITY - Mexico and the United States agreed {} on Wednesday to cooperate on migration."
    )
    later = "\n\nMexico's president on Thursday rejected the US demand to deploy troops to the border."
    events = code_text(pipeline, lead.format("in a phone call") + later, published="2025-03-06")
    agreed = find(events, "AGREE", {"MEX", "USA"})
    assert agreed is not None and agreed.location is None
    assert _country(find(events, "REJECT", {"MEX", "USA"})) == "MEX"  # what one side then did, it did at home
    in_person = code_text(pipeline, lead.format("at a meeting") + later, published="2025-03-06")
    assert _country(find(in_person, "AGREE", {"MEX", "USA"})) == "MEX"


def test_a_foreign_states_sanction_on_the_datelines_country_was_issued_from_its_own_capital(pipeline):
    foreign = (
        "Visas\n\nBOGOTA, May 2 (Wire) - The United States on Thursday imposed sanctions on three Colombian officials."
    )
    mutual = (
        "Tariffs\n\nBOGOTA, May 2 (Wire) - The United States and Colombia on Thursday imposed tariffs on each other."
    )
    forum = (
        "Bans\n\nBRUSSELS, May 2 (Wire) - European Union foreign ministers on Thursday imposed sanctions "
        "on three Belarusian officials."
    )
    sanction = find(code_text(pipeline, foreign, published="2025-05-02"), "SANCTION", {"USA", "COL"})
    assert sanction is not None and sanction.location is None
    tariffs = find(code_text(pipeline, mutual, published="2025-05-02"), "SANCTION", {"USA", "COL"})
    assert tariffs is not None and tariffs.location is None
    # an organisation's ministers decide where they meet
    assert _country(find(code_text(pipeline, forum, published="2025-05-02"), "SANCTION", {"EU", "BLR"})) == "BEL"


def test_a_crackdown_at_home_is_not_placed_at_a_scene_abroad(pipeline):
    lead = (
        "Talks\n\nBRUSSELS, May 4 (Wire) - Belarus's exiled opposition leader urged European Union ministers on "
        "Monday to impose sanctions on the government.\n\n"
    )
    events = code_text(pipeline, lead + "The Belarusian government has jailed hundreds of opposition activists.")
    assert _country(find(events, "REQUEST", {"BLR", "EU"})) == "BEL"  # the plea was made at the meeting
    assert _country(find(events, "COERCE", {"BLR"})) == "BLR"  # the jailing at home


def test_an_organisations_sanction_is_not_placed_in_the_country_it_sanctions(pipeline):
    text = (
        "Minsk in the spotlight\n\nMINSK, July 14 (Wire) - The European Union imposed new sanctions on Belarus "
        "over the jailing of opposition figures.\n\nOfficials in Minsk called the measures unlawful."
    )
    sanction = find(code_text(pipeline, text), "SANCTION", {"EU", "BLR"})
    assert sanction is not None and _country(sanction) != "BLR"

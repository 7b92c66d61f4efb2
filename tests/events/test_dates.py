import datetime as dt

import pytest

from dyad.events.dates import parse_date_phrase, precision_of
from tests.helpers import code_text, find

PUBLISHED = dt.date(2025, 7, 27)


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("July 26", "2025-07-26", "day"),
        ("in October", "2024-10", "month"),
        ("just a month ago", "2025-06", "month"),
        ("June 2025", "2025-06", "month"),
        ("yesterday", "2025-07-26", "day"),
        ("on Tuesday", "2025-07-22", "day"),
        ("1992", "1992", "year"),
        ("last month", "2025-06", "month"),
    ],
)
def test_phrases_resolve_against_the_publication_date(phrase, value, precision):
    found = parse_date_phrase(phrase, PUBLISHED)
    assert found is not None and (found.value, found.precision) == (value, precision)


def test_future_phrases_prefer_the_future():
    assert parse_date_phrase("in October", PUBLISHED, prefer="future").value == "2025-10"


@pytest.mark.parametrize("phrase", ["24 hours", "recent years", "decades"])
def test_durations_are_not_dates(phrase):
    assert precision_of(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("March 3, hours", "2025-03-03"),  # the tagger ran the date into the next phrase
        ("the early hours of Wednesday", "2025-07-23"),
        ("the morning of July 20", "2025-07-20"),
        ("the same Tuesday", "2025-07-22"),
    ],
)
def test_a_day_inside_a_longer_phrase_is_still_that_day(phrase, value):
    found = parse_date_phrase(phrase, PUBLISHED)
    assert found is not None and (found.value, found.precision) == (value, "day")


# Published 2025-07-27, a Sunday: Friday is 2025-07-25, Thursday 2025-07-24, Wednesday 2025-07-23.


def test_a_participle_trigger_takes_the_date_of_its_clause(pipeline):
    text = (
        "Rice\n\nMANILA, July 27 - A Japanese ship carrying 5,000 tonnes of rice donated by Japan "
        "docked on Friday at the port of Manila, officials said."
    )
    aid = find(code_text(pipeline, text), "AID", {"JPN", "PHL"})
    assert aid is not None and (aid.date, aid.date_precision) == ("2025-07-25", "day")


def test_a_date_that_qualifies_a_noun_gives_way_to_the_adverbial_one(pipeline):
    text = (
        "Row\n\nThe Philippine president, speaking on Thursday, did not name anyone but accused China "
        "of repeating the mistakes of 2016."
    )
    accusation = find(code_text(pipeline, text), "ACCUSE", {"CHN", "PHL"})
    assert accusation is not None and accusation.date == "2025-07-24"


def test_since_under_a_negation_is_not_the_events_date(pipeline):
    text = (
        "Talks\n\nThe Indian foreign minister has not met Pakistan's foreign minister since taking office "
        "in March, officials said."
    )
    meeting = find(code_text(pipeline, text), "CONSULT", {"IND", "PAK"})
    assert meeting is not None and meeting.modality == "negated" and meeting.date is None


def test_readiness_is_dated_by_the_act_it_promises(pipeline):
    text = (
        "Trade\n\nTOKYO, July 27 - Japan said it was ready to open negotiations with India on a trade deal next year."
    )
    offer = find(code_text(pipeline, text), "AGREE", {"IND", "JPN"})
    assert offer is not None and (offer.date, offer.date_precision) == ("2026", "year")


def test_a_paragraph_that_steps_back_holds_only_for_itself(pipeline):
    text = (
        "Pact\n\nBrazil and Argentina signed a trade pact in Buenos Aires on Friday.\n\n"
        "The Brazilian president had arrived in Buenos Aires on Thursday night.\n\n"
        "During the talks, Brazil said it was ready to help Argentina build a railway."
    )
    offer = find(code_text(pipeline, text), "AGREE", {"ARG", "BRA"})
    assert offer is not None and offer.date == "2025-07-25"


def test_on_the_same_day_points_back_to_the_day_just_told(pipeline):
    text = (
        "Talks\n\nRussia and China held talks in Beijing on Friday.\n\n"
        "India and Pakistan held talks in Delhi on Thursday.\n\n"
        "On the same day, India praised Pakistan for its restraint."
    )
    praise = find(code_text(pipeline, text), "SUPPORT", {"IND", "PAK"})
    assert praise is not None and praise.date == "2025-07-24"


def test_the_story_starts_on_the_day_the_lead_names(pipeline):
    text = (
        "Summit\n\nGENEVA, July 27 - The climate summit opened in Geneva on Wednesday.\n\n"
        "The French delegation praised Germany for its support."
    )
    praise = find(code_text(pipeline, text), "SUPPORT", {"DEU", "FRA"})
    assert praise is not None and praise.date == "2025-07-23"


def test_a_scheduled_day_does_not_move_the_story_clock(pipeline):
    text = (
        "Accord\n\nFrance and Germany signed an accord on Friday. The French president will visit Berlin "
        "on Tuesday. Germany called on Russia to end the war."
    )
    events = code_text(pipeline, text)
    visit, call = find(events, "AGREE", {"DEU", "FRA"}), find(events, "REQUEST", {"DEU", "RUS"})
    assert visit is not None and visit.date == "2025-07-29"
    assert call is not None and call.date == "2025-07-25"


@pytest.mark.parametrize(
    "statement",
    [
        "Meanwhile, the Chinese foreign minister praised Russia on state television.",
        "Meanwhile, the Chinese foreign minister thanked Russia on the social network X.",
    ],
)
def test_a_statement_through_its_own_channel_is_left_undated(pipeline, statement):
    text = f"Talks\n\nRussia and China held talks in Beijing on Friday.\n\n{statement}"
    praise = find(code_text(pipeline, text), "SUPPORT", {"CHN", "RUS"})
    assert praise is not None and praise.date is None


def test_a_channel_that_only_reports_the_event_keeps_the_story_day(pipeline):
    text = (
        "Talks\n\nRussia and China held talks in Beijing on Friday.\n\n"
        "A Chinese spokesman said on state television that the Russian minister praised China for its support."
    )
    praise = find(code_text(pipeline, text), "SUPPORT", {"CHN", "RUS"})
    assert praise is not None and praise.date == "2025-07-25"


def test_a_night_spanning_two_days_and_what_followed_it(pipeline):
    text = (
        "Drone\n\nALGIERS, Nov 25 (Wire) - Algeria on Tuesday summoned the Malian ambassador over a drone "
        "incursion.\n\nOn the night of March 31 to April 1, Algerian air defences shot down a Malian drone "
        "near the border. Following that incident, Mali recalled its ambassador from Algeria."
    )
    events = code_text(pipeline, text, published="2025-11-25")
    downing = find(events, "ASSAULT", {"DZA", "MLI"})
    assert downing is not None and (downing.date, downing.modality) == ("2025-04-01", "historical")
    recall = find(events, "SANCTION", {"MLI", "DZA"})
    assert recall is not None and (recall.date, recall.modality) == ("2025-04", "historical")


def test_a_paragraph_about_what_followed_an_incident_stays_in_its_time(pipeline):
    text = (
        "Drone\n\nALGIERS, Nov 25 (Wire) - Algeria on Tuesday summoned the Malian ambassador over a drone "
        "incursion.\n\nIn April, Algerian air defences shot down a Malian drone near the border. Following that "
        "incident, Mali recalled its ambassador from Algeria. Algeria closed its embassy in Bamako."
    )
    closure = find(code_text(pipeline, text, published="2025-11-25"), "SANCTION", {"DZA", "MLI"})
    assert closure is not None and (closure.date, closure.modality) == ("2025-04", "historical")


def test_what_followed_an_incident_dated_by_year_keeps_year_precision(pipeline):
    text = (
        "Drone\n\nALGIERS, Nov 25 (Wire) - Algeria on Tuesday summoned the Malian ambassador over a drone "
        "incursion.\n\nIn 2019, Algerian air defences shot down a Malian drone near the border. Following that "
        "incident, Mali recalled its ambassador from Algeria."
    )
    recall = find(code_text(pipeline, text, published="2025-11-25"), "SANCTION", {"MLI", "DZA"})
    assert recall is not None and (recall.date, recall.date_precision) == ("2019", "year")


def test_an_undated_article_leaves_relative_dates_unresolved():
    from dyad.events.dates import parse_date_phrase

    assert parse_date_phrase("on Monday", None) is None
    assert parse_date_phrase("last month", None) is None
    assert parse_date_phrase("July 26", None) is None
    found = parse_date_phrase("July 26, 2024", None)
    assert found is not None and found.value == "2024-07-26"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bruno Rodríguez met Sergei Lavrov in Moscow on 4 th .", "2025-07-04"),
        ("Bruno Rodríguez met Sergei Lavrov in Moscow on the 29th.", "2025-06-29"),
        ("Bruno Rodríguez met Sergei Lavrov in Moscow on 14 th July.", "2025-07-14"),
    ],
)
def test_a_day_of_the_month_with_a_split_or_lone_ordinal(pipeline, text, value):
    event = find(code_text(pipeline, text, published="2025-07-27"), "CONSULT", {"CUB", "RUS"})
    assert event is not None and (event.date, event.date_precision) == (value, "day")


def test_an_ordinal_that_counts_rounds_is_no_date(pipeline):
    text = "Bruno Rodríguez and Sergei Lavrov held the 4th round of talks in Moscow in 2019."
    event = find(code_text(pipeline, text, published="2025-07-27"), "CONSULT", {"CUB", "RUS"})
    assert event is not None and event.date == "2019"


@pytest.mark.parametrize(("phrase", "value"), [("the 4th", "2025-07-04"), ("30th", "2025-06-30")])
def test_a_day_named_alone_is_the_latest_such_day(phrase, value):
    found = parse_date_phrase(phrase, PUBLISHED)
    assert found is not None and (found.value, found.precision) == (value, "day")
    assert parse_date_phrase(phrase, None) is None


def test_a_trip_named_as_a_time_reference_is_not_dated_by_its_sentence(pipeline):
    before = "Masoud Pezeshkian praised Qatar on Tuesday before his trip to Doha."
    trip = find(code_text(pipeline, before, published="2024-10-02"), "CONSULT", {"IRN", "QAT"})
    assert trip is not None and trip.date is None
    ahead = "Speaking ahead of his trip to Qatar, Masoud Pezeshkian said Iran wanted closer ties."
    trip = find(code_text(pipeline, ahead, published="2024-10-02"), "CONSULT", {"IRN", "QAT"})
    assert trip is not None and trip.date is None
    own = "Masoud Pezeshkian praised Qatar after his visit to Doha in August."
    trip = find(code_text(pipeline, own, published="2024-10-02"), "CONSULT", {"IRN", "QAT"})
    assert trip is not None and trip.date == "2024-08"


def test_a_trip_told_as_happening_keeps_the_day(pipeline):
    text = "Masoud Pezeshkian began his trip to Doha on Tuesday."
    trip = find(code_text(pipeline, text, published="2024-10-02"), "CONSULT", {"IRN", "QAT"})
    assert trip is not None and trip.date == "2024-10-01"


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("in recent days", "2025-07"), ("over the past few weeks", "2025-07"), ("in the last several days", "2025-07")],
)
def test_a_recent_stretch_is_dated_to_its_month(phrase, value):
    found = parse_date_phrase(phrase, PUBLISHED)
    assert found is not None and (found.value, found.precision) == (value, "month")
    early = parse_date_phrase(phrase, dt.date(2025, 8, 1))
    assert early is not None and early.value == "2025-07"


def test_the_last_days_of_a_term_are_not_a_recent_stretch():
    assert parse_date_phrase("in the last days of the administration", PUBLISHED) is None


def test_an_act_of_recent_days_does_not_take_the_storys_day(pipeline):
    text = (
        "Title\n\nPeru expelled the Mexican ambassador on Tuesday. "
        "Mexican President Andres Manuel Lopez Obrador criticised the Peruvian government in recent days."
    )
    event = find(code_text(pipeline, text, published="2022-12-21"), "ACCUSE", {"MEX", "PER"})
    assert event is not None and (event.date, event.date_precision) == ("2022-12", "month")


@pytest.mark.parametrize("phrase", ["this afternoon", "this morning", "this evening"])
def test_a_part_of_the_publication_day_is_that_day(phrase):
    found = parse_date_phrase(phrase, PUBLISHED)
    assert found is not None and (found.value, found.precision) == ("2025-07-27", "day")
    assert parse_date_phrase("in the afternoon", PUBLISHED) is None


def test_the_days_news_told_this_afternoon_sets_the_storys_clock(pipeline):
    text = (
        "Title\n\nPrime Minister Rishi Sunak welcomed King Abdullah II of Jordan to London this afternoon.\n\n"
        "The leaders discussed the crisis in the region.\n\n"
        "The Prime Minister praised King Abdullah for his support."
    )
    thanks = find(code_text(pipeline, text, published="2023-10-14"), "SUPPORT", {"GBR", "JOR"})
    assert thanks is not None and (thanks.date, thanks.date_precision) == ("2023-10-14", "day")


@pytest.mark.parametrize(
    ("phrase", "published", "value"),
    [
        ("last March", dt.date(2025, 7, 27), "2025-03"),
        ("Last July", dt.date(2025, 7, 27), "2024-07"),  # the July before, not this one
        ("last September", dt.date(2025, 7, 27), "2024-09"),
        ("next February", dt.date(2025, 7, 27), "2026-02"),
    ],
)
def test_last_or_next_named_month_counts_from_the_publication_month(phrase, published, value):
    found = parse_date_phrase(phrase, published)
    assert found is not None and (found.value, found.precision) == (value, "month")


def test_a_repeated_accusation_is_a_stance_and_undated(pipeline):
    text = (
        "Border\n\nPeru and Chile held talks in Lima on Friday.\n\n"
        "Peru has repeatedly accused Chile of ignoring the maritime ruling."
    )
    events = code_text(pipeline, text)
    assert find(events, "CONSULT", {"CHL", "PER"}).date == "2025-07-25"
    accusation = find(events, "ACCUSE", {"CHL", "PER"})
    assert accusation is not None and accusation.date is None


def test_a_one_off_accusation_takes_the_story_day(pipeline):
    text = "Border\n\nPeru and Chile held talks in Lima on Friday.\n\nPeru accused Chile of ignoring the sea ruling."
    accusation = find(code_text(pipeline, text), "ACCUSE", {"CHL", "PER"})
    assert accusation is not None and accusation.date == "2025-07-25"


def test_a_habit_told_in_a_relative_clause_is_undated(pipeline):
    text = (
        "Talks\n\nPeru and Chile held talks in Lima on Friday.\n\n"
        "The talks included Bolivia, which has accused Chile of blocking its access to the sea."
    )
    accusation = find(code_text(pipeline, text), "ACCUSE", {"BOL", "CHL"})
    assert accusation is not None and accusation.date is None


def test_a_plans_horizon_is_not_when_a_reported_act_happened(pipeline):
    text = (
        "Roadmap\n\nHANOI, March 3 (Wire) - Vietnam and Laos signed a cooperation programme to 2030 "
        "in Hanoi on Monday, officials said."
    )
    signing = find(code_text(pipeline, text, published="2025-03-04"), "SUPPORT", {"VNM", "LAO"})
    assert signing is not None and signing.date == "2025-03-03"
    undated = (
        "Roadmap\n\nHANOI, March 3 (Wire) - Vietnam and Laos have signed a cooperation programme to 2030, "
        "officials said."
    )
    signing = find(code_text(pipeline, undated, published="2025-03-04"), "SUPPORT", {"VNM", "LAO"})
    assert signing is not None and signing.date != "2030"


def test_a_hypothetical_act_takes_the_coming_weekday(pipeline):
    text = "Talks\n\nHANOI, March 3 (Wire) - Vietnam could hold talks with Laos on Friday, officials said."
    talks = find(code_text(pipeline, text, published="2025-03-04"), "CONSULT", {"VNM", "LAO"})
    assert talks is not None and talks.modality == "hypothetical" and talks.date == "2025-03-07"


def _generated_phrases(count: int) -> list[tuple[str, dt.date, str]]:
    """Common date phrases in varied spellings, each with a publication day and a direction."""
    import random

    rng = random.Random(10)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]  # fmt: skip
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    forms = [
        lambda: rng.choice(weekdays),
        lambda: rng.choice(weekdays).lower(),
        lambda: f"{rng.choice(months)} {rng.randint(1, 31)}",
        lambda: f"{rng.randint(1, 31)} {rng.choice(months)}",
        lambda: f"{rng.randint(1, 28)}th {rng.choice(months)}",
        lambda: f"{rng.randint(1, 31)} {rng.choice(months)} {rng.randint(1990, 2030)}",
        lambda: f"{rng.choice(months)} {rng.randint(1, 31)}, {rng.randint(1990, 2030)}",
        lambda: rng.choice(months),
        lambda: f"{rng.choice(months)} {rng.randint(1990, 2030)}",
        lambda: str(rng.randint(1900, 2030)),
        lambda: rng.choice(["yesterday", "today", "tomorrow", "last month", "Yesterday", "Last month"]),
        lambda: rng.choice(["last week", "this week", "last year", "Last week", "last  year"]),
    ]
    start = dt.date(2023, 1, 1)
    cases = []
    for number in range(count):
        published = start + dt.timedelta(days=rng.randint(0, 1200))
        if number % 10 == 0:  # the edges: the first and last days of months and years
            published = rng.choice(
                [dt.date(2024, 2, 29), dt.date(2024, 12, 31), dt.date(2025, 1, 1), dt.date(2025, 3, 31)]
            )
        cases.append((forms[number % len(forms)](), published, rng.choice(["past", "future"])))
    return cases


def test_the_fast_path_reads_common_phrases_exactly_as_dateparser_does():
    from dyad.events.dates import _dateparser, fast_parse

    cases = _generated_phrases(660)
    read = 0
    for phrase, published, prefer in cases:
        fast = fast_parse(phrase, published, prefer)
        slow = _dateparser(phrase, published, prefer)
        if fast is not None:
            read += 1
            assert slow is not None and fast.date() == slow.date(), (phrase, published, prefer)
    assert read >= 0.95 * len(cases), "the fast path reads nearly all of them (only impossible days fall through)"
    assert fast_parse("early last week", PUBLISHED, "past") is None, "anything else goes to dateparser"
    assert fast_parse("2019", None, "past") is None, "an undated article leaves dateparser to its clock"


def test_an_act_only_named_by_a_noun_does_not_take_the_storys_day(pipeline):
    text = (
        "Visit\n\nThe Bolivian president held talks with his Peruvian counterpart in Lima on Friday.\n\n"
        "He condemned the sanctions of the United States against Venezuela."
    )
    events = code_text(pipeline, text)
    sanctions = find(events, "SANCTION", {"USA", "VEN"})
    assert sanctions is not None and sanctions.date is None


def test_an_act_told_by_its_verb_still_takes_the_storys_day(pipeline):
    text = (
        "Visit\n\nThe Bolivian president held talks with his Peruvian counterpart in Lima on Friday.\n\n"
        "The United States imposed sanctions on Venezuela."
    )
    sanctions = find(code_text(pipeline, text), "SANCTION", {"USA", "VEN"})
    assert sanctions is not None and sanctions.date == "2025-07-25"


def test_the_date_of_the_act_an_accusation_is_about_is_not_the_accusations(pipeline):
    text = (
        "Row\n\nThe Bolivian president held talks with his Peruvian counterpart in Lima on Friday.\n\n"
        "Bolivia accused Chile of seizing its coast in 1879."
    )
    accusation = find(code_text(pipeline, text), "ACCUSE", {"BOL", "CHL"})
    assert accusation is not None and accusation.date == "2025-07-25"


def test_an_accusation_dated_in_its_own_clause_keeps_that_date(pipeline):
    text = "Row\n\nIn 2019, Bolivia accused Chile of seizing its coast."
    accusation = find(code_text(pipeline, text), "ACCUSE", {"BOL", "CHL"})
    assert accusation is not None and accusation.date == "2019"


def test_a_statement_told_with_its_day_sets_the_scene_without_an_event(pipeline):
    text = (
        "Envoy\n\nSpain and Morocco signed a migration accord in Rabat on Thursday.\n\n"
        "The Spanish prime minister said on Monday that the envoy would stay in Madrid. "
        "Spain also praised Morocco for its help with migration."
    )
    praise = [e for e in code_text(pipeline, text) if e.type == "SUPPORT" and "praise" in str(e.rules)]
    assert [e.date for e in praise] == ["2025-07-21"]


def test_a_day_inside_what_was_said_is_not_the_statements_day(pipeline):
    text = (
        "Envoy\n\nSpain and Morocco signed a migration accord in Rabat on Thursday.\n\n"
        "The Spanish prime minister said that the envoy would leave on Monday. "
        "Spain also praised Morocco for its help with migration."
    )
    dates = {e.date for e in code_text(pipeline, text) if e.type == "SUPPORT"}
    assert dates == {"2025-07-24"}


def test_an_act_in_a_relative_clause_takes_the_day_of_what_it_names(pipeline):
    text = (
        "Visas\n\nThe United States announced on Thursday that it had jailed two Cuban students "
        "who took part in the protests of March 14, 2021."
    )
    protest = find(code_text(pipeline, text), "PROTEST", {"CUB"})
    assert protest is not None and protest.date == "2021-03-14"


def test_a_reported_promise_does_not_take_the_day_it_was_told(pipeline):
    text = "Visas\n\nThe United States said on Thursday it would bar Cuban judges from entering the country."
    ban = find(code_text(pipeline, text), "SANCTION", {"CUB", "USA"})
    assert ban is not None and ban.date != "2025-07-31"


def test_a_reported_promise_keeps_its_own_day(pipeline):
    text = "Visas\n\nThe United States said on Thursday it would bar Cuban judges on Monday."
    ban = find(code_text(pipeline, text), "SANCTION", {"CUB", "USA"})
    assert ban is not None and ban.date == "2025-07-28"


def test_a_material_act_told_in_the_present_inside_a_quote_is_how_things_stand(pipeline):
    text = (
        "Trade\n\nThe Bolivian president held talks with his Peruvian counterpart in Lima on Friday.\n\n"
        '"Peru sends food to Bolivia every season," a trade official said.'
    )
    aid = find(code_text(pipeline, text), "AID", {"PER", "BOL"})
    assert aid is not None and aid.date is None


def test_a_stance_told_in_the_present_inside_a_quote_is_dated_when_said(pipeline):
    text = (
        "Visit\n\nThe Bolivian president held talks with his Peruvian counterpart in Lima on Friday.\n\n"
        '"Bolivia supports Peru\'s bid for a seat on the council," the Bolivian president said.'
    )
    support = find(code_text(pipeline, text), "SUPPORT", {"PER", "BOL"})
    assert support is not None and support.date == "2025-07-25"


def test_a_material_act_told_outside_a_quote_keeps_the_storys_day(pipeline):
    text = (
        "Trade\n\nThe Bolivian president held talks with his Peruvian counterpart in Lima on Friday.\n\n"
        "Peru sent food to Bolivia, a trade official said."
    )
    aid = find(code_text(pipeline, text), "AID", {"PER", "BOL"})
    assert aid is not None and aid.date == "2025-07-25"

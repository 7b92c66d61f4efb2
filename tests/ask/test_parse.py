"""The question parser: actors from the gazetteer, types from cue words, time spans."""

from dyad.ask import parse


def test_person_and_country_give_direction_and_promise():
    q = parse("What did Lukashenko promise Cuba?")
    assert q.countries == ("BLR", "CUB")
    assert q.subject == "BLR"
    assert q.types == ("AGREE",)
    assert "negated" not in q.modalities


def test_kremlin_and_capitals_are_governments():
    assert parse("What is the Kremlin's role in Havana?").countries == ("RUS", "CUB")


def test_question_words_are_not_organisations():
    q = parse("Who else is involved in relations between Cuba and Belarus?")
    assert q.countries == ("CUB", "BLR")
    assert q.kind == "third_party"


def test_areas_of_cooperation_is_one_phrase():
    q = parse("What areas of cooperation have Cuba and Belarus identified?")
    assert q.labels == ("area of cooperation",)
    assert set(q.types) == {"AGREE", "COOPERATE", "SUPPORT"}


def test_visit_is_a_consult_visit_and_years_bound_time():
    q = parse("Which visits did Díaz-Canel make in June 2025?")
    assert q.types == ("CONSULT",) and q.modes == ("visit",)
    assert (q.since, q.until) == ("2025-06", "2025-06")


def test_since_the_june_visit_is_an_anchor_not_a_topic():
    q = parse("What did Belarus promise Cuba since the June visit?")
    assert q.anchor is not None and q.anchor.label == "visit" and q.anchor.month == 6
    assert q.types == ("AGREE",)


def test_why_questions_are_explain_and_population_is_domestic():
    q = parse("How does this agreement affect the Cuban population?")
    assert q.kind == "explain"
    assert q.domestic and q.countries == ("CUB",)


def test_negation_cue_asks_for_negated():
    assert "negated" in parse("What has Belarus not delivered to Cuba?").modalities

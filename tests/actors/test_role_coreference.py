"""Coreference that decides whose side an actor or recipient is on (issue 9).

Sentences written for these tests; the people are invented and known only by their titles.
"""

from dyad.actors.coreference import _counterparts
from tests.helpers import code_text, find
from tests.helpers import country_and_sector as _first

TWO_LEADERS = (
    "Chilean President Ana Torres said on Monday that she and Argentine President Pablo Ruiz had spoken "
    "by phone, and she rejected his proposal to close the border."
)


def test_a_pronoun_in_a_joined_clause_goes_on_with_its_subject(resolve):
    # the second 'she' is Torres, though Ruiz was named last
    assert _first(resolve(TWO_LEADERS, "she", occurrence=1)) == ("CHL", "GOV")
    # and 'his' is still the last other person named
    assert _first(resolve(TWO_LEADERS, "his")) == ("ARG", "GOV")


def test_a_pronoun_joined_to_a_clause_led_by_a_body_keeps_the_last_person(resolve):
    # a ministry is no 'he': the pronoun is the last person named
    text = "The Chilean Foreign Ministry summoned Argentine Ambassador Pablo Ruiz, and he rejected the protest."
    assert _first(resolve(text, "he", occurrence=1)) == ("ARG", "GOV")  # not the "he" in "The"


def test_his_country_is_the_country_of_the_person_he_is(resolve):
    text = "Argentine President Pablo Ruiz met the Chilean envoy and rejected the sanctions against his country."
    assert _first(resolve(text, "his country")) == ("ARG", "GOV")
    text = "Chilean President Ana Torres said her nation would not bow to pressure from Argentina."
    assert _first(resolve(text, "her nation")) == ("CHL", "GOV")


def test_the_person_whose_threat_is_dismissed_is_the_recipient(pipeline):
    reject = find(code_text(pipeline, TWO_LEADERS), "REJECT", {"CHL", "ARG"})
    assert reject is not None
    assert [e.country for e in reject.actor] == ["CHL"] and [e.country for e in reject.recipient] == ["ARG"]
    assert "recipient:inside-objects" in reject.rules


def test_rebels_in_a_when_clause_are_where_its_main_clause_happened(resolve):
    text = (
        "Russia has sent instructors to the region for years. "
        "Moscow lost its main partner in Mali last year when rebels overran the northern garrisons."
    )
    assert _first(resolve(text, "rebels")) == ("MLI", "REB")
    # a place of the 'when' clause's own comes first
    text = "Moscow lost its main partner in Mali last year when rebels overran garrisons in Niger."
    assert _first(resolve(text, "rebels")) == ("NER", "REB")


def test_opponents_set_against_a_government_are_that_governments_country(resolve):
    text = (
        "Turkish officials met Russian envoys in Ankara, which armed opposition factions against the Syrian government."
    )
    assert _first(resolve(text, "opposition factions")) == ("SYR", "OPP")
    # with no government named, they stay the story's
    text = "Turkish officials met Russian envoys in Ankara, and Turkey armed opposition factions for years."
    assert _first(resolve(text, "opposition factions"))[0] != "SYR"


def test_people_whose_property_a_state_seizes_are_that_states(resolve):
    text = (
        "WASHINGTON (Wire) - The United States took in the exiles. Nicaragua said it was revoking the "
        "citizenship and seizing the property of 94 people."
    )
    assert _first(resolve(text, "people"))[0] == "NIC"


def test_it_goes_on_with_the_main_subject_before_not_a_country_it_named(pipeline):
    text = (
        "Washington says both Peru and Bolivia are run by corrupt governments. "
        "It recently imposed sanctions on three Bolivian ministers."
    )
    assert find(code_text(pipeline, text), "SANCTION", {"USA", "BOL"}) is not None
    # look-alike: a subject 'it' after a person's sentence is not the person
    text = "Peru's president said Bolivia must act. It imposed sanctions on three Chilean ministers on Monday."
    assert find(code_text(pipeline, text), "SANCTION", {"PER", "CHL"}) is None


def test_him_is_the_envoy_a_title_named_in_its_sentence(pipeline):
    text = (
        "Chilean President Ana Rojas spoke on Monday. "
        "Peru's government revoked the Bolivian ambassador's immunity and ordered the police to expel him."
    )
    expulsion = find(code_text(pipeline, text), "SANCTION", {"PER", "BOL"})
    assert expulsion is not None and [e.country for e in expulsion.recipient] == ["BOL"]


def test_him_after_a_named_person_is_still_that_person(pipeline):
    # look-alike: a named person after the title is the nearer antecedent
    text = (
        "Peru's government summoned the Bolivian ambassador on Monday to protest the arrest of "
        "Chilean activist Luis Torres and ordered the police to release him."
    )
    events = code_text(pipeline, text)
    assert not any("BOL" in {r.country for r in e.recipient} and e.type == "RETREAT" for e in events)


def test_his_government_is_the_government_of_the_official_he_is(resolve):
    # the government 'his' owns is the Chilean one, not Argentina's named in between
    text = "Chilean President Ana Torres met Argentine envoys, and said her government would reopen the pass."
    assert _first(resolve(text, "her government")) == ("CHL", "GOV")
    text = "Peruvian Prime Minister Luis Vega said his administration was holding talks with Bolivia."
    assert _first(resolve(text, "his administration")) == ("PER", "GOV")


def test_his_government_from_someone_who_holds_no_office_is_not_his_country(resolve):
    # a student leader owns no government: 'his government' is not taken from him
    text = "Chilean student leader Pablo Ruiz said his government had failed the young."
    assert resolve(text, "his") and resolve(text, "his government") == []


def test_the_counterpart_a_pronoun_goes_with_is_not_that_pronoun(resolve):
    # 'his Slovak counterpart' is the other side: 'he' is the Hungarian named before
    text = (
        "Hungary's foreign minister Peter Szijjarto spoke to reporters on Monday. "
        "Together with his Austrian counterpart Beate Meinl-Reisinger, he sent a letter to Brussels."
    )
    assert _first(resolve(text, "he", occurrence=1)) == ("HUN", "GOV")  # 0 is inside 'Together'


def test_a_counterpart_of_someone_else_stays_a_candidate(resolver):
    # 'her counterpart' is not the counterpart of a 'he': the agreement of forms decides
    doc = resolver("After she met her Peruvian counterpart Luis Vega, he wrote to the Commission.").doc
    he = next(t for t in doc if t.text == "he")
    vega = next(t for t in doc if t.text == "Vega")
    assert vega.i not in _counterparts(he)
    # whereas 'his counterpart' beside a 'he' is the other side
    doc = resolver("After meeting his Peruvian counterpart Luis Vega, he wrote to the Commission.").doc
    he = next(t for t in doc if t.text == "he")
    vega = next(t for t in doc if t.text == "Vega")
    assert vega.i in _counterparts(he)


def test_it_is_not_the_country_its_own_clause_acts_on(resolve):
    # 'It' would be Gabon, the last country named; but its own clause names Gabon as the one
    # acted on, and a state does not suspend itself: 'it' is left unresolved
    text = (
        "The regional council met on Thursday. The body said it condemns the coup in Gabon. "
        "It voted to suspend Gabon from every meeting of the regional body."
    )
    assert not [e for e in resolve(text, "It") if e.country == "GAB"]


def test_it_is_still_the_country_named_before_when_its_clause_names_another(pipeline):
    # look-alike: the country before is not the one the clause acts on
    text = (
        "The coup in Gabon drew wide criticism on Thursday. The United States condemned the coup in Gabon. "
        "It voted to suspend Gabon from a trade programme."
    )
    sanction = find(code_text(pipeline, text), "SANCTION", {"USA", "GAB"})
    assert sanction is not None and [e.country for e in sanction.actor] == ["USA"]


def test_his_country_in_what_a_titled_speaker_says_is_the_speakers(resolve):
    # the Chilean leader was named last, but 'his' is the unnamed spokesperson who speaks
    text = (
        "Chilean President Ana Torres raised tariffs on Peruvian copper on Monday. "
        "The Peruvian Foreign Ministry spokesperson said that his country would respond in kind."
    )
    assert _first(resolve(text, "his")) == ("PER", "GOV")


def test_his_after_a_person_named_in_the_report_is_still_that_person(resolve):
    # look-alike: a person named inside the report, before 'his', is whom 'his' points to
    text = (
        "Chilean President Ana Torres raised tariffs on Peruvian copper on Monday. "
        "The Peruvian spokesperson said that Argentine President Pablo Ruiz and his government backed Chile."
    )
    assert _first(resolve(text, "his")) == ("ARG", "GOV")

"""Sector rules on actors named in real news: states that fight, juntas, led coalitions.

Sentences are written for these tests; none comes from an evaluation set.
"""

from tests.helpers import country_and_sector as _first


def test_a_state_that_fires_or_invades_is_its_armed_forces(resolve):
    assert _first(resolve("North Korea fired two cruise missiles into the sea on Friday.", "North Korea")) == (
        "PRK",
        "MIL",
    )
    assert _first(resolve("Kyiv says Moscow's invasion has displaced millions.", "Moscow")) == ("RUS", "MIL")
    assert _first(resolve("The launch of a missile by Pyongyang worried Japan.", "Pyongyang")) == ("PRK", "MIL")
    assert _first(resolve("Britain withdrew its troops from the island in 1964.", "Britain")) == ("GBR", "MIL")


def test_a_side_of_battles_between_states_is_armed(resolve):
    found = resolve("The truce ended a week of clashes between Armenia and Azerbaijan.", "Armenia")
    assert {(e.country, e.sector) for e in found} == {("ARM", "MIL"), ("AZE", "MIL")}


def test_a_state_that_does_not_fight_stays_the_government(resolve):
    # look-alikes: the same verbs with no fighting, a target, a person, a transfer of arms
    assert _first(resolve("Israel struck a deal with Cyprus on gas exports.", "Israel")) == ("ISR", "GOV")
    assert _first(resolve("Russia attacked Ukraine in February.", "Ukraine")) == ("UKR", "GOV")
    assert _first(resolve("Iran supplied drones to Russia last year.", "Iran")) == ("IRN", "GOV")
    assert _first(resolve("France launched a campaign against smoking.", "France")) == ("FRA", "GOV")
    assert _first(resolve("Russia's president ordered the attack.", "president")) == ("RUS", "GOV")


def test_a_junta_is_military(resolve):
    assert _first(resolve("Niger's ruling junta expelled the French ambassador.", "junta")) == ("NER", "MIL")
    assert _first(resolve("The Guinean junta promised elections next year.", "junta")) == ("GIN", "MIL")


def test_a_coalition_a_state_leads_is_military(resolve):
    assert _first(resolve("The talks followed a raid by the US-led coalition in the north.", "coalition")) == (
        "USA",
        "MIL",
    )
    assert _first(resolve("The Saudi-led coalition reopened the port.", "coalition")) == ("SAU", "MIL")
    # look-alikes: a ruling coalition is its parties; a backed militia keeps its own noun's sector
    assert _first(resolve("Israel's ruling coalition passed the budget.", "coalition")) == ("ISR", "PTY")
    assert _first(resolve("Iranian-owned companies left the market.", "companies")) == ("IRN", "BUS")


def test_a_leaders_administration_is_that_leaders_countrys_government(resolve):
    text = "The tariffs imposed by the Trump administration hit Canadian steel."
    assert _first(resolve(text, "administration")) == ("USA", "GOV")
    text = "Many arrived in Florida during the Obama administration."
    assert _first(resolve(text, "administration")) == ("USA", "GOV")
    # look-alike: a leader's name on a noun that is no government
    assert resolve("The Putin interview aired on Sunday.", "interview") == []


def test_a_party_named_on_a_government_noun_is_the_government(resolve):
    text = "Beijing again denounced the DPP authorities for their visits to Washington."
    assert _first(resolve(text, "authorities")) == ("TWN", "GOV")
    # look-alike: the party itself stays a party
    assert _first(resolve("The DPP won the election in Taipei.", "DPP")) == ("TWN", "PTY")


def test_regional_blocs_by_acronym(resolve):
    assert _first(resolve("ECOWAS suspended Guinea after the coup.", "ECOWAS")) == ("ECOWAS", "IGO")
    assert _first(resolve("SADC sent troops to Mozambique.", "SADC")) == ("SADC", "IGO")


def test_a_list_hung_on_the_last_word_of_a_name(resolve):
    found = resolve("The bloc lifted sanctions against the Republic of Chad, Mali, Togo and Benin.", "Republic")
    assert [e.country for e in found] == ["TCD", "MLI", "TGO", "BEN"]
    # look-alike: a name with no list after it stays alone
    found = resolve("The bloc lifted sanctions against the Republic of Chad on Monday.", "Republic")
    assert [e.country for e in found] == ["TCD"]


def test_a_name_the_model_cut_after_its_of_is_of_the_country_after_it(resolve):
    text = (
        "Bolivia held elections. Bolivia's new leader spoke in La Paz. The Ministry of Foreign Affairs of "
        "Chile issued a note on Monday."
    )
    assert _first(resolve(text, "The Ministry")) == ("CHL", "GOV")
    # look-alike: a name with no 'of' country after it stays the story's
    text = "Bolivia held elections. Bolivia's new leader spoke in La Paz. The Ministry of Foreign Affairs said more."
    assert _first(resolve(text, "The Ministry")) == ("BOL", "GOV")


def test_an_interior_minister_is_the_cabinet_and_the_police_are_police(resolve):
    # the minister sits in the government (GOV); the forces the ministry commands are COP
    text = "Peruvian Interior Minister Luis Vega signed a border accord with Chile."
    assert _first(resolve(text, "Peruvian Interior Minister Luis Vega")) == ("PER", "GOV")
    text = "Peruvian police officers detained three Chilean smugglers at the border."
    assert _first(resolve(text, "Peruvian police officers")) == ("PER", "COP")


def test_an_organ_an_international_body_owns_is_igo(resolve):
    # a council or committee of an international organisation is that organisation's, not a state's
    text = "NATO's Military Committee criticised Russia on Monday."
    assert _first(resolve(text, "NATO's Military Committee")) == ("NATO", "IGO")
    # a state's organ keeps the sector of its head noun
    text = "Chile's National Congress criticised Peru on Monday."
    assert _first(resolve(text, "Chile's National Congress")) == ("CHL", "LEG")

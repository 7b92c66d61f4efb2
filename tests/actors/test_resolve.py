"""Each actor rule on its own: gazetteer, titles and appositions, demonyms, coreference.

The sentences here are written for these tests; none is taken from the evaluation set.
"""

import datetime as dt

import pytest
from spacy.tokens import Span

from dyad.actors.gazetteer import load_gazetteer
from dyad.actors.resolve import ActorResolver


@pytest.fixture(scope="module")
def resolve(pipeline):
    def _resolve(text: str, word: str, occurrence: int = 0, day: dt.date | None = None):
        doc = pipeline.nlp(text)
        resolver = ActorResolver(doc, load_gazetteer(), day)
        token = [t for t in doc if t.text == word][occurrence]
        return resolver.resolve(token)

    return _resolve


def _summary(entities):
    return [(e.country, e.sector) for e in entities]


def test_gazetteer_people_and_organisations(resolve):
    assert _summary(resolve("Lukashenko praised Cuba.", "Lukashenko")) == [("BLR", "GOV")]
    assert _summary(resolve("The FAR held drills near Havana.", "FAR")) == [("CUB", "MIL")]
    [belta] = resolve("BelTA reported the visit.", "BelTA")
    assert (belta.name, belta.country, belta.sector, belta.resolved_by) == ("BelTA", "BLR", "MED", "gazetteer")


def test_title_rule_for_unknown_people(resolve):
    [minister] = resolve("Belarusian Industry Minister Pavel Gromyko visited Havana.", "Gromyko")
    assert (minister.country, minister.sector, minister.resolved_by) == ("BLR", "GOV", "title")


def test_apposition_with_an_organisation_takes_its_sector(resolve):
    [person] = resolve("Anna Zhukova, head of the youth wing of the Belaya Rus party, met Cuban students.", "Zhukova")
    assert (person.country, person.sector) == ("BLR", "PTY")


def test_demonym_and_group_noun(resolve):
    [students] = resolve("Cuban students protested at universities.", "students")
    assert (students.text, students.country, students.sector, students.name) == ("Cuban students", "CUB", "EDU", None)
    [government] = resolve("The Venezuelan government condemned the sanctions.", "government")
    assert (government.country, government.sector) == ("VEN", "GOV")


def test_capitals_stand_for_their_governments(resolve):
    assert _summary(resolve("Havana and Minsk signed a protocol.", "Havana")) == [("CUB", "GOV"), ("BLR", "GOV")]


def test_coreference_to_an_earlier_mention(resolve):
    text = "Alexander Lukashenko arrived in Havana. The Belarusian leader praised Cuba, and he thanked Díaz-Canel."
    [leader] = resolve(text, "leader")
    assert (leader.name, leader.resolved_by) == ("Alexander Lukashenko", "coref")
    [pronoun] = resolve(text, "he")
    assert pronoun.name == "Alexander Lukashenko"


def test_surname_refers_back_to_a_titled_newcomer(resolve):
    text = "Belarusian Industry Minister Viktor Petrenko flew to Caracas. Petrenko praised the Venezuelan army."
    [later] = resolve(text, "Petrenko", occurrence=1)
    assert (later.country, later.sector, later.resolved_by) == ("BLR", "GOV", "coref")


def test_roles_are_taken_on_the_event_date():
    gazetteer = load_gazetteer()
    person = gazetteer.find("Olga Chemodanova")
    assert person is not None and person.country == "BLR"
    sectors = {role.sector for role in person.roles}
    assert "PTY" in sectors


def test_a_person_acts_for_the_country_of_the_role_held_that_day(resolve):
    text = "Mark Rutte opened the debate."
    assert _summary(resolve(text, "Rutte", day=dt.date(2022, 3, 1))) == [("NLD", "GOV")]
    assert _summary(resolve(text, "Rutte", day=dt.date(2025, 3, 1))) == [("NATO", "IGO")]


def test_a_determiner_parsed_apart_from_its_name_resolves_to_the_name(resolve):
    assert _summary(resolve("The OAS meeting ended without agreement.", "The")) == [("OAS", "IGO")]


def test_conjoined_demonyms_share_the_head_noun(resolve):
    text = "Venezuelan and Nicaraguan farmers blocked the highway near the border."
    farmers = resolve(text, "farmers")
    assert [(e.text, e.country, e.sector) for e in farmers] == [
        ("Venezuelan farmers", "VEN", "CVL"),
        ("Nicaraguan farmers", "NIC", "CVL"),
    ]
    assert _summary(resolve(text, "Nicaraguan")) == [("NIC", "CVL"), ("VEN", "CVL")]
    armies = resolve("The Venezuelan and Bolivian armies held joint drills.", "armies")
    assert _summary(armies) == [("VEN", "MIL"), ("BOL", "MIL")]


def test_multiword_group_nouns_win_over_their_last_word(resolve):
    assert _summary(resolve("Bolivian riot police dispersed the march.", "police")) == [("BOL", "COP")]
    assert _summary(resolve("Russian state media praised the decision.", "media")) == [("RUS", "MED")]
    minister = resolve("The visitors included the Iranian deputy defence minister.", "minister")
    assert _summary(minister) == [("IRN", "MIL")]


def test_a_demonym_whose_noun_the_parser_misplaces_still_finds_it(resolve):
    [television] = resolve("Peruvian state television broadcast the speech live.", "Peruvian")
    assert (television.text, television.country, television.sector) == ("Peruvian state television", "PER", "MED")


def test_unlisted_bodies_named_with_of_take_the_sector_of_the_whole_name(resolve):
    [health] = resolve("The Nicaraguan Ministry of Health opened two clinics.", "Ministry")
    assert (health.country, health.sector, health.name) == ("NIC", "HLH", None)
    [interior] = resolve("The Bolivian Ministry of Interior deployed police to the border.", "Ministry")
    assert (interior.country, interior.sector) == ("BOL", "COP")  # read as "interior ministry"
    assert _summary(resolve("The Iranian Chamber of Commerce welcomed the decision.", "Chamber")) == [("IRN", "BUS")]


def test_members_of_a_named_body_are_that_body(resolve):
    assert _summary(resolve("Soldiers of the Belarusian army crossed the river.", "Soldiers")) == [("BLR", "MIL")]
    assert _summary(resolve("Employees of ETECSA went on strike.", "Employees")) == [("CUB", "BUS")]
    assert _summary(resolve("Troops of the CSTO arrived in Minsk.", "Troops")) == [("CSTO", "IGO")]
    # a country is no body: the head noun keeps its sector
    officers = resolve("Officers from Venezuela trained with Russian instructors.", "Officers")
    assert _summary(officers) == [("VEN", "MIL")]


def test_a_demonym_on_a_delegation_is_the_country_not_its_people(resolve):
    assert _summary(resolve("A Venezuelan delegation arrived in Minsk on Tuesday.", "delegation")) == [("VEN", "GOV")]


def test_a_definite_organisation_noun_refers_to_the_last_organisation_that_fits(resolve):
    [paper] = resolve("Granma published the statement. The newspaper said the harvest was good.", "newspaper")
    assert (paper.name, paper.country, paper.sector, paper.resolved_by) == ("Granma", "CUB", "MED", "coref")
    ministry = resolve("The MININT arrested four men. The ministry said they were smugglers.", "ministry")
    assert _summary(ministry) == [("CUB", "COP")]
    assert resolve("Prensa Latina reported the talks. The party said nothing.", "party") == []


def test_subject_it_refers_to_the_last_organisation_unless_expletive(resolve):
    [pronoun] = resolve("The CSTO approved the budget. It also elected a new secretary.", "It")
    assert (pronoun.country, pronoun.sector, pronoun.resolved_by) == ("CSTO", "IGO", "coref")
    assert resolve("The CSTO approved the budget. It is expected that spending will grow.", "It") == []
    text = "The CSTO approved the budget. Minsk welcomed the plan. Prices rose. It was built in 1970."
    assert resolve(text, "It") == []  # too far back to be the body


def test_his_ally_is_another_person_than_the_possessor(resolve):
    text = "Vladimir Putin phoned Lukashenko on Friday. The Russian president thanked his ally for the support."
    [ally] = resolve(text, "ally")
    assert (ally.name, ally.resolved_by) == ("Alexander Lukashenko", "coref")


def test_a_body_attached_to_the_name_gives_the_title_its_country(resolve):
    text = "Colonel Ivan Petrov of the Russian Navy inspected the port. The colonel praised the crews."
    [petrov] = resolve(text, "Petrov")
    assert (petrov.country, petrov.sector, petrov.resolved_by) == ("RUS", "MIL", "title")
    [colonel] = resolve(text, "colonel")
    assert (colonel.name, colonel.resolved_by) == ("Ivan Petrov", "coref")
    text = "Major Carlos Ruiz, commander of the eastern garrison of Venezuela, inspected the troops."
    [major] = resolve(text, "Ruiz")
    assert (major.country, major.sector) == ("VEN", "MIL")  # country from the nested "of Venezuela"


def test_a_titled_description_refers_back_only_to_a_person_of_that_sector(resolve):
    text = "Putin met Lukashenko. The Russian defence minister praised the harvest."
    [minister] = resolve(text, "minister")
    assert (minister.name, minister.country, minister.sector) == (None, "RUS", "MIL")
    [leader] = resolve("Putin met Lukashenko. The Russian leader praised the harvest.", "leader")
    assert leader.name == "Vladimir Putin"
    [doctors] = resolve("Lukashenko met Díaz-Canel. Cuban doctors praised the harvest.", "doctors")
    assert (doctors.name, doctors.sector) == (None, "HLH")  # a plural is never one person


def test_an_organisation_name_cut_before_its_of_part_runs_on(pipeline):
    doc = pipeline.nlp("The Peruvian Ministry of Health opened two clinics.")
    doc.set_ents([Span(doc, 1, 3, label="ORG")], default="outside")  # the model stops at "Ministry"
    [ministry] = ActorResolver(doc, load_gazetteer()).resolve(doc[2])
    assert (ministry.name, ministry.country, ministry.sector) == ("Peruvian Ministry of Health", "PER", "HLH")


def test_bodies_without_a_country_belong_to_the_story(resolve):
    text = "Power cuts hit Cuba again. Cuban officials blamed the heat, and police arrested four people in Havana."
    [police] = resolve(text, "police")
    assert (police.country, police.sector, police.resolved_by) == ("CUB", "COP", "context")
    [court] = resolve("A court in Managua sentenced the priest on Tuesday.", "court")
    assert (court.country, court.sector) == ("NIC", "JUD")


def test_officials_named_by_title_alone_are_the_storys(resolve):
    text = "Nicaragua signed a port deal with China. Transport Minister Julio Castellón called it historic."
    [minister] = resolve(text, "Castellón")
    assert (minister.country, minister.sector) == ("NIC", "GOV")


def test_a_delegation_gives_its_country_to_its_leader(resolve):
    text = "A Chinese government delegation led by Vice Minister of Commerce Liu Zhenyu arrived in Managua."
    found = resolve(text, "delegation")
    assert (found[0].country, found[0].sector) == ("CHN", "GOV")
    assert all(e.country == "CHN" for e in found)


def test_a_spokesman_speaks_for_his_principal(resolve):
    [spokesman] = resolve("A spokesman for the Kremlin rejected the report.", "spokesman")
    assert (spokesman.country, spokesman.sector) == ("RUS", "GOV")


def test_counted_people_are_the_people(resolve):
    found = resolve("Tens of thousands of Nicaraguans marched against the government.", "thousands")
    assert _summary(found) == [("NIC", "CVL")]


def test_it_can_be_a_country_just_named(resolve):
    text = "ALBA demanded that the United States lift the sanctions it has imposed on Venezuela."
    [it] = resolve(text, "it")
    assert it.country == "USA"


def test_the_spokesman_is_the_one_introduced_before(resolve):
    text = "A spokesman for the Kremlin spoke on Monday. The spokesman warned NATO."
    [later] = resolve(text, "spokesman", occurrence=1)
    assert later.country == "RUS"


def test_an_acronym_the_article_defines_beats_the_gazetteers(resolve):
    text = "Sudan's army fought the paramilitary Rapid Support Forces (RSF) in El Fasher. The RSF denied it."
    [rsf] = resolve(text, "RSF", occurrence=1)
    assert (rsf.name, rsf.country, rsf.sector) == ("Rapid Support Forces", "SDN", "REB")


def test_a_body_placed_somewhere_takes_that_place(resolve):
    [government] = resolve("The government in Port Sudan boycotted the session.", "government")
    assert (government.country, government.sector) == ("SDN", "GOV")


def test_a_leader_belongs_to_the_body_he_heads(resolve):
    text = (
        "Kim Jong Un received a delegation of the Russian Defence Ministry headed by Deputy Minister "
        "Viktor Goremykin in Pyongyang. Goremykin thanked North Korea."
    )
    [later] = resolve(text, "Goremykin", occurrence=1)
    assert later.country == "RUS"

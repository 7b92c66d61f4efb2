"""Each actor rule on its own: gazetteer, titles and appositions, demonyms, coreference."""

import pytest

from dyad.actors.gazetteer import load_gazetteer
from dyad.actors.resolve import ActorResolver


@pytest.fixture(scope="module")
def resolve(pipeline):
    def _resolve(text: str, word: str, occurrence: int = 0):
        doc = pipeline.nlp(text)
        resolver = ActorResolver(doc, load_gazetteer())
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

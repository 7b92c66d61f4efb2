"""Actors the gazetteer lacks or names only in part, resolved from the story around them:
demonyms of every form, monarchs on second mention, offices of a country, bodies and
pronouns that point back to the speaker just named.

Sentences are written for these tests; people and bodies are invented unless they are in
the gazetteer.
"""

from dyad.actors.gazetteer import load_gazetteer
from dyad.actors.resolve import ActorResolver
from tests.helpers import country_and_sector as _first


def test_stani_demonyms_name_their_country(resolve):
    gazetteer = load_gazetteer()
    for word, code in [("Tajikistani", "TJK"), ("Kyrgyzstani", "KGZ"), ("Turkmenistani", "TKM")]:
        assert gazetteer.country_code(word) == code, word
    text = "Moscow denied the claim on Monday, but the Tajikistani ministry said it had delivered a note of protest."
    assert _first(resolve(text, "the Tajikistani ministry")) == ("TJK", "GOV")


def test_a_monarch_on_second_mention_is_the_monarch_named_first(resolve):
    text = (
        "Prime Minister Keir Starmer welcomed King Abdullah II of Jordan to London on Monday. "
        "Later the Prime Minister praised King Abdullah for his support."
    )
    assert _first(resolve(text, "King Abdullah", occurrence=1)) == ("JOR", "GOV")
    # a king of another name is not taken for him
    text = "King Abdullah II of Jordan met British officials. King Charles hosted a dinner for the guests."
    assert resolve(text, "King Charles") == [] or _first(resolve(text, "King Charles"))[0] != "JOR"


def test_a_country_before_affairs_is_the_offices_remit_not_its_owner(resolve):
    text = "Li Wenbo, spokesperson for China's Taiwan Affairs Office, said the visit was a provocation."
    assert _first(resolve(text, "Li Wenbo")) == ("CHN", "GOV")
    text = "The spokesperson for China's Taiwan Affairs Office said the drills would start on Monday."
    assert _first(resolve(text, "spokesperson")) == ("CHN", "GOV")
    # the owner before it still counts: Taiwan's own council for mainland affairs
    assert _first(resolve("Taiwan's Mainland Affairs Council said the drills were a threat.", "Council")) == (
        "TWN",
        "GOV",
    )


def test_an_office_of_an_unnamed_state_body_follows_the_state_that_spoke_last(resolve):
    # Taiwan is named most, but the office belongs to the state whose spokesperson spoke
    text = (
        "BEIJING, May 3 (Wire) -- A Chinese spokesperson on Friday said the stopover of Taiwan leader "
        "Lai Ching-te was a provocation by Taiwan and the United States. Li Wenbo, spokesperson for the "
        "Taiwan Affairs Office, said the island's separatists would fail."
    )
    assert _first(resolve(text, "Li Wenbo")) == ("CHN", "GOV")


def test_the_foreign_ministry_is_the_speaking_states_not_the_most_named(resolve):
    text = (
        "Spain on Monday criticised Moroccan troop moves near the border. "
        '"Morocco has broken its word. We reject this," the Foreign Ministry said. '
        "The ministry called on Morocco to pull back. Morocco said Morocco would respond."
    )
    assert _first(resolve(text, "the Foreign Ministry")) == ("ESP", "GOV")
    assert _first(resolve(text, "The ministry")) == ("ESP", "GOV")
    # with no state speaking before it, the story's country still decides
    text = "MADRID, May 4 (Wire) - The Foreign Ministry said the talks with Morocco would resume."
    assert _first(resolve(text, "The Foreign Ministry")) == ("ESP", "GOV")


def _pronouns(pipeline, text):
    doc = pipeline.nlp(text)
    resolver = ActorResolver(doc, load_gazetteer())
    return [[(e.country, e.sector) for e in resolver.resolve(t)] for t in doc if t.lower_ == "it"]


def test_it_under_a_speaking_body_is_that_body(pipeline):
    # the country named between the body and the pronoun is not what 'it' points to
    text = (
        "Israeli jets hit targets in Lebanon overnight. The army said it had also struck depots near the "
        "Syrian border, where it accused the militia of hiding rockets."
    )
    assert _pronouns(pipeline, text) == [[("ISR", "MIL")], [("ISR", "MIL")]]
    # a person who speaks is not 'it'
    text = "Foreign Minister Sergei Lavrov said on Monday that it was too early to judge the plan."
    assert _pronouns(pipeline, text) == [[]]


def test_a_facility_on_a_countrys_territory_is_that_countrys(resolve):
    # 'on Peruvian soil' places the refinery as surely as 'in Peru'
    text = "Rebels attacked a refinery on Peruvian soil on Sunday."
    assert _first(resolve(text, "a refinery")) == ("PER", "BUS")
    text = "Rebels attacked a refinery on Chilean territory on Sunday."
    assert _first(resolve(text, "a refinery")) == ("CHL", "BUS")


def test_on_a_topic_is_no_place(resolve):
    # 'on' with no territory noun is what a thing is about or where it is listed, not a place
    text = "Rebels attacked a refinery on the Peruvian list of strategic sites."
    assert all(e.country != "PER" for e in resolve(text, "a refinery"))

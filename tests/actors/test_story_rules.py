"""Rules that read the whole story around an actor the gazetteer lacks: which country the
story is about, the other side of a counterpart, groups placed by what they do, and the
president or nation a definite phrase points to.

Sentences are written for these tests; people and bodies are invented unless they are in
the gazetteer.
"""

from tests.helpers import country_and_sector as _first


def test_a_topic_country_does_not_make_the_story_its_own(resolver, resolve):
    text = (
        "Beijing warned on Monday against Taiwan independence. The Taiwan question is China's own affair "
        "and the Taiwan issue admits no meddling, the statement said. Police detained two men."
    )
    assert resolver(text).home_country == "CHN"
    assert _first(resolve(text, "Police")) == ("CHN", "COP")


def test_a_country_that_acts_still_counts(resolver):
    # the same names as actors, not topics: the story is Taiwan's
    text = (
        "Beijing warned on Monday against new arms sales. Taiwan rejected the warning, and Taiwan's "
        "government said Taiwanese officials would attend the talks."
    )
    assert resolver(text).home_country == "TWN"


def test_a_counterpart_marks_the_other_side(resolve):
    text = (
        "Greek officials said Greece was ready for the summit. Foreign Minister Andreas Kallis met his Greek "
        "counterpart Petros Vlachos in Athens on Monday, and Cyprus and Greece agreed to meet again."
    )
    assert _first(resolve(text, "Andreas Kallis")) == ("CYP", "GOV")
    text = (
        "Greek officials said Greece was ready for the summit. Defence Minister Andreas Kallis hosted his "
        "Cypriot guest in Athens on Monday, and Cyprus and Greece agreed to meet again."
    )
    assert _first(resolve(text, "Andreas Kallis")) == ("GRC", "MIL")


def test_a_counterpart_of_someone_else_leaves_the_story_country(resolve):
    # 'his' is Vlachos's here, not Kallis's: Kallis stays the story's own
    text = (
        "Greek officials said Greece was ready for the summit. Foreign Minister Andreas Kallis said Petros "
        "Vlachos would meet his Cypriot counterpart, and Cyprus and Greece agreed to meet again."
    )
    assert _first(resolve(text, "Andreas Kallis")) == ("GRC", "GOV")


def test_the_nation_a_speaker_addresses_is_the_speakers_own(resolve):
    text = "Pakistan denied any role. On Friday Prime Minister Narendra Modi, in a speech to the nation, vowed revenge."
    assert _first(resolve(text, "nation")) == ("IND", "GOV")
    text = "Pakistan denied any role. In a speech to the nation, Narendra Modi vowed revenge."
    assert _first(resolve(text, "nation")) == ("IND", "GOV")
    # not addressed by anyone: the country just named
    text = "Pakistan denied any role, and the nation is angry, Narendra Modi said."
    assert _first(resolve(text, "nation")) == ("PAK", "GOV")


def test_people_a_state_frees_or_jails_are_that_states(resolve):
    text = (
        "The United States welcomed the move. Last year Nicaragua freed 222 priests, students and "
        "activists, who flew to the United States."
    )
    assert {e.country for e in resolve(text, "students")} == {"NIC"}
    text = "The United States protested. Students were detained by Nicaraguan police on Monday in Managua."
    assert _first(resolve(text, "Students")) == ("NIC", "EDU")
    # students who only protest stay where the story is
    text = "The United States listened. Students marched on Monday, and the United States said it would listen."
    assert _first(resolve(text, "Students")) == ("USA", "EDU")


def test_armed_groups_take_the_country_they_fight_in(resolve):
    text = "Rwanda rejected the claim on Monday while the M23 armed group kept moving towards Uvira."
    assert _first(resolve(text, "group")) == ("COD", "REB")
    text = "Israel said on Monday that Hezbollah had fired rockets across the border."
    assert _first(resolve(text, "Hezbollah")) == ("LBN", "REB")
    # a Russian private army acts for Russia wherever it fights
    text = "Mali's junta denied the report, as the Wagner group pressed ahead with its operations in Mali."
    assert _first(resolve(text, "group")) == ("RUS", "MIL")
    # the Palestinian armed groups and the Taliban by name, with no country word beside them
    text = "Egypt said on Monday that Hamas and Islamic Jihad had agreed to the truce."
    assert _first(resolve(text, "Hamas")) == ("PSE", "REB")
    assert _first(resolve(text, "Jihad")) == ("PSE", "REB")
    text = "Qatar said on Monday that the Taliban had seized the town."
    assert _first(resolve(text, "Taliban")) == ("AFG", "REB")


def test_the_president_is_the_last_titled_one_not_the_last_speaker(resolve):
    text = (
        "Mexico offered asylum to Peru's ousted President Luis Vargas on Monday. Mexican Ambassador Pablo "
        "Ruiz said Mexico would take him in. The Peruvian Supreme Court later had the president arrested."
    )
    assert _first(resolve(text, "president")) == ("PER", "GOV")
    # with no other cue, the president who leads the clause
    text = (
        "President Luis Vargas of Peru met President Jorge Mena of Chile in Lima. The president said the "
        "talks went well."
    )
    assert _first(resolve(text, "president")) == ("PER", "GOV")


def test_the_president_of_the_country_the_sentence_names(resolve):
    text = (
        "Peru's President Luis Vargas met Chile's President Jorge Mena in Lima on Monday. Later a Chilean "
        "court summoned the president."
    )
    assert _first(resolve(text, "president")) == ("CHL", "GOV")


def test_an_office_named_by_its_body_alone_is_that_bodys(resolve):
    text = "The chairman of the National Assembly of Cuba received the delegation from Vietnam."
    assert _first(resolve(text, "chairman")) == ("CUB", "LEG")
    text = "The Chairman of Cuba's National Assembly received the delegation from Vietnam."
    assert _first(resolve(text, "Chairman")) == ("CUB", "LEG")
    # a country after 'of' is the group rule's: a head of state, not a body's officer
    text = "The president of Venezuela received the delegation from Vietnam."
    assert _first(resolve(text, "president")) == ("VEN", "GOV")


def test_a_country_given_later_beats_the_storys_country_guessed_first(resolve):
    text = (
        "Prime Minister Ram Karki arrived in New Delhi on Monday. India said the visit was welcome, and "
        "Indian officials praised Karki. Nepal's Prime Minister Ram Karki said ties were strong."
    )
    assert _first(resolve(text, "Ram Karki")) == ("NPL", "GOV")
    assert _first(resolve(text, "Karki", 1)) == ("NPL", "GOV")


def test_a_titled_name_the_model_misses_is_remembered_by_surname(resolve):
    text = (
        "Indian NSA Vijay Rawal flew to Beijing on Monday. China said the talks on China's border would go "
        "well. Chinese officials met Rawal on Tuesday."
    )
    assert _first(resolve(text, "Rawal", 1)) == ("IND", "GOV")


def test_a_group_named_without_a_country_takes_where_it_acts(resolve):
    lead = "Russia sent more troops on Monday, and Russia said Russian forces would stay. "
    text = lead + "Mali had relied on them against insurgents who have seized towns across the country."
    assert _first(resolve(text, "insurgents")) == ("MLI", "REB")
    text = lead + "Insurgents have killed thousands in Mali since 2012."
    assert _first(resolve(text, "Insurgents")) == ("MLI", "REB")
    # nothing says where they act: the story's own country
    text = lead + "Insurgents have killed thousands since 2012."
    assert _first(resolve(text, "Insurgents")) == ("RUS", "REB")


def test_a_peer_met_under_the_same_title_is_of_another_country(resolve):
    lead = "India said the visit went well. "
    met = " Ram Karki held talks with Narendra Modi, Prime Minister of India, in New Delhi."
    tail = " Nepal and India signed deals. India praised the talks."
    text = lead + "Prime Minister Mr." + met + tail
    assert _first(resolve(text, "Ram Karki")) == ("NPL", "GOV")
    # another office: nothing says he is not the story's own
    text = lead + "Foreign Minister" + met + tail
    assert _first(resolve(text, "Ram Karki")) == ("IND", "GOV")


STANDOFF = (
    "Chile has recalled its envoy from Peru, the Chilean government said. Chile accused Peru of harbouring smugglers. "
)


def test_an_official_known_by_a_bare_title_belongs_to_the_body_that_reports_him(resolve):
    # the story is Chile's, but the Peruvian ministry reports on its own minister
    text = (
        STANDOFF + "The Peruvian Foreign Ministry issued a statement saying that Minister Juan Soto summoned the envoy."
    )
    assert _first(resolve(text, "Minister Juan Soto")) == ("PER", "GOV")
    text = STANDOFF + "The Peruvian government said that Minister Juan Soto had summoned the envoy."
    assert _first(resolve(text, "Minister Juan Soto")) == ("PER", "GOV")


def test_media_that_report_an_official_do_not_give_him_their_country(resolve):
    # newspapers report on anyone's ministers: the story's country stays
    text = STANDOFF + "Peruvian media said that Minister Juan Soto had summoned the envoy."
    assert _first(resolve(text, "Minister Juan Soto")) == ("CHL", "GOV")

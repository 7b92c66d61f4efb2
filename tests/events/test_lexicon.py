"""The trigger lexicon (src/dyad/events/data/en/triggers.yaml) on invented wire sentences:
each common news phrasing codes its type and dyad, and look-alike phrasings code nothing."""

from __future__ import annotations

import pytest

from tests.helpers import code_text, find


def _code(pipeline, sentence: str):
    return code_text(pipeline, f"News\n\nCAPITAL, June 2 (Wire) - {sentence}", published="2025-06-03")


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Ghana struck a deal with Nigeria on gas supplies on Monday.", "SUPPORT", {"GHA", "NGA"}),
        ("The hostages were freed under an agreement between Qatar and Israel.", "SUPPORT", {"QAT", "ISR"}),
        ("The Thai prime minister paid a visit to Cambodia last week.", "CONSULT", {"THA", "KHM"}),
        ("Indian officers attended the drills as observers at the invitation of Dhaka.", "CONSULT", {"IND", "BGD"}),
        ("Moldova asked the EU to send election observers.", "REQUEST", {"MDA", "EU"}),
        ("Guyana filed a complaint against Venezuela at the International Court of Justice.", "ACCUSE", {"GUY", "VEN"}),
        ("Vietnam dismissed the Chinese statement as a fabrication on Monday.", "ACCUSE", {"VNM", "CHN"}),
        ("Dozens of activists gathered outside the Russian embassy on Monday.", "PROTEST", {"RUS"}),
        ("Rwandan officers will train and advise units of the Burundian army.", "AGREE", {"RWA", "BDI"}),
        ("Russian officers advised the Malian army on Monday.", "COOPERATE", {"RUS", "MLI"}),
        # SUPPORT: approval of another's act, taking sides, concluded deals
        (
            "The Georgian foreign minister welcomed Russia's decision to lift the ban on flights.",
            "SUPPORT",
            {"GEO", "RUS"},
        ),
        ("Algeria threw its weight behind Tunisia in the dispute on Monday.", "SUPPORT", {"DZA", "TUN"}),
        ("Vietnam and Laos reached an agreement on border demarcation on Monday.", "SUPPORT", {"VNM", "LAO"}),
        # CONSULT: calls received, visits begun, contacts kept, views exchanged, mediation
        (
            "Uruguay's president received a telephone call from the Argentine president on Monday.",
            "CONSULT",
            {"URY", "ARG"},
        ),
        ("Iran's oil minister began an official visit to Nicaragua on Thursday.", "CONSULT", {"IRN", "NIC"}),
        ("Russia maintained intense contacts with the Cuban authorities last week.", "CONSULT", {"RUS", "CUB"}),
        ("Qatar and Egypt exchanged views on the crisis in Gaza on Monday.", "CONSULT", {"QAT", "EGY"}),
        # Hamas is a named party (PSE) since organisations.yaml lists it
        ("The talks were held under Qatar's mediation between Israel and Hamas.", "CONSULT", {"QAT", "ISR", "PSE"}),
        # COOPERATE / AID
        ("Turkey extradited two suspects to Germany on Monday.", "COOPERATE", {"TUR", "DEU"}),
        ("Saudi Arabia airlifted 40 tonnes of food to Sudan on Monday.", "AID", {"SAU", "SDN"}),
        ("Venezuela received a shipment of fuel from Iran on Monday.", "AID", {"IRN", "VEN"}),
        # REQUEST / ACCUSE / REJECT
        ("Pakistan lobbied Washington to reconsider the tariffs on Monday.", "REQUEST", {"PAK", "USA"}),
        ("Kenya blasted Tanzania for closing the border on Monday.", "ACCUSE", {"KEN", "TZA"}),
        ("The Chinese foreign ministry hit out at Canada on Monday.", "ACCUSE", {"CHN", "CAN"}),
        ("Islamabad dismissed New Delhi's move to halt the water-sharing pact on Monday.", "REJECT", {"PAK", "IND"}),
        ("Hungary blocked the EU resolution on Ukraine on Monday.", "REJECT", {"HUN", "EU"}),
        # PROTEST
        ("Thousands of Kenyan farmers took part in the protests against the tax on Monday.", "PROTEST", {"KEN"}),
        ("Thousands of Georgian students held a rally outside parliament on Monday.", "PROTEST", {"GEO"}),
        ("Armenia's boycott of the CSTO summit angered Moscow.", "PROTEST", {"ARM", "CSTO"}),
        # SANCTION: closed crossings, tariffs, frozen membership, walking out of a deal
        ("Lithuania closed two checkpoints on the border with Belarus on Monday.", "SANCTION", {"LTU", "BLR"}),
        ("Canada slapped tariffs on Chinese steel on Monday.", "SANCTION", {"CAN", "CHN"}),
        ("Armenia froze its participation in the CSTO on Monday.", "SANCTION", {"ARM", "CSTO"}),
        ("The United States withdrew from the nuclear deal with Iran in 2018.", "SANCTION", {"USA", "IRN"}),
        ("The U.S. sanctions on Venezuela were extended on Monday.", "SANCTION", {"USA", "VEN"}),
        # MOBILIZE / COERCE / ASSAULT
        ("Nicaragua's ruling party called up reservists on Monday.", "MOBILIZE", {"NIC"}),
        ("Russian police held 300 Tajik migrants in custody at the airport on Monday.", "COERCE", {"RUS", "TJK"}),
        ("Turkish forces captured the Syrian town of Afrin on Monday.", "COERCE", {"TUR", "SYR"}),
        ("Israeli troops opened fire on Palestinian protesters on Monday.", "ASSAULT", {"ISR", "PSE"}),
        ("Pakistani troops fired on Indian positions along the Line of Control on Monday.", "ASSAULT", {"PAK", "IND"}),
        # RETREAT / CONCEDE
        ("The Peruvian prime minister resigned on Monday.", "RETREAT", {"PER"}),
        ("Ukraine and Russia swapped 200 prisoners on Monday.", "RETREAT", {"UKR", "RUS"}),
        ("Nigeria reopened its borders with Niger on Monday.", "CONCEDE", {"NGA", "NER"}),
        # round 2: sanctions named with their imposer, hard measures, material acts
        ("Cuba condemned the U.S. embargo on Cuba on Monday.", "SANCTION", {"USA", "CUB"}),
        ("Washington hit Caracas with new sanctions on Monday.", "SANCTION", {"USA", "VEN"}),
        ("Japan broadened its sanctions on Russia on Monday.", "SANCTION", {"JPN", "RUS"}),
        ("Bolivia renounced its extradition treaty with Peru on Monday.", "SANCTION", {"BOL", "PER"}),
        ("A Russian court handed down a ten-year sentence to a Ukrainian sailor.", "SANCTION", {"RUS", "UKR"}),
        ("Ankara removed Sweden from its list of countries under review on Monday.", "CONCEDE", {"TUR", "SWE"}),
        ("Washington exempted Mexico from the steel tariffs on Monday.", "CONCEDE", {"USA", "MEX"}),
        ("Ethiopia and Eritrea resumed diplomatic relations on Monday.", "SUPPORT", {"ETH", "ERI"}),
        ("Serbia and Kosovo finalized an agreement on license plates on Monday.", "SUPPORT", {"SRB", "XKX"}),
        ("Oman hosted talks between Iran and the United States on Monday.", "CONSULT", {"OMN", "IRN", "USA"}),
        ("Brazil transferred ten tanks to Uruguay on Monday.", "AID", {"BRA", "URY"}),
        ("Kenyan police arrived in Haiti on Monday.", "MOBILIZE", {"KEN", "HTI"}),
        ("Armenian troops vacated their positions near the Azerbaijani border on Monday.", "RETREAT", {"ARM"}),
        ("Russian forces carried out airstrikes on Syrian rebel positions on Monday.", "ASSAULT", {"RUS", "SYR"}),
        ("Iranian forces boarded a Greek tanker in the Gulf on Monday.", "COERCE", {"IRN", "GRC"}),
        ("Malian soldiers staged a coup in Bamako on Monday.", "COERCE", {"MLI"}),
        ("Hundreds of Pakistani protesters burned Indian flags in Lahore on Monday.", "PROTEST", {"PAK", "IND"}),
    ],
)
def test_trigger_lexicon_codes(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Iran struck a deal with Russia on grain exports on Monday.", "ASSAULT"),
        ("Ministers from Chile and Peru gathered in Lima on Monday.", "PROTEST"),
        ("The Kazakh minister asked the question twice on Monday.", "REQUEST"),
        ("Belarus dismissed as fabrications reports that it supplied drones to Iran.", "ACCUSE"),
        ("Belarusian and Russian troops attended the drills near Brest on Monday.", "CONSULT"),
        ("The Georgian president paid the fine on Monday.", "CONSULT"),
        # a candidate's rally is no protest; a fired officer, a launched phone, a hit post no attack
        ("Brazil's president held a rally in Sao Paulo on Monday.", "PROTEST"),
        ("Brazil's president held a rally in Sao Paulo on Monday.", "ACCUSE"),
        ("The Kenyan police chief fired the officer who leaked the report.", "ASSAULT"),
        ("A South Korean company launched a new phone in Seoul on Monday.", "ASSAULT"),
        ("A South Korean company launched a new phone in Seoul on Monday.", "MOBILIZE"),
        ("The Argentine striker hit the post twice against Brazil on Monday.", "ASSAULT"),
        ("Chilean students took part in the chess competition on Monday.", "PROTEST"),
        # closing a factory, cutting rates, raising a forecast are no sanctions
        ("The Chinese firm closed its factory in Vietnam on Monday.", "SANCTION"),
        ("Mexico's central bank cut interest rates on Monday.", "SANCTION"),
        ("Japan's economy ministry raised its growth forecast on Monday.", "SANCTION"),
        ("Japan's economy ministry raised its growth forecast on Monday.", "MOBILIZE"),
        # gifts exchanged, a budget adopted, an award received, a new year welcomed
        ("Iranian officials exchanged gifts with the visiting Omani delegation.", "RETREAT"),
        ("Ghana's parliament adopted the budget on Monday.", "SUPPORT"),
        ("The Egyptian minister received an award in Cairo on Monday.", "CONSULT"),
        ("The Georgian minister welcomed the new year with a speech in Tbilisi.", "SUPPORT"),
        ("The Indian army tested a new rifle on Monday.", "MOBILIZE"),
        # a bill's fine print, a torn-up letter, talks continued by nobody named, a coup's anniversary
        ("The Canadian minister read the fine print of the contract on Monday.", "SANCTION"),
        ("Thai officials carried out repairs on the bridge on Monday.", "ASSAULT"),
        ("The Chilean team boarded a flight to Lima on Monday.", "COERCE"),
        ("Bolivian students burned the midnight oil before exams.", "PROTEST"),
        ("Peru's president handed over the keys of the new hospital on Monday.", "RETREAT"),
        ("A Ghanaian company removed the old pipes from the plant on Monday.", "CONCEDE"),
    ],
)
def test_trigger_lexicon_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# Breadth: at least one phrasing per type and mode the broadened lexicon adds (verbs with
# particles, nominal triggers, adjectives), then look-alikes that share the word but not the act.
@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Ecuador and Peru reestablished diplomatic relations on Monday.", "SUPPORT", {"ECU", "PER"}),
        ("Hungary's foreign minister sympathized with Serbia on Monday.", "SUPPORT", {"HUN", "SRB"}),
        ("Poland rallied behind Lithuania in the dispute with Minsk on Monday.", "SUPPORT", {"LTU", "POL"}),
        ("Senegal sided with Gambia on Monday.", "SUPPORT", {"GMB", "SEN"}),
        ("Hungary aligned itself with Serbia on the Kosovo question on Monday.", "SUPPORT", {"HUN", "SRB"}),
        ("Turkey and Armenia mended ties on Monday.", "SUPPORT", {"ARM", "TUR"}),
        (
            "The Serbian president awarded a state medal to the Hungarian prime minister on Monday.",
            "SUPPORT",
            {"HUN", "SRB"},
        ),
        ("Uzbekistan entered into a defence pact with Kazakhstan on Monday.", "SUPPORT", {"KAZ", "UZB"}),
        ("Japan reopened its embassy in Syria on Monday.", "SUPPORT", {"JPN", "SYR"}),
        ("The Estonian prime minister sent condolences to Finland on Monday.", "SUPPORT", {"EST", "FIN"}),
        ("The Chinese envoy reassured Cambodia on Monday.", "AGREE", {"CHN", "KHM"}),
        ("Oman issued an invitation to the Iranian president on Monday.", "AGREE", {"IRN", "OMN"}),
        ("Angola declared its readiness to mediate between Rwanda and Congo on Monday.", "AGREE", {"AGO"}),
        ("Ghana is determined to work with Togo on border security, its president said.", "AGREE", {"GHA", "TGO"}),
        ("The Indonesian president stopped over in Singapore on Monday.", "CONSULT", {"IDN", "SGP"}),
        ("The Saudi foreign minister headed to Cairo on Monday.", "CONSULT", {"EGY", "SAU"}),
        ("The Kenyan president concluded his tour of Ethiopia on Monday.", "CONSULT", {"ETH", "KEN"}),
        ("Qatar brokered a deal between Russia and Ukraine on Monday.", "CONSULT", {"QAT", "RUS", "UKR"}),
        (
            "The Turkish foreign minister informed his Swedish counterpart of the decision on Monday.",
            "CONSULT",
            {"SWE", "TUR"},
        ),
        ("Chile and Argentina initiated talks on the glacier border on Monday.", "CONSULT", {"ARG", "CHL"}),
        (
            "Jordanian and Iraqi officials exchanged intelligence on smuggling networks on Monday.",
            "COOPERATE",
            {"IRQ", "JOR"},
        ),
        ("Kenya coordinated with Uganda on the border operation on Monday.", "COOPERATE", {"KEN", "UGA"}),
        ("Brazil joined forces with Argentina against cattle smuggling on Monday.", "COOPERATE", {"ARG", "BRA"}),
        ("Morocco hosted joint drills with the United States on Monday.", "COOPERATE", {"MAR", "USA"}),
        ("Bolivia exported gas to Brazil on Monday.", "COOPERATE", {"BOL", "BRA"}),
        ("Chad sheltered thousands of Sudanese refugees last year.", "AID", {"SDN", "TCD"}),
        ("The IMF bailed out Sri Lanka on Monday.", "AID", {"IMF", "LKA"}),
        ("The Japanese grant to Laos was announced on Monday.", "AID", {"JPN", "LAO"}),
        ("Ukraine pressured Germany to send more tanks on Monday.", "REQUEST", {"DEU", "UKR"}),
        ("Nepal repeated its call on India to open the border on Monday.", "REQUEST", {"IND", "NPL"}),
        ("The Philippine government excoriated China on Monday.", "ACCUSE", {"CHN", "PHL"}),
        ("Seoul railed against Tokyo's decision on Monday.", "ACCUSE", {"JPN", "KOR"}),
        ("Vietnam registered a protest with China on Monday.", "ACCUSE", {"CHN", "VNM"}),
        ("Azerbaijan pointed the finger at Armenia on Monday.", "ACCUSE", {"ARM", "AZE"}),
        ("Mexico's lawsuit against the United States was filed on Monday.", "ACCUSE", {"MEX", "USA"}),
        ("Greece opposed the Turkish plan on Monday.", "REJECT", {"GRC", "TUR"}),
        ("Israel ruled out talks with Hamas on Monday.", "REJECT", {"ISR", "PSE"}),
        ("Iran vowed revenge against Israel on Monday.", "THREATEN", {"IRN", "ISR"}),
        ("Ethiopia set a deadline for Eritrea on Monday.", "THREATEN", {"ERI", "ETH"}),
        ("China's threats against Taiwan grew on Monday.", "THREATEN", {"CHN", "TWN"}),
        ("Hundreds of Serbian students occupied the faculty in Belgrade on Monday.", "PROTEST", {"SRB"}),
        ("Thousands of Kenyan protesters chanted slogans outside parliament on Monday.", "PROTEST", {"KEN"}),
        ("Jailed Bahraini activists began a hunger strike on Monday.", "PROTEST", {"BHR"}),
        ("French unions called a strike on Monday.", "PROTEST", {"FRA"}),
        ("Greek protesters hurled stones at police in Athens on Monday.", "PROTEST", {"GRC"}),
        ("Mali ordered out the French ambassador on Monday.", "SANCTION", {"FRA", "MLI"}),
        ("Germany paused arms exports to Israel on Monday.", "SANCTION", {"DEU", "ISR"}),
        ("Washington rolled out new tariffs on Canada on Monday.", "SANCTION", {"CAN", "USA"}),
        ("An Iranian court upheld the sentence against a French citizen on Monday.", "SANCTION", {"FRA", "IRN"}),
        ("Saudi Arabia's travel ban on Lebanon was extended on Monday.", "SANCTION", {"LBN", "SAU"}),
        ("Poland bolstered its presence on the Belarusian border on Monday.", "MOBILIZE", {"POL"}),
        ("Chinese warships sailed through the Taiwan Strait on Monday.", "MOBILIZE", {"CHN"}),
        ("Russia recruited mercenaries in Syria last year.", "MOBILIZE", {"RUS"}),
        ("Belarusian police surrounded the Lithuanian embassy in Minsk on Monday.", "COERCE", {"BLR", "LTU"}),
        ("A Russian court liquidated the Norwegian foundation on Monday.", "COERCE", {"NOR", "RUS"}),
        ("Iranian agents ransacked the Saudi embassy in Tehran in 2016.", "COERCE", {"IRN", "SAU"}),
        ("Russian troops advanced on the Ukrainian town of Pokrovsk on Monday.", "ASSAULT", {"RUS", "UKR"}),
        ("Somali militants planted a bomb near the Kenyan border post on Monday.", "ASSAULT", {"SOM"}),
        ("Russia hammered Kyiv with drones on Monday.", "ASSAULT", {"RUS", "UKR"}),
        ("Boko Haram fighters slaughtered 30 Nigerian villagers on Monday.", "ASSAULT", {"NGA"}),
        ("French troops left Niger on Monday.", "RETREAT", {"FRA", "NER"}),
        ("Armenia handed back four villages to Azerbaijan on Monday.", "RETREAT", {"ARM", "AZE"}),
        ("The Colombian rebels gave up their weapons on Monday.", "RETREAT", {"COL"}),
        ("Beijing reversed its ban on Japanese seafood on Monday.", "CONCEDE", {"CHN", "JPN"}),
        ("The Afghan minister received a travel waiver from the UN on Monday.", "CONCEDE", {"AFG", "UN"}),
        ("Japan's apology to South Korea was welcomed in Seoul.", "CONCEDE", {"JPN", "KOR"}),
        ("The EU's lifting of sanctions took effect on Monday.", "CONCEDE", {"EU"}),
    ],
)
def test_broadened_lexicon_codes(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The Peruvian team rallied in the second half against Chile.", "SUPPORT"),
        ("The Kenyan ministry awarded the road contract to a local firm.", "SUPPORT"),
        ("The Indonesian minister stopped the car outside the hotel on Monday.", "CONSULT"),
        ("The Spanish company exported olive oil to France on Monday.", "COOPERATE"),
        ("A Nigerian firm built a new stadium in Lagos on Monday.", "COOPERATE"),
        ("Chilean firefighters rescued a cat from a tree on Monday.", "AID"),
        ("The Indian minister pointed at the map during the briefing on Monday.", "ACCUSE"),
        ("The Greek parliament opposed nothing on the agenda on Monday.", "REJECT"),
        ("Brazil's coach ruled out the injured striker on Monday.", "REJECT"),
        ("Ethiopia's athletics body set a new record on Monday.", "THREATEN"),
        ("Hundreds of Serbian students occupied the front rows at the concert on Monday.", "COERCE"),
        ("French ministers called a meeting on Monday.", "PROTEST"),
        ("Mali ordered new buses from China on Monday.", "SANCTION"),
        ("Chinese tourists sailed through the fjords on Monday.", "MOBILIZE"),
        ("Fans surrounded the Argentine footballer at the airport on Monday.", "COERCE"),
        ("The Kenyan farmer planted maize near the border on Monday.", "ASSAULT"),
        ("The Colombian president left for Madrid on Monday.", "RETREAT"),
        ("The Bolivian minister reversed his car into a wall on Monday.", "CONCEDE"),
        ("The Indian team gave up two goals against Pakistan on Monday.", "RETREAT"),
        ("A Turkish firm won the grant for research on Monday.", "AID"),
        ("Jordanian students exchanged gifts on Monday.", "COOPERATE"),
        ("The Ecuadorian minister headed the delegation on Monday.", "CONSULT"),
        ("The Japanese chef hammered the steak with a mallet on Monday.", "ASSAULT"),
    ],
)
def test_broadened_lexicon_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# Sense families added from real-news misses: each sense with its everyday synonyms, then
# look-alikes that share the word but not the act.
@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        # a shipment or a visit being prepared or planned is a promise
        ("Algeria is preparing a shipment of wheat to Tunisia, its ministry said.", "AGREE", {"DZA", "TUN"}),
        ("Turkey plans a delivery of generators to Syria next month.", "AGREE", {"SYR", "TUR"}),
        ("The Laotian president came to Hanoi on a state visit on Monday.", "CONSULT", {"LAO", "VNM"}),
        ("North Korea fired two ballistic missiles towards the sea on Monday.", "MOBILIZE", {"PRK"}),
        # joining or entering a war, attacks organised, stepped up or fought off
        ("Egypt joined the war against Israel in 1973.", "ASSAULT", {"EGY", "ISR"}),
        ("Saudi Arabia entered the war in Yemen in 2015.", "ASSAULT", {"SAU", "YEM"}),
        ("Haitian gangs organized attacks on police stations on Monday.", "ASSAULT", {"HTI"}),
        ("Ukrainian troops repelled a Russian assault near the border on Monday.", "ASSAULT", {"RUS", "UKR"}),
        ("Russia intensified its strikes on Ukrainian cities on Monday.", "ASSAULT", {"RUS", "UKR"}),
        ("Indian troops skirmished with Chinese soldiers on the border on Monday.", "ASSAULT", {"CHN", "IND"}),
        ("Washington included Cuba on its list of state sponsors of terrorism.", "SANCTION", {"CUB", "USA"}),
        # measures named as nouns, forces kept on alert
        ("Nigeria's reopening of its border to Niger was welcomed on Monday.", "CONCEDE", {"NER", "NGA"}),
        ("India's expulsion of Pakistani diplomats angered Islamabad on Monday.", "SANCTION", {"IND", "PAK"}),
        ("India's army stayed on high alert on Monday.", "MOBILIZE", {"IND"}),
        # headline words for a rebuke
        ("Beijing rapped Manila over the incident at the shoal on Monday.", "ACCUSE", {"CHN", "PHL"}),
        ("Ankara slated Athens for its stance on Monday.", "ACCUSE", {"GRC", "TUR"}),
        ("The Turkish government flayed Greece on Monday.", "ACCUSE", {"GRC", "TUR"}),
        ("Seoul lamented Tokyo's decision to release the water on Monday.", "ACCUSE", {"JPN", "KOR"}),
    ],
)
def test_sense_families_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The French chef is preparing a meal for the Italian guests on Monday.", "AGREE"),
        ("The Kenyan team arrived in Doha on a charter flight on Monday.", "CONSULT"),
        ("Congolese rebels pressed ahead with their advance on Monday.", "REQUEST"),
        ("The Swiss bank organized a conference on attacks on privacy on Monday.", "ASSAULT"),
        ("The Kenyan coach included two new players in the squad on Monday.", "SANCTION"),
        ("Brazil's chess champion joined the fray at the Madrid tournament on Monday.", "ASSAULT"),
        ("The Brazilian health minister joined the war on poverty on Monday.", "ASSAULT"),
        ("The Kenyan government entered the war against corruption on Monday.", "ASSAULT"),
        ("Ghana's reopening of its schools was welcomed on Monday.", "CONCEDE"),
        ("Kenya's expulsion from the tournament angered fans on Monday.", "SANCTION"),
        ("The Indian minister remained on the stage for an hour on Monday.", "MOBILIZE"),
        ("The Peruvian summit is slated for Monday in Lima.", "ACCUSE"),
        ("The Kenyan singer rapped about poverty on Monday.", "ACCUSE"),
        ("The Chilean poet lamented the loss of her garden on Monday.", "ACCUSE"),
    ],
)
def test_sense_families_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        # an order to leave: envoys and monitors expelled (SANCTION), other foreigners deported (COERCE)
        ("Ukraine ordered all Russian diplomats to leave the country within 48 hours.", "SANCTION", {"RUS", "UKR"}),
        ("Niger told the French ambassador to leave the country on Monday.", "SANCTION", {"FRA", "NER"}),
        ("Moscow gave the Estonian envoy 48 hours to leave Russia.", "SANCTION", {"EST", "RUS"}),
        ("Mali ordered the UN peacekeepers to leave the country on Monday.", "SANCTION", {"MLI", "UN"}),
        (
            "The Maldivian government directed Indian nationals who had entered via Male to leave the country.",
            "COERCE",
            {"IND", "MDV"},
        ),
        # people held, documents exchanged or signed before leaders, cooperation looked forward to
        ("Some 300 Tajik migrants were being held at a Moscow airport on Monday.", "COERCE", {"RUS", "TJK"}),
        ("Iran is holding two French nationals in Evin prison.", "COERCE", {"FRA", "IRN"}),
        ("Nepal and India exchanged the instruments of ratification on Monday.", "SUPPORT", {"IND", "NPL"}),
        ("The Indian and Nepali leaders witnessed the signing of five agreements.", "SUPPORT", {"IND", "NPL"}),
        ("Kenya looks forward to working closely with Ethiopia on trade.", "AGREE", {"ETH", "KEN"}),
        # a predicative 'as' the parser hangs on the object
        ("Washington recognizes the opposition leader Guaido as Venezuela's president.", "SUPPORT", {"USA", "VEN"}),
    ],
)
def test_word_senses_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        # own people sent away from danger, troops pulled out, an order to do something else
        ("The US embassy ordered its citizens to leave Lebanon on Monday.", "COERCE"),
        ("Britain told its nationals to leave Israel immediately.", "COERCE"),
        ("The US president ordered American troops to leave Syria.", "SANCTION"),
        ("The US president ordered American troops to leave Syria.", "COERCE"),
        ("Ukraine ordered all Russian diplomats to attend the hearing on Monday.", "SANCTION"),
        # 'held' meetings, rallies, signs and seats are no detention
        ("The Tajik president held talks with Russian officials on Monday.", "COERCE"),
        ("Georgian students held signs outside the Russian embassy on Monday.", "COERCE"),
        ("Kenyan opposition parties held 40 seats in parliament.", "COERCE"),
        # fire exchanged and watched, a season looked forward to
        ("Indian reporters witnessed the exchange of fire with Pakistani troops.", "SUPPORT"),
        ("The Kenyan coach looks forward to the new season.", "AGREE"),
        # an 'as' that opens a clause is no predicative 'as'
        ("Nigeria's president recognised the danger on Monday as floods hit Ghana.", "SUPPORT"),
    ],
)
def test_word_senses_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# Precision of message and bounty senses: what a letter carries decides whether it is support,
# and a reward offered for someone's capture accuses him rather than promising help.
@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Kenya sent a message of solidarity to Ethiopia after the floods.", "SUPPORT", {"ETH", "KEN"}),
        ("Chile sent a letter of congratulations to the Peruvian president.", "SUPPORT", {"CHL", "PER"}),
        ("Washington offered a $5 million reward for the Venezuelan leader's arrest.", "ACCUSE", {"USA", "VEN"}),
    ],
)
def test_message_and_bounty_senses_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Hungary sent a letter to the EU commissioner on Monday.", "SUPPORT"),
        ("Poland sent a letter to Brussels demanding action against the pipeline attacks.", "SUPPORT"),
        ("Washington offered a $5 million reward for the Venezuelan leader's arrest.", "AGREE"),
    ],
)
def test_message_and_bounty_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# SANCTION families: a member suspended from a body, punitive duties raised; nominal massacre.
@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("The African Union suspended Gabon on Thursday.", "SANCTION", {"AU", "GAB"}),
        ("The US doubled tariffs on Canadian steel on Tuesday.", "SANCTION", {"CAN", "USA"}),
        ("Washington increased tariffs on Chinese goods on Monday.", "SANCTION", {"CHN", "USA"}),
        ("India raised levies on Pakistani imports on Monday.", "SANCTION", {"IND", "PAK"}),
        ("Boko Haram's massacre of Nigerian villagers shocked the region.", "ASSAULT", {"NGA"}),
    ],
)
def test_suspension_and_duty_senses_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The referee suspended the match in Nairobi on Monday.", "SANCTION"),
        ("FIFA suspended the Kenyan striker for three matches.", "SANCTION"),
        ("Kenya doubled its exports to Uganda last year.", "SANCTION"),
        ("The Indian firm increased its investment in Pakistan on Monday.", "SANCTION"),
        ("The minister condemned what he called the kidnapping of a Russian deserter.", "ASSAULT"),
    ],
)
def test_suspension_and_duty_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# Signings presided over, and threats aimed at a named party (round lex2).
@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("The Chilean and Chinese presidents led the signing of nine agreements on Monday.", "SUPPORT", {"CHL", "CHN"}),
        ("The Kenyan and Ugandan leaders presided over the signing of a trade pact.", "SUPPORT", {"KEN", "UGA"}),
        ("Iran's threat against Israel drew condemnation on Monday.", "THREATEN", {"IRN", "ISR"}),
    ],
)
def test_lex2_senses_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The Chilean minister led the delegation to Beijing on Monday.", "SUPPORT"),
        ("Peru's captain led the team to victory against Chile on Monday.", "SUPPORT"),
        ("Russia's threat to European security was discussed in Brussels on Monday.", "THREATEN"),
        ("The threat of terrorism against Kenyan tourists grew on Monday.", "THREATEN"),
    ],
)
def test_lex2_senses_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Russia will proceed with the deployment of its missiles in Belarus.", "MOBILIZE", {"RUS"}),
    ],
)
def test_lex2_action_senses_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The Peruvian senate proceeded with the vote on Monday.", "MOBILIZE"),
        ("The Kenyan court proceeded with the withdrawal of the charges on Monday.", "RETREAT"),
    ],
)
def test_lex2_action_senses_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("The Malian junta assumed power in Bamako in 2021.", "COERCE", {"MLI"}),
        ("The overthrow of the Guinean president by the army was condemned on Monday.", "COERCE", {"GIN"}),
    ],
)
def test_lex2_seizure_senses_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The new Chilean president assumed power after the election on Monday.", "COERCE"),
        ("The Kenyan minister assumed control of the finance portfolio on Monday.", "COERCE"),
    ],
)
def test_lex2_seizure_senses_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


def test_lex2_dialogue_with_codes(pipeline):
    events = _code(pipeline, "Iran's dialogue with Oman resumed in Muscat on Monday.")
    assert find(events, "CONSULT", {"IRN", "OMN"}) is not None, [(e.type, sorted(e.countries())) for e in events]


def test_lex2_dialogue_between_is_no_meeting(pipeline):
    """'dialogue between' names a standing state or a hope, not talks held."""
    events = _code(pipeline, "Hopes of dialogue between Kenya and Somalia rose on Monday.")
    assert not [e for e in events if e.type == "CONSULT"], [(e.type, sorted(e.countries())) for e in events]


def test_lex2_warning_of_harm_is_no_threat(pipeline):
    """A warning that names no coercive act (a verb's hostile sense whose objects do not fit) is no
    threat without a named target."""
    events = _code(pipeline, "The Chinese spokesman warned that the new tariff will reduce confidence in trade.")
    assert not [e for e in events if e.type == "THREATEN"], [(e.type, sorted(e.countries())) for e in events]


def test_lex2_warning_of_arrest_is_a_threat(pipeline):
    events = _code(pipeline, "Belarus warned that anyone who joined the protest would be arrested.")
    assert find(events, "THREATEN", {"BLR"}) is not None, [(e.type, sorted(e.countries())) for e in events]


def test_lex2_bare_allegation_accuses_no_one(pipeline):
    events = _code(pipeline, "The Congolese president alleged.")
    assert not [e for e in events if e.type == "ACCUSE"], [(e.type, sorted(e.countries())) for e in events]


def test_lex2_allegation_against_a_party_codes(pipeline):
    events = _code(pipeline, "Rwanda alleged Burundian involvement in the attack.")
    assert find(events, "ACCUSE", {"BDI", "RWA"}) is not None, [(e.type, sorted(e.countries())) for e in events]


# --- lex7: nominal families (concluded deals, trade measures, seizures of power) ---


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Uganda's pact with Tanzania on the pipeline was praised by investors.", "SUPPORT", {"UGA", "TZA"}),
        ("Israel's peace treaty with Jordan remains in force.", "SUPPORT", {"ISR", "JOR"}),
        ("Egypt's deal with the IMF unlocked the first tranche.", "SUPPORT", {"EGY", "IMF"}),
        ("Washington's levies on Canada took effect on Monday.", "SANCTION", {"USA", "CAN"}),
        ("Mexico's new tariff on China angered Beijing.", "SANCTION", {"MEX", "CHN"}),
        ("The army's takeover of power in Niger was condemned on Monday.", "COERCE", {"NER"}),
    ],
)
def test_lex7_nominal_senses_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        # a pact named as a topic ("between A and B"), a firm bought, a domestic duty on a good
        ("The envoys talked over the old arms deal between Peru and two European states.", "SUPPORT"),
        ("A Kenyan bank's takeover of a Tanzanian lender was approved on Monday.", "COERCE"),
        ("Kenya's tariff on sugar rose to 35 percent.", "SANCTION"),
    ],
)
def test_lex7_nominal_senses_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# --- lex7: verb families from the CAMEO verb dictionary ---


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Russian forces battled Ukrainian troops near Kharkiv on Monday.", "ASSAULT", {"RUS", "UKR"}),
        ("Sudanese soldiers battled with Ethiopian troops on Monday.", "ASSAULT", {"SDN", "ETH"}),
        ("Kenyan police re-arrested the Ugandan opposition leader on Monday.", "COERCE", {"KEN", "UGA"}),
        ("Chinese coast guard vessels forced Philippine boats to leave the shoal.", "COERCE", {"CHN", "PHL"}),
        ("The Sudanese army wrested control of the town on Monday.", "COERCE", {"SDN"}),
        ("Moscow contacted Washington on Monday about the prisoner swap.", "CONSULT", {"RUS", "USA"}),
        ("Iran and the US reconvened in Muscat on Monday.", "CONSULT", {"IRN", "USA"}),
        ("The Chinese foreign minister departed for Moscow on Monday.", "CONSULT", {"CHN", "RUS"}),
        ("The Indian prime minister left for Washington on Monday.", "CONSULT", {"IND", "USA"}),
        ("The Indian prime minister jetted off to Washington on Monday.", "CONSULT", {"IND", "USA"}),
        ("Japan slashed aid to Myanmar after the coup.", "SANCTION", {"JPN", "MMR"}),
        ("The U.S. curtailed military aid to Egypt on Monday.", "SANCTION", {"USA", "EGY"}),
        ("The Serbian opposition shunned talks with the government on Monday.", "REJECT", {"SRB"}),
        ("China lodged a protest with Japan on Monday.", "ACCUSE", {"CHN", "JPN"}),
        ("The Pakistani minister belittled India on Monday.", "ACCUSE", {"PAK", "IND"}),
        ("Indian and Chinese troops disengaged from the border on Monday.", "RETREAT", {"IND", "CHN"}),
        ("Washington aided Kyiv with air defences.", "AID", {"USA", "UKR"}),
    ],
)
def test_lex7_verb_senses_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The Kenyan government battled inflation all year.", "ASSAULT"),
        ("The ministers agreed to combat terrorism together.", "ASSAULT"),
        ("Rising prices forced the Kenyan central bank to raise rates.", "COERCE"),
        ("The Lithuanian couriers were forced to turn back to Lithuania.", "COERCE"),
        ("The Kenyan police contacted the family of the victim.", "CONSULT"),
        ("The Kenyan minister left the meeting early.", "CONSULT"),
        ("The Kenyan government slashed the budget by 10 percent.", "SANCTION"),
        ("Kenya lodged a complaint on Monday.", "ACCUSE"),
        ("The storm aided the rebels' retreat.", "AID"),
    ],
)
def test_lex7_verb_senses_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# --- lex7: senses whose type disagreed with the guide ---


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("The US assured Kyiv of continued support on Monday.", "AGREE", {"USA", "UKR"}),
        ("Russian and Chinese warships met in the Sea of Japan for a joint patrol.", "COOPERATE", {"RUS", "CHN"}),
        ("The Russian president met the Chinese president in Beijing on Monday.", "CONSULT", {"RUS", "CHN"}),
        ("Argentina's president vowed to reclaim the islands from Britain.", "THREATEN", {"ARG"}),
    ],
)
def test_lex7_guide_senses_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        # resolve stated to no one is no promise; craft meeting hold no talks; a vow to take back
        # what another holds promises no cooperation
        ("China assured that it will protect its rights and interests.", "AGREE"),
        ("Two Russian bombers and two Chinese bombers met over the East China Sea on Tuesday.", "CONSULT"),
        ("Argentina's president vowed to reclaim the islands from Britain.", "AGREE"),
    ],
)
def test_lex7_guide_senses_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# --- lex7: support of a named party, deals made, criticism drawn, pardons, extraditions ---


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Nicaragua supported Russia in the war.", "SUPPORT", {"NIC", "RUS"}),
        ("Ghana made a deal with Nigeria on gas.", "SUPPORT", {"GHA", "NGA"}),
        ("Iran's execution of the protester drew condemnation from the European Union.", "ACCUSE", {"EU", "IRN"}),
        ("Kenya's extradition of the Turkish teacher to Ankara drew criticism.", "COOPERATE", {"KEN", "TUR"}),
        ("The American president's pardon of the Venezuelan banker angered Caracas.", "CONCEDE", {"USA", "VEN"}),
    ],
)
def test_lex7_more_senses_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The Kenyan minister supported the idea of a new tax.", "SUPPORT"),
        ("Smuggling attempts were apparently supported by Belarusian forces.", "SUPPORT"),
        ("The Kenyan film drew praise from critics.", "ACCUSE"),
        ("The new Kenyan law drew criticism from rights groups.", "ACCUSE"),
    ],
)
def test_lex7_more_senses_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# --- lex7: envoys withdrawn, protests filed, villages burned ---


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Germany withdrew its ambassador from Iran on Monday.", "SANCTION", {"DEU", "IRN"}),
        ("Israel withdrew its troops from Gaza on Monday.", "RETREAT", {"ISR", "PSE"}),
        ("The Philippines filed a diplomatic protest against China.", "ACCUSE", {"PHL", "CHN"}),
        ("Myanmar soldiers burned homes in Sagaing on Monday.", "COERCE", {"MMR"}),
    ],
)
def test_lex7_withdraw_file_burn_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Germany withdrew its ambassador from Iran on Monday.", "RETREAT"),
        ("Kenyan farmers burned rubbish near their homes.", "COERCE"),
    ],
)
def test_lex7_withdraw_file_burn_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# --- lex7: talks called or broken off, cyber attacks, approved accessions ---


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Russia called off talks with Ukraine on Monday.", "SANCTION", {"RUS", "UKR"}),
        ("Venezuela broke off talks with Guyana on Monday.", "SANCTION", {"VEN", "GUY"}),
        ("Russian hackers hacked the Estonian foreign ministry's servers.", "COERCE", {"RUS", "EST"}),
        ("Iran's cyberattack on Albania disrupted government services.", "COERCE", {"IRN", "ALB"}),
        ("Turkey's parliament approved Finland's NATO membership.", "SUPPORT", {"TUR", "FIN"}),
    ],
)
def test_lex7_halts_cyber_accession_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The Kenyan president called off his trip because of the floods.", "SANCTION"),
        ("The Kenyan police hacked through the door.", "COERCE"),
        ("The Kenyan board approved the company's application.", "SUPPORT"),
    ],
)
def test_lex7_halts_cyber_accession_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


# --- lex7: congratulatory messages, honours conferred, crowds dispersed, goods handed over ---


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("Putin sent a congratulatory telegram to the Belarusian president.", "SUPPORT", {"RUS", "BLR"}),
        ("Ghana's president conferred a national honour on the Nigerian leader.", "SUPPORT", {"GHA", "NGA"}),
        ("Ugandan police dispersed opposition supporters with tear gas.", "COERCE", {"UGA"}),
        ("Nigeria handed over 20 tonnes of rice to Niger.", "AID", {"NGA", "NER"}),
    ],
)
def test_lex7_honours_crowds_goods_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Ghana's president conferred a national honour on the Nigerian leader.", "CONSULT"),
        ("Kenyan students dispersed after the lecture.", "COERCE"),
        ("Putin sent a telegram to the Belarusian president.", "SUPPORT"),
    ],
)
def test_lex7_honours_crowds_goods_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]


def test_lex7_about_to_meet_is_a_promise(pipeline):
    """'is about to hold talks': a meeting to come is AGREE (guide section 6), not CONSULT."""
    events = _code(pipeline, "Bangladesh is about to hold talks with Myanmar.")
    assert find(events, "AGREE", {"BGD", "MMR"}) is not None, [(e.type, sorted(e.countries())) for e in events]
    assert not [e for e in events if e.type == "CONSULT"], [(e.type, sorted(e.countries())) for e in events]


# --- lex7: weapons tests carried out, criticism aimed, tyres burned ---


@pytest.mark.parametrize(
    ("sentence", "type_", "countries"),
    [
        ("North Korea conducted a missile test on Monday.", "MOBILIZE", {"PRK"}),
        ("Iran carried out a nuclear test.", "MOBILIZE", {"IRN"}),
        ("The Chinese spokesman took aim at Washington on Monday.", "ACCUSE", {"CHN", "USA"}),
        ("Protesters burned tyres outside the Kenyan parliament.", "PROTEST", {"KEN"}),
    ],
)
def test_lex7_tests_aim_tyres_code(pipeline, sentence, type_, countries):
    events = _code(pipeline, sentence)
    assert find(events, type_, countries) is not None, [(e.type, sorted(e.countries())) for e in events]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The Kenyan ministry conducted a test of the new system.", "MOBILIZE"),
        ("North Korea conducted missile strikes on Monday.", "MOBILIZE"),
        ("The Kenyan soldier took aim at the target.", "ACCUSE"),
    ],
)
def test_lex7_tests_aim_tyres_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]

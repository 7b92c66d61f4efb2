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

"""The trigger lexicon (src/dyad/events/data/triggers.yaml) on invented wire sentences:
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
    ],
)
def test_trigger_lexicon_look_alikes(pipeline, sentence, type_):
    events = _code(pipeline, sentence)
    assert not [e for e in events if e.type == type_], [(e.type, sorted(e.countries())) for e in events]

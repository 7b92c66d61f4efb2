"""Actors the gazetteer lacks or names only in part, resolved from the story around them:
demonyms of every form, monarchs on second mention, offices of a country, bodies and
pronouns that point back to the speaker just named.

Sentences are written for these tests; people and bodies are invented unless they are in
the gazetteer.
"""

import pytest

from dyad.actors.gazetteer import load_gazetteer
from dyad.actors.resolve import ActorResolver


@pytest.fixture(scope="module")
def resolve(pipeline):
    """Entities for the phrase `mention` (its syntactic head) in `text`."""

    def _resolve(text: str, mention: str, occurrence: int = 0):
        doc = pipeline.nlp(text)
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(mention, start + 1)
        span = doc.char_span(start, start + len(mention), alignment_mode="expand")
        return ActorResolver(doc, load_gazetteer()).resolve(span.root)

    return _resolve


def _first(entities):
    assert entities, "nothing resolved"
    return entities[0].country, entities[0].sector


def test_stani_demonyms_name_their_country(resolve):
    gazetteer = load_gazetteer()
    for word, code in [("Tajikistani", "TJK"), ("Kyrgyzstani", "KGZ"), ("Turkmenistani", "TKM")]:
        assert gazetteer.country_code(word) == code, word
    text = "Moscow denied the claim on Monday, but the Tajikistani ministry said it had sent a protest note."
    assert _first(resolve(text, "the Tajikistani ministry")) == ("TJK", "GOV")


def test_a_monarch_on_second_mention_is_the_monarch_named_first(resolve):
    text = (
        "Prime Minister Keir Starmer welcomed King Abdullah II of Jordan to London on Monday. "
        "Later the Prime Minister thanked King Abdullah for his help."
    )
    assert _first(resolve(text, "King Abdullah", occurrence=1)) == ("JOR", "GOV")
    # a king of another name is not taken for him
    text = "King Abdullah II of Jordan met British officials. King Charles hosted a dinner for the guests."
    assert resolve(text, "King Charles") == [] or _first(resolve(text, "King Charles"))[0] != "JOR"

"""The fallback lemma of regular past forms, including a doubled final consonant."""

from types import SimpleNamespace

from dyad.events.coder import _regular_lemmas
from tests.helpers import code_text


def _token(word: str, tag: str = "VBD") -> SimpleNamespace:
    return SimpleNamespace(lower_=word, tag_=tag)


def test_doubled_consonant_and_plain_forms_have_their_lemma_among_candidates():
    assert "jam" in _regular_lemmas(_token("jammed"))
    assert "teargas" in _regular_lemmas(_token("teargassed", "VBN"))
    assert "embargo" in _regular_lemmas(_token("embargoed"))
    assert "stage" in _regular_lemmas(_token("staged"))


def test_look_alikes_do_not_lose_a_real_double_letter_or_apply_to_non_past_forms():
    assert "pres" not in _regular_lemmas(_token("pressed"))[:2]  # 'press' comes first
    assert _regular_lemmas(_token("pressed"))[1] == "press"
    assert _regular_lemmas(_token("seed", "NN")) == ("seed",)
    assert "follow" in _regular_lemmas(_token("followed")) and "follo" not in _regular_lemmas(_token("followed"))


def test_police_teargassed_protesters_is_coerce(pipeline):
    events = code_text(pipeline, "Kenyan police teargassed protesters in Nairobi on Tuesday.")
    assert any(e.type == "COERCE" for e in events)


def test_teargassed_without_a_crowd_is_not_coerce(pipeline):
    events = code_text(pipeline, "The old warehouse was teargassed by accident during a training drill.")
    assert not any(e.type == "COERCE" for e in events)

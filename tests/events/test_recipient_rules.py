"""Where recipients come from when no argument of the trigger names them (issue 9).

Sentences written for these tests; the people are invented and known only by their titles.
"""

from tests.helpers import code_text, find


def test_the_source_a_sentence_cites_is_no_party(pipeline):
    text = (
        "Chilean President Ana Torres will hold bilateral meetings before the summit on Tuesday, "
        "according to Argentina's foreign ministry."
    )
    events = code_text(pipeline, text)
    assert find(events, "AGREE", {"CHL"}) is not None
    assert find(events, "AGREE", {"CHL", "ARG"}) is None
    # a country named in the act itself still counts
    text = "Chilean President Ana Torres will hold meetings with Argentina on Tuesday, according to her office."
    assert find(code_text(pipeline, text), "AGREE", {"CHL", "ARG"}) is not None

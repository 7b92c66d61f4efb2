"""The two seed articles (../shared/seeds/), coded as the coding guide's worked example."""

from dyad.ingest.text import article_from_text
from tests.conftest import MESSAGE_SEED, ROADMAP_SEED
from tests.helpers import find


def _code(pipeline, path, published):
    article = article_from_text(path.read_text(encoding="utf-8"), ref=path.name, published=published)
    events = next(pipeline.code([article])).events
    return article, events


def test_roadmap_signing_is_support_between_cuba_and_belarus(pipeline, seeds):
    _, events = _code(pipeline, ROADMAP_SEED, "2025-11")
    signing = find(events, "SUPPORT", {"CUB", "BLR"})
    assert signing is not None
    assert {e.country for e in signing.actor} == {"CUB", "BLR"}
    assert any("signed" in item.text and "Belaya Rus" in item.text for item in signing.evidence)


def test_no_event_comes_from_faq_or_furniture(pipeline, seeds):
    for path, published in ((MESSAGE_SEED, "2025-07-26"), (ROADMAP_SEED, "2025-11")):
        article, events = _code(pipeline, path, published)
        body = article.body_spans()
        for event in events:
            for item in event.evidence:
                assert any(start <= item.start < end for start, end in body), item.text
                assert not item.text.endswith("?")


def test_message_of_support_is_dated_to_the_anniversary(pipeline, seeds):
    _, events = _code(pipeline, MESSAGE_SEED, "2025-07-26")
    message = find(events, "SUPPORT", {"BLR", "CUB"})
    assert message is not None
    assert message.date == "2025-07-26"
    assert [e.name for e in message.actor] == ["Alexander Lukashenko"]

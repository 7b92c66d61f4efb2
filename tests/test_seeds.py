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


SEED_ACTORS = [
    # (seed, words in the text, country, sector) - the table of issue 4
    (MESSAGE_SEED, "Lukashenko", "BLR", "GOV"),
    (MESSAGE_SEED, "Díaz-Canel", "CUB", "GOV"),
    (ROADMAP_SEED, "Belaya Rus", "BLR", "PTY"),
    (ROADMAP_SEED, "Communist Party of Cuba", "CUB", "PTY"),
    (ROADMAP_SEED, "PCC", "CUB", "PTY"),
    (ROADMAP_SEED, "FAR", "CUB", "MIL"),
    (ROADMAP_SEED, "BelTA", "BLR", "MED"),
    (ROADMAP_SEED, "Roberto Morales Ojeda", "CUB", "PTY"),
    (ROADMAP_SEED, "Olga Chemodanova", "BLR", "PTY"),
    (ROADMAP_SEED, "Roberto Legrá Sotolongo", "CUB", "MIL"),
]


def test_seed_actors_resolve_by_the_issue_table(pipeline, seeds):
    import datetime as dt

    from dyad.actors.gazetteer import load_gazetteer
    from dyad.actors.resolve import ActorResolver

    for path, words, country, sector in SEED_ACTORS:
        text = path.read_text(encoding="utf-8")
        doc = pipeline.nlp(text)
        resolver = ActorResolver(doc, load_gazetteer(), dt.date(2025, 11, 1))
        start = text.index(words)
        span = doc.char_span(start, start + len(words), alignment_mode="expand")
        found = resolver.resolve(span.root)
        assert found, words
        assert (found[0].country, found[0].sector) == (country, sector), (words, found[0])


def test_every_seed_event_the_issue_names_is_coded(pipeline, seeds):
    _, message_events = _code(pipeline, MESSAGE_SEED, "2025-07-26")
    _, roadmap_events = _code(pipeline, ROADMAP_SEED, "2025-11")

    def one(events, type_, actor_countries, recipient_countries, words):
        for event in events:
            actors = {e.country for e in event.actor}
            recipients = {e.country for e in event.recipient}
            text = " ".join(item.text for item in event.evidence)
            sides_match = actor_countries <= actors and recipient_countries <= recipients
            if event.type == type_ and sides_match and words in text:
                return event
        raise AssertionError(f"no {type_} {actor_countries}->{recipient_countries} with {words!r}")

    message = one(message_events, "SUPPORT", {"BLR"}, {"CUB"}, "support and cooperation")
    assert message.date == "2025-07-26"
    willingness = one(message_events, "AGREE", {"BLR"}, {"CUB"}, "willingness to deepen cooperation")
    assert willingness.modality == "asserted"
    visit = one(message_events, "CONSULT", {"CUB"}, {"BLR"}, "visit to Minsk")
    assert visit.mode == "visit" and visit.location is not None and visit.location.country == "BLR"
    protest = one(message_events, "PROTEST", {"CUB"}, set(), "Cuban students")
    assert protest.actor[0].sector == "EDU"
    signing = one(roadmap_events, "SUPPORT", {"CUB", "BLR"}, set(), "roadmap")
    assert {e.sector for e in signing.actor} == {"PTY"}
    delegation = one(roadmap_events, "CONSULT", {"CUB"}, {"BLR"}, "Revolutionary Armed Forces")
    assert (delegation.date, delegation.mode) == ("2025-10", "visit")
    assert {e.sector for e in delegation.actor} == {"MIL"}

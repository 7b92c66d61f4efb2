"""The pipeline: events as a spaCy component, parse failures as rows, texts longer than the model takes."""

from __future__ import annotations

from spacy.language import Language

from dyad.events.component import EVENTS
from dyad.ingest.text import article_from_text

PARAGRAPHS = [
    "Belarus and Cuba signed a trade protocol in Havana on Monday.",
    "Russia sent fuel to Cuba on Tuesday.",
    "The European Union imposed sanctions on Belarus on Wednesday.",
    "Farmers in the valley reported a fine harvest of apples and pears this autumn.",
]


def test_the_event_coder_is_a_component_and_a_doc_carries_its_events(pipeline):
    assert pipeline.nlp.pipe_names[-1] == EVENTS
    article = article_from_text(PARAGRAPHS[1], ref="fuel", published="2025-03-04")
    doc = pipeline.nlp.make_doc(article.text)
    doc._.article = article
    doc = pipeline.nlp(doc)
    assert [(e.type, e.article_ref, e.date) for e in doc._.events] == [("AID", "fuel", "2025-03-04")]
    assert pipeline.nlp("Russia sent fuel to Cuba.")._.events[0].type == "AID", "bare text is coded too"


class _FailsItsBatch:
    """Like the model's own components: one bad text stops the whole batch it is in."""

    def __call__(self, doc):
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size=128):
        docs = list(docs)
        if any("TRAP" in doc.text for doc in docs):
            raise RuntimeError("the batch broke")
        yield from docs


@Language.factory("dyad_test_batch_trap")
def _make_batch_trap(nlp, name):
    return _FailsItsBatch()


def test_a_batch_component_failing_costs_only_the_article_it_fails_on(pipeline):
    texts = [*PARAGRAPHS[:2], "TRAP text about Cuba.", *PARAGRAPHS[2:]]
    articles = [article_from_text(t, ref=f"a{n}", published="2025-03-04") for n, t in enumerate(texts)]
    pipeline.nlp.add_pipe("dyad_test_batch_trap", before="parser")
    try:
        coded = list(pipeline.code(articles))
    finally:
        pipeline.nlp.remove_pipe("dyad_test_batch_trap")
    assert [c.article.ref for c in coded] == [a.ref for a in articles], "one outcome per article, in order"
    failed = [c for c in coded if c.failure is not None]
    assert [(c.article.ref, c.failure.stage) for c in failed] == [("a2", "nlp")]
    assert "the batch broke" in failed[0].failure.reason
    assert all(c.events for c in coded[:2]) and coded[3].events


def test_a_text_longer_than_max_length_is_coded_in_pieces_with_offsets_into_the_whole(pipeline, monkeypatch):
    text = "\n\n".join(PARAGRAPHS * 40)  # about 9,500 characters of invented paragraphs
    article = article_from_text(text, ref="long", published="2025-03-04")
    short = article_from_text(PARAGRAPHS[1], ref="short", published="2025-03-04")
    monkeypatch.setattr(pipeline.nlp, "max_length", 1000)  # as a 1,000,001-character text meets the default
    coded, after = list(pipeline.code([article, short]))
    assert coded.failure is None and after.failure is None and after.events
    assert coded.article.text == article.text
    assert len({e.id for e in coded.events}) == len(coded.events), "ids stay unique across pieces"
    for event in coded.events:
        for evidence in event.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.text
    last = max(evidence.start for event in coded.events for evidence in event.evidence)
    assert last > 8000, "the last pieces are coded too"


def test_a_batch_coded_in_its_memory_zone_leaves_no_strings_behind(pipeline):
    """Words never seen before would grow the vocabulary for good; coded in the zone, they are freed."""
    strings = pipeline.nlp.vocab.strings
    texts = [f"Belarus accused Qzv{n}xor officials of sending {n + 3} tonnes of grain to Cuba." for n in range(8)]
    articles = [article_from_text(text, ref=f"z{n}", published="2025-03-04") for n, text in enumerate(texts)]
    pipeline.code_batch(articles[:1])  # first use: the coder's own tables
    before = len(strings)
    zoned = pipeline.code_batch(articles)
    assert len(strings) == before
    plain = [event.to_json() for coded in pipeline.code(articles) for event in coded.events]
    assert plain and [event.to_json() for coded in zoned for event in coded.events] == plain
    assert len(strings) > before, "without the zone, the new words stay"

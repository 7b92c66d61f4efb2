"""General gaps in the coder, on sentences of our own: phrasal verbs whose particle the small
model tags as an adverb, hyphenated triggers, deployments to a border, trailing comment
clauses, and the victims of a strike on a place."""

from dyad.events.coder import _has_particle
from tests.helpers import code_text, find


# -- particles tagged as adverbs ------------------------------------------------------------
def test_particle_parsed_as_adverb_right_after_the_verb(pipeline):
    events = code_text(pipeline, "Washington rolled back the tariffs on Chinese steel on Tuesday.")
    assert any(e.type == "CONCEDE" and [a.country for a in e.actor] == ["USA"] for e in events)


def test_particle_parsed_as_adverb_after_the_object(pipeline):
    events = code_text(pipeline, "Russia pulled its troops back from the border on Friday.")
    event = next((e for e in events if e.type == "RETREAT"), None)
    assert event is not None and event.mode == "withdraw" and [a.country for a in event.actor] == ["RUS"]


def test_recipient_hangs_on_the_adverb_particle(pipeline):
    event = find(code_text(pipeline, "Israel handed the town back to Lebanon."), "RETREAT", {"ISR", "LBN"})
    assert event is not None
    assert [e.country for e in event.actor] == ["ISR"] and [e.country for e in event.recipient] == ["LBN"]


def test_aside_particles(pipeline):
    rejected = code_text(pipeline, "Iran brushed aside the French proposal on Monday.")
    assert any(e.type == "REJECT" and [a.country for a in e.actor] == ["IRN"] for e in rejected)
    resigned = code_text(pipeline, "Bolivia's president stepped aside in June.")
    assert any(e.type == "RETREAT" and e.mode == "resign" for e in resigned)


def test_an_adverb_apart_from_verb_and_object_or_heading_a_date_is_no_particle(pipeline):
    # "back in 2000" is when, and it stands after the recipient, not after verb or object
    doc = pipeline.nlp("Israel handed the town to Lebanon back in 2000.")
    handed = next(t for t in doc if t.lower_ == "handed")
    assert not _has_particle(handed, "back")
    # a preposition with only a date is no particle either, as before
    doc = pipeline.nlp("The minister called Havana on Monday.")
    called = next(t for t in doc if t.lower_ == "called")
    assert not _has_particle(called, "on")
    doc = pipeline.nlp("The minister called on Havana to free the prisoners.")
    called = next(t for t in doc if t.lower_ == "called")
    assert _has_particle(called, "on")


def test_an_adverb_that_is_no_particle_word_does_not_count(pipeline):
    events = code_text(pipeline, "Russia pulled its troops quickly from the border on Friday.")
    assert not any(e.type == "RETREAT" for e in events)


# -- hyphenated triggers --------------------------------------------------------------------
def test_hyphenated_verb_triggers_like_its_solid_spelling(pipeline):
    event = find(code_text(pipeline, "Nigeria re-opened its border with Niger on Monday."), "CONCEDE", {"NGA", "NER"})
    assert event is not None and [e.country for e in event.recipient] == ["NER"]


def test_hyphenated_noun_triggers_and_reads_as_an_object(pipeline):
    events = code_text(pipeline, "The cease-fire between Israel and Hamas took effect on Sunday.")
    assert find(events, "RETREAT", {"ISR", "PSE"}) is not None


def test_hyphenated_lexicon_entry_is_keyed_without_its_hyphen(pipeline):
    lexicon = pipeline.coder.lexicon
    assert "co-operate" not in lexicon.verbs and lexicon.verbs["cooperate"]
    assert {"cooperate", "ceasefire", "reopen"} <= lexicon.vocabulary


def test_only_lexicon_words_are_joined(pipeline):
    doc = pipeline.nlp("Russian-backed forces and the co-operation council met in state-of-the-art halls.")
    words = [t.text for t in doc]
    assert "Russian-backed" not in words and "state-of-the-art" not in words
    # 'cooperation' is no trigger of its own, so the word stays as parsed unless the lexicon has it
    assert ("co-operation" in words) == ("cooperation" in pipeline.coder.lexicon.vocabulary)


# -- the owner of a nominal act that only measures it ---------------------------------------
def test_a_measure_word_owner_gives_way_to_what_it_counts(pipeline):
    text = "Lithuania condemned the deployment of a large grouping of Russian troops near Vilnius."
    events = code_text(pipeline, text)
    deployment = next((e for e in events if e.type == "MOBILIZE"), None)
    assert deployment is not None and [e.country for e in deployment.actor] == ["RUS"]


# -- a condemnation with a trailing comment clause -------------------------------------------
def test_condemnation_with_trailing_calling_clause_reaches_the_measures_author(pipeline):
    text = (
        "The Foreign Ministry of Serbia has condemned the new package of restrictive measures"
        " adopted by the European Union, calling it illegal."
    )
    event = find(code_text(pipeline, text), "ACCUSE", {"SRB", "EU"})
    assert event is not None and [e.country for e in event.recipient] == ["EU"]


def test_condemnation_with_trailing_saying_clause_is_coded(pipeline):
    text = "China condemned the US sanctions on Monday, saying they violated international law."
    assert find(code_text(pipeline, text), "ACCUSE", {"CHN", "USA"}) is not None


def test_measures_with_no_named_author_give_no_recipient(pipeline):
    text = "The Foreign Ministry of Serbia has condemned the new package of restrictive measures, calling it illegal."
    event = next((e for e in code_text(pipeline, text) if e.type == "ACCUSE"), None)
    assert event is not None and event.recipient == []


# -- 'the two presidents' after a quarrel told in between -------------------------------------
def test_joint_signing_by_the_two_presidents_is_the_pair_that_met(pipeline):
    text = (
        "Cuban President Miguel Díaz-Canel held talks with Belarusian President Alexander Lukashenko"
        " in Minsk on Tuesday. The Cuban president again denounced the blockade imposed by the"
        " United States. At the close of the talks, the two presidents signed a roadmap of cooperation."
    )
    events = code_text(pipeline, text)
    assert find(events, "SUPPORT", {"CUB", "BLR"}) is not None
    assert find(events, "SUPPORT", {"CUB", "USA"}) is None

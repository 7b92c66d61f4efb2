"""Answers over the samples and cluster corpus: cited, grouped, and honest when empty."""

import json

from dyad.ask import ask
from dyad.ask.render import as_json, as_text


def test_promises_are_counted_dated_and_cited(corpus_store):
    answer = ask(corpus_store, "What did Lukashenko promise Cuba?", min_confidence=0.6)
    assert not answer.no_support
    assert all(c.type == "AGREE" and "BLR" in c.actors for c in answer.citations)
    dates = {c.date for c in answer.citations}
    assert "2025-02-19" in dates and "2025-06-24" in dates
    text = as_text(answer)
    assert "promises from 2025-02-19" in text and "Understood:" in text
    assert all(c.id in text and c.outlets for c in answer.citations)


def test_nothing_found_says_so_and_what_it_looked_for(corpus_store):
    answer = ask(corpus_store, "What did Mongolia promise Cuba?")
    assert answer.no_support and not answer.citations
    text = as_text(answer)
    assert "No support found" in text and "MNG" in text


def test_time_bounds_drop_what_is_outside(corpus_store):
    answer = ask(corpus_store, "Which sanctions did the EU impose on Belarus in July 2025?")
    assert [c.date for c in answer.citations] == ["2025-07-14"]


def test_why_questions_list_evidence_with_a_note(corpus_store):
    answer = ask(corpus_store, "How does the blackout crisis affect the Cuban population?")
    assert answer.note and "does not explain" in answer.note
    assert {"PROTEST", "COERCE"} <= {c.type for c in answer.citations}


def test_json_has_citations_and_understood(corpus_store):
    data = json.loads(as_json(ask(corpus_store, "When did Díaz-Canel visit Belarus?")))
    assert data["understood"] and not data["no_support"]
    assert any(c["type"] == "CONSULT" and c["mode"] == "visit" and c["date"] == "2025-06-24" for c in data["citations"])

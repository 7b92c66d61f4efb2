"""The run loop: coder versions and recode, and the same database from one worker or several."""

from __future__ import annotations

import pytest

from dyad.events import version
from dyad.ingest.text import article_from_text
from dyad.runner import RunOptions, recode, run
from dyad.store import Store

TEXTS = [
    "Belarus and Cuba signed a trade protocol in Havana on Monday.",
    "Russia sent fuel to Cuba on Tuesday.",
    "The European Union imposed sanctions on Belarus on Wednesday.",
    "Farmers in the valley reported a fine harvest of apples and pears this autumn.",
    "Vietnam and Cuba agreed to expand rice cooperation, officials said on Thursday.",
]


def _articles():
    return [article_from_text(text, ref=f"a{n}", published="2025-03-04") for n, text in enumerate(TEXTS)]


def _coded_refs(pipeline, monkeypatch) -> list[str]:
    """Every article ref the pipeline codes from now on, in order."""
    seen: list[str] = []
    code = pipeline.code

    def counting(articles):
        for coded in code(articles):
            seen.append(coded.article.ref)
            yield coded

    monkeypatch.setattr(pipeline, "code", counting)
    return seen


def test_events_and_articles_carry_the_coder_version(tmp_path, pipeline):
    with Store(tmp_path / "v.duckdb") as store:
        run(_articles(), pipeline, store, RunOptions(batch_size=2))
        assert {row[0] for row in store.query("SELECT coder_version FROM articles")} == {version.coder_version()}
        assert {row[0] for row in store.query("SELECT coder_version FROM events")} == {version.coder_version()}
        assert {event.coder_version for event in store.events()} == {version.coder_version()}


def test_recode_after_a_version_bump_recodes_every_article_once(tmp_path, pipeline, monkeypatch):
    with Store(tmp_path / "recode.duckdb") as store:
        run(_articles(), pipeline, store, RunOptions(batch_size=2))
        before = sorted(store.query("SELECT id, type, article_id FROM events"))
        store.connection.execute("INSERT INTO failures VALUES ('a3', 'events', 'an old coder failed', now())")
        assert len(before) >= 3

        monkeypatch.setattr(version, "coder_version", lambda: "9.9.9+bumped")
        coded = _coded_refs(pipeline, monkeypatch)
        stale, summary = recode(store, pipeline, RunOptions(batch_size=2))
        assert stale == summary.articles_added == len(TEXTS)
        assert sorted(coded) == sorted(f"a{n}" for n in range(len(TEXTS))), "each article coded exactly once"
        assert sorted(store.query("SELECT id, type, article_id FROM events")) == before, "same events, no duplicates"
        assert {row[0] for row in store.query("SELECT coder_version FROM events")} == {"9.9.9+bumped"}
        assert {row[0] for row in store.query("SELECT coder_version FROM articles")} == {"9.9.9+bumped"}
        assert store.failures() == [], "the old coder's failure is replaced by the new outcome"

        coded.clear()
        stale, again = recode(store, pipeline, RunOptions(batch_size=2))
        assert (stale, again.articles_added, coded) == (0, 0, [])


def test_a_recode_stopped_midway_resumes_with_the_rest(tmp_path, pipeline, monkeypatch):
    with Store(tmp_path / "stop.duckdb") as store:
        run(_articles(), pipeline, store, RunOptions(batch_size=2))
        monkeypatch.setattr(version, "coder_version", lambda: "9.9.9+bumped")
        written: list[int] = []
        replace = store.replace

        def stop_after_one_batch(batch):
            if written:
                raise KeyboardInterrupt
            written.append(len(batch.fresh))
            return replace(batch)

        monkeypatch.setattr(store, "replace", stop_after_one_batch)
        with pytest.raises(KeyboardInterrupt):
            recode(store, pipeline, RunOptions(batch_size=2))
        monkeypatch.setattr(store, "replace", replace)
        assert written == [2]
        coded = _coded_refs(pipeline, monkeypatch)
        stale, summary = recode(store, pipeline, RunOptions(batch_size=2))
        assert stale == summary.articles_added == len(TEXTS) - 2 == len(coded)

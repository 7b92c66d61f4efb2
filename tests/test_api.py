"""The small public API: dyad.extract, dyad.Store, records as dicts, events as a DataFrame."""

import dyad

TEXT = "Belarus and Cuba signed a trade protocol in Havana on Monday. Russia sent fuel to Cuba."


def test_extract_returns_records_that_convert(pipeline):
    events = dyad.extract(TEXT, published="2025-03-04")
    assert {e.type for e in events} >= {"SUPPORT", "AID"}
    record = events[0].to_dict()
    assert {"type", "actor", "recipient", "evidence", "article_ref", "cameo"} <= set(record)
    frame = dyad.to_dataframe(events)
    assert list(frame["type"]) == [e.type for e in events]


def test_store_ingests_and_queries(tmp_path, pipeline):
    path = tmp_path / "wire.txt"
    path.write_text("Protocol signed\nPublished: 2025-03-04\n\n" + TEXT, encoding="utf-8")
    with dyad.Store(tmp_path / "api.duckdb") as store:
        summary = store.ingest([path])
        assert summary.articles_added == 1
        assert [e.type for e in store.events(type="AID")] == ["AID"]


def test_errors_share_one_root():
    for error in (dyad.InputError, dyad.ConfigError, dyad.ModelError, dyad.StoreError):
        assert issubclass(error, dyad.DyadError)

"""Promise follow-through over the samples and cluster corpus."""

from dyad.promises import promises


def test_each_belarus_promise_to_cuba_gets_a_status_with_evidence(corpus_store):
    found = promises(corpus_store, actor="BLR", recipient="CUB", min_confidence=0.6)
    assert found and all(p.status in ("kept", "pending", "contradicted", "unknown") for p in found)
    for p in found:
        assert (p.status == "kept") == bool(p.kept_by) or p.status == "contradicted"
        assert p.status == "unknown" or p.elapsed_days is not None


def test_machinery_promise_is_kept_by_the_november_delivery(corpus_store):
    found = promises(corpus_store, actor="BLR", recipient="CUB", min_confidence=0.6)
    june = [p for p in found if p.promise.date == "2025-06-24" and "health" in p.areas]
    assert june and june[0].status == "kept"
    assert any(f.type == "AID" and f.date == "2025-11-18" for f in june[0].kept_by)


def test_has_yet_to_contradicts(corpus_store):
    february = [p for p in promises(corpus_store, actor="BLR", min_confidence=0.6) if p.promise.date == "2025-02-19"]
    assert february and february[0].status == "contradicted"
    assert any("yet to" in f.text for f in february[0].contradicted_by)


def test_filters_are_country_codes(corpus_store):
    assert all("RUS" in p.promise.actor_countries for p in promises(corpus_store, actor="rus"))
    assert promises(corpus_store, actor="MNG") == []

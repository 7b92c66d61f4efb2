"""The real-news corpus machinery: manifest, cache checks, offsets, agreement. No third-party text here:
the articles below are written for these tests."""

import json
import subprocess
import sys
from collections import Counter

import pytest

from dyad import corpus
from tests.conftest import DATA, REPO

MANIFEST = DATA / "real" / "manifest.jsonl"

ARTICLE = """ date 2025-03-02
Minister visits neighbour

The foreign minister of Ruritania, Anna Weiss, arrived in Freedonia on Monday for talks with her counterpart.

She said the two countries would sign a “trade protocol” in April.
"""


def _cache_with(tmp_path, text=ARTICLE, article_id="t001"):
    (tmp_path / "texts").mkdir(parents=True)
    (tmp_path / "texts" / f"{article_id}.txt").write_text(text, encoding="utf-8")
    entry = {"id": article_id, "url": "https://example.org/a", "query": "q", "rank": 1, "published": "2025-03-02"}
    entry["sha256"] = corpus.text_sha256(text)
    return entry


def test_hash_ignores_whitespace_but_not_words():
    respaced = ARTICLE.replace("\n\n", "\n\n\n\n").replace(" for talks", "  for   talks")
    assert corpus.text_sha256(respaced) == corpus.text_sha256(ARTICLE)
    assert corpus.text_sha256(ARTICLE.replace("Monday", "Tuesday")) != corpus.text_sha256(ARTICLE)


def test_split_is_fixed_by_the_id_alone():
    assert corpus.split_of("r101") == corpus.split_of("r101")
    splits = Counter(corpus.split_of(f"x{n}") for n in range(2000))
    assert 0.55 < splits["dev"] / 2000 < 0.65


def test_manifest_describes_a_broad_corpus_without_any_text():
    rows = corpus.read_jsonl(MANIFEST)
    assert len(rows) >= 100
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({row["url"] for row in rows}) == len(rows)
    assert len({row["outlet"] for row in rows}) >= 25
    assert len({row["region"] for row in rows}) >= 8
    assert {row["outlet_kind"] for row in rows} >= {"state", "independent", "national", "wire", "government"}
    for row in rows:
        assert set(row) >= {"id", "url", "query", "rank", "sha256", "outlet", "outlet_kind", "region", "published"}
        assert row["split"] == corpus.split_of(row["id"])
        assert "text" not in row and len(json.dumps(row)) < 800


def test_committed_gold_holds_offsets_not_sentences():
    for path in (DATA / "real").glob("*.jsonl"):
        if path.name == "manifest.jsonl":
            continue
        for row in corpus.read_jsonl(path):
            assert set(row) == {"id", "published", "events"}
            for event in row["events"]:
                assert all(len(span) == 2 and span[0] < span[1] for span in event["evidence"])
                for entity in [*event["actor"], *event["recipient"]]:
                    assert "text" not in entity


def test_locate_finds_a_quote_whatever_its_spacing_and_quote_marks():
    text = corpus.normalise_cached_text(ARTICLE)
    start, end = corpus.locate(text, 'would sign a  "trade protocol" in April.')
    assert text[start:end] == "would sign a “trade protocol” in April."
    assert corpus.locate(text, "a sentence that is not there") is None


def test_annotations_become_offsets_and_unfound_quotes_are_reported():
    text = corpus.normalise_cached_text(ARTICLE)
    events = [
        {
            "type": "CONSULT",
            "mode": "visit",
            "actor": [{"text": "Anna Weiss", "name": "Anna Weiss", "country": "RUR", "sector": "GOV"}],
            "recipient": [{"text": "her counterpart", "name": None, "country": "FRE", "sector": "GOV"}],
            "evidence": "The foreign minister of Ruritania, Anna Weiss, arrived in Freedonia on Monday",
        },
        {"type": "AGREE", "actor": [{"text": "She", "country": "RUR"}], "evidence": "made-up words"},
    ]
    converted, problems = corpus.to_offsets(text, events, "t001")
    assert len(converted) == 1 and problems == ["t001 event 2: evidence not found in the text"]
    (start, end), actor = converted[0]["evidence"][0], converted[0]["actor"][0]
    assert text[start:end].startswith("The foreign minister")
    assert text[actor["span"][0] : actor["span"][1]] == "Anna Weiss" and "text" not in actor
    assert converted[0]["modality"] == "asserted" and converted[0]["core"] is True


def test_cache_check_verifies_hashes_and_builds_eval_files(tmp_path):
    entry = _cache_with(tmp_path / "cache")
    missing = {**entry, "id": "t002", "url": "https://example.org/b"}
    changed = {**entry, "id": "t003", "url": "https://example.org/c"}
    (tmp_path / "cache" / "texts" / "t003.txt").write_text(ARTICLE.replace("April", "May"), encoding="utf-8")
    status = corpus.check_cache([entry, missing, changed], tmp_path / "cache")
    assert status.verified == ["t001"] and status.missing == [missing] and status.mismatched == [changed]
    text = corpus.cached_text(tmp_path / "cache", "t001")
    start = text.index("The foreign")
    gold_event = {"type": "CONSULT", "actor": [{"name": "Anna Weiss", "country": "RUR", "sector": "GOV"}]}
    gold_event |= {"recipient": [], "evidence": [[start, start + 40]]}
    gold = tmp_path / "gold.jsonl"
    corpus.write_jsonl(gold, [{"id": "t001", "published": "2025-03-02", "events": [gold_event]}])
    written = corpus.build_eval_files([entry], {"gold": gold}, tmp_path / "cache", set(status.verified))
    split = corpus.split_of("t001")
    line = corpus.read_jsonl(written[f"gold-{split}"])[0]
    assert line["events"][0]["evidence"] == text[start : start + 40]
    article_path = written[f"gold-{split}"].parent / line["path"]
    assert article_path.read_text(encoding="utf-8")[start : start + 40] == text[start : start + 40]


def test_agreement_is_f1_of_one_annotator_against_the_other():
    def event(type_, *countries, modality="asserted"):
        return {"type": type_, "actor": [{"country": countries[0]}], "modality": modality, "core": True} | {
            "recipient": [{"country": c} for c in countries[1:]]
        }

    first = [{"id": "a", "events": [event("CONSULT", "RUR", "FRE"), event("AGREE", "RUR", "FRE")]}]
    second = [{"id": "a", "events": [event("CONSULT", "FRE", "RUR", modality="historical")]}]
    found = corpus.agreement(first, second)
    assert (found.first, found.second, found.both) == (2, 1, 1)
    assert found.f1 == pytest.approx(2 / 3)
    assert found.accuracy("modality") == 0.0 and found.accuracy("direction") == 0.0


def _dyad(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "dyad.cli", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_corpus_check_lists_what_to_fetch_and_exits_2(tmp_path):
    entry = _cache_with(tmp_path / "cache")
    missing = {**entry, "id": "t002", "url": "https://example.org/b", "query": "minister visit talks", "rank": 3}
    corpus.write_jsonl(tmp_path / "manifest.jsonl", [entry, missing])
    result = _dyad(
        "corpus", "check", "--cache", str(tmp_path / "cache"), "--manifest", str(tmp_path / "manifest.jsonl"), cwd=REPO
    )
    assert result.returncode == 2
    assert "t002" in result.stdout and "'minister visit talks', rank 3" in result.stdout
    assert "1 of 2 texts verified, 1 to fetch" in result.stdout


def test_real_corpus_cache_when_present():
    """With the texts fetched into .real-corpus/, every one must match its manifest hash."""
    cache = REPO / ".real-corpus"
    if not (cache / "texts").is_dir():
        pytest.skip(".real-corpus/ is not on this machine: run `dyad corpus check` and fetch the texts")
    status = corpus.check_cache(corpus.read_jsonl(MANIFEST), cache)
    assert not status.mismatched, [entry["id"] for entry in status.mismatched]


def test_calibrate_refuses_the_test_split(tmp_path):
    test_file = tmp_path / "gold-test.jsonl"
    test_file.write_text("", encoding="utf-8")
    result = _dyad("corpus", "calibrate", str(test_file), "--out", str(tmp_path / "c.yaml"), cwd=REPO)
    assert result.returncode == 1 and "dev split only" in result.stderr
    assert not (tmp_path / "c.yaml").exists()


def test_calibrate_fits_on_a_gold_file_and_eval_prints_the_sweep(tmp_path):
    gold = DATA / "gold" / "samples.jsonl"
    out = tmp_path / "confidence.yaml"
    result = _dyad("corpus", "calibrate", str(gold), "--out", str(out), "--folds", "3", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "held out (3-fold by article)" in result.stdout and "Brier in sample" in result.stdout
    from dyad.events.confidence import load_calibration

    fitted = load_calibration(str(out))
    assert fitted.weights and 0.0 <= fitted.default_threshold <= 0.95
    scored = _dyad("eval", "events", str(gold), "--json", "--min-confidence", "0", cwd=REPO)
    report = json.loads(scored.stdout)
    assert report["min_confidence"] == 0 and [row["threshold"] for row in report["sweep"]][:3] == [0.0, 0.05, 0.1]
    assert report["sweep"][0]["f1"] == pytest.approx(report["overall"]["f1"])

"""End to end over samples/: the real CLI, and specific events an analyst would look for."""

import json

import pytest

from tests.conftest import SAMPLES
from tests.test_cli import run


@pytest.fixture(scope="module")
def sample_events():
    result = run("extract", str(SAMPLES), "--format", "jsonl", "--min-confidence", "0")  # every coded event
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _one(events, sample, type_, actor, recipient=None, modality=None):
    """The event of `sample` with this type, actor countries and (if given) recipient countries."""
    for event in events:
        if not event["article_ref"].endswith(sample) or event["type"] != type_:
            continue
        if modality is not None and event["modality"] != modality:
            continue
        if {e["country"] for e in event["actor"]} != actor:
            continue
        if recipient is not None and {e["country"] for e in event["recipient"]} != recipient:
            continue
        return event
    raise AssertionError(f"no {type_} {actor}->{recipient} in {sample}")


def test_state_visit_to_havana(sample_events):
    visit = _one(sample_events, "01_lukashenko_havana_visit.txt", "CONSULT", {"BLR"}, {"CUB"})
    assert visit["mode"] == "visit"
    assert visit["location"]["name"] == "Havana" and visit["location"]["country"] == "CUB"
    assert visit["date"] == "2025-02-18"


def test_treaty_signing_in_moscow(sample_events):
    signing = _one(sample_events, "12_maduro_moscow_treaty.txt", "SUPPORT", {"VEN", "RUS"}, set(), "asserted")
    assert {e["name"] for e in signing["actor"]} == {"Nicolás Maduro", "Vladimir Putin"}
    ratification = _one(sample_events, "12_maduro_moscow_treaty.txt", "SUPPORT", {"VEN", "RUS"}, set(), "negated")
    assert {e["sector"] for e in ratification["actor"]} == {"LEG"}


def test_sanctions_name_who_imposes_them(sample_events):
    treasury = _one(sample_events, "11_us_sanctions_chinese_refinery.txt", "SANCTION", {"USA"}, {"CHN"})
    assert treasury["modality"] == "asserted"
    current = _one(sample_events, "03_eu_sanctions_belarus.txt", "SANCTION", {"EU"}, {"BLR"}, "asserted")
    assert current["date"] == "2025-06-23"
    background = _one(sample_events, "03_eu_sanctions_belarus.txt", "SANCTION", {"EU"}, {"BLR"}, "historical")
    assert background["date"] == "2020-10"


def test_aid_and_praise(sample_events):
    aid = _one(sample_events, "09_china_medical_aid_venezuela.txt", "AID", {"CHN"})
    assert aid["date"] == "2025-05-24"  # "landed on Saturday" in a Tuesday story
    thanks = _one(sample_events, "04_russian_fuel_cuba.txt", "SUPPORT", {"CUB"}, {"RUS"})
    assert thanks["recipient"][0]["name"] == "Vladimir Putin"


def test_every_event_quotes_its_article(sample_events):
    texts = {path.name: path.read_text(encoding="utf-8") for path in SAMPLES.glob("*.txt")}
    for event in sample_events:
        text = texts[event["article_ref"].rsplit("/", 1)[-1]]
        for item in event["evidence"]:
            assert text[item["start"] : item["end"]] == item["text"]

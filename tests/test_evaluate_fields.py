"""Field misses on matched events are listed with both values and the predicted sentence."""

from dyad.evaluate import GoldArticle, score
from dyad.ingest.text import article_from_text
from dyad.records import Entity, Event, Evidence, Location

TEXT = "Peru and Chile held talks in Lima on Monday."


def _gold() -> list[GoldArticle]:
    article = article_from_text(TEXT, ref="a", published="2024-03-06")
    event = {
        "type": "CONSULT",
        "actor": [{"country": "PER"}, {"country": "CHL"}],
        "recipient": [],
        "date": "2024-03-04",
        "location": {"name": "Lima", "country": "PER"},
        "evidence": TEXT,
    }
    return [GoldArticle(article, [event])]


def _predicted(**changes) -> dict[str, list[Event]]:
    data = {
        "id": "e",
        "article_id": "x",
        "article_ref": "a",
        "type": "CONSULT",
        "cameo": "04",
        "actor": [Entity(text="Peru", country="PER"), Entity(text="Chile", country="CHL")],
        "evidence": [Evidence(text=TEXT, start=0, end=len(TEXT))],
        "date": "2024-03-04",
        "date_precision": "day",
        "location": Location(name="Lima", country="PER"),
        **changes,
    }
    return {"a": [Event(**data)]}


def test_a_matched_event_with_right_fields_has_no_date_or_location_miss():
    report = score(_gold(), _predicted())
    assert report.matched == 1
    assert not [miss for miss in report.field_misses if miss[2] in ("date", "location")]


def test_date_and_location_misses_show_gold_got_and_the_sentence():
    report = score(_gold(), _predicted(date="2024-03-06", location=Location(name="Santiago", country="CHL")))
    misses = {miss[2]: miss for miss in report.field_misses}
    assert misses["date"][3:5] == ("2024-03-04", "2024-03-06")
    assert misses["location"][3:5] == ("PER (Lima)", "CHL (Santiago)")
    assert misses["location"][5] == TEXT


def test_a_place_where_gold_has_none_is_a_miss():
    report = score(_gold(), _predicted(location=None))
    (miss,) = [miss for miss in report.field_misses if miss[2] == "location"]
    assert miss[3:5] == ("PER (Lima)", "None")

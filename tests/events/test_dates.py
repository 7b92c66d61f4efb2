import datetime as dt

import pytest

from dyad.events.dates import parse_date_phrase, precision_of

PUBLISHED = dt.date(2025, 7, 27)


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("July 26", "2025-07-26", "day"),
        ("in October", "2024-10", "month"),
        ("just a month ago", "2025-06", "month"),
        ("June 2025", "2025-06", "month"),
        ("yesterday", "2025-07-26", "day"),
        ("on Tuesday", "2025-07-22", "day"),
        ("1992", "1992", "year"),
        ("last month", "2025-06", "month"),
    ],
)
def test_phrases_resolve_against_the_publication_date(phrase, value, precision):
    found = parse_date_phrase(phrase, PUBLISHED)
    assert found is not None and (found.value, found.precision) == (value, precision)


def test_future_phrases_prefer_the_future():
    assert parse_date_phrase("in October", PUBLISHED, prefer="future").value == "2025-10"


@pytest.mark.parametrize("phrase", ["24 hours", "recent years", "decades"])
def test_durations_are_not_dates(phrase):
    assert precision_of(phrase) is None

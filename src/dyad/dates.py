"""Publication dates given in any common form, normalised to ISO with their precision."""

from __future__ import annotations

import datetime as dt
import re

import dateparser

from dyad.errors import InputError

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]")
_DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
# The longest date phrase worth handing to dateparser ("Wednesday, 26 November 2025 14:05 GMT+01:00"
# is 40); longer values are prose or junk, and dateparser's time grows with the length.
MAX_DATE_CHARS = 64
# Publication dates outside these years are typos or parsing accidents, not news.
EARLIEST_YEAR, LATEST_YEAR = 1800, 2200


def normalise_published(value: str | dt.date | None, source: str = "published") -> str | None:
    """Turn '2025-07-26', '26 July 2025', '25.10.2022' or a datetime into ISO 'YYYY[-MM[-DD]]'.

    Raises InputError naming `source` for anything else (an impossible date such as
    '2025-13-45' included), never another exception: a bad date is the input's fault.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if _ISO.match(text):
        return _checked_iso(text, source)
    if match := _ISO_DATETIME.match(text):
        return _checked_iso(match[1], source)
    if len(text) > MAX_DATE_CHARS:
        raise InputError(source, f"cannot read publication date {text[:MAX_DATE_CHARS]!r}...: too long for a date")
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError, AttributeError, IndexError, KeyError, re.error):
        parsed = None  # dateparser raises an assortment of errors on odd strings; all mean "no date"
    if parsed is None or not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise InputError(source, f"cannot read publication date {text!r}")
    return parsed.date().isoformat()


def parse_iso_date(value: str, source: str = "date") -> str:
    """A strict ISO 'YYYY[-MM[-DD]]' that names a real day, month or year, as given.

    For dates typed on the command line (`--since`, `--until`): no guessing, so a typo is
    reported rather than read as some other date.
    """
    text = value.strip()
    if not _ISO.match(text):
        raise InputError(source, f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return _checked_iso(text, source)


def iso_to_date(value: str) -> tuple[dt.date, str]:
    """An ISO partial date as (first day it covers, precision)."""
    match = _ISO.match(value)
    if not match:
        raise ValueError(f"not an ISO date: {value!r}")
    year, month, day = match.groups()
    if day:
        return dt.date(int(year), int(month), int(day)), "day"
    if month:
        return dt.date(int(year), int(month), 1), "month"
    return dt.date(int(year), 1, 1), "year"


def _checked_iso(text: str, source: str) -> str:
    """The ISO text unchanged when it names a real calendar date; InputError otherwise."""
    try:
        iso_to_date(text)
    except ValueError as error:
        raise InputError(source, f"{text!r} is not a real date ({error})") from None
    return text

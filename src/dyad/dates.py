"""Publication dates given in any common form, normalised to ISO with their precision."""

from __future__ import annotations

import datetime as dt
import re

import dateparser

from dyad.errors import InputError

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def normalise_published(value: str | dt.date | None, source: str = "published") -> str | None:
    """Turn '2025-07-26', '26 July 2025', '25.10.2022' or a datetime into ISO 'YYYY[-MM[-DD]]'."""
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
        return text
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text):
        return text[:10]
    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        raise InputError(source, f"cannot read publication date {text!r}")
    return parsed.date().isoformat()


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

"""Validate ISO publication dates given as metadata (records, HTML, --published)."""

from __future__ import annotations

import re
from datetime import date, datetime

from hadath.errors import InvalidDateError
from hadath.model import Precision

ACCEPTED = "YYYY-MM-DD, YYYY-MM, YYYY, or an ISO date-time such as 2015-08-01T10:30:00Z"

_YEAR = re.compile(r"[0-9]{4}")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATETIME = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?",
    re.IGNORECASE,
)


def _invalid(value: str, problem: str) -> InvalidDateError:
    return InvalidDateError(f"invalid date {value!r}: {problem}; write it as {ACCEPTED}")


def _check_year(value: str, year: int) -> None:
    if year < 1:
        raise _invalid(value, "year 0000 does not exist")


def _check_month(value: str, month: int) -> None:
    if not 1 <= month <= 12:
        raise _invalid(value, f"month {month:02d} is out of range (01-12)")


def _check_day(value: str, year: int, month: int, day: int) -> None:
    try:
        date(year, month, day)
    except ValueError:
        raise _invalid(value, f"day {day:02d} does not exist in {year:04d}-{month:02d}") from None


def _check_datetime(value: str) -> None:
    try:
        datetime.fromisoformat(value.upper().replace(",", "."))
    except ValueError:
        raise _invalid(value, "the time of day is out of range") from None


def parse_iso_date(value: str) -> tuple[str, Precision]:
    """Validate an ISO date and return it with its precision; date-times are cut to the day."""
    text = value.strip()
    if _YEAR.fullmatch(text):
        _check_year(value, int(text))
        return text, "year"
    if found := _MONTH.fullmatch(text):
        _check_year(value, int(found.group(1)))
        _check_month(value, int(found.group(2)))
        return text, "month"
    found = _DAY.fullmatch(text)
    stamp = _DATETIME.fullmatch(text)
    if found is None and stamp is None:
        raise _invalid(value, "it is not in an accepted format")
    day = found.group(0) if found else stamp.group(1) if stamp else ""
    year, month, dom = (int(part) for part in day.split("-"))
    _check_year(value, year)
    _check_month(value, month)
    _check_day(value, year, month, dom)
    if stamp is not None:
        _check_datetime(text)
    return day, "day"

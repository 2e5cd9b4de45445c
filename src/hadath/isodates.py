"""ISO date prefixes (2014, 2014-05, 2014-05-12): the first and the last day each allows."""

from __future__ import annotations

import calendar
import datetime as dt


def first_day(value: str) -> dt.date:
    """The earliest day an ISO date of any precision allows."""
    return dt.date.fromisoformat(f"{value}-01-01"[:10])


def last_day(value: str) -> dt.date:
    """The latest day an ISO date of any precision allows."""
    if len(value) == 4:
        return dt.date(int(value), 12, 31)
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date.fromisoformat(value)

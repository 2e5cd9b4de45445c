"""Dates stage: the publication date, and time expressions resolved to calendar values."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from hijridate import Hijri

from hadath.model import Analysis, Precision, Span, TimeMention, TimeValue, Token
from hadath.resources import Resources
from hadath.timeexpr import Found, find, safe_date
from hadath.timewords import TimeLexicon
from hadath.tokenize import tokens_in

_PATH_YMD = re.compile(r"(?<!\d)(\d{4})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
_PATH_YY = re.compile(r"/(\d{2})/(\d{1,2})/(\d{1,2})/")
_DATELINE_WINDOW = 6
_DATELINE_MAX_WORDS = 14
_DATELINE_LEAD_WORDS = 3  # words (a place, a weekday) that may precede a dateline's date
_DASH_WINDOW = 5  # tokens after the date in which the dateline's dash stands ("(رويترز) -")


def cut(value: dt.date, precision: Precision) -> TimeValue:
    """Return a date as a TimeValue cut to the given precision."""
    text = value.isoformat()
    return TimeValue(text[: {"day": 10, "month": 7, "year": 4}[precision]], precision)


def parse_value(value: str) -> dt.date | None:
    """Return the first day an ISO date prefix (YYYY, YYYY-MM, YYYY-MM-DD) denotes."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def _hijri(found: Found) -> TimeValue | None:
    if found.year is None or found.month is None:
        return None
    try:
        if found.day is not None:
            g = Hijri(found.year, found.month, found.day).to_gregorian()
            return cut(dt.date(g.year, g.month, g.day), "day")
        first = Hijri(found.year, found.month, 1).to_gregorian()
        last = Hijri(found.year, found.month, Hijri(found.year, found.month, 1).month_length())
        end = last.to_gregorian()
    except (ValueError, OverflowError):
        return None
    if (first.year, first.month) == (end.year, end.month):
        return TimeValue(f"{first.year:04d}-{first.month:02d}", "month")
    return TimeValue(f"{first.year:04d}", "year") if first.year == end.year else None


def _year_before(month: int, day: int, published: dt.date, forward: bool) -> dt.date | None:
    for year in (published.year, published.year - 1, published.year + 1):
        value = safe_date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if value is not None and ((value <= published) != forward or value == published):
            return value
    return None


def resolve(found: Found, published: dt.date | None) -> TimeValue | None:
    """Resolve a found expression against the publication day (None when it cannot be)."""
    if found.calendar == "hijri":
        return _hijri(found)
    if found.rule in ("explicit", "numeric", "year"):
        if found.year is not None and found.month is None:
            return TimeValue(f"{found.year:04d}", "year")
        if found.year is None and found.month is not None:
            if published is None:
                return None
            target = _year_before(found.month, found.day or 1, published, found.direction > 0)
            if target is None:
                return None
            return cut(target, "day" if found.day else "month")
        if found.year is None or found.month is None or not 1 <= found.month <= 12:
            return None
        if found.day is None:
            return TimeValue(f"{found.year:04d}-{found.month:02d}", "month")
        value = safe_date(found.year, found.month, found.day)
        return cut(value, "day") if value else None
    if published is None:
        return None
    if found.rule == "relative-day" and found.offset is not None:
        return cut(published + dt.timedelta(days=found.offset), "day")
    if found.rule in ("ago", "period"):
        return _shifted(found, published)
    if found.rule == "season" and found.months is not None:
        return _season_year(found.months, found.direction, published)
    if found.rule == "weekday" and found.weekday is not None:
        if found.direction > 0:
            ahead = (found.weekday - published.isoweekday()) % 7 or 7
            return cut(published + dt.timedelta(days=ahead), "day")
        back = (published.isoweekday() - found.weekday) % 7 or (7 if found.direction < 0 else 0)
        return cut(published - dt.timedelta(days=back), "day")
    return None


def _shifted(found: Found, published: dt.date) -> TimeValue | None:
    """The day, month or year some units before or after publication's; a week is no date."""
    steps = -(found.count or 0) if found.rule == "ago" else found.direction
    if found.unit == "day":
        return cut(published + dt.timedelta(days=steps), "day")
    if found.unit == "month":
        months = published.year * 12 + published.month - 1 + steps
        return TimeValue(f"{months // 12:04d}-{months % 12 + 1:02d}", "month")
    if found.unit == "year":
        return TimeValue(f"{published.year + steps:04d}", "year")
    return None


def _season_year(months: tuple[int, int], direction: int, published: dt.date) -> TimeValue | None:
    """The year of the last, current or next season; a winter spans two years and gives none."""
    first, last = months
    if first > last:
        return None
    year = published.year
    if direction < 0 and published.month <= last:
        year -= 1
    elif direction > 0 and published.month >= first:
        year += 1
    return TimeValue(f"{year:04d}", "year")


def _dateline_date(lex: TimeLexicon, tokens: Sequence[Token]) -> TimeValue | None:
    """The date of a dateline: a short line that is a date (with a place, a weekday, a Hijri
    equivalent), or a date near the start of the lead that a dash then separates from the story."""
    short = sum(t.is_word for t in tokens) <= _DATELINE_MAX_WORDS
    values: list[TimeValue] = []
    for found in find(lex, tokens):
        if found.year is None:
            continue
        lead = sum(t.is_word for t in tokens[: found.first]) <= _DATELINE_LEAD_WORDS
        dash = any(t.norm == "-" for t in tokens[found.last + 1 : found.last + 1 + _DASH_WINDOW])
        value = resolve(found, None)
        if value is not None and (short or (lead and dash)):
            values.append(value)
    # A Hijri dateline gives its Gregorian equivalent second: the most precise, last one wins.
    return max(reversed(values), key=lambda v: len(v.value)) if values else None


def _dateline(analysis: Analysis, lex: TimeLexicon) -> TimeValue | None:
    """Return the date of a dateline near the top of the article."""
    for sentence in analysis.sentences[:_DATELINE_WINDOW]:
        value = _dateline_date(lex, tokens_in(analysis.tokens, sentence))
        if value is not None:
            return value
    return None


def path_date(path: str, allow_two_digit_year: bool) -> TimeValue | None:
    """Return a date written in a URL path (/2024/06/26/, or /22/10/22/ for image paths)."""
    for m in _PATH_YMD.finditer(path):
        value = safe_date(int(m[1]), int(m[2]), int(m[3]))
        if value is not None and 1990 <= value.year <= 2100:
            return cut(value, "day")
    if allow_two_digit_year:
        for m in _PATH_YY.finditer(path):
            value = safe_date(2000 + int(m[1]), int(m[2]), int(m[3]))
            if value is not None:
                return cut(value, "day")
    return None


def publication(analysis: Analysis, lex: TimeLexicon) -> tuple[TimeValue, str] | None:
    """Find the publication date in the text, URL or image paths, with its source."""
    dateline = _dateline(analysis, lex)
    if dateline is not None:
        return dateline, "dateline"
    doc = analysis.document
    if doc.url and (value := path_date(doc.url, allow_two_digit_year=False)):
        return value, "url-path"
    for image in doc.images:
        if value := path_date(image, allow_two_digit_year=True):
            return value, "image-path"
    return None


def run(analysis: Analysis, resources: Resources) -> Analysis:
    """Fill the publication date when missing, and resolve every time expression."""
    lex = resources.time
    doc = analysis.document
    if doc.published is None and (found := publication(analysis, lex)) is not None:
        value, source = found
        doc = dataclasses.replace(
            doc, published=value.value, published_precision=value.precision, published_source=source
        )
    published = (
        parse_value(doc.published) if doc.published_precision == "day" and doc.published else None
    )
    tokens = analysis.tokens
    times = tuple(
        TimeMention(
            span=Span(tokens[f.first].span.start, tokens[f.last].span.end),
            value=resolve(f, published),
            rule=f"{f.rule}.{f.calendar}" if f.rule == "explicit" else f.rule,
            relative=f.rule in ("weekday", "relative-day", "ago", "period", "season")
            or (f.rule == "explicit" and f.year is None),
        )
        for f in find(lex, tokens)
    )
    return dataclasses.replace(analysis, document=doc, times=times)

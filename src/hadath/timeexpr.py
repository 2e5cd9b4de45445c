"""Time expressions in tokens: what each says before it is resolved against a publication day."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Sequence

from hadath.model import Token
from hadath.timewords import TimeLexicon

_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_ISO = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_GLUED_ERA = re.compile(r"^(\d{3,4})(\D+)$")  # "1437هـ": the era marker written on the year
_YEARS = range(1900, 2101)  # a bare number after "في" or "منذ" is a year only in this range


@dataclasses.dataclass(frozen=True, slots=True)
class Found:
    """A time expression: where it lies in the tokens and what it says before resolution."""

    first: int
    last: int
    rule: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: str = "gregorian"
    offset: int | None = None
    weekday: int | None = None
    direction: int = 0
    unit: str | None = None  # day|week|month|year, for "الشهر الماضي" and "قبل يومين"
    count: int | None = None  # how many units back ("قبل ثلاثة أيام"); None when only roughly
    months: tuple[int, int] | None = None  # a season's first and last month


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """Return the date, or None when the day does not exist (31 June)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _int(token: Token) -> int | None:
    return int(token.norm) if token.norm.isdigit() and len(token.norm) <= 4 else None


def _alternative(lex: TimeLexicon, tokens: Sequence[Token], end: int, month: int) -> int:
    """Skip a second name of the same month: "يونيو/ حزيران" or "كانون الثاني (يناير)"."""
    if end >= len(tokens) or tokens[end].norm not in ("/", "("):
        return end
    second = lex.months.match(tokens, end + 1)
    if second is None or second[1][0][1] != month:
        return end
    after = end + 1 + second[0]
    closing = tokens[end].norm == "(" and after < len(tokens) and tokens[after].norm == ")"
    return after + 1 if closing else after


def _month_at(
    lex: TimeLexicon, tokens: Sequence[Token], i: int
) -> tuple[int, str, int, bool] | None:
    """(next index, calendar, month, whether both of its names were written) for a month at i."""
    hit = lex.months.match(tokens, i)
    if hit is None:
        return None
    length, values = hit
    cal, month = values[0]
    end = _alternative(lex, tokens, i + length, month)
    return end, cal, month, end > i + length


def _day_at(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """(next index, day) for a day of the month: "25", or "السادس من", "الحادي والعشرين من"."""
    number = _int(tokens[i])
    if number is not None:
        return (i + 1, number) if 1 <= number <= 31 else None
    ordinal = lex.ordinal_days.match(tokens, i)
    after = i + ordinal[0] if ordinal else i
    if ordinal and after < len(tokens) and tokens[after].stem in lex.day_joiners:
        return after + 1, ordinal[1][0]
    return None


def _era(lex: TimeLexicon, marker: str) -> str | None:
    if marker in lex.hijri_era:
        return "hijri"
    return "gregorian" if marker in lex.gregorian_era else None


def _year_at(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> tuple[int, int, str | None]:
    """Return (next index, year or 0, era) for a year written at i ("عام 2014", "من عام
    2018", "1437 هـ", "1437هـ")."""
    if i < len(tokens) and tokens[i].stem in lex.year_joiners:
        i += 1
    if i < len(tokens) and tokens[i].stem in lex.year_words:
        i += 1
    glued = _GLUED_ERA.match(tokens[i].norm) if i < len(tokens) else None
    if glued and (era := _era(lex, glued[2])):
        return i + 1, int(glued[1]), era
    year = _int(tokens[i]) if i < len(tokens) else None
    if year is None or year < 1000:
        return i, 0, None
    era = None
    if i + 1 < len(tokens) and tokens[i + 1].stem in lex.hijri_era:
        era = "hijri"
    elif i + 1 < len(tokens) and tokens[i + 1].stem in lex.gregorian_era:
        era = "gregorian"
    return i + 1 + (era is not None), year, era


def _explicit(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> Found | None:
    found_day = _day_at(lex, tokens, i)
    has_day = found_day is not None
    day = found_day[1] if found_day else None
    month = _month_at(lex, tokens, found_day[0] if found_day else i)
    if month is None:
        return None
    end, cal, number, dual = month
    after, year, era = _year_at(lex, tokens, end)
    direction = 0
    if year:
        last = after - 1
    elif (modifier := _modifier(lex, tokens, end)) is not None:
        last, direction = end, modifier
    elif (
        has_day or dual or (i > 0 and tokens[i - 1].stem in lex.month_words | lex.year_prepositions)
    ):
        last = end - 1
    else:
        return None  # a bare month name may be an ordinary word (آب, ماي, مارس)
    return Found(
        i,
        last,
        "explicit",
        year or None,
        number,
        day if has_day else None,
        era or cal,
        direction=direction,
    )


def _numeric(token: Token, i: int) -> Found | None:
    m = _NUMERIC.match(token.norm)
    if m:
        return Found(i, i, "numeric", int(m[3]), int(m[2]), int(m[1]))
    m = _ISO.match(token.norm)
    if m:
        return Found(i, i, "numeric", int(m[1]), int(m[2]), int(m[3]))
    return None


def _weekday(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> Found | None:
    j = i + 1 if tokens[i].stem in lex.day_word and i + 1 < len(tokens) else i
    hit = lex.weekdays.match(tokens, j)
    if hit is None:
        return None
    end = j + hit[0]
    direction = 0
    if end < len(tokens) and tokens[end].stem in lex.next_words:
        direction, end = 1, end + 1
    elif end < len(tokens) and tokens[end].stem in lex.previous_words:
        direction, end = -1, end + 1
    return Found(i, end - 1, "weekday", weekday=hit[1][0], direction=direction)


def _relative(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> Found | None:
    hit = lex.days.match(tokens, i)
    if hit is None:
        return None
    end = i + hit[0]
    # "اليوم نفسه" is the day the story has reached, not the day of publication.
    if end < len(tokens) and tokens[end].stem in lex.same_words:
        return Found(i, end, "same-day")
    return Found(i, end - 1, "relative-day", offset=hit[1][0])


def _bare_year(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> Found | None:
    """A year: "عام 2014", "سنة 1436 هـ", after a part of it ("منتصف 2023"), or a bare
    number after a preposition ("في 2019", "منذ 2019")."""
    word = tokens[i].stem
    year = _int(tokens[i + 1]) if i + 1 < len(tokens) else None
    if word in lex.year_prepositions and year is not None and year in _YEARS:
        return Found(i + 1, i + 1, "year", year)
    if (word not in lex.year_words and word not in lex.period_parts) or i + 1 >= len(tokens):
        return None
    after, number, era = _year_at(lex, tokens, i + (word in lex.period_parts))
    if not number:
        return None
    return Found(i, after - 1, "year", number, calendar=era or "gregorian")


def count_at(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> tuple[int, int | None, bool]:
    """Read an optional approximation and number before a unit: (next index, number, rough)."""
    rough = lex.approximately.match(tokens, i) if i < len(tokens) else None
    if rough is not None:
        i += rough[0]
    if i < len(tokens) and (number := _int(tokens[i])) is not None:
        return i + 1, number, rough is not None
    word = lex.numbers.match(tokens, i) if i < len(tokens) else None
    if word is not None:
        return i + word[0], word[1][0], rough is not None
    return i, None, rough is not None


def _unit_at(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> tuple[int, str, str] | None:
    hit = lex.units.match(tokens, i) if i < len(tokens) else None
    return None if hit is None else (i + hit[0], *hit[1][0])


def _counted(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> Found | None:
    """ "قبل يومين" (a date counted back from publication) or "منذ أكثر من عام" (a duration)."""
    word = tokens[i].stem
    if word not in lex.ago and word not in lex.since:
        return None
    j, number, rough = count_at(lex, tokens, i + 1)
    unit = _unit_at(lex, tokens, j)
    if unit is None:
        return None
    end, name, form = unit
    if end < len(tokens) and _int(tokens[end]) is not None:
        return None  # "قبل عام 2014", "منذ عام 2014": a year, found at the next token
    if end < len(tokens) and tokens[end].stem in lex.month_modifiers:
        return None  # "منذ الشهر الماضي": a period, found at the next token
    count = number if number is not None else {"one": 1, "dual": 2}.get(form)
    anchored = end < len(tokens) and tokens[end].stem in lex.anchor
    if word in lex.since or anchored or rough or count is None:
        return Found(i, end - 1, "duration", unit=name)
    return Found(i, end - 1, "ago", unit=name, count=count)


def _season(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> Found | None:
    """ "الصيف الماضي", "هذا الربيع": a season next to publication's."""
    this = tokens[i].stem in lex.this_words
    hit = lex.seasons.match(tokens, i + this) if i + this < len(tokens) else None
    if hit is None:
        return None
    end = i + this + hit[0]
    if this:
        return Found(i, end - 1, "season", months=hit[1][0])
    direction = _modifier(lex, tokens, end)
    if direction is None:
        return None
    return Found(i, end, "season", months=hit[1][0], direction=direction)


def _period(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> Found | None:
    """ "الشهر الماضي", "العام المقبل", "هذا العام": a calendar period next to publication's."""
    this = tokens[i].stem in lex.this_words
    unit = _unit_at(lex, tokens, i + this)
    if unit is None or unit[2] != "one":
        return None
    end, name, _ = unit
    if this:
        return Found(i, end - 1, "period", unit=name)
    direction = _modifier(lex, tokens, end)
    if direction is None:
        return None
    return Found(i, end, "period", unit=name, direction=direction)


def _modifier(lex: TimeLexicon, tokens: Sequence[Token], i: int) -> int | None:
    """The direction a modifier at i gives: 1 (المقبل), -1 (الماضي), 0 (الحالي); None if none."""
    if i >= len(tokens) or tokens[i].stem not in lex.month_modifiers:
        return None
    word = tokens[i].stem
    return 1 if word in lex.next_words else -1 if word in lex.previous_words else 0


def _with_part(lex: TimeLexicon, tokens: Sequence[Token], found: Found, free: int) -> Found:
    """Take in a part of the period or day just before it ("مطلع مارس", "صباح أمس")."""
    before = found.first - 1
    if before < free:
        return found
    parts = lex.day_parts if found.rule in ("weekday", "relative-day") else lex.period_parts
    return dataclasses.replace(found, first=before) if tokens[before].stem in parts else found


def find(lex: TimeLexicon, tokens: Sequence[Token]) -> Iterator[Found]:
    """Yield the time expressions in a token sequence, left to right, without overlaps."""
    i = free = 0
    while i < len(tokens):
        found = (
            _numeric(tokens[i], i)
            or _explicit(lex, tokens, i)
            or _weekday(lex, tokens, i)
            or _relative(lex, tokens, i)
            or _counted(lex, tokens, i)
            or _period(lex, tokens, i)
            or _season(lex, tokens, i)
            or _bare_year(lex, tokens, i)
        )
        if found is None:
            i += 1
            continue
        yield _with_part(lex, tokens, found, free)
        i = free = found.last + 1

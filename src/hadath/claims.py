"""Claims a report makes about its act's history: "the first since March 2023", "the first call
in more than a year", "for the first time in months", "the last call was on 13 May". A storyline
checks them against the acts it holds (stories.py)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from hadath.earlier import calendar_date_at
from hadath.lexicons.stories import StoryWords
from hadath.model import Span, TimeMention, TimeValue, Token
from hadath.timeexpr import count_at
from hadath.timewords import TimeLexicon

_UNIT_DAYS = MappingProxyType({"day": 1, "week": 7, "month": 30, "year": 365})
# A length with no number: "منذ عام" is one, "منذ عامين" two, and "منذ أشهر" at least two.
_FORM_COUNT = MappingProxyType({"one": 1, "dual": 2, "plural": 2})


@dataclass(frozen=True, slots=True)
class Claim:
    """That an act is the first since a date (`since`), or for at least `gap_days` days."""

    span: Span
    since: TimeValue | None = None
    gap_days: int | None = None


def find_claims(
    tokens: Sequence[Token], times: Sequence[TimeMention], words: StoryWords, time: TimeLexicon
) -> tuple[Claim, ...]:
    """Every "first since" claim in the tokens whose date or length of time can be read."""
    return tuple(_claims(tokens, times, words, time))


def _claims(
    tokens: Sequence[Token], times: Sequence[TimeMention], words: StoryWords, time: TimeLexicon
) -> Iterator[Claim]:
    for i, token in enumerate(tokens):
        if token.stem in words.last and (last := _last(tokens, times, words, i)):
            yield last
        if token.stem not in words.first:
            continue
        for j in range(i + 1, min(len(tokens) - 1, i + 1 + words.words_between)):
            if tokens[j].stem in words.since:
                claim = _dated(tokens, times, i, j) or _lasting(tokens, words, time, i, j)
                if claim is not None:
                    yield claim
                break


def _last(
    tokens: Sequence[Token], times: Sequence[TimeMention], words: StoryWords, at: int
) -> Claim | None:
    """ "وكانت آخر مكالمة بينهما في 2 مارس": the last act before this one, and its date."""
    if at + 1 >= len(tokens) or tokens[at + 1].stem not in words.acts:
        return None
    window = tokens[at + 2 : at + 2 + words.last_window]
    if not window:
        return None
    span = Span(window[0].span.start, window[-1].span.end)
    # A day told without its year ("13 مايو") is resolved against publication: still a date.
    when = next((t for t in times if span.contains(t.span) and t.value), None)
    if when is None or when.value is None:
        return None
    return Claim(Span(tokens[at].span.start, when.span.end), since=when.value)


def _dated(
    tokens: Sequence[Token], times: Sequence[TimeMention], first: int, since: int
) -> Claim | None:
    """ "الأولى منذ مارس 2023": a calendar date right after "منذ"."""
    when = calendar_date_at(tokens, times, since + 1)
    if when is None or when.value is None:
        return None
    return Claim(Span(tokens[first].span.start, when.span.end), since=when.value)


def _lasting(
    tokens: Sequence[Token], words: StoryWords, time: TimeLexicon, first: int, since: int
) -> Claim | None:
    """ "أول اتصال منذ أكثر من عام": a length of time right after "منذ", as its least days."""
    bound = words.at_least.match(tokens, since + 1)
    after, number, rough = count_at(time, tokens, since + 1 + (bound[0] if bound else 0))
    unit = time.units.match(tokens, after) if after < len(tokens) else None
    if unit is None:
        return None
    name, form = unit[1][0]
    count = number if number is not None else _FORM_COUNT[form]
    days = count * _UNIT_DAYS[name]
    if rough:
        days //= 2  # "نحو عام": roughly, so only half of it is sure
    end = tokens[after + unit[0] - 1].span.end
    return Claim(Span(tokens[first].span.start, end), gap_days=days)

"""When an event happened: the time of its clause or sentence, else the day the story has
reached, else the day its lead reports."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from hadath.lexicons.events import EventLexicon
from hadath.model import Analysis, Event, Span, TimeMention, TimeValue, Token
from hadath.tokenize import token_at, tokens_in

_DESCRIBED_GAP = 2  # words after a trigger past which a describing word is another noun's
_DESCRIBED_REACH = 4  # words after a describing word within which a time is its noun's
_LEAD_SENTENCES = 2  # the lead: where a news article says when its story happened


def _after(value: TimeValue, published: str | None) -> bool:
    """Whether a time lies after publication."""
    return bool(published) and value.value > str(published)


def _days_in(analysis: Analysis, span: Span) -> list[TimeValue]:
    """The day-precision times a span names, in text order."""
    return [
        t.value
        for t in analysis.times
        if span.contains(t.span) and t.value is not None and t.value.precision == "day"
    ]


def _nearest_time(
    times: Sequence[TimeMention],
    clause: Span,
    trigger: Span,
    described: Sequence[Token],
    published: str | None,
) -> TimeMention | None:
    """The time in a span nearest the trigger, leaving out those after a word that describes
    another noun by when it happened ("… اتفاقية التعاون الموقعة بينهما عام 2001")."""
    inside = [t for t in times if clause.contains(t.span) and t.value is not None]
    # A time after publication is of something planned ("دعوة لزيارة روسيا في سبتمبر المقبل"),
    # not of an act the article reports.
    inside = [t for t in inside if not (t.value and _after(t.value, published))]
    inside = [
        t for t in inside if not any(trigger.start < d.span.start < t.span.start for d in described)
    ]
    return min(inside, key=lambda t: abs(t.span.start - trigger.start), default=None)


def event_date(
    analysis: Analysis,
    sentence: Span,
    clause: Span,
    trigger: Span,
    historical: bool,
    lead: tuple[TimeValue, str] | None,
    lex: EventLexicon,
) -> tuple[TimeValue | None, str | None]:
    """The time that governs the trigger's clause, else its sentence's, else (for an event of
    the story itself, not background) when the article's story happened; else none."""
    tokens = tokens_in(analysis.tokens, sentence)
    after = [t for t in tokens if t.span.start >= trigger.end]
    # A describing word right after the trigger describes the trigger's own noun ("الاتفاق
    # الموقع في …"); further on, another noun.
    described = [t for t in after[_DESCRIBED_GAP:] if t.stem in lex.arguments.describing]
    # A time after "أن" is of what was agreed, asked or said ("اتفقا على أن يلتقيا في 21
    # سبتمبر"), not of the act itself; after "بعد أن" it is of an act told as past.
    described += [
        t
        for before, t in itertools.pairwise(tokens)
        if t.span.start > trigger.start
        and t.norm in lex.complementizers
        and before.norm not in lex.past_after
    ]
    # Before the trigger, a time a few words after a describing word dates that word's noun
    # ("الاتفاق النووي المبرم مع إيران عام 2015، كما وقع أمرا … بالعقوبات").
    marks = [k for k, t in enumerate(tokens) if t.stem in lex.arguments.describing]
    times = [
        t
        for t in analysis.times
        if not (
            t.span.start < trigger.start
            and any(0 < token_at(tokens, t.span.start) - k <= _DESCRIBED_REACH for k in marks)
        )
    ]
    for scope, source in ((clause, "clause"), (sentence, "sentence")):
        when = _nearest_time(times, scope, trigger, described, analysis.document.published)
        if when is not None and when.value is not None:
            return when.value, source
    if lead is not None and not historical:
        return lead
    return None, None


def lead_day(analysis: Analysis, sentences: Sequence[Span]) -> tuple[TimeValue, str] | None:
    """When the article's story happened: the first day its lead states ("lead"), else the
    month it was published in ("publication-month": a report tells recent news, but the text
    does not say which day)."""
    for sentence in sentences[:_LEAD_SENTENCES]:
        if days := _days_in(analysis, sentence):
            return days[0], "lead"
    doc = analysis.document
    if doc.published and doc.published_precision == "day":
        return TimeValue(doc.published[:7], "month"), "publication-month"
    return None


def story_day(
    events: Sequence[tuple[Event, str]], lead: tuple[TimeValue, str] | None
) -> tuple[TimeValue, str] | None:
    """When later sentences that say no time happened ("أمس … وأضاف …"): the day the story
    has reached. The first event dated in the text sets it; after that, a day before it is
    background and leaves it."""
    own = [
        e.date
        for e, _ in events
        if e.date and e.date_source in ("clause", "sentence") and not e.historical
    ]
    if not own:
        return lead
    if lead is not None and lead[1] == "context" and own[-1].value < lead[0].value:
        return lead
    return own[-1], "context"


def explained_day(
    analysis: Analysis, before: Span, lead: tuple[TimeValue, str] | None
) -> tuple[TimeValue, str] | None:
    """The day a sentence that explains the one before it ("تلقت أنقرة الأربعاء دعما من قطر.
    فقد وعد أميرها …") tells of: the last day that sentence names, else the story's."""
    published = analysis.document.published
    days = [d for d in _days_in(analysis, before) if not _after(d, published)]
    return (days[-1], "context") if days else lead

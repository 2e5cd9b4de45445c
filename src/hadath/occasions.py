"""One call or meeting verb told with partners on different days ("تشاور X هاتفيا الأربعاء مع
Y والخميس مع Z"): one act with each partner, on its own day."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence

from hadath.arguments import Who
from hadath.model import Event, Mention, Span, TimeMention, Token


def _time_in(times: Sequence[TimeMention], span: Span) -> TimeMention | None:
    """The last resolved time inside a span."""
    inside = [t for t in times if span.contains(t.span) and t.value is not None]
    return inside[-1] if inside else None


def by_occasion(
    event: Event,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    times: Sequence[TimeMention],
    who: Who,
    partners: frozenset[str],
) -> list[Event]:
    """Split a call or meeting whose clause (`tokens`) names its partners after "مع" more
    than once, each later one after a time of its own: one event per partner group, dated by
    the time before its "مع". Otherwise the event as it is."""
    withs = [t.span for t in tokens if t.span.start > event.trigger.start and t.norm in partners]
    if len(withs) < 2 or len(event.actors) < 3:
        return [event]
    ends = [w.start for w in withs[1:]] + [tokens[-1].span.end]
    groups = [
        [a for m in mentions if Span(w.end, end).contains(m.span) and (a := who(m)) in event.actors]
        for w, end in zip(withs, ends, strict=True)
    ]
    leads = [Span(event.trigger.start, withs[0].start)]
    leads += [Span(w.end, nxt.start) for w, nxt in itertools.pairwise(withs)]
    days = [_time_in(times, lead) for lead in leads]
    if not all(groups) or not all(days[1:]):
        return [event]
    named = {a for group in groups for a in group}
    subject = tuple(a for a in event.actors if a not in named)
    if not subject:
        return [event]
    return [
        dataclasses.replace(
            event,
            actors=subject + tuple(dict.fromkeys(group)),
            date=day.value if day else event.date,
            date_source="clause" if day else event.date_source,
        )
        for group, day in zip(groups, days, strict=True)
    ]

"""An earlier act that a "first since" implies: "the call, the first since March 2023" says that
the holders of the same offices last spoke then."""

from __future__ import annotations

from collections.abc import Sequence

from hadath.arguments import distinct
from hadath.lexicons.actors import ActorKB
from hadath.lexicons.arguments import ArgumentWords
from hadath.model import Event, Span, TimeMention, Token

_SINCE_GAP = 4  # words between "الأولى" and "منذ" ("الأولى من نوعها منذ")
CONFIDENCE = 0.6
RULE = "earlier.first-since"


def first_since(
    tokens: Sequence[Token], times: Sequence[TimeMention], words: ArgumentWords, told: bool
) -> tuple[Span, TimeMention] | None:
    """Where a sentence says that a call or meeting is "the first since" a date, and that
    date: one it tells (`told`), or one a noun like "المحادثة" refers back to."""
    for i, token in enumerate(tokens):
        if token.norm not in words.first:
            continue
        near = tokens[max(0, i - _SINCE_GAP) : i]
        if not told and not any(t.norm in words.referents for t in near):
            continue
        for j in range(i + 1, min(len(tokens) - 1, i + 1 + _SINCE_GAP)):
            if tokens[j].norm not in words.since:
                continue
            when = calendar_date_at(tokens, times, j + 1)
            if when is not None:
                return Span(token.span.start, when.span.end), when
    return None


def calendar_date_at(
    tokens: Sequence[Token], times: Sequence[TimeMention], i: int
) -> TimeMention | None:
    """The time that starts at token i when it is a calendar date, not one told relative to
    publication ("منذ مارس 2023", not "منذ الشهر الماضي")."""
    start = tokens[i].span.start
    when = next((t for t in times if t.span.start == start and t.value), None)
    return when if when is not None and not when.relative else None


def _holder(kb: ActorKB, actor_id: str, now: str | None, then: str) -> str:
    """Whoever held, on `then`, the office the actor held on `now`; else the actor."""
    role = kb.role_on(actor_id, now)
    return (kb.sole_holder(role.office, role.country, then) if role else None) or actor_id


def earlier_act(
    told: Event, marker: Span, when: TimeMention, sentence: Span, kb: ActorKB
) -> Event | None:
    """The last act of the same kind before a call or meeting said to be the first since a
    date: the same offices' holders on that date."""
    assert when.value is not None
    now = told.date.value if told.date else None
    actors = distinct(_holder(kb, a, now, when.value.value) for a in told.actors)
    if len(actors) < 2:
        return None
    return Event(
        type=told.type,
        mode=told.mode,
        actors=actors,
        recipients=(),
        evidence=sentence,
        trigger=marker,
        rule=RULE,
        confidence=CONFIDENCE,
        date=when.value,
        date_source="clause",
        historical=True,
    )

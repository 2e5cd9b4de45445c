"""One event per act: mentions of an act told again, and what an act told before caused."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from hadath.model import Event

# The date sources that are not the event's own.
_INFERRED: frozenset[str | None] = frozenset({None, "context", "lead", "publication-month"})
NEW, AGAIN, RESULT = "new", "again", "result"  # how a mention of an act relates to those told


def _key(event: Event) -> tuple[object, ...]:
    return (event.type, frozenset(event.actors), frozenset(event.recipients), event.date)


def _restates(first: Event, later: Event) -> bool:
    """Whether a later event tells again one already told: the same type, no one new among
    its parties, and a date the text states that the first one's falls within or the other
    way round."""
    if first.type != later.type or first.historical != later.historical:
        return False
    if not set(later.actors) <= set(first.actors) or not set(later.recipients) <= set(
        first.recipients
    ):
        return False
    if _INFERRED & {first.date_source, later.date_source}:
        return False
    return _same_time(first, later)


def _same_time(first: Event, later: Event) -> bool:
    """Whether two events' dates are the same at the coarser one's precision."""
    one, other = (first.date.value if first.date else ""), (later.date.value if later.date else "")
    return bool(one and other) and (one.startswith(other) or other.startswith(one))


def merge(
    events: Sequence[tuple[Event, str]], pairs: frozenset[str] = frozenset()
) -> tuple[Event, ...]:
    """Keep one event per act: the same type, participants and date, or a definite noun
    ("خلال المكالمة") that refers back to an earlier event of the same type and mode; what an
    act told before caused ("أسفر الهجوم في 23 يونيو عن مقتل أربعة") adds its date and toll;
    a call or meeting (`pairs`) with one party named is one told before with both."""
    kept: dict[tuple[object, ...], Event] = {}
    for event, told in events:
        earlier = [e for e in kept.values() if (e.type, e.mode) == (event.type, event.mode)]
        undated = event.date_source in _INFERRED  # no date of its own in its sentence
        if told == AGAIN and earlier and not event.historical and undated:
            continue
        # Only a result that dates the act says more of it than the act's own sentence did.
        cause = next((e for e in reversed(kept.values()) if e.type == event.type), None)
        if told == RESULT and cause is not None and not undated:
            caused = _caused(cause, event)
            kept = {_key(caused) if e is cause else k: caused if e is cause else e
                    for k, e in kept.items()}  # fmt: skip
            continue
        if undated and any(_key(e)[:3] == _key(event)[:3] for e in earlier):
            continue
        # A call with one party named ("خاطب إيب بوتين عبر مكالمة هاتفية") is one told with both.
        if (
            event.type in pairs
            and len(event.actors) == 1
            and any(
                set(event.actors) < set(e.actors) and (undated or _same_time(e, event))
                for e in earlier
            )
        ):
            continue
        if any(_restates(e, event) for e in kept.values()):
            continue
        kept.setdefault(_key(event), event)
    return tuple(kept.values())


def _caused(cause: Event, result: Event) -> Event:
    """An act with what a later sentence says it caused: its toll, and its date when the act's
    own sentence gave none."""
    dated = cause.date_source in _INFERRED
    return dataclasses.replace(
        cause,
        date=result.date if dated else cause.date,
        date_source=result.date_source if dated else cause.date_source,
        dead=cause.dead if cause.dead is not None else result.dead,
        injured=cause.injured if cause.injured is not None else result.injured,
    )

"""The other side of a fight: an attack told without its target ("قصف صاروخي للتحالف على
مواقع في صعدة") is on the side the article's other attacks by the same side were on."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from hadath.arguments import Who, distinct
from hadath.lexicons.actors import ActorKB
from hadath.model import Event, Mention


def side(actor_id: str, kb: ActorKB) -> str:
    """The side an actor fights on: a state's bodies and people are the state; an armed group
    is its own side, for it may fight its own state."""
    actor = kb.actors.get(actor_id)
    if actor is None or actor.kind == "group" or actor.country is None:
        return actor_id
    return actor.country


def homes(actors: Sequence[str], kb: ActorKB) -> set[str]:
    """The states that the people and bodies among the actors belong to: a ministry or a leader
    does not act on its own state ("محذرة من أن تركيا ستتخذ …" is Turkey's ministry speaking),
    and a meeting with a state's envoy is not also one with the state."""
    return {state for a in actors if (state := kb.state_by_iso3.get(side(a, kb))) and state != a}


def other_sides(events: Sequence[Event], kb: ActorKB, fights: frozenset[str]) -> tuple[Event, ...]:
    """Give each attack told without a target the one enemy the article's attacks show for its
    side: whom that side attacked, or who attacked it. With no enemy, or two, it stays as told."""
    return tuple(
        _targeted(event, events, kb) if event.type in fights else event for event in events
    )


def _targeted(event: Event, events: Sequence[Event], kb: ActorKB) -> Event:
    if event.recipients or not event.actors:
        return event
    own = {side(a, kb) for a in event.actors}
    votes: Counter[str] = Counter()
    for other in events:
        if other is event or other.type != event.type:
            continue
        if own & {side(a, kb) for a in other.actors}:
            votes.update(r for r in other.recipients if side(r, kb) not in own)
        if own & {side(r, kb) for r in other.recipients}:
            votes.update(a for a in other.actors if side(a, kb) not in own)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return event
    return dataclasses.replace(event, recipients=(ranked[0][0],))


def responded_to(
    mentions: Sequence[Mention],
    start: int,
    end: int,
    actors: Sequence[str],
    who: Who,
    kb: ActorKB,
) -> tuple[str, ...]:
    """The target of an act done in response to another ("ستتخذ إجراءات ردا على العقوبات
    الأمريكية"): the first one named in the act responded to who is not on the actor's side;
    the one it was done to is mostly the actor itself ("ردا على إطلاق صواريخ على إسرائيل")."""
    own = {side(a, kb) for a in actors}
    named = [who(m) for m in mentions if start <= m.span.start < end]
    return distinct([next((a for a in named if a and side(a, kb) not in own), None)])

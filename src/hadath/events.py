"""Events stage: trigger patterns, participants, date and attributes, one event per act."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from hadath.lexicons.events import EventLexicon, Trigger
from hadath.model import Analysis, Event, Mention, Span, TimeMention, Token
from hadath.resources import Resources

_PARTICIPANTS = ("person", "organisation", "state", "group")
_MARKER_WINDOW = 3  # words before a trigger in which a negation or modal word governs it


def _word_matches(token: Token, word: str) -> bool:
    stem = token.stem
    return (
        stem == word
        or token.norm == word
        or (len(stem) > 3 and stem[-1] == "ا" and stem[:-1] == word)
    )


def _match_part(tokens: Sequence[Token], i: int, part: tuple[str, ...]) -> int | None:
    if i + len(part) > len(tokens):
        return None
    if all(_word_matches(tokens[i + k], w) for k, w in enumerate(part)):
        return i + len(part)
    return None


def _match(
    tokens: Sequence[Token], i: int, pattern: tuple[tuple[str, ...], ...], gap: int
) -> int | None:
    """Return the index after the pattern matched at i, or None."""
    end = _match_part(tokens, i, pattern[0])
    for part in pattern[1:]:
        if end is None:
            return None
        nxt = None
        for j in range(end, min(end + gap + 1, len(tokens))):
            if not tokens[j].is_word and tokens[j].norm in ".?!":
                break
            if (nxt := _match_part(tokens, j, part)) is not None:
                break
        end = nxt
    return end


def find_triggers(lex: EventLexicon, tokens: Sequence[Token]) -> Iterator[tuple[Trigger, int, int]]:
    """Yield (trigger, first token, end token) for the longest pattern at each position."""
    i = 0
    while i < len(tokens):
        best: tuple[Trigger, int] | None = None
        candidates = lex.by_first_word.get(tokens[i].stem, ()) + lex.by_first_word.get(
            tokens[i].stem[:-1] if tokens[i].stem.endswith("ا") else "", ()
        )
        for trigger, pattern in candidates:
            end = _match(tokens, i, pattern, lex.max_gap)
            if end is not None and (best is None or end > best[1]):
                best = (trigger, end)
        if best is None:
            i += 1
            continue
        yield best[0], i, best[1]
        i = best[1]


def _has(tokens: Sequence[Token], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(_match_part(tokens, i, p) for i in range(len(tokens)) for p in phrases)


def _participants(
    mentions: Sequence[Mention], trigger: Span, reciprocal: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    ids = [m for m in mentions if m.actor_id and m.kind in _PARTICIPANTS]
    people = [m for m in ids if m.kind == "person"]
    if reciprocal:
        chosen = people if len(people) >= 2 else ids
        return tuple(dict.fromkeys(m.actor_id for m in chosen if m.actor_id)), ()
    before = [m for m in ids if m.span.end <= trigger.start]
    after = [m for m in ids if m.span.start >= trigger.end]
    actor = before[-1] if before else (after.pop(0) if after else None)
    recipient = next((m for m in after if actor is None or m.actor_id != actor.actor_id), None)
    return (
        (actor.actor_id,) if actor and actor.actor_id else (),
        (recipient.actor_id,) if recipient and recipient.actor_id else (),
    )


def _date(times: Sequence[TimeMention], sentence: Span, trigger: Span) -> TimeMention | None:
    inside = [t for t in times if sentence.contains(t.span) and t.value is not None]
    return min(inside, key=lambda t: abs(t.span.start - trigger.start), default=None)


def _sentence_events(analysis: Analysis, sentence: Span, lex: EventLexicon) -> Iterator[Event]:
    tokens = [t for t in analysis.tokens if sentence.contains(t.span)]
    mentions = [m for m in analysis.mentions if sentence.contains(m.span)]
    historical = _has(tokens, lex.historical)
    for trigger, first, end in find_triggers(lex, tokens):
        span = Span(tokens[first].span.start, tokens[end - 1].span.end)
        window = tokens[max(0, first - _MARKER_WINDOW) : first]
        if _has(window, lex.not_asserted):
            continue
        actors, recipients = _participants(mentions, span, trigger.reciprocal)
        if not actors:
            continue
        when = _date(analysis.times, sentence, span)
        yield Event(
            type=trigger.type,
            mode=trigger.mode,
            actors=actors,
            recipients=recipients,
            evidence=sentence,
            trigger=span,
            rule=trigger.id,
            confidence=0.6 if trigger.reciprocal and len(actors) < 2 else 0.8,
            date=when.value if when else None,
            date_source="sentence" if when else None,
            historical=historical,
            negated=_has(window, lex.negated),
        )


def _key(event: Event) -> tuple[object, ...]:
    return (event.type, frozenset(event.actors), frozenset(event.recipients), event.date)


def merge(events: Sequence[Event]) -> tuple[Event, ...]:
    """Keep one event per act: same type, participants and date; the first mention wins."""
    kept: dict[tuple[object, ...], Event] = {}
    for event in events:
        kept.setdefault(_key(event), event)
    return tuple(kept.values())


def run(analysis: Analysis, resources: Resources) -> Analysis:
    """Code the events each sentence states."""
    lex = resources.events
    found = [e for s in analysis.sentences for e in _sentence_events(analysis, s, lex)]
    return dataclasses.replace(analysis, events=merge([e for e in found if not e.negated]))

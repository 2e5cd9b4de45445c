"""Places: where the text names a place (gazetteer names and states), and an event's place."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from hadath.lexicons.actors import ActorKB
from hadath.lexicons.places import PlaceLexicon
from hadath.model import Event, Mention, PlaceMention, Span, Token
from hadath.tokenize import token_at

_STATE_RULES = ("name",)  # a state named outright, not by its nisba, capital or a title


def find_places(lex: PlaceLexicon, tokens: Sequence[Token]) -> Iterator[PlaceMention]:
    """Yield each gazetteer place in a token sequence; a name that is also an everyday word
    ("صور", "حمص") only right after a noun of place ("مدينة صور")."""
    for i, length, places in lex.index.scan(tokens):
        place = places[0]
        if not place.marked or (i and tokens[i - 1].stem in lex.nouns):
            span = Span(lex.index.start_of(tokens[i]), tokens[i + length - 1].span.end)
            yield PlaceMention(span, place.id, place.name, place.country, place.kind)


def _states(kb: ActorKB, mentions: Sequence[Mention]) -> Iterator[PlaceMention]:
    """States named outright, which are places too ("في سوريا")."""
    for mention in mentions:
        actor = kb.actors.get(mention.actor_id or "")
        if actor and mention.kind == "state" and mention.rule in _STATE_RULES:
            yield PlaceMention(mention.span, actor.id, actor.name, actor.country, "state")


def places_in(
    lex: PlaceLexicon, kb: ActorKB, tokens: Sequence[Token], mentions: Sequence[Mention]
) -> tuple[PlaceMention, ...]:
    """The places a text names: gazetteer names, and states named outright."""
    found = list(find_places(lex, tokens))
    states = [s for s in _states(kb, mentions)
              if not any(p.span.overlaps(s.span) for p in found)]  # fmt: skip
    return tuple(sorted([*found, *states], key=lambda p: p.span))


def _locative(lex: PlaceLexicon, tokens: Sequence[Token], place: PlaceMention) -> bool:
    """Whether a place is named as where something happens: after a locative word or a noun of
    place ("في مدينة دوما", "بمحافظة صعدة"), or with ب written on it ("بالرياض")."""
    i = token_at(tokens, place.span.start)
    if i < 0:
        return False
    if place.span.start > tokens[i].span.start and set(tokens[i].prefix) & lex.locative_clitics:
        return True
    before = tokens[i - 1] if i else None
    if before is not None and before.stem in lex.nouns:
        return True
    return before is not None and bool({before.norm, before.stem} & lex.locative)


def event_place(
    lex: PlaceLexicon,
    tokens: Sequence[Token],
    places: Sequence[PlaceMention],
    clause: Span,
    trigger: Span,
    visit: bool = False,
) -> str | None:
    """Where an event happened: the first place its clause names as a place after its trigger
    (for a visit, any place after it: "زار أردوغان موسكو"), else the last one named as a place
    before it. A place named otherwise is an actor ("أعلنت موسكو") or where someone came from."""
    inside = [p for p in places if clause.contains(p.span)]
    after = [
        p for p in inside
        if p.span.start >= trigger.end and (visit or _locative(lex, tokens, p))
    ]  # fmt: skip
    if after:
        return after[0].name
    before = [p for p in inside if p.span.end <= trigger.start and _locative(lex, tokens, p)]
    return before[-1].name if before else None


def sharpened(
    lex: PlaceLexicon,
    tokens: Sequence[Token],
    places: Sequence[PlaceMention],
    events: Sequence[Event],
    visits: frozenset[str],
) -> tuple[Event, ...]:
    """Name a visit to a state more closely: where the article names one place in that state
    as where something happened, there; else its capital, where official visits go ("وصل كيري
    إلى مصر": Cairo)."""
    states = {p.name: p.country for p in places if p.kind == "state"}
    within: dict[str, set[str]] = {}
    for p in places:
        if p.kind != "state" and p.country and _locative(lex, tokens, p):
            within.setdefault(p.country, set()).add(p.name)
    out = []
    for event in events:
        country = states.get(event.place or "") if event.mode in visits else None
        if country:
            named = within.get(country, set())
            closer = next(iter(named)) if len(named) == 1 else lex.capitals.get(country)
            event = dataclasses.replace(event, place=closer or event.place)
        out.append(event)
    return tuple(out)


def aimed_at(
    lex: PlaceLexicon,
    tokens: Sequence[Token],
    places: Sequence[PlaceMention],
    events: Sequence[Event],
    fights: frozenset[str],
    aimed: frozenset[str],
) -> tuple[Event, ...]:
    """Give each attack still without a target the place its sentence names after it as what
    it hit ("الهجوم الذي شنته القوات … على مدينة سيفاستوبول"): with no side named, the place
    is what was attacked."""
    out = []
    for event in events:
        if event.type in fights and not event.recipients:
            hit = next((p for p in places if _hit(lex, tokens, p, event, aimed)), None)
            event = dataclasses.replace(event, recipients=(hit.place_id,)) if hit else event
        out.append(event)
    return tuple(out)


def _hit(
    lex: PlaceLexicon,
    tokens: Sequence[Token],
    place: PlaceMention,
    event: Event,
    aimed: frozenset[str],
) -> bool:
    """Whether a place is named after an event's trigger, in its sentence, right after it or a
    word of aim, or after one of them and a noun of place ("قصف مدينة …", "على مدينة …")."""
    if place.kind == "state" or not event.evidence.contains(place.span):
        return False
    i = token_at(tokens, place.span.start)
    if place.span.start < event.trigger.end or i < 1:
        return False
    before = tokens[i - 1]
    if before.stem in lex.nouns and i > 1:
        before = tokens[i - 2]
    return before.norm in aimed or before.span.end == event.trigger.end


def continued(
    events: Sequence[Event], sentences: Sequence[Span], meetings: frozenset[str]
) -> tuple[Event, ...]:
    """Place an event its sentence does not place where the meeting told in the sentence just
    before it, on the same day, took place: the story goes on there ("… خلال مراسم أقيمت في
    البيت الأبيض. ووقّع وزير الخارجية …")."""
    index = {s: k for k, s in enumerate(sentences)}
    placed: dict[int, list[Event]] = {}
    for event in events:
        if event.place and event.type in meetings:
            placed.setdefault(index.get(event.evidence, -2), []).append(event)
    out = []
    for event in events:
        before = placed.get(index.get(event.evidence, -2) - 1, [])
        same = [e for e in before if e.date == event.date and not e.historical]
        if not event.place and not event.historical and event.date and same:
            event = dataclasses.replace(event, place=same[-1].place)
        out.append(event)
    return tuple(out)

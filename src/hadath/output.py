"""The JSON output contract of DESIGN.md: Analysis -> plain dict."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from hadath.model import Actor, Analysis, Event, Mention, Quote, Role, Span, TimeMention


def event_id(document_id: str, event: Event) -> str:
    """Return a stable id for an event: same document, type and trigger give the same id."""
    key = f"{document_id}|{event.type}|{event.trigger.start}|{event.trigger.end}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def event_ids(document_id: str, events: Sequence[Event]) -> list[tuple[str, Event]]:
    """Pair each distinct event with its stored id (hadath.output.event_id, suffixed on clashes).

    Exact duplicates are stored once; two different events with the same type and trigger
    share an event_id, so the later ones get '-2', '-3'… to keep the primary key unique.
    """
    seen: set[Event] = set()
    used: dict[str, int] = {}
    paired: list[tuple[str, Event]] = []
    for event in events:
        if event in seen:
            continue
        seen.add(event)
        base = event_id(document_id, event)
        used[base] = used.get(base, 0) + 1
        paired.append((base if used[base] == 1 else f"{base}-{used[base]}", event))
    return paired


def role_on(actor: Actor, date: str | None) -> Role | None:
    """Return the actor's role held on an ISO date (prefix-compared), else its latest role."""
    if not actor.roles:
        return None
    if date:
        for role in actor.roles:
            if (role.start is None or role.start[: len(date)] <= date) and (
                role.end is None or date <= role.end[: len(date)]
            ):
                return role
    return max(actor.roles, key=lambda r: r.start or "")


def actor_dict(actor: Actor | None, actor_id: str, date: str | None = None) -> dict[str, Any]:
    """Render one actor as the contract's actor object."""
    if actor is None:
        return {
            "id": actor_id,
            "name": actor_id,
            "aliases": [],
            "kind": None,
            "country": None,
            "office": None,
            "wikidata": None,
        }
    role = role_on(actor, date)
    return {
        "id": actor.id,
        "name": actor.name,
        "aliases": list(actor.aliases),
        "kind": actor.kind,
        "country": actor.country,
        "office": (role.title or role.office) if role else None,
        "wikidata": actor.wikidata,
    }


def span_dict(span: Span, text: str) -> dict[str, Any]:
    """Render a span with its text."""
    return {"start": span.start, "end": span.end, "text": span.of(text)}


def _event_dict(
    analysis: Analysis, ident: str, event: Event, actors: dict[str, Actor]
) -> dict[str, Any]:
    text = analysis.document.text
    date = event.date.value if event.date else None
    return {
        "id": ident,
        "event": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "actors": [actor_dict(actors.get(a), a, date) for a in event.actors],
        "recipients": [actor_dict(actors.get(a), a, date) for a in event.recipients],
        "date": date,
        "date_precision": event.date.precision if event.date else None,
        "date_source": event.date_source,
        "historical": event.historical,
        "negated": event.negated,
        "place": event.place,
        "dead": event.dead,
        "injured": event.injured,
        "evidence": span_dict(event.evidence, text),
        "trigger": span_dict(event.trigger, text),
        "rule": event.rule,
        "confidence": round(event.confidence, 3),
    }


def _quote_dict(analysis: Analysis, quote: Quote, actors: dict[str, Actor]) -> dict[str, Any]:
    speaker = None
    if quote.speaker_actor_id is not None:
        actor = actors.get(quote.speaker_actor_id)
        speaker = {
            "id": quote.speaker_actor_id,
            "name": actor.name if actor else quote.speaker_actor_id,
            "aliases": list(actor.aliases) if actor else [],
            "kind": actor.kind if actor else None,
            "country": actor.country if actor else None,
        }
    return {
        "speaker": speaker,
        "text": quote.text,
        "start": quote.span.start,
        "end": quote.span.end,
        "cue": span_dict(quote.cue, analysis.document.text) if quote.cue else None,
    }


def _mention_dict(analysis: Analysis, mention: Mention) -> dict[str, Any]:
    return {
        "start": mention.span.start,
        "end": mention.span.end,
        "kind": mention.kind,
        "actor_id": mention.actor_id,
        "text": mention.span.of(analysis.document.text),
    }


def _time_dict(analysis: Analysis, time: TimeMention) -> dict[str, Any]:
    value = time.value
    return {
        **span_dict(time.span, analysis.document.text),
        "value": value.value if value else None,
        "precision": value.precision if value else None,
        "rule": time.rule,
    }


def to_contract(analysis: Analysis) -> dict[str, Any]:
    """Render an Analysis as the public JSON contract (only ever extended by new fields)."""
    doc = analysis.document
    actors = {actor.id: actor for actor in analysis.actors}
    return {
        "document": {
            "id": doc.id,
            "title": doc.title,
            "outlet": doc.outlet,
            "url": doc.url,
            "published": doc.published,
            "published_precision": doc.published_precision,
            "published_source": doc.published_source,
            "language": doc.language,
        },
        "events": [
            _event_dict(analysis, ident, e, actors)
            for ident, e in event_ids(doc.id, analysis.events)
        ],
        "quotes": [_quote_dict(analysis, q, actors) for q in analysis.quotes],
        "mentions": [_mention_dict(analysis, m) for m in analysis.mentions],
        "times": [_time_dict(analysis, t) for t in analysis.times],
    }

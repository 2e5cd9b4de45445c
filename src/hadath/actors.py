"""Actors stage: link resolved mentions to their knowledge-base actors for the output."""

from __future__ import annotations

import dataclasses

from hadath.model import Actor, Analysis
from hadath.resources import Resources


def run(analysis: Analysis, resources: Resources) -> Analysis:
    """Collect the Actor records of every linked mention, in order of first mention: from the
    knowledge base, the new people an earlier stage found in this document, or the places it
    names."""
    # A place an attack hit is its recipient; the knowledge base wins where an id is both.
    hit = {p.place_id: Actor(p.place_id, p.name, "place", p.country) for p in analysis.places}
    known = {**hit, **resources.actors.actors, **{a.id: a for a in analysis.actors}}
    ids = dict.fromkeys(m.actor_id for m in analysis.mentions)
    ids.update(dict.fromkeys(a for e in analysis.events for a in (*e.actors, *e.recipients)))
    ids.update(dict.fromkeys(q.speaker_actor_id for q in analysis.quotes))
    actors = tuple(known[i] for i in ids if i is not None and i in known)
    return dataclasses.replace(analysis, actors=actors)

"""Clusters: the reports of one real-world act in different articles, as one record.

Two reports are of the same act when they have the same type, the same participants (a call's
or meeting's unordered, a one-way act's actors and recipients each as a set), the same date at
the same precision or days at most one apart, and places that agree (the same place, a state and
a place in it, or a place told by one report only). Undated reports are never merged: precision
comes first, and two calls between the same ministers twenty months apart must stay two.
Reports are grouped by type and participants before dates are compared, so the work grows with
the number of reports, not with the number of pairs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from hadath.lexicons.events import EventLexicon
from hadath.lexicons.frozen import FrozenMap
from hadath.resources import Resources
from hadath.store.records import EventRecord

DAY_SLACK = 1  # days two reports of one act may disagree by (a report written after midnight)


@dataclass(frozen=True, slots=True)
class Cluster:
    """One act and every report of it: their event ids, documents, outlets, evidence and
    dates. `date` is the date most reports give (the earliest of those most given); `dates`
    lists every distinct date reported, so a disagreement is shown, not dropped."""

    id: str
    type: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    date: str | None
    dates: tuple[str, ...]
    reports: tuple[EventRecord, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that reported the act, each once, in report order."""
        return tuple(dict.fromkeys(r.outlet for r in self.reports if r.outlet))

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents that report the act, each once, in report order."""
        return tuple(dict.fromkeys(r.document_id for r in self.reports))

    @property
    def dead(self) -> tuple[int, ...]:
        """Every distinct death toll the reports give, smallest first."""
        return tuple(sorted({r.dead for r in self.reports if r.dead is not None}))

    @property
    def injured(self) -> tuple[int, ...]:
        """Every distinct count of the injured the reports give, smallest first."""
        return tuple(sorted({r.injured for r in self.reports if r.injured is not None}))


def clustered(events: Iterable[EventRecord], resources: Resources) -> tuple[Cluster, ...]:
    """Cluster stored events with the reciprocal types and place knowledge of `resources`."""
    return cluster(events, reciprocal_types(resources.events), whereabouts(resources))


def reciprocal_types(lex: EventLexicon) -> frozenset[str]:
    """The event types some trigger tells as reciprocal (calls, meetings, agreements)."""
    return frozenset(t.type for t in lex.triggers if t.reciprocal)


def participants(event: EventRecord, reciprocal: frozenset[str]) -> tuple[frozenset[str], ...]:
    """Who took part, as compared between reports: one unordered set for a call or meeting
    (a `reciprocal` type, told with no recipient), else the actors' and the recipients' sets."""
    if event.type in reciprocal and not event.recipient_ids:
        return (frozenset((*event.actor_ids, *event.recipient_ids)),)
    return frozenset(event.actor_ids), frozenset(event.recipient_ids)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


@dataclass(frozen=True, slots=True)
class Whereabouts:
    """Where the places events give lie: each name's state (ISO 3166-1 alpha-3), and which
    names are states themselves."""

    country: Mapping[str, str] = FrozenMap({})
    states: frozenset[str] = frozenset()


def whereabouts(resources: Resources) -> Whereabouts:
    """The state of every place name an event may give, states included."""
    states = {a.name: a.country for a in resources.actors.actors.values() if a.kind == "state"}
    places = {p.name: p.country for p in resources.places.index.values()}
    found = {name: c for name, c in (places | states).items() if c}
    return Whereabouts(FrozenMap(found), frozenset(n for n, c in states.items() if c))


def same_place(a: str | None, b: str | None, where: Whereabouts) -> bool:
    """Whether two reports' places may be of one act: equal, told by one only, or a state and
    a place in it ("Syria" and "Damascus"); two towns are two acts."""
    if not (a and b) or a == b:
        return True
    if not ({a, b} & where.states):
        return False
    country = where.country.get(a)
    return country is not None and country == where.country.get(b)


def compatible(a: EventRecord, b: EventRecord, where: Whereabouts = Whereabouts()) -> bool:
    """Whether two reports may be of one act by date and place: both dated at the same
    precision, equal, or for two days at most `DAY_SLACK` apart; places that agree. A month or a
    year does not join a day in it: on the labelled pairs that cost more false merges than it
    found true ones."""
    if not (a.date and b.date) or a.date_precision != b.date_precision:
        return False
    if not same_place(a.place, b.place, where):
        return False
    if a.date_precision == "day":
        return abs((_day(a.date) - _day(b.date)).days) <= DAY_SLACK
    return a.date == b.date


def _grouped(events: Iterable[EventRecord], reciprocal: frozenset[str]) -> list[list[EventRecord]]:
    """The reports that share a type and participants, each group in date order."""
    blocks: dict[tuple[str, tuple[frozenset[str], ...]], list[EventRecord]] = defaultdict(list)
    for event in events:
        if not event.negated and (event.actor_ids or event.recipient_ids):
            blocks[(event.type, participants(event, reciprocal))].append(event)
    return [sorted(b, key=lambda e: (e.date or "", e.id)) for b in blocks.values()]


def _split(block: Sequence[EventRecord], where: Whereabouts) -> list[list[EventRecord]]:
    """Cut a date-ordered group into acts: a report joins the open act when its date is
    compatible with every report there and its document is not already in it (an article's
    own repeated mentions were merged before it was stored)."""
    acts: list[list[EventRecord]] = []
    for event in block:
        for act in reversed(acts[-2:]):
            fits = all(compatible(event, other, where) for other in act)
            if fits and event.document_id not in {o.document_id for o in act}:
                act.append(event)
                break
        else:
            acts.append([event])
    return acts


def _cluster(reports: Sequence[EventRecord]) -> Cluster:
    first = reports[0]
    counts = Counter(r.date for r in reports if r.date)
    date = min(counts, key=lambda d: (-counts[d], d)) if counts else None
    digest = hashlib.sha256("|".join(sorted(r.id for r in reports)).encode()).hexdigest()
    return Cluster(
        id=digest[:16],
        type=first.type,
        actors=tuple(sorted({a for r in reports for a in r.actor_ids})),
        recipients=tuple(sorted({a for r in reports for a in r.recipient_ids})),
        date=date,
        dates=tuple(sorted(counts)),
        reports=tuple(reports),
    )


def cluster(
    events: Iterable[EventRecord], reciprocal: frozenset[str], where: Whereabouts = Whereabouts()
) -> tuple[Cluster, ...]:
    """Group stored events into clusters, one per real-world act, in date order (undated
    last). Every event with a participant is in exactly one cluster."""
    blocks = _grouped(events, reciprocal)
    found = [_cluster(act) for block in blocks for act in _split(block, where)]
    return tuple(sorted(found, key=lambda c: (c.date is None, c.date or "", c.id)))


def as_json(found: Cluster) -> dict[str, object]:
    """A cluster as plain data: the act, and every report of it with its source."""
    return {
        "id": found.id,
        "event": found.type,
        "date": found.date,
        "dates": list(found.dates),
        "actors": list(found.actors),
        "recipients": list(found.recipients),
        "dead": list(found.dead),
        "injured": list(found.injured),
        "reports": [
            {
                "event_id": r.id,
                "document_id": r.document_id,
                "outlet": r.outlet,
                "published": r.published,
                "date": r.date,
                "dead": r.dead,
                "injured": r.injured,
                "evidence": r.evidence_text,
            }
            for r in found.reports
        ],
    }

"""Export rows: one per cluster (a real-world act and every report of it) or one per report.

Every export format (hadath.export) is written from these rows, so they all agree on ids, dates,
participants, codes and sources. A cluster row takes, from its reports: every distinct mode and
context in report order; the place most reports name; the highest death and injury tolls (tolls
rise as reports come in; each source keeps its own sentence); the CAMEO code most reports give;
and the best confidence. A report row is one stored event with its one source.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from hadath.clusters import Cluster
from hadath.errors import ExportError
from hadath.lexicons.codes import EventCodes
from hadath.lexicons.frozen import FrozenMap
from hadath.model import Actor
from hadath.output import role_on
from hadath.store.copies import Copies
from hadath.store.records import EventRecord

Per = Literal["cluster", "report"]
NO_COPIES: Copies = FrozenMap({})
PER: tuple[Per, ...] = ("cluster", "report")
# PLOVER's special contexts for reports told as background or as denied.
HISTORICAL = "historical"
NEGATION = "negation"


@dataclass(frozen=True, slots=True)
class Source:
    """One report behind a row: its event, its document, and the sentence that states it."""

    event_id: str
    document_id: str
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None
    date: str | None
    evidence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor or recipient as exported: the stored description where there is one."""

    id: str
    name: str
    kind: str | None = None
    country: str | None = None
    wikidata: str | None = None
    office: str | None = None


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One exported event: a cluster of reports, or a single report (`link` names its cluster)."""

    id: str
    type: str
    modes: tuple[str, ...]
    contexts: tuple[str, ...]
    date: str | None
    date_precision: str | None
    dates: tuple[str, ...]
    actors: tuple[Participant, ...]
    recipients: tuple[Participant, ...]
    reciprocal: bool
    cameo: str
    quad: int
    place: str | None
    dead: int | None
    injured: int | None
    confidence: float
    link: str | None
    sources: tuple[Source, ...]


def check_per(per: str) -> Per:
    """Return `per` if it is a row kind, else raise ExportError saying which to use."""
    for kind in PER:
        if per == kind:
            return kind
    raise ExportError(f"cannot export one row per {per!r}: use per='cluster' or per='report'")


def export_rows(
    items: Iterable[Cluster | EventRecord],
    actors: Mapping[str, Actor],
    codes: EventCodes,
    per: str = "cluster",
    copies: Copies = NO_COPIES,
) -> Iterator[ExportRow]:
    """Turn clusters (or their reports and lone reports, per='report') into export rows, in
    the order given; an unknown `per` is refused at once, before any row is made. A report's
    article re-published elsewhere (`copies`, by document id) is cited once per publication."""
    return _rows(items, Context(actors, codes, copies), check_per(per))


@dataclass(frozen=True, slots=True)
class Context:
    """What every row is made with: stored actors, event codes, re-publications by document."""

    actors: Mapping[str, Actor]
    codes: EventCodes
    copies: Copies


def _rows(
    items: Iterable[Cluster | EventRecord], context: Context, kind: Per
) -> Iterator[ExportRow]:
    for item in items:
        if isinstance(item, EventRecord):
            if kind == "cluster":
                raise ExportError(
                    f"event {item.id} is a single report: group events into clusters first "
                    "(hadath.clusters.cluster) or export one row per report (per='report')"
                )
            yield _row(item.id, (item,), context, link=None)
        elif kind == "cluster":
            yield _row(item.id, item.reports, context, link=None)
        else:
            yield from (_row(r.id, (r,), context, link=item.id) for r in item.reports)


def _row(
    row_id: str, reports: Sequence[EventRecord], context: Context, link: str | None
) -> ExportRow:
    """One row from the reports of one act (a single report for a report row)."""
    actors, codes = context.actors, context.codes
    first = reports[0]
    date, precision = _date(reports)
    actor_ids = _distinct(a for r in reports for a in r.actor_ids)
    recipient_ids = _distinct(a for r in reports for a in r.recipient_ids)
    names = _names(reports)
    return ExportRow(
        id=row_id,
        type=first.type,
        modes=_distinct(r.mode for r in reports),
        contexts=_distinct(c for r in reports for c in _contexts(r)),
        date=date,
        date_precision=precision,
        dates=tuple(sorted({r.date for r in reports if r.date})),
        actors=tuple(_participant(a, names, actors, date) for a in actor_ids),
        recipients=tuple(_participant(a, names, actors, date) for a in recipient_ids),
        reciprocal=first.type in codes.reciprocal and not recipient_ids,
        cameo=_most_given(codes.cameo(r.type, r.mode, r.rule) for r in reports) or "",
        quad=codes.quad[first.type],
        place=_most_given(r.place for r in reports),
        dead=max((r.dead for r in reports if r.dead is not None), default=None),
        injured=max((r.injured for r in reports if r.injured is not None), default=None),
        confidence=max(r.confidence for r in reports),
        link=link,
        sources=tuple(s for r in reports for s in _sources(r, context.copies)),
    )


def _date(reports: Sequence[EventRecord]) -> tuple[str | None, str | None]:
    """The date most reports give (the earliest of those most given) and its precision."""
    counts = Counter(r.date for r in reports if r.date)
    if not counts:
        return None, None
    date = min(counts, key=lambda d: (-counts[d], d))
    return date, next(r.date_precision for r in reports if r.date == date)


def _contexts(report: EventRecord) -> tuple[str, ...]:
    """A report's contexts, with PLOVER's special contexts for background and denied acts."""
    flags = (HISTORICAL,) * report.historical + (NEGATION,) * report.negated
    return (*report.context, *flags)


def _names(reports: Sequence[EventRecord]) -> dict[str, str]:
    """The display names the store gave each participant id."""
    names: dict[str, str] = {}
    for r in reports:
        pairs = (
            *zip(r.actor_ids, r.actors, strict=False),
            *zip(r.recipient_ids, r.recipients, strict=False),
        )
        for actor_id, name in pairs:
            names.setdefault(actor_id, name)
    return names


def _participant(
    actor_id: str, names: Mapping[str, str], actors: Mapping[str, Actor], date: str | None
) -> Participant:
    """A participant described by its stored actor, else by the name the event record gave."""
    actor = actors.get(actor_id)
    if actor is None:
        return Participant(actor_id, names.get(actor_id, actor_id))
    role = role_on(actor, date)
    office = (role.title or role.office) if role else None
    return Participant(actor.id, actor.name, actor.kind, actor.country, actor.wikidata, office)


def _source(report: EventRecord) -> Source:
    return Source(
        event_id=report.id,
        document_id=report.document_id,
        outlet=report.outlet,
        url=report.url,
        title=report.document_title,
        published=report.published,
        date=report.date,
        evidence=report.evidence_text,
        start=report.evidence_start,
        end=report.evidence_end,
    )


def _sources(report: EventRecord, copies: Copies) -> Iterator[Source]:
    """The report's source, then each other publication of its article (same text, so the
    same sentence at the same offsets)."""
    first = _source(report)
    yield first
    for copy in copies.get(report.document_id, ()):
        yield dataclasses.replace(
            first,
            document_id=copy.id,
            outlet=copy.outlet,
            url=copy.url,
            title=copy.title or first.title,
            published=copy.published or first.published,
        )


def _distinct(values: Iterable[str | None]) -> tuple[str, ...]:
    """The values that are set, each once, in the order first met."""
    return tuple(dict.fromkeys(v for v in values if v))


def _most_given(values: Iterable[str | None]) -> str | None:
    """The value given most often (the first met among equals), or None when none is set."""
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None

"""Storylines: the acts between the same parties, of related types, as one thread in time.

A party is the office a person held on the act's day when that office has one holder at a time
("Minister of Defence" of the United States), else the actor: so the calls of one defence
minister with two successive Russian counterparts are one thread. Claims a report makes about
the thread's history ("the first call since March 2023") are checked against it, and an act the
thread holds inside the time the claim says was empty is shown as a contradiction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from hadath import clusters, dates
from hadath.claims import Claim, find_claims
from hadath.clusters import DAY_SLACK, Cluster, clustered
from hadath.earlier import RULE as DERIVED_RULE
from hadath.isodates import first_day, last_day
from hadath.lexicons.actors import ActorKB
from hadath.lexicons.stories import StoryWords
from hadath.model import Analysis, Document, Span
from hadath.pipeline import text_layer
from hadath.resources import Resources
from hadath.store import EventRecord, Store

_OFFICE = re.compile(r"(.+?)\s*\(([A-Z]{3})\)")  # "Minister of Defence (USA)"
CONSISTENT = "consistent"
CONTRADICTED = "contradicted"
UNCHECKED = "unchecked"  # the thread holds no earlier act to check the claim against


@dataclass(frozen=True, slots=True)
class Check:
    """A report's claim about its act's history, and what the thread says of it: the last
    earlier act of the same type (`previous`) and the acts inside the time the claim says
    was empty (`conflicts`)."""

    text: str
    document_id: str
    outlet: str | None
    act: str  # the id of the cluster the claim is about
    since: str | None
    gap_days: int | None
    previous: Cluster | None
    conflicts: tuple[Cluster, ...]

    @property
    def verdict(self) -> str:
        """Whether the thread bears the claim out, contradicts it, or cannot tell."""
        if self.conflicts:
            return CONTRADICTED
        return CONSISTENT if self.previous is not None else UNCHECKED


@dataclass(frozen=True, slots=True)
class Story:
    """One thread: its family of types, its parties (office or actor keys), its acts in date
    order, and the checks of what reports claim about it."""

    id: str
    family: str
    parties: tuple[str, ...]
    acts: tuple[Cluster, ...]
    checks: tuple[Check, ...] = ()


def party(actor_id: str, date: str, kb: ActorKB) -> str:
    """The key an actor takes part under on a date: a one-holder office it held then, as
    "office|country", else its own id."""
    role = kb.role_on(actor_id, date)
    if role is None or role.office in kb.shared_offices:
        return actor_id
    return f"{role.office}|{role.country or ''}"


def _parties(act: Cluster, kb: ActorKB) -> tuple[str, ...]:
    assert act.date is not None
    return tuple(sorted({party(a, act.date, kb) for a in (*act.actors, *act.recipients)}))


def _story_id(family: str, parties: Sequence[str]) -> str:
    return hashlib.sha256("\n".join((family, *parties)).encode()).hexdigest()[:12]


def threads(acts: Iterable[Cluster], kb: ActorKB, words: StoryWords) -> tuple[Story, ...]:
    """Thread dated acts with two parties or more by family and parties, each in date order;
    the threads with most acts first."""
    found: dict[tuple[str, tuple[str, ...]], list[Cluster]] = defaultdict(list)
    for act in acts:
        if act.date is not None and len(parties := _parties(act, kb)) > 1:
            found[(words.family(act.type), parties)].append(act)
    stories = [
        Story(_story_id(family, parties), family, parties, tuple(sorted(acts, key=_start)))
        for (family, parties), acts in found.items()
    ]
    return tuple(sorted(stories, key=lambda s: (-len(s.acts), s.id)))


def _start(act: Cluster) -> tuple[dt.date, str]:
    return first_day(act.date or "9999"), act.id


def _derived(act: Cluster, document_id: str) -> bool:
    """Whether the act is known only from a claim of this document ("the first since")."""
    return all(r.rule == DERIVED_RULE and r.document_id == document_id for r in act.reports)


def check(story: Story, act: Cluster, report: EventRecord, claim: Claim, text: str) -> Check:
    """Check a claim a report makes about an act of the story against the story's other acts
    of that act's type: none may lie between the claimed date (or length of time) and the act."""
    assert act.date is not None
    begins = first_day(act.date)
    latest = begins - dt.timedelta(days=DAY_SLACK + 1)
    if claim.since is not None:
        earliest = last_day(claim.since.value) + dt.timedelta(days=1)
    else:
        earliest = begins - dt.timedelta(days=claim.gap_days or 0)
    others = [
        o
        for o in story.acts
        if o.type == act.type and o.id != act.id and not _derived(o, report.document_id)
    ]
    earlier = [o for o in others if o.date and last_day(o.date) <= latest]
    inside = [o for o in earlier if o.date and first_day(o.date) >= earliest]
    return Check(
        text=text,
        document_id=report.document_id,
        outlet=report.outlet,
        act=act.id,
        since=claim.since.value if claim.since else None,
        gap_days=claim.gap_days,
        previous=max(earlier, key=_start) if earlier else None,
        conflicts=tuple(inside),
    )


def _subject(story: Story, document_id: str, span: Span) -> tuple[Cluster, EventRecord] | None:
    """The act a document's claim is about: the one whose report's sentence holds the claim,
    if that report tells it as news; else the latest act the document tells as news."""
    told = [
        (act, r)
        for act in story.acts
        for r in act.reports
        if r.document_id == document_id and not r.historical
    ]
    holding = [(a, r) for a, r in told if r.evidence_start <= span.start < r.evidence_end]
    chosen = holding or sorted(told, key=lambda pair: _start(pair[0]))
    return chosen[-1] if chosen else None


def checked(story: Story, claims: Mapping[str, Sequence[tuple[Claim, str]]]) -> Story:
    """The story with a check of each claim (by document, with its wording) that lies in the
    sentence of one of the story's reports."""
    checks: list[Check] = []
    for document_id, found in claims.items():
        sentences = [
            Span(r.evidence_start, r.evidence_end)
            for act in story.acts
            for r in act.reports
            if r.document_id == document_id
        ]
        for claim, text in found:
            subject = _subject(story, document_id, claim.span)
            if subject and any(s.contains(claim.span) for s in sentences):
                checks.append(check(story, *subject, claim, text))
    return dataclasses.replace(story, checks=tuple(checks))


def claims_in(document: Document, resources: Resources) -> tuple[tuple[Claim, str], ...]:
    """Every "first since" claim of a stored document, with its wording."""
    words = resources.events.stories
    if words is None:
        return ()
    analysis = dates.run(text_layer(Analysis(document=document), resources), resources)
    found = find_claims(analysis.tokens, analysis.times, words, resources.time)
    return tuple((c, c.span.of(document.text)) for c in found)


def _all(store: Store, resources: Resources) -> tuple[Story, ...]:
    words = resources.events.stories
    assert words is not None, "the event lexicon was loaded without its storyline words"
    acts = clustered(store.events(), resources)
    return threads(acts, resources.actors, words)


def office_key(text: str, kb: ActorKB) -> str | None:
    """The party key of an office the knowledge base knows, written as the tables show it
    ("Minister of Defence (USA)") or as its key ("Minister of Defence|USA"); else None."""
    written = _OFFICE.fullmatch(text.strip())
    office, country = written.groups() if written else text.partition("|")[::2]
    office, country = office.strip(), country.strip()
    return f"{office}|{country}" if (office, country or None) in kb.by_office else None


def _takes_part(store: Store, kb: ActorKB, who: str, type: str | None) -> Callable[[Cluster], bool]:
    """Whether an act involves `who`: an office held by a participant on the act's day, or an
    actor by id, name or alias."""
    key = office_key(who, kb)
    if key is not None:
        return lambda act: act.date is not None and key in _parties(act, kb)
    reports = {r.id for r in store.events(actor=who, type=type)}
    return lambda act: any(r.id in reports for r in act.reports)


def timeline(
    store: Store,
    resources: Resources,
    actor: str,
    other: str | None = None,
    type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> tuple[Cluster, ...]:
    """The acts of an actor or office (with `other` too, when given) in date order, each once
    with every report of it."""
    records = store.events(type=type, date_from=date_from, date_to=date_to)
    acts = clustered(records, resources)
    tests = [_takes_part(store, resources.actors, w, type) for w in (actor, other) if w]
    return tuple(act for act in acts if all(test(act) for test in tests))


def stories(store: Store, resources: Resources, actor: str | None = None) -> tuple[Story, ...]:
    """Every storyline in the store (those with one of `actor`'s acts, when given), longest
    first; claims are checked by `story`."""
    found = _all(store, resources)
    if actor is None:
        return found
    wanted = {r.id for r in store.events(actor=actor)}
    return tuple(s for s in found if any(r.id in wanted for a in s.acts for r in a.reports))


def story(store: Store, resources: Resources, ident: str) -> Story | None:
    """The storyline with this id, or the one holding the act (cluster) or report (event) with
    this id, with every claim its reports make about its history checked."""
    for found in _all(store, resources):
        reports = {r.id for a in found.acts for r in a.reports}
        if ident in {found.id} | {a.id for a in found.acts} | reports:
            documents = dict.fromkeys(r.document_id for a in found.acts for r in a.reports)
            stored = [d for d in map(store.document, documents) if d is not None]
            return checked(found, {d.id: claims_in(d, resources) for d in stored})
    return None


def _check_json(found: Check) -> dict[str, object]:
    return {
        "verdict": found.verdict,
        "claim": found.text,
        "document_id": found.document_id,
        "outlet": found.outlet,
        "act": found.act,
        "since": found.since,
        "gap_days": found.gap_days,
        "previous": {"id": found.previous.id, "date": found.previous.date}
        if found.previous
        else None,
        "conflicts": [{"id": o.id, "date": o.date} for o in found.conflicts],
    }


def as_json(found: Story) -> dict[str, object]:
    """A storyline as plain data: its parties, its acts with their reports, and its checks."""
    return {
        "id": found.id,
        "family": found.family,
        "parties": list(found.parties),
        "acts": [clusters.as_json(act) for act in found.acts],
        "checks": [_check_json(c) for c in found.checks],
    }

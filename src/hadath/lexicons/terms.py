"""Consistency of the people files: one holder of an office at a time, and the periods left open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from hadath.errors import LexiconError
from hadath.isodates import first_day, last_day
from hadath.lexicons.load import data_files, load_yaml, require_mapping

PEOPLE_FOLDERS = ("actors/people", "actors/generated")
Period = tuple[dt.date, dt.date]


@dataclass(frozen=True, slots=True)
class Term:
    """One person's term in one office, with the widest and narrowest reading of its dates."""

    person: str
    office: str
    country: str | None
    earliest: dt.date
    latest_start: dt.date
    earliest_end: dt.date
    latest: dt.date
    concurrent: bool
    where: str


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def terms(today: dt.date) -> list[Term]:
    """Return every role of every people file as a term; an open end runs to `today`."""
    out: list[Term] = []
    for folder in PEOPLE_FOLDERS:
        for relative in data_files(folder, ".yaml"):
            for entry in load_yaml(relative) or []:
                out.extend(_entry_terms(entry, relative, today))
    return out


def _entry_terms(entry: dict[str, Any], where: str, today: dt.date) -> Iterator[Term]:
    for role in entry.get("roles") or []:
        start, end = _text(role.get("start")), _text(role.get("end"))
        first = first_day(start) if start else dt.date.min
        yield Term(
            person=entry["id"],
            office=role["office"],
            country=role.get("country"),
            earliest=first,
            latest_start=last_day(start) if start else first,
            earliest_end=first_day(end) if end else today,
            latest=last_day(end) if end else today,
            concurrent=bool(role.get("concurrent")),
            where=where,
        )


def overlaps(all_terms: Iterable[Term], shared: frozenset[str], days: int = 1) -> list[str]:
    """Return a message for every two people certainly holding one single-holder office at once."""
    by_office: dict[tuple[str, str | None], list[Term]] = {}
    for term in all_terms:
        if term.office not in shared and not term.concurrent:
            by_office.setdefault((term.office, term.country), []).append(term)
    found = []
    for (office, country), group in sorted(by_office.items(), key=lambda kv: str(kv[0])):
        group.sort(key=lambda t: t.latest_start)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if b.latest_start >= a.earliest_end - dt.timedelta(days=days - 1):
                    break
                if a.person != b.person:
                    found.append(
                        f"{office} ({country or 'international'}): {a.person} and {b.person} "
                        f"overlap from {b.latest_start} to {min(a.earliest_end, b.earliest_end)}"
                        f" ({a.where}, {b.where})"
                    )
    return found


@dataclass(frozen=True, slots=True)
class Target:
    """An office (any of `labels`) of a country that has a holder, or a vacancy, in a period."""

    labels: tuple[str, ...]
    country: str | None
    since: dt.date
    until: dt.date


@dataclass(frozen=True, slots=True)
class Coverage:
    """What data/actors/coverage.yaml asks for: offices to list without gaps, known vacancies."""

    targets: tuple[Target, ...]
    vacancies: tuple[Target, ...]
    tolerance: dt.timedelta


def gaps(
    all_terms: Iterable[Term], target: Target, vacancies: Iterable[Target] = ()
) -> list[Period]:
    """Return the periods of a target in which nobody held the office and no vacancy is listed."""
    spans = sorted(
        [
            (t.earliest, t.latest)
            for t in all_terms
            if t.office in target.labels and t.country == target.country
        ]
        + [
            (v.since, v.until)
            for v in vacancies
            if set(v.labels) & set(target.labels) and v.country == target.country
        ]
    )
    open_from, out = target.since, []
    for start, end in spans:
        if start > open_from:
            out.append((open_from, min(start, target.until)))
        open_from = max(open_from, end)
    if open_from < target.until:
        out.append((open_from, target.until))
    return [(a, b) for a, b in out if a < b]


def load_coverage(today: dt.date) -> Coverage:
    """Read data/actors/coverage.yaml; periods without an end run to `today`."""
    where = "hadath/data/actors/coverage.yaml"
    data = require_mapping(load_yaml("actors/coverage.yaml"), where)
    since = _date(data.get("since"), f"{where}: since")
    states = require_mapping(data.get("states"), f"{where}: states")
    groups: list[tuple[str | None, Any]] = [*states.items(), (None, data.get("international"))]
    targets = [_target(item, c, since, today, where) for c, items in groups for item in items or []]
    vacancies = [
        Target(
            (str(v["office"]),),
            v.get("country"),
            _date(v.get("start"), where),
            _date(v.get("end"), where),
        )
        for v in (
            require_mapping(raw, f"{where}: vacancies") for raw in data.get("vacancies") or []
        )
    ]
    days = data.get("tolerance_days", 0)
    return Coverage(tuple(targets), tuple(vacancies), dt.timedelta(days=int(days)))


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise LexiconError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _target(item: Any, country: str | None, since: dt.date, today: dt.date, where: str) -> Target:
    if isinstance(item, str):
        return Target(tuple(item.split("|")), country, since, today)
    entry = require_mapping(item, f"{where}: {country}")
    start = _date(entry["from"], where) if "from" in entry else since
    end = _date(entry["until"], where) if "until" in entry else today
    return Target(tuple(str(entry["office"]).split("|")), country, start, end)

"""The values the Wikidata generator passes around, and the small helpers its parts share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from hadath.model import Role

Format = Literal["dump", "sparql", "people"]
SyncState = Literal["in-sync", "stale", "source-missing", "not-generated"]
Progress = Callable[[int], None]

SCRIPT = "scripts/wikidata_actors.py"
DAY = 11  # Wikidata time precision: 9 = year, 10 = month, 11 = day
QID = re.compile(r"^Q[1-9][0-9]*$")
MIN_DATE, MAX_DATE = "0000-00-00", "9999-99-99"
_TIME = re.compile(r"^\+?(\d{4})-(\d{2})-(\d{2})T")


@dataclass(frozen=True, slots=True)
class Position:
    """A Wikidata position item mapped to a person office of offices.yaml."""

    wikidata: str
    office: str
    country: str | None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class WikiTime:
    """A Wikidata time value: its date as written (YYYY-MM-DD), precision and calendar."""

    date: str
    precision: int
    gregorian: bool = True

    @property
    def day(self) -> str | None:
        """Return the ISO date when the value is a Gregorian calendar day, else None."""
        return self.date if self.precision >= DAY and self.gregorian and self.date else None

    @property
    def shown(self) -> str:
        """Return the date cut to its precision (2014, 2014-06, 2014-06-12)."""
        return (
            self.date[:4]
            if self.precision <= 9
            else self.date[:7]
            if self.precision == 10
            else self.date
        )


UNKNOWN = WikiTime("", 0)  # "some value": Wikidata says there is a date but not which


@dataclass(frozen=True, slots=True)
class Statement:
    """One 'position held' (P39) statement: the position and its start and end qualifiers."""

    position: str
    start: WikiTime | None = None
    end: WikiTime | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """What a source says of one human, whichever its format."""

    wikidata: str
    enwiki: str | None = None
    label_en: str | None = None
    aliases_en: tuple[str, ...] = ()
    label_ar: str | None = None
    aliases_ar: tuple[str, ...] = ()
    citizenship: tuple[str, ...] = ()
    died: WikiTime | None = None
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a people file, with the comment lines written above it."""

    id: str
    name: str
    country: str | None
    wikidata: str | None
    aliases: tuple[str, ...] = ()
    arabic: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a generated file comes from, as its header records it."""

    source: str
    source_sha256: str
    format: Format
    positions: str
    positions_sha256: str


@dataclass(frozen=True, slots=True)
class Generated:
    """One run of the generator: the entries, their provenance and the people left out."""

    entries: tuple[Entry, ...]
    provenance: Provenance
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """Something Wikidata says that differs from the file; the file's version was kept."""

    entry: str
    message: str


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged file's text, the entries added or extended, and the conflicts found."""

    text: str
    added: tuple[str, ...]
    extended: tuple[str, ...]
    conflicts: tuple[Conflict, ...]


@dataclass(frozen=True, slots=True)
class SyncResult:
    """Whether a generated file is what its recorded source yields today."""

    path: Path
    state: SyncState
    detail: str


def as_dict(value: Any) -> dict[str, Any]:
    """Return a value if it is a dict, else an empty one."""
    # the dump writes empty labels, aliases, sitelinks and claims as [] rather than {}
    return value if isinstance(value, dict) else {}


def parse_time(value: str, precision: int, gregorian: bool = True) -> WikiTime | None:
    """Read a Wikidata time string (+YYYY-MM-DDT...), None if it is not one."""
    found = _TIME.match(value)
    if found is None:
        return None
    return WikiTime(f"{found[1]}-{found[2]}-{found[3]}", precision, gregorian)


def pick_time(times: Iterable[WikiTime | None], latest: bool) -> WikiTime | None:
    """Return the earliest (or latest) known time, else UNKNOWN if any was given, else None."""
    seen = [t for t in times if t is not None]
    known = [t for t in seen if t is not UNKNOWN]
    if known:
        return (max if latest else min)(known, key=lambda t: t.date)
    return UNKNOWN if seen else None


def qnumber(qid: str | None) -> int:
    """Return the number of a Wikidata item id (0 for anything else), to sort ids."""
    return int(qid[1:]) if qid and QID.match(qid) else 0


def first(values: Sequence[str]) -> str | None:
    """Return the first value, or None if there is none."""
    return values[0] if values else None


def office_name(office: str, country: str | None) -> str:
    """Return an office as notes and conflicts name it: with its country when it has one."""
    return f"{office} ({country})" if country else office

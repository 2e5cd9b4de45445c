"""From people to entries of a people file: ids, names, countries and joined terms of office."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence

from hadath.model import Role
from hadath.tokenize import is_arabic
from hadath.wikidata.values import (
    MAX_DATE,
    MIN_DATE,
    UNKNOWN,
    Entry,
    Person,
    Position,
    Statement,
    WikiTime,
    first,
    office_name,
    qnumber,
)

_DISAMBIGUATOR = re.compile(r"\s*\([^()]*\)$")
_LATIN = re.compile(r"^LATIN (?:SMALL|CAPITAL) LETTER (?:DOTLESS )?([A-Z]{1,2})(?: WITH .+)?$")


def build_entries(
    people: Iterable[Person],
    positions: Mapping[str, Position],
    states: Mapping[str, str],
    reserved: Collection[str] = (),
) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """Return the entries of the people who held a listed office, and who was left out."""
    entries, skipped = [], []
    for person in people:
        made = entry_for(person, positions, states)
        if isinstance(made, Entry):
            entries.append(made)
        elif made is not None:
            skipped.append(made)
    return unique_ids(entries, reserved), tuple(skipped)


def entry_for(
    person: Person, positions: Mapping[str, Position], states: Mapping[str, str]
) -> Entry | str | None:
    """Return a person's entry, why it cannot be made, or None if they held no listed office."""
    held = [s for s in person.statements if s.position in positions]
    if not held:
        return None
    name = person.enwiki or person.label_en
    if not name or not slug(name):
        return f"{person.wikidata}: no English Wikipedia article and no usable English label"
    roles, notes = _roles(held, positions, person.died)
    if person.enwiki is None:
        notes = ("No English Wikipedia article: the name is the Wikidata label.", *notes)
    return Entry(
        id=slug(name),
        name=name,
        country=_nationality(person, [positions[s.position].country for s in held], states),
        wikidata=person.wikidata,
        aliases=_english(person, name),
        arabic=_arabic(person),
        roles=roles,
        notes=notes,
    )


def unique_ids(entries: Iterable[Entry], reserved: Collection[str] = ()) -> tuple[Entry, ...]:
    """Give every entry a free id (a taken slug gets the Wikidata id appended), sorted by id."""
    taken, out = set(reserved), []
    for entry in sorted(entries, key=lambda e: (e.id, qnumber(e.wikidata), e.name)):
        ident = entry.id
        if ident in taken:
            ident = f"{entry.id}-{(entry.wikidata or str(len(taken))).lower()}"
        taken.add(ident)
        out.append(dataclasses.replace(entry, id=ident))
    return tuple(sorted(out, key=lambda e: e.id))


def slug(name: str) -> str:
    """Return an actor id from an English name: ASCII, lowercase, hyphens, no disambiguator."""
    letters = [_ascii(ch) for ch in unicodedata.normalize("NFKD", _DISAMBIGUATOR.sub("", name))]
    return re.sub(r"[^a-z0-9]+", "-", "".join(letters).lower()).strip("-")


def _ascii(ch: str) -> str:
    if ch.isascii():
        return ch
    # letters NFKD does not decompose (ı, ø, ł, æ) keep the base letter their Unicode name gives
    found = _LATIN.match(unicodedata.name(ch, ""))
    return found[1] if found else ""


def _nationality(
    person: Person, held: Sequence[str | None], states: Mapping[str, str]
) -> str | None:
    """A citizenship that matches a held office's country, else the first citizenship or office."""
    codes = [states[q] for q in person.citizenship if q in states]
    offices = [c for c in held if c]
    matching = [c for c in codes if c in offices]
    return first(matching) or first(codes) or first(offices)


def _english(person: Person, name: str) -> tuple[str, ...]:
    bare = _DISAMBIGUATOR.sub("", name)
    names = _unique((bare, person.label_en, *person.aliases_en))
    return tuple(n for n in names if n != name)


def _arabic(person: Person) -> tuple[str, ...]:
    names = _unique((person.label_ar, *person.aliases_ar))
    return tuple(n for n in names if any(is_arabic(ch) for ch in n))


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def _roles(
    statements: Iterable[Statement], positions: Mapping[str, Position], died: WikiTime | None
) -> tuple[tuple[Role, ...], tuple[str, ...]]:
    roles, notes = [], []
    for statement in statements:
        role, note = _role(statement, positions[statement.position], died)
        roles += [role] if role else []
        notes += [note] if note else []
    return _join(roles), _unique(notes)


def _role(
    statement: Statement, position: Position, died: WikiTime | None
) -> tuple[Role | None, str | None]:
    """Return the role a statement gives, or None and why it was left out."""
    start = None if statement.start is UNKNOWN else statement.start
    end = statement.end if statement.end is not None else died
    what = office_name(position.office, position.country)
    if end is UNKNOWN:
        return None, f"Left out: {what}, ended on a date Wikidata does not know."
    for side, value in (("start", start), ("end", end)):
        if value is not None and value.day is None:
            return None, f"Left out: {what}, {side} {value.shown} ({_imprecise(value)})."
    role = Role(position.office, position.country, _day(start), _day(end), position.title)
    if role.start and role.end and role.end < role.start:
        return None, f"Left out: {what}, ends ({role.end}) before it starts ({role.start})."
    died_in_office = statement.end is None and end is not None
    note = (
        f"{what}: open in Wikidata, ends on the day of death ({role.end})."
        if died_in_office
        else None
    )
    return role, note


def _imprecise(value: WikiTime) -> str:
    if not value.gregorian:
        return "not a Gregorian calendar date"
    return {10: "known only to the month", 9: "known only to the year"}.get(
        value.precision, "known only to the decade or less"
    )


def _day(value: WikiTime | None) -> str | None:
    return value.day if value is not None else None


def _join(roles: Iterable[Role]) -> tuple[Role, ...]:
    """Join terms of one office that overlap or follow on the next day (one per cabinet)."""
    out: list[Role] = []
    for role in sorted(set(roles), key=_term_key):
        last = out[-1] if out else None
        if last is not None and _term_key(last)[:3] == _term_key(role)[:3] and _touches(last, role):
            end = None if last.end is None or role.end is None else max(last.end, role.end)
            out[-1] = dataclasses.replace(last, end=end)
        else:
            out.append(role)
    return tuple(sorted(out, key=lambda r: (r.start or MIN_DATE, r.end or MAX_DATE, r.office)))


def _term_key(role: Role) -> tuple[str, str, str, str, str]:
    return (
        role.office,
        role.country or "",
        role.title or "",
        role.start or MIN_DATE,
        role.end or MAX_DATE,
    )


def _touches(earlier: Role, later: Role) -> bool:
    return earlier.end is None or (later.start or MIN_DATE) <= _next_day(earlier.end)


def _next_day(iso: str) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()

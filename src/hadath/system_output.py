"""Read system output in the JSON contract shape of DESIGN.md into the values gold scoring compares.

Names are folded (hadath.names.fold_parts) and quotation text normalised (normalize_text) once,
here, so that matching compares ready values. A record that breaks the contract raises
MalformedRecordError naming the document, the event or quote, and the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hadath.errors import MalformedRecordError
from hadath.gold import PRECISIONS, as_precision, precision_of
from hadath.model import Precision, TimeValue
from hadath.names import ComparisonTextRules, FoldedName, NameRules, fold_parts, normalize_text


@dataclass(frozen=True, slots=True)
class Participant:
    """A system actor or recipient: its folded name and aliases, kind and ISO3 country."""

    names: tuple[FoldedName, ...]
    kind: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class SystemEvent:
    """A system event as scoring sees it; index is its position in the output."""

    index: int
    id: str | None
    event: str
    mode: str | None
    actors: tuple[Participant, ...]
    recipients: tuple[Participant, ...]
    date: TimeValue | None
    historical: bool
    place: str | None = None


@dataclass(frozen=True, slots=True)
class SystemQuote:
    """A system quotation: its speaker (if any) and its normalised text."""

    speaker: Participant | None
    text: str


def _malformed(where: str, problem: str) -> MalformedRecordError:
    return MalformedRecordError(f"{where}: {problem}; follow the JSON contract of DESIGN.md")


def _text_field(raw: Mapping[str, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise _malformed(where, f"`{key}` must be a string or null, found {value!r}")
    return value


def _participant(raw: Any, names: NameRules, where: str) -> Participant:
    if not isinstance(raw, Mapping):
        raise _malformed(where, f"an actor must be an object with `name`, found {raw!r}")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _malformed(where, "`aliases` must be a list of strings")
    name = _text_field(raw, "name", where)
    spellings = ([name] if name else []) + list(aliases)
    country = _text_field(raw, "country", where)
    return Participant(
        names=tuple(fold_parts(s, names) for s in spellings),
        kind=_text_field(raw, "kind", where),
        country=country.upper() if country else None,
    )


def _participants(raw: Any, names: NameRules, where: str) -> tuple[Participant, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _malformed(where, "`actors` and `recipients` must be lists of actor objects")
    return tuple(_participant(item, names, where) for item in raw)


def _date_length(precision: Precision) -> int:
    return {"year": 4, "month": 7, "day": 10}[precision]


def read_time(value: Any, precision: Any, where: str) -> TimeValue | None:
    """Read a system date; an explicit coarser precision cuts the value."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else value
    shape = precision_of(text) if isinstance(text, str) else None
    if shape is None:
        raise _malformed(where, f"date {value!r} is not ISO YYYY-MM-DD, YYYY-MM or YYYY")
    given = as_precision(precision)
    if given is not None and PRECISIONS.index(given) < PRECISIONS.index(shape):
        return TimeValue(text[: _date_length(given)], given)
    return TimeValue(text, shape)


def _system_event(raw: Any, index: int, names: NameRules, where: str) -> SystemEvent:
    where = f"{where}, event #{index}"
    if not isinstance(raw, Mapping):
        raise _malformed(where, "an event must be an object")
    return SystemEvent(
        index=index,
        id=None if raw.get("id") is None else str(raw.get("id")),
        event=str(raw.get("event") or ""),
        mode=_text_field(raw, "mode", where),
        actors=_participants(raw.get("actors"), names, where),
        recipients=_participants(raw.get("recipients"), names, where),
        date=read_time(raw.get("date"), raw.get("date_precision"), where),
        historical=bool(raw.get("historical", False)),
        place=_text_field(raw, "place", where),
    )


def _system_quote(raw: Any, names: NameRules, text: ComparisonTextRules, where: str) -> SystemQuote:
    if not isinstance(raw, Mapping):
        raise _malformed(where, "a quote must be an object with `speaker` and `text`")
    said = _text_field(raw, "text", where) or ""
    speaker = raw.get("speaker")
    return SystemQuote(
        speaker=None if speaker is None else _participant(speaker, names, where),
        text=normalize_text(said, text),
    )


def _system_list(output: Mapping[str, Any] | None, key: str, where: str) -> list[Any]:
    value = (output.get(key) if output is not None else None) or []
    if not isinstance(value, list):
        raise _malformed(where, f"`{key}` must be a list")
    return value


def read_times(output: Any, where: str) -> tuple[TimeValue, ...]:
    """Read the resolved time expressions of one document's output (`times`; none if absent)."""
    if output is not None and not isinstance(output, Mapping):
        raise _malformed(where, "expected a JSON object")
    found = (
        read_time(t.get("value"), t.get("precision"), f"{where}, time #{i}")
        for i, t in enumerate(_system_list(output, "times", where))
        if isinstance(t, Mapping)
    )
    return tuple(t for t in found if t is not None)


def read_output(
    output: Any, names: NameRules, text: ComparisonTextRules, where: str
) -> tuple[tuple[SystemEvent, ...], tuple[SystemQuote, ...]]:
    """Read one document's output (None: no output) into its events and quotes, in order."""
    if output is not None and not isinstance(output, Mapping):
        raise _malformed(where, "expected a JSON object")
    raw_events = _system_list(output, "events", where)
    raw_quotes = _system_list(output, "quotes", where)
    events = tuple(_system_event(e, i, names, where) for i, e in enumerate(raw_events))
    quotes = tuple(
        _system_quote(q, names, text, f"{where}, quote #{i}") for i, q in enumerate(raw_quotes)
    )
    return events, quotes

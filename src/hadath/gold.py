"""Gold annotation files (eval/FORMAT.md): read them, check them and build GoldDocuments.

`load_gold` reads a YAML file, `parse_gold` checks data already loaded. Every fault raises
GoldFormatError with a message that names the file, the document, the event and the problem.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hadath.errors import GoldFormatError
from hadath.model import EVENT_TYPES, Precision, TimeValue

PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

_DOC_KEYS = frozenset({"doc", "outlet", "published", "published_precision", "events", "quotes"})
_EVENT_KEYS = frozenset(
    {
        "id",
        "event",
        "accept_events",
        "mode",
        "actors",
        "recipients",
        "date",
        "precision",
        "historical",
        "place",
        "dead",
        "injured",
        "evidence",
        "required",
    }
)
_QUOTE_KEYS = frozenset({"speaker", "text"})


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event; `actors` and `recipients` are slots, each a tuple of accepted names."""

    id: str
    event: str
    actors: tuple[tuple[str, ...], ...]
    recipients: tuple[tuple[str, ...], ...]
    date: TimeValue | None
    historical: bool | None = None
    required: bool = True
    accept_events: tuple[str, ...] = ()
    mode: str | None = None
    place: tuple[str, ...] = ()
    dead: int | None = None
    injured: int | None = None
    evidence: str | None = None

    @property
    def reciprocal(self) -> bool:
        """Say whether the event is reciprocal (no recipients: every participant in actors)."""
        return not self.recipients

    def accepts(self, event_type: str) -> bool:
        """Say whether a system event type counts as right for this event (rule 1)."""
        return event_type == self.event or event_type in self.accept_events


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A gold quotation: accepted speaker names and a text the system quote must contain."""

    speaker: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """The gold annotation of one document."""

    doc: str
    outlet: str | None
    published: TimeValue | None
    events: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...] = ()


# ---------------------------------------------------------------------------------------------
# ISO dates, shared with the reading of system output


def precision_of(text: str) -> Precision | None:
    """Return the precision of an ISO date string, or None when it is not a valid one."""
    found = _ISO.fullmatch(text)
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "day" if day else "month" if month else "year"


def as_precision(value: Any) -> Precision | None:
    """Return value when it names a precision (day, month or year), else None."""
    return next((precision for precision in PRECISIONS if value == precision), None)


# ---------------------------------------------------------------------------------------------
# Field checks


def _gold_error(where: str, problem: str) -> GoldFormatError:
    return GoldFormatError(f"{where}: {problem} (see eval/FORMAT.md)")


def _check_keys(item: Any, allowed: frozenset[str], where: str) -> Mapping[str, Any]:
    if not isinstance(item, Mapping):
        raise _gold_error(where, f"expected a mapping of fields, found {type(item).__name__}")
    unknown = sorted(str(key) for key in item if key not in allowed)
    if unknown:
        raise _gold_error(
            where, f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )
    return item


def _required(item: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in item:
        raise _gold_error(where, f"missing field `{key}`")
    return item[key]


def _optional_str(value: Any, where: str, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _gold_error(where, f"`{key}` must be a non-empty string or null, found {value!r}")
    return value.strip()


def _identifier(value: Any, where: str, key: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise _gold_error(where, f"`{key}` must be a non-empty string, found {value!r}")
    return str(value).strip()


def _alternatives(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, str):
        raise _gold_error(where, f'`{key}` items must be names ("A" or "A | B"), found {value!r}')
    names = tuple(part.strip() for part in value.split("|"))
    if not all(names):
        raise _gold_error(where, f"`{key}` item {value!r} has an empty alternative around '|'")
    return names


def _slots(value: Any, where: str, key: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list):
        raise _gold_error(where, f"`{key}` must be a list of names (write [] for none)")
    return tuple(_alternatives(item, where, key) for item in value)


def _date_text(value: Any) -> str:
    """Write a gold date as text; YAML gives date objects, ints (years) or strings."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}"
    return value.strip() if isinstance(value, str) else ""


def _gold_time(value: Any, precision: Any, where: str, key: str, pkey: str) -> TimeValue | None:
    """Check a gold date (field `key`) and its precision (field `pkey`)."""
    if value is None:
        if precision is not None:
            raise _gold_error(where, f"`{pkey}` is {precision!r} but `{key}` is null: give both")
        return None
    text = _date_text(value)
    shape = precision_of(text)
    if shape is None:
        raise _gold_error(
            where, f"`{key}` {value!r} is not an ISO date YYYY-MM-DD, YYYY-MM or YYYY"
        )
    given = as_precision(precision)
    if precision is None:
        raise _gold_error(where, f"`{key}` {text} needs `{pkey}`: day, month or year")
    if given is None:
        raise _gold_error(where, f"`{pkey}` is {precision!r}; use day, month or year")
    if given != shape:
        raise _gold_error(where, f"`{key}` {text} has precision {shape} but `{pkey}` says {given}")
    return TimeValue(text, shape)


def _count(value: Any, where: str, key: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _gold_error(
            where, f"`{key}` must be a whole number of people or null, found {value!r}"
        )
    return value


def _flag(value: Any, where: str, key: str, default: bool | None) -> bool | None:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise _gold_error(where, f"`{key}` must be true or false, found {value!r}")
    return value


def _event_type(value: Any, where: str, key: str) -> str:
    if value not in EVENT_TYPES:
        raise _gold_error(
            where, f"`{key}` {value!r} is not a PLOVER type; use one of {', '.join(EVENT_TYPES)}"
        )
    return str(value)


def _repeated(values: Iterable[str]) -> list[str]:
    """Return the values that occur more than once, in the order of their second occurrence."""
    seen: set[str] = set()
    repeated: dict[str, None] = {}
    for value in values:
        if value in seen:
            repeated[value] = None
        seen.add(value)
    return list(repeated)


# ---------------------------------------------------------------------------------------------
# Records


def _parse_event(item: Any, where: str, number: int) -> GoldEvent:
    raw = _check_keys(item, _EVENT_KEYS, f"{where}, event #{number}")
    event_id = _identifier(raw.get("id", f"#{number}"), f"{where}, event #{number}", "id")
    where = f"{where}, event {event_id!r}"
    accept = raw.get("accept_events") or []
    if not isinstance(accept, list):
        raise _gold_error(where, "`accept_events` must be a list of PLOVER types")
    actors = _slots(_required(raw, "actors", where), where, "actors")
    recipients = _slots(_required(raw, "recipients", where), where, "recipients")
    if not actors and not recipients:
        raise _gold_error(where, "the event has no participants: name at least one actor")
    place = _optional_str(raw.get("place"), where, "place")
    return GoldEvent(
        id=event_id,
        event=_event_type(_required(raw, "event", where), where, "event"),
        actors=actors,
        recipients=recipients,
        date=_gold_time(
            _required(raw, "date", where), raw.get("precision"), where, "date", "precision"
        ),
        historical=_flag(raw.get("historical"), where, "historical", None),
        required=bool(_flag(raw.get("required"), where, "required", True)),
        accept_events=tuple(_event_type(t, where, "accept_events") for t in accept),
        mode=_optional_str(raw.get("mode"), where, "mode"),
        place=_alternatives(place, where, "place") if place else (),
        dead=_count(raw.get("dead"), where, "dead"),
        injured=_count(raw.get("injured"), where, "injured"),
        evidence=_optional_str(raw.get("evidence"), where, "evidence"),
    )


def _parse_quote(item: Any, where: str) -> GoldQuote:
    raw = _check_keys(item, _QUOTE_KEYS, where)
    text = _optional_str(_required(raw, "text", where), where, "text")
    if text is None:
        raise _gold_error(where, "`text` must be the quotation's opening words, not null")
    return GoldQuote(_alternatives(_required(raw, "speaker", where), where, "speaker"), text)


def _parse_document(item: Any, source: str, number: int) -> GoldDocument:
    where = f"gold file {source}, document #{number}"
    raw = _check_keys(item, _DOC_KEYS, where)
    doc = _identifier(_required(raw, "doc", where), where, "doc")
    where = f"gold file {source}, document {doc!r}"
    events_raw = _required(raw, "events", where)
    quotes_raw = raw.get("quotes") or []
    if not isinstance(events_raw, list) or not isinstance(quotes_raw, list):
        raise _gold_error(where, "`events` and `quotes` must be lists (write [] for none)")
    events = tuple(_parse_event(e, where, n) for n, e in enumerate(events_raw, 1))
    duplicates = sorted(_repeated(event.id for event in events))
    if duplicates:
        raise _gold_error(where, f"event id(s) {', '.join(duplicates)} used twice; make ids unique")
    quotes = tuple(_parse_quote(q, f"{where}, quote #{n}") for n, q in enumerate(quotes_raw, 1))
    published = _gold_time(
        raw.get("published"),
        raw.get("published_precision"),
        where,
        "published",
        "published_precision",
    )
    return GoldDocument(
        doc, _optional_str(raw.get("outlet"), where, "outlet"), published, events, quotes
    )


def parse_gold(data: Any, source: str = "<gold>") -> tuple[GoldDocument, ...]:
    """Check loaded gold YAML (a list of documents) and build GoldDocuments."""
    where = f"gold file {source}"
    if not isinstance(data, list):
        raise _gold_error(where, f"expected a list of documents (`- doc: ...`), found {data!r:.40}")
    documents = tuple(_parse_document(d, source, n) for n, d in enumerate(data, 1))
    duplicates = _repeated(document.doc for document in documents)
    if duplicates:
        raise _gold_error(where, f"document {duplicates[0]!r} appears twice; merge the entries")
    return documents


def load_gold(path: str | Path) -> tuple[GoldDocument, ...]:
    """Read and check a gold YAML file; GoldFormatError names the document, event and problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(
            f"cannot read gold file {path}: {exc}; give a UTF-8 YAML file"
        ) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise GoldFormatError(f"gold file {path} is not valid YAML: {exc}") from exc
    except ValueError as exc:  # PyYAML's own date parsing, e.g. 2023-02-30
        raise GoldFormatError(
            f"gold file {path} holds an impossible date ({exc}); write a real calendar date"
        ) from exc
    return parse_gold(data, str(path))

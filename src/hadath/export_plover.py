"""PLOVER event records and JSON Lines: which field is filled from what is told in hadath.export."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from hadath import __version__
from hadath.export_rows import ExportRow, Participant, Source
from hadath.isodates import first_day, last_day

CODER = f"hadath {__version__}"
LANGUAGE = "ar"  # every stored article is Arabic (others are refused on input)
# The event record fields of the PLOVER manual's "PLOVER JSON" table, in its order, and the
# casualty fields it names for ASSAULT and PROTEST.
PLOVER_FIELDS = (
    "id",
    "has_event",
    "date",
    "time",
    "enddate",
    "endtime",
    "source",
    "recipient",
    "event",
    "event_loc",
    "event_text",
    "quad_code",
    "event_scale",
    "mode",
    "context",
    "link",
    "text",
    "text_info",
    "cite_info",
    "coder",
    "coded_date",
    "coded_time",
    "comment",
    "dead",
    "injured",
)
EXTENSION_FIELDS = ("date_precision", "cameo", "confidence")
RECORD_FIELDS = PLOVER_FIELDS + EXTENSION_FIELDS
# The manual's actor object fields hadath fills or leaves null, then hadath's own.
ACTOR_FIELDS = ("code", "sector", "actor_text", "identifier_id", "identifier_text", "office")
ACTOR_EXTENSIONS = ("actor_id", "kind")
CITE_FIELDS = ("citation", "url", "title", "publication", "language")
CITE_EXTENSIONS = ("publication_date", "event_id", "event_text", "date", "start", "end")


def date_range(date: str | None, precision: str | None) -> tuple[str | None, str | None]:
    """The first and last day an ISO date prefix covers (the last is None for a day)."""
    if date is None or precision == "day" or len(date) == 10:
        return date, None
    return first_day(date).isoformat(), last_day(date).isoformat()


def actor_object(who: Participant) -> dict[str, Any]:
    """A participant as PLOVER's actor object, with hadath's id and kind."""
    return {
        "code": who.country,
        "sector": None,
        "actor_text": None,
        "identifier_id": who.wikidata,
        "identifier_text": who.name,
        "office": who.office,
        "actor_id": who.id,
        "kind": who.kind,
    }


def cite_object(source: Source) -> dict[str, Any]:
    """A source as PLOVER's citation object, with the report's event, sentence and date."""
    return {
        "citation": source.document_id,
        "url": source.url,
        "title": source.title,
        "publication": source.outlet,
        "language": LANGUAGE,
        "publication_date": source.published,
        "event_id": source.event_id,
        "event_text": source.evidence,
        "date": source.date,
        "start": source.start,
        "end": source.end,
    }


def plover_record(row: ExportRow) -> dict[str, Any]:
    """An export row as a PLOVER event record: every field of RECORD_FIELDS, in that order."""
    date, enddate = date_range(row.date, row.date_precision)
    disagree = len(row.dates) > 1
    record: dict[str, Any] = {
        "id": row.id,
        "has_event": True,
        "date": date,
        "time": None,
        "enddate": enddate,
        "endtime": None,
        "source": [actor_object(a) for a in row.actors],
        "recipient": [actor_object(a) for a in row.recipients],
        "event": [row.type],
        "event_loc": {"name": row.place} if row.place else None,
        "event_text": [s.evidence for s in row.sources],
        "quad_code": row.quad,
        "event_scale": None,
        "mode": list(row.modes),
        "context": list(row.contexts),
        "link": row.link,
        "text": None,
        "text_info": None,
        "cite_info": [cite_object(s) for s in row.sources],
        "coder": CODER,
        "coded_date": None,
        "coded_time": None,
        "comment": f"sources give dates {', '.join(row.dates)}" if disagree else None,
        "dead": row.dead,
        "injured": row.injured,
        "date_precision": row.date_precision,
        "cameo": row.cameo,
        "confidence": row.confidence,
    }
    return record


def write_plover(rows: Iterable[ExportRow], out: IO[bytes]) -> int:
    """Write rows as PLOVER JSON Lines (UTF-8, one record a line); return how many."""
    count = 0
    for row in rows:
        line = json.dumps(plover_record(row), ensure_ascii=False, separators=(",", ":"))
        out.write(line.encode("utf-8") + b"\n")
        count += 1
    return count

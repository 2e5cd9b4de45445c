"""Parquet export: the PLOVER records, typed by an explicit schema (see hadath.export)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from hadath.export_plover import (
    ACTOR_EXTENSIONS,
    ACTOR_FIELDS,
    CITE_EXTENSIONS,
    CITE_FIELDS,
    plover_record,
)
from hadath.export_rows import ExportRow

_TEXT = pa.string()
_OFFSETS = ("start", "end")
_ACTOR = pa.struct([(name, _TEXT) for name in ACTOR_FIELDS + ACTOR_EXTENSIONS])
_CITE = pa.struct(
    [(name, pa.int64() if name in _OFFSETS else _TEXT) for name in CITE_FIELDS + CITE_EXTENSIONS]
)
_TEXT_INFO = pa.struct([("sequence", pa.int64()), ("start", pa.int64()), ("end", pa.int64())])
_DATES = ("date", "enddate", "coded_date")

SCHEMA = pa.schema(
    [
        pa.field("id", _TEXT, nullable=False),
        ("has_event", pa.bool_()),
        ("date", pa.date32()),
        ("time", _TEXT),
        ("enddate", pa.date32()),
        ("endtime", _TEXT),
        ("source", pa.list_(_ACTOR)),
        ("recipient", pa.list_(_ACTOR)),
        ("event", pa.list_(_TEXT)),
        ("event_loc", pa.struct([("name", _TEXT)])),
        ("event_text", pa.list_(_TEXT)),
        ("quad_code", pa.int64()),
        ("event_scale", pa.float64()),
        ("mode", pa.list_(_TEXT)),
        ("context", pa.list_(_TEXT)),
        ("link", _TEXT),
        ("text", _TEXT),
        ("text_info", _TEXT_INFO),
        ("cite_info", pa.list_(_CITE)),
        ("coder", _TEXT),
        ("coded_date", pa.date32()),
        ("coded_time", _TEXT),
        ("comment", _TEXT),
        ("dead", pa.int64()),
        ("injured", pa.int64()),
        ("date_precision", _TEXT),
        ("cameo", _TEXT),
        ("confidence", pa.float64()),
    ]
)


def parquet_record(row: ExportRow) -> dict[str, Any]:
    """A row's PLOVER record with its dates as calendar dates, as SCHEMA stores it."""
    record = plover_record(row)
    for name in _DATES:
        if record[name] is not None:
            record[name] = dt.date.fromisoformat(record[name])
    return record


def write_parquet(rows: Iterable[ExportRow], out: IO[bytes]) -> int:
    """Write rows as one Parquet table with SCHEMA; return how many."""
    records = [parquet_record(row) for row in rows]
    pq.write_table(pa.Table.from_pylist(records, schema=SCHEMA), out)
    return len(records)

"""Exports of stored events in the field's formats: PLOVER JSON Lines, POLECAT-style TSV, CAMEO
dyadic CSV and Parquet, with one row per cluster (an act and every report of it, each report a
source) or one per report (`per`). `export` writes one; `FORMATS` names them for the CLI and API.

PLOVER (`plover`, .jsonl) follows the field names of the PLOVER manual ("PLOVER: Political
Language Ontology for Verifiable Event Records", Open Event Data Alliance, draft 0.8, chapter
"Data Fields"; github.com/openeventdata/PLOVER, PLOVER_MANUAL.tex). Every record has every field
of RECORD_FIELDS, null or an empty list where hadath has nothing to say:

- `id`: the cluster id, or the stored event id of a report row. `has_event`: always true.
- `date`, `enddate`: PLOVER asks for YYYY-MM-DD, so a month or a year is given as the days it
  covers (2022-05 -> 2022-05-01 to 2022-05-31); `enddate` is null for a day, `date` for an
  undated act. hadath's `date_precision` (day, month, year) says which.
- `source`, `recipient`: lists of actor objects. `code`: the ISO 3166-1 alpha-3 country;
  `identifier_id`: the Wikidata QID where the actor has one; `identifier_text`: its English
  Wikipedia title; `office`: the office it held on the date. `sector` and `actor_text` are null:
  hadath codes no sectors and stores no mention text with an event. hadath adds `actor_id` and
  `kind`. A call or meeting lists every participant as `source` and no recipient, as PLOVER asks.
- `event`: the PLOVER type, as a one-item list. `mode` and `context` are lists; `context` adds
  PLOVER's special contexts `historical` and `negation` for background and denied reports.
- `event_loc`: `{"name": place}` (no coordinates or GeoNames ids are resolved), or null.
- `event_text`: each source's evidence sentence, in `cite_info` order.
- `quad_code`: PLOVER's quad category, 1 to 4 (data/events/codes.yaml).
- `dead`, `injured` (named by the manual for ASSAULT and PROTEST): the highest toll reported.
- `link`: on a report row, the id of its cluster. `coder`: "hadath" and its version.
- `cite_info`: one object per source: `citation` (document id), `url`, `title`, `publication`
  (outlet), `language`; hadath adds `publication_date`, `event_id`, `event_text`, `date` (the
  date that source gives), and `start`, `end` (the sentence's offsets in its document). An
  article stored once but published more than once (the store's copies) is cited once per
  publication, each with its own id, URL and outlet.
- `comment`: the dates the sources disagree on, if they do.
- Left null: `time`, `endtime` (no times of day are resolved), `event_scale` (no PLOVER scale
  values are shipped), `text` (articles are third-party text; `event_text` quotes the sentence),
  `text_info` (offsets differ per document: each `cite_info` entry has its own), `coded_date`,
  `coded_time` (the store keeps no coding time per event).
- hadath adds `date_precision`, `cameo` (the code of the CAMEO export) and `confidence` (the
  best of the reports').

POLECAT (`polecat`, .tsv) has the columns of POLECAT's weekly TSV files (Harvard Dataverse,
doi:10.7910/DVN/AJGVIT) in their order, then hadath's (export_tables.POLECAT_HEADER). A header
line, UTF-8, no quoting; tabs and line breaks inside a value become spaces. Many-valued cells
(several actors, modes, sources) join their values with ";", one position per participant or
source; Event Text joins sentences with " | ". Event Date is the ISO date at its precision
(2022-05). Filled: Event ID, Event Date, Event Type, Event Mode, Quad Code, Contexts, Actor and
Recipient Name, Country, Title (office), Wikipedia Actor/Recipient ID (the Wikidata QID),
Placename, Source (outlets), Publication Date, Language, Version. Empty: Intensity (no PLOVER
scale), COW codes, sectors, raw names, geocoding columns and Story People/Organizations/
Locations (not stored per event). hadath adds Date Precision, CAMEO Code, Story IDs, URLs,
Event Text, Report IDs, Link, Dead, Injured, Confidence.

CAMEO (`cameo`, .csv) has one line per directed dyad, as CAMEO coders (TABARI, PETRARCH, ICEWS)
produce: `date` is YYYYMMDD with an unknown month or day written 00 (202205 -> 20220500) and
`date_precision` beside it; source and target actor id, name, country and Wikidata id; the CAMEO
code (a trigger's, else by type and mode from data/events/codes.yaml, for a cluster the code
most reports give) and its two-digit root; the PLOVER event and mode; the cluster or report id,
the stored event ids and the documents. A call or meeting (a reciprocal type told with no
recipient) gives both directions of every pair of participants; a one-way act gives every
actor -> recipient pair. An act with no target gives no line: a CAMEO event is a directed dyad,
and a line with an empty target would be read as an event aimed at nobody. Such acts are in the
other formats.

Parquet (`parquet`) holds the PLOVER records as one table typed by export_parquet.SCHEMA: dates
as date32, lists as list<string>, actors and cite_info as lists of structs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import IO

from hadath.clusters import Cluster, clustered
from hadath.errors import ExportError
from hadath.export_plover import RECORD_FIELDS, plover_record, write_plover
from hadath.export_rows import NO_COPIES, PER, ExportRow, Per, check_per, export_rows
from hadath.export_tables import CAMEO_COLUMNS, POLECAT_HEADER, write_cameo, write_polecat
from hadath.lexicons.codes import EventCodes, load_event_codes
from hadath.lexicons.frozen import FrozenMap
from hadath.model import Actor
from hadath.resources import Resources
from hadath.store import Copies, Store
from hadath.store.records import EventRecord

__all__ = [
    "CAMEO_COLUMNS",
    "FORMATS",
    "PER",
    "POLECAT_HEADER",
    "RECORD_FIELDS",
    "EventCodes",
    "ExportFormat",
    "ExportRow",
    "Per",
    "export",
    "export_format",
    "export_rows",
    "export_store",
    "load_event_codes",
    "plover_record",
]

Writer = Callable[[Iterable[ExportRow], IO[bytes]], int]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """An export format: its name, file suffix, media type, and writer (returns records written)."""

    name: str
    suffix: str
    media_type: str
    write: Writer


def _write_parquet(rows: Iterable[ExportRow], out: IO[bytes]) -> int:
    """Write Parquet, loading pyarrow only when it is asked for."""
    from hadath.export_parquet import write_parquet

    return write_parquet(rows, out)


FORMATS: Mapping[str, ExportFormat] = FrozenMap(
    {
        f.name: f
        for f in (
            ExportFormat("plover", ".jsonl", "application/x-ndjson", write_plover),
            ExportFormat("polecat", ".tsv", "text/tab-separated-values", write_polecat),
            ExportFormat("cameo", ".csv", "text/csv", write_cameo),
            ExportFormat("parquet", ".parquet", "application/vnd.apache.parquet", _write_parquet),
        )
    }
)


def export_format(name: str) -> ExportFormat:
    """Return the export format of this name, or raise ExportError naming the known ones."""
    found = FORMATS.get(name.strip().lower())
    if found is None:
        raise ExportError(f"unknown export format {name!r}: use one of {', '.join(FORMATS)}")
    return found


def export(
    fmt: str,
    items: Iterable[Cluster | EventRecord],
    actors: Mapping[str, Actor],
    codes: EventCodes,
    out: IO[bytes],
    per: str = "cluster",
    copies: Copies = NO_COPIES,
) -> int:
    """Write clusters (or their reports, per='report') to a binary stream in a format; return
    the number of records written (CAMEO: dyads). `copies`: the other publications of each
    document, cited beside it."""
    chosen = export_format(fmt)
    rows = export_rows(items, actors, codes, check_per(per), copies)
    return chosen.write(rows, out)


def export_store(
    store: Store,
    resources: Resources,
    fmt: str,
    out: IO[bytes],
    per: str = "cluster",
    actor: str | None = None,
    type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> int:
    """Write the stored events that match the filters in a format, one row per act (its
    reports merged: asserted acts with a participant) or per stored report; return the count
    of records written."""
    export_format(fmt)
    chosen = check_per(per)
    records = store.events(actor=actor, type=type, date_from=date_from, date_to=date_to)
    items: Iterable[Cluster | EventRecord] = records
    if chosen == "cluster":
        items = clustered(records, resources)
    actors = store.actors(a for r in records for a in (*r.actor_ids, *r.recipient_ids))
    copies = store.copies_of(r.document_id for r in records)
    codes = load_event_codes(resources.events)
    return export(fmt, items, actors, codes, out, chosen, copies)

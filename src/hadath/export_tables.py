"""The flat exports: POLECAT-style TSV and CAMEO dyadic CSV (columns told in hadath.export)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from itertools import permutations, product
from typing import IO

from hadath.export_plover import CODER, LANGUAGE
from hadath.export_rows import ExportRow, Participant

# The columns of POLECAT's weekly TSV files, in their order, then hadath's own.
POLECAT_COLUMNS = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
)
POLECAT_EXTENSIONS = (
    "Date Precision",
    "CAMEO Code",
    "Story IDs",
    "URLs",
    "Event Text",
    "Report IDs",
    "Link",
    "Dead",
    "Injured",
    "Confidence",
)
POLECAT_HEADER = POLECAT_COLUMNS + POLECAT_EXTENSIONS
CAMEO_COLUMNS = (
    "date",
    "date_precision",
    "source_actor",
    "source_name",
    "source_country",
    "source_wikidata",
    "target_actor",
    "target_name",
    "target_country",
    "target_wikidata",
    "cameo_code",
    "root_code",
    "plover_event",
    "plover_mode",
    "record_id",
    "event_ids",
    "documents",
)
LIST_SEPARATOR = ";"  # between the values of a many-valued cell
TEXT_SEPARATOR = " | "  # between the evidence sentences of a many-source cell
_UNSAFE = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")  # breaks a TSV line


def safe_cell(value: object) -> str:
    """A value as one TSV cell: None is empty, tabs and line breaks become one space."""
    return "" if value is None else _UNSAFE.sub(" ", str(value))


def _joined(values: Iterable[str | None], separator: str = LIST_SEPARATOR) -> str:
    return separator.join(v or "" for v in values)


def _side(who: Sequence[Participant]) -> tuple[str, str, str, str]:
    """Names, countries, offices and Wikidata ids of one side, each list in one cell."""
    return (
        _joined(p.name for p in who),
        _joined(p.country for p in who),
        _joined(p.office for p in who),
        _joined(p.wikidata for p in who),
    )


def polecat_row(row: ExportRow) -> dict[str, str]:
    """An export row as POLECAT_HEADER cells, each safe for a TSV line."""
    a_name, a_country, a_title, a_wiki = _side(row.actors)
    r_name, r_country, r_title, r_wiki = _side(row.recipients)
    sources = row.sources
    cells: dict[str, object] = {
        "Event ID": row.id,
        "Event Date": row.date,
        "Event Type": row.type,
        "Event Mode": _joined(row.modes),
        "Quad Code": row.quad,
        "Contexts": _joined(row.contexts),
        "Actor Name": a_name,
        "Actor Country": a_country,
        "Actor Title": a_title,
        "Wikipedia Actor ID": a_wiki,
        "Recipient Name": r_name,
        "Recipient Country": r_country,
        "Recipient Title": r_title,
        "Wikipedia Recipient ID": r_wiki,
        "Placename": row.place,
        "Source": _joined(s.outlet for s in sources),
        "Publication Date": _joined(s.published for s in sources),
        "Language": LANGUAGE,
        "Version": CODER,
        "Date Precision": row.date_precision,
        "CAMEO Code": row.cameo,
        "Story IDs": _joined(s.document_id for s in sources),
        "URLs": _joined(s.url for s in sources),
        "Event Text": _joined((s.evidence for s in sources), TEXT_SEPARATOR),
        "Report IDs": _joined(s.event_id for s in sources),
        "Link": row.link,
        "Dead": row.dead,
        "Injured": row.injured,
        "Confidence": row.confidence,
    }
    return {column: safe_cell(cells.get(column)) for column in POLECAT_HEADER}


def write_polecat(rows: Iterable[ExportRow], out: IO[bytes]) -> int:
    """Write rows as POLECAT-style TSV (UTF-8, a header line, no quoting); return how many."""
    out.write(("\t".join(POLECAT_HEADER) + "\n").encode("utf-8"))
    count = 0
    for row in rows:
        out.write(("\t".join(polecat_row(row).values()) + "\n").encode("utf-8"))
        count += 1
    return count


def dyads(row: ExportRow) -> list[tuple[Participant, Participant]]:
    """The directed (source, target) pairs of a row: both ways between every two participants
    of a call or meeting, actor to recipient for a one-way act, none without a target."""
    if row.reciprocal:
        return list(permutations(row.actors, 2))
    return [(a, b) for a, b in product(row.actors, row.recipients) if a.id != b.id]


def cameo_date(date: str | None) -> str:
    """An ISO date prefix as CAMEO's YYYYMMDD, an unknown month or day written 00."""
    return "" if date is None else date.replace("-", "").ljust(8, "0")


def cameo_rows(row: ExportRow) -> list[dict[str, str]]:
    """An export row as CAMEO_COLUMNS records, one per directed dyad."""
    shared = {
        "date": cameo_date(row.date),
        "date_precision": row.date_precision or "",
        "cameo_code": row.cameo,
        "root_code": row.cameo[:2],
        "plover_event": row.type,
        "plover_mode": _joined(row.modes),
        "record_id": row.id,
        "event_ids": _joined(s.event_id for s in row.sources),
        "documents": _joined(dict.fromkeys(s.document_id for s in row.sources)),
    }
    found = []
    for source, target in dyads(row):
        sides = {
            f"{side}_{key}": value or ""
            for side, who in (("source", source), ("target", target))
            for key, value in (
                ("actor", who.id),
                ("name", who.name),
                ("country", who.country),
                ("wikidata", who.wikidata),
            )
        }
        found.append({column: (shared | sides)[column] for column in CAMEO_COLUMNS})
    return found


def write_cameo(rows: Iterable[ExportRow], out: IO[bytes]) -> int:
    """Write rows as CAMEO dyadic CSV (UTF-8, a header line); return how many dyads."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.DictWriter(text, fieldnames=CAMEO_COLUMNS)
        writer.writeheader()
        count = 0
        for row in rows:
            found = cameo_rows(row)
            writer.writerows(found)
            count += len(found)
        return count
    finally:
        text.detach()

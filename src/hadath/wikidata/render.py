"""Writing people file entries as YAML, and the header that records a generated file's source."""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import cast, get_args

from hadath.model import Role
from hadath.wikidata.values import SCRIPT, Entry, Format, Generated, Provenance

# A plain YAML scalar safe in flow context too: starts with a letter, no YAML indicators.
_PLAIN = re.compile(r"^[^\W\d_][\w .'’()-]*(?<! )$")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
# The header's fields, in the order of Provenance's.
_FIELDS = ("source", "source-sha256", "format", "positions", "positions-sha256")
_HEADER = re.compile(r"^# (" + "|".join(_FIELDS) + r"): (.+)$")
_WIDTH = 100
_PREAMBLE = (
    "# People who held the offices of a positions file, generated from Wikidata by\n"
    f"# {SCRIPT} in the schema of data/actors/people/. Do not edit: regenerate it, or merge it\n"
    "# into a people file with --merge. Wikidata data is CC0.\n"
)


def _scalar(value: str) -> str:
    if _PLAIN.match(value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _list(key: str, values: Sequence[str]) -> list[str]:
    flow = f"  {key}: [{', '.join(_scalar(v) for v in values)}]"
    if len(flow) <= _WIDTH:
        return [flow]
    return [f"  {key}:", *(f"    - {_scalar(v)}" for v in values)]


def _role_line(role: Role) -> str:
    fields = [f"office: {_scalar(role.office)}"]
    fields += [f"country: {role.country}"] if role.country else []
    fields += [f"title: {_scalar(role.title)}"] if role.title else []
    fields += [f"start: {role.start}"] if role.start else []
    fields += [f"end: {role.end}"] if role.end else []
    return "    - {" + ", ".join(fields) + "}"


def render_entry(entry: Entry) -> str:
    """Return one entry as a people file writes it, its notes as comment lines above it."""
    lines = [f"# {line}" for note in entry.notes for line in textwrap.wrap(note, _WIDTH - 2)]
    lines += [f"- id: {entry.id}", f"  name: {_scalar(entry.name)}"]
    lines.append(f"  country: {entry.country or 'null'}")
    lines += [f"  wikidata: {entry.wikidata}"] if entry.wikidata else []
    lines += _list("aliases", entry.aliases) if entry.aliases else []
    lines += _list("arabic", entry.arabic)
    lines += ["  roles:", *map(_role_line, entry.roles)] if entry.roles else ["  roles: []"]
    return "\n".join(lines) + "\n"


def render_entries(entries: Iterable[Entry]) -> str:
    """Return entries as a people file writes them, a blank line between two."""
    return "\n".join(render_entry(e) for e in entries)


def render_header(provenance: Provenance) -> str:
    """Return the comment header of a generated file (read back by `read_provenance`)."""
    fields = zip(_FIELDS, dataclasses.astuple(provenance), strict=True)
    return _PREAMBLE + "".join(f"# {key}: {value}\n" for key, value in fields)


def render(generated: Generated) -> str:
    """Return a generated file: its header, then every entry."""
    body = render_entries(generated.entries)
    return render_header(generated.provenance) + ("\n" + body if body else "")


def read_provenance(text: str) -> Provenance | None:
    """Read the source header of a generated file (None if it has none)."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        found = _HEADER.match(line)
        if found:
            fields[found[1]] = found[2].strip()
    if any(k not in fields for k in _FIELDS) or fields["format"] not in get_args(Format):
        return None
    source, source_sha256, fmt, positions, positions_sha256 = (fields[k] for k in _FIELDS)
    return Provenance(source, source_sha256, cast(Format, fmt), positions, positions_sha256)

"""People who held offices, from Wikidata, in the schema of data/actors/people/.

Sources: the Wikidata JSON dump (`latest-all.json`, plain, .gz or .bz2, read line by line), the
JSON result of the query `sparql_query` writes, or a file already in that schema.
Positions of interest and their offices come from data/actors/positions.yaml. A generated file
starts with a header naming its source and the source's SHA-256, so `check_sync` can regenerate
it and compare; `merge_people` extends a hand-written people file without deleting or
overwriting anything, and reports what it would have had to overwrite.

Choices, since generated roles keep day dates only and an open end means "still in office":
- a term whose start or end is known only to the month or year (or is not a Gregorian date) is
  left out, and a comment above the entry says so; a guessed day could put the wrong person in
  office, and a dropped end would keep them in it;
- a term that ended on a date Wikidata does not know ("some value") is left out the same way;
  a missing or unknown start is left out of the role (as the people files do for old offices);
- a term left open by a person who has died ends on the day of death (noted);
- terms of one office that overlap or follow on the next day (one statement per cabinet) are
  joined into one role; deprecated statements are ignored;
- name: the English Wikipedia title, else the English (or multilingual) label, noted; the id is
  the name's ASCII slug without the disambiguator, with the Wikidata id appended when taken;
- arabic: the Arabic label and aliases that contain Arabic letters; aliases: the English label
  and aliases and the title without its disambiguator;
- country: the citizenship that matches a held office's state, else the first citizenship,
  else the held office's state.
"""

from __future__ import annotations

from hadath.wikidata.build import build_entries, entry_for, slug, unique_ids
from hadath.wikidata.dump import GREGORIAN, PROGRESS_EVERY, person_from_entity, read_dump
from hadath.wikidata.merge import extend_entry, merge_people
from hadath.wikidata.positions import (
    POSITIONS_FILE,
    KnownActors,
    default_positions_path,
    known_actors,
    load_positions,
)
from hadath.wikidata.render import read_provenance, render, render_entry, render_header
from hadath.wikidata.sources import (
    entry_from,
    generate,
    read_people,
    recorded_path,
    sha256_file,
    sniff_format,
)
from hadath.wikidata.sparql import ENTITY, SPARQL_VARIABLES, read_sparql, sparql_query
from hadath.wikidata.sync import check_sync
from hadath.wikidata.values import (
    DAY,
    SCRIPT,
    UNKNOWN,
    Conflict,
    Entry,
    Format,
    Generated,
    MergeResult,
    Person,
    Position,
    Progress,
    Provenance,
    Statement,
    SyncResult,
    SyncState,
    WikiTime,
)

__all__ = [
    "DAY",
    "ENTITY",
    "GREGORIAN",
    "POSITIONS_FILE",
    "PROGRESS_EVERY",
    "SCRIPT",
    "SPARQL_VARIABLES",
    "UNKNOWN",
    "Conflict",
    "Entry",
    "Format",
    "Generated",
    "KnownActors",
    "MergeResult",
    "Person",
    "Position",
    "Progress",
    "Provenance",
    "Statement",
    "SyncResult",
    "SyncState",
    "WikiTime",
    "build_entries",
    "check_sync",
    "default_positions_path",
    "entry_for",
    "entry_from",
    "extend_entry",
    "generate",
    "known_actors",
    "load_positions",
    "merge_people",
    "person_from_entity",
    "read_dump",
    "read_people",
    "read_provenance",
    "read_sparql",
    "recorded_path",
    "render",
    "render_entry",
    "render_header",
    "sha256_file",
    "slug",
    "sniff_format",
    "sparql_query",
    "unique_ids",
]

"""People who held offices, from Wikidata, in the schema of data/actors/people.yaml.

Sources: the Wikidata JSON dump (`latest-all.json`, plain, .gz or .bz2, read line by line), the
JSON result of the query `sparql_query` writes, or a file already in the people.yaml schema.
Positions of interest and their offices come from data/actors/positions.yaml. A generated file
starts with a header naming its source and the source's SHA-256, so `check_sync` can regenerate
it and compare; `merge_people` extends a hand-written people.yaml without deleting or
overwriting anything, and reports what it would have had to overwrite.

Choices, since people.yaml holds day dates only and an open end means "still in office":
- a term whose start or end is known only to the month or year (or is not a Gregorian date) is
  left out, and a comment above the entry says so; a guessed day could put the wrong person in
  office, and a dropped end would keep them in it;
- a term that ended on a date Wikidata does not know ("some value") is left out the same way;
  a missing or unknown start is left out of the role (as people.yaml does for old offices);
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

import bz2
import dataclasses
import datetime as dt
import difflib
import gzip
import hashlib
import io
import json
import re
import textwrap
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

import yaml

from hadath.errors import LexiconError, MalformedRecordError
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import load_yaml, require_mapping
from hadath.model import Role
from hadath.tokenize import is_arabic

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

Format = Literal["dump", "sparql", "people"]
SyncState = Literal["in-sync", "stale", "source-missing", "not-generated"]
Progress = Callable[[int], None]

POSITIONS_FILE = "actors/positions.yaml"
SCRIPT = "scripts/wikidata_actors.py"
DAY = 11  # Wikidata time precision: 9 = year, 10 = month, 11 = day
PROGRESS_EVERY = 1_000_000
GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
ENTITY = "http://www.wikidata.org/entity/"
SPARQL_VARIABLES = (
    "person",
    "statement",
    "position",
    "start",
    "startPrecision",
    "end",
    "endPrecision",
    "endUnknown",
    "enLabel",
    "enAlias",
    "arLabel",
    "arAlias",
    "enwiki",
    "citizenship",
    "died",
    "diedPrecision",
)
_QID = re.compile(r"^Q[1-9][0-9]*$")
_TIME = re.compile(r"^\+?(\d{4})-(\d{2})-(\d{2})T")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DISAMBIGUATOR = re.compile(r"\s*\([^()]*\)$")
_LATIN = re.compile(r"^LATIN (?:SMALL|CAPITAL) LETTER (?:DOTLESS )?([A-Z]{1,2})(?: WITH .+)?$")
# A plain YAML scalar safe in flow context too: starts with a letter, no YAML indicators.
_PLAIN = re.compile(r"^[^\W\d_][\w .'’()-]*(?<! )$")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_HEADER = re.compile(r"^# (source|source-sha256|format|positions|positions-sha256): (.+)$")
_SPARQL_HEAD = re.compile(rb'^\s*\{\s*"head"\s*:')
_ENTRY_KEYS = frozenset({"id", "name", "country", "wikidata", "aliases", "arabic", "roles"})
_ROLE_KEYS = frozenset({"office", "country", "title", "start", "end"})
_WIDTH = 100
_CHUNK = 1 << 20
_MIN_DATE, _MAX_DATE = "0000-00-00", "9999-99-99"


# --- values --------------------------------------------------------------------------------


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
    """One entry of people.yaml, with the comment lines written above it."""

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


# --- the positions file and the states ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KnownActors:
    """What the generator needs from the actor files, read once."""

    offices: frozenset[str]  # labels of person offices (offices.yaml)
    iso3: frozenset[str]  # states' ISO 3166-1 alpha-3 codes
    countries: Mapping[str, str]  # Wikidata state item -> iso3
    taken: frozenset[str]  # ids of states and organisations, which people must not take


def default_positions_path() -> Path:
    """Return the path of the shipped data/actors/positions.yaml."""
    return Path(str(resources.files("hadath").joinpath("data", *POSITIONS_FILE.split("/"))))


def load_positions(
    path: Path | None = None, known: KnownActors | None = None
) -> Mapping[str, Position]:
    """Load and check a positions file (default: the shipped one), keyed by Wikidata id."""
    where = str(path) if path else f"hadath/data/{POSITIONS_FILE}"
    data = _read_yaml(path) if path else load_yaml(POSITIONS_FILE)
    if not isinstance(data, list):
        raise LexiconError(f"{where}: expected a list of positions (wikidata, office, country)")
    known = known or known_actors()
    out: dict[str, Position] = {}
    for raw in data:
        position = _position(raw, where, known)
        if position.wikidata in out:
            raise LexiconError(f"{where}: {position.wikidata} is listed twice; keep one entry")
        out[position.wikidata] = position
    return FrozenMap(out)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.strerror}); check the path") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path} is not valid YAML: {exc}") from exc


def _position(raw: Any, where: str, known: KnownActors) -> Position:
    entry = require_mapping(raw, where)
    qid, office, country = entry.get("wikidata"), entry.get("office"), entry.get("country")
    if not isinstance(qid, str) or not _QID.match(qid):
        raise LexiconError(f"{where}: wikidata {qid!r} must be an item id such as Q11696")
    if office not in known.offices:
        raise LexiconError(
            f"{where}: {qid} office {office!r} is not a person office of actors/offices.yaml"
        )
    if country is not None and country not in known.iso3:
        raise LexiconError(f"{where}: {qid} country {country!r} is not an iso3 of states.yaml")
    title = entry.get("title")
    return Position(qid, cast(str, office), country, title if isinstance(title, str) else None)


def _listed(relative: str) -> list[dict[str, Any]]:
    data = load_yaml(relative)
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def known_actors() -> KnownActors:
    """Read what the generator needs from offices.yaml, states.yaml and organisations.yaml."""
    states = _listed("actors/states.yaml")
    others = [*states, *_listed("actors/organisations.yaml")]
    offices = _listed("actors/offices.yaml")
    return KnownActors(
        offices=frozenset(str(o["office"]) for o in offices if o.get("kind") == "person"),
        iso3=frozenset(str(s["iso3"]) for s in states if s.get("iso3")),
        countries=FrozenMap(
            {
                str(s["wikidata"]): str(s["iso3"])
                for s in states
                if s.get("wikidata") and s.get("iso3")
            }
        ),
        taken=frozenset(str(e["id"]) for e in others if e.get("id")),
    )


# --- reading a source --------------------------------------------------------------------------


class _HashingReader(io.RawIOBase):
    """A binary reader that hashes every byte it passes on, so a dump is read only once."""

    def __init__(self, raw: io.BufferedReader) -> None:
        self._raw = raw
        self._sha256 = hashlib.sha256()

    def readable(self) -> bool:
        """Say that this stream can be read."""
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        """Read into a buffer and hash what was read."""
        view = memoryview(buffer).cast("B")
        count = self._raw.readinto(view)
        self._sha256.update(view[:count])
        return count

    def hexdigest(self) -> str:
        """Read what is left (so the hash covers the whole file) and return the SHA-256."""
        while self.read(_CHUNK):
            pass
        return self._sha256.hexdigest()


def _decompressed(reader: io.RawIOBase) -> io.BufferedIOBase:
    buffered = io.BufferedReader(reader, _CHUNK)
    magic = buffered.peek(3)[:3]
    if magic[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=buffered)
    if magic == b"BZh":
        return bz2.BZ2File(buffered)
    return buffered


def sniff_format(path: Path) -> Format:
    """Guess a source's format: people (.yaml), sparql (a JSON object with "head") or dump."""
    if path.suffix in (".yaml", ".yml"):
        return "people"
    with path.open("rb") as raw, _decompressed(_HashingReader(raw)) as stream:
        head = stream.read(4096)
    return "sparql" if _SPARQL_HEAD.match(head) else "dump"


def _dict(value: Any) -> dict[str, Any]:
    # the dump writes empty labels, aliases, sitelinks and claims as [] rather than {}
    return value if isinstance(value, dict) else {}


def _time(value: str, precision: int, gregorian: bool = True) -> WikiTime | None:
    found = _TIME.match(value)
    if found is None:
        return None
    return WikiTime(f"{found[1]}-{found[2]}-{found[3]}", precision, gregorian)


def _snak_time(snak: Mapping[str, Any]) -> WikiTime | None:
    if snak.get("snaktype") == "somevalue":
        return UNKNOWN
    value = _dict(snak.get("datavalue")).get("value")
    if snak.get("snaktype") != "value" or not isinstance(value, dict):
        return None
    calendar = value.get("calendarmodel", GREGORIAN) == GREGORIAN
    return _time(str(value.get("time", "")), int(value.get("precision", 0)), calendar)


def _pick(times: Iterable[WikiTime | None], latest: bool) -> WikiTime | None:
    seen = [t for t in times if t is not None]
    known = [t for t in seen if t is not UNKNOWN]
    if known:
        return (max if latest else min)(known, key=lambda t: t.date)
    return UNKNOWN if seen else None


def _ranked(claims: Any) -> list[dict[str, Any]]:
    """Every non-deprecated claim, preferred ones first."""
    items = [c for c in claims if isinstance(c, dict)] if isinstance(claims, list) else []
    return [c for c in items if c.get("rank") == "preferred"] + [
        c for c in items if c.get("rank", "normal") == "normal"
    ]


def _best(claims: Any) -> list[dict[str, Any]]:
    """The claims of best rank (what Wikidata's 'truthy' statements hold)."""
    ranked = _ranked(claims)
    preferred = [c for c in ranked if c.get("rank") == "preferred"]
    return preferred or ranked


def _item_id(snak: Any) -> str | None:
    value = _dict(_dict(snak).get("datavalue")).get("value")
    ident = _dict(value).get("id")
    return ident if isinstance(ident, str) else None


def _items(claims: Any) -> tuple[str, ...]:
    return tuple(i for c in _best(claims) if (i := _item_id(c.get("mainsnak"))))


def _qualifier_times(claim: Mapping[str, Any], prop: str) -> list[WikiTime | None]:
    snaks = _dict(claim.get("qualifiers")).get(prop)
    return [_snak_time(s) for s in snaks if isinstance(s, dict)] if isinstance(snaks, list) else []


def _statement(claim: Mapping[str, Any]) -> Statement | None:
    position = _item_id(claim.get("mainsnak"))
    if position is None:
        return None
    start = _pick(_qualifier_times(claim, "P580"), latest=False)
    return Statement(position, start, _pick(_qualifier_times(claim, "P582"), latest=True))


def _label(entity: Mapping[str, Any], *languages: str) -> str | None:
    labels = _dict(entity.get("labels"))
    for language in languages:
        value = _dict(labels.get(language)).get("value")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _aliases(entity: Mapping[str, Any], language: str) -> tuple[str, ...]:
    found = _dict(entity.get("aliases")).get(language)
    values = [_dict(a).get("value") for a in found] if isinstance(found, list) else []
    return tuple(v.strip() for v in values if isinstance(v, str) and v.strip())


def person_from_entity(entity: Mapping[str, Any]) -> Person | None:
    """Read a human's names and P39 statements from one dump entity (None if not a human)."""
    claims = _dict(entity.get("claims"))
    if entity.get("type") != "item" or "Q5" not in _items(claims.get("P31")):
        return None
    died = [_snak_time(_dict(c.get("mainsnak"))) for c in _best(claims.get("P570"))]
    return Person(
        wikidata=str(entity.get("id")),
        enwiki=_dict(_dict(entity.get("sitelinks")).get("enwiki")).get("title"),
        label_en=_label(entity, "en", "mul"),
        aliases_en=_aliases(entity, "en"),
        label_ar=_label(entity, "ar"),
        aliases_ar=_aliases(entity, "ar"),
        citizenship=_items(claims.get("P27")),
        died=_pick(died, latest=False),
        statements=tuple(s for c in _ranked(claims.get("P39")) if (s := _statement(c))),
    )


def _entity(line: bytes, number: int) -> dict[str, Any]:
    text = line.strip().rstrip(b",")
    try:
        entity = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(
            f"line {number} of the dump is not a JSON entity ({exc.msg}); the file may be "
            "truncated: download it again"
        ) from exc
    return _dict(entity)


def read_dump(
    stream: Iterable[bytes], positions: Collection[str], progress: Progress | None = None
) -> Iterator[Person]:
    """Yield the humans of a JSON dump (one entity a line) who held one of the positions."""
    if not positions:
        return
    ids = b"|".join(re.escape(q.encode()) for q in sorted(positions))
    wanted = re.compile(b'"(?:' + ids + b')"')
    for number, line in enumerate(stream, 1):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number)
        # most lines are skipped without parsing: they name neither P39 nor a wanted position
        if b'"P39"' not in line or wanted.search(line) is None:
            continue
        person = person_from_entity(_entity(line, number))
        if person is not None:
            yield person


# --- the SPARQL route --------------------------------------------------------------------------

_QUERY = """\
# People who held the positions of a positions file, with their names and terms, for
# {script}. Run it at https://query.wikidata.org/ and download the result
# as JSON, for example:
#   curl -G https://query.wikidata.org/sparql -H 'Accept: application/sparql-results+json' \\
#        --data-urlencode query@positions.rq -o positions.json
# Each row carries one kind of fact (a term, a name, a sitelink, ...) so rows do not multiply.
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX psv: <http://www.wikidata.org/prop/statement/value/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX pqv: <http://www.wikidata.org/prop/qualifier/value/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
SELECT {variables} WHERE {{
  {{ SELECT DISTINCT ?person WHERE {{
      VALUES ?wanted {{ {values} }}
      ?person p:P39/ps:P39 ?wanted ; wdt:P31 wd:Q5 .
  }} }}
  {{
    VALUES ?position {{ {values} }}
    ?person p:P39 ?statement .
    ?statement ps:P39 ?position .
    FILTER NOT EXISTS {{ ?statement wikibase:rank wikibase:DeprecatedRank }}
    OPTIONAL {{ ?statement pqv:P580 ?startNode .
               ?startNode wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision . }}
    OPTIONAL {{ ?statement pqv:P582 ?endNode .
               ?endNode wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision . }}
    OPTIONAL {{ ?statement pq:P582 ?endUnknown . FILTER(!isLiteral(?endUnknown)) }}
  }}
  UNION {{ ?person rdfs:label ?enLabel . FILTER(LANG(?enLabel) IN ("en", "mul")) }}
  UNION {{ ?person skos:altLabel ?enAlias . FILTER(LANG(?enAlias) = "en") }}
  UNION {{ ?person rdfs:label ?arLabel . FILTER(LANG(?arLabel) = "ar") }}
  UNION {{ ?person skos:altLabel ?arAlias . FILTER(LANG(?arAlias) = "ar") }}
  UNION {{ ?article schema:about ?person ; schema:isPartOf <https://en.wikipedia.org/> ;
                   schema:name ?enwiki . }}
  UNION {{ ?person wdt:P27 ?citizenship . }}
  UNION {{ ?person p:P570 ?death . ?death a wikibase:BestRank ; psv:P570 ?diedNode .
          ?diedNode wikibase:timeValue ?died ; wikibase:timePrecision ?diedPrecision . }}
}}
"""


def sparql_query(positions: Iterable[str]) -> str:
    """Return the SPARQL query whose JSON result `read_sparql` reads."""
    values = " ".join(f"wd:{q}" for q in sorted(positions, key=_qnumber))
    variables = " ".join(f"?{v}" for v in SPARQL_VARIABLES)
    return _QUERY.format(script=SCRIPT, variables=variables, values=values)


def _qnumber(qid: str | None) -> int:
    return int(qid[1:]) if qid and _QID.match(qid) else 0


def _value(row: Mapping[str, Any], name: str) -> str | None:
    value = _dict(row.get(name)).get("value")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _row_qid(row: Mapping[str, Any], name: str) -> str | None:
    value = _value(row, name)
    if value is None or not value.startswith(ENTITY):
        return None
    qid = value[len(ENTITY) :]
    return qid if _QID.match(qid) else None


def _row_time(row: Mapping[str, Any], name: str) -> WikiTime | None:
    value, precision = _value(row, name), _value(row, f"{name}Precision")
    if value is None:
        return None
    # the query service stores time values converted to the Gregorian calendar
    return _time(value, int(precision) if precision and precision.isdigit() else 0)


def _bindings(data: Any) -> list[dict[str, Any]]:
    rows = _dict(_dict(data).get("results")).get("bindings")
    if not isinstance(rows, list):
        raise MalformedRecordError(
            "not a SPARQL JSON result (no results.bindings): save the query result as JSON"
        )
    return [r for r in rows if isinstance(r, dict)]


def read_sparql(stream: io.BufferedIOBase) -> Iterator[Person]:
    """Yield the people of a SPARQL JSON result of `sparql_query`, in order of first row."""
    try:
        data = json.load(stream)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(f"the SPARQL result is not valid JSON ({exc.msg})") from exc
    by_person: dict[str, list[dict[str, Any]]] = {}
    for row in _bindings(data):
        qid = _row_qid(row, "person")
        if qid is not None:
            by_person.setdefault(qid, []).append(row)
    for qid, rows in by_person.items():
        yield _person_from_rows(qid, rows)


def _values(rows: Sequence[Mapping[str, Any]], name: str, language: str | None = None) -> list[str]:
    found = []
    for row in rows:
        value = _value(row, name)
        if value and (language is None or _dict(row.get(name)).get("xml:lang") == language):
            found.append(value)
    return list(dict.fromkeys(found))


def _first(values: Sequence[str]) -> str | None:
    return values[0] if values else None


def _person_from_rows(qid: str, rows: Sequence[Mapping[str, Any]]) -> Person:
    return Person(
        wikidata=qid,
        enwiki=_first(_values(rows, "enwiki")),
        label_en=_first(_values(rows, "enLabel", "en") + _values(rows, "enLabel", "mul")),
        aliases_en=tuple(_values(rows, "enAlias")),
        label_ar=_first(_values(rows, "arLabel")),
        aliases_ar=tuple(_values(rows, "arAlias")),
        citizenship=tuple(dict.fromkeys(q for r in rows if (q := _row_qid(r, "citizenship")))),
        died=_pick((_row_time(r, "died") for r in rows), latest=False),
        statements=_row_statements(rows),
    )


def _row_statements(rows: Sequence[Mapping[str, Any]]) -> tuple[Statement, ...]:
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        key = _value(row, "statement")
        if key is not None and _row_qid(row, "position"):
            grouped.setdefault(key, []).append(row)
    out = []
    for group in grouped.values():
        ends = [
            _row_time(r, "end") or (UNKNOWN if _value(r, "endUnknown") else None) for r in group
        ]
        start = _pick((_row_time(r, "start") for r in group), latest=False)
        out.append(Statement(cast(str, _row_qid(group[0], "position")), start, _pick(ends, True)))
    return tuple(out)


# --- from people to entries --------------------------------------------------------------------


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


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def _office_name(position: Position) -> str:
    return f"{position.office} ({position.country})" if position.country else position.office


def _role(
    statement: Statement, position: Position, died: WikiTime | None
) -> tuple[Role | None, str | None]:
    """Return the role a statement gives, or None and why it was left out."""
    start = None if statement.start is UNKNOWN else statement.start
    end = statement.end if statement.end is not None else died
    what = _office_name(position)
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


def _next_day(iso: str) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()


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
    return tuple(sorted(out, key=lambda r: (r.start or _MIN_DATE, r.end or _MAX_DATE, r.office)))


def _term_key(role: Role) -> tuple[str, str, str, str, str]:
    return (
        role.office,
        role.country or "",
        role.title or "",
        role.start or _MIN_DATE,
        role.end or _MAX_DATE,
    )


def _touches(earlier: Role, later: Role) -> bool:
    return earlier.end is None or (later.start or _MIN_DATE) <= _next_day(earlier.end)


def _roles(
    statements: Iterable[Statement], positions: Mapping[str, Position], died: WikiTime | None
) -> tuple[tuple[Role, ...], tuple[str, ...]]:
    roles, notes = [], []
    for statement in statements:
        role, note = _role(statement, positions[statement.position], died)
        roles += [role] if role else []
        notes += [note] if note else []
    return _join(roles), _unique(notes)


def _nationality(
    person: Person, held: Sequence[str | None], states: Mapping[str, str]
) -> str | None:
    """A citizenship that matches a held office's country, else the first citizenship or office."""
    codes = [states[q] for q in person.citizenship if q in states]
    offices = [c for c in held if c]
    matching = [c for c in codes if c in offices]
    return _first(matching) or _first(codes) or _first(offices)


def _english(person: Person, name: str) -> tuple[str, ...]:
    bare = _DISAMBIGUATOR.sub("", name)
    names = _unique((bare, person.label_en, *person.aliases_en))
    return tuple(n for n in names if n != name)


def _arabic(person: Person) -> tuple[str, ...]:
    names = _unique((person.label_ar, *person.aliases_ar))
    return tuple(n for n in names if any(is_arabic(ch) for ch in n))


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


def unique_ids(entries: Iterable[Entry], reserved: Collection[str] = ()) -> tuple[Entry, ...]:
    """Give every entry a free id (a taken slug gets the Wikidata id appended), sorted by id."""
    taken, out = set(reserved), []
    for entry in sorted(entries, key=lambda e: (e.id, _qnumber(e.wikidata), e.name)):
        ident = entry.id
        if ident in taken:
            ident = f"{entry.id}-{(entry.wikidata or str(len(taken))).lower()}"
        taken.add(ident)
        out.append(dataclasses.replace(entry, id=ident))
    return tuple(sorted(out, key=lambda e: e.id))


# --- writing YAML ------------------------------------------------------------------------------


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
    """Return one entry as people.yaml writes it, its notes as comment lines above it."""
    lines = [f"# {line}" for note in entry.notes for line in textwrap.wrap(note, _WIDTH - 2)]
    lines += [f"- id: {entry.id}", f"  name: {_scalar(entry.name)}"]
    lines.append(f"  country: {entry.country or 'null'}")
    lines += [f"  wikidata: {entry.wikidata}"] if entry.wikidata else []
    lines += _list("aliases", entry.aliases) if entry.aliases else []
    lines += _list("arabic", entry.arabic)
    lines += ["  roles:", *map(_role_line, entry.roles)] if entry.roles else ["  roles: []"]
    return "\n".join(lines) + "\n"


def render_header(provenance: Provenance) -> str:
    """Return the comment header of a generated file (read back by `read_provenance`)."""
    return (
        "# People who held the offices of a positions file, generated from Wikidata by\n"
        f"# {SCRIPT} in the schema of people.yaml. Do not edit: regenerate it, or merge it\n"
        "# into people.yaml with --merge. Wikidata data is CC0.\n"
        f"# source: {provenance.source}\n"
        f"# source-sha256: {provenance.source_sha256}\n"
        f"# format: {provenance.format}\n"
        f"# positions: {provenance.positions}\n"
        f"# positions-sha256: {provenance.positions_sha256}\n"
    )


def render(generated: Generated) -> str:
    """Return a generated file: its header, then every entry."""
    body = "\n".join(render_entry(e) for e in generated.entries)
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
    keys = ("source", "source-sha256", "format", "positions", "positions-sha256")
    if any(k not in fields for k in keys) or fields["format"] not in get_args(Format):
        return None
    values = [fields[k] for k in keys]
    return Provenance(values[0], values[1], cast(Format, values[2]), values[3], values[4])


# --- reading people.yaml -----------------------------------------------------------------------


def _text_list(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: {entry.get('id')}.{key} must be a list of strings")
    return tuple(value)


def _iso(value: Any, where: str) -> str | None:
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if value else None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise LexiconError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _role_from(raw: Any, where: str) -> Role:
    role = require_mapping(raw, where)
    if not isinstance(role.get("office"), str):
        raise LexiconError(f"{where}: a role has no office")
    start, end = _iso(role.get("start"), where), _iso(role.get("end"), where)
    return Role(role["office"], role.get("country"), start, end, role.get("title"))


def entry_from(raw: Any, where: str) -> Entry:
    """Read one people.yaml entry (a mapping loaded from YAML)."""
    entry = require_mapping(raw, where)
    ident, name = entry.get("id"), entry.get("name")
    if not isinstance(ident, str) or not _SLUG.match(ident) or not isinstance(name, str):
        raise LexiconError(f"{where}: entry {ident!r} needs a lowercase slug id and a name")
    roles = entry.get("roles") or []
    if not isinstance(roles, list):
        raise LexiconError(f"{where}: {ident}.roles must be a list")
    return Entry(
        id=ident,
        name=name,
        country=entry.get("country"),
        wikidata=entry.get("wikidata"),
        aliases=_text_list(entry, "aliases", where),
        arabic=_text_list(entry, "arabic", where),
        roles=tuple(_role_from(r, f"{where}: {ident}") for r in roles),
    )


def read_people(stream: io.BufferedIOBase, where: str) -> tuple[Entry, ...]:
    """Read a file in the people.yaml schema."""
    try:
        data = yaml.safe_load(stream.read().decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{where} is not valid UTF-8 YAML: {exc}") from exc
    if not isinstance(data, list):
        raise LexiconError(f"{where}: expected a list of people")
    return tuple(entry_from(raw, where) for raw in data)


# --- generating ----------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def recorded_path(path: Path, root: Path) -> str:
    """Return a path as a header records it: relative to root when inside it, else absolute."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _resolve(recorded: str, root: Path) -> Path:
    path = Path(recorded)
    return path if path.is_absolute() else root / path


def _read_entries(
    stream: io.BufferedIOBase,
    fmt: Format,
    positions: Mapping[str, Position],
    known: KnownActors,
    where: str,
    progress: Progress | None,
) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    if fmt == "people":
        return unique_ids(read_people(stream, where), known.taken), ()
    people = read_sparql(stream) if fmt == "sparql" else read_dump(stream, positions, progress)
    return build_entries(people, positions, known.countries, known.taken)


def generate(
    source: Path,
    *,
    fmt: Format | None = None,
    positions: Path | None = None,
    root: Path | None = None,
    progress: Progress | None = None,
    known: KnownActors | None = None,
) -> Generated:
    """Read a source once (hashing it on the way) and build its people entries."""
    root = root or Path.cwd()
    known = known or known_actors()
    mapping = load_positions(positions, known)
    fmt = fmt or sniff_format(source)
    with source.open("rb") as raw:
        reader = _HashingReader(raw)
        stream = _decompressed(reader)
        try:
            entries, skipped = _read_entries(stream, fmt, mapping, known, str(source), progress)
            digest = reader.hexdigest()
        finally:
            stream.close()
    positions_path = positions or default_positions_path()
    provenance = Provenance(
        recorded_path(source, root),
        digest,
        fmt,
        recorded_path(positions_path, root),
        sha256_file(positions_path),
    )
    return Generated(entries, provenance, skipped)


# --- the sync check ----------------------------------------------------------------------------


def check_sync(
    generated: Path, root: Path | None = None, known: KnownActors | None = None
) -> SyncResult:
    """Regenerate a generated file from its recorded source (if present) and compare."""
    root = root or Path.cwd()
    text = generated.read_text(encoding="utf-8")
    recorded = read_provenance(text)
    if recorded is None:
        return SyncResult(generated, "not-generated", "the file has no source header")
    source, positions = _resolve(recorded.source, root), _resolve(recorded.positions, root)
    for path in (source, positions):
        if not path.is_file():
            return SyncResult(generated, "source-missing", f"{path} is not present")
    fresh = generate(source, fmt=recorded.format, positions=positions, root=root, known=known)
    provenance = dataclasses.replace(
        fresh.provenance, source=recorded.source, positions=recorded.positions
    )
    again = render(dataclasses.replace(fresh, provenance=provenance))
    if again == text:
        return SyncResult(generated, "in-sync", "regenerated text is identical")
    return SyncResult(generated, "stale", _why_stale(generated, recorded, provenance, text, again))


def _why_stale(path: Path, old: Provenance, new: Provenance, text: str, again: str) -> str:
    fix = f"run: python {SCRIPT} {old.source} --positions {old.positions} -o {path}"
    if old.source_sha256 != new.source_sha256:
        return f"{old.source} changed since the file was generated; {fix}"
    if old.positions_sha256 != new.positions_sha256:
        return f"{old.positions} changed since the file was generated; {fix}"
    diff = difflib.unified_diff(text.splitlines(), again.splitlines(), "file", "now", lineterm="")
    return f"the file differs from what its source yields; {fix}\n" + "\n".join(list(diff)[:20])


# --- merging into people.yaml ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Block:
    """One entry of a hand-written file: the lines before it, its own lines, its data."""

    before: str
    text: str
    raw: Mapping[str, Any]
    entry: Entry
    locked: str | None  # why the entry cannot be rewritten, if it cannot


def _is_gap(line: str) -> bool:
    return not line.strip() or line.startswith("#")


def _split(text: str, where: str) -> tuple[list[_Block], str]:
    """Cut a people file into entries, keeping every comment and blank line where it is."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
    blocks, done = [], 0
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        while stop > start + 1 and _is_gap(lines[stop - 1]):
            stop -= 1
        body = "".join(lines[start:stop])
        blocks.append(_block("".join(lines[done:start]), body, f"{where}:{start + 1}"))
        done = stop
    tail = "".join(lines[done:])
    if (yaml.safe_load(text) or []) != [b.raw for b in blocks]:
        raise LexiconError(
            f"{where}: entries are not one '- ' item each at column 0; merge by hand"
        )
    return blocks, tail


def _block(before: str, body: str, where: str) -> _Block:
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{where}: entry is not valid YAML: {exc}") from exc
    if not isinstance(data, list) or len(data) != 1:
        raise LexiconError(f"{where}: expected one list item; merge by hand")
    raw = require_mapping(data[0], where)
    return _Block(before, body, raw, entry_from(raw, where), _locked(raw, body))


def _locked(raw: Mapping[str, Any], body: str) -> str | None:
    unknown = set(raw) - _ENTRY_KEYS
    for role in raw.get("roles") or []:
        unknown |= set(role) - _ROLE_KEYS if isinstance(role, dict) else set()
    if unknown:
        return f"has fields the generator does not write ({', '.join(sorted(unknown))})"
    if "#" in body:
        return "has comments inside the entry"
    return None


def _span(role: Role) -> str:
    return f"{role.start or '?'} to {role.end or 'open'}"


def _overlaps(a: Role, b: Role) -> bool:
    return (a.start or _MIN_DATE) <= (b.end or _MAX_DATE) and (b.start or _MIN_DATE) <= (
        a.end or _MAX_DATE
    )


def _merge_roles(current: Entry, new: Iterable[Role]) -> tuple[tuple[Role, ...], list[Conflict]]:
    roles, conflicts = list(current.roles), []
    for role in new:
        same = [r for r in roles if (r.office, r.country) == (role.office, role.country)]
        if any((r.start, r.end) == (role.start, role.end) for r in same):
            continue
        clash = [r for r in same if _overlaps(r, role)]
        if clash:
            what = f"{role.office} ({role.country})" if role.country else role.office
            message = f"{what}: the file has {_span(clash[0])}, Wikidata {_span(role)}"
            conflicts.append(Conflict(current.id, message + " (the file's dates kept)"))
        else:
            roles.append(role)
    return tuple(roles), conflicts


def _new_spellings(
    known: Iterable[str], candidates: Iterable[str], normalise: Callable[[str], str]
) -> tuple[str, ...]:
    """Candidates whose normalised form is not yet listed (the loader normalises anyway)."""
    seen = {" ".join(normalise(k).split()) for k in known}
    out = []
    for candidate in candidates:
        key = " ".join(normalise(candidate).split())
        if key and key not in seen:
            seen.add(key)
            out.append(candidate)
    return tuple(out)


def extend_entry(
    current: Entry, new: Entry, normalise: Callable[[str], str]
) -> tuple[Entry, list[Conflict]]:
    """Add a generated entry's roles, spellings, Wikidata id and country to a listed entry."""
    conflicts = []
    if current.country and new.country and current.country != new.country:
        message = f"country: the file has {current.country}, Wikidata {new.country} (file kept)"
        conflicts.append(Conflict(current.id, message))
    roles, clashes = _merge_roles(current, new.roles)
    english = (current.name, *current.aliases)
    merged = dataclasses.replace(
        current,
        wikidata=current.wikidata or new.wikidata,
        country=current.country or new.country,
        aliases=current.aliases + _new_spellings(english, (new.name, *new.aliases), normalise),
        arabic=current.arabic + _new_spellings(current.arabic, new.arabic, normalise),
        roles=roles,
    )
    return merged, conflicts + clashes


def _match(new: Entry, by_qid: Mapping[str, int], by_name: Mapping[str, int]) -> int | None:
    found = by_qid.get(new.wikidata) if new.wikidata else None
    return found if found is not None else by_name.get(new.name)


def merge_people(
    text: str,
    new: Iterable[Entry],
    normalise: Callable[[str], str],
    where: str = "people.yaml",
    reserved: Collection[str] = (),
) -> MergeResult:
    """Extend a people.yaml text with generated entries; nothing listed is removed or changed."""
    blocks, tail = _split(text, where)
    by_qid = {b.entry.wikidata: i for i, b in reversed(list(enumerate(blocks))) if b.entry.wikidata}
    by_name = {b.entry.name: i for i, b in reversed(list(enumerate(blocks)))}
    current = {i: b.entry for i, b in enumerate(blocks)}
    added, conflicts = [], []
    for entry in new:
        index = _match(entry, by_qid, by_name)
        if index is None:
            added.append(entry)
            continue
        merged, found = _merge_one(current[index], entry, blocks[index], normalise)
        current[index] = merged
        conflicts += found
    changed = {i: e for i, e in current.items() if e != blocks[i].entry}
    fresh = unique_ids(added, {*reserved, *(b.entry.id for b in blocks)})
    return MergeResult(
        text=_rebuild(blocks, tail, changed, fresh),
        added=tuple(e.id for e in fresh),
        extended=tuple(current[i].id for i in sorted(changed)),
        conflicts=tuple(conflicts),
    )


def _merge_one(
    current: Entry, new: Entry, block: _Block, normalise: Callable[[str], str]
) -> tuple[Entry, list[Conflict]]:
    if current.wikidata and new.wikidata and current.wikidata != new.wikidata:
        message = f"{new.name} ({new.wikidata}) has this entry's name but it is {current.wikidata}"
        return current, [Conflict(current.id, message + "; not merged")]
    merged, conflicts = extend_entry(current, new, normalise)
    if merged != current and block.locked:
        why = f"would gain data from {new.wikidata} but {block.locked}; merge by hand"
        return current, [*conflicts, Conflict(current.id, why)]
    return merged, conflicts


def _rebuild(
    blocks: Sequence[_Block], tail: str, changed: Mapping[int, Entry], added: Sequence[Entry]
) -> str:
    parts = []
    for i, block in enumerate(blocks):
        parts += [block.before, render_entry(changed[i]) if i in changed else block.text]
    text = "".join(parts) + tail
    if not added:
        return text
    heading = f"# === Added from Wikidata by {SCRIPT}: check before keeping ===\n"
    entries = "\n".join(render_entry(e) for e in added)
    return text.rstrip("\n") + "\n\n" + heading + "\n" + entries

"""Reading a source once: the dump, a SPARQL result or a people file, hashed on the way."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from hadath.errors import LexiconError
from hadath.lexicons.actors import iso_date
from hadath.lexicons.load import require_mapping
from hadath.model import Role
from hadath.wikidata.build import build_entries, unique_ids
from hadath.wikidata.dump import read_dump
from hadath.wikidata.positions import (
    KnownActors,
    default_positions_path,
    known_actors,
    load_positions,
)
from hadath.wikidata.sparql import read_sparql
from hadath.wikidata.values import Entry, Format, Generated, Position, Progress, Provenance

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

_SPARQL_HEAD = re.compile(rb'^\s*\{\s*"head"\s*:')
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CHUNK = 1 << 20


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


def _text_list(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: {entry.get('id')}.{key} must be a list of strings")
    return tuple(value)


def _role_from(raw: Any, where: str) -> Role:
    role = require_mapping(raw, where)
    if not isinstance(role.get("office"), str):
        raise LexiconError(f"{where}: a role has no office")
    start, end = iso_date(role.get("start"), where), iso_date(role.get("end"), where)
    return Role(role["office"], role.get("country"), start, end, role.get("title"))


def entry_from(raw: Any, where: str) -> Entry:
    """Read one entry of a people file (a mapping loaded from YAML)."""
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
    """Read a file in the schema of data/actors/people/."""
    try:
        data = yaml.safe_load(stream.read().decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{where} is not valid UTF-8 YAML: {exc}") from exc
    if not isinstance(data, list):
        raise LexiconError(f"{where}: expected a list of people")
    return tuple(entry_from(raw, where) for raw in data)

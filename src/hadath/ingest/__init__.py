"""Ingestion: files, directories and stdin -> Document values (no NLP here).

A batch never dies on one bad document: every reader yields `Document | Failure`.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from hadath.errors import InputError
from hadath.ingest import html, jsonl, text
from hadath.ingest.clean import Cleaned, LayoutRules, clean, load_layout_rules
from hadath.ingest.dates import parse_iso_date
from hadath.ingest.decode import decode
from hadath.ingest.document import (
    IngestRules,
    content_id,
    document_from_text,
    failure_of,
    load_ingest_rules,
)
from hadath.model import Document, Failure
from hadath.settings import Settings

__all__ = [
    "Cleaned",
    "IngestRules",
    "LayoutRules",
    "clean",
    "content_id",
    "decode",
    "document_from_text",
    "load_ingest_rules",
    "load_layout_rules",
    "parse_iso_date",
    "read_path",
    "read_paths",
    "read_stdin",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
KNOWN_SUFFIXES = TEXT_SUFFIXES + JSON_SUFFIXES + HTML_SUFFIXES

_HTML_START = re.compile(rb"\s*<(?:!doctype|html|head|body|meta|title|div|article|p)\b", re.I)
_SNIFF_BYTES = 4096


def read_path(
    path: Path, settings: Settings, rules: IngestRules | None = None
) -> Iterator[Document | Failure]:
    """Read one file with the reader for its extension (unknown extensions are read as text)."""
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        return jsonl.read(path, settings, rules)
    if suffix in HTML_SUFFIXES:
        return html.read(path, settings, rules)
    return text.read(path, settings, rules)


def _walk(directory: Path, seen: set[Path]) -> Iterator[Path]:
    """Yield article files under a directory in sorted order, skipping hidden entries."""
    real = directory.resolve()
    if real in seen:  # a symbolic link back up the tree
        return
    seen.add(real)
    for entry in sorted(directory.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.is_file() and entry.suffix.lower() in KNOWN_SUFFIXES:
            yield entry


def _read_one(path: Path, settings: Settings, rules: IngestRules) -> Iterator[Document | Failure]:
    source = str(path)
    if path.is_dir():
        try:
            files = list(_walk(path, set()))
        except OSError as exc:
            yield failure_of(
                source,
                InputError(
                    f"{source}: the directory cannot be listed ({exc.strerror}); check its "
                    "permissions"
                ),
            )
            return
        for file in files:
            yield from read_path(file, settings, rules)
    elif path.exists():
        yield from read_path(path, settings, rules)
    else:
        yield failure_of(source, InputError(f"{source}: no such file or directory; check the path"))


def read_paths(
    paths: Iterable[str | Path], settings: Settings, rules: IngestRules | None = None
) -> Iterator[Document | Failure]:
    """Read files and directories (recursively, sorted, hidden entries skipped) in order."""
    rules = rules or load_ingest_rules()
    for path in paths:
        yield from _read_one(Path(path), settings, rules)


def _is_json_lines(data: bytes) -> bool:
    """Say whether bytes starting with `{` hold several JSON values, one a line."""
    first, _, rest = data.partition(b"\n")
    if not rest.strip():
        return False
    try:
        json.loads(first)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return True


def read_stdin(
    data: bytes,
    settings: Settings,
    source: str = "<stdin>",
    rules: IngestRules | None = None,
) -> Iterator[Document | Failure]:
    """Read piped input, sniffing JSON Lines, a JSON object or list, HTML, or plain text."""
    rules = rules or load_ingest_rules()
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        try:  # UTF-16 or binary: settle the encoding first, then sniff the text
            data = decode(data, source, settings).encode("utf-8")
        except InputError as exc:
            yield failure_of(source, exc)
            return
    start = data.removeprefix(codecs.BOM_UTF8).lstrip()
    if start.startswith(b"{") and _is_json_lines(start):
        yield from jsonl.read_lines_bytes(data, source, settings, rules)
    elif start.startswith((b"{", b"[")):
        yield from jsonl.read_json_bytes(data, source, settings, rules)
    elif _HTML_START.match(start[:_SNIFF_BYTES]):
        yield from html.read_bytes(data, source, settings, rules)
    else:
        yield from text.read_bytes(data, source, settings, rules)

"""Read plain-text and Markdown articles (.txt, .md): one file, one Document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hadath.errors import InputError
from hadath.ingest.decode import decode
from hadath.ingest.document import (
    IngestRules,
    document_from_text,
    failure_of,
    load_ingest_rules,
    read_whole_file,
)
from hadath.model import Document, Failure
from hadath.settings import Settings


def read_bytes(
    data: bytes, source: str, settings: Settings, rules: IngestRules | None = None
) -> Iterator[Document | Failure]:
    """Read one article from the bytes of a text or Markdown file."""
    rules = rules or load_ingest_rules()
    try:
        text = decode(data, source, settings)
        yield document_from_text(text, source=source, settings=settings, rules=rules)
    except InputError as exc:
        yield failure_of(source, exc)


def read(
    path: Path, settings: Settings, rules: IngestRules | None = None
) -> Iterator[Document | Failure]:
    """Read one article from a text or Markdown file."""
    return read_whole_file(path, settings, rules, read_bytes)

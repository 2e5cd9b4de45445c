"""Build a Document from raw article text and its metadata; turn input errors into Failures."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hadath.errors import InputError
from hadath.ingest.clean import LayoutRules, clean, load_layout_rules
from hadath.ingest.dates import parse_iso_date
from hadath.ingest.decode import read_file
from hadath.ingest.language import LanguageRules, check_arabic, load_language_rules
from hadath.model import Document, Failure, Precision
from hadath.settings import Settings

ID_HEX_DIGITS = 16


@dataclass(frozen=True, slots=True)
class IngestRules:
    """Every data file ingestion needs, loaded once and passed down (immutable, picklable)."""

    layout: LayoutRules
    language: LanguageRules


def load_ingest_rules() -> IngestRules:
    """Load and check the ingestion data files."""
    return IngestRules(layout=load_layout_rules(), language=load_language_rules())


def content_id(text: str) -> str:
    """Return the first 16 hex digits of the SHA-256 of a text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


def _optional(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _published(value: str | None, source: str) -> tuple[str | None, Precision | None]:
    value = _optional(value)
    if value is None:
        return None, None
    try:
        return parse_iso_date(value)
    except InputError as exc:
        raise type(exc)(f"{source}: `published` {exc}") from None


def document_from_text(
    text: str,
    *,
    source: str,
    settings: Settings,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published_source: str = "metadata",
    rules: IngestRules | None = None,
) -> Document:
    """Clean raw article text, check it is Arabic, validate the date, and build a Document."""
    rules = rules or load_ingest_rules()
    day, precision = _published(published, source)
    cleaned = clean(text, rules.layout)
    check_arabic(cleaned.text, source, settings, rules.language)
    return Document(
        id=_optional(id) or content_id(cleaned.text),
        text=cleaned.text,
        title=_optional(title) or cleaned.title,
        url=_optional(url),
        outlet=_optional(outlet),
        published=day,
        published_precision=precision,
        published_source=published_source if day else None,
        language="ar",
        source=source,
        images=cleaned.images,
    )


def failure_of(source: str, error: InputError, document_id: str | None = None) -> Failure:
    """Turn an input error into a Failure: reason is the message, error the exception class."""
    return Failure(
        source=source, reason=str(error), error=type(error).__name__, document_id=document_id
    )


BytesReader = Callable[[bytes, str, Settings, "IngestRules | None"], Iterator[Document | Failure]]


def read_whole_file(
    path: Path, settings: Settings, rules: IngestRules | None, reader: BytesReader
) -> Iterator[Document | Failure]:
    """Read a file whole (its size checked first) and hand its bytes to a format's reader."""
    source = str(path)
    try:
        data = read_file(path, settings)
    except InputError as exc:
        yield failure_of(source, exc)
        return
    yield from reader(data, source, settings, rules)

"""Read HTML article pages (.html, .htm): trafilatura keeps the article body, drops the rest."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from hadath.errors import EmptyInputError, HadathError, InputError, InvalidDateError
from hadath.ingest.dates import parse_iso_date
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


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What the page's markup says about the article."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def _text_or_none(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _trafilatura() -> ModuleType:
    """Import trafilatura (slow to import, and only HTML needs it), explaining a broken install."""
    try:
        import trafilatura
    except ImportError as exc:
        raise HadathError(
            f"reading HTML needs trafilatura and lxml_html_clean, and importing them failed "
            f"({exc}); install them with `pip install trafilatura lxml_html_clean`"
        ) from exc
    return trafilatura


def page_metadata(html: str) -> PageMetadata:
    """Read title, publication date, site name and URL from the page markup (not its text)."""
    trafilatura = _trafilatura()
    # extensive=False: take the date from markup only, never guessed from the article text,
    # which the dates stage reads with its own rules.
    try:
        meta = trafilatura.extract_metadata(html, extensive=False)
    except Exception:  # metadata is optional: broken markup must not lose the article
        return PageMetadata()
    published = _text_or_none(getattr(meta, "date", None))
    if published is not None:
        try:
            parse_iso_date(published)
        except InvalidDateError:
            published = None  # a malformed date in someone's markup is not the reader's fault
    return PageMetadata(
        title=_text_or_none(getattr(meta, "title", None)),
        published=published,
        outlet=_text_or_none(getattr(meta, "sitename", None)),
        url=_text_or_none(getattr(meta, "url", None)),
    )


def article_text(html: str, source: str) -> str:
    """Extract the article body as Markdown (with image lines) from an HTML page."""
    trafilatura = _trafilatura()
    try:
        text = trafilatura.extract(
            html,
            include_comments=False,
            include_images=True,
            include_formatting=False,
            output_format="markdown",
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise InputError(
            f"{source}: the HTML could not be parsed ({type(exc).__name__}: {exc}); save the page "
            "again, or paste the article text into a .txt file"
        ) from exc
    if not isinstance(text, str) or not text.strip():
        raise EmptyInputError(
            f"{source}: no article text found in the HTML (a listing page, or a page built by "
            "JavaScript?); save the article page itself, or paste its text into a .txt file"
        )
    return text


def read_bytes(
    data: bytes, source: str, settings: Settings, rules: IngestRules | None = None
) -> Iterator[Document | Failure]:
    """Read one article from the bytes of an HTML page."""
    rules = rules or load_ingest_rules()
    try:
        html = decode(data, source, settings)
        text = article_text(html, source)
        meta = page_metadata(html)
        yield document_from_text(
            text,
            source=source,
            settings=settings,
            title=meta.title,
            published=meta.published,
            url=meta.url,
            outlet=meta.outlet,
            published_source="html-meta",
            rules=rules,
        )
    except InputError as exc:
        yield failure_of(source, exc)


def read(
    path: Path, settings: Settings, rules: IngestRules | None = None
) -> Iterator[Document | Failure]:
    """Read one article from an HTML file."""
    return read_whole_file(path, settings, rules, read_bytes)

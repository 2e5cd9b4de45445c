"""What reading the store returns: frozen records, and how rows and search snippets become them."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from hadath.model import Actor, Document, Role, Span

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# Stored dates (documents.published, events.date) are ISO prefixes: YYYY, YYYY-MM or YYYY-MM-DD.
ISO_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_WORDS_BEFORE = 8
_WORDS_AFTER = 16
_MARK_OPEN = "\x02"
_MARK_CLOSE = "\x03"
_ELLIPSIS = "…"
# The FTS5 snippet of the body column, with the marks search_hit turns into highlights.
FTS_SNIPPET = f"snippet(documents_fts, 2, '{_MARK_OPEN}', '{_MARK_CLOSE}', '{_ELLIPSIS}', 24)"

# (event id, role) -> the (actor id, display name) pairs of that role, in order.
Participants = dict[tuple[str, str], list[tuple[str, str]]]


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One stored event with its participants' names and its document's metadata."""

    id: str
    document_id: str
    type: str
    mode: str | None
    date: str | None
    date_precision: str | None
    historical: bool
    negated: bool
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    evidence_text: str
    rule: str
    confidence: float
    document_title: str | None
    outlet: str | None
    published: str | None
    actor_ids: tuple[str, ...] = ()
    recipient_ids: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    date_source: str | None = None
    place: str | None = None
    dead: int | None = None
    injured: int | None = None
    evidence_start: int = 0
    evidence_end: int = 0
    trigger_text: str = ""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A document matching a search, with a snippet of its original wording.

    `rank` is the FTS5 bm25 score: lower (more negative) is a better match; hits come best first.
    `highlights` are the matched words as spans into `snippet`.
    """

    document_id: str
    title: str | None
    published: str | None
    snippet: str
    rank: float
    highlights: tuple[Span, ...] = ()

    def marked(self, before: str = "[", after: str = "]") -> str:
        """Return the snippet with every highlighted word wrapped in `before` and `after`."""
        parts: list[str] = []
        cursor = 0
        for span in sorted(self.highlights):
            parts += [self.snippet[cursor : span.start], before, span.of(self.snippet), after]
            cursor = span.end
        parts.append(self.snippet[cursor:])
        return "".join(parts)


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One recorded run of a command, with its tallies (None until the run is finished)."""

    id: int
    started_at: str
    finished_at: str | None
    command: str
    documents: int | None
    events: int | None
    failures: int | None
    skipped: int | None


def fold(text: str) -> str:
    """Fold text for case- and spacing-insensitive comparison."""
    return " ".join(text.split()).casefold()


def document_record(row: sqlite3.Row) -> Document:
    """Turn a row of the documents table back into the Document that was saved."""
    return Document(**_columns(row, Document) | {"images": tuple(json.loads(row["images"]))})


def actor_record(row: sqlite3.Row) -> Actor:
    """Turn a row of the actors table back into the Actor that was saved (roles without titles)."""
    roles = tuple(Role(**role) for role in json.loads(row["roles"]))
    listed = {key: tuple(json.loads(row[key])) for key in ("aliases", "arabic")}
    return Actor(**_columns(row, Actor) | listed | {"roles": roles})


def event_record(row: sqlite3.Row, participants: Participants) -> EventRecord:
    """Turn an events row (joined with its document) and its participants into a record."""
    actors = participants.get((row["id"], "actor"), [])
    recipients = participants.get((row["id"], "recipient"), [])
    converted = {
        "historical": bool(row["historical"]),
        "negated": bool(row["negated"]),
        "actors": tuple(name for _, name in actors),
        "recipients": tuple(name for _, name in recipients),
        "actor_ids": tuple(actor_id for actor_id, _ in actors),
        "recipient_ids": tuple(actor_id for actor_id, _ in recipients),
        "context": tuple(json.loads(row["context"])),
    }
    return EventRecord(**_columns(row, EventRecord) | converted)


def _columns(row: sqlite3.Row, record: type[DataclassInstance]) -> dict[str, Any]:
    """Return the row's columns that are fields of `record`, by name."""
    wanted = {field.name for field in fields(record)}
    columns = zip(row.keys(), row, strict=True)
    return {name: value for name, value in columns if name in wanted}


def search_hit(row: sqlite3.Row, terms: Sequence[str]) -> SearchHit:
    """Turn a search row into a hit whose snippet shows the original wording around a match."""
    document_id, title, published, text, body, word_spans, score, fts_snippet = tuple(row)
    found = _surface_snippet(text, body, word_spans, terms) or _marked_snippet(fts_snippet)
    if not found[0].strip():
        # The match was in the title of a document indexed without tokens: show its opening.
        found = (_opening(text), ())
    return SearchHit(document_id, title, published, found[0], float(score), found[1])


def _opening(text: str) -> str:
    words = text.split()
    head = " ".join(words[:_WORDS_AFTER])
    return head + _ELLIPSIS if len(words) > _WORDS_AFTER else head


def _surface_snippet(
    text: str, body: str, word_spans: str, terms: Sequence[str]
) -> tuple[str, tuple[Span, ...]] | None:
    """Cut a snippet of the original text around the first matched stem, if it can be aligned."""
    words = body.split(" ")
    spans = [Span(start, end) for start, end in json.loads(word_spans)]
    wanted = {fold(word) for term in terms for word in term.split()}
    matches = [i for i, word in enumerate(words) if fold(word) in wanted]
    if len(words) != len(spans) or not matches:
        return None
    low = max(0, matches[0] - _WORDS_BEFORE)
    high = min(len(words), matches[0] + _WORDS_AFTER)
    head = _ELLIPSIS if low > 0 else ""
    tail = _ELLIPSIS if high < len(words) else ""
    origin = spans[low].start - len(head)
    snippet = head + text[spans[low].start : spans[high - 1].end] + tail
    marks = tuple(
        Span(spans[i].start - origin, spans[i].end - origin) for i in matches if low <= i < high
    )
    return snippet, marks


def _marked_snippet(marked: str) -> tuple[str, tuple[Span, ...]]:
    """Turn FTS5's marked snippet into plain text and highlight spans."""
    plain: list[str] = []
    marks: list[Span] = []
    size = 0
    opened = 0
    for piece in re.split(f"([{_MARK_OPEN}{_MARK_CLOSE}])", marked):
        if piece == _MARK_OPEN:
            opened = size
        elif piece == _MARK_CLOSE:
            marks.append(Span(opened, size))
        else:
            plain.append(piece)
            size += len(piece)
    return "".join(plain), tuple(marks)

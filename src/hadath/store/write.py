"""Writing the store: an analysis, runs and failures, each inside a transaction the caller holds."""

from __future__ import annotations

import enum
import hashlib
import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from types import MappingProxyType

from hadath.errors import StoreError
from hadath.fingerprint import fingerprint
from hadath.model import Actor, Analysis, Document, Failure, Span
from hadath.normalize import Normalizer
from hadath.output import event_ids
from hadath.store.copies import (
    delete_copy,
    find_original,
    insert_copy,
    insert_fingerprint,
    recorded_hash,
)
from hadath.store.records import ISO_PREFIX

_PRECISION_LENGTH = MappingProxyType({"year": 4, "month": 7, "day": 10})


class Saved(enum.Enum):
    """What saving a document did."""

    STORED = "stored"  # a new document, with all found in it
    REPLACED = "replaced"  # a new text under a stored id: the old version was deleted
    UNCHANGED = "unchanged"  # this id already holds this text (as a document or as a copy)
    COPY = "copy"  # the text is another stored document's: only its id, URL, outlet are kept


def content_hash(text: str) -> str:
    """Return the hash that decides whether a stored document's text changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_analysis(
    connection: sqlite3.Connection,
    analysis: Analysis,
    run_id: int | None,
    normalizer: Normalizer | None,
) -> Saved:
    """Write a document and all found in it, or record it as a copy of a stored document.

    normalizer None: the database predates copies (opened with fewer migrations), so documents
    are stored as they come, as the hadath of that schema did.
    """
    document = analysis.document
    digest = content_hash(document.text)
    stored = recorded_hash(connection, "documents", document.id)
    copied = (
        None if normalizer is None else recorded_hash(connection, "document_copies", document.id)
    )
    if digest in (stored, copied):
        return Saved.UNCHANGED
    _check_analysis(analysis)
    if run_id is not None:
        require_run(connection, run_id)
    # A new text under a known id: forget the old version first (its fingerprint, buckets and
    # copies go with it), so that the new text is never found to be a copy of itself.
    if stored is not None:
        _delete_document(connection, document.id)
    if copied is not None:
        delete_copy(connection, document.id)
    if normalizer is None:
        return _store(connection, analysis, digest, run_id, replacing=stored is not None)
    found = fingerprint(document.text, normalizer)
    original = find_original(connection, found, normalizer)
    if original is not None:
        insert_copy(connection, document, original, digest, run_id)
        return Saved.COPY
    saved = _store(connection, analysis, digest, run_id, replacing=stored is not None)
    insert_fingerprint(connection, document.id, found)
    return saved


def _store(
    connection: sqlite3.Connection,
    analysis: Analysis,
    digest: str,
    run_id: int | None,
    *,
    replacing: bool,
) -> Saved:
    """Write a document (any older version already deleted) and all found in it."""
    _insert_document(connection, analysis.document, digest, run_id)
    _insert_search_entry(connection, analysis)
    _upsert_actors(connection, analysis.actors)
    _insert_mentions(connection, analysis)
    _insert_events(connection, analysis)
    _insert_quotes(connection, analysis)
    return Saved.REPLACED if replacing else Saved.STORED


def require_run(connection: sqlite3.Connection, run_id: int) -> None:
    """Refuse a run id that start_run did not hand out."""
    if connection.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
        raise StoreError(f"run {run_id} does not exist: start one with Store.start_run(command)")


def insert_run(connection: sqlite3.Connection, command: str) -> int:
    """Record the start of a run of `command` and return its id."""
    cursor = connection.execute(
        "INSERT INTO runs (started_at, command) VALUES (?, ?)", (_now(), command)
    )
    return int(cursor.lastrowid or 0)


def finish_run(
    connection: sqlite3.Connection,
    run_id: int,
    documents: int,
    events: int,
    failures: int,
    skipped: int,
    copies: int | None = None,
) -> None:
    """Record the end of a run and its tallies (copies: documents recorded as copies; None
    leaves the column alone, for a database that predates copies)."""
    require_run(connection, run_id)
    connection.execute(
        "UPDATE runs SET finished_at = ?, documents = ?, events = ?, failures = ?,"
        " skipped = ? WHERE id = ?",
        (_now(), documents, events, failures, skipped, run_id),
    )
    if copies is not None:
        connection.execute("UPDATE runs SET copies = ? WHERE id = ?", (copies, run_id))


def insert_failure(connection: sqlite3.Connection, run_id: int | None, failure: Failure) -> None:
    """Record a document that could not be read or coded (run_id None: outside a run)."""
    if run_id is not None:
        require_run(connection, run_id)
    connection.execute(
        "INSERT INTO failures (run_id, source, reason, error, document_id, at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (run_id, failure.source, failure.reason, failure.error, failure.document_id, _now()),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _check_analysis(analysis: Analysis) -> None:
    """Refuse offsets outside the text and malformed event dates before anything is written."""
    document = analysis.document
    size = len(document.text)
    spans: list[tuple[str, Span]] = [("token", t.span) for t in analysis.tokens]
    spans += [("mention", m.span) for m in analysis.mentions]
    spans += [("quote", q.span) for q in analysis.quotes]
    spans += [("quote cue", q.cue) for q in analysis.quotes if q.cue is not None]
    spans += [("event evidence", e.evidence) for e in analysis.events]
    spans += [("event trigger", e.trigger) for e in analysis.events]
    for what, span in spans:
        if span.end > size:
            raise StoreError(
                f"document {document.id!r}: {what} span [{span.start}, {span.end}) lies outside"
                f" its text of {size} characters; offsets must point into Document.text"
            )
    for event in analysis.events:
        if event.date is not None and not _valid_date(event.date.value, event.date.precision):
            raise StoreError(
                f"document {document.id!r}: event {event.type} has date {event.date.value!r} with"
                f" precision {event.date.precision!r}; expected YYYY, YYYY-MM or YYYY-MM-DD"
                " matching the precision"
            )


def _valid_date(value: str, precision: str) -> bool:
    return bool(ISO_PREFIX.fullmatch(value)) and _PRECISION_LENGTH.get(precision) == len(value)


def _delete_document(connection: sqlite3.Connection, document_id: str) -> None:
    """Delete a document; mentions, events, event actors and quotes go with it (cascade)."""
    # documents_fts is matched on document_id by a scan; replacing a document is rare enough.
    connection.execute("DELETE FROM documents_fts WHERE document_id = ?", (document_id,))
    connection.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def _insert_document(
    connection: sqlite3.Connection, document: Document, digest: str, run_id: int | None
) -> None:
    connection.execute(
        "INSERT INTO documents (id, title, url, outlet, published, published_precision,"
        " published_source, language, source, text, content_hash, images, ingested_at, run_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document.id,
            document.title,
            document.url,
            document.outlet,
            document.published,
            document.published_precision,
            document.published_source,
            document.language,
            document.source,
            document.text,
            digest,
            _json(list(document.images)),
            _now(),
            run_id,
        ),
    )


def _insert_search_entry(connection: sqlite3.Connection, analysis: Analysis) -> None:
    words = [token for token in analysis.tokens if token.is_word]
    connection.execute(
        "INSERT INTO documents_fts (document_id, title, body, word_spans) VALUES (?, ?, ?, ?)",
        (
            analysis.document.id,
            analysis.document.title or "",
            " ".join(token.stem for token in words),
            json.dumps([[t.span.start, t.span.end] for t in words], separators=(",", ":")),
        ),
    )


def _upsert_actors(connection: sqlite3.Connection, actors: Sequence[Actor]) -> None:
    connection.executemany(
        "INSERT INTO actors (id, name, kind, country, aliases, wikidata, arabic, roles)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
        " kind = excluded.kind, country = excluded.country, aliases = excluded.aliases,"
        " wikidata = excluded.wikidata, arabic = excluded.arabic, roles = excluded.roles",
        [
            (
                actor.id,
                actor.name,
                actor.kind,
                actor.country,
                _json(list(actor.aliases)),
                actor.wikidata,
                _json(list(actor.arabic)),
                _json(
                    [
                        {"office": r.office, "country": r.country, "start": r.start, "end": r.end}
                        for r in actor.roles
                    ]
                ),
            )
            for actor in actors
        ],
    )


def _insert_mentions(connection: sqlite3.Connection, analysis: Analysis) -> None:
    text = analysis.document.text
    connection.executemany(
        'INSERT INTO mentions (document_id, "start", "end", kind, actor_id, score, rule, text)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                analysis.document.id,
                m.span.start,
                m.span.end,
                m.kind,
                m.actor_id,
                m.score,
                m.rule,
                m.span.of(text),
            )
            for m in analysis.mentions
        ],
    )


def _insert_events(connection: sqlite3.Connection, analysis: Analysis) -> None:
    document = analysis.document
    for identifier, event in event_ids(document.id, analysis.events):
        connection.execute(
            "INSERT INTO events (id, document_id, type, mode, context, date, date_precision,"
            " date_source, historical, negated, place, dead, injured, evidence_start,"
            " evidence_end, evidence_text, trigger_start, trigger_end, trigger_text, rule,"
            " confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                identifier,
                document.id,
                event.type,
                event.mode,
                _json(list(event.context)),
                event.date.value if event.date else None,
                event.date.precision if event.date else None,
                event.date_source,
                int(event.historical),
                int(event.negated),
                event.place,
                event.dead,
                event.injured,
                event.evidence.start,
                event.evidence.end,
                event.evidence.of(document.text),
                event.trigger.start,
                event.trigger.end,
                event.trigger.of(document.text),
                event.rule,
                event.confidence,
            ),
        )
        links = [(identifier, a, "actor", i) for i, a in enumerate(event.actors)]
        links += [(identifier, a, "recipient", i) for i, a in enumerate(event.recipients)]
        connection.executemany(
            "INSERT INTO event_actors (event_id, actor_id, role, position) VALUES (?, ?, ?, ?)",
            links,
        )


def _insert_quotes(connection: sqlite3.Connection, analysis: Analysis) -> None:
    connection.executemany(
        'INSERT INTO quotes (document_id, "start", "end", speaker_actor_id, cue_start, cue_end,'
        " text) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                analysis.document.id,
                q.span.start,
                q.span.end,
                q.speaker_actor_id,
                q.cue.start if q.cue else None,
                q.cue.end if q.cue else None,
                q.text,
            )
            for q in analysis.quotes
        ],
    )

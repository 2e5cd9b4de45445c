"""Copies in the store: text fingerprints, their LSH buckets, and the copies recorded against a
stored document (hadath.fingerprint says when two texts are one article).

Each function runs inside a transaction the caller holds. Fingerprint, bucket and copy rows
reference documents with ON DELETE CASCADE: deleting or replacing a document takes them along.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from hadath.fingerprint import Fingerprint, fingerprint, near_identical
from hadath.model import Document
from hadath.normalize import Normalizer

# Stored documents compared with a new text at most: those sharing the most buckets with it. A
# copy shares most of its 16 buckets; only texts built around one large shared block (the same
# long disclaimer under every short item) would offer more candidates than this.
MAX_CANDIDATES = 16
_COPY_COLUMNS = (
    "id, document_id, title, url, outlet, published, source, similarity, match, run_id, first_seen"
)


@dataclass(frozen=True, slots=True)
class Original:
    """The stored document a new text is a copy of, and how alike they are."""

    document_id: str
    similarity: float
    match: str  # 'exact': the same normalised words; 'near': near-identical


@dataclass(frozen=True, slots=True)
class CopyRecord:
    """One publication of a stored document under another id: its own id, URL and outlet."""

    id: str
    document_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    source: str | None
    similarity: float
    match: str
    run_id: int | None
    first_seen: str


# Document id -> the copies recorded against it (its other publications).
Copies = Mapping[str, Sequence[CopyRecord]]


def insert_fingerprint(
    connection: sqlite3.Connection, document_id: str, found: Fingerprint
) -> None:
    """Record a stored document's fingerprint and buckets (a text without words gets none)."""
    if not found.words:
        return
    connection.execute(
        "INSERT INTO document_fingerprints (document_id, exact, words) VALUES (?, ?, ?)",
        (document_id, found.exact, len(found.words)),
    )
    connection.executemany(
        "INSERT OR IGNORE INTO document_buckets (bucket, document_id) VALUES (?, ?)",
        [(bucket, document_id) for bucket in found.buckets],
    )


def find_original(
    connection: sqlite3.Connection, found: Fingerprint, normalizer: Normalizer
) -> Original | None:
    """Return the stored document this text is a copy of (the most alike, then the oldest)."""
    if not found.words:
        return None
    row = connection.execute(
        "SELECT document_id FROM document_fingerprints WHERE exact = ? ORDER BY rowid LIMIT 1",
        (found.exact,),
    ).fetchone()
    if row is not None:
        return Original(str(row[0]), 1.0, "exact")
    best: Original | None = None
    for document_id, text in _candidates(connection, found):
        score = near_identical(found, fingerprint(text, normalizer, lookup=False))
        if score is not None and (best is None or score > best.similarity):
            best = Original(document_id, score, "near")
    return best


def _candidates(connection: sqlite3.Connection, found: Fingerprint) -> list[tuple[str, str]]:
    """Return (id, text) of the stored documents sharing the most buckets with the text."""
    if not found.buckets:
        return []
    rows = connection.execute(
        "SELECT d.id, d.text FROM (SELECT document_id, count(*) AS shared FROM document_buckets"
        " WHERE bucket IN (SELECT value FROM json_each(?)) GROUP BY document_id) AS b"
        " JOIN documents AS d ON d.id = b.document_id ORDER BY b.shared DESC, d.rowid LIMIT ?",
        (json.dumps(list(found.buckets)), MAX_CANDIDATES),
    ).fetchall()
    return [(str(row[0]), str(row[1])) for row in rows]


def recorded_hash(
    connection: sqlite3.Connection, table: Literal["documents", "document_copies"], ident: str
) -> str | None:
    """Return the content hash a stored document (or a recorded copy) has under an id, or None
    if the table holds no such id."""
    row = connection.execute(f"SELECT content_hash FROM {table} WHERE id = ?", (ident,)).fetchone()
    return None if row is None else str(row[0])


def delete_copy(connection: sqlite3.Connection, copy_id: str) -> None:
    """Forget a recorded copy (its id now carries another text)."""
    connection.execute("DELETE FROM document_copies WHERE id = ?", (copy_id,))


def insert_copy(
    connection: sqlite3.Connection,
    document: Document,
    original: Original,
    digest: str,
    run_id: int | None,
) -> None:
    """Record a document as a copy of a stored one: its id, URL, outlet and dates, not its text."""
    connection.execute(
        "INSERT INTO document_copies (id, document_id, title, url, outlet, published,"
        " published_precision, published_source, source, content_hash, similarity, match,"
        " run_id, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document.id,
            original.document_id,
            document.title,
            document.url,
            document.outlet,
            document.published,
            document.published_precision,
            document.published_source,
            document.source,
            digest,
            original.similarity,
            original.match,
            run_id,
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    )


def select_copies(
    connection: sqlite3.Connection, document_ids: Sequence[str]
) -> dict[str, list[CopyRecord]]:
    """Return the copies recorded against each of these stored documents, first seen first;
    documents with none are left out."""
    rows = connection.execute(
        f"SELECT {_COPY_COLUMNS} FROM document_copies"
        " WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY first_seen, rowid",
        (json.dumps(list(document_ids)),),
    ).fetchall()
    found: dict[str, list[CopyRecord]] = {}
    for row in rows:
        copy = CopyRecord(*row)
        found.setdefault(copy.document_id, []).append(copy)
    return found


def backfill(connection: sqlite3.Connection, normalizer: Normalizer) -> None:
    """Fingerprint every stored document that has no fingerprint yet."""
    rows = connection.execute(
        "SELECT id, text FROM documents WHERE id NOT IN"
        " (SELECT document_id FROM document_fingerprints) ORDER BY rowid"
    ).fetchall()
    for document_id, text in rows:
        insert_fingerprint(connection, str(document_id), fingerprint(str(text), normalizer))

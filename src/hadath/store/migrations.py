"""Schema migrations: ordered, named functions; `schema_migrations` records the applied names.

A migration is never edited once released: a change to the schema is a new function appended to
MIGRATIONS. Each migration runs in its own transaction together with the row that records it, so
a database is always at a well-defined point of this list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from importlib import resources

from hadath.errors import StoreError
from hadath.normalize import load_normalizer
from hadath.store.copies import backfill

MigrationFunction = Callable[[sqlite3.Connection], None]
Migration = tuple[str, MigrationFunction]

_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
)
"""


def statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (trigger bodies stay whole)."""
    found: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    if pending.strip() and not _only_comments(pending):
        raise StoreError(f"incomplete SQL statement in migration script: {pending.strip()[:80]!r}")
    return found


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())


def run_script(connection: sqlite3.Connection, script: str) -> None:
    """Execute every statement of a script inside the caller's transaction."""
    # executescript() would COMMIT first and break the one-transaction-per-migration rule.
    for statement in statements(script):
        connection.execute(statement)


def initial(connection: sqlite3.Connection) -> None:
    """Create the tables (DDL shipped in schema.sql)."""
    script = resources.files("hadath.store").joinpath("schema.sql").read_text(encoding="utf-8")
    run_script(connection, script)


def indexes(connection: sqlite3.Connection) -> None:
    """Add the indexes behind the event, actor, search and failure queries."""
    run_script(
        connection,
        """
        CREATE INDEX events_date ON events (date);
        CREATE INDEX events_document ON events (document_id);
        CREATE INDEX events_type ON events (type);
        CREATE INDEX event_actors_actor ON event_actors (actor_id, role);
        CREATE INDEX mentions_document ON mentions (document_id);
        CREATE INDEX mentions_actor ON mentions (actor_id);
        CREATE INDEX quotes_document ON quotes (document_id);
        CREATE INDEX quotes_speaker ON quotes (speaker_actor_id);
        CREATE INDEX documents_published ON documents (published);
        CREATE INDEX documents_run ON documents (run_id);
        CREATE INDEX failures_run ON failures (run_id);
        """,
    )


def views(connection: sqlite3.Connection) -> None:
    """Add readable views: one row per event and per quote, with names instead of ids."""
    run_script(
        connection,
        """
        CREATE VIEW event_view AS
        SELECT
            e.id AS id,
            e.document_id AS document_id,
            d.title AS document_title,
            d.outlet AS outlet,
            d.published AS published,
            e.type AS type,
            e.mode AS mode,
            e.date AS date,
            e.date_precision AS date_precision,
            e.historical AS historical,
            e.negated AS negated,
            (SELECT group_concat(name, '; ') FROM (
                SELECT coalesce(a.name, ea.actor_id) AS name
                FROM event_actors AS ea LEFT JOIN actors AS a ON a.id = ea.actor_id
                WHERE ea.event_id = e.id AND ea.role = 'actor'
                ORDER BY ea.position)) AS actors,
            (SELECT group_concat(name, '; ') FROM (
                SELECT coalesce(a.name, ea.actor_id) AS name
                FROM event_actors AS ea LEFT JOIN actors AS a ON a.id = ea.actor_id
                WHERE ea.event_id = e.id AND ea.role = 'recipient'
                ORDER BY ea.position)) AS recipients,
            e.place AS place,
            e.dead AS dead,
            e.injured AS injured,
            e.evidence_text AS evidence_text,
            e.trigger_text AS trigger_text,
            e.rule AS rule,
            e.confidence AS confidence
        FROM events AS e JOIN documents AS d ON d.id = e.document_id;

        CREATE VIEW quote_view AS
        SELECT
            q.id AS id,
            q.document_id AS document_id,
            d.title AS document_title,
            d.outlet AS outlet,
            d.published AS published,
            q.speaker_actor_id AS speaker_actor_id,
            coalesce(a.name, q.speaker_actor_id) AS speaker,
            q.text AS text,
            q."start" AS "start",
            q."end" AS "end"
        FROM quotes AS q
        JOIN documents AS d ON d.id = q.document_id
        LEFT JOIN actors AS a ON a.id = q.speaker_actor_id;
        """,
    )


def document_copies(connection: sqlite3.Connection) -> None:
    """Add copies: fingerprints and LSH buckets of stored texts, copies with their URLs, views."""
    run_script(
        connection,
        """
        -- exact: hash of the normalised words (hadath.fingerprint); words: how many there are.
        CREATE TABLE document_fingerprints (
            document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            exact TEXT NOT NULL,
            words INTEGER NOT NULL
        );
        CREATE INDEX document_fingerprints_exact ON document_fingerprints (exact);

        -- One row per MinHash band of a long enough text: texts sharing a bucket are compared.
        CREATE TABLE document_buckets (
            bucket INTEGER NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            PRIMARY KEY (bucket, document_id)
        ) WITHOUT ROWID;
        CREATE INDEX document_buckets_document ON document_buckets (document_id);

        -- A document saved under another id whose text is the stored document's: only its own
        -- metadata is kept. similarity: share of words alike, in order (1.0 for 'exact').
        CREATE TABLE document_copies (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            title TEXT,
            url TEXT,
            outlet TEXT,
            published TEXT,
            published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
            published_source TEXT,
            source TEXT,
            content_hash TEXT NOT NULL,
            similarity REAL NOT NULL CHECK (similarity BETWEEN 0 AND 1),
            match TEXT NOT NULL CHECK (match IN ('exact', 'near')),
            run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
            first_seen TEXT NOT NULL
        );
        CREATE INDEX document_copies_document ON document_copies (document_id);

        ALTER TABLE runs ADD COLUMN copies INTEGER;

        -- Every publication of every stored document: the document itself, then its copies.
        CREATE VIEW publication_view AS
        SELECT
            d.id AS document_id,
            d.id AS id,
            0 AS copy,
            d.title AS title,
            d.outlet AS outlet,
            d.url AS url,
            d.published AS published,
            1.0 AS similarity,
            NULL AS match,
            d.ingested_at AS first_seen
        FROM documents AS d
        UNION ALL
        SELECT
            c.document_id,
            c.id,
            1,
            c.title,
            c.outlet,
            c.url,
            c.published,
            c.similarity,
            c.match,
            c.first_seen
        FROM document_copies AS c;

        -- Every stored document with how many times, where and at which URLs it was published.
        CREATE VIEW document_publications_view AS
        SELECT
            d.id AS document_id,
            d.title AS title,
            d.published AS published,
            1 + (SELECT count(*) FROM document_copies AS c WHERE c.document_id = d.id)
                AS publications,
            (SELECT group_concat(outlet, '; ') FROM (
                SELECT DISTINCT p.outlet AS outlet FROM publication_view AS p
                WHERE p.document_id = d.id AND p.outlet IS NOT NULL)) AS outlets,
            (SELECT group_concat(url, ' ') FROM (
                SELECT p.url AS url FROM publication_view AS p
                WHERE p.document_id = d.id AND p.url IS NOT NULL
                ORDER BY p.copy, p.first_seen)) AS urls
        FROM documents AS d;
        """,
    )
    backfill(connection, load_normalizer())


COPIES_MIGRATION = "0004_document_copies"
MIGRATIONS: tuple[Migration, ...] = (
    ("0001_initial", initial),
    ("0002_indexes", indexes),
    ("0003_views", views),
    (COPIES_MIGRATION, document_copies),
)


def applied(connection: sqlite3.Connection) -> tuple[str, ...]:
    """Return the names of the migrations recorded in the database, oldest first."""
    connection.execute(_LEDGER)
    rows = connection.execute("SELECT name FROM schema_migrations ORDER BY rowid").fetchall()
    return tuple(str(row[0]) for row in rows)


def migrate(
    connection: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS
) -> tuple[str, ...]:
    """Apply the missing migrations in order, each in its own transaction; return their names."""
    _check_names(migrations)
    known = {name for name, _ in migrations}
    unknown = [name for name in applied(connection) if name not in known]
    if unknown:
        raise StoreError(
            "the database has migrations this version of hadath does not know"
            f" ({', '.join(unknown)}): it was written by a newer hadath;"
            " upgrade hadath (pip install -U hadath)"
        )
    done: list[str] = []
    for name, function in migrations:
        if _apply(connection, name, function):
            done.append(name)
    return tuple(done)


def _check_names(migrations: Sequence[Migration]) -> None:
    names = [name for name, _ in migrations]
    if len(set(names)) != len(names):
        raise StoreError(f"migration names must be unique, got {names}")


def _apply(connection: sqlite3.Connection, name: str, function: MigrationFunction) -> bool:
    # IMMEDIATE takes the write lock first, so two processes opening an old file cannot both
    # apply the same migration: the second one waits, then sees it recorded.
    connection.execute("BEGIN IMMEDIATE")
    try:
        present = connection.execute(
            "SELECT 1 FROM schema_migrations WHERE name = ?", (name,)
        ).fetchone()
        if present is None:
            function(connection)
            connection.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        connection.execute("COMMIT")
    except Exception as exc:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise StoreError(
            f"schema migration {name} failed and was rolled back: {exc}; the database is left at"
            " the previous migration — check the file is a hadath store and not read-only"
        ) from exc
    return present is None

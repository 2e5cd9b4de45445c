"""The SQLite store: one file, WAL, one writer; plain tables and views any SQLite client can read.

Re-saving a document whose id and text are already stored is a no-op. Saving a document under a
stored id with different text replaces it: the old version's mentions, events (with their actor
links), quotes and search entry are deleted and the new ones written, in one transaction. Actors
are upserted: the latest description of an actor id wins; actors are never deleted, since other
documents may refer to them.

A document under a new id whose text is a copy of a stored document's (hadath.fingerprint: the
same words once spacing, vowel marks, punctuation and letter variants are folded, or a
near-identical text) is not stored again: its id, URL, outlet and dates are recorded as a copy of
the stored one, which keeps the one set of events. Replacing a stored document's text drops the
copies recorded against the old text, since that text is no longer stored; saving them again
files them anew.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType
from typing import Any

from hadath.errors import HadathError, StoreError
from hadath.model import Actor, Analysis, Document, Failure
from hadath.normalize import Normalizer, load_normalizer
from hadath.store import read, write
from hadath.store.copies import CopyRecord, select_copies
from hadath.store.migrations import COPIES_MIGRATION, MIGRATIONS, Migration, applied, migrate
from hadath.store.records import (
    EventRecord,
    RunRecord,
    SearchHit,
    actor_record,
    document_record,
    event_record,
    search_hit,
)


class Store:
    """A hadath database: documents, their analyses, actors, runs and failures.

    Open it with Store.open(path); use it as a context manager or call close().
    """

    def __init__(
        self, connection: sqlite3.Connection, path: str, normalizer: Normalizer | None = None
    ) -> None:
        self._connection: sqlite3.Connection | None = connection
        self._path = path
        self._lock = threading.RLock()
        # Fingerprints of texts (finding copies) fold text as the rest of hadath does; None when
        # the database was opened without the copies migration and so has no copy tables.
        self._normalizer = normalizer

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        timeout: float = 5.0,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        """Open (creating and migrating as needed) the store at `path`; ':memory:' works too."""
        target = str(path)
        if target != ":memory:" and not target.startswith("file:"):
            _make_parent(Path(target))
        try:
            # isolation_level None: transactions are explicit (BEGIN IMMEDIATE for writes).
            # check_same_thread False: a server may share one store; self._lock serialises use.
            connection = sqlite3.connect(
                target,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
                uri=target.startswith("file:"),
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {target}: {exc}; check the path") from exc
        try:
            _configure(connection, timeout)
            migrate(connection, migrations)
        except StoreError:
            connection.close()
            raise
        except sqlite3.Error as exc:
            connection.close()
            raise StoreError(
                f"{target} cannot be opened as a hadath store: {exc}; check that it is an SQLite"
                " file written by hadath, or choose another path"
            ) from exc
        with_copies = COPIES_MIGRATION in {name for name, _ in migrations}
        return cls(connection, target, load_normalizer() if with_copies else None)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def path(self) -> str:
        """The path the store was opened with."""
        return self._path

    def close(self) -> None:
        """Close the database; closing twice is harmless."""
        with self._lock:
            if self._connection is None:
                return
            # Statistics are a nicety; closing must not fail because of them.
            with suppress(sqlite3.Error):
                self._connection.execute("PRAGMA optimize")
            self._connection.close()
            self._connection = None

    def journal_mode(self) -> str:
        """Return SQLite's journal mode ('wal' for a file store)."""
        with self._transaction("cannot read the journal mode", write=False) as conn:
            return str(conn.execute("PRAGMA journal_mode").fetchone()[0])

    def applied_migrations(self) -> tuple[str, ...]:
        """Return the names of the schema migrations applied to this database, oldest first."""
        with self._transaction("cannot read schema_migrations", write=False) as conn:
            return applied(conn)

    # -- writing -------------------------------------------------------------------------

    def put(self, analysis: Analysis, run_id: int | None = None) -> write.Saved:
        """Store a document and all found in it, or record it as a copy; say which was done."""
        what = f"could not save document {analysis.document.id!r}"
        with self._transaction(what, write=True) as conn:
            return write.save_analysis(conn, analysis, run_id, self._normalizer)

    def save(self, analysis: Analysis, run_id: int | None = None) -> bool:
        """Store a document as put does; False if its text was already stored (or is a copy)."""
        return self.put(analysis, run_id) in (write.Saved.STORED, write.Saved.REPLACED)

    def start_run(self, command: str) -> int:
        """Record the start of a run of `command` and return its id."""
        with self._transaction("could not record the run", write=True) as conn:
            return write.insert_run(conn, command)

    def finish_run(
        self,
        run_id: int,
        documents: int,
        events: int,
        failures: int,
        skipped: int,
        copies: int | None = None,
    ) -> None:
        """Record the end of a run and its tallies (copies: documents recorded as copies)."""
        with self._transaction(f"could not finish run {run_id}", write=True) as conn:
            if self._normalizer is None:
                copies = None  # a database without the copies migration has no such column
            write.finish_run(conn, run_id, documents, events, failures, skipped, copies)

    def record_failure(self, run_id: int | None, failure: Failure) -> None:
        """Record a document that could not be read or coded (run_id None: outside a run)."""
        with self._transaction("could not record the failure", write=True) as conn:
            write.insert_failure(conn, run_id, failure)

    # -- reading -------------------------------------------------------------------------

    def failures(self, run_id: int | None = None) -> list[Failure]:
        """Return the recorded failures, of one run or (run_id None) of all, oldest first."""
        with self._transaction("cannot read failures", write=False) as conn:
            rows = read.select_failures(conn, run_id)
        return [Failure(*row) for row in rows]

    def runs(self) -> list[RunRecord]:
        """Return every recorded run, oldest first."""
        with self._transaction("cannot read runs", write=False) as conn:
            rows = read.select_runs(conn)
        return [RunRecord(*row) for row in rows]

    def document(self, document_id: str) -> Document | None:
        """Return the stored document with this id, or None."""
        with self._transaction("cannot read the document", write=False) as conn:
            row = read.select_document(conn, document_id)
        return None if row is None else document_record(row)

    def copies(self, document_id: str) -> list[CopyRecord]:
        """Return the copies of a stored document (ids, URLs, outlets), first seen first."""
        return self.copies_of([document_id]).get(document_id, [])

    def copies_of(self, document_ids: Iterable[str]) -> dict[str, list[CopyRecord]]:
        """Return the copies of each of these stored documents, by document id; documents
        with no copy are left out."""
        with self._transaction("cannot read copies", write=False) as conn:
            return select_copies(conn, list(dict.fromkeys(document_ids)))

    def actors(self, identifiers: Iterable[str]) -> dict[str, Actor]:
        """Return the stored actors with these ids, by id (ids the store does not describe are
        left out)."""
        with self._transaction("cannot read actors", write=False) as conn:
            rows = read.select_actors(conn, sorted(set(identifiers)))
        return {row["id"]: actor_record(row) for row in rows}

    def counts(self) -> dict[str, int]:
        """Return the number of rows of each main table."""
        with self._transaction("cannot count rows", write=False) as conn:
            return read.count_rows(conn)

    def events(
        self,
        actor: str | None = None,
        type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> list[EventRecord]:
        """Return stored events matching every filter given, ordered by date then document."""
        wanted = read.EventFilter.of(actor, type, date_from, date_to, limit)
        with self._transaction("cannot read events", write=False) as conn:
            rows, participants = read.select_events(conn, wanted)
        return [event_record(row, participants) for row in rows]

    def search(self, terms: Sequence[str], limit: int = 20) -> list[SearchHit]:
        """Find documents holding every (already normalised) stem term, best match first."""
        terms = read.as_terms(terms)
        expression = read.match_expression(terms)
        if not expression:
            return []
        count = read.row_limit(limit)
        if count == 0:
            return []
        with self._transaction("cannot search", write=False) as conn:
            rows = read.select_search(conn, expression, count)
        return [search_hit(row, terms) for row in rows]

    def query(
        self, sql: str, parameters: Sequence[object] | Mapping[str, object] = ()
    ) -> list[dict[str, Any]]:
        """Run one read-only SQL statement (tables and views) and return its rows as dicts."""
        with self._transaction("query failed", write=False) as conn:
            return read.read_only(conn, sql, parameters)

    # -- plumbing ------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, what: str, *, write: bool) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._connection is None:
                raise StoreError(f"{what}: the store is closed; open it again with Store.open")
            conn = self._connection
            try:
                # IMMEDIATE takes the write lock up front: a writer never fails half-way
                # because another process started writing after it began.
                conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            except sqlite3.Error as exc:
                raise StoreError(f"{what}: {exc}{_hint(exc)}") from exc
            try:
                yield conn
            except BaseException as exc:
                _rollback(conn)
                if isinstance(exc, HadathError) or not isinstance(exc, Exception):
                    raise
                undone = "; the transaction was rolled back and nothing stored before was changed"
                raise StoreError(f"{what}: {exc}{_hint(exc)}{undone if write else ''}") from exc
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise StoreError(f"{what}: commit failed: {exc}{_hint(exc)}") from exc


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the folder for database {path}: {exc}; choose a writable path"
        ) from exc


def _configure(connection: sqlite3.Connection, timeout: float) -> None:
    connection.row_factory = sqlite3.Row
    connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.create_function("hadath_fold", 1, read.sql_fold, deterministic=True)


def _hint(exc: BaseException) -> str:
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return " (another process is writing to the database: wait, or open with a longer timeout)"
    if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
        return " (the database file is read-only: check its permissions)"
    return ""


def _rollback(connection: sqlite3.Connection) -> None:
    if connection.in_transaction:
        # SQLite may have rolled back already (e.g. after a disk error): nothing more to undo.
        with suppress(sqlite3.Error):
            connection.execute("ROLLBACK")

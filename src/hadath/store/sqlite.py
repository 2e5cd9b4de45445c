"""The SQLite store: one file, WAL, one writer; plain tables and views any SQLite client can read.

Re-saving a document whose id and text are already stored is a no-op. Saving a document under a
stored id with different text replaces it: the old version's mentions, events (with their actor
links), quotes and search entry are deleted and the new ones written, in one transaction. Actors
are upserted: the latest description of an actor id wins; actors are never deleted, since other
documents may refer to them.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any

from hadath.errors import HadathError, InvalidDateError, StoreError
from hadath.model import Actor, Analysis, Document, Event, Failure, Span
from hadath.output import event_id
from hadath.store.migrations import MIGRATIONS, Migration, applied, migrate

_ISO_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_PRECISION_LENGTH = MappingProxyType({"year": 4, "month": 7, "day": 10})
_COUNTED = ("documents", "events", "actors", "mentions", "quotes", "failures", "runs")
_WORDS_BEFORE = 8
_WORDS_AFTER = 16
_MARK_OPEN = "\x02"
_MARK_CLOSE = "\x03"
_ELLIPSIS = "…"
_READ_ONLY_ACTIONS = frozenset(
    {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
)
# Pragmas that only report, whatever their argument (a table or index name); FTS5 itself reads
# data_version while answering a MATCH.
_INFO_PRAGMAS = frozenset(
    {
        "data_version",
        "table_info",
        "table_xinfo",
        "table_list",
        "index_list",
        "index_info",
        "index_xinfo",
        "foreign_key_list",
        "database_list",
        "compile_options",
    }
)
# Pragmas that report without an argument but change a setting with one.
_SETTING_PRAGMAS = frozenset(
    {
        "journal_mode",
        "user_version",
        "schema_version",
        "page_count",
        "page_size",
        "foreign_keys",
        "freelist_count",
    }
)


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


def content_hash(text: str) -> str:
    """Return the hash that decides whether a stored document's text changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def match_expression(terms: Sequence[str]) -> str:
    """Quote normalised terms as FTS5 phrases joined by AND, so no term is read as syntax."""
    if isinstance(terms, str):
        terms = (terms,)
    phrases = []
    for term in terms:
        # FTS5 ends a string at NUL, which would leave the quote open.
        cleaned = term.replace("\x00", " ").strip()
        if cleaned:
            phrases.append('"' + cleaned.replace('"', '""') + '"')
    return " ".join(phrases)


class Store:
    """A hadath database: documents, their analyses, actors, runs and failures.

    Open it with Store.open(path); use it as a context manager or call close().
    """

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._connection: sqlite3.Connection | None = connection
        self._path = path
        self._lock = threading.RLock()

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
        except (sqlite3.Error, StoreError) as exc:
            connection.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(
                f"{target} cannot be opened as a hadath store: {exc}; check that it is an SQLite"
                " file written by hadath, or choose another path"
            ) from exc
        return cls(connection, target)

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

    def save(self, analysis: Analysis, run_id: int | None = None) -> bool:
        """Store a document and all found in it in one transaction; False if already stored."""
        document = analysis.document
        digest = content_hash(document.text)
        what = f"could not save document {document.id!r}"
        with self._transaction(what, write=True) as conn:
            row = conn.execute(
                "SELECT content_hash FROM documents WHERE id = ?", (document.id,)
            ).fetchone()
            if row is not None and row[0] == digest:
                return False
            _check_analysis(analysis)
            if run_id is not None:
                _require_run(conn, run_id)
            if row is not None:
                _delete_document(conn, document.id)
            _insert_document(conn, document, digest, run_id)
            _insert_search_entry(conn, analysis)
            _upsert_actors(conn, analysis.actors)
            _insert_mentions(conn, analysis)
            _insert_events(conn, analysis)
            _insert_quotes(conn, analysis)
        return True

    def start_run(self, command: str) -> int:
        """Record the start of a run of `command` and return its id."""
        with self._transaction("could not record the run", write=True) as conn:
            cursor = conn.execute(
                "INSERT INTO runs (started_at, command) VALUES (?, ?)", (_now(), command)
            )
            return int(cursor.lastrowid or 0)

    def finish_run(
        self, run_id: int, documents: int, events: int, failures: int, skipped: int
    ) -> None:
        """Record the end of a run and its tallies."""
        with self._transaction(f"could not finish run {run_id}", write=True) as conn:
            _require_run(conn, run_id)
            conn.execute(
                "UPDATE runs SET finished_at = ?, documents = ?, events = ?, failures = ?,"
                " skipped = ? WHERE id = ?",
                (_now(), documents, events, failures, skipped, run_id),
            )

    def record_failure(self, run_id: int | None, failure: Failure) -> None:
        """Record a document that could not be read or coded (run_id None: outside a run)."""
        with self._transaction("could not record the failure", write=True) as conn:
            if run_id is not None:
                _require_run(conn, run_id)
            conn.execute(
                "INSERT INTO failures (run_id, source, reason, error, document_id, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    failure.source,
                    failure.reason,
                    failure.error,
                    failure.document_id,
                    _now(),
                ),
            )

    # -- reading -------------------------------------------------------------------------

    def failures(self, run_id: int | None = None) -> list[Failure]:
        """Return the recorded failures, of one run or (run_id None) of all, oldest first."""
        sql = "SELECT source, reason, error, document_id FROM failures"
        parameters: tuple[int, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            parameters = (run_id,)
        with self._transaction("cannot read failures", write=False) as conn:
            rows = conn.execute(sql + " ORDER BY id", parameters).fetchall()
        return [Failure(r[0], r[1], r[2], r[3]) for r in rows]

    def runs(self) -> list[RunRecord]:
        """Return every recorded run, oldest first."""
        with self._transaction("cannot read runs", write=False) as conn:
            rows = conn.execute(
                "SELECT id, started_at, finished_at, command, documents, events, failures,"
                " skipped FROM runs ORDER BY id"
            ).fetchall()
        return [RunRecord(*row) for row in rows]

    def document(self, document_id: str) -> Document | None:
        """Return the stored document with this id, or None."""
        with self._transaction("cannot read the document", write=False) as conn:
            row = conn.execute(
                "SELECT id, text, title, url, outlet, published, published_precision,"
                " published_source, language, source, images FROM documents WHERE id = ?",
                (document_id,),
            ).fetchone()
        if row is None:
            return None
        return Document(
            id=row["id"],
            text=row["text"],
            title=row["title"],
            url=row["url"],
            outlet=row["outlet"],
            published=row["published"],
            published_precision=row["published_precision"],
            published_source=row["published_source"],
            language=row["language"],
            source=row["source"],
            images=tuple(json.loads(row["images"])),
        )

    def counts(self) -> dict[str, int]:
        """Return the number of rows of each main table."""
        with self._transaction("cannot count rows", write=False) as conn:
            return {
                table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in _COUNTED
            }

    def events(
        self,
        actor: str | None = None,
        type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> list[EventRecord]:
        """Return stored events matching every filter given, ordered by date then document."""
        count = _limit(limit)
        start = _date_bound(date_from, "date_from", "-01-01")
        end = _date_bound(date_to, "date_to", "-12-99")
        clauses: list[str] = []
        parameters: list[object] = []
        if type is not None:
            clauses.append("e.type = ?")
            parameters.append(type.strip())
        if start is not None:
            clauses.append(
                "e.date IS NOT NULL AND e.date || substr('-01-01', length(e.date) - 3) >= ?"
            )
            parameters.append(start)
        if end is not None:
            clauses.append(
                "e.date IS NOT NULL AND e.date || substr('-12-99', length(e.date) - 3) <= ?"
            )
            parameters.append(end)
        with self._transaction("cannot read events", write=False) as conn:
            if actor is not None:
                clauses.append(
                    "e.id IN (SELECT event_id FROM event_actors"
                    " WHERE actor_id IN (SELECT value FROM json_each(?)))"
                )
                parameters.append(json.dumps(_actor_ids(conn, actor)))
            where = " WHERE " + " AND ".join(f"({c})" for c in clauses) if clauses else ""
            rows = conn.execute(
                _EVENT_SELECT + where + _EVENT_ORDER + " LIMIT ?",
                (*parameters, count),
            ).fetchall()
            participants = _participants(conn, [row["id"] for row in rows])
        return [_event_record(row, participants) for row in rows]

    def search(self, terms: Sequence[str], limit: int = 20) -> list[SearchHit]:
        """Find documents holding every (already normalised) stem term, best match first."""
        if isinstance(terms, str):
            terms = (terms,)
        expression = match_expression(terms)
        if not expression or _limit(limit) == 0:
            return []
        with self._transaction("cannot search", write=False) as conn:
            rows = conn.execute(
                "SELECT documents_fts.document_id, d.title, d.published, d.text,"
                " documents_fts.body, documents_fts.word_spans,"
                " bm25(documents_fts, 0.0, 2.0, 1.0, 0.0) AS score,"
                f" snippet(documents_fts, 2, '{_MARK_OPEN}', '{_MARK_CLOSE}', '{_ELLIPSIS}', 24)"
                " FROM documents_fts JOIN documents AS d ON d.id = documents_fts.document_id"
                " WHERE documents_fts MATCH ? ORDER BY score LIMIT ?",
                (expression, _limit(limit)),
            ).fetchall()
        return [_search_hit(row, terms) for row in rows]

    def query(
        self, sql: str, parameters: Sequence[object] | Mapping[str, object] = ()
    ) -> list[dict[str, Any]]:
        """Run one read-only SQL statement (tables and views) and return its rows as dicts."""
        with self._transaction("query failed", write=False) as conn:
            conn.set_authorizer(_read_only)
            try:
                cursor = conn.execute(sql, parameters)
                names = [column[0] for column in cursor.description or ()]
                return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            finally:
                conn.set_authorizer(None)

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


_EVENT_SELECT = """
SELECT e.*, d.title AS document_title, d.outlet AS outlet, d.published AS published
FROM events AS e JOIN documents AS d ON d.id = e.document_id"""

_EVENT_ORDER = """
ORDER BY e.date IS NULL, e.date, d.published, e.document_id, e.evidence_start, e.trigger_start,
    e.id"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the folder for database {path}: {exc}; choose a writable path"
        ) from exc


def _fold(text: str) -> str:
    """Fold text for case- and spacing-insensitive comparison."""
    return " ".join(text.split()).casefold()


def _sql_fold(value: Any) -> Any:
    """SQL function hadath_fold: fold text values, pass others through."""
    return _fold(value) if isinstance(value, str) else value


def _configure(connection: sqlite3.Connection, timeout: float) -> None:
    connection.row_factory = sqlite3.Row
    connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.create_function("hadath_fold", 1, _sql_fold, deterministic=True)


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


def _read_only(
    action: int, arg1: str | None, arg2: str | None, db: str | None, source: str | None
) -> int:
    """Authorise reading statements only (used by Store.query)."""
    if action in _READ_ONLY_ACTIONS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master":
        # Declaring a table-valued pragma (pragma_table_info) reports this on first use; SQLite
        # itself refuses real writes to sqlite_master without writable_schema, denied here.
        return sqlite3.SQLITE_OK
    if action != sqlite3.SQLITE_PRAGMA:
        return sqlite3.SQLITE_DENY
    name = (arg1 or "").lower()
    reading = name in _INFO_PRAGMAS or (name in _SETTING_PRAGMAS and arg2 is None)
    return sqlite3.SQLITE_OK if reading else sqlite3.SQLITE_DENY


def _limit(limit: int | None) -> int:
    if limit is None:
        return -1
    if limit < 0:
        raise ValueError(f"limit must be 0 or more (or None for no limit), got {limit}")
    return limit


def _date_bound(value: str | None, name: str, padding: str) -> str | None:
    """Turn an ISO prefix into the first (or last) day it covers, as comparable text."""
    if value is None:
        return None
    if not _ISO_PREFIX.fullmatch(value):
        raise InvalidDateError(
            f"{name} {value!r} is not an ISO date: use YYYY, YYYY-MM or YYYY-MM-DD"
        )
    return value + padding[len(value) - 4 :]


def _require_run(connection: sqlite3.Connection, run_id: int) -> None:
    if connection.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
        raise StoreError(f"run {run_id} does not exist: start one with Store.start_run(command)")


# -- checking and writing an analysis ----------------------------------------------------


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
    return bool(_ISO_PREFIX.fullmatch(value)) and _PRECISION_LENGTH.get(precision) == len(value)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


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


def event_ids(document_id: str, events: Sequence[Event]) -> list[tuple[str, Event]]:
    """Pair each distinct event with its stored id (hadath.output.event_id, suffixed on clashes).

    Exact duplicates are stored once; two different events with the same type and trigger
    share an event_id, so the later ones get '-2', '-3'… to keep the primary key unique.
    """
    seen: set[Event] = set()
    used: dict[str, int] = {}
    paired: list[tuple[str, Event]] = []
    for event in events:
        if event in seen:
            continue
        seen.add(event)
        base = event_id(document_id, event)
        used[base] = used.get(base, 0) + 1
        paired.append((base if used[base] == 1 else f"{base}-{used[base]}", event))
    return paired


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


# -- reading events and search hits ------------------------------------------------------


def _actor_ids(connection: sqlite3.Connection, actor: str) -> list[str]:
    """Return the ids of actors whose id, name, alias or Arabic name matches, plus the text."""
    wanted = _fold(actor)
    rows = connection.execute(
        "SELECT id FROM actors WHERE hadath_fold(id) = :q OR hadath_fold(name) = :q"
        " OR EXISTS (SELECT 1 FROM json_each(actors.aliases) WHERE hadath_fold(value) = :q)"
        " OR EXISTS (SELECT 1 FROM json_each(actors.arabic) WHERE hadath_fold(value) = :q)",
        {"q": wanted},
    ).fetchall()
    # Events may name actor ids the actors table does not describe: match those by id too.
    return sorted({str(row[0]) for row in rows} | {actor.strip(), wanted})


def _participants(
    connection: sqlite3.Connection, identifiers: list[str]
) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Map (event id, role) to its (actor id, display name) pairs in order."""
    rows = connection.execute(
        "SELECT ea.event_id, ea.role, ea.actor_id, coalesce(a.name, ea.actor_id)"
        " FROM event_actors AS ea LEFT JOIN actors AS a ON a.id = ea.actor_id"
        " WHERE ea.event_id IN (SELECT value FROM json_each(?))"
        " ORDER BY ea.event_id, ea.role, ea.position",
        (json.dumps(identifiers),),
    ).fetchall()
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for event, role, actor_id, name in rows:
        found.setdefault((event, role), []).append((actor_id, name))
    return found


def _event_record(
    row: sqlite3.Row, participants: dict[tuple[str, str], list[tuple[str, str]]]
) -> EventRecord:
    actors = participants.get((row["id"], "actor"), [])
    recipients = participants.get((row["id"], "recipient"), [])
    return EventRecord(
        id=row["id"],
        document_id=row["document_id"],
        type=row["type"],
        mode=row["mode"],
        date=row["date"],
        date_precision=row["date_precision"],
        historical=bool(row["historical"]),
        negated=bool(row["negated"]),
        actors=tuple(name for _, name in actors),
        recipients=tuple(name for _, name in recipients),
        evidence_text=row["evidence_text"],
        rule=row["rule"],
        confidence=row["confidence"],
        document_title=row["document_title"],
        outlet=row["outlet"],
        published=row["published"],
        actor_ids=tuple(actor_id for actor_id, _ in actors),
        recipient_ids=tuple(actor_id for actor_id, _ in recipients),
        context=tuple(json.loads(row["context"])),
        date_source=row["date_source"],
        place=row["place"],
        dead=row["dead"],
        injured=row["injured"],
        evidence_start=row["evidence_start"],
        evidence_end=row["evidence_end"],
        trigger_text=row["trigger_text"],
    )


def _search_hit(row: sqlite3.Row, terms: Sequence[str]) -> SearchHit:
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
    wanted = {_fold(word) for term in terms for word in term.split()}
    matches = [i for i, word in enumerate(words) if _fold(word) in wanted]
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

"""Reading the store: the statements behind Store's read methods, and the read-only guard.

Each function runs inside a transaction the caller holds and returns rows; turning them into
records happens after the transaction (hadath.store.records).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hadath.errors import InvalidDateError
from hadath.store.records import FTS_SNIPPET, ISO_PREFIX, Participants, fold

_COUNTED = ("documents", "events", "actors", "mentions", "quotes", "failures", "runs")
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

_EVENT_SELECT = """
SELECT e.*, d.title AS document_title, d.outlet AS outlet, d.published AS published,
    d.url AS url
FROM events AS e JOIN documents AS d ON d.id = e.document_id"""

_EVENT_ORDER = """
ORDER BY e.date IS NULL, e.date, d.published, e.document_id, e.evidence_start, e.trigger_start,
    e.id"""

_SEARCH = (
    "SELECT documents_fts.document_id, d.title, d.published, d.text,"
    " documents_fts.body, documents_fts.word_spans,"
    f" bm25(documents_fts, 0.0, 2.0, 1.0, 0.0) AS score, {FTS_SNIPPET}"
    " FROM documents_fts JOIN documents AS d ON d.id = documents_fts.document_id"
    " WHERE documents_fts MATCH ? ORDER BY score LIMIT ?"
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The checked filters of Store.events: bounds are first and last days as comparable text."""

    actor: str | None
    type: str | None
    start: str | None
    end: str | None
    limit: int

    @classmethod
    def of(
        cls,
        actor: str | None,
        type: str | None,
        date_from: str | None,
        date_to: str | None,
        limit: int | None,
    ) -> EventFilter:
        """Check the filters as Store.events receives them (before any transaction starts)."""
        count = row_limit(limit)
        start = _date_bound(date_from, "date_from", "-01-01")
        end = _date_bound(date_to, "date_to", "-12-99")
        return cls(actor, type, start, end, count)


def as_terms(terms: Sequence[str]) -> Sequence[str]:
    """Treat a lone string as one term, not as a sequence of characters."""
    return (terms,) if isinstance(terms, str) else terms


def match_expression(terms: Sequence[str]) -> str:
    """Quote normalised terms as FTS5 phrases joined by AND, so no term is read as syntax."""
    phrases = []
    for term in as_terms(terms):
        # FTS5 ends a string at NUL, which would leave the quote open.
        cleaned = term.replace("\x00", " ").strip()
        if cleaned:
            phrases.append('"' + cleaned.replace('"', '""') + '"')
    return " ".join(phrases)


def row_limit(limit: int | None) -> int:
    """Turn a caller's limit into SQLite's LIMIT value (-1: none); refuse negative limits."""
    if limit is None:
        return -1
    if limit < 0:
        raise ValueError(f"limit must be 0 or more (or None for no limit), got {limit}")
    return limit


def _date_bound(value: str | None, name: str, padding: str) -> str | None:
    """Turn an ISO prefix into the first (or last) day it covers, as comparable text."""
    if value is None:
        return None
    if not ISO_PREFIX.fullmatch(value):
        raise InvalidDateError(
            f"{name} {value!r} is not an ISO date: use YYYY, YYYY-MM or YYYY-MM-DD"
        )
    return value + padding[len(value) - 4 :]


def sql_fold(value: Any) -> Any:
    """SQL function hadath_fold: fold text values, pass others through."""
    return fold(value) if isinstance(value, str) else value


def select_events(
    connection: sqlite3.Connection, wanted: EventFilter
) -> tuple[list[sqlite3.Row], Participants]:
    """Return the rows of the events matching every filter, in date order, and their actors."""
    clauses: list[str] = []
    parameters: list[object] = []
    if wanted.type is not None:
        clauses.append("e.type = ?")
        parameters.append(wanted.type.strip())
    if wanted.start is not None:
        clauses.append("e.date IS NOT NULL AND e.date || substr('-01-01', length(e.date) - 3) >= ?")
        parameters.append(wanted.start)
    if wanted.end is not None:
        clauses.append("e.date IS NOT NULL AND e.date || substr('-12-99', length(e.date) - 3) <= ?")
        parameters.append(wanted.end)
    if wanted.actor is not None:
        clauses.append(
            "e.id IN (SELECT event_id FROM event_actors"
            " WHERE actor_id IN (SELECT value FROM json_each(?)))"
        )
        parameters.append(json.dumps(_actor_ids(connection, wanted.actor)))
    where = " WHERE " + " AND ".join(f"({c})" for c in clauses) if clauses else ""
    rows = connection.execute(
        _EVENT_SELECT + where + _EVENT_ORDER + " LIMIT ?", (*parameters, wanted.limit)
    ).fetchall()
    return rows, _participants(connection, [row["id"] for row in rows])


def _actor_ids(connection: sqlite3.Connection, actor: str) -> list[str]:
    """Return the ids of actors whose id, name, alias or Arabic name matches, plus the text."""
    wanted = fold(actor)
    rows = connection.execute(
        "SELECT id FROM actors WHERE hadath_fold(id) = :q OR hadath_fold(name) = :q"
        " OR EXISTS (SELECT 1 FROM json_each(actors.aliases) WHERE hadath_fold(value) = :q)"
        " OR EXISTS (SELECT 1 FROM json_each(actors.arabic) WHERE hadath_fold(value) = :q)",
        {"q": wanted},
    ).fetchall()
    # Events may name actor ids the actors table does not describe: match those by id too.
    return sorted({str(row[0]) for row in rows} | {actor.strip(), wanted})


def _participants(connection: sqlite3.Connection, identifiers: list[str]) -> Participants:
    """Map (event id, role) to its (actor id, display name) pairs in order."""
    rows = connection.execute(
        "SELECT ea.event_id, ea.role, ea.actor_id, coalesce(a.name, ea.actor_id)"
        " FROM event_actors AS ea LEFT JOIN actors AS a ON a.id = ea.actor_id"
        " WHERE ea.event_id IN (SELECT value FROM json_each(?))"
        " ORDER BY ea.event_id, ea.role, ea.position",
        (json.dumps(identifiers),),
    ).fetchall()
    found: Participants = {}
    for event, role, actor_id, name in rows:
        found.setdefault((event, role), []).append((actor_id, name))
    return found


def select_actors(connection: sqlite3.Connection, identifiers: Sequence[str]) -> list[sqlite3.Row]:
    """Return the actors rows with these ids."""
    return connection.execute(
        "SELECT id, name, kind, country, aliases, roles, wikidata, arabic FROM actors"
        " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (json.dumps(list(identifiers)),),
    ).fetchall()


def select_search(connection: sqlite3.Connection, expression: str, limit: int) -> list[sqlite3.Row]:
    """Return the rows of the documents matching an FTS5 expression, best match first."""
    return connection.execute(_SEARCH, (expression, limit)).fetchall()


def select_document(connection: sqlite3.Connection, document_id: str) -> sqlite3.Row | None:
    """Return the documents row with this id, or None."""
    row: sqlite3.Row | None = connection.execute(
        "SELECT id, text, title, url, outlet, published, published_precision,"
        " published_source, language, source, images FROM documents WHERE id = ?",
        (document_id,),
    ).fetchone()
    return row


def select_failures(connection: sqlite3.Connection, run_id: int | None) -> list[sqlite3.Row]:
    """Return the failures rows, of one run or (run_id None) of all, oldest first."""
    sql = "SELECT source, reason, error, document_id FROM failures"
    parameters: tuple[int, ...] = ()
    if run_id is not None:
        sql += " WHERE run_id = ?"
        parameters = (run_id,)
    return connection.execute(sql + " ORDER BY id", parameters).fetchall()


def select_runs(connection: sqlite3.Connection) -> list[sqlite3.Row]:
    """Return every runs row, oldest first."""
    return connection.execute(
        "SELECT id, started_at, finished_at, command, documents, events, failures,"
        " skipped FROM runs ORDER BY id"
    ).fetchall()


def count_rows(connection: sqlite3.Connection) -> dict[str, int]:
    """Return the number of rows of each main table."""
    return {
        table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in _COUNTED
    }


def read_only(
    connection: sqlite3.Connection,
    sql: str,
    parameters: Sequence[object] | Mapping[str, object],
) -> list[dict[str, Any]]:
    """Run one statement that may only read, and return its rows as dicts."""
    connection.set_authorizer(_authorise_reading)
    try:
        cursor = connection.execute(sql, parameters)
        names = [column[0] for column in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        connection.set_authorizer(None)


def _authorise_reading(
    action: int, arg1: str | None, arg2: str | None, db: str | None, source: str | None
) -> int:
    """Authorise reading statements only (used by read_only)."""
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

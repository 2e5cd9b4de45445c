"""The store: the SQLite database behind every command (the only code that uses sqlite3)."""

from hadath.store.migrations import MIGRATIONS, Migration
from hadath.store.sqlite import (
    EventRecord,
    RunRecord,
    SearchHit,
    Store,
    content_hash,
    event_ids,
    match_expression,
)

__all__ = [
    "MIGRATIONS",
    "EventRecord",
    "Migration",
    "RunRecord",
    "SearchHit",
    "Store",
    "content_hash",
    "event_ids",
    "match_expression",
]

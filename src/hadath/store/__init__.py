"""The store: the SQLite database behind every command (the only code that uses sqlite3)."""

from hadath.output import event_ids
from hadath.store.migrations import MIGRATIONS, Migration
from hadath.store.read import match_expression
from hadath.store.records import EventRecord, RunRecord, SearchHit
from hadath.store.sqlite import Store
from hadath.store.write import content_hash

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

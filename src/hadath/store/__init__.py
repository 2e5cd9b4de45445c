"""The store: the SQLite database behind every command (the only code that uses sqlite3)."""

from hadath.output import event_ids
from hadath.store.copies import Copies, CopyRecord
from hadath.store.migrations import MIGRATIONS, Migration
from hadath.store.read import match_expression
from hadath.store.records import EventRecord, RunRecord, SearchHit
from hadath.store.sqlite import Store
from hadath.store.write import Saved, content_hash

__all__ = [
    "MIGRATIONS",
    "Copies",
    "CopyRecord",
    "EventRecord",
    "Migration",
    "RunRecord",
    "Saved",
    "SearchHit",
    "Store",
    "content_hash",
    "event_ids",
    "match_expression",
]

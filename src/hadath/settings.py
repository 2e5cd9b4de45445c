"""One frozen Settings value with every tunable limit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    """Limits and defaults shared by ingestion, the pipeline and the store."""

    max_document_bytes: int = 5_000_000
    min_arabic_share: float = 0.3
    min_text_chars: int = 20
    database: str = "hadath.db"


DEFAULT_SETTINGS = Settings()

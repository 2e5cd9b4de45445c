"""The report of gold scoring: rates, level and per-type scores, per-document detail.

hadath.evaluate fills these values; its module docstring defines every measure.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any, TypeVar

LEVELS: tuple[str, ...] = ("type", "dyad", "full")


@dataclass(frozen=True, slots=True)
class Rate:
    """Hits out of total; value is None when there is nothing to count."""

    hits: int
    total: int
    value: float | None


@dataclass(frozen=True, slots=True)
class LevelScore:
    """Precision, recall and F1 at one level (type, dyad or full), with their counts."""

    level: str
    system: int
    system_matched: int
    required: int
    required_matched: int
    optional_matched: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class TypeScore:
    """One row of the per-type table: system counts by system type, gold counts by gold type."""

    level: str
    event: str
    system: int
    system_matched: int
    required: int
    required_matched: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class MatchedPair:
    """A system event (by its index in the output) matched with a gold event."""

    system_index: int
    system_id: str | None
    system_event: str
    gold_id: str
    gold_event: str


@dataclass(frozen=True, slots=True)
class SystemRef:
    """A system event that matched nothing: its index in the output, id and type."""

    index: int
    id: str | None
    event: str


@dataclass(frozen=True, slots=True)
class LevelDetail:
    """What happened in one document at one level."""

    level: str
    matched: tuple[MatchedPair, ...]
    missed_required: tuple[str, ...]
    unmatched_system: tuple[SystemRef, ...]


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """Per-document detail for debugging."""

    doc: str
    has_output: bool
    levels: tuple[LevelDetail, ...]
    published_correct: bool | None
    quotes_missed: tuple[str, ...]

    def level(self, name: str) -> LevelDetail:
        """Return the detail for one level: 'type', 'dyad' or 'full'."""
        return _pick(self.levels, name)


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of system output against gold (hadath.evaluate's docstring defines each one)."""

    levels: tuple[LevelScore, ...]
    per_type: tuple[TypeScore, ...]
    mode: Rate
    historical: Rate
    date: Rate
    place: Rate
    dates_in_text: Rate
    published: Rate
    quotes: Rate
    documents: tuple[DocumentDetail, ...]
    unscored_outputs: tuple[str, ...] = ()

    def level(self, name: str) -> LevelScore:
        """Return the scores of one level: 'type', 'dyad' or 'full'."""
        return _pick(self.levels, name)

    def type_score(self, level: str, event: str) -> TypeScore | None:
        """Return the per-type row for a level and event type, if that type occurs."""
        for row in self.per_type:
            if row.level == level and row.event == event:
                return row
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-able data; levels keyed by name."""
        data: dict[str, Any] = _to_plain(self)
        data["levels"] = {row["level"]: row for row in data["levels"]}
        for document in data["documents"]:
            document["levels"] = {row["level"]: row for row in document["levels"]}
        return data


_Row = TypeVar("_Row", LevelScore, LevelDetail)


def _pick(rows: tuple[_Row, ...], name: str) -> _Row:
    for row in rows:
        if row.level == name:
            return row
    raise KeyError(f"unknown level {name!r}; use one of {', '.join(LEVELS)}")


def _to_plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_to_plain(item) for item in value]
    return value


def ratio(hits: int, total: int) -> float:
    """Return hits / total, or 0.0 when total is zero (precision and recall)."""
    return hits / total if total else 0.0


def f1(precision: float, recall: float) -> float:
    """Return the harmonic mean of precision and recall, 0.0 when both are zero."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def rate(hits: int, total: int) -> Rate:
    """Return hits out of total as a Rate (value None when total is zero)."""
    return Rate(hits, total, hits / total if total else None)

"""Words around casualty counts (data/events/casualties.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from hadath.lexicons.load import load_yaml, require_mapping, require_str_list
from hadath.lexicons.phrases import first_words
from hadath.tokenize import TextRules

WHERE = "events/casualties.yaml"


@dataclass(frozen=True, slots=True)
class CasualtyWords:
    """Words around a count of the dead or of the injured."""

    dead_before: frozenset[str]
    dead_after: frozenset[str]
    injured_before: frozenset[str]
    injured_after: frozenset[str]
    types: frozenset[str]  # the event types that count casualties


def load_casualty_words(rules: TextRules) -> CasualtyWords:
    """Load and check the casualty words."""
    data = require_mapping(load_yaml(WHERE), WHERE)

    def words(kind: str, side: str) -> frozenset[str]:
        entry = require_mapping(data.get(kind), f"{WHERE}: {kind}")
        return first_words(require_str_list(entry.get(side), f"{WHERE}: {kind}.{side}"), rules)

    return CasualtyWords(
        dead_before=words("dead", "before"),
        dead_after=words("dead", "after"),
        injured_before=words("injured", "before"),
        injured_after=words("injured", "after"),
        types=frozenset(require_str_list(data.get("types"), f"{WHERE}: types")),
    )

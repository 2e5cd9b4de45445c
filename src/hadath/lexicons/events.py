"""Event triggers, event markers and quote cues (data/events/, data/quotes/)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hadath.errors import LexiconError
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list
from hadath.lexicons.phrases import phrase_key
from hadath.model import EVENT_TYPES
from hadath.tokenize import TextRules

GAP = "..."
MODES: Mapping[str, frozenset[str]] = FrozenMap(
    {
        "CONSULT": frozenset({"phone", "visit", "third-party", "multilateral"}),
        "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
        "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
        "REJECT": frozenset({"assist", "change", "yield", "meet"}),
        "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
        "THREATEN": frozenset(
            {"restrict", "arrest", "relations", "expel", "territory", "violence"}
        ),
        "PROTEST": frozenset(
            {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}
        ),
        "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
        "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
        "COERCE": frozenset(
            {
                "seize",
                "restrict",
                "censor",
                "curfew",
                "martial-law",
                "arrest",
                "deport",
                "withhold",
                "misinformation",
                "cyber",
            }
        ),
        "ASSAULT": frozenset(
            {
                "aerial",
                "drone",
                "heavy-weapons",
                "explosives",
                "firearms",
                "suicide-attack",
                "targeted",
                "abduct",
                "sexual",
                "execution",
            }
        ),
    }
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: an event type and mode, and the word patterns that state it."""

    id: str
    type: str
    mode: str | None
    cameo: str | None
    reciprocal: bool
    patterns: tuple[tuple[tuple[str, ...], ...], ...]


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Triggers indexed by the stem of their first word, plus sentence markers and quote cues."""

    triggers: tuple[Trigger, ...]
    by_first_word: Mapping[str, tuple[tuple[Trigger, tuple[tuple[str, ...], ...]], ...]]
    max_gap: int
    historical: tuple[tuple[str, ...], ...]
    negated: tuple[tuple[str, ...], ...]
    not_asserted: tuple[tuple[str, ...], ...]
    cues: frozenset[str]
    tolerated_suffix: str = ""
    continuations: frozenset[str] = frozenset()
    noun_cues: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()


def _pattern(text: str, rules: TextRules) -> tuple[tuple[str, ...], ...]:
    parts = tuple(phrase_key(part.strip(), rules) for part in text.split(GAP))
    if not all(parts):
        raise LexiconError(f"events/triggers.yaml: pattern {text!r} has an empty part")
    return parts


def _trigger(raw: Any, rules: TextRules) -> Trigger:
    where = "events/triggers.yaml"
    entry = require_mapping(raw, where)
    ident, kind, mode = entry.get("id"), entry.get("type"), entry.get("mode")
    if not isinstance(ident, str) or kind not in EVENT_TYPES:
        raise LexiconError(f"{where}: {ident!r} needs an id and one of the 16 PLOVER types")
    if mode is not None and mode not in MODES.get(kind, frozenset()):
        raise LexiconError(f"{where}: {ident} mode {mode!r} is not a PLOVER mode of {kind}")
    return Trigger(
        id=ident,
        type=kind,
        mode=mode,
        cameo=str(entry["cameo"]) if entry.get("cameo") is not None else None,
        reciprocal=bool(entry.get("reciprocal", False)),
        patterns=tuple(_pattern(p, rules) for p in require_str_list(entry.get("patterns"), ident)),
    )


def _phrases(
    data: dict[str, Any], key: str, rules: TextRules, where: str
) -> tuple[tuple[str, ...], ...]:
    return tuple(phrase_key(w, rules) for w in require_str_list(data.get(key), f"{where}: {key}"))


def load_event_lexicon(rules: TextRules) -> EventLexicon:
    """Load and check triggers, markers and cues."""
    data = require_mapping(load_yaml("events/triggers.yaml"), "events/triggers.yaml")
    triggers = tuple(_trigger(raw, rules) for raw in data.get("triggers") or [])
    ids = [t.id for t in triggers]
    if len(set(ids)) != len(ids):
        raise LexiconError("events/triggers.yaml: trigger ids must be unique")
    index: dict[str, list[tuple[Trigger, tuple[tuple[str, ...], ...]]]] = {}
    for trigger in triggers:
        for pattern in trigger.patterns:
            index.setdefault(pattern[0][0], []).append((trigger, pattern))
    markers = require_mapping(load_yaml("events/markers.yaml"), "events/markers.yaml")
    cues = require_mapping(load_yaml("quotes/cues.yaml"), "quotes/cues.yaml")
    return EventLexicon(
        triggers=triggers,
        by_first_word=FrozenMap({k: tuple(v) for k, v in index.items()}),
        max_gap=int(data.get("max_gap", 6)),
        historical=_phrases(markers, "historical", rules, "events/markers.yaml"),
        negated=_phrases(markers, "negated", rules, "events/markers.yaml"),
        not_asserted=_phrases(markers, "not_asserted", rules, "events/markers.yaml"),
        cues=_cue_words(cues, "cues", rules),
        continuations=_cue_words(cues, "continuations", rules),
        noun_cues=_cue_words(cues, "noun_cues", rules),
        complementizers=_cue_words(cues, "complementizers", rules, by_norm=True),
        tolerated_suffix=str(data.get("tolerated_suffix") or ""),
    )


def _cue_words(
    data: dict[str, Any], key: str, rules: TextRules, by_norm: bool = False
) -> frozenset[str]:
    words = require_str_list(data.get(key), f"quotes/cues.yaml: {key}")
    return frozenset(k[0] for w in words if (k := phrase_key(w, rules, by_norm)))

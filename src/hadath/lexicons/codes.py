"""The codes other event-data formats give an event: CAMEO and PLOVER quad (data/events/codes.yaml).

A trigger's own `cameo` (data/events/triggers/) codes the events it finds; an event whose rule is
no trigger is coded by its type and mode from codes.yaml, so every exported event has a code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hadath.errors import LexiconError
from hadath.lexicons.events import MODES, EventLexicon
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list
from hadath.model import EVENT_TYPES

WHERE = "events/codes.yaml"
_CAMEO = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{1,2}$")  # root 01-20, then one or two digits
_QUADS = (1, 2, 3, 4)


@dataclass(frozen=True, slots=True)
class EventCodes:
    """CAMEO codes by trigger and by type and mode, PLOVER quads, and the reciprocal types."""

    by_rule: Mapping[str, str]
    by_mode: Mapping[tuple[str, str | None], str]  # (type, None) is the type's default
    quad: Mapping[str, int]
    reciprocal: frozenset[str]  # types told with every participant an actor (calls, meetings)

    def cameo(self, type: str, mode: str | None, rule: str) -> str:
        """The CAMEO code of an event: its trigger's, else its type and mode's, else its type's."""
        found = self.by_rule.get(rule) or self.by_mode.get((type, mode))
        return found or self.by_mode[(type, None)]


def root_code(code: str) -> str:
    """The two-digit CAMEO root (cue category) of a code: "041" -> "04", "1821" -> "18"."""
    return code[:2]


def _code(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _CAMEO.match(value):
        raise LexiconError(f'{where}: {value!r} is not a CAMEO code: write it quoted, e.g. "041"')
    return value


def _type_codes(kind: str, raw: Any) -> dict[tuple[str, str | None], str]:
    where = f"{WHERE}: cameo.{kind}"
    entry = require_mapping(raw, where)
    if unknown := set(entry) - {"default", "modes"}:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}: use default and modes")
    codes: dict[tuple[str, str | None], str] = {(kind, None): _code(entry.get("default"), where)}
    for mode, code in require_mapping(entry.get("modes") or {}, where).items():
        if mode not in MODES.get(kind, frozenset()):
            raise LexiconError(f"{where}: {mode!r} is not a PLOVER mode of {kind}")
        codes[(kind, mode)] = _code(code, f"{where}.{mode}")
    return codes


def _quads(raw: Any) -> dict[str, int]:
    where = f"{WHERE}: quad"
    if not isinstance(raw, dict) or set(raw) != set(_QUADS):
        raise LexiconError(f"{where}: give the types of each quad 1, 2, 3 and 4")
    quad = {kind: number for number in _QUADS for kind in require_str_list(raw[number], where)}
    listed = [kind for number in _QUADS for kind in raw[number]]
    if sorted(listed) != sorted(EVENT_TYPES):
        raise LexiconError(f"{where}: list every PLOVER type exactly once: {list(EVENT_TYPES)}")
    return quad


def load_event_codes(lexicon: EventLexicon) -> EventCodes:
    """Load and check codes.yaml, with the CAMEO codes the lexicon's triggers carry."""
    data = require_mapping(load_yaml(WHERE), WHERE)
    cameo = require_mapping(data.get("cameo"), f"{WHERE}: cameo")
    if missing := set(EVENT_TYPES) - set(cameo):
        raise LexiconError(f"{WHERE}: cameo has no default for {sorted(missing)}")
    if unknown := set(cameo) - set(EVENT_TYPES):
        raise LexiconError(f"{WHERE}: cameo lists {sorted(unknown)}, which are no PLOVER types")
    by_mode = {k: v for kind in EVENT_TYPES for k, v in _type_codes(kind, cameo[kind]).items()}
    by_rule = {
        t.id: _code(t.cameo, f"events/triggers: {t.id}") for t in lexicon.triggers if t.cameo
    }
    return EventCodes(
        by_rule=FrozenMap(by_rule),
        by_mode=FrozenMap(by_mode),
        quad=FrozenMap(_quads(data.get("quad"))),
        reciprocal=frozenset(t.type for t in lexicon.triggers if t.reciprocal),
    )

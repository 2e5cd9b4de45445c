"""The trigger lexicon on phrases written for it: each states (or must not state) an event type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from hadath.resources import Resources
from hadath.tokenize import tokenize
from hadath.triggers import find_triggers

PHRASES = Path(__file__).resolve().parents[1] / "data" / "event_phrases"


def _cases() -> list[Any]:
    cases = []
    for path in sorted(PHRASES.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            cases.append(pytest.param(case, id=f"{path.stem}-{i}"))
    return cases


def _fired(text: str, resources: Resources) -> set[tuple[str, str | None]]:
    tokens = tokenize(text, resources.text)
    return {(t.type, t.mode) for t, *_ in find_triggers(resources.events, tokens)}


@pytest.mark.parametrize("case", _cases())
def test_phrase(case: dict[str, Any], resources: Resources) -> None:
    fired = _fired(case["text"], resources)
    if "not" in case:
        assert case["not"] not in {kind for kind, _ in fired}, fired
    else:
        assert (case["type"], case.get("mode")) in fired, fired


def test_every_type_has_phrases() -> None:
    kinds = {c.values[0].get("type") or c.values[0].get("not") for c in _cases()}
    assert len(kinds) == 16

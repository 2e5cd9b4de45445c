"""The time phrase set (tests/data/time_phrases.yaml): every phrase resolves to its value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from hadath.dates import resolve
from hadath.timeexpr import find
from hadath.timewords import load_time_lexicon
from hadath.tokenize import load_text_rules, tokenize

PHRASES = Path(__file__).resolve().parents[1] / "data" / "time_phrases.yaml"
RULES = load_text_rules()
TIME = load_time_lexicon(RULES)
ALL: list[dict[str, Any]] = yaml.safe_load(PHRASES.read_text(encoding="utf-8"))


def test_the_set_covers_every_form_with_enough_phrases() -> None:
    assert len(ALL) >= 200
    forms = {p["form"] for p in ALL}
    assert {"weekday", "hijri", "maghrebi", "dual-month", "duration", "ago-days"} <= forms
    assert sum(p["value"] is None for p in ALL) >= 15


@pytest.mark.parametrize("phrase", ALL, ids=[f"{p['form']}-{i}" for i, p in enumerate(ALL)])
def test_phrase_resolves_to_its_value(phrase: dict[str, Any]) -> None:
    published = phrase["published"]
    assert isinstance(published, dt.date)
    found = list(find(TIME, tokenize(phrase["text"], RULES)))
    value = resolve(found[0], published) if found else None
    got = (value.value, value.precision) if value else (None, None)
    assert got == (phrase["value"], phrase["precision"])

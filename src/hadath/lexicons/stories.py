"""Storyline words and type families (data/events/stories.yaml)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hadath.errors import LexiconError
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list
from hadath.lexicons.phrases import PhraseIndex, build_index, first_words
from hadath.tokenize import TextRules

WHERE = "events/stories.yaml"


@dataclass(frozen=True, slots=True)
class StoryWords:
    """Which event types share a thread, and the words of a "first since" claim."""

    families: Mapping[str, str]  # event type -> its family
    first: frozenset[str]
    since: frozenset[str]
    words_between: int
    at_least: PhraseIndex[bool]
    last: frozenset[str] = frozenset()
    acts: frozenset[str] = frozenset()
    last_window: int = 0

    def family(self, event_type: str) -> str:
        """The thread family of an event type (the type itself when no family lists it)."""
        return self.families.get(event_type, event_type)


def _families(data: dict[str, object]) -> FrozenMap[str, str]:
    families = require_mapping(data.get("families"), f"{WHERE}: families")
    found: dict[str, str] = {}
    for name, types in families.items():
        for event_type in require_str_list(types, f"{WHERE}: families.{name}"):
            if event_type in found:
                raise LexiconError(f"{WHERE}: {event_type} is in two families; keep it in one")
            found[event_type] = str(name)
    return FrozenMap(found)


def load_story_words(rules: TextRules) -> StoryWords:
    """Load and check the storyline words."""
    data = require_mapping(load_yaml(WHERE), WHERE)

    def words(key: str) -> frozenset[str]:
        return first_words(require_str_list(data.get(key), f"{WHERE}: {key}"), rules)

    at_least = require_str_list(data.get("at_least"), f"{WHERE}: at_least")
    return StoryWords(
        families=_families(data),
        first=words("first"),
        since=words("since"),
        words_between=_count(data, "words_between"),
        at_least=build_index(((w, True) for w in at_least), rules),
        last=words("last"),
        acts=words("acts"),
        last_window=_count(data, "last_window"),
    )


def _count(data: dict[str, object], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise LexiconError(f"{WHERE}: {key} must be a whole number of words, at least 1")
    return value

"""Inflected forms of trigger words, from the affixes in data/events/morphology.yaml."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hadath.errors import LexiconError
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list

WHERE = "events/morphology.yaml"
GAP = "..."
LIGHT = "@"  # "@name" in a pattern: every form of a light-verb group
PAIR = "/"  # "perfect/imperfect": every third-person form of a verb
VERB = "!"  # marks a generated verb form: it matches no word with a noun's proclitic (ال، ب، ل)


@dataclass(frozen=True, slots=True)
class Morphology:
    """Affixes that give a verb's, participle's or noun's forms, and the light-verb groups."""

    perfect_suffixes: tuple[str, ...]
    defective_endings: tuple[str, ...]
    defective_perfect_suffixes: tuple[str, ...]
    imperfect_prefix: str
    imperfect_prefixes: tuple[str, ...]
    imperfect_suffixes: tuple[str, ...]
    defective_imperfect_endings: tuple[str, ...]
    defective_imperfect_suffixes: tuple[str, ...]
    participle_suffixes: tuple[str, ...]
    feminine_free: str
    feminine_bound: str
    light_verbs: Mapping[str, tuple[str, ...]]

    def perfect(self, verb: str) -> tuple[str, ...]:
        """Third-person perfect forms: "أدان" -> أدان، أدانت، أدانا، أدانتا، أدانوا."""
        if verb[-1] in self.defective_endings:
            return (verb, *(verb[:-1] + s for s in self.defective_perfect_suffixes))
        return tuple(verb + s for s in self.perfect_suffixes)

    def imperfect(self, verb: str) -> tuple[str, ...]:
        """Third-person imperfect forms: "يدين" -> يدين، تدين، يدينان، تدينان، يدينون …"""
        if not verb.startswith(self.imperfect_prefix):
            raise LexiconError(
                f"{WHERE}: imperfect {verb!r} must start with {self.imperfect_prefix!r}"
            )
        body = verb[len(self.imperfect_prefix) :]
        defective = verb[-1] in self.defective_imperfect_endings
        suffixes = self.defective_imperfect_suffixes if defective else self.imperfect_suffixes
        return tuple(p + body + s for p in self.imperfect_prefixes for s in suffixes)

    def verb(self, pair: str) -> tuple[str, ...]:
        """Every third-person form of "perfect/imperfect" (or of a perfect alone)."""
        perfect, _, imperfect = pair.partition(PAIR)
        if not perfect:
            raise LexiconError(f"{WHERE}: verb {pair!r} needs its perfect form before '/'")
        return self.perfect(perfect) + (self.imperfect(imperfect) if imperfect else ())

    def participle(self, word: str) -> tuple[str, ...]:
        """A participle with the endings it takes: "محذر" -> محذر، محذرا، محذرة …"""
        return tuple(word + s for s in self.participle_suffixes)

    def noun(self, word: str) -> tuple[str, ...]:
        """A noun, and its bound form before a pronoun suffix: "إدانة" -> إدانة، إدانت."""
        if self.feminine_free and word.endswith(self.feminine_free):
            return (word, word[: -len(self.feminine_free)] + self.feminine_bound)
        return (word,)

    def word(self, word: str) -> tuple[str, ...]:
        """The forms one pattern word stands for: a light-verb group or a verb pair (its forms
        marked as verbs), or a noun."""
        if word.startswith(LIGHT):
            forms = self.light_verbs.get(word[len(LIGHT) :])
            if forms is None:
                raise LexiconError(f"{WHERE}: no light-verb group {word!r}; add it there")
            return tuple(VERB + f for f in forms)
        if PAIR in word:
            return tuple(VERB + f for f in self.verb(word))
        return self.noun(word)

    def pattern(self, text: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Every written form of a pattern, as parts (split at "...") of words."""
        parts = [part.split() for part in text.split(GAP)]
        if not all(parts):
            raise LexiconError(f"events/triggers: pattern {text!r} has an empty part")
        choices = [list(itertools.product(*(self.word(w) for w in part))) for part in parts]
        return tuple(tuple(combo) for combo in itertools.product(*choices))


def _strings(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """An affix list: strings, the empty string meaning "no affix"."""
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f'{WHERE}: {key} must be a list of affixes ("" for none)')
    return tuple(value)


def load_morphology() -> Morphology:
    """Load and check the affixes and light-verb groups."""
    data = require_mapping(load_yaml(WHERE), WHERE)
    feminine = require_mapping(data.get("feminine") or {}, f"{WHERE}: feminine")
    prefix = data.get("imperfect_prefix")
    if not isinstance(prefix, str) or not prefix:
        raise LexiconError(f"{WHERE}: imperfect_prefix must be a letter")
    empty = Morphology(
        perfect_suffixes=_strings(data, "perfect_suffixes"),
        defective_endings=_strings(data, "defective_endings"),
        defective_perfect_suffixes=_strings(data, "defective_perfect_suffixes"),
        imperfect_prefix=prefix,
        imperfect_prefixes=_strings(data, "imperfect_prefixes"),
        imperfect_suffixes=_strings(data, "imperfect_suffixes"),
        defective_imperfect_endings=_strings(data, "defective_imperfect_endings"),
        defective_imperfect_suffixes=_strings(data, "defective_imperfect_suffixes"),
        participle_suffixes=_strings(data, "participle_suffixes"),
        feminine_free=str(feminine.get("free") or ""),
        feminine_bound=str(feminine.get("bound") or ""),
        light_verbs=FrozenMap({}),
    )
    groups = require_mapping(data.get("light_verbs") or {}, f"{WHERE}: light_verbs")
    light = {
        name: tuple(f for v in require_str_list(verbs, f"{WHERE}: {name}") for f in empty.verb(v))
        for name, verbs in groups.items()
    }
    return dataclasses.replace(empty, light_verbs=FrozenMap(light))

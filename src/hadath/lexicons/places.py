"""The place gazetteer (data/actors/places.yaml): capitals, cities, provinces, regions, sites."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hadath.errors import LexiconError
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import DATA_ID, ISO3, load_yaml, require_mapping, require_str_list
from hadath.lexicons.phrases import PhraseIndex, build_index, first_words
from hadath.tokenize import TextRules

PLACES = "actors/places.yaml"
WORDS = "actors/references.yaml"
KINDS = frozenset({"capital", "city", "province", "region", "site"})
_KEYS = frozenset({"id", "name", "country", "kind", "arabic", "marked"})


@dataclass(frozen=True, slots=True)
class Place:
    """A place: its English Wikipedia title and the state it lies in (None where disputed)."""

    id: str
    name: str
    country: str | None
    kind: str
    marked: bool = False  # also an everyday word: a place only after a place noun


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """The places by their Arabic names, and the words that introduce a place."""

    index: PhraseIndex[Place]
    nouns: frozenset[str]  # مدينة، بلدة، محافظة …: a name right after one is a place
    locative: frozenset[str]  # في، قرب …: what an event names after one is where it happened
    locative_clitics: frozenset[str]  # ب: the same, written on the name
    capitals: Mapping[str, str] = FrozenMap({})  # ISO3 -> the name of its capital


def _place(entry: Any, where: str) -> Place:
    entry = require_mapping(entry, where)
    if unknown := set(entry) - _KEYS:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    ident, name, country = entry.get("id"), entry.get("name"), entry.get("country")
    if not isinstance(ident, str) or not DATA_ID.match(ident):
        raise LexiconError(f"{where}: id must be lowercase ascii letters, digits and hyphens")
    if not isinstance(name, str) or not name:
        raise LexiconError(f"{where} ({ident}): name must be the English Wikipedia title")
    if country is not None and not (isinstance(country, str) and ISO3.match(country)):
        raise LexiconError(f"{where} ({ident}): country must be an ISO3 code or null")
    if entry.get("kind") not in KINDS:
        raise LexiconError(f"{where} ({ident}): kind must be one of {sorted(KINDS)}")
    if not isinstance(entry.get("marked", False), bool):
        raise LexiconError(f"{where} ({ident}): marked must be true or false")
    return Place(ident, name, country, entry["kind"], entry.get("marked", False))


def load_place_lexicon(rules: TextRules) -> PlaceLexicon:
    """Load and check the gazetteer and the words around places."""
    raw = load_yaml(PLACES)
    if not isinstance(raw, list):
        raise LexiconError(f"hadath/data/{PLACES}: expected a list of places")
    pairs: list[tuple[str, Place]] = []
    seen: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for n, entry in enumerate(raw):
        place = _place(entry, f"hadath/data/{PLACES}: entry {n + 1}")
        if place.id in seen:
            raise LexiconError(f"hadath/data/{PLACES}: id {place.id} is listed twice")
        seen[place.id] = place.name
        if place.kind == "capital" and place.country:
            if place.country in capitals:
                raise LexiconError(
                    f"hadath/data/{PLACES} ({place.id}): a second capital of "
                    f"{place.country}; one state has one capital here"
                )
            capitals[place.country] = place.name
        names = require_str_list(entry.get("arabic"), f"hadath/data/{PLACES} ({place.id}): arabic")
        if not names:
            raise LexiconError(f"hadath/data/{PLACES} ({place.id}): arabic must list its names")
        pairs += [(arabic, place) for arabic in names]
    words = require_mapping(load_yaml(WORDS), WORDS)

    def listed(key: str) -> list[str]:
        return require_str_list(words.get(key), f"hadath/data/{WORDS}: {key}")

    return PlaceLexicon(
        index=build_index(pairs, rules),
        nouns=first_words(listed("place_nouns"), rules),
        locative=first_words(listed("locative"), rules, by_norm=True),
        locative_clitics=frozenset(listed("locative_clitics")),
        capitals=FrozenMap(capitals),
    )

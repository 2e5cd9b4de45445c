"""Event triggers, event markers and quote cues (data/events/, data/quotes/)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hadath.errors import LexiconError
from hadath.lexicons.arguments import ArgumentWords, load_argument_words
from hadath.lexicons.casualties import CasualtyWords, load_casualty_words
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import data_files, load_yaml, require_mapping, require_str_list
from hadath.lexicons.morphology import VERB, Morphology, load_morphology
from hadath.lexicons.morphology import WHERE as MORPHOLOGY
from hadath.lexicons.phrases import first_words, phrase_key
from hadath.lexicons.stories import StoryWords, load_story_words
from hadath.model import EVENT_TYPES
from hadath.tokenize import TextRules

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
    said: bool = False  # the act is done by saying it: its actor is whoever says it
    quoted: bool = False  # a word that is an act only in a quotation: the speaker's


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Triggers indexed by the stem of their first word, plus sentence markers and quote cues."""

    triggers: tuple[Trigger, ...]
    by_first_word: Mapping[str, tuple[tuple[Trigger, tuple[tuple[str, ...], ...]], ...]]
    max_gap: int
    historical: tuple[tuple[str, ...], ...]
    responses: tuple[tuple[str, ...], ...]
    negated: tuple[tuple[str, ...], ...]
    not_asserted: tuple[tuple[str, ...], ...]
    planned: frozenset[str]
    past_after: frozenset[str]
    past_auxiliaries: frozenset[str]
    past_particles: frozenset[str]
    cues: frozenset[str]
    arguments: ArgumentWords
    tolerated_suffix: str = ""
    adverbial_endings: tuple[str, ...] = ()  # "محذرا", "مؤكدة": a circumstance after a comma
    adverbial_marks: frozenset[str] = frozenset()  # the commas before one
    verb_proclitics: frozenset[str] = frozenset({""})
    continuations: frozenset[str] = frozenset()
    noun_cues: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    casualties: CasualtyWords | None = None
    stories: StoryWords | None = None  # storyline families and "first since" claims


_ENTRY_KEYS = frozenset(
    {
        "id",
        "mode",
        "cameo",
        "reciprocal",
        "said",
        "quoted",
        "verbs",
        "participles",
        "nouns",
        "patterns",
    }
)


def _stems(words: tuple[str, ...], rules: TextRules) -> tuple[str, ...]:
    """Each word's stem; a verb form keeps its mark and its written (normalised) form, since a
    verb takes no proclitic but a conjunction ("!أدانت" -> "!ادانت")."""
    stems: list[str] = []
    for word in words:
        if word.startswith(VERB):
            stems.append(VERB + rules.normalizer(word.removeprefix(VERB)))
        else:
            stems += phrase_key(word, rules)
    return tuple(stems)


Form = tuple[tuple[str, ...], ...]


def _forms(entry: dict[str, Any], morph: Morphology, where: str) -> list[Form]:
    """Every written form of an entry, as patterns of parts of words."""

    def listed(key: str) -> list[str]:
        return require_str_list(entry[key], f"{where}: {key}") if key in entry else []

    singles = [
        *(VERB + f for v in listed("verbs") for f in morph.verb(v)),
        *(f for p in listed("participles") for f in morph.participle(p)),
        *(f for n in listed("nouns") for f in morph.noun(n)),
    ]
    found: list[Form] = [((f,),) for f in singles]
    found += [p for text in listed("patterns") for p in morph.pattern(text)]
    if not found:
        raise LexiconError(f"{where}: give verbs, participles, nouns or patterns")
    return found


def _trigger(raw: Any, kind: str, morph: Morphology, rules: TextRules, where: str) -> Trigger:
    entry = require_mapping(raw, where)
    ident, mode = entry.get("id"), entry.get("mode")
    if not isinstance(ident, str):
        raise LexiconError(f"{where}: every entry needs an id")
    if unknown := set(entry) - _ENTRY_KEYS:
        raise LexiconError(f"{where}: {ident} has unknown keys {sorted(unknown)}")
    if mode is not None and mode not in MODES.get(kind, frozenset()):
        raise LexiconError(f"{where}: {ident} mode {mode!r} is not a PLOVER mode of {kind}")
    patterns = []
    for form in _forms(entry, morph, f"{where}: {ident}"):
        stems = tuple(_stems(part, rules) for part in form)
        if not all(stems):
            raise LexiconError(f"{where}: {ident} has a pattern with no word: {form!r}")
        patterns.append(stems)
    return Trigger(
        id=ident,
        type=kind,
        mode=mode,
        cameo=str(entry["cameo"]) if entry.get("cameo") is not None else None,
        reciprocal=bool(entry.get("reciprocal", False)),
        patterns=tuple(dict.fromkeys(patterns)),
        said=bool(entry.get("said", False)),
        quoted=bool(entry.get("quoted", False)),
    )


def _file_triggers(relative: str, morph: Morphology, rules: TextRules) -> list[Trigger]:
    data = require_mapping(load_yaml(relative), relative)
    kind = data.get("type")
    if kind not in EVENT_TYPES or relative.rsplit("/", 1)[-1] != f"{str(kind).lower()}.yaml":
        raise LexiconError(f"{relative}: 'type' must be the PLOVER type the file is named after")
    return [_trigger(raw, kind, morph, rules, relative) for raw in data.get("triggers") or []]


def _phrases(
    data: dict[str, Any], key: str, rules: TextRules, where: str
) -> tuple[tuple[str, ...], ...]:
    return tuple(phrase_key(w, rules) for w in require_str_list(data.get(key), f"{where}: {key}"))


def load_event_lexicon(rules: TextRules) -> EventLexicon:
    """Load and check triggers, markers and cues."""
    morph = load_morphology()
    settings = require_mapping(load_yaml(MORPHOLOGY), MORPHOLOGY)
    files = data_files("events/triggers", ".yaml")
    triggers = tuple(t for relative in files for t in _file_triggers(relative, morph, rules))
    ids = [t.id for t in triggers]
    if not triggers or len(set(ids)) != len(ids):
        raise LexiconError("events/triggers/: trigger ids must be unique, and there must be some")
    index: dict[str, list[tuple[Trigger, tuple[tuple[str, ...], ...]]]] = {}
    for trigger in triggers:
        for pattern in trigger.patterns:
            index.setdefault(pattern[0][0].removeprefix(VERB), []).append((trigger, pattern))
    markers = require_mapping(load_yaml("events/markers.yaml"), "events/markers.yaml")
    cues = require_mapping(load_yaml("quotes/cues.yaml"), "quotes/cues.yaml")
    return EventLexicon(
        triggers=triggers,
        by_first_word=FrozenMap({k: tuple(v) for k, v in index.items()}),
        max_gap=int(settings.get("max_gap", 6)),
        historical=_phrases(markers, "historical", rules, "events/markers.yaml"),
        responses=_phrases(markers, "responses", rules, "events/markers.yaml"),
        negated=_phrases(markers, "negated", rules, "events/markers.yaml"),
        not_asserted=_phrases(markers, "not_asserted", rules, "events/markers.yaml"),
        planned=_cue_words(markers, "planned", rules, True, "events/markers.yaml"),
        past_after=_cue_words(markers, "past_after", rules, True, "events/markers.yaml"),
        past_auxiliaries=_cue_words(
            markers, "past_auxiliaries", rules, True, "events/markers.yaml"
        ),
        past_particles=_cue_words(markers, "past_particles", rules, True, "events/markers.yaml"),
        cues=_cue_words(cues, "cues", rules),
        continuations=_cue_words(cues, "continuations", rules),
        noun_cues=_cue_words(cues, "noun_cues", rules),
        complementizers=_cue_words(cues, "complementizers", rules, by_norm=True),
        tolerated_suffix=str(settings.get("tolerated_suffix") or ""),
        adverbial_endings=tuple(
            rules.normalizer(w)
            for w in require_str_list(settings.get("adverbial_endings"), MORPHOLOGY)
        ),
        adverbial_marks=frozenset(require_str_list(settings.get("adverbial_marks"), MORPHOLOGY)),
        verb_proclitics=frozenset(map(rules.normalizer, settings.get("verb_proclitics") or [""])),
        arguments=load_argument_words(rules),
        casualties=load_casualty_words(rules),
        stories=load_story_words(rules),
    )


def _cue_words(
    data: dict[str, Any],
    key: str,
    rules: TextRules,
    by_norm: bool = False,
    where: str = "quotes/cues.yaml",
) -> frozenset[str]:
    words = require_str_list(data.get(key), f"{where}: {key}")
    return first_words(words, rules, by_norm)

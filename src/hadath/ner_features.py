"""Token features for the CRF name tagger: word forms, affixes, shape, gazetteer and cue marks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from hadath.errors import LexiconError
from hadath.lexicons.actors import ActorKB
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list
from hadath.lexicons.phrases import PhraseIndex, build_index
from hadath.model import Token
from hadath.timewords import Month
from hadath.tokenize import TextRules, is_arabic

# Bump whenever a feature template changes: a model trained on other features is stale.
FEATURES_VERSION = 1

CUES_FILE = "ner/cues.yaml"
GIVEN_NAMES_FILE = "ner/given_names.yaml"
ENTITY_TYPES = ("PERS", "LOC", "ORG", "MISC")

# Gazetteer label of each actor kind (a capital is indexed under its state, so STATE covers both).
_KIND_LABEL = (
    ("person", "PERS"),
    ("organisation", "ORG"),
    ("group", "GROUP"),
    ("state", "STATE"),
    ("place", "PLACE"),
)
_LENGTH_CAP = 8


@dataclass(frozen=True, slots=True)
class FeatureSet:
    """Which feature groups are on; the training script compares sets on the dev split."""

    window: int = 2
    affixes: bool = True
    bigrams: bool = True
    gazetteer: bool = True
    cues: bool = True
    mark_window: int = 1
    given_names: bool = True
    long_affixes: bool = False

    def as_dict(self) -> dict[str, int | bool]:
        """Return the set as a plain mapping (for model.yaml)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @staticmethod
    def from_dict(data: Mapping[str, Any], where: str) -> FeatureSet:
        """Build a set from a model.yaml mapping, naming the file if a key is unknown."""
        unknown = sorted(set(data) - {f.name for f in fields(FeatureSet)})
        if unknown:
            raise LexiconError(
                f"{where}: unknown feature keys {unknown}: retrain with scripts/train_ner.py"
            )
        values: dict[str, Any] = {}
        for name, value in data.items():
            if not isinstance(value, int):
                raise LexiconError(f"{where}: feature {name!r} must be a number or true/false")
            values[name] = value
        return FeatureSet(**values)


@dataclass(frozen=True, slots=True)
class NerLexicon:
    """The tagger's own word lists: cue words before names (by type) and given names."""

    cues: PhraseIndex[str]
    given_names: PhraseIndex[str]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The phrase indexes whose matches become features: actors, months, cues, given names."""

    actors: ActorKB
    months: PhraseIndex[Month]
    lexicon: NerLexicon


def _grouped_words(relative: str, groups: Sequence[str]) -> list[tuple[str, str]]:
    where = f"hadath/data/{relative}"
    data = require_mapping(load_yaml(relative), where)
    unknown = sorted(set(data) - set(groups))
    if unknown:
        raise LexiconError(f"{where}: unknown groups {unknown}; use {list(groups)}")
    pairs = [
        (word, group)
        for group, words in data.items()
        for word in require_str_list(words, f"{where}: {group}")
    ]
    if not pairs:
        raise LexiconError(f"{where}: no words listed")
    return pairs


def load_ner_lexicon(rules: TextRules) -> NerLexicon:
    """Load data/ner/cues.yaml and data/ner/given_names.yaml, keyed by clitic-free stems."""
    cues = _grouped_words(CUES_FILE, ENTITY_TYPES)
    given = _grouped_words(GIVEN_NAMES_FILE, ("arabic", "foreign"))
    return NerLexicon(
        cues=build_index(cues, rules),
        given_names=build_index(((word, "GIVEN") for word, _ in given), rules),
    )


def _mark_matches(
    tokens: Sequence[Token],
    index: PhraseIndex[Any],
    labels: Callable[[tuple[Any, ...]], Iterable[str]],
    prefix: str,
    out: list[list[str]],
) -> None:
    i, n = 0, len(tokens)
    while i < n:
        match = index.match(tokens, i)
        if match is None:
            i += 1
            continue
        length, values = match
        for label in sorted(set(labels(values))):
            out[i].append(f"{prefix}=B-{label}")
            for j in range(i + 1, i + length):
                out[j].append(f"{prefix}=I-{label}")
        i += length


def _actor_labels(kb: ActorKB) -> Callable[[tuple[Any, ...]], Iterable[str]]:
    by_kind = dict(_KIND_LABEL)

    def labels(ids: tuple[Any, ...]) -> Iterable[str]:
        return (by_kind[kb.actors[i].kind] for i in ids if i in kb.actors)

    return labels


def _constant(label: str) -> Callable[[tuple[Any, ...]], Iterable[str]]:
    return lambda _values: (label,)


def _as_labels(values: tuple[Any, ...]) -> Iterable[str]:
    return (str(v) for v in values)


def marks(tokens: Sequence[Token], gazetteer: Gazetteer, features: FeatureSet) -> list[list[str]]:
    """Return, per token, its gazetteer (`gaz=B-PERS` …) and cue (`cue=I-ORG` …) marks."""
    out: list[list[str]] = [[] for _ in tokens]
    if features.gazetteer:
        kb = gazetteer.actors
        _mark_matches(tokens, kb.names, _actor_labels(kb), "gaz", out)
        _mark_matches(tokens, kb.nisba, _constant("NISBA"), "gaz", out)
        _mark_matches(tokens, kb.offices, _constant("OFFICE"), "gaz", out)
        _mark_matches(tokens, gazetteer.months, _constant("MONTH"), "gaz", out)
    if features.given_names:
        _mark_matches(tokens, gazetteer.lexicon.given_names, _as_labels, "gaz", out)
    if features.cues:
        _mark_matches(tokens, gazetteer.lexicon.cues, _as_labels, "cue", out)
    return out


def shape(norm: str) -> str:
    """Classify a token's characters: punct, num, alnum, latin, arabic or other."""
    letters = [ch for ch in norm if ch.isalpha()]
    digits = any(ch.isdigit() for ch in norm)
    if not letters:
        return "num" if digits else "punct"
    if digits:
        return "alnum"
    if any(ch.isascii() for ch in letters):
        return "latin"
    return "arabic" if all(is_arabic(ch) for ch in letters) else "other"


def _own(token: Token, features: FeatureSet) -> list[str]:
    stem = token.stem
    out = [
        "bias",
        f"w={token.norm}",
        f"s={stem}",
        f"shape={shape(token.norm)}",
        f"len={min(len(stem), _LENGTH_CAP)}",
    ]
    if features.affixes:
        out += [
            f"p={token.prefix}",
            f"x={token.suffix}",
            f"s2={stem[:2]}",
            f"s3={stem[:3]}",
            f"e2={stem[-2:]}",
            f"e3={stem[-3:]}",
        ]
    if features.long_affixes:
        norm = token.norm
        out += [f"s4={stem[:4]}", f"e4={stem[-4:]}", f"n3={norm[:3]}", f"m3={norm[-3:]}"]
    return out


def _neighbour(token: Token | None, offset: int) -> list[str]:
    if token is None:
        return [f"w{offset:+d}=" + ("<s>" if offset < 0 else "</s>")]
    return [
        f"w{offset:+d}={token.norm}",
        f"s{offset:+d}={token.stem}",
        f"p{offset:+d}={token.prefix}",
    ]


def sentence_features(
    tokens: Sequence[Token], gazetteer: Gazetteer, features: FeatureSet
) -> list[list[str]]:
    """Return the feature strings of every token of one sentence."""
    n = len(tokens)
    marked = marks(tokens, gazetteer, features)
    out = []
    for i, token in enumerate(tokens):
        feats = _own(token, features)
        feats += marked[i]
        for offset in range(-features.window, features.window + 1):
            if offset == 0:
                continue
            j = i + offset
            inside = 0 <= j < n
            if inside or abs(offset) == 1:
                feats += _neighbour(tokens[j] if inside else None, offset)
            if inside and abs(offset) <= features.mark_window:
                feats += [f"{offset:+d}{m}" for m in marked[j]]
        if features.bigrams:
            before = tokens[i - 1].stem if i > 0 else "<s>"
            after = tokens[i + 1].stem if i + 1 < n else "</s>"
            feats += [f"b-1={before}|{token.stem}", f"b+1={token.stem}|{after}"]
        out.append(feats)
    return out

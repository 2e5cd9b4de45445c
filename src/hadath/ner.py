"""Statistical name tagging (PERS, LOC, ORG, MISC) with a CRF trained on ANERcorp, and scoring.

The model file is opened where tagging happens: a crfsuite tagger cannot be pickled, and the
Resources that hold the model must be. Opening the shipped model takes well under a millisecond,
but tag a document's sentences in one call (tag_sentences) all the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources as package_files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pycrfsuite

from hadath.errors import LexiconError
from hadath.lexicons.load import load_yaml, require_mapping
from hadath.model import Span, Token
from hadath.ner_features import (
    ENTITY_TYPES,
    FEATURES_VERSION,
    FeatureSet,
    Gazetteer,
    NerLexicon,
    load_ner_lexicon,
    sentence_features,
)
from hadath.tokenize import TextRules, load_text_rules, make_token

if TYPE_CHECKING:
    from hadath.resources import Resources

MODEL_FILE = "ner/anercorp.crfsuite"
METADATA_FILE = "ner/model.yaml"
SCORED_TYPES = ("PERS", "LOC", "ORG")

Entity = tuple[str, int, int]  # (type, first token, one past the last token)


@dataclass(frozen=True, slots=True)
class NerModel:
    """The shipped CRF model: its file, the features it was trained on, and its word lists."""

    path: str
    features: FeatureSet
    lexicon: NerLexicon


def data_path(relative: str) -> Path:
    """Return the file system path of a file under hadath/data."""
    return Path(str(package_files.files("hadath").joinpath("data", *relative.split("/"))))


def _metadata() -> Mapping[str, Any]:
    where = f"hadath/data/{METADATA_FILE}"
    data = require_mapping(load_yaml(METADATA_FILE), where)
    if data.get("features_version") != FEATURES_VERSION:
        raise LexiconError(
            f"{where}: the model was trained on features version "
            f"{data.get('features_version')!r}, the code computes version {FEATURES_VERSION}: "
            "retrain with scripts/train_ner.py"
        )
    return data


def load_ner_model(rules: TextRules | None = None) -> NerModel:
    """Find the shipped model and its metadata, and load its word lists; raise if any is missing."""
    path = data_path(MODEL_FILE)
    if not path.is_file():
        raise LexiconError(
            f"model file hadath/data/{MODEL_FILE} is missing: reinstall hadath, or train it "
            "with scripts/train_ner.py"
        )
    meta = _metadata()
    where = f"hadath/data/{METADATA_FILE}"
    features = FeatureSet.from_dict(require_mapping(meta.get("features"), where), where)
    return NerModel(str(path), features, load_ner_lexicon(rules or load_text_rules()))


def gazetteer_of(model: NerModel, resources: Resources) -> Gazetteer:
    """Collect the phrase indexes the features look up: actor KB, months, cues, given names."""
    return Gazetteer(resources.actors, resources.time.months, model.lexicon)


def open_tagger(path: str) -> Any:
    """Open a crfsuite tagger on a model file (not picklable: keep it local to one call)."""
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(path)
    except (OSError, ValueError) as exc:
        raise LexiconError(
            f"{path} is not a readable crfsuite model ({exc}): retrain with scripts/train_ner.py"
        ) from exc
    return tagger


def tag_with(
    tagger: Any, gazetteer: Gazetteer, features: FeatureSet, tokens: Sequence[Token]
) -> list[str]:
    """Tag one sentence with an open tagger; return one IOB2 tag per token."""
    if not tokens:
        return []
    tags = tagger.tag(sentence_features(tokens, gazetteer, features))
    return [str(tag) for tag in tags]


def tag_sentences(
    model: NerModel, sentences: Iterable[Sequence[Token]], resources: Resources
) -> list[list[str]]:
    """Tag several sentences with one opened tagger; return IOB2 tags per sentence."""
    gazetteer = gazetteer_of(model, resources)
    tagger = open_tagger(model.path)
    try:
        return [tag_with(tagger, gazetteer, model.features, s) for s in sentences]
    finally:
        tagger.close()


def tag_tokens(model: NerModel, tokens: Sequence[Token], resources: Resources) -> list[str]:
    """Tag one sentence's tokens; return one IOB2 tag (PERS, LOC, ORG, MISC or O) per token."""
    return tag_sentences(model, [tokens], resources)[0]


def word_tokens(words: Sequence[str], rules: TextRules) -> list[Token]:
    """Make one token per pre-split word (each word's spans point into the word itself)."""
    return [make_token(word, Span(0, len(word)), rules) for word in words]


def tag_words(
    model: NerModel, sentences: Iterable[Sequence[str]], resources: Resources
) -> list[list[str]]:
    """Tag sentences given as pre-split words (CoNLL input); return IOB2 tags per sentence."""
    return tag_sentences(
        model, (word_tokens(words, resources.text) for words in sentences), resources
    )


def read_conll(lines: Iterable[str]) -> list[list[tuple[str, str | None]]]:
    """Read `token TAG` or bare `token` lines (blank line between sentences) into sentences."""
    sentences: list[list[tuple[str, str | None]]] = []
    current: list[tuple[str, str | None]] = []
    for line in lines:
        fields = line.split()
        if not fields:
            if current:
                sentences.append(current)
                current = []
            continue
        current.append((fields[0], fields[-1] if len(fields) > 1 else None))
    if current:
        sentences.append(current)
    return sentences


def conll_words(sentences: Iterable[Sequence[tuple[str, str | None]]]) -> list[list[str]]:
    """Return the words of read_conll sentences."""
    return [[word for word, _ in sentence] for sentence in sentences]


def conll_tags(sentences: Iterable[Sequence[tuple[str, str | None]]]) -> list[list[str]] | None:
    """Return the tags of read_conll sentences, or None if any token has no tag."""
    out = []
    for sentence in sentences:
        tags = [tag for _, tag in sentence if tag is not None]
        if len(tags) != len(sentence):
            return None
        out.append(tags)
    return out


def _split_tag(tag: str) -> tuple[str, str]:
    if tag == "O" or "-" not in tag:
        return "O", ""
    head, kind = tag.split("-", 1)
    return head, kind


def entities(tags: Sequence[str]) -> list[Entity]:
    """Return the entities of IOB2 tags; an I- that cannot continue starts one (conlleval)."""
    out: list[Entity] = []
    start, kind = -1, ""
    for i, tag in enumerate(tags):
        head, this = _split_tag(tag)
        continues = head == "I" and this == kind and start >= 0
        if start >= 0 and not continues:
            out.append((kind, start, i))
            start, kind = -1, ""
        if head in ("B", "I") and not continues:
            start, kind = i, this
    if start >= 0:
        out.append((kind, start, len(tags)))
    return out


def _prf(correct: int, gold: int, predicted: int) -> dict[str, float | int]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "gold": gold,
        "predicted": predicted,
        "correct": correct,
    }


def conll_scores(
    gold: Sequence[Sequence[str]],
    predicted: Sequence[Sequence[str]],
    types: Sequence[str] = SCORED_TYPES,
) -> dict[str, dict[str, float | int]]:
    """Score exact entity spans and types: micro P/R/F1 over the given types, and per type."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted ones")
    counts = {t: [0, 0, 0] for t in types}  # correct, gold, predicted
    for n, (g_tags, p_tags) in enumerate(zip(gold, predicted, strict=True)):
        if len(g_tags) != len(p_tags):
            raise ValueError(f"sentence {n}: {len(g_tags)} gold tags, {len(p_tags)} predicted")
        g_set = {e for e in entities(g_tags) if e[0] in counts}
        p_set = {e for e in entities(p_tags) if e[0] in counts}
        for kind, _, _ in g_set:
            counts[kind][1] += 1
        for kind, _, _ in p_set:
            counts[kind][2] += 1
        for kind, _, _ in g_set & p_set:
            counts[kind][0] += 1
    scores = {t: _prf(*counts[t]) for t in types}
    scores["micro"] = _prf(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return scores


def format_scores(scores: Mapping[str, Mapping[str, float | int]]) -> str:
    """Render conll_scores as a small text table: micro first, then each type."""
    rows = [f"{'':8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
    for name in ("micro", *(k for k in scores if k != "micro")):
        s = scores[name]
        rows.append(
            f"{name:8}{s['precision']:8.4f}{s['recall']:8.4f}{s['f1']:8.4f}"
            f"{s['gold']:8d}{s['predicted']:8d}"
        )
    return "\n".join(rows)


def is_entity_tag(tag: str) -> bool:
    """Say whether a tag is O or a well-formed IOB2 tag of a known entity type."""
    head, kind = _split_tag(tag)
    return tag == "O" or (head in ("B", "I") and kind in ENTITY_TYPES)

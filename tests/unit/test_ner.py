"""Tests for the CRF name tagger: CoNLL reading, entity scoring, and the shipped model."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest
import yaml

from hadath import ner, ner_features
from hadath.errors import LexiconError
from hadath.ner import (
    NerModel,
    conll_scores,
    conll_tags,
    conll_words,
    entities,
    format_scores,
    is_entity_tag,
    load_ner_model,
    read_conll,
    tag_sentences,
    tag_tokens,
    tag_words,
    word_tokens,
)
from hadath.ner_features import FeatureSet, Gazetteer, load_ner_lexicon, sentence_features, shape
from hadath.resources import Resources, load_resources
from hadath.tokenize import split_sentences, tokenize, tokens_in

TRAIN_FILE = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "corpus"
    / "ner"
    / "ANERcorp-CamelLabSplits"
    / "ANERCorp_CamelLab_train.txt"
)


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources()


@pytest.fixture(scope="module")
def model(resources: Resources) -> NerModel:
    return load_ner_model(resources.text)


# --- read_conll ------------------------------------------------------------------------------


def test_read_conll_tagged() -> None:
    lines = ["زار B-PERS", "", "", "سافر O", "خالد B-PERS", "إلى O", "عمّان B-LOC", ""]
    assert read_conll(lines) == [
        [("زار", "B-PERS")],
        [("سافر", "O"), ("خالد", "B-PERS"), ("إلى", "O"), ("عمّان", "B-LOC")],
    ]


def test_read_conll_bare_tokens_tabs_and_crlf() -> None:
    lines = ["وصلت\r\n", "سلمى\tB-PERS\r\n", "\t\r\n", "إلى\n", "تونس"]
    assert read_conll(lines) == [
        [("وصلت", None), ("سلمى", "B-PERS")],
        [("إلى", None), ("تونس", None)],
    ]


def test_read_conll_empty() -> None:
    assert read_conll(["", "  ", ""]) == []


def test_conll_words_and_tags() -> None:
    tagged = read_conll(["حلب B-LOC", "مدينة O", "", "قديمة O"])
    assert conll_words(tagged) == [["حلب", "مدينة"], ["قديمة"]]
    assert conll_tags(tagged) == [["B-LOC", "O"], ["O"]]
    assert conll_tags(read_conll(["حلب B-LOC", "مدينة"])) is None


# --- entities and scoring --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PERS", "I-PERS", "O", "B-LOC"], [("PERS", 0, 2), ("LOC", 3, 4)]),
        (["O", "I-ORG", "I-ORG", "O"], [("ORG", 1, 3)]),  # I- without B- starts an entity
        (["B-PERS", "I-LOC"], [("PERS", 0, 1), ("LOC", 1, 2)]),  # I- of another type
        (["B-LOC", "B-LOC", "I-LOC"], [("LOC", 0, 1), ("LOC", 1, 3)]),
        (["I-MISC"], [("MISC", 0, 1)]),
        (["O", "O"], []),
    ],
)
def test_entities(tags: list[str], expected: list[tuple[str, int, int]]) -> None:
    assert entities(tags) == expected


def test_conll_scores_hand_computed() -> None:
    gold = [
        ["B-PERS", "I-PERS", "O", "B-LOC", "O"],
        ["I-ORG", "I-ORG", "O", "B-LOC", "I-LOC"],
    ]
    predicted = [
        ["B-PERS", "I-PERS", "O", "B-ORG", "O"],  # PERS right; LOC given the wrong type
        ["B-ORG", "I-ORG", "O", "B-LOC", "O"],  # ORG right (gold I- without B-); LOC cut short
    ]
    scores = conll_scores(gold, predicted)
    # gold: PERS 1, LOC 2, ORG 1; predicted: PERS 1, ORG 2, LOC 1; correct: PERS 1, ORG 1
    assert scores["micro"]["correct"] == 2
    assert scores["micro"]["gold"] == 4
    assert scores["micro"]["predicted"] == 4
    assert scores["micro"]["precision"] == pytest.approx(0.5)
    assert scores["micro"]["recall"] == pytest.approx(0.5)
    assert scores["micro"]["f1"] == pytest.approx(0.5)
    assert scores["PERS"]["f1"] == pytest.approx(1.0)
    assert (scores["LOC"]["precision"], scores["LOC"]["recall"]) == (0.0, 0.0)
    assert scores["LOC"]["f1"] == 0.0
    assert scores["ORG"]["precision"] == pytest.approx(0.5)
    assert scores["ORG"]["recall"] == pytest.approx(1.0)
    assert scores["ORG"]["f1"] == pytest.approx(2 / 3)


def test_conll_scores_ignore_types_not_asked_for() -> None:
    gold = [["B-MISC", "I-MISC", "O", "B-PERS"]]
    predicted = [["B-MISC", "I-MISC", "O", "B-MISC"]]  # the PERS is predicted as MISC
    scores = conll_scores(gold, predicted)
    assert set(scores) == {"micro", "PERS", "LOC", "ORG"}
    assert scores["micro"]["gold"] == 1
    assert scores["micro"]["predicted"] == 0
    assert scores["micro"]["f1"] == 0.0
    with_misc = conll_scores(gold, predicted, types=("PERS", "MISC"))
    # gold: MISC 1, PERS 1; predicted: MISC 2; correct: MISC 1 -> P 1/2, R 1/2
    assert with_misc["micro"]["precision"] == pytest.approx(0.5)
    assert with_misc["micro"]["recall"] == pytest.approx(0.5)
    assert with_misc["MISC"]["f1"] == pytest.approx(2 / 3)


def test_conll_scores_partial_span_is_wrong() -> None:
    scores = conll_scores([["B-PERS", "I-PERS", "I-PERS"]], [["B-PERS", "I-PERS", "O"]])
    assert scores["micro"]["correct"] == 0
    assert scores["PERS"]["f1"] == 0.0


def test_conll_scores_perfect_and_empty() -> None:
    tags = [["B-ORG", "I-ORG", "O"], ["O"]]
    assert conll_scores(tags, tags)["micro"]["f1"] == 1.0
    assert conll_scores([["O"]], [["O"]])["micro"]["f1"] == 0.0


def test_format_scores_lists_micro_first() -> None:
    text = format_scores(conll_scores([["B-LOC"]], [["B-LOC"]]))
    lines = text.splitlines()
    assert lines[1].split()[:4] == ["micro", "1.0000", "1.0000", "1.0000"]
    assert [line.split()[0] for line in lines[2:]] == ["PERS", "LOC", "ORG"]


def test_conll_scores_length_mismatch() -> None:
    with pytest.raises(ValueError, match="sentence 0"):
        conll_scores([["O", "O"]], [["O"]])
    with pytest.raises(ValueError, match="gold sentences"):
        conll_scores([["O"]], [])


# --- features --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("norm", "expected"),
    [("بغداد", "arabic"), ("2003", "num"), ("،", "punct"), ("CNN", "latin"), ("F16", "alnum")],
)
def test_shape(norm: str, expected: str) -> None:
    assert shape(norm) == expected


def test_features_mark_gazetteer_and_cues(resources: Resources) -> None:
    gazetteer = Gazetteer(resources.actors, resources.time.months, load_ner_lexicon(resources.text))
    tokens = word_tokens(["وصل", "الرئيس", "إلى", "القاهرة", "في", "مايو"], resources.text)
    feats = sentence_features(tokens, gazetteer, FeatureSet())
    assert len(feats) == len(tokens)
    assert "cue=B-PERS" in feats[1]
    assert "gaz=B-STATE" in feats[3]  # a capital counts for its state
    assert "gaz=B-MONTH" in feats[5]
    assert "-1cue=B-PERS" in feats[2]
    assert "w-1=<s>" in feats[0]
    assert "w+1=</s>" in feats[-1]


# --- the shipped model -----------------------------------------------------------------------


def test_word_lists_are_checked(monkeypatch: pytest.MonkeyPatch, resources: Resources) -> None:
    monkeypatch.setattr(ner_features, "load_yaml", lambda _relative: {"PLACE": ["مدينة"]})
    with pytest.raises(LexiconError, match=r"ner/cues\.yaml.*PLACE"):
        load_ner_lexicon(resources.text)


def test_model_loads_and_pickles(model: NerModel) -> None:
    assert Path(model.path).is_file()
    assert pickle.loads(pickle.dumps(model)) == model


def test_missing_model_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "MODEL_FILE", "ner/absent.crfsuite")
    with pytest.raises(LexiconError, match=r"ner/absent\.crfsuite"):
        load_ner_model()


def test_stale_features_version_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "FEATURES_VERSION", -1)
    with pytest.raises(LexiconError, match="train_ner"):
        load_ner_model()


def _spans(words: list[str], tags: list[str]) -> dict[str, str]:
    return {" ".join(words[a:b]): kind for kind, a, b in entities(tags)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "واستقبل الرئيس الأمريكي جورج بوش في البيت الأبيض رئيس الوزراء البريطاني توني بلير .",
            {"بوش": "PERS", "بلير": "PERS"},
        ),
        (
            "وقال متحدث باسم منظمة الأمم المتحدة في نيويورك إن الاجتماع سيعقد في القاهرة .",
            {"الأمم المتحدة": "ORG", "نيويورك": "LOC", "القاهرة": "LOC"},
        ),
        (
            "وأعلنت وزارة الخارجية الفرنسية أن الوزير سيزور بيروت ودمشق الأسبوع المقبل .",
            {"بيروت": "LOC", "ودمشق": "LOC"},
        ),
        (
            "وقال الأمين العام لجامعة الدول العربية أحمد أبو الغيط إن القمة ستعقد في الرياض .",
            {"الدول العربية": "ORG", "أبو الغيط": "PERS", "الرياض": "LOC"},
        ),
    ],
)
def test_model_tags_well_known_names(
    model: NerModel, resources: Resources, sentence: str, expected: dict[str, str]
) -> None:
    words = sentence.split()
    tags = tag_words(model, [words], resources)[0]
    assert len(tags) == len(words)
    assert all(is_entity_tag(t) for t in tags)
    found = _spans(words, tags)
    for name, kind in expected.items():
        hits = [k for span, k in found.items() if f" {name} " in f" {span} "]
        assert kind in hits, f"{name} not tagged {kind}: {list(zip(words, tags, strict=True))}"


def test_common_words_stay_outside(model: NerModel, resources: Resources) -> None:
    words = ["ارتفعت", "أسعار", "الخبز", "في", "الأسواق", "خلال", "الشهر", "الماضي", "."]
    assert set(tag_words(model, [words], resources)[0]) == {"O"}


def test_tag_tokens_over_project_tokens(model: NerModel, resources: Resources) -> None:
    text = "زار الملك عبد الله الثاني عمّان أمس. ثم التقى وفدا من جامعة الدول العربية."
    tokens = tokenize(text, resources.text)
    sentences = [tokens_in(tokens, span) for span in split_sentences(text, resources.text)]
    assert len(sentences) == 2
    tagged = tag_sentences(model, sentences, resources)
    assert [len(t) for t in tagged] == [len(s) for s in sentences]
    assert tag_tokens(model, sentences[0], resources) == tagged[0]
    assert tag_tokens(model, [], resources) == []
    first = {t.span.of(text): tag for t, tag in zip(sentences[0], tagged[0], strict=True)}
    assert first["عمّان"] == "B-LOC"
    assert first["الله"] == "I-PERS"


def test_model_metadata_in_sync(model: NerModel) -> None:
    meta = yaml.safe_load((Path(model.path).parent / "model.yaml").read_text(encoding="utf-8"))
    shipped = hashlib.sha256(Path(model.path).read_bytes()).hexdigest()
    assert meta["model_sha256"] == shipped
    assert FeatureSet.from_dict(meta["features"], "model.yaml") == model.features
    assert 0.5 < meta["dev_micro_f1"] <= 1.0


def test_model_trained_on_the_shared_train_split(model: NerModel) -> None:
    if not TRAIN_FILE.is_file():
        pytest.skip(f"{TRAIN_FILE} not present")
    meta = yaml.safe_load((Path(model.path).parent / "model.yaml").read_text(encoding="utf-8"))
    assert meta["training_sha256"] == hashlib.sha256(TRAIN_FILE.read_bytes()).hexdigest()
    words = read_conll(TRAIN_FILE.read_text(encoding="utf-8").splitlines())
    assert meta["sentences"] == len(words)
    assert meta["tokens"] == sum(len(s) for s in words)

"""Tokens, clitic stems and sentence splitting on Arabic news text."""

from __future__ import annotations

import itertools

import pytest

from hadath.tokenize import TextRules, split_sentences, tokenize


@pytest.mark.parametrize(
    ("word", "stem", "stem_text", "prefix", "suffix"),
    [
        ("بالهجوم", "هجوم", "هجوم", "بال", ""),
        ("وأوستن", "اوستن", "أوستن", "و", ""),
        ("لبلينكن", "بلينكن", "بلينكن", "ل", ""),
        ("للرئيس", "رئيس", "رئيس", "لل", ""),
        ("والروسي", "روسي", "روسي", "وال", ""),
        ("نظيره", "نظير", "نظير", "", "ه"),
        ("وزير", "وزير", "وزير", "", ""),
        ("ووزير", "وزير", "وزير", "و", ""),
        ("بوتين", "بوتين", "بوتين", "", ""),
        ("وبوتين", "بوتين", "بوتين", "و", ""),
        ("اتجاه", "اتجاه", "اتجاه", "", ""),
        ("عليه", "عليه", "عليه", "", ""),
        ("وزارة", "وزاره", "وزارة", "", ""),
        ("ولد", "ولد", "ولد", "", ""),
    ],
)
def test_clitic_stems(
    text_rules: TextRules, word: str, stem: str, stem_text: str, prefix: str, suffix: str
) -> None:
    text = f"قال {word} اليوم"
    token = tokenize(text, text_rules)[1]
    assert token.span.of(text) == word
    assert (token.stem, token.stem_span.of(text), token.prefix, token.suffix) == (
        stem,
        stem_text,
        prefix,
        suffix,
    )


def test_tokens_split_punctuation_and_keep_numbers(text_rules: TextRules) -> None:
    text = "في 25/6/2024، قُتل 4 أشخاص (بينهم طفلان) لـ«قدرتها» 3.5%."
    surfaces = [t.span.of(text) for t in tokenize(text, text_rules)]
    assert surfaces == [
        "في",
        "25/6/2024",
        "،",
        "قُتل",
        "4",
        "أشخاص",
        "(",
        "بينهم",
        "طفلان",
        ")",
        "لـ",
        "«",
        "قدرتها",
        "»",
        "3.5",
        "%",
        ".",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوزير. ثم غادر.", ["وصل الوزير.", "ثم غادر."]),
        ("هل وصل؟ نعم وصل!", ["هل وصل؟", "نعم وصل!"]),
        ("قال: «لا نرى مؤشراً. بل العكس». ثم مضى.", ["قال: «لا نرى مؤشراً. بل العكس».", "ثم مضى."]),
        ('وقال "نرفض ذلك. ولن نقبل" أمس. وانتهى.', ['وقال "نرفض ذلك. ولن نقبل" أمس.', "وانتهى."]),
        ("التقى د. أحمد بالوفد. ثم عاد.", ["التقى د. أحمد بالوفد.", "ثم عاد."]),
        (
            "عنوان الخبر\nالرياض 10 مارس 2023\nنص الخبر هنا.",
            ["عنوان الخبر", "الرياض 10 مارس 2023", "نص الخبر هنا."],
        ),
        ("ارتفع 2.5 في المئة. وانخفض.", ["ارتفع 2.5 في المئة.", "وانخفض."]),
        (
            "قال «بداية اقتباس لا ينغلق. وجملة ثانية.",
            ["قال «بداية اقتباس لا ينغلق.", "وجملة ثانية."],
        ),
        ("  \n\n  ", []),
    ],
)
def test_sentences(text_rules: TextRules, text: str, expected: list[str]) -> None:
    assert [s.of(text) for s in split_sentences(text, text_rules)] == expected


def test_sentences_are_ordered_and_inside(text_rules: TextRules, shared_text: str) -> None:
    spans = split_sentences(shared_text, text_rules)
    assert spans and all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert all(0 <= s.start < s.end <= len(shared_text) for s in spans)


@pytest.fixture
def shared_text() -> str:
    return "وزيرا الدفاع يجريان أول محادثة\n\n26 يونيو 2024\nأجرى الوزيران اتصالاً. وناقشا الوضع."


@pytest.mark.parametrize(
    ("word", "readings"),
    [
        ("وليما", [("وليما", 0), ("ليما", 1), ("يما", 2)]),
        ("فيما", [("فيما", 0), ("يما", 1)]),
        ("للولايات", [("للولايات", 0), ("لولايات", 1), ("ولايات", 2)]),
        ("نظيره", [("نظيره", 0), ("نظير", 0)]),
        ("NATO", [("nato", 0)]),
    ],
)
def test_readings_list_every_clitic_segmentation(
    text_rules: TextRules, word: str, readings: list[tuple[str, int]]
) -> None:
    assert list(tokenize(word, text_rules)[0].readings) == readings

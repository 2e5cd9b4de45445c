"""Normalisation: every rule of data/normalize/rules.yaml on real Arabic spellings."""

from __future__ import annotations

import pytest

from hadath.errors import LexiconError
from hadath.normalize import build_normalizer, load_normalizer

FOLD = load_normalizer()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أوستن", "اوستن"),
        ("إدارة", "اداره"),
        ("آذار", "اذار"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("اتصالاً هاتفياً", "اتصالا هاتفيا"),
        ("بـــيـــان", "بيان"),
        ("مُحَمَّد", "محمد"),
        ("٢٠٢٤/٦/٢٥", "2024/6/25"),
        ("۱۴۰۲", "1402"),
        ("«لا»", '"لا"'),
        ("قال، ثم؛ لماذا؟", "قال, ثم; لماذا?"),
        ("ﻻ", "لا"),
        ("ﺑﻴﺮﻭﺕ", "بيروت"),
        ("کابل", "كابل"),
        ("NATO", "nato"),
        ("حزب\u200cالله", "حزبالله"),
    ],
)
def test_normalises(raw: str, expected: str) -> None:
    assert FOLD(raw) == expected


def test_traced_points_back_to_source() -> None:
    text = "أُوسْتِن"
    for out, index in FOLD.traced(text):
        assert FOLD(text[index]) and out in FOLD(text[index])


@pytest.mark.parametrize(
    "bad",
    [
        {"fold": {"أ": "إ", "إ": "ا"}, "remove": []},
        {"fold": {"ab": "c"}, "remove": []},
        {"fold": {}, "remove": [{"from": "a", "to": "b"}]},
        {"unicode_form": "XYZ"},
    ],
)
def test_rejects_bad_rules(bad: dict[str, object]) -> None:
    with pytest.raises(LexiconError):
        build_normalizer(bad)

"""Romanisation of Arabic names the knowledge base does not know."""

from __future__ import annotations

import pytest

from hadath.errors import LexiconError
from hadath.normalize import load_normalizer
from hadath.translit import Romaniser, load_romaniser

FOLD = load_normalizer()
ROMAN = load_romaniser(FOLD)


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("سيرغي", "Sirghi"),
        ("عبد الفتاح السيسي", "Abd al-Ftah al-Sisi"),
        ("لين تريسي", "Lin Trisi"),
        ("وليد", "Wlid"),  # short vowels are not written, so they are not invented
        ("ماثيو", "Mathiw"),
        ("غيراسيموف", "Ghirasimuf"),
        ("كيم 2", "Kim 2"),
    ],
)
def test_romanises_names(arabic: str, latin: str) -> None:
    assert ROMAN.name(arabic, FOLD) == latin


def test_every_arabic_letter_has_a_reading() -> None:
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    assert all(ROMAN.letter(letter, 0) or letter in ROMAN.consonants for letter in letters)


def test_bad_table_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import hadath.translit as module

    monkeypatch.setattr(module, "load_yaml", lambda _: {"consonants": {"ب": 3}, "article": {}})
    with pytest.raises(LexiconError):
        load_romaniser(FOLD)
    assert isinstance(ROMAN, Romaniser)

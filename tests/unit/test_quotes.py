"""Quotes stage: quotations and their speakers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.model import Analysis

Analyse = Callable[..., Analysis]


@pytest.mark.parametrize(
    ("text", "speaker", "quoted"),
    [
        ("وقال لافروف للصحافيين: «لن نقبل بأي شروط مسبقة في هذه المفاوضات».", "sergey-lavrov",
         "لن نقبل بأي شروط مسبقة في هذه المفاوضات"),
        ('أكد بلينكن أن "الولايات المتحدة ستواصل دعم شركائها في المنطقة".', "antony-blinken",
         "الولايات المتحدة ستواصل دعم شركائها في المنطقة"),
        ("التقى ماكرون الصحافيين أمس. وقال إن «الحوار هو الطريق الوحيد للحل».", "emmanuel-macron",
         "الحوار هو الطريق الوحيد للحل"),
    ],
)  # fmt: skip
def test_quotes_and_speakers(text: str, speaker: str, quoted: str, analyse: Analyse) -> None:
    quotes = analyse(text).quotes
    assert [(q.speaker_actor_id, q.text) for q in quotes] == [(speaker, quoted)]

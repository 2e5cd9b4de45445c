"""Title back-references: a generic title with a nisba names the person of that state."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.model import Analysis

Analyse = Callable[..., Analysis]


def _named(analysis: Analysis, text: str) -> dict[str, tuple[str | None, str]]:
    return {m.span.of(text): (m.actor_id, m.rule) for m in analysis.mentions}


@pytest.mark.parametrize(
    ("text", "phrase", "actor"),
    [
        ("التقى وزير الدفاع الفرنسي سيباستيان لوكورنو نظيره الألماني. وأكد الوزير الفرنسي أن "
         "التعاون مستمر.", "الوزير الفرنسي", "sebastien-lecornu"),
        ("انتقد المتحدث باسم وزارة الخارجية الصينية وانغ ون بين القرار. "
         "وأوضح المتحدث الصيني أن بلاده سترد.", "المتحدث الصيني", "wang-wenbin"),
    ],
)  # fmt: skip
def test_a_generic_title_names_the_last_person_of_its_state(
    text: str, phrase: str, actor: str, analyse: Analyse
) -> None:
    named = _named(analyse(text, "2023-11-04"), text)
    assert named[phrase] == (actor, "title-reference")


def test_without_a_person_of_that_state_the_nisba_stays_the_state(analyse: Analyse) -> None:
    text = "وقال الوزير الفرنسي إن التعاون مستمر."
    named = _named(analyse(text, "2023-11-04"), text)
    assert named["الفرنسي"] == ("france", "nisba")

"""Surname back-references: a bare surname after the full name is the same person."""

from __future__ import annotations

import pytest

from conftest import Analyse
from hadath.model import Analysis
from hadath.resources import Resources
from hadath.surnames import surnames


def _people_at(analysis: Analysis, word: str) -> list[str | None]:
    """The actors of the person mentions whose text is `word` (after any clitic)."""
    text = analysis.document.text
    return [
        m.actor_id
        for m in analysis.mentions
        if m.kind == "person"
        and m.span.of(text).endswith(word)
        and len(m.span.of(text)) <= len(word) + 1
    ]


@pytest.mark.parametrize(
    ("words", "cuts"),
    [
        ("سيرغي شويغو", [("شويغو",)]),
        ("محمد جواد ظريف", [("جواد", "ظريف"), ("ظريف",)]),
        ("عبد الفتاح السيسي", [("السيسي",)]),
        ("أبو مازن", []),
        ("محمد بن سلمان", []),
        ("بايدن", []),
    ],
)
def test_surnames_of_a_full_name(
    resources: Resources, words: str, cuts: list[tuple[str, ...]]
) -> None:
    fold = resources.text.normalizer
    assert surnames(fold(words).split(), resources.actors) == tuple(
        tuple(fold(w) for w in cut) for cut in cuts
    )


def test_a_bare_surname_after_the_full_name_is_that_person(analyse: Analyse) -> None:
    text = "استقبل الرئيس الفلسطيني محمود عباس وفدا أوروبيا في رام الله. وقال عباس إن الحوار مستمر."
    analysis = analyse(text)
    assert _people_at(analysis, "عباس") == ["mahmoud-abbas"]


def test_a_bare_surname_before_the_full_name_is_not_resolved(analyse: Analyse) -> None:
    text = "قال عباس إن الحوار مستمر. واستقبل الرئيس الفلسطيني محمود عباس وفدا أوروبيا."
    analysis = analyse(text)
    assert "mahmoud-abbas" not in _people_at(analysis, "عباس")


def test_a_surname_two_people_share_stays_unresolved(analyse: Analyse) -> None:
    text = (
        "التقى محمود عباس بوزير الخارجية الإيراني عباس عراقجي في الدوحة. وقال عباس إن اللقاء مثمر."
    )
    analysis = analyse(text, published="2025-03-01")
    assert [m for m in analysis.mentions if m.rule == "surname"] == []


def test_a_new_persons_surname_joins_the_tagged_full_name(analyse: Analyse) -> None:
    text = (
        "قال المتحدث العسكري باسم الجماعة منصور الحداد إن قواته استهدفت سفينة. "
        "وأضاف الحداد أن العمليات ستستمر."
    )
    analysis = analyse(text, published="2024-01-12")
    new = [a for a in analysis.actors if a.id.startswith("new-")]
    assert len(new) == 1
    assert set(_people_at(analysis, "الحداد")) == {new[0].id}


def test_a_surname_inside_a_date_stays_a_date(analyse: Analyse) -> None:
    text = "التقت رئيسة الوزراء البريطانية تيريزا ماي بنظيرها الفرنسي. وسيعقد لقاء آخر في 5 ماي."
    analysis = analyse(text, published="2018-04-10")
    date_words = [m for m in analysis.mentions if m.span.of(analysis.document.text) == "ماي"]
    assert date_words == []
    assert any(t.span.of(analysis.document.text).endswith("ماي") for t in analysis.times)

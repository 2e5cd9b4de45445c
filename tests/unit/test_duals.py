"""Dual titles with nisbas: "الرئيسان الأمريكي والروسي" names each state's holder."""

from __future__ import annotations

import pytest

from conftest import Analyse


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("وكان الرئيسان الأميركي والروسي قد تحادثا.", "2022-02-13",
         [("الأميركي", "joe-biden"), ("الروسي", "vladimir-putin")]),
        ("أعلن الرئيسان الأمريكي والفرنسي موقفا موحدا.", "2019-06-01",
         [("الأمريكي", "donald-trump"), ("الفرنسي", "emmanuel-macron")]),
        ("بحث الوزيران السعودي والإيراني الخطوات التالية.", "2023-04-06",
         []),  # which ministry? several offices have holders: the states stay states
        # a dual title may name its ministry
        ("التقى وزيرا الخارجية السعودي والإيراني في بكين.", "2023-04-06",
         [("السعودي", "faisal-bin-farhan"), ("الإيراني", "hossein-amir-abdollahian")]),
        ("وأجرى وزيرا الدفاع الأميركي والروسي اتصالا هاتفيا.", "2024-06-26",
         [("الأميركي", "lloyd-austin"), ("الروسي", "andrey-belousov")]),
    ],
)  # fmt: skip
def test_a_dual_title_names_each_states_holder(
    analyse: Analyse, text: str, date: str, expected: list[tuple[str, str]]
) -> None:
    analysis = analyse(text, date)
    people = [(m.span.of(text), m.actor_id) for m in analysis.mentions if m.rule == "dual"]
    assert people == expected


def test_a_dual_titles_people_are_resolved_again_on_the_events_date(analyse: Analyse) -> None:
    text = "وأجرى الرئيسان الأميركي والروسي اتصالا هاتفيا في 13 مايو 2017."
    (event,) = analyse(text, "2022-02-13").events
    assert set(event.actors) == {"donald-trump", "vladimir-putin"}


def test_a_bare_dual_is_left_alone(analyse: Analyse) -> None:
    analysis = analyse("وقع الوزيران بيانا مشتركا.", "2023-04-06")
    assert [m for m in analysis.mentions if m.rule == "dual"] == []

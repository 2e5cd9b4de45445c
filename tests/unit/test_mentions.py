"""Mentions stage: names, nisba adjectives and office titles linked to actors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.model import Analysis

Analyse = Callable[..., Analysis]


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        ("التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره", "أنتوني بلينكن", "antony-blinken"),
        ("وقال لافروف إن موسكو ترفض ذلك", "لافروف", "sergey-lavrov"),
        ("أرسلت لبلينكن رسالة", "بلينكن", "antony-blinken"),
        ("وأعلن الكرملين أمس", "الكرملين", "kremlin"),
        (
            "قالت وزارة الخارجية الروسية في بيان",
            "وزارة الخارجية الروسية",
            "ministry-of-foreign-affairs-rus",
        ),
        ("رحبت الولايات المتحدة بالقرار", "الولايات المتحدة", "usa"),
        ("وقال الرئيس الفرنسي إيمانويل ماكرون", "إيمانويل ماكرون", "emmanuel-macron"),
    ],
)
def test_mentions_link_names(text: str, surface: str, actor: str, analyse: Analyse) -> None:
    analysis = analyse(text)
    found = {(m.span.of(text), m.actor_id) for m in analysis.mentions}
    assert (surface, actor) in found


def test_office_title_resolves_to_holder_on_the_date(analyse: Analyse) -> None:
    text = "أعلن وزير الدفاع الروسي أن القوات انسحبت"
    early = analyse(text, "2023-03-15")
    late = analyse(text, "2024-06-26")
    assert "sergei-shoigu" in {m.actor_id for m in early.mentions}
    assert "andrey-belousov" in {m.actor_id for m in late.mentions}


def test_repeated_mention_of_one_call_is_one_event(analyse: Analyse) -> None:
    text = ("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون "
            "الثلاثاء. وبحث الرئيسان خلال الاتصال الهاتفي الوضع في أوكرانيا.")  # fmt: skip
    consult = [e for e in analyse(text).events if e.type == "CONSULT"]
    assert len(consult) == 1 and consult[0].date is not None
    assert consult[0].date.value == "2023-03-14"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوزير إلى ليما أمس", {"peru"}),
        ("وصل الوزير أمس فيما غادر نظيره", set()),
        ("أعلنت بنما قرارها", {"panama"}),
        ("نما الاقتصاد بسرعة", set()),
        ("رحب المستشار الألماني بالقرار", {"olaf-scholz"}),
    ],
)
def test_names_are_found_with_clitics_and_never_inside_other_words(
    text: str, expected: set[str], analyse: Analyse
) -> None:
    ids = {m.actor_id for m in analyse(text).mentions}
    assert ids == expected

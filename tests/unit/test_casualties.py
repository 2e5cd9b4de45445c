"""Casualty counts: the dead and injured an attack's sentence states."""

from __future__ import annotations

import pytest

from conftest import Analyse


@pytest.mark.parametrize(
    ("text", "dead", "injured"),
    [
        ("شنت القوات الأوكرانية هجوما على مدينة سيفاستوبول أسفر عن مقتل أربعة أشخاص وإصابة أكثر "
         "من 150 آخرين.", 4, 150),
        ("وقصفت القوات الروسية بلدة في شرق أوكرانيا، وقتل 29 جنديا أوكرانيا وأصيب 175.", 29, 175),
        ("وشنت طائرات التحالف العربي غارات على مواقع الحوثيين، وذكرت مصادر أن 25 حوثيا قتلوا.",
         25, None),
        ("وهاجمت القوات الإسرائيلية مخيما في غزة قتل فيه سبعة فلسطينيين.", 7, None),
        # a year is no count
        ("وشنت القوات الروسية منذ 2014 هجمات سقط فيها آلاف القتلى.", None, None),
        # no number: no count
        ("وشنت القوات الأمريكية غارة جوية على مواقع لتنظيم داعش.", None, None),
    ],
)  # fmt: skip
def test_an_attack_counts_the_dead_and_injured_its_sentence_states(
    text: str, dead: int | None, injured: int | None, analyse: Analyse
) -> None:
    attacks = [e for e in analyse(text, "2024-06-26").events if e.type == "ASSAULT"]
    assert attacks and (attacks[0].dead, attacks[0].injured) == (dead, injured)


def test_other_acts_count_no_casualties(analyse: Analyse) -> None:
    text = "وأدانت فرنسا الهجوم الذي أسفر عن مقتل أربعة أشخاص."
    condemned = [e for e in analyse(text, "2024-06-26").events if e.type == "ACCUSE"]
    assert condemned and (condemned[0].dead, condemned[0].injured) == (None, None)

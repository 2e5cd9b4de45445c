"""The other side of a fight: attacks told without a target, and acts done in response."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.model import Analysis
from hadath.resources import Resources
from hadath.sides import side

Analyse = Callable[..., Analysis]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("شنت طائرات التحالف العربي غارات على مواقع لجماعة الحوثي في صعدة. وجاء ذلك بالتزامن "
         "مع قصف مدفعي للتحالف العربي على مواقع في مديرية حرض.", "houthis"),
        # the side is the state: its army's attacks and the state's are one side's
        ("قصفت إسرائيل مواقع لحركة حماس في غزة. وقال الجيش الإسرائيلي إنه قصف أهدافا أخرى في "
         "رفح.", "hamas"),
        # who attacked the side is its enemy too
        ("أطلقت حركة حماس صواريخ على إسرائيل. وقال الجيش الإسرائيلي إنه قصف أهدافا في رفح.",
         "hamas"),
    ],
)  # fmt: skip
def test_an_attack_without_a_target_is_on_the_sides_one_enemy(
    text: str, target: str, analyse: Analyse
) -> None:
    attacks = [e for e in analyse(text, "2018-08-09").events if e.type == "ASSAULT"]
    assert attacks and attacks[-1].recipients == (target,)


def test_a_side_with_two_enemies_gives_no_target(analyse: Analyse) -> None:
    text = (
        "قصفت إسرائيل مواقع لحركة حماس في غزة. وقصفت إسرائيل مواقع للجيش السوري قرب دمشق. "
        "وقال الجيش الإسرائيلي إنه شن غارة جديدة."
    )
    attacks = [e for e in analyse(text, "2018-08-09").events if e.type == "ASSAULT"]
    assert attacks[-1].recipients == ()


@pytest.mark.parametrize(
    ("text", "event", "recipients"),
    [
        # the one the act responded to was done to is mostly the actor itself: no target
        ("قصف الجيش الإسرائيلي مواقع في غزة ردا على إطلاق صواريخ على إسرائيل.", "ASSAULT", ()),
        # the one who did the act responded to is the target
        ("ستتخذ روسيا إجراءات انتقامية ردا على العقوبات الأمريكية.", "THREATEN",
         ("usa",)),
        ("وأطلقت فرنسا صواريخ ردا على هجوم كيماوي للحكومة السورية.",
         "ASSAULT", ("government-syr",)),
    ],
)  # fmt: skip
def test_an_act_done_in_response_targets_the_doer_of_the_act_it_answers(
    text: str, event: str, recipients: tuple[str, ...], analyse: Analyse
) -> None:
    coded = [e for e in analyse(text, "2018-08-09").events if e.type == event]
    assert coded and coded[0].recipients == recipients


def test_a_states_bodies_are_its_side_and_a_group_is_its_own(resources: Resources) -> None:
    kb = resources.actors
    assert side("idf", kb) == side("israel", kb)
    assert side("houthis", kb) != side("yemen", kb)

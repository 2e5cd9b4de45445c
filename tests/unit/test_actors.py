"""Actors stage: the Actor records an analysis refers to."""

from __future__ import annotations

from collections.abc import Callable

from hadath.model import Analysis

Analyse = Callable[..., Analysis]


def test_actors_stage_lists_every_referenced_actor(analyse: Analyse) -> None:
    analysis = analyse("فرضت الولايات المتحدة عقوبات جديدة على إيران")
    listed = {a.id for a in analysis.actors}
    assert {a for e in analysis.events for a in (*e.actors, *e.recipients)} <= listed


def test_actors_come_in_order_of_first_mention_without_repeats(analyse: Analyse) -> None:
    analysis = analyse("التقى لافروف بلينكن في جنيف، وقال لافروف إن موسكو ترفض الشروط.")
    ids = [a.id for a in analysis.actors]
    assert ids[:2] == ["sergey-lavrov", "antony-blinken"]
    assert len(ids) == len(set(ids))


def test_actor_records_carry_time_bounded_roles(analyse: Analyse) -> None:
    analysis = analyse("وقال وزير الدفاع الروسي سيرغي شويغو إن القوات انسحبت.")
    shoigu = next(a for a in analysis.actors if a.id == "sergei-shoigu")
    assert shoigu.name == "Sergei Shoigu" and shoigu.country == "RUS"
    assert any(r.start and r.end for r in shoigu.roles)

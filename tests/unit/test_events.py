"""Events stage: triggers, participants, dates, modality and merging."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.model import Analysis

Analyse = Callable[..., Analysis]


@pytest.mark.parametrize(
    ("text", "event", "mode", "actors", "recipients"),
    [
        ("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون",
         "CONSULT", "phone", {"vladimir-putin", "emmanuel-macron"}, set()),
        ("أدانت وزارة الخارجية الروسية الضربات الأمريكية", "ACCUSE", "disapprove",
         {"ministry-of-foreign-affairs-rus"}, {"usa"}),
        ("فرضت الولايات المتحدة عقوبات جديدة على إيران", "SANCTION", None, {"usa"}, {"iran"}),
        ("حذر الكرملين الولايات المتحدة من عواقب", "THREATEN", None, {"kremlin"}, {"usa"}),
    ],
)  # fmt: skip
def test_events(text: str, event: str, mode: str | None, actors: set[str], recipients: set[str],
                analyse: Analyse) -> None:  # fmt: skip
    analysis = analyse(text)
    coded = [(e.type, e.mode, set(e.actors), set(e.recipients)) for e in analysis.events]
    assert (event, mode, actors, recipients) in coded


@pytest.mark.parametrize(
    "text",
    [
        "قد يجري الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون",
        "لم يفرض الاتحاد الأوروبي عقوبات جديدة على إيران",
    ],
)
def test_unasserted_events_are_not_coded(text: str, analyse: Analyse) -> None:
    assert analyse(text).events == ()


def test_event_date_comes_from_its_clause(analyse: Analyse) -> None:
    text = ("وتعود آخر مكالمة بين بوتين وماكرون إلى 3 مارس، قبل أيام من اتصال هاتفي بين "
            "لافروف وبلينكن في 10 مارس.")  # fmt: skip
    events = analyse(text).events
    by_actors = {frozenset(e.actors): e for e in events}
    first = by_actors[frozenset({"vladimir-putin", "emmanuel-macron"})]
    second = by_actors[frozenset({"sergey-lavrov", "antony-blinken"})]
    assert first.date is not None and first.date.value == "2023-03-03" and first.historical
    assert second.date is not None and second.date.value == "2023-03-10"

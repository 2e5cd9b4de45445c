"""The pipeline stages on Arabic sentences written for these tests."""

from __future__ import annotations

import pytest

from hadath.model import Analysis, Document
from hadath.pipeline import process
from hadath.resources import Resources


def _run(text: str, resources: Resources, published: str = "2023-03-15") -> Analysis:
    return process(Document("t", text, published=published, published_precision="day"), resources)


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
def test_mentions_link_names(text: str, surface: str, actor: str, resources: Resources) -> None:
    analysis = _run(text, resources)
    found = {(m.span.of(text), m.actor_id) for m in analysis.mentions}
    assert (surface, actor) in found


def test_office_title_resolves_to_holder_on_the_date(resources: Resources) -> None:
    text = "أعلن وزير الدفاع الروسي أن القوات انسحبت"
    early = _run(text, resources, "2023-03-15")
    late = _run(text, resources, "2024-06-26")
    assert "sergei-shoigu" in {m.actor_id for m in early.mentions}
    assert "andrey-belousov" in {m.actor_id for m in late.mentions}


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
                resources: Resources) -> None:  # fmt: skip
    analysis = _run(text, resources)
    coded = [(e.type, e.mode, set(e.actors), set(e.recipients)) for e in analysis.events]
    assert (event, mode, actors, recipients) in coded


@pytest.mark.parametrize(
    "text",
    [
        "قد يجري الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون",
        "لم يفرض الاتحاد الأوروبي عقوبات جديدة على إيران",
    ],
)
def test_unasserted_events_are_not_coded(text: str, resources: Resources) -> None:
    assert _run(text, resources).events == ()


def test_event_date_comes_from_its_clause(resources: Resources) -> None:
    text = ("وتعود آخر مكالمة بين بوتين وماكرون إلى 3 مارس، قبل أيام من اتصال هاتفي بين "
            "لافروف وبلينكن في 10 مارس.")  # fmt: skip
    events = _run(text, resources).events
    by_actors = {frozenset(e.actors): e for e in events}
    first = by_actors[frozenset({"vladimir-putin", "emmanuel-macron"})]
    second = by_actors[frozenset({"sergey-lavrov", "antony-blinken"})]
    assert first.date is not None and first.date.value == "2023-03-03" and first.historical
    assert second.date is not None and second.date.value == "2023-03-10"


def test_repeated_mention_of_one_call_is_one_event(resources: Resources) -> None:
    text = ("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون "
            "الثلاثاء. وبحث الرئيسان خلال الاتصال الهاتفي الوضع في أوكرانيا.")  # fmt: skip
    consult = [e for e in _run(text, resources).events if e.type == "CONSULT"]
    assert len(consult) == 1 and consult[0].date is not None
    assert consult[0].date.value == "2023-03-14"


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
def test_quotes_and_speakers(text: str, speaker: str, quoted: str, resources: Resources) -> None:
    quotes = _run(text, resources).quotes
    assert [(q.speaker_actor_id, q.text) for q in quotes] == [(speaker, quoted)]


def test_actors_stage_lists_every_referenced_actor(resources: Resources) -> None:
    analysis = _run("فرضت الولايات المتحدة عقوبات جديدة على إيران", resources)
    listed = {a.id for a in analysis.actors}
    assert {a for e in analysis.events for a in (*e.actors, *e.recipients)} <= listed

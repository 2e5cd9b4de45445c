"""Title back-references: a generic title with a nisba names the person of that state."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.model import Analysis, Document
from hadath.pipeline import process
from hadath.resources import Resources

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


def test_a_title_of_his_own_state_after_a_name_describes_that_person(analyse: Analyse) -> None:
    text = "التقى الأمير محمد بن سلمان عبدربه منصور هادي رئيس الجمهورية اليمنية في الرياض."
    named = _named(analyse(text), text)
    assert named["رئيس الجمهورية اليمنية"] == ("abdrabbuh-mansur-hadi", "apposition")


@pytest.mark.parametrize(
    "text",
    [
        # another state's title after a name is someone else
        "استقبل الرئيس الروسي فلاديمير بوتين وزير الخارجية التركي في موسكو.",
        # a title that introduces the next name is that name's
        "التقى الرئيس الأمريكي دونالد ترامب وزير الدفاع الأمريكي جيمس ماتيس في البيت الأبيض.",
    ],
)
def test_a_title_that_is_someone_else_is_no_apposition(text: str, analyse: Analyse) -> None:
    rules = {rule for _, rule in _named(analyse(text, "2018-03-15"), text).values()}
    assert "apposition" not in rules


def test_a_bare_title_names_the_recognised_holder_not_a_rival(analyse: Analyse) -> None:
    # In 2015 a Houthi rival also claimed the Yemeni presidency (a concurrent role).
    text = "ودعا الرئيس اليمني المبعوث الأممي إلى زيارة عدن."
    named = _named(analyse(text, "2015-07-27"), text)
    assert named["الرئيس اليمني"][0] == "abdrabbuh-mansur-hadi"


@pytest.mark.parametrize(
    ("text", "phrase", "actor"),
    [
        ("شنت طائرات التحالف العربي غارات على مواقع في صعدة. وقال التحالف إن الغارات أصابت "
         "أهدافها.", "التحالف", "saudi-led-coalition"),
        ("قالت حركة حماس إنها تدرس المقترح. وأضافت الحركة أن الرد سيصدر قريبا.", "الحركة",
         "hamas"),
        # ل written on the article ("للتحالف") is definite too
        ("شنت طائرات التحالف العربي غارات على صعدة. وقتل مدنيان في غارة للتحالف.", "للتحالف",
         "saudi-led-coalition"),
        # A plural head in the other case ending.
        ("اتهمت كييف الانفصاليين الموالين لروسيا بخرق الهدنة. وقال الجيش إن الانفصاليون قصفوا "
         "مواقعه.", "الانفصاليون", "russian-separatists-ukraine"),
        # a ministry named in full, then "الوزارة"
        ("أصدرت وزارة الخارجية التركية بيانا بشأن العقوبات. ودعت الوزارة واشنطن إلى مراجعة "
         "قرارها.", "الوزارة", "ministry-of-foreign-affairs-tur"),
    ],
)  # fmt: skip
def test_a_bare_head_noun_names_the_body_named_in_full_before(
    text: str, phrase: str, actor: str, analyse: Analyse
) -> None:
    named = _named(analyse(text, "2023-11-04"), text)
    assert named[phrase] == (actor, "short-form")


def test_a_bare_head_noun_with_no_body_named_before_names_no_one(analyse: Analyse) -> None:
    text = "وقال التحالف إن الغارات أصابت أهدافها. وشنت طائرات التحالف العربي غارات جديدة."
    named = _named(analyse(text, "2023-11-04"), text)
    assert "التحالف" not in named


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("قال الجيش الأوكراني إن الانفصاليين هاجموا القوات الحكومية قرب دونيتسك، فيما قالت "
         "موسكو إن كييف تصعد. وأكدت أوكرانيا أن القوات الحكومية صدت الهجوم.", "ukraine"),
        ("أعلنت دمشق أن القوات الحكومية السورية استعادت السيطرة على البلدة. وقال مصدر في "
         "موسكو إن قوات النظام تقدمت.", "syria"),
    ],
)  # fmt: skip
def test_government_forces_are_the_state_the_story_names_most(
    text: str, state: str, analyse: Analyse
) -> None:
    found = {m.actor_id for m in analyse(text, "2023-11-04").mentions if m.rule == "government"}
    assert found == {state}


def test_forces_whose_state_is_named_are_that_states(analyse: Analyse) -> None:
    text = "أعلنت طهران دعمها لدمشق. وقصفت إسرائيل مواقع قوات النظام السوري."
    mentions = analyse(text, "2023-11-04").mentions
    assert not [m for m in mentions if m.rule == "government"]


def test_in_an_undated_text_a_bare_title_stays_its_state(resources: Resources) -> None:
    # Today's holder may not be the one an archived text speaks of.
    text = "ودعا الرئيس اليمني المبعوث الأممي إلى زيارة عدن."
    undated = process(Document("t", text), resources)
    dated = process(Document("t", text, published="2015-07-27", published_precision="day"),
                    resources)  # fmt: skip
    assert [m.actor_id for m in undated.mentions if m.rule == "office"] == ["yemen"]
    assert [m.actor_id for m in dated.mentions if m.rule == "office"] == ["abdrabbuh-mansur-hadi"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("التقى الرئيس اليمني عبدربه منصور هادي وفدا أمميا. وقال الرئيس اليمني إن الهدنة صامدة.",
         "abdrabbuh-mansur-hadi"),
        ("أجرى وزير الخارجية الروسي سيرغي لافروف محادثات في جنيف، ثم غادر وزير الخارجية الروسي "
         "إلى موسكو.", "sergey-lavrov"),
    ],
)  # fmt: skip
def test_in_an_undated_text_a_title_names_the_holder_it_named_before(
    text: str, person: str, resources: Resources
) -> None:
    mentions = process(Document("t", text), resources).mentions
    assert [m.actor_id for m in mentions if m.rule == "office"] == [person]

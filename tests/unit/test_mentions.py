"""Mentions stage: names, nisba adjectives and office titles linked to actors."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.phrases import build_index
from hadath.mentions import find_mentions
from hadath.model import Actor, Analysis, Role
from hadath.resources import Resources
from hadath.tokenize import tokenize

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


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وأفاد بيان للخارجية المصرية بأن رئيس البلاد استقبل الوفد.", "abdel-fattah-el-sisi"),
        ("قالت وسائل إعلام فرنسية إن رئيس البلاد سيزور الجزائر.", "emmanuel-macron"),
    ],
)
def test_the_head_of_the_country_is_the_state_just_named(
    text: str, actor: str, analyse: Analyse
) -> None:
    found = {m.span.of(text): m.actor_id for m in analyse(text, "2019-05-10").mentions}
    assert found.get("رئيس البلاد") == actor


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        # The state named last by its name, not the adjective after it.
        ("زار الوزير ليبيا أمس، وتفقد القوات التركية المنتشرة في هذا البلد.", "هذا البلد",
         "libya"),
        ("وصل الرئيس إلى العراق ثم توجه إلى الكويت، حيث التقى أمير هذه الدولة.", "هذه الدولة",
         "kuwait"),
    ],
)  # fmt: skip
def test_this_country_is_the_state_named_last(
    text: str, surface: str, actor: str, analyse: Analyse
) -> None:
    found = {m.span.of(text): m.actor_id for m in analyse(text, "2019-05-10").mentions}
    assert found.get(surface) == actor


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


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # in office on the date: the Jordanian one
        ("صرح سامر التستاوي للصحفيين اليوم", "2020-06-01", "samer-testawi-jor"),
        # neither in office: the one whose state is named nearby
        ("وصل سامر التستاوي إلى مصر أمس", "2005-06-01", "samer-testawi-egy"),
        ("وصل سامر التستاوي إلى الأردن أمس", "2005-06-01", "samer-testawi-jor"),
        # no context at all: left unresolved rather than guessed
        ("صرح سامر التستاوي للصحفيين اليوم", "2005-06-01", None),
    ],
)
def test_an_ambiguous_name_is_resolved_by_office_date_and_nearby_state(
    resources: Resources, text: str, date: str, expected: str | None
) -> None:
    role = Role("Minister of Foreign Affairs", "JOR", "2018-01-01", "2022-01-01")
    twins = {
        "samer-testawi-egy": Actor("samer-testawi-egy", "Samer Testawi", "person", "EGY"),
        "samer-testawi-jor": Actor("samer-testawi-jor", "Samer Testawi (Jordan)", "person", "JOR",
                                   roles=(role,)),
    }  # fmt: skip
    kb = resources.actors
    names = build_index(
        [*((ar, i) for i, a in kb.actors.items() for ar in a.arabic),
         *(("سامر التستاوي", i) for i in twins)],
        resources.text,
    )  # fmt: skip
    starts = kb.first_words | set(names.root.children)
    kb = dataclasses.replace(
        kb, actors=FrozenMap({**kb.actors, **twins}), names=names, first_words=starts
    )
    tokens = tokenize(text, resources.text)
    found = [m.actor_id for m in find_mentions(kb, tokens, date) if m.rule == "name"]
    assert found[0] == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("قال الأمين العام للأمم المتحدة إن الوضع خطير.", "2015-06-01", "ban-ki-moon"),
        ("قال الأمين العام للأمم المتحدة إن الوضع خطير.", "2023-06-01", "antonio-guterres"),
        ("وصل المبعوث الأممي إلى اليمن إلى صنعاء.", "2023-03-15", "hans-grundberg"),
        ("قال المدير العام للوكالة الدولية للطاقة الذرية إن التفتيش مستمر.", "2005-03-15",
         "mohamed-elbaradei"),
        ("قال الأمين العام لحزب الله إن الحزب مستعد.", "2020-03-15", "hassan-nasrallah"),
    ],
)  # fmt: skip
def test_a_title_that_names_its_body_needs_no_state(
    analyse: Analyse, text: str, date: str, expected: str
) -> None:
    assert expected in {m.actor_id for m in analyse(text, date).mentions}


def test_a_national_title_without_its_state_names_nobody(analyse: Analyse) -> None:
    (mention,) = analyse("قال وزير الخارجية إن الحل سياسي.", "2020-03-15").mentions
    assert mention.actor_id is None


def test_a_place_after_a_title_does_not_take_the_titles_place(analyse: Analyse) -> None:
    mentions = analyse("وصل المبعوث الأممي إلى اليمن إلى صنعاء.", "2023-03-15").mentions
    assert [m.actor_id for m in mentions] == ["hans-grundberg", "yemen"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال نائب وزير الخارجية الروسي إن الحوار مستمر.", ("russia", "state")),
        ("قال مساعد الرئيس الأمريكي إن الحوار مستمر.", ("usa", "state")),
        ("قال نائب الرئيس الأمريكي إن الحوار مستمر.", ("kamala-harris", "person")),  # an office
        ("قال وزير الخارجية الروسي إن الحوار مستمر.", ("sergey-lavrov", "person")),
    ],
)
def test_a_deputys_title_is_not_the_holder(
    analyse: Analyse, text: str, expected: tuple[str, str]
) -> None:
    (mention,) = analyse(text, "2023-03-15").mentions
    assert (mention.actor_id, mention.kind) == expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a post with its state's nisba is complete: the state after it is another party
        ("زار الرئيس التركي روسيا أمس.", "name"),
        # a post and the body it serves, and a state after a post's preposition before a name
        ("قال مبعوث الأمم المتحدة إن الحوار مستمر.", "titled"),
        ("قال مندوب روسيا الدائم لدى الأمم المتحدة إن الحوار مستمر.", "titled"),
    ],
)
def test_a_body_or_state_after_a_post(analyse: Analyse, text: str, rule: str) -> None:
    named = [m for m in analyse(text, "2023-03-15").mentions if m.kind != "person"]
    assert named and named[0].rule == rule

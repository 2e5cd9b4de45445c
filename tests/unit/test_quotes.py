"""Quotes stage: quotations and their speakers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.model import Analysis

Analyse = Callable[..., Analysis]


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
def test_quotes_and_speakers(text: str, speaker: str, quoted: str, analyse: Analyse) -> None:
    quotes = analyse(text).quotes
    assert [(q.speaker_actor_id, q.text) for q in quotes] == [(speaker, quoted)]


def _speakers(analysis: Analysis) -> list[str | None]:
    return [q.speaker_actor_id for q in analysis.quotes]


def test_a_continuation_verb_keeps_the_previous_speaker(analyse: Analyse) -> None:
    text = (
        'وقال لافروف في مؤتمر صحفي مع أردوغان إن "الحوار بين البلدين مستمر بلا انقطاع". '
        'وأضاف أن "العقوبات الغربية لن تغير موقف موسكو أبدا".'
    )
    assert _speakers(analyse(text, "2018-03-26")) == ["sergey-lavrov", "sergey-lavrov"]


def test_a_state_after_inna_is_what_was_said_not_who_said_it(analyse: Analyse) -> None:
    text = (
        "انتقد وزير الخارجية الروسي سيرغي لافروف الخطوة، "
        'وقال للصحفيين إن لندن تتصرف "بعجرفة واضحة في كل خطوة".'
    )
    assert _speakers(analyse(text, "2018-03-14")) == ["sergey-lavrov"]


def test_the_speaker_of_qawluhu_is_named_before_it(analyse: Analyse) -> None:
    text = (
        "ونقلت الوكالة عن الرئيس الإيراني حسن روحاني، قوله خلال استقباله وليد المعلم، "
        'إن "الحل السياسي هو الطريق الوحيد في سوريا".'
    )
    assert _speakers(analyse(text, "2015-08-05")) == ["hassan-rouhani"]


def test_a_person_a_title_introduces_is_the_speaker_not_the_titles_state(analyse: Analyse) -> None:
    text = (
        "وقال مساعد الرئيس الروسي للشؤون الخارجية يوري أوشاكوف للصحفيين إن "
        '"المحادثات كانت صريحة وعملية إلى حد بعيد".'
    )
    (quote,) = analyse(text, "2022-02-13").quotes
    assert quote.speaker_actor_id is not None and quote.speaker_actor_id.startswith("new-")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A generic title with a nisba refers back to the person of that state named before.
        ("بحث وزير الخارجية الأميركي أنتوني بلينكن مع نظيره الأردني الأزمة. "
         'وقال الوزير الأميركي إن "الحل الدبلوماسي ما زال ممكنا في رأينا".', "antony-blinken"),
        # A name after a preposition is where the words were said, not who said them.
        ("حذر وزير الخزانة الأمريكي ستيفن منوتشين أنقرة من عقوبات جديدة. "
         'وقال خلال مؤتمر في البيت الأبيض "لن ننتظر طويلا قبل أن نتحرك".', "steven-mnuchin"),
        # "وقال" naming nobody continues the previous sentence's subject, not its last name.
        ("دعا وزير الخارجية الأميركي أنتوني بلينكن نظيره الروسي سيرغي لافروف إلى وقف التصعيد. "
         'وقال في مؤتمر صحفي "الوقت ما زال متاحا أمام الدبلوماسية".', "antony-blinken"),
        # A nisba before a name gives way to the person it introduces.
        ('وقال السفير الروسي لدى لندن ألكسندر ياكوفينكو إن "بلاده لن ترد على الإنذار".',
         "alexander-yakovenko"),
    ],
)  # fmt: skip
def test_speakers_named_by_title_or_after_a_place(text: str, speaker: str,
                                                  analyse: Analyse) -> None:  # fmt: skip
    assert _speakers(analyse(text, "2022-03-15" if "بلينكن" in text else "2018-08-16")) == [speaker]


def test_a_quotation_does_not_run_past_its_paragraph(analyse: Analyse) -> None:
    # the first paragraph's quotation is never closed
    text = ('وقال ماكرون إن "الحوار ضروري لحل الأزمة الراهنة.\n'
            'وبعث رئيس الوزراء الياباني شينزو آبي برسالة مؤكدا أن "اليابان تقف إلى جانب '
            'شركائها في هذه الظروف".')  # fmt: skip
    quoted = [q.text for q in analyse(text, "2018-03-20").quotes]
    assert quoted == ["اليابان تقف إلى جانب شركائها في هذه الظروف"]


def test_with_no_speech_verb_the_sentences_subject_speaks(analyse: Analyse) -> None:
    text = ("قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة للحوار. "
            'وتمنى الرئيس الفرنسي إيمانويل ماكرون لبوتين النجاح في "تحديث الاقتصاد الروسي '
            'في السنوات المقبلة".')  # fmt: skip
    quotes = analyse(text, "2018-03-20").quotes
    assert [q.speaker_actor_id for q in quotes] == ["emmanuel-macron"]

"""Events stage: triggers, participants, dates, modality and merging."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.lexicons.morphology import VERB
from hadath.merging import NEW, merge
from hadath.model import Analysis, Document, Event, Span, TimeValue
from hadath.pipeline import process
from hadath.resources import Resources
from hadath.tokenize import tokenize
from hadath.triggers import _word_matches

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
        "ولم تفرض الولايات المتحدة عقوبات جديدة على إيران",
        "حذرت فرنسا إيران من أنها إذا فرضت عقوبات على شركاتها فسترد",
        # A staged act did not happen, nor has one only plotted.
        "وأقرت الحكومة الإيطالية بأنها اختلقت خطف الدبلوماسي الفرنسي في روما",
        "وكشفت الأجهزة الأمنية عن مخطط لاغتيال وزير الداخلية الأردني",
    ],
)
def test_unasserted_events_are_not_coded(text: str, analyse: Analyse) -> None:
    # The warning itself is asserted; the sanctions it speaks of are a condition.
    assert [e.type for e in analyse(text).events if e.type != "THREATEN"] == []


def test_event_date_comes_from_its_clause(analyse: Analyse) -> None:
    text = ("وتعود آخر مكالمة بين بوتين وماكرون إلى 3 مارس، قبل أيام من اتصال هاتفي بين "
            "لافروف وبلينكن في 10 مارس.")  # fmt: skip
    events = analyse(text).events
    by_actors = {frozenset(e.actors): e for e in events}
    first = by_actors[frozenset({"vladimir-putin", "emmanuel-macron"})]
    second = by_actors[frozenset({"sergey-lavrov", "antony-blinken"})]
    assert first.date is not None and first.date.value == "2023-03-03" and first.historical
    assert second.date is not None and second.date.value == "2023-03-10"


def _dates(analysis: Analysis) -> dict[str, tuple[str | None, str | None]]:
    return {e.type: (e.date.value if e.date else None, e.date_source) for e in analysis.events}


def test_an_undated_event_goes_on_with_the_day_of_the_last_dated_one(analyse: Analyse) -> None:
    text = (
        "أجرى الرئيس الفرنسي إيمانويل ماكرون أمس اتصالا هاتفيا بالرئيس الروسي فلاديمير بوتين. "
        "واتهم ماكرون روسيا بتصعيد الهجمات على المدن الأوكرانية."
    )
    dates = _dates(analyse(text, "2023-03-15"))
    assert dates["CONSULT"] == ("2023-03-14", "clause")
    assert dates["ACCUSE"] == ("2023-03-14", "context")


def test_an_earlier_day_further_on_is_background_and_does_not_carry(analyse: Analyse) -> None:
    text = (
        "أجرى الرئيس الفرنسي إيمانويل ماكرون أمس اتصالا هاتفيا بالرئيس الروسي فلاديمير بوتين. "
        "وهاجمت القوات الروسية المدن الأوكرانية في 2 مارس. "
        "واتهم ماكرون روسيا بتصعيد الهجمات على المدن الأوكرانية."
    )
    assert _dates(analyse(text, "2023-03-15"))["ACCUSE"] == ("2023-03-14", "context")


def test_an_undated_event_of_the_story_takes_the_day_its_lead_reports(analyse: Analyse) -> None:
    text = (
        "نشرت وكالة الأنباء الرسمية أمس نص البيان الختامي. "
        "واتهم ماكرون روسيا بتصعيد الهجمات على المدن الأوكرانية."
    )
    assert _dates(analyse(text, "2023-03-15"))["ACCUSE"] == ("2023-03-14", "lead")


def test_a_background_event_without_a_date_of_its_own_gets_none(analyse: Analyse) -> None:
    text = (
        "أجرى الرئيس الفرنسي إيمانويل ماكرون أمس اتصالا هاتفيا بالرئيس الروسي فلاديمير بوتين. "
        "وسبق أن اتهم ماكرون روسيا بتصعيد الهجمات على المدن الأوكرانية."
    )
    assert _dates(analyse(text, "2023-03-15"))["ACCUSE"] == (None, None)


def test_without_a_dated_lead_an_undated_event_takes_the_publication_month(
    analyse: Analyse,
) -> None:
    text = "اتهم الرئيس الفرنسي إيمانويل ماكرون روسيا بتصعيد الهجمات على المدن الأوكرانية."
    assert _dates(analyse(text, "2023-03-15"))["ACCUSE"] == ("2023-03", "publication-month")


def test_without_a_publication_day_an_undated_event_has_no_date(resources: Resources) -> None:
    text = "اتهم الرئيس الفرنسي إيمانويل ماكرون روسيا بتصعيد الهجمات على المدن الأوكرانية."
    analysis = process(Document("t", text, published="2023", published_precision="year"), resources)
    assert _dates(analysis)["ACCUSE"] == (None, None)


def test_a_time_elsewhere_in_the_sentence_dates_an_event_whose_clause_has_none(
    analyse: Analyse,
) -> None:
    text = (
        "اتهم الرئيس الفرنسي إيمانويل ماكرون روسيا بالتصعيد، بعد أن هاجمت القوات الروسية "
        "مدينة خاركيف يوم الاثنين."
    )
    assert _dates(analyse(text, "2023-03-15"))["ACCUSE"] == ("2023-03-13", "sentence")


def test_a_past_perfect_is_a_background_act_not_a_possibility(analyse: Analyse) -> None:
    text = "وكانت روسيا قد أدانت الضربات الأمريكية على سوريا."
    condemned = [e for e in analyse(text, "2018-04-20").events if e.type == "ACCUSE"]
    assert condemned and condemned[0].historical and condemned[0].date is None


def test_an_act_after_baada_an_is_coded(analyse: Analyse) -> None:
    text = "وجاء ذلك بعد أن اتهم الرئيس الأمريكي دونالد ترامب روسيا بدعم النظام السوري."
    events = analyse(text, "2018-04-20").events
    assert [(e.type, set(e.actors + e.recipients)) for e in events] == [
        ("ACCUSE", {"donald-trump", "russia"})
    ]


@pytest.mark.parametrize(
    ("word", "matches"), [("رفض", True), ("ورفض", True), ("الرفض", False), ("لرفضها", False)]
)
def test_a_verb_form_does_not_match_a_noun(word: str, matches: bool, resources: Resources) -> None:
    # A verb form carries the VERB mark: a noun's proclitic (ال، ب، ل) rules it out.
    token = tokenize(word, resources.text)[0]
    verb = VERB + tokenize("رفض", resources.text)[0].stem
    lex = resources.events
    assert _word_matches(token, verb, lex.tolerated_suffix, lex.verb_proclitics) is matches


def test_a_possessive_noun_tells_again_the_act_already_told(analyse: Analyse) -> None:
    text = ("وصل وزير الخارجية الهندي سوبراهمانيام جايشانكار أمس إلى طهران في زيارة رسمية. "
            "وقال جايشانكار خلال زيارته إن بلاده تريد توسيع التعاون في قطاع الطاقة.")  # fmt: skip
    visits = [e for e in analyse(text, "2019-12-23").events if e.type == "CONSULT"]
    assert len(visits) == 1


def test_a_light_verb_with_a_possessive_noun_tells_an_act_of_its_own(analyse: Analyse) -> None:
    # "احتجاجنا" is definite, but the pattern opens with its verb: no back-reference.
    text = ("أدانت وزارة الخارجية الفرنسية أمس الهجوم على السفارة. وقالت وزارة الخارجية "
            "الروسية في بيان: \"نعبر عن احتجاجنا الشديد على قرار بريطانيا طرد دبلوماسيين "
            "روس\".")  # fmt: skip
    accusations = [e for e in analyse(text, "2019-04-02").events if e.type == "ACCUSE"]
    assert len(accusations) == 2


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وصل الرئيس الفرنسي إيمانويل ماكرون أمس إلى القاهرة في زيارة رسمية تستمر يومين لبحث "
         "العلاقات بين باريس والقاهرة والأوضاع في ليبيا.", 1),
        ("استقبل الملك عبدالله الثاني أمس وزير الخارجية الفرنسي جان إيف لودريان خلال زيارته إلى "
         "عمان.", 1),
        # A noun that is no setting tells an act of its own.
        ("التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود تشاووش أوغلو أمس، بعد مكالمة "
         "هاتفية بين الرئيسين فلاديمير بوتين ورجب طيب أردوغان.", 2),
    ],
)  # fmt: skip
def test_a_noun_setting_the_scene_of_a_verb_tells_no_second_act(
    text: str, count: int, analyse: Analyse
) -> None:
    consults = [e for e in analyse(text, "2019-01-28").events if e.type == "CONSULT"]
    assert len(consults) == count


def test_an_act_inside_the_gap_of_another_is_coded_too(analyse: Analyse) -> None:
    text = "وشكر الملك عبدالله الثاني في اتصال هاتفي الرئيس الفرنسي إيمانويل ماكرون على دعمه."
    coded = {(e.type, frozenset(e.actors)) for e in analyse(text, "2019-02-10").events}
    assert ("CONSULT", frozenset({"abdullah-ii", "emmanuel-macron"})) in coded
    assert any(kind == "SUPPORT" for kind, _ in coded)


def _agreement(date: str, precision: str, source: str, actors: tuple[str, ...]) -> Event:
    return Event(
        type="AGREE",
        mode=None,
        actors=actors,
        recipients=(),
        evidence=Span(0, 10),
        trigger=Span(0, 4),
        rule="agree.sign",
        confidence=0.8,
        date=TimeValue(date, precision),
        date_source=source,
    )


@pytest.mark.parametrize(
    ("later", "kept"),
    [
        # the same parties, in the month of the first: told again
        (_agreement("2019-03", "month", "sentence", ("egypt", "jordan")), 1),
        # one of the parties alone, the same day: told again
        (_agreement("2019-03-05", "day", "clause", ("egypt",)), 1),
        # another day: another act
        (_agreement("2019-03-07", "day", "clause", ("egypt", "jordan")), 2),
        # a month the text does not state says nothing of which act it is
        (_agreement("2019-03", "month", "publication-month", ("egypt",)), 2),
        # someone new: another act
        (_agreement("2019-03", "month", "sentence", ("egypt", "jordan", "iraq")), 2),
    ],
)
def test_an_act_told_again_with_a_date_it_falls_within_is_one_event(
    later: Event, kept: int
) -> None:
    first = _agreement("2019-03-05", "day", "clause", ("egypt", "jordan"))
    assert len(merge([(first, NEW), (later, NEW)])) == kept


def test_a_call_the_first_since_a_date_implies_one_then(analyse: Analyse) -> None:
    text = ("أجرى وزيرا الخارجية الأمريكي والصيني اتصالا هاتفيا أمس. وقال مسؤول إن المكالمة كانت "
            "الأولى منذ يناير 2019.")  # fmt: skip
    earlier = [e for e in analyse(text, "2021-06-11").events if e.historical]
    assert [(set(e.actors), e.date.value if e.date else None) for e in earlier] == [
        ({"mike-pompeo", "wang-yi"}, "2019-01")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no call or meeting before it
        "وقال مسؤول إن الغارة كانت الأولى منذ يناير 2019.",
        # "the first since" said of something else than the call
        "أجرى وزيرا الخارجية الأمريكي والصيني اتصالا هاتفيا أمس. وقال مسؤول إن الغارة على "
        "المدينة كانت الأولى منذ يناير 2019.",
    ],
)
def test_a_first_since_of_no_call_implies_none(text: str, analyse: Analyse) -> None:
    assert not [e for e in analyse(text, "2021-06-11").events if e.historical]


def test_a_time_that_dates_another_noun_does_not_date_the_act(analyse: Analyse) -> None:
    text = "اتفقت السعودية وإيران على تفعيل اتفاقية التعاون الأمني الموقعة بينهما عام 2001."
    (agreed,) = [e for e in analyse(text, "2023-03-11").events if e.type == "AGREE"]
    assert agreed.date is not None and not agreed.date.value.startswith("2001")


_TALKS_THEN_AGREEMENT = (
    "استقبل الرئيس الأمريكي جو بايدن نظيره الفرنسي إيمانويل ماكرون في البيت الأبيض. "
    "من جانبه، أجرى وزير الخارجية الأمريكي أنتوني بلينكن محادثات الاثنين مع نظيره الصيني "
    "وانغ يي واتفق الوزيران على أن يلتقيا مجددا في 3 مايو."
)


def test_a_time_after_an_is_of_what_was_agreed_not_of_the_act(analyse: Analyse) -> None:
    events = analyse(_TALKS_THEN_AGREEMENT, "2023-06-20").events
    (agreed,) = [e for e in events if e.type == "AGREE"]
    assert agreed.date is not None and agreed.date.value == "2023-06-19", agreed


def test_the_two_parties_are_those_of_the_talks_earlier_in_the_sentence(analyse: Analyse) -> None:
    events = analyse(_TALKS_THEN_AGREEMENT, "2023-06-20").events
    (agreed,) = [e for e in events if e.type == "AGREE"]
    assert set(agreed.actors) == {"antony-blinken", "wang-yi"}, agreed


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # quoted alone: the speaker accuses the side the quotation names
        ("وقال وزير الخارجية الكندي: «نرى إيران تمضي أبعد في أكاذيبها».",
         [("ACCUSE", ("melanie-joly",), ("iran",))]),
        # not quoted: it reports no act of its own
        ("وتعرضت المدينة لعدوان واسع في صيف 2006.", []),
        # quoted inside a statement of something else: it only describes
        ("وأكد الوزير الكندي «دعم كندا الثابت لأوكرانيا في مواجهة العدوان الروسي».",
         [("SUPPORT", ("canada",), ("ukraine",))]),
    ],
)  # fmt: skip
def test_a_word_said_of_the_other_side_accuses_only_when_quoted_alone(
    text: str, coded: list[tuple[str, tuple[str, ...], tuple[str, ...]]], analyse: Analyse
) -> None:
    events = analyse(text, "2023-02-01").events
    assert [(e.type, e.actors, e.recipients) for e in events] == coded


def test_what_an_act_told_before_caused_dates_it_and_counts_its_toll(analyse: Analyse) -> None:
    text = ("وجاءت المكالمة عقب الهجوم الذي شنته القوات الروسية على مدينة خاركيف بطائرات "
            "مسيرة. وأسفر الهجوم في 12 مايو عن مقتل ثلاثة مدنيين وإصابة 20 آخرين.")  # fmt: skip
    attacks = [e for e in analyse(text, "2024-05-15").events if e.type == "ASSAULT"]
    assert len(attacks) == 1, attacks
    assert attacks[0].date == TimeValue("2024-05-12", "day"), attacks
    assert (attacks[0].dead, attacks[0].injured) == (3, 20), attacks


@pytest.mark.parametrize(
    "text",
    [
        "وأعلنت روسيا مسؤوليتها عن قصف مدينة خاركيف فجر اليوم.",
        "وشنت القوات الروسية هجوما بطائرات مسيرة على مدينة خاركيف.",
    ],
)
def test_an_attack_with_no_side_hit_has_the_place_it_hit_as_target(
    text: str, analyse: Analyse
) -> None:
    attacks = [e for e in analyse(text, "2024-05-15").events if e.type == "ASSAULT"]
    assert attacks and attacks[0].recipients == ("kharkiv",), attacks


def test_an_attack_somewhere_has_no_place_as_target(analyse: Analyse) -> None:
    text = "وشنت القوات الروسية هجوما بطائرات مسيرة في مدينة خاركيف."
    attacks = [e for e in analyse(text, "2024-05-15").events if e.type == "ASSAULT"]
    assert attacks and attacks[0].recipients == (), attacks


def test_a_time_after_publication_dates_what_is_planned_not_the_act(analyse: Analyse) -> None:
    text = ("ودعا الرئيس الصيني شي جين بينغ رئيس الوزراء الهندي ناريندرا مودي إلى زيارة بكين "
            "في أكتوبر المقبل.")  # fmt: skip
    invited = [e for e in analyse(text, "2018-06-15").events if e.type == "REQUEST"]
    assert invited and invited[0].date is not None, invited
    assert invited[0].date.value <= "2018-06-15", invited


def test_a_call_told_again_with_one_party_named_is_the_same_call(analyse: Analyse) -> None:
    text = ("أجرى الرئيس الأمريكي دونالد ترامب اتصالا هاتفيا مع نظيره الروسي فلاديمير بوتين. "
            "وأضاف المتحدث أن بوتين تحدث هاتفيا لمدة ساعة.")  # fmt: skip
    calls = [e for e in analyse(text, "2018-04-02").events if e.type == "CONSULT"]
    assert [set(e.actors) for e in calls] == [{"donald-trump", "vladimir-putin"}], calls


def test_a_name_right_after_a_light_verb_counts_as_one_word_of_its_gap(analyse: Analyse) -> None:
    text = ("وعقد وزير الخزانة الأمريكي في مقر الوزارة بالعاصمة واشنطن صباح أمس الخميس "
            "اجتماعا مع نظيره الصيني.")  # fmt: skip
    meetings = [e for e in analyse(text, "2023-05-12").events if e.type == "CONSULT"]
    assert meetings and "china" in meetings[0].actors, meetings


@pytest.mark.parametrize(
    ("second", "place"),
    [
        # The story goes on where the act just told took place, on the same day.
        ("ووقع الزعيمان اتفاقا للتعاون في مجال الطاقة.", "Élysée Palace"),
        # An act of another day is not placed there.
        ("ووقع الزعيمان في 3 مايو اتفاقا للتعاون في مجال الطاقة.", None),
    ],
)
def test_an_act_its_sentence_does_not_place_is_where_the_last_one_was(
    second: str, place: str | None, analyse: Analyse
) -> None:
    text = ("استقبل الرئيس الفرنسي إيمانويل ماكرون الثلاثاء في قصر الإليزيه بباريس المستشار "
            "الألماني أولاف شولتز. " + second)  # fmt: skip
    (agreed,) = [e for e in analyse(text, "2023-05-10").events if e.type == "AGREE"]
    assert agreed.place == place, agreed


@pytest.mark.parametrize(
    ("text", "calls"),
    [
        # Each partner after a time of its own: one call on each day.
        ("تحادث الرئيس الروسي فلاديمير بوتين هاتفيا الاثنين مع نظيره التركي رجب طيب أردوغان "
         "والثلاثاء مع الرئيس الإيراني حسن روحاني.",
         [({"vladimir-putin", "recep-tayyip-erdogan"}, "2019-09-16"),
          ({"vladimir-putin", "hassan-rouhani"}, "2019-09-17")]),
        # Partners named with no time between them: one call.
        ("تحادث الرئيس الروسي فلاديمير بوتين هاتفيا الاثنين مع نظيره التركي رجب طيب أردوغان "
         "ومع الرئيس الإيراني حسن روحاني.",
         [({"vladimir-putin", "recep-tayyip-erdogan", "hassan-rouhani"}, "2019-09-16")]),
    ],
)  # fmt: skip
def test_partners_named_each_after_a_day_of_their_own_are_calls_on_those_days(
    text: str, calls: list[tuple[set[str], str]], analyse: Analyse
) -> None:
    found = [e for e in analyse(text, "2019-09-18").events if e.type == "CONSULT"]
    assert [(set(e.actors), e.date.value if e.date else None) for e in found] == calls


def test_a_title_before_the_name_after_a_light_verb_does_not_stretch_its_gap(
    analyse: Analyse,
) -> None:
    text = ("ووجه رئيس الوزراء الياباني فوميو كيشيدا من مكتبه في العاصمة طوكيو اليوم دعوة إلى "
            "الرئيس الكوري الجنوبي لزيارة اليابان.")  # fmt: skip
    invited = [e for e in analyse(text, "2024-05-10").events if e.type == "REQUEST"]
    assert "meet" in [e.mode for e in invited], invited


def test_a_sentence_opening_with_faqad_tells_of_the_day_of_the_one_before(
    analyse: Analyse,
) -> None:
    text = ("أعلنت الرئاسة التركية الخميس أن أردوغان سيزور الخليج قريبا. "
            "وشهدت أنقرة الثلاثاء حراكا دبلوماسيا لافتا. فقد التقى الرئيس التركي رجب "
            "طيب أردوغان وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني في القصر "
            "الرئاسي.")  # fmt: skip
    (met,) = [e for e in analyse(text, "2023-05-11").events if e.type == "CONSULT"]
    assert met.date is not None and met.date.value == "2023-05-09", met


def test_an_act_done_to_what_was_just_told_is_done_to_who_told_it(analyse: Analyse) -> None:
    text = "وحمّل الرئيس الأمريكي جو بايدن روسيا مسؤولية الهجوم على السفارة، وهو ما أيدته ألمانيا."
    (endorsed,) = [e for e in analyse(text, "2023-03-10").events if e.type == "SUPPORT"]
    assert endorsed.recipients == ("joe-biden",), endorsed


def test_the_two_sides_an_act_is_done_to_are_those_of_the_last_fight(analyse: Analyse) -> None:
    text = ("قصفت القوات الإسرائيلية مواقع لحركة حماس في قطاع غزة الليلة الماضية. "
            "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش الطرفين إلى ضبط النفس.")  # fmt: skip
    (called,) = [e for e in analyse(text, "2023-05-10").events if e.type == "REQUEST"]
    assert "hamas" in called.recipients, called


def test_a_time_after_a_describing_word_before_the_act_dates_that_noun(analyse: Analyse) -> None:
    text = ("أعلنت الحكومة الكندية الأحد انسحابها من المعاهدة الموقعة مع روسيا عام 1996، "
            "كما فرضت عقوبات جديدة على موسكو.")  # fmt: skip
    (sanctioned,) = [e for e in analyse(text, "2022-03-08").events if e.type == "SANCTION"]
    assert sanctioned.date is not None and sanctioned.date.value == "2022-03-06", sanctioned

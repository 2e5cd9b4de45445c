"""Participants from clause structure: prepositions, conjuncts, unsaid subjects, "the two sides"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.arguments import BARE, OBLIQUE, TOPIC, eligible, roles
from hadath.model import Analysis
from hadath.resources import Resources

Analyse = Callable[..., Analysis]


def _coded(analysis: Analysis) -> set[tuple[str, frozenset[str]]]:
    return {(e.type, frozenset(e.actors + e.recipients)) for e in analysis.events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بحث الرئيس الفرنسي مع المستشار الألماني الأوضاع في سوريا",
         {"الرئيس": BARE, "المستشار": OBLIQUE, "سوريا": TOPIC}),
        ("التقى وزير الخارجية في الرياض وطهران بمسؤولين من العراق",
         {"الرياض": TOPIC, "طهران": TOPIC, "العراق": OBLIQUE}),
        ("حذرت روسيا من أن أي هجوم على إيران سيكون خطأ", {"روسيا": BARE, "إيران": OBLIQUE}),
        ("اتصل بنيامين نتنياهو بالرئيس الأميركي", {"بنيامين": BARE}),
    ],
)  # fmt: skip
def test_roles(text: str, expected: dict[str, str], analyse: Analyse,
               resources: Resources) -> None:  # fmt: skip
    analysis = analyse(text)
    found = roles(analysis.tokens, eligible(analysis.mentions), resources.events.arguments)
    by_text = {m.span.of(text).split()[0]: r for m, r in found.items()}
    assert {w: by_text.get(w) for w in expected} == expected


def test_a_verb_whose_subject_is_unsaid_takes_the_last_sentences_subject(analyse: Analyse) -> None:
    text = ("استقبل الرئيس الروسي فلاديمير بوتين في موسكو رئيس الوزراء الهندي ناريندرا مودي. "
            "وحذر من أن العقوبات على إيران ستضر بالاقتصاد العالمي.")  # fmt: skip
    threats = [e for e in analyse(text, "2019-09-04").events if e.type == "THREATEN"]
    assert threats and threats[0].actors == ("vladimir-putin",)


def test_the_two_sides_are_the_parties_of_the_last_meeting(analyse: Analyse) -> None:
    text = ("التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الإيراني حسين أمير عبد اللهيان "
            "في بكين. واتفق الجانبان على إعادة فتح السفارتين.")  # fmt: skip
    agreed = [e for e in analyse(text, "2023-04-06").events if e.type == "AGREE"]
    assert agreed and set(agreed[0].actors) == {"faisal-bin-farhan", "hossein-amir-abdollahian"}


def test_a_threat_takes_its_target_from_the_act_it_threatens(analyse: Analyse) -> None:
    text = "توعدت الولايات المتحدة الخميس بفرض مزيد من العقوبات على تركيا."
    assert ("THREATEN", frozenset({"usa", "turkey"})) in _coded(analyse(text, "2018-08-16"))


@pytest.mark.parametrize(
    "text",
    [
        "واتفق الرئيسان على أن يلتقيا في باريس الشهر المقبل.",
        "ومن المقرر أن يزور وزير الخارجية الصيني وانغ يي القاهرة.",
    ],
)
def test_a_planned_act_is_not_an_event(text: str, analyse: Analyse) -> None:
    assert not [e for e in analyse(text).events if e.type == "CONSULT"]


def test_a_past_act_after_sabaqa_an_is_coded(analyse: Analyse) -> None:
    text = "وسبق أن اتهم الرئيس الأمريكي دونالد ترامب إيران بدعم الإرهاب."
    assert ("ACCUSE", frozenset({"donald-trump", "iran"})) in _coded(analyse(text, "2018-06-01"))


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        # the object right after the subject inside a light-verb pattern
        ("وحثت المندوبة الأمريكية نيكي هيلي روسيا على الضغط على سوريا.",
         ("nikki-haley",), ("russia",)),
        # coordinated subjects act together; the target follows the pattern
        ("شنت القوات الأميركية والبريطانية ضربات جوية على مواقع الحوثيين.",
         ("armed-forces-usa", "uk"), ("houthis",)),
        # an act done by saying it is the speaker's; whom the reported clause names, its target
        ("قال الرئيس التركي رجب طيب أردوغان إن الحكومة السورية ستواجه عواقب وخيمة.",
         ("recep-tayyip-erdogan",), ("government-syr",)),
        ("وقالت وزيرة الخارجية البريطانية ليز تراس إن ما قامت به روسيا غير مقبول.",
         ("liz-truss",), ("russia",)),
        ("واعتبرت الصين أن الرسوم الأمريكية أمر غير مقبول.", ("china",), ("usa",)),
    ],
)  # fmt: skip
def test_subject_object_and_conjuncts(text: str, actors: tuple[str, ...],
                                      recipients: tuple[str, ...],
                                      analyse: Analyse) -> None:  # fmt: skip
    coded = [(e.actors, e.recipients) for e in analyse(text, "2018-04-15").events]
    assert (actors, recipients) in coded


def test_a_name_in_a_relative_clause_is_not_the_subject(analyse: Analyse) -> None:
    text = "قال الرئيس الروسي فلاديمير بوتين إن الضربة التي استهدفت سوريا تعتبر عدوانا."
    accused = [e for e in analyse(text, "2018-04-14").events if e.type == "ACCUSE"]
    assert accused and accused[0].actors == ("vladimir-putin",)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the place a dateline names is where the story was filed
        ("بيروت، لبنان (CNN)— أدان وزير الخارجية الفرنسي الهجوم على قوات حفظ السلام.",
         "lebanon"),
        ("عمّان 12 ربيع الأول 1440 هـ الموافق 20 نوفمبر 2018 م واس\n"
         "التقى وزير الخارجية الأردني أيمن الصفدي نظيره العراقي في بغداد.", "jordan"),
        # a nisba right after a movement's name describes it
        ("وأطلقت ميليشيات الحوثي الإيرانية صاروخا على جازان.", "iran"),
        # the means an act used, and the state that made them, take no part
        ("وقصف الجيش الروسي مدينة خاركيف بواسطة صواريخ إيرانية.", "iran"),
        ("وقصفت القوات السورية مواقع المسلحين باستخدام قنابل أمريكية الصنع.", "usa"),
    ],
)  # fmt: skip
def test_a_place_or_a_description_takes_no_part(text: str, absent: str,
                                                analyse: Analyse) -> None:  # fmt: skip
    events = analyse(text, "2018-11-20").events
    assert events and all(absent not in e.actors + e.recipients for e in events)


def test_a_plural_nisba_after_an_act_names_its_object_not_its_actor(analyse: Analyse) -> None:
    text = "وطردت كندا أربعة دبلوماسيين روس وأمهلتهم أسبوعا لمغادرة البلاد."
    expelled = [e for e in analyse(text, "2018-03-26").events if e.type == "SANCTION"]
    assert expelled and expelled[0].actors == ("canada",)
    assert expelled[0].recipients == ("russia",)


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        # a person named right after an act done to someone is its victim
        ("واعتقلت السلطات الإيرانية الصحفي الأمريكي جيسون رضائيان.", ("iran",), ()),
        # the title and nisba that introduce the subject are not the object
        ("وانتقد السيناتور الأمريكي جون ماكين الرئيس دونالد ترامب بشدة.",
         ("john-mccain",), ("donald-trump",)),
        # a title with a nisba gives way to the person it introduces, as object too
        ("وأدانت الحكومة السورية المبعوث الأممي ستيفان دي ميستورا.",
         ("government-syr",), ("staffan-de-mistura",)),
        # a body named after a post describes the person named next: he acts
        ("وانتقد مبعوث الأمم المتحدة إلى سوريا، ستيفان دي ميستورا، الحكومة السورية.",
         ("staffan-de-mistura",), ("government-syr",)),
        # an envoy of an office holder is not that holder
        ("وأدانت الحكومة السورية مبعوث الأمين العام للأمم المتحدة ستيفان دي ميستورا.",
         ("government-syr",), ("staffan-de-mistura",)),
        # a state named with إلى inside an envoy's title is where he serves, not the object
        ("وانتقد وزير الخارجية الإيراني مبعوث الأمين العام للأمم المتحدة إلى سوريا ستيفان دي "
         "ميستورا.", ("mohammad-javad-zarif",), ("staffan-de-mistura",)),
        # the object the next clause introduces ("خلال لقائه …")
        ("ودعا الرئيس السوري بشار الأسد خلال لقائه أمس مبعوث الأمين العام للأمم المتحدة إلى "
         "سوريا ستيفان دي ميستورا إلى احترام السيادة.", ("bashar-al-assad",),
         ("staffan-de-mistura",)),
        # killed in an attack: the victims are the attack's recipients, not a killer
        ("وقتل خمسة أفغان في غارة أمريكية على قرية في ولاية هلمند.",
         ("usa",), ("afghanistan",)),
        ("وكان ثلاثة من عناصر حركة طالبان قد قتلوا أمس في قصف أمريكي.",
         ("usa",), ("taliban",)),
        ("وقتل خمسة مدنيين سوريين جراء غارة روسية على ريف إدلب.", ("russia",), ("syria",)),
        # a killer named after the verb: the kill is done, not suffered
        ("وقتلت القوات الأمريكية خمسة أفغان في غارة على قرية.",
         ("armed-forces-usa",), ("afghanistan",)),
    ],
)  # fmt: skip
def test_victims_and_introduced_objects(text: str, actors: tuple[str, ...],
                                        recipients: tuple[str, ...],
                                        analyse: Analyse) -> None:  # fmt: skip
    coded = [(e.actors, e.recipients) for e in analyse(text, "2018-03-21").events]
    assert coded and coded[0][0] == actors
    assert not recipients or coded[0][1] == recipients


def test_a_victim_alone_is_no_actor(analyse: Analyse) -> None:
    text = "وأعلنت الشرطة إحباط مخطط لاغتيال الرئيس الفرنسي إيمانويل ماكرون."
    assert not [e for e in analyse(text, "2018-11-06").events if e.type == "ASSAULT"]


def test_a_verbal_noun_after_ithr_takes_the_last_subject(analyse: Analyse) -> None:
    text = ("أعلن وزير الخارجية الأمريكي مايك بومبيو دعم بلاده لأوكرانيا. "
            "وإثر إجرائه اتصالا هاتفيا مع نظيره البريطاني جيريمي هانت، "
            "قال الوزير إن الحوار مستمر.")  # fmt: skip
    calls = [e for e in analyse(text, "2019-01-10").events if e.type == "CONSULT"]
    assert calls and set(calls[0].actors) == {"mike-pompeo", "jeremy-hunt"}


def test_the_two_ministers_are_the_parties_of_the_last_meeting(analyse: Analyse) -> None:
    text = ("التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الإيراني حسين أمير عبد اللهيان. "
            "وعقب ذلك، التقى وزير الخارجية الصيني تشين قانغ الوزيرين.")  # fmt: skip
    met = [e for e in analyse(text, "2023-04-06").events if e.type == "CONSULT"]
    assert {"qin-gang", "faisal-bin-farhan", "hossein-amir-abdollahian"} in [
        set(e.actors) for e in met
    ]


def test_a_resumptive_pronoun_keeps_the_sentences_subject(analyse: Analyse) -> None:
    text = ("وأشاد وزير الخارجية البريطاني بوريس جونسون بموقف ألمانيا، "
            "لكنه انتقد إيران بشدة بسبب برنامجها الصاروخي.")  # fmt: skip
    accused = [e for e in analyse(text, "2018-01-15").events if e.type == "ACCUSE"]
    assert accused and accused[0].actors == ("boris-johnson",)
    assert accused[0].recipients == ("iran",)


def test_who_reports_a_call_is_no_party_to_it(analyse: Analyse) -> None:
    text = ("وقال المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني إن وزير الخارجية "
            "حسين أمير عبد اللهيان أجرى اتصالا هاتفيا مع نظيره العماني بدر البوسعيدي.")  # fmt: skip
    calls = [e for e in analyse(text, "2023-05-10").events if e.type == "CONSULT"]
    assert calls and "nasser-kanaani" not in calls[0].actors
    assert "hossein-amir-abdollahian" in calls[0].actors


@pytest.mark.parametrize(
    ("text", "published", "kind", "actor"),
    [
        ("تلقى أمير قطر الشيخ تميم بن حمد آل ثاني اتصالا هاتفيا اليوم من الرئيس التركي "
         "رجب طيب أردوغان أعرب فيه عن إدانته للهجوم.", "2017-06-10", "ACCUSE",
         "recep-tayyip-erdogan"),
        ("أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا بالرئيس الأمريكي جو بايدن "
         "أكد خلاله دعم بلاده لأوكرانيا.", "2022-03-01", "SUPPORT", "emmanuel-macron"),
    ],
)  # fmt: skip
def test_an_act_told_inside_a_call_is_the_callers(
    text: str, published: str, kind: str, actor: str, analyse: Analyse
) -> None:
    found = [e for e in analyse(text, published).events if e.type == kind]
    assert found and found[0].actors == (actor,), [e.actors for e in found]


def test_the_verb_abbara_is_no_preposition_before_its_subject(analyse: Analyse) -> None:
    text = "وعبر العاهل الأردني الملك عبدالله الثاني عن إدانته للهجوم على السفارة."
    found = [e for e in analyse(text, "2019-01-10").events if e.type == "ACCUSE"]
    assert found and found[0].actors == ("abdullah-ii",), [e.actors for e in found]


def test_an_act_said_in_a_quotation_with_no_one_named_is_the_speakers(analyse: Analyse) -> None:
    text = ('وأعربت وزارة الخارجية الإيرانية عن احتجاجها الشديد على القرار، مؤكدة '
            'أن "هذه الخطوة العدائية لن تمر بلا ثمن، وسنرد عليها".')  # fmt: skip
    threats = [e for e in analyse(text, "2018-04-12").events if e.type == "THREATEN"]
    assert threats and threats[0].actors == ("ministry-of-foreign-affairs-irn",), threats


def test_a_dual_pronoun_on_a_meeting_means_the_two_named_before(analyse: Analyse) -> None:
    text = ("وقال الكرملين إن بوتين طلب من المستشار الألماني أولاف شولتس خلال لقائهما "
            "الجمعة دعم المبادرة أمام رئيس الوزراء البريطاني.")  # fmt: skip
    met = [e for e in analyse(text, "2022-02-16").events if e.type == "CONSULT"]
    assert met and set(met[0].actors) == {"vladimir-putin", "olaf-scholz"}, met


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        # a verb joined to the act before it, with no one named between, shares its subject
        ("استنكرت إيران العقوبات الأمريكية وطالبت الاتحاد الأوروبي بالوفاء بالتزاماته.",
         "REQUEST", ("iran",), ("eu",)),
        # a clause of its own names its subject first; a title gives way to the person
        ("رحب الرئيس الفرنسي إيمانويل ماكرون بالاتفاق، لكن المستشارة الألمانية أنغيلا ميركل "
         "انتقدت تركيا.", "ACCUSE", ("angela-merkel",), ("turkey",)),
        ("اتهمت السلطات الأوكرانية الكرملين بالجريمة، لكن الكرملين استنكر هذه الاتهامات وطالب "
         "كييف بفتح تحقيق.", "REQUEST", ("kremlin",), ("ukraine",)),
        # a partitive من after a quantity names the subject, not an oblique
        ("قال مسؤول سعودي إن عشرات من الحوثيين هاجموا مواقع سعودية قرب الحدود.", "ASSAULT",
         ("houthis",), ("saudi-arabia",)),
        ("قال الجيش الأوكراني إن 300 من الانفصاليين الموالين لروسيا هاجموا مواقعه.",
         "ASSAULT", ("russian-separatists-ukraine",), ()),
    ],
)  # fmt: skip
def test_subjects_of_later_clauses(text: str, event: str, actors: tuple[str, ...],
                                   recipients: tuple[str, ...],
                                   analyse: Analyse) -> None:  # fmt: skip
    coded = [(e.actors, e.recipients) for e in analyse(text, "2019-01-28").events
             if e.type == event]  # fmt: skip
    assert (actors, recipients) in coded


@pytest.mark.parametrize(
    ("text", "rule", "actors"),
    [
        # a visit's place names its host
        ("وحط وزير الخارجية السوري وليد المعلم رحاله في مسقط.", "consult.visit.arrive",
         {"walid-muallem", "oman"}),
        # a meeting joined to the act before it has that act's subject among its parties (and
        # the host's minister, not also his state)
        ("وحط وزير الخارجية السوري وليد المعلم رحاله في مسقط، والتقى الوزير العماني المسؤول عن "
         "الشؤون الخارجية، يوسف بن علوي.", "consult.meet", {"walid-muallem", "yusuf-bin-alawi"}),
        # a meeting told as the setting of an act ("دعا X خلال لقائه Y") has its subject
        ("ودعا الرئيس السوري بشار الأسد خلال لقائه أمس المبعوث الأممي إلى سوريا ستيفان دي "
         "ميستورا في دمشق إلى احترام السيادة بعد طرد المسلحين من حلب.", "consult.meet.during",
         {"bashar-al-assad", "staffan-de-mistura"}),
        # a clause of its own names both its parties before the verb
        ("وقال البيان إن المحادثات جرت في بكين، وإن الرياض وطهران اتفقتا على استئناف العلاقات.",
         "agree.agree-on", {"saudi-arabia", "iran"}),
    ],
)  # fmt: skip
def test_parties_named_outside_the_trigger(text: str, rule: str, actors: set[str],
                                           analyse: Analyse) -> None:  # fmt: skip
    coded = {e.rule: set(e.actors) for e in analyse(text, "2015-08-06").events}
    assert coded.get(rule) == actors


def test_a_clause_with_its_own_subject_does_not_lend_the_one_before_its_names(
    analyse: Analyse,
) -> None:
    text = (
        "رحب الرئيس الفرنسي إيمانويل ماكرون بالاتفاق، لكن المستشارة الألمانية أنغيلا ميركل انتقدته."
    )
    welcomed = [e for e in analyse(text, "2019-01-28").events if e.type == "SUPPORT"]
    assert welcomed and welcomed[0].recipients == ()


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a body with ل right after a noun of attack did it
        ("وأعلنت مصادر محلية سقوط قتلى في غارة جوية للتحالف العربي على مدينة صعدة.",
         "saudi-led-coalition"),
        ("وجاء ذلك بعد قصف مدفعي للجيش الإسرائيلي على مواقع في جنوب لبنان.",
         "idf"),
        # after a verb, ل marks whose the object is: the subject did it
        ("وقصفت الولايات المتحدة مواقع لجبهة النصرة في ريف إدلب.", "usa"),
    ],
)  # fmt: skip
def test_a_body_with_lam_after_a_noun_of_attack_is_its_doer(
    text: str, actor: str, analyse: Analyse
) -> None:
    attacks = [e for e in analyse(text, "2018-05-05").events if e.type == "ASSAULT"]
    assert [e.actors[0] for e in attacks] == [actor]


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        # the doer of an act told in the passive follows "على أيدي", "بنيران", "من قبل"
        ("وأعلن المرصد السوري لحقوق الإنسان أن ثمانية من عناصر الفرقة خطفوا مساء الأربعاء على "
         "أيدي جبهة النصرة.",
         "ASSAULT", ("al-nusra-front",), ()),
        ("وقتل ثلاثة فلسطينيين بنيران الجيش الإسرائيلي شرق غزة.", "ASSAULT", ("idf",),
         ("palestine",)),
        # further on, such a word belongs to another act: the subject keeps the threat, made to
        # the other side (her own state is no recipient)
        ("وحذرت رئيسة الوزراء البريطانية تيريزا ماي من أنه إذا لم يكن هناك رد موثوق بحلول نهاية "
         "اليوم فإن بريطانيا ستعتبر الهجوم استخداما غير قانوني للقوة من قبل روسيا.", "THREATEN",
         ("theresa-may",), ("russia",)),
        # a nisba right after a place is the place's: the one attacked follows ضد
        ("وبدأت تركيا أمس هجوما بريا وجويا في بلدة عفرين السورية ضد وحدات حماية الشعب الكردية.",
         "ASSAULT", ("turkey",), ("ypg",)),
        # a capital after a capital is no adjective of it
        ("واتهمت لندن موسكو بتسميم العميل سكريبال.", "ACCUSE", ("uk",), ("russia",)),
    ],
)  # fmt: skip
def test_doers_told_in_the_passive_and_places_described(
    text: str, event: str, actors: tuple[str, ...], recipients: tuple[str, ...],
    analyse: Analyse,
) -> None:  # fmt: skip
    coded = [(e.actors, e.recipients) for e in analyse(text, "2018-03-13").events
             if e.type == event]  # fmt: skip
    assert coded == [(actors, recipients)]


def test_what_is_said_with_no_speaker_named_is_no_ones_act(analyse: Analyse) -> None:
    # The one spoken of after "إن" is not the speaker.
    events = analyse("وقال إن على إسرائيل وقف الاستيطان.", "2018-03-14").events
    assert not [e for e in events if "israel" in e.actors]
    spoken = analyse("وقال الوزير الفرنسي إن على إسرائيل وقف الاستيطان.", "2018-03-14").events
    assert [e.recipients for e in spoken if e.type == "REQUEST"] == [("israel",)]


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        # what the claim speaks of is the warning's recipient, not its actor
        ("وزعم الرئيس التركي رجب طيب أردوغان أن حزب العمال الكردستاني يتلقى السلاح من "
         "الخارج، محذرا من رد قاس.", "THREATEN", "recep-tayyip-erdogan", "pkk"),
        # after another act, the adverbial still has the main clause's subject
        ("ودعت وزارة الخارجية المصرية إسرائيل إلى وقف التصعيد، منددة بالغارات الإسرائيلية على غزة.",
         "ACCUSE", "ministry-of-foreign-affairs-egy", "israel"),
        # the adverbial's own object comes before whom the claim speaks of
        ("واعتبر وزير الخارجية الروسي سيرغي لافروف أن الاتحاد الأوروبي فقد استقلاله، "
         "داعيا الولايات المتحدة إلى الحوار.", "REQUEST", "sergey-lavrov", "usa"),
    ],
)  # fmt: skip
def test_an_adverbial_after_a_comma_is_the_main_clauses_subjects(
    text: str, event: str, actor: str, recipient: str, analyse: Analyse
) -> None:
    found = [e for e in analyse(text, "2019-05-02").events if e.type == event]
    assert found and found[0].actors == (actor,), found
    assert found[0].recipients == (recipient,), found


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("ودعت وزارة الخارجية التركية واشنطن إلى مراجعة القرار، محذرة من أن تركيا ستتخذ "
         "الخطوات اللازمة.", "THREATEN"),
        ("وطالب رئيس الوزراء التركي بن علي يلدريم بعقد اجتماع عاجل للحلفاء في تركيا.", "REQUEST"),
    ],
)  # fmt: skip
def test_an_act_in_words_is_never_done_to_the_actors_own_state(
    text: str, event: str, analyse: Analyse
) -> None:
    found = [e for e in analyse(text, "2018-05-12").events if e.type == event]
    assert found and "turkey" not in found[0].recipients, found


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # "، كما التقى": the verb after an opener shares the subject of the act before it,
        # and the envoy stands for his state
        ("ووصل وزير الخارجية السوري وليد المعلم إلى مسقط أمس، كما التقى في دمشق نائب وزير "
         "الخارجية الروسي والممثل الخاص للرئيس لشؤون الشرق الأوسط ميخائيل بوغدانوف.",
         {"walid-muallem", "mikhail-bogdanov"}),
        ("وبحث وزير الخارجية العماني يوسف بن علوي مع روسيا والمبعوث الروسي ميخائيل بوغدانوف "
         "الأزمة.", {"yusuf-bin-alawi", "mikhail-bogdanov"}),
    ],
)  # fmt: skip
def test_a_meeting_with_a_states_envoy_is_not_also_one_with_the_state(
    text: str, parties: set[str], analyse: Analyse
) -> None:
    met = [e for e in analyse(text, "2015-08-07").events if e.type == "CONSULT" and not e.mode]
    assert met and set(met[0].actors) == parties, met


@pytest.mark.parametrize(
    ("text", "event", "actor"),
    [
        ("وأدانت الحكومة العراقية تنظيم داعش الذي هاجم مدينة تكريت.", "ASSAULT", "islamic-state"),
        ("واستقبل العاهل الأردني الملك عبدالله الثاني في عمان الرئيس الفلسطيني محمود عباس الذي "
         "يزور الأردن حاليا.", "CONSULT", "mahmoud-abbas"),
    ],
)  # fmt: skip
def test_a_verb_right_after_a_relative_pronoun_is_its_antecedents(
    text: str, event: str, actor: str, analyse: Analyse
) -> None:
    found = [e for e in analyse(text, "2015-08-06").events if e.type == event]
    assert found and actor in found[-1].actors, found


def test_who_follows_a_verb_that_carries_its_subject_is_its_object(analyse: Analyse) -> None:
    text = ("واتهم الانفصاليون الموالون لروسيا كييف بخرق الهدنة. كما اتهموا القوات الأوكرانية "
            "بقصف أحياء سكنية في دونيتسك.")  # fmt: skip
    found = [(e.actors, e.recipients) for e in analyse(text, "2015-08-03").events]
    assert (("russian-separatists-ukraine",), ("armed-forces-ukr",)) in found, found


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        # a threat in words in a quotation whose clause names no one is the speaker's, made to
        # whom the reported words name
        ('واستدعت وزارة الخارجية الإيرانية السفير البريطاني، وأبلغته بأن لندن "تتحمل '
         'المسؤولية كاملة عن الحادث... وستتخذ بحقها إجراءات انتقامية".', "THREATEN",
         "ministry-of-foreign-affairs-irn", "uk"),
        # a request verb joined to a summons shares its subject
        ("وأكدت وزارة الخارجية الألمانية أنها استدعت السفير التركي صباح اليوم، وطلبت "
         "توضيحات رسمية حول اعتقال الصحفي.", "REQUEST", "ministry-of-foreign-affairs-deu", None),
        # an act a speaker tells as his own in a quotation is his
        ('وقالت وزارة الخارجية القطرية في بيان: "نرى أن اليمن يحتاج إلى السلام، ونجدد '
         'دعوتنا إلى الحوثيين للعودة إلى طاولة المفاوضات دون شروط".', "REQUEST",
         "ministry-of-foreign-affairs-qat", None),
        # a purpose after a call is the caller's act, done to the one called
        ("أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا بالرئيس الروسي فلاديمير بوتين "
         "لتهنئته بفوزه في الانتخابات.", "SUPPORT", "emmanuel-macron", "vladimir-putin"),
    ],
)  # fmt: skip
def test_an_act_whose_clause_names_no_subject_has_the_one_the_sentence_gives(
    text: str, event: str, actor: str, recipient: str | None, analyse: Analyse
) -> None:
    found = [e for e in analyse(text, "2019-07-06").events if e.type == event]
    assert found and found[0].actors == (actor,), found
    assert recipient is None or found[0].recipients == (recipient,), found

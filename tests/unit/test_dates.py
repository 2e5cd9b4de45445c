"""Time expressions and publication dates, resolved against a publication day."""

from __future__ import annotations

import datetime as dt

import pytest

from hadath.dates import find, parse_value, path_date, resolve
from hadath.model import TimeValue
from hadath.resources import Resources
from hadath.timewords import load_time_lexicon
from hadath.tokenize import load_text_rules, tokenize

RULES = load_text_rules()
TIME = load_time_lexicon(RULES)


def _resolve(text: str, published: str) -> list[TimeValue | None]:
    tokens = tokenize(text, RULES)
    day = dt.date.fromisoformat(published)
    return [resolve(f, day) for f in find(TIME, tokens)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("أجرى الوزيران اتصالا الجمعة", "2022-10-22", ("2022-10-21", "day")),
        ("وصل الوفد يوم الجمعة", "2022-10-21", ("2022-10-21", "day")),
        ("يصل الوفد الجمعة المقبل", "2022-10-21", ("2022-10-28", "day")),
        ("اجتمعا الثلاثاء الماضي", "2024-06-25", ("2024-06-18", "day")),
        ("قال المتحدث الاثنين", "2024-06-26", ("2024-06-24", "day")),
        ("وصل أمس", "2024-06-26", ("2024-06-25", "day")),
        ("وصل أمس الأول", "2024-06-26", ("2024-06-24", "day")),
        ("يغادر غدا", "2024-06-26", ("2024-06-27", "day")),
        ("أعلن اليوم", "2015-08-07", ("2015-08-07", "day")),
        ("آخر مكالمة تعود إلى 13 مايو", "2022-10-22", ("2022-05-13", "day")),
        ("اتفق الطرفان في 20 ديسمبر", "2023-01-05", ("2022-12-20", "day")),
        ("في 25 يونيو/ حزيران 2024", "2024-06-26", ("2024-06-25", "day")),
        ("منذ مارس/ آذار 2023", "2024-06-26", ("2023-03", "month")),
        ("في نهاية مايو/ أيار الماضي", "2024-06-26", ("2024-05", "month")),
        ("في 14 آذار/مارس 2018", "2018-03-15", ("2018-03-14", "day")),
        ("في 10 تشرين الأول 2023", "2023-10-11", ("2023-10-10", "day")),
        ("في كانون الثاني 2020", "2020-02-01", ("2020-01", "month")),
        ("في 3 يوليوز 2019", "2019-07-04", ("2019-07-03", "day")),
        ("في 12 غشت 2019", "2019-08-13", ("2019-08-12", "day")),
        ("بتاريخ 25/6/2024", "2024-06-26", ("2024-06-25", "day")),
        ("في ٢٥ يونيو ٢٠٢٤", "2024-06-26", ("2024-06-25", "day")),
        ("الكويت 25 شوال 1436 هـ", "2015-08-10", ("2015-08-10", "day")),
        ("في عام 2014", "2024-06-26", ("2014", "year")),
        ("شهر مارس", "2024-06-26", ("2024-03", "month")),
        ("في رمضان 1444 هـ", "2023-04-06", ("2023", "year")),
    ],
)
def test_resolves(text: str, published: str, expected: tuple[str, str]) -> None:
    values = [v for v in _resolve(text, published) if v is not None]
    assert values and (values[0].value, values[0].precision) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("وصل الوفد قبل يومين", "2024-06-26", ("2024-06-24", "day")),
        ("غادر قبل ثلاثة أيام", "2024-03-02", ("2024-02-28", "day")),
        ("وقع الهجوم قبل 10 أيام", "2024-01-05", ("2023-12-26", "day")),
        ("تولى منصبه قبل عام", "2024-06-26", ("2023", "year")),
        ("انتخب قبل عامين", "2024-06-26", ("2022", "year")),
        ("زار القاهرة قبل شهرين", "2024-01-15", ("2023-11", "month")),
        ("زار موسكو الشهر الماضي", "2024-01-15", ("2023-12", "month")),
        ("تعقد القمة الشهر المقبل", "2024-12-03", ("2025-01", "month")),
        ("في الشهر الجاري", "2024-06-26", ("2024-06", "month")),
        ("جرت الانتخابات العام الماضي", "2024-06-26", ("2023", "year")),
        ("في السنة المقبلة", "2024-06-26", ("2025", "year")),
        ("هذا العام", "2024-06-26", ("2024", "year")),
        ("في مطلع العام الجاري", "2024-06-26", ("2024", "year")),
        ("في منتصف 2023", "2024-06-26", ("2023", "year")),
        ("أواخر الشهر الماضي", "2024-06-26", ("2024-05", "month")),
        ("صباح اليوم", "2024-06-26", ("2024-06-26", "day")),
        ("مساء أمس", "2024-06-26", ("2024-06-25", "day")),
        ("فجر الجمعة", "2024-06-26", ("2024-06-21", "day")),
        ("في السادس من كانون الأول/ديسمبر", "2018-04-21", ("2017-12-06", "day")),
        ("في الحادي والعشرين من يونيو", "2024-06-26", ("2024-06-21", "day")),
        ("في فبراير (شباط)", "2015-08-04", ("2015-02", "month")),
        ("أواخر تشرين الثاني/نوفمبر", "2018-05-17", ("2017-11", "month")),
        ("خلال الحرب الصيف الماضي", "2015-08-03", ("2014", "year")),
        ("الخريف الماضي", "2015-12-03", ("2015", "year")),
        ("هذا الربيع", "2024-06-26", ("2024", "year")),
    ],
)
def test_relative_periods_and_counts(text: str, published: str, expected: tuple[str, str]) -> None:
    values = [v for v in _resolve(text, published) if v is not None]
    assert values and (values[0].value, values[0].precision) == expected


@pytest.mark.parametrize(
    "text",
    [
        "يحكم منذ أكثر من عام",  # a duration
        "بدأ الحصار منذ ثلاثة أشهر",
        "قبل يومين من الانتخابات",  # counted from another event, not from publication
        "قبل نحو شهرين",  # only roughly
        "الأسبوع الماضي",  # a week is no day, month or year
        "الشتاء الماضي",  # a winter spans two years
    ],
)
def test_durations_and_vague_periods_are_found_but_not_dates(text: str) -> None:
    tokens = tokenize(text, RULES)
    found = list(find(TIME, tokens))
    assert found and [resolve(f, dt.date(2024, 6, 26)) for f in found] == [None]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("وصل مساء أمس", "مساء أمس"),
        ("في مطلع مارس 2023", "مطلع مارس 2023"),
        ("في نهاية العام الماضي", "نهاية العام الماضي"),
    ],
)
def test_a_part_of_the_day_or_period_belongs_to_the_expression(text: str, span: str) -> None:
    tokens = tokenize(text, RULES)
    (found,) = find(TIME, tokens)
    assert text[tokens[found.first].span.start : tokens[found.last].span.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "وقع الأب على الوثيقة",
        "وصلت ماي إلى المطار",
        "اجتمعت جمعة من الناس",
        "قال أحد المسؤولين",
        "قتل آخر 50 مقاتلا",
        "قبل الاجتماع",
    ],
)
def test_ordinary_words_are_not_dates(text: str) -> None:
    assert _resolve(text, "2024-06-26") == []


@pytest.mark.parametrize(
    ("path", "two_digit", "expected"),
    [
        ("https://media.example.com/img/22/10/22/242406.jpg", True, "2022-10-22"),
        ("https://media.example.com/img/22/10/22/242406.jpg", False, None),
        ("https://news.example.org/2024/06/26/story.html", False, "2024-06-26"),
        ("https://news.example.org/world/2018-03-14-expulsions", False, "2018-03-14"),
        ("https://news.example.org/2024/13/45/x", False, None),
    ],
)
def test_path_dates(path: str, two_digit: bool, expected: str | None) -> None:
    value = path_date(path, two_digit)
    assert (value.value if value else None) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", dt.date(2024, 1, 1)),
        ("2024-06", dt.date(2024, 6, 1)),
        ("2024-06-25", dt.date(2024, 6, 25)),
        ("2024-02-30", None),
    ],
)
def test_parse_value(value: str, expected: dt.date | None) -> None:
    assert parse_value(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عنوان الخبر\nبرلين - 25 كانون الثاني (يناير) 2023\nأعلن المستشار قراره.", "2023-01-25"),
        (
            "عنوان\nلندن، 14 آذار/مارس 2018 (رويترز) - أعلنت الحكومة اليوم طرد دبلوماسيين.",
            "2018-03-14",
        ),
        ("عنوان\nموسكو - الأحد 13 فبراير/ شباط 2022\nقال المتحدث.", "2022-02-13"),
        ("عنوان\n15 سبتمبر 2020\nوقع الطرفان اليوم.", "2020-09-15"),
        ("الكويت 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\nأكد الوزير.", "2015-08-10"),
        (
            "عنوان\nقال الوزير إن الاتفاق الموقع في 10 مارس 2023 صامد وإن المحادثات "
            "مستمرة بين البلدين منذ ذلك الحين وحتى اليوم.",
            None,
        ),
    ],
)
def test_dateline_gives_publication_date(
    text: str, expected: str | None, resources: Resources
) -> None:
    from hadath.dates import run
    from hadath.model import Analysis, Document
    from hadath.pipeline import text_layer

    analysis = run(text_layer(Analysis(Document("d", text)), resources), resources)
    assert analysis.document.published == expected
    assert analysis.document.published_source == ("dateline" if expected else None)

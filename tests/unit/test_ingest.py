"""Tests for hadath.ingest: decoding, cleaning, language checks, dates and the readers."""

from __future__ import annotations

import hashlib
import json
import pathlib
import random
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from hadath.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    InvalidDateError,
    LexiconError,
    MalformedRecordError,
    NotArabicError,
)
from hadath.ingest import (
    document_from_text,
    load_ingest_rules,
    parse_iso_date,
    read_paths,
    read_stdin,
)
from hadath.ingest import html as html_reader
from hadath.ingest import text as text_reader
from hadath.ingest.clean import clean, load_layout_rules, parse_layout_rules
from hadath.ingest.decode import decode
from hadath.ingest.document import IngestRules
from hadath.ingest.language import check_arabic, load_language_rules, parse_language_rules
from hadath.lexicons.load import load_yaml
from hadath.model import Document, Failure
from hadath.settings import Settings

SETTINGS = Settings()
SHARED = Path(__file__).resolve().parents[3] / "shared"

TITLE = "وزير الخارجية يبحث مع نظيره التركي ملف الحدود"
BODY = (
    "بحث وزير الخارجية في اتصال هاتفي مساء الثلاثاء مع نظيره التركي تطورات الأوضاع "
    "على الحدود المشتركة.\n"
    "وأكد الجانبان ضرورة تنسيق المواقف لمنع التصعيد وحماية المدنيين في المناطق القريبة "
    "من خطوط التماس.\n"
    "ومن المنتظر أن يعقد الوزيران لقاء مباشرا الشهر المقبل في أنقرة."
)
ARTICLE = f"{TITLE}\n{BODY}"
SECOND = (
    "استقبل رئيس الحكومة وفدا برلمانيا أوروبيا وناقش معه ملفات الهجرة والطاقة "
    "والتعاون الاقتصادي بين الجانبين."
)

ENGLISH = (
    "The foreign minister held a phone call with his Turkish counterpart on Tuesday "
    "to discuss the border situation and the protection of civilians."
)
FRENCH = (
    "Le ministre des affaires étrangères s'est entretenu mardi par téléphone avec son "
    "homologue turc au sujet de la situation à la frontière commune."
)
PERSIAN = (
    "وزیر امور خارجه ایران روز سه‌شنبه در یک گفتگوی تلفنی با همتای ترکیه‌ای خود درباره "
    "وضعیت مرزها و همکاری‌های دوجانبه گفتگو کرد و بر لزوم کاهش تنش تأکید نمود."
)
URDU = (
    "وزیر خارجہ نے منگل کو اپنے ترک ہم منصب سے ٹیلی فون پر بات چیت کی اور سرحدی "
    "صورتحال پر تبادلہ خیال کیا۔"
)


@pytest.fixture(scope="module")
def rules() -> IngestRules:
    """The shipped ingestion rules, loaded once for the module."""
    return load_ingest_rules()


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _read(paths: Iterable[str | Path], settings: Settings = SETTINGS) -> list[Document | Failure]:
    return list(read_paths(paths, settings))


def _only(results: list[Document | Failure]) -> Document | Failure:
    assert len(results) == 1, results
    return results[0]


def _document(result: Document | Failure) -> Document:
    assert isinstance(result, Document), result
    return result


def _failure(result: Document | Failure, error: type[Exception]) -> Failure:
    assert isinstance(result, Failure), result
    assert result.error == error.__name__, result
    assert result.reason
    return result


# --- decoding ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),
        b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
        b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("utf-16-le"),
        ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1256"],
)
def test_decode_detects_encoding(data: bytes) -> None:
    assert decode(data, "a.txt", SETTINGS) == ARTICLE


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_decode_normalises_newlines(newline: str) -> None:
    data = ARTICLE.replace("\n", newline).encode("utf-8")
    assert decode(data, "a.txt", SETTINGS) == ARTICLE


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", ARTICLE.encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")),
        ("utf16.txt", ARTICLE.encode("utf-16")),
        ("utf16le.txt", ARTICLE.encode("utf-16-le")),
        ("cp1256.txt", ARTICLE.replace("\n", "\r\n").encode("cp1256")),
    ],
)
def test_text_files_in_any_supported_encoding(tmp_path: Path, name: str, data: bytes) -> None:
    document = _document(_only(_read([_write(tmp_path / name, data)])))
    assert document.text == ARTICLE
    assert document.title == TITLE
    assert document.language == "ar"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "  \n".encode("utf-16")])
def test_empty_or_whitespace_only_file(tmp_path: Path, data: bytes) -> None:
    failure = _failure(_only(_read([_write(tmp_path / "empty.txt", data)])), EmptyInputError)
    assert "empty.txt" in failure.reason
    with pytest.raises(EmptyInputError):
        decode(data, "empty.txt", SETTINGS)


def _random_bytes() -> bytes:
    noise = random.Random(7).randbytes(4096)
    return noise + b"\x00\x00\x01\x02" + noise


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (_random_bytes(), "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdftotext"),
        (b"PK\x03\x04" + bytes(40), "ZIP"),
        (b"\x7fELF\x02\x01\x01" + bytes(40), "ELF"),
        (b"\x01\x02\x03\x04\x05\x06text\x07\x08" * 20, "control characters"),
    ],
    ids=["random-with-nul", "png", "pdf", "zip", "elf", "control-bytes"],
)
def test_binary_input_is_refused(tmp_path: Path, data: bytes, hint: str) -> None:
    with pytest.raises(BinaryInputError, match=hint):
        decode(data, "blob.txt", SETTINGS)
    failure = _failure(_only(_read([_write(tmp_path / "blob.txt", data)])), BinaryInputError)
    assert hint in failure.reason


def test_unknown_legacy_encoding_gives_iconv_advice() -> None:
    data = FRENCH.encode("latin-1")
    with pytest.raises(EncodingError, match="iconv -f"):
        decode(data, "fr.txt", SETTINGS)


def test_utf8_with_a_corrupt_byte_is_not_taken_for_cp1256() -> None:
    raw = ARTICLE.encode("utf-8")
    with pytest.raises(EncodingError, match="offset 40"):
        decode(raw[:40] + b"\xff" + raw[40:], "broken.txt", SETTINGS)


def test_oversized_bytes_are_refused() -> None:
    settings = Settings(max_document_bytes=100)
    with pytest.raises(InputTooLargeError, match="split the file"):
        decode(ARTICLE.encode("utf-8"), "big.txt", settings)


def test_oversized_file_is_refused_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as stream:
        stream.truncate(50_000_000)  # sparse: takes no disk space

    real_open = pathlib.Path.open

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == big:
            raise AssertionError("the oversized file was opened")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", guarded_open)
    assert Settings().max_document_bytes == 5_000_000
    failure = _failure(_only(_read([big], Settings())), InputTooLargeError)
    assert "50,000,000" in failure.reason
    assert "split" in failure.reason


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015", ("2015", "year")),
        ("2015-08", ("2015-08", "month")),
        ("2015-08-01", ("2015-08-01", "day")),
        (" 2024-02-29 ", ("2024-02-29", "day")),
        ("2015-08-01T10:30:00Z", ("2015-08-01", "day")),
        ("2015-08-01T23:30:00+03:00", ("2015-08-01", "day")),
        ("2018-10-17 08:05", ("2018-10-17", "day")),
        ("2018-10-17T08:05:09.123456-05:00", ("2018-10-17", "day")),
    ],
)
def test_parse_iso_date(value: str, expected: tuple[str, str]) -> None:
    assert parse_iso_date(value) == expected


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2015-13-45", "month 13"),
        ("2015-02-30", "day 30"),
        ("2023-02-29", "day 29"),
        ("2015-00", "month 00"),
        ("yesterday", "not in an accepted format"),
        ("01/08/2015", "not in an accepted format"),
        ("٢٠١٥-٠٨-٠١", "not in an accepted format"),
        ("2015-08-01T25:00:00", "time of day"),
        ("", "not in an accepted format"),
    ],
)
def test_parse_iso_date_rejects(value: str, problem: str) -> None:
    with pytest.raises(InvalidDateError) as caught:
        parse_iso_date(value)
    assert problem in str(caught.value)
    assert "YYYY-MM-DD" in str(caught.value)


# --- cleaning ----------------------------------------------------------------------------------

MARKED_UP = (
    "بحث الوزير مع **نظيره التركي** ملف [الحدود المشتركة](https://example.org/tag/b) "
    "وسبل *تهدئة* الأوضاع.   "
)
MARKDOWN = f"""# {TITLE}

![صورة من الاجتماع](https://cdn.example.org/2023/04/12/meeting.jpg)
+ الخط -
اظهر الملخص
إخفاء الملخص
## خلفية الاتصال
{MARKED_UP}
شارك
تويتر فيسبوك واتساب
شارك الوزير أمس في اجتماع طارئ لوزراء الخارجية العرب.
وكتب الوزير على تويتر أن الخط الأحمر هو أمن المدنيين.
---
طباعة
نسخ الرابط



وأضاف أن الحوار سيستمر خلال الأسابيع المقبلة.

المساهمون
سارة علي
محمد حسن
"""


def test_markdown_cleaning(rules: IngestRules) -> None:
    cleaned = clean(MARKDOWN, rules.layout)
    assert cleaned.images == ("https://cdn.example.org/2023/04/12/meeting.jpg",)
    assert cleaned.title == TITLE
    assert cleaned.text.split("\n") == [
        TITLE,
        "",
        "خلفية الاتصال",
        "بحث الوزير مع نظيره التركي ملف الحدود المشتركة وسبل تهدئة الأوضاع.",
        "شارك الوزير أمس في اجتماع طارئ لوزراء الخارجية العرب.",
        "وكتب الوزير على تويتر أن الخط الأحمر هو أمن المدنيين.",
        "",
        "وأضاف أن الحوار سيستمر خلال الأسابيع المقبلة.",
    ]


@pytest.mark.parametrize(
    "widget",
    [
        "+ الخط -",
        "- الخط +",
        "حجم الخط",
        "A+ A-",
        "اظهر الملخص",
        "أظهر الملخص",
        "إخفاء الملخص",
        "Show summary",
        "شارك",
        "شارك الخبر:",
        "تويتر | فيسبوك | واتساب",
        "Facebook Twitter WhatsApp",
        "طباعة",
        "نسخ الرابط",
        "**شارك**",
        "\u200fاظهر الملخص\u200f",
        "اقرأ أيضا:",
        "أخبار ذات صلة",
        "إعلان",
        "جميع الحقوق محفوظة لصحيفة المثال 2024",
        "3 دقائق للقراءة",
        "![](https://example.org/a.png)",
        "[![](https://example.org/b.png)](https://example.org/story)",
        "محتجون أمام مقر البرلمان في العاصمة (Getty)",
        "جانب من الاجتماع الوزاري (فرانس برس/Getty Images)",
    ],
)
def test_widget_lines_are_dropped(rules: IngestRules, widget: str) -> None:
    cleaned = clean(f"{ARTICLE}\n{widget}\n{SECOND}", rules.layout)
    assert cleaned.text == f"{ARTICLE}\n{SECOND}"


@pytest.mark.parametrize(
    "content",
    [
        "شارك الوزير في القمة التي عقدت في العاصمة.",
        "وقال إن الخط الفاصل بين البلدين يجب أن يحترم.",
        "ونشر المتحدث الملخص الكامل للاجتماع على تويتر.",
        "وأعلنت الحكومة إعلان حالة الطوارئ في الإقليم.",
        "المساهمون في الصندوق الدولي تعهدوا بمليار دولار لإعادة الإعمار.",
        "الخط الأحمر",
        "- وزيرا الدفاع اتفقا على إبقاء قنوات الاتصال مفتوحة.",
        "طباعة الكتب المدرسية توقفت بسبب الحرب.",
    ],
)
def test_content_lines_are_kept(rules: IngestRules, content: str) -> None:
    cleaned = clean(f"{ARTICLE}\n{content}\n{SECOND}", rules.layout)
    assert content in cleaned.text.split("\n")


def test_a_summary_box_goes_with_its_toggle(rules: IngestRules) -> None:
    bullets = "- الوزيران بحثا الأزمة.\n• واتفقا على لقاء قريب."
    text = f"{ARTICLE}\nاظهر الملخص\n{bullets}\n\n{SECOND}\n- بند في متن الخبر."
    kept = clean(text, rules.layout).text.split("\n")
    assert "- الوزيران بحثا الأزمة." not in kept and "• واتفقا على لقاء قريب." not in kept
    assert SECOND in kept and "- بند في متن الخبر." in kept


def test_a_sentence_that_cites_a_photo_agency_is_kept(rules: IngestRules) -> None:
    line = "وقال المصور إن الصورة نشرتها وكالة (Getty). ثم حذفت من الموقع (Getty)"
    assert line in clean(f"{ARTICLE}\n{line}\n{SECOND}", rules.layout).text.split("\n")


def test_contributors_line_mid_article_is_kept(rules: IngestRules) -> None:
    text = f"{ARTICLE}\nالمساهمون\n{SECOND}\n{SECOND}"
    assert "المساهمون" in clean(text, rules.layout).text


def test_contributors_footer_is_cut(rules: IngestRules) -> None:
    text = f"{ARTICLE}\n\nالمساهمون\nسارة علي\nمحمد حسن\n"
    assert clean(text, rules.layout).text == ARTICLE


def test_whitespace_is_tidied(rules: IngestRules) -> None:
    raw = f"\n\n  {TITLE}   \n\n\n\n\n{BODY}\t \n\n\n"
    assert clean(raw, rules.layout).text == f"{TITLE}\n\n{BODY}"


def test_inline_markdown(rules: IngestRules) -> None:
    raw = (
        "### قمة طارئة ###\n"
        "> وقال الوزير __بوضوح__ إن [الاتفاق](https://example.org/x_(y)) قائم "
        "![شعار](https://example.org/logo.svg) حتى الآن.\n"
        "***\n"
        "الموقع <https://example.org/news> ما زال يعمل"
    )
    cleaned = clean(raw, rules.layout)
    assert cleaned.text == (
        "قمة طارئة\nوقال الوزير بوضوح إن الاتفاق قائم  حتى الآن.\n"
        "الموقع https://example.org/news ما زال يعمل"
    )
    assert cleaned.images == ("https://example.org/logo.svg",)


@pytest.mark.parametrize(
    ("first", "title"),
    [
        (TITLE, TITLE),
        ("هل تنجح الوساطة في وقف القتال؟", None),
        ("قال الوزير إن المحادثات بناءة.", None),
        ("وأضاف:", None),
        ("ب" * 200, None),
        ("ب" * 199, "ب" * 199),
    ],
)
def test_title_rule(rules: IngestRules, first: str, title: str | None) -> None:
    cleaned = clean(f"\n{first}\n{BODY}", rules.layout)
    assert cleaned.title == title
    assert cleaned.text.startswith(first)


def test_layout_rules_compile_and_are_documented() -> None:
    raw = load_yaml("ingest/layout.yaml")
    entries = raw["rules"]
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids))
    for entry in entries:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entry["id"])
        assert isinstance(entry["description"], str) and entry["description"].strip()
        re.compile(entry["pattern"])
    assert len(load_layout_rules().rules) == len(entries)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"id": "x", "description": "d", "pattern": "(unclosed"}, "not a valid regular"),
        ({"id": "x", "pattern": "ab"}, "description"),
        ({"id": "x", "description": "d", "pattern": "a*"}, "empty line"),
        ({"id": "Bad Id", "description": "d", "pattern": "ab"}, "`id`"),
        ({"id": "x", "description": "d", "pattern": "ab", "action": "image"}, "(?P<url>"),
        ({"id": "x", "description": "d", "pattern": "ab", "action": "zap"}, "`action`"),
        ({"id": "x", "description": "d", "pattern": "ab", "action": "footer"}, "max_tail"),
        ({"id": "x", "description": "d", "pattern": "ab", "action": "block"}, "`items`"),
    ],
)
def test_layout_rule_errors_name_the_problem(rule: dict[str, Any], message: str) -> None:
    with pytest.raises(LexiconError) as caught:
        parse_layout_rules({"sentence_end": ["."], "rules": [rule]}, "layout.yaml")
    assert message in str(caught.value)
    assert "layout.yaml" in str(caught.value)


def test_duplicate_layout_rule_ids_are_refused() -> None:
    rule = {"id": "x", "description": "d", "pattern": "ab"}
    with pytest.raises(LexiconError, match="twice"):
        parse_layout_rules({"sentence_end": ["."], "rules": [rule, rule]}, "layout.yaml")


def test_language_rules_load_and_are_checked() -> None:
    language = load_language_rules()
    assert language.name("fa") == "Persian"
    with pytest.raises(LexiconError, match="persian_letters"):
        parse_language_rules({"persian_letters": "abc"}, "language.yaml")


# --- language ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [(ENGLISH, "English"), (FRENCH, "French"), (PERSIAN, "Persian"), (URDU, "Urdu")],
)
def test_non_arabic_text_is_refused(rules: IngestRules, text: str, language: str) -> None:
    with pytest.raises(NotArabicError) as caught:
        check_arabic(text, "x.txt", SETTINGS, rules.language)
    assert f"looks like {language} text" in str(caught.value)
    assert "Arabic news only" in str(caught.value)


def test_not_arabic_file_becomes_failure(tmp_path: Path) -> None:
    failure = _failure(_only(_read([_write(tmp_path / "en.txt", ENGLISH)])), NotArabicError)
    assert failure.source == str(tmp_path / "en.txt")


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        "قال الأمين العام لحلف NATO إن الحلف سيعقد قمة في Brussels الشهر المقبل.",
        "أعلنت شركة Gazprom أنها أوقفت ضخ الغاز عبر خط Nord Stream بشكل مؤقت.",
    ],
)
def test_arabic_text_passes(rules: IngestRules, text: str) -> None:
    check_arabic(text, "x.txt", SETTINGS, rules.language)


def test_too_little_text_is_empty(rules: IngestRules) -> None:
    with pytest.raises(EmptyInputError, match="at least 20"):
        check_arabic("عاجل: انفجار", "x.txt", SETTINGS, rules.language)


def test_widgets_alone_leave_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path / "widgets.md", "+ الخط -\nاظهر الملخص\nشارك\nطباعة\n")
    _failure(_only(_read([path])), EmptyInputError)


# --- document_from_text ------------------------------------------------------------------------


def test_document_from_text(rules: IngestRules) -> None:
    document = document_from_text(
        f"{ARTICLE}\nشارك\n",
        source="api",
        settings=SETTINGS,
        id="abc-1",
        title="  عنوان من البيانات  ",
        published="2023-04-12T09:30:00+03:00",
        url="https://example.org/a",
        outlet="صحيفة المثال",
        rules=rules,
    )
    assert document == Document(
        id="abc-1",
        text=ARTICLE,
        title="عنوان من البيانات",
        url="https://example.org/a",
        outlet="صحيفة المثال",
        published="2023-04-12",
        published_precision="day",
        published_source="metadata",
        language="ar",
        source="api",
        images=(),
    )


def test_content_id_is_sha256_of_cleaned_text() -> None:
    document = document_from_text(f"{ARTICLE}\n+ الخط -\n", source="x", settings=SETTINGS)
    assert document.id == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()[:16]
    assert document.published is None
    assert document.published_precision is None
    assert document.published_source is None


def test_document_from_text_rejects_bad_date() -> None:
    with pytest.raises(InvalidDateError, match="x: `published`"):
        document_from_text(ARTICLE, source="x", settings=SETTINGS, published="yesterday")


# --- JSON and JSON Lines -----------------------------------------------------------------------


def _record(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_invalid_line_between_good_ones(tmp_path: Path) -> None:
    lines = [
        _record(id="a1", title="عنوان أول", text=ARTICLE, published="2015-08-01"),
        '{"id": "a2", "text": "نص" "بلا فاصلة"}',
        _record(id="a3", text=SECOND, published=None, url="https://example.org/3"),
    ]
    path = _write(tmp_path / "articles.jsonl", "\n".join(lines) + "\n")
    first, bad, last = _read([path])
    first = _document(first)
    assert (first.id, first.title, first.published) == ("a1", "عنوان أول", "2015-08-01")
    assert first.published_precision == "day"
    assert first.published_source == "metadata"
    assert first.source == f"{path}:1"
    failure = _failure(bad, MalformedRecordError)
    assert failure.source == f"{path}:2"
    assert failure.reason.startswith(f"{path}:2: invalid JSON (Expecting")
    assert failure.reason.endswith("fix the line or remove it")
    last = _document(last)
    assert (last.id, last.published, last.url, last.source) == (
        "a3",
        None,
        "https://example.org/3",
        f"{path}:3",
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (_record(id="n1", title="بلا نص"), "has no `text`"),
        (_record(id="n2", text="   "), "has an empty `text`"),
        (_record(id="n3", text=["فقرة"]), "not a string"),
        ('["ليس", "كائنا"]', "expected a JSON object"),
        ("42", "expected a JSON object"),
        (_record(text=ARTICLE, title=7), "`title` must be a string"),
        (_record(text=ARTICLE, id=True), "`id` must be a string"),
        (_record(text=ARTICLE, published=["2015"]), "`published` must be"),
    ],
)
def test_malformed_records_become_failures(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path / "a.jsonl", f"{line}\n{_record(text=SECOND)}\n")
    bad, good = _read([path])
    failure = _failure(bad, MalformedRecordError)
    assert message in failure.reason
    assert failure.source == f"{path}:1"
    assert _document(good).text == SECOND


@pytest.mark.parametrize("value", ["2015-13-45", "yesterday", "2015-02-30", "15-08-01"])
def test_invalid_published_date_is_a_failure(tmp_path: Path, value: str) -> None:
    path = _write(tmp_path / "a.jsonl", _record(id="d1", text=ARTICLE, published=value))
    failure = _failure(_only(_read([path])), InvalidDateError)
    assert failure.document_id == "d1"
    assert value in failure.reason
    assert "YYYY-MM-DD" in failure.reason


@pytest.mark.parametrize(
    ("value", "published", "precision"),
    [
        ("2018-10", "2018-10", "month"),
        ("2018", "2018", "year"),
        (2018, "2018", "year"),
        ("2018-10-17T08:05:00Z", "2018-10-17", "day"),
        (None, None, None),
        ("", None, None),
    ],
)
def test_published_precision(tmp_path: Path, value: Any, published: Any, precision: Any) -> None:
    path = _write(tmp_path / "a.jsonl", _record(text=ARTICLE, published=value))
    document = _document(_only(_read([path])))
    assert (document.published, document.published_precision) == (published, precision)


def test_record_fields(tmp_path: Path) -> None:
    line = _record(id=42, text=ARTICLE, outlet="وكالة المثال", extra={"ignored": True})
    document = _document(_only(_read([_write(tmp_path / "a.jsonl", line)])))
    assert document.id == "42"
    assert document.outlet == "وكالة المثال"
    assert document.title == TITLE  # no title field: the first line of the text


def test_jsonl_skips_blank_lines_and_bom(tmp_path: Path) -> None:
    data = "\ufeff" + _record(text=ARTICLE) + "\n\n   \n" + _record(text=SECOND) + "\n"
    results = _read([_write(tmp_path / "a.ndjson", data)])
    assert [_document(r).source for r in results] == [
        f"{tmp_path / 'a.ndjson'}:1",
        f"{tmp_path / 'a.ndjson'}:4",
    ]


def test_jsonl_overlong_line_is_skipped(tmp_path: Path) -> None:
    settings = Settings(max_document_bytes=1000)
    long = _record(text=(BODY + "\n") * 20)
    path = _write(tmp_path / "a.jsonl", f"{long}\n{_record(text=SECOND)}\n")
    bad, good = _read([path], settings)
    assert "longer than 1,000 bytes" in _failure(bad, InputTooLargeError).reason
    assert _document(good).source == f"{path}:2"


def test_jsonl_line_not_utf8(tmp_path: Path) -> None:
    data = _record(text=SECOND).encode("cp1256") + b"\n" + _record(text=ARTICLE).encode() + b"\n"
    bad, good = _read([_write(tmp_path / "a.jsonl", data)])
    assert "iconv" in _failure(bad, EncodingError).reason
    assert _document(good).text == ARTICLE


def test_utf16_jsonl_is_refused_with_advice(tmp_path: Path) -> None:
    data = (_record(text=ARTICLE) + "\n").encode("utf-16")
    failure = _failure(_only(_read([_write(tmp_path / "a.jsonl", data)])), EncodingError)
    assert "iconv -f UTF-16LE -t UTF-8" in failure.reason


def test_json_object_and_list(tmp_path: Path) -> None:
    one = _write(tmp_path / "one.json", _record(id="o1", text=ARTICLE, published="2015-08"))
    many = _write(
        tmp_path / "many.json",
        json.dumps([{"text": ARTICLE}, {"title": "بلا نص"}, {"text": SECOND}], ensure_ascii=False),
    )
    results = _read([one, many])
    assert _document(results[0]).published_precision == "month"
    assert _document(results[1]).source == f"{many}[0]"
    assert _failure(results[2], MalformedRecordError).source == f"{many}[1]"
    assert _document(results[3]).text == SECOND


def test_invalid_json_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.json", '{"text": "نص", }')
    failure = _failure(_only(_read([path])), MalformedRecordError)
    assert "invalid JSON" in failure.reason


def test_json_lines_in_a_json_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.json", _record(text=ARTICLE) + "\n" + _record(text=SECOND))
    assert [_document(r).text for r in _read([path])] == [ARTICLE, SECOND]


# --- HTML --------------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{TITLE} | صحيفة المثال</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="صحيفة المثال">
<meta property="article:published_time" content="2023-04-12T09:30:00+03:00">
</head><body>
<nav><ul><li><a href="/">الصفحة الرئيسية</a></li><li><a href="/sport">أخبار الرياضة</a></li>
<li><a href="/economy">الاقتصاد والأسواق</a></li></ul></nav>
<main><article>
<h1>{TITLE}</h1>
<img src="https://example.org/img/call.jpg" alt="الوزيران">
<p>بحث وزير الخارجية في اتصال هاتفي مساء الثلاثاء مع نظيره التركي تطورات الأوضاع على الحدود
المشتركة، وسبل منع انزلاق المنطقة إلى مواجهة جديدة.</p>
<p>وأكد الجانبان ضرورة تنسيق المواقف لمنع التصعيد وحماية المدنيين في المناطق القريبة من خطوط
التماس، واتفقا على تشكيل لجنة فنية مشتركة.</p>
<p>ومن المنتظر أن يعقد الوزيران لقاء مباشرا الشهر المقبل في أنقرة لاستكمال المباحثات.</p>
</article></main>
<footer><p>جميع الحقوق محفوظة لصحيفة المثال</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body></html>
"""


def test_html_article(tmp_path: Path) -> None:
    document = _document(_only(_read([_write(tmp_path / "page.html", PAGE)])))
    assert "نظيره التركي تطورات الأوضاع" in document.text
    assert "لجنة فنية مشتركة" in document.text
    for boilerplate in ("الصفحة الرئيسية", "أخبار الرياضة", "سياسة الخصوصية", "الحقوق محفوظة"):
        assert boilerplate not in document.text
    assert document.title == TITLE
    assert (document.published, document.published_precision) == ("2023-04-12", "day")
    assert document.published_source == "html-meta"
    assert document.outlet == "صحيفة المثال"
    assert document.images == ("https://example.org/img/call.jpg",)


def test_html_in_windows_1256(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1256"').encode("cp1256")
    document = _document(_only(_read([_write(tmp_path / "page.htm", page)])))
    assert "لجنة فنية مشتركة" in document.text


def test_malformed_html(tmp_path: Path) -> None:
    page = (
        "<html><body><div><p>بحث وزير الخارجية مع نظيره التركي <b>تطورات الأوضاع على الحدود"
        "<p>وأكد الجانبان ضرورة تنسيق المواقف لمنع التصعيد وحماية المدنيين<div><span>"
    )
    result = _only(_read([_write(tmp_path / "broken.html", page)]))
    if isinstance(result, Document):
        assert "تنسيق المواقف" in result.text
    else:
        assert result.error in {"EmptyInputError", "InputError"}
        assert "broken.html" in result.reason


def test_html_without_article(tmp_path: Path) -> None:
    page = "<html><head><title>x</title></head><body><nav><a href='/'>home</a></nav></body></html>"
    failure = _failure(_only(_read([_write(tmp_path / "empty.html", page)])), EmptyInputError)
    assert "no article text" in failure.reason or "characters" in failure.reason


# --- read_paths and read_stdin -----------------------------------------------------------------


def test_directory_recursion(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "b.txt", SECOND)
    _write(root / "a" / "z.md", f"# {TITLE}\n\n{BODY}\n")
    _write(root / "a" / "y.jsonl", _record(id="j1", text=ARTICLE) + "\n")
    _write(root / "a" / "x.html", PAGE)
    _write(root / ".hidden.txt", ARTICLE)
    _write(root / ".git" / "c.txt", ARTICLE)
    _write(root / "notes.csv", "a,b\n1,2\n")
    sources = [_document(r).source for r in _read([root])]
    assert sources == [
        str(root / "a" / "x.html"),
        f"{root / 'a' / 'y.jsonl'}:1",
        str(root / "a" / "z.md"),
        str(root / "b.txt"),
    ]


def test_missing_path_and_unknown_extension(tmp_path: Path) -> None:
    odd = _write(tmp_path / "article.dat", ARTICLE)
    missing, document = _read([tmp_path / "nope.txt", odd])
    failure = _failure(missing, InputError)
    assert failure.reason == f"{tmp_path / 'nope.txt'}: no such file or directory; check the path"
    assert _document(document).text == ARTICLE


def test_readers_accept_paths_directly(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", ARTICLE)
    assert _document(_only(list(text_reader.read(path, SETTINGS)))).text == ARTICLE
    page = _write(tmp_path / "a.html", PAGE)
    assert _document(_only(list(html_reader.read(page, SETTINGS)))).title == TITLE


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARTICLE.encode(), [ARTICLE]),
        (ARTICLE.encode("utf-16"), [ARTICLE]),
        (("\n" + _record(text=ARTICLE) + "\n").encode(), [ARTICLE]),
        ((_record(text=ARTICLE) + "\n" + _record(text=SECOND) + "\n").encode(), [ARTICLE, SECOND]),
        (json.dumps({"text": ARTICLE}, indent=2, ensure_ascii=False).encode(), [ARTICLE]),
        (json.dumps([{"text": SECOND}], ensure_ascii=False).encode(), [SECOND]),
        (PAGE.encode(), None),
    ],
    ids=["text", "utf16-text", "json-object", "json-lines", "pretty-json", "json-list", "html"],
)
def test_read_stdin_sniffs_the_format(data: bytes, expected: list[str] | None) -> None:
    results = [_document(r) for r in read_stdin(data, SETTINGS)]
    if expected is None:
        assert len(results) == 1 and "لجنة فنية مشتركة" in results[0].text
    else:
        assert [r.text for r in results] == expected
    assert all(r.source and r.source.startswith("<stdin>") for r in results)


def test_read_stdin_binary() -> None:
    _failure(_only(list(read_stdin(b"\x89PNG\r\n\x1a\n" + bytes(30), SETTINGS))), BinaryInputError)


# --- third-party samples (read only) -----------------------------------------------------------


def test_shared_sample_widgets_are_removed() -> None:
    path = SHARED / "samples" / "002_4c71b439ee93d8ec.txt"
    if not path.exists():
        pytest.skip("shared samples are not present")
    document = _document(_only(_read([path])))
    lines = document.text.split("\n")
    for widget in ("+ الخط -", "اظهر الملخص", "المساهمون"):
        assert widget not in lines
    assert document.title is not None
    assert len(document.text) > 2000


def test_shared_sample_image_is_recorded() -> None:
    path = SHARED / "samples" / "000_cb20b5ee9f772ea3.txt"
    if not path.exists():
        pytest.skip("shared samples are not present")
    document = _document(_only(_read([path])))
    assert len(document.images) == 1
    assert document.images[0].endswith(".jpg")
    assert "![" not in document.text


def test_shared_corpus_reads_without_failures() -> None:
    path = SHARED / "corpus" / "articles.jsonl"
    if not path.exists():
        pytest.skip("shared corpus is not present")
    results = _read([path])
    assert len(results) == 118
    documents = [_document(r) for r in results]
    assert len({d.id for d in documents}) == len(documents)
    assert all(d.language == "ar" for d in documents)

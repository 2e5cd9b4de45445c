"""Copies: a re-published article is stored once, with every id, URL and outlet it came under."""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath.batch import ingest
from hadath.cli import main
from hadath.fingerprint import NEAR_WORDS, fingerprint, near_identical, numbers_agree, words
from hadath.model import Analysis, Document
from hadath.pipeline import process
from hadath.resources import Resources
from hadath.store import MIGRATIONS, Saved, Store
from hadath.tokenize import TextRules

CALL = (
    "القاهرة - أجرى وزير الخارجية المصري سامح شكري اتصالا هاتفيا يوم الثلاثاء مع نظيره الأردني"
    " أيمن الصفدي، وبحث الوزيران تطورات الأوضاع في قطاع غزة وسبل التوصل إلى وقف دائم لإطلاق"
    " النار.\nوأكد الجانبان ضرورة إدخال المساعدات الإنسانية دون عوائق، وشددا على رفض أي محاولة"
    " لتهجير السكان من أرضهم.\nوقال المتحدث باسم الخارجية المصرية إن الوزيرين اتفقا على مواصلة"
    " التنسيق الوثيق خلال الأيام المقبلة، وعلى عقد لقاء قريب في عمان لمتابعة نتائج الاتصال ومناقشة"
    " التحضيرات للاجتماع الوزاري العربي المقرر الشهر المقبل."
)
# The same two ministers a few days later: another meeting, other subjects, other decisions.
VISIT = (
    "عمان - استقبل وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري يوم الأحد في عمان،"
    " وعقد الوزيران جلسة مباحثات تناولت العلاقات الثنائية والتعاون الاقتصادي بين البلدين.\nوأعلن"
    " الصفدي في مؤتمر صحفي مشترك أن البلدين سيوقعان اتفاقية جديدة للربط الكهربائي قبل نهاية العام،"
    " فيما قال شكري إن القاهرة ترحب بتوسيع الاستثمارات الأردنية في مصر.\nوتطرق الجانبان أيضا إلى"
    " الأوضاع في السودان وليبيا، واتفقا على تشكيل لجنة مشتركة تجتمع كل ثلاثة أشهر لمتابعة تنفيذ"
    " ما تم الاتفاق عليه."
)
SANCTIONS = (
    "واشنطن - فرضت وزارة الخزانة الأمريكية عقوبات جديدة على شبكة من الشركات المتهمة بتهريب النفط"
    " الإيراني إلى الخارج، وقالت الوزارة في بيان إن الشبكة استخدمت سفنا مسجلة في عدة دول لإخفاء"
    " مصدر الشحنات.\nوتشمل العقوبات تجميد أصول الشركات في الولايات المتحدة ومنع المواطنين"
    " الأمريكيين من التعامل معها.\nوردت طهران بإدانة القرار، ووصف المتحدث باسم الخارجية"
    " الإيرانية العقوبات بأنها غير قانونية، وتعهد بأن تواصل بلاده تصدير نفطها رغم الضغوط."
)
PROTEST = (
    "بيروت - خرج آلاف المتظاهرين إلى شوارع العاصمة اللبنانية مساء السبت احتجاجا على تدهور الأوضاع"
    " المعيشية وارتفاع أسعار الوقود والخبز، ورفعوا لافتات تطالب الحكومة بالاستقالة.\nوأغلق"
    " المحتجون عددا من الطرق الرئيسية بالإطارات المشتعلة، فيما انتشرت قوات الجيش قرب مقر"
    " البرلمان لمنع اقتحامه.\nوقالت مصادر أمنية إن المظاهرات بقيت سلمية في معظمها، ودعا رئيس"
    " الوزراء إلى حوار وطني عاجل لبحث خطة إنقاذ اقتصادية."
)
# A daily toll in the same words, with new figures: a report of its own.
TOLL = (
    "غزة - قالت وزارة الصحة في القطاع إن عدد القتلى جراء الغارات الجوية التي استهدفت عدة أحياء"
    " منذ فجر اليوم ارتفع إلى {dead} قتيلا، بينهم نساء وأطفال، فيما أصيب أكثر من {hurt} شخص"
    " بجروح متفاوتة.\nوأضافت الوزارة أن فرق الإسعاف ما زالت تبحث عن مفقودين تحت الأنقاض، وأن"
    " المستشفيات تعاني نقصا حادا في الأدوية والوقود اللازم لتشغيل المولدات الكهربائية."
)
BRIEF = "عاجل: انفجار قرب السفارة الأمريكية في بغداد ولا أنباء عن إصابات"

BYLINE = "عمان (وكالات) -"
TRAILER = "\nتابعوا آخر الأخبار على موقعنا وحساباتنا في مواقع التواصل."
DIACRITICS = str.maketrans({"ج": "جَ", "ر": "رُ", "ل": "لـ"})
LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "ة": "ه", "ى": "ي"})
PUNCTUATION = str.maketrans({"،": ",", ".": "", "-": "—"})


def rebyline(text: str) -> str:
    """Replace the dateline before the first dash with another outlet's."""
    return BYLINE + text.split("-", 1)[1]


# How re-publishers change an article without changing it: each must be found to be a copy.
VARIANTS: dict[str, Callable[[str], str]] = {
    "exact": lambda text: text,
    "whitespace": lambda text: "  " + text.replace(" ", "  ").replace("\n", "\n\n") + "\n",
    "diacritics and tatweel": lambda text: text.translate(DIACRITICS),
    "letter variants": lambda text: text.translate(LETTERS),
    "punctuation": lambda text: text.translate(PUNCTUATION),
    "byline": rebyline,
    "trailing line": lambda text: text + TRAILER,
    "byline and trailing line": lambda text: rebyline(text) + TRAILER,
}


def plain(
    identifier: str, text: str, url: str | None = None, outlet: str | None = None
) -> Analysis:
    """An analysis holding only its document (enough for storing and finding copies)."""
    return Analysis(Document(identifier, text, url=url, outlet=outlet, title=f"title {identifier}"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An open store, closed after the test."""
    with Store.open(tmp_path / "hadath.db") as opened:
        yield opened


def consistent(store: Store) -> None:
    """No copy, fingerprint or bucket row outlives its document; no id is both kinds."""
    orphans = store.query(
        "SELECT (SELECT count(*) FROM document_copies WHERE document_id NOT IN"
        " (SELECT id FROM documents)) + (SELECT count(*) FROM document_fingerprints WHERE"
        " document_id NOT IN (SELECT id FROM documents)) + (SELECT count(*) FROM document_buckets"
        " WHERE document_id NOT IN (SELECT id FROM documents)) + (SELECT count(*) FROM"
        " document_copies WHERE id IN (SELECT id FROM documents)) AS n"
    )
    assert orphans == [{"n": 0}]


# -- fingerprints ---------------------------------------------------------------------------


def test_texts_are_long_enough_to_match_near_copies(text_rules: TextRules) -> None:
    for text in (CALL, VISIT, SANCTIONS, PROTEST, TOLL):
        assert len(words(text, text_rules.normalizer)) >= NEAR_WORDS + 20
    assert len(words(BRIEF, text_rules.normalizer)) < NEAR_WORDS


@pytest.mark.parametrize("variant", ["whitespace", "diacritics and tatweel", "letter variants",
                                     "punctuation"])  # fmt: skip
def test_spelling_that_folds_away_gives_the_same_exact_key(
    variant: str, text_rules: TextRules
) -> None:
    fold = text_rules.normalizer
    assert fingerprint(VARIANTS[variant](CALL), fold) == fingerprint(CALL, fold)


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        (["قتل", "12", "شخصا"], ["قتل", "12", "شخصا", "2023"], True),
        (["قتل", "12", "شخصا"], ["قتل", "15", "شخصا"], False),
        (["بلا", "ارقام"], ["بلا", "ارقام", "ابدا"], True),
        (["في", "2", "من", "2"], ["في", "3", "من", "2"], False),
    ],
)
def test_numbers_of_one_text_must_all_be_in_the_other(
    first: list[str], second: list[str], agree: bool
) -> None:
    assert numbers_agree(first, second) is agree
    assert numbers_agree(second, first) is agree


def test_short_texts_match_only_exactly(text_rules: TextRules) -> None:
    fold = text_rules.normalizer
    brief = fingerprint(BRIEF, fold)
    assert brief.buckets == ()
    assert near_identical(brief, fingerprint(BRIEF + ".", fold)) == 1.0
    assert near_identical(brief, fingerprint(BRIEF + " صباح اليوم", fold)) is None


# -- saving copies --------------------------------------------------------------------------


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_republished_article_is_stored_once_with_both_urls(store: Store, variant: str) -> None:
    assert store.put(plain("a", CALL, "https://one.example/a", "One")) is Saved.STORED
    copy = plain("b", VARIANTS[variant](CALL), "https://two.example/b", "Two")
    assert store.put(copy) is Saved.COPY
    assert store.counts()["documents"] == 1
    assert store.document("b") is None
    [found] = store.copies("a")
    assert (found.id, found.url, found.outlet, found.title) == (
        "b",
        "https://two.example/b",
        "Two",
        "title b",
    )
    assert found.match == ("exact" if fingerprint_equal(variant) else "near")
    assert 0.9 <= found.similarity <= 1.0
    urls = store.query("SELECT urls, outlets, publications FROM document_publications_view")
    assert urls == [
        {
            "urls": "https://one.example/a https://two.example/b",
            "outlets": "One; Two",
            "publications": 2,
        }
    ]
    consistent(store)


def fingerprint_equal(variant: str) -> bool:
    """Say whether a variant only changes what normalisation folds away."""
    return variant not in ("byline", "trailing line", "byline and trailing line")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(CALL, VISIT, id="same ministers, another day and other details"),
        pytest.param(CALL, SANCTIONS, id="another story"),
        pytest.param(
            TOLL.format(dead=45, hurt=120),
            TOLL.format(dead=52, hurt=130),
            id="same wording, new figures",
        ),
        pytest.param(CALL, CALL[: len(CALL) // 2], id="the first half, an excerpt"),
        pytest.param(BRIEF, BRIEF.replace("الأمريكية", "التركية"), id="short, one word apart"),
        pytest.param(BRIEF, BRIEF + " صباح اليوم", id="short, words added"),
    ],
)
def test_different_articles_are_stored_separately(store: Store, first: str, second: str) -> None:
    assert store.put(plain("a", first)) is Saved.STORED
    assert store.put(plain("b", second)) is Saved.STORED
    assert store.counts()["documents"] == 2
    assert store.copies("a") == store.copies("b") == []


def test_a_short_exact_copy_is_a_copy(store: Store) -> None:
    assert store.put(plain("a", BRIEF)) is Saved.STORED
    assert store.put(plain("b", BRIEF.replace(" ", "\n"))) is Saved.COPY


def test_a_copy_keeps_no_events_of_its_own(store: Store, resources: Resources) -> None:
    original = process(
        Document("a", CALL, published="2023-05-17", published_precision="day"), resources
    )
    assert original.events
    assert store.put(original) is Saved.STORED
    before = store.counts()
    copy = process(
        Document("b", rebyline(CALL), published="2023-05-17", published_precision="day"), resources
    )
    assert store.put(copy) is Saved.COPY
    assert store.counts() == before
    assert {record.document_id for record in store.events()} == {"a"}


def test_saving_a_copy_again_is_a_no_op(store: Store) -> None:
    store.put(plain("a", CALL))
    assert store.put(plain("b", CALL + TRAILER)) is Saved.COPY
    before = store.copies("a")
    assert store.put(plain("b", CALL + TRAILER)) is Saved.UNCHANGED
    assert store.save(plain("b", CALL + TRAILER)) is False
    assert store.copies("a") == before
    assert store.put(plain("a", CALL)) is Saved.UNCHANGED


def test_a_copy_of_the_most_alike_stored_document_is_kept(store: Store) -> None:
    store.put(plain("a", CALL))
    store.put(plain("s", SANCTIONS))
    assert store.put(plain("c", SANCTIONS + TRAILER)) is Saved.COPY
    assert [c.id for c in store.copies("s")] == ["c"]
    assert store.copies("a") == []


def test_replacing_the_original_drops_its_copies_and_fingerprint(store: Store) -> None:
    store.put(plain("a", CALL))
    store.put(plain("b", rebyline(CALL)))
    assert store.put(plain("a", VISIT)) is Saved.REPLACED
    assert store.copies("a") == []
    consistent(store)
    # The old text is stored nowhere now: its copy is filed anew, as a document of its own ...
    assert store.put(plain("b", rebyline(CALL))) is Saved.STORED
    # ... and further copies of that text are copies of it, not of the new version of "a".
    assert store.put(plain("c", CALL)) is Saved.COPY
    assert [c.id for c in store.copies("b")] == ["c"]
    assert store.put(plain("d", VISIT + TRAILER)) is Saved.COPY
    assert [c.id for c in store.copies("a")] == ["d"]
    consistent(store)


def test_a_revised_original_is_replaced_not_taken_for_its_own_copy(store: Store) -> None:
    store.put(plain("a", CALL))
    assert store.put(plain("a", CALL + TRAILER)) is Saved.REPLACED
    assert store.document("a") is not None
    assert store.copies("a") == []
    consistent(store)


def test_a_copy_whose_text_changes_is_filed_anew(store: Store) -> None:
    store.put(plain("a", CALL))
    store.put(plain("b", CALL))
    assert store.put(plain("b", PROTEST)) is Saved.STORED
    assert store.copies("a") == []
    assert store.put(plain("c", SANCTIONS)) is Saved.STORED
    assert store.put(plain("c", SANCTIONS + TRAILER)) is Saved.REPLACED
    assert store.put(plain("c", PROTEST)) is Saved.COPY
    assert [c.id for c in store.copies("b")] == ["c"]
    assert store.document("c") is None
    consistent(store)


def test_publication_view_lists_the_document_then_its_copies(store: Store) -> None:
    store.put(plain("a", CALL, "https://one.example/a"))
    store.put(plain("b", CALL, "https://two.example/b"))
    rows = store.query("SELECT id, copy, url, match FROM publication_view ORDER BY copy")
    assert rows == [
        {"id": "a", "copy": 0, "url": "https://one.example/a", "match": None},
        {"id": "b", "copy": 1, "url": "https://two.example/b", "match": "exact"},
    ]


ARTICLES = [(base, name) for base in (CALL, SANCTIONS, PROTEST) for name in sorted(VARIANTS)]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    picks=st.lists(st.sampled_from(range(len(ARTICLES))), min_size=1, max_size=12),
    seed=st.integers(0, 2**16),
)
def test_any_order_stores_one_document_per_article(picks: list[int], seed: int) -> None:
    published = [
        plain(f"id-{i}", VARIANTS[ARTICLES[k][1]](ARTICLES[k][0])) for i, k in enumerate(picks)
    ]
    shuffled = list(published)
    random.Random(seed).shuffle(shuffled)
    bases = len({ARTICLES[k][0] for k in picks})
    for order in (published, shuffled):
        with Store.open(":memory:") as store:
            outcomes = [store.put(analysis) for analysis in order]
            assert store.counts()["documents"] == bases
            assert outcomes.count(Saved.COPY) == len(picks) - bases
            copies = store.query("SELECT count(*) AS n FROM document_copies")
            assert copies == [{"n": len(picks) - bases}]
            consistent(store)


# -- runs, ingest, migration ----------------------------------------------------------------


def test_ingest_counts_copies_in_the_summary_and_the_run(
    tmp_path: Path, resources: Resources
) -> None:
    records = [
        {"id": "a", "text": CALL, "url": "https://one.example/a", "published": "2023-05-17"},
        {
            "id": "b",
            "text": rebyline(CALL),
            "url": "https://two.example/b",
            "published": "2023-05-17",
        },
        {"id": "c", "text": SANCTIONS, "published": "2023-05-18"},
    ]
    source = tmp_path / "news.jsonl"
    source.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    with Store.open(tmp_path / "h.db") as store:
        summary = ingest([str(source)], store, resources)
        assert (summary.read, summary.stored, summary.copies, summary.unchanged) == (3, 2, 1, 0)
        again = ingest([str(source)], store, resources)
        assert (again.stored, again.copies, again.unchanged) == (0, 0, 3)
        runs = store.query("SELECT documents, copies, skipped FROM runs ORDER BY id")
    assert runs == [
        {"documents": 2, "copies": 1, "skipped": 0},
        {"documents": 0, "copies": 0, "skipped": 3},
    ]


def test_ingest_command_reports_copies(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text(CALL, encoding="utf-8")
    (folder / "two.txt").write_text(CALL + TRAILER, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "h.db")])
    assert result.exit_code == 0, result.output
    assert "1 stored, 1 copies" in result.stderr


def test_a_database_from_before_copies_is_upgraded_and_fingerprinted(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    before = MIGRATIONS[:3]
    with Store.open(path, migrations=before) as old:
        assert old.put(plain("a", CALL)) is Saved.STORED
        assert old.put(plain("b", CALL)) is Saved.STORED  # no copies at that schema
        run = old.start_run("ingest")
        old.finish_run(run, documents=2, events=0, failures=0, skipped=0, copies=0)
    with Store.open(path) as upgraded:
        assert upgraded.applied_migrations() == tuple(name for name, _ in MIGRATIONS)
        assert upgraded.counts()["documents"] == 2
        rows = upgraded.query("SELECT document_id FROM document_fingerprints ORDER BY 1")
        assert [row["document_id"] for row in rows] == ["a", "b"]
        assert upgraded.query("SELECT copies FROM runs") == [{"copies": None}]
        assert upgraded.put(plain("c", rebyline(CALL))) is Saved.COPY
        assert [c.id for c in upgraded.copies("a")] == ["c"]
        publications = upgraded.query("SELECT count(*) AS n FROM publication_view")
        assert publications == [{"n": 3}]
        consistent(upgraded)


def test_document_metadata_of_a_copy_is_kept(store: Store) -> None:
    store.put(plain("a", CALL))
    copy = dataclasses.replace(
        plain("b", CALL).document, published="2023-05-18", published_precision="day", source="b.txt"
    )
    assert store.put(Analysis(copy)) is Saved.COPY
    [found] = store.copies("a")
    assert (found.published, found.source, found.run_id) == ("2023-05-18", "b.txt", None)

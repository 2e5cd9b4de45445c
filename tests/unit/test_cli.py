"""The command line, end to end: code, ingest, events, search, demo, evaluate, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hadath.cli import EXIT_NOTHING_READ, EXIT_PARTIAL, main
from hadath.examples import examples_dir
from hadath.store import Store

ARTICLE = (
    "الرياض - 10 مارس 2023\n"
    "أجرى وزير الخارجية السعودي اتصالا هاتفيا اليوم مع نظيره الأردني، "
    "وبحث الجانبان العلاقات الثنائية.\n"
)


@pytest.fixture
def bad_batch(tmp_path: Path) -> Path:
    """A folder with one good article and every kind of bad input."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b-empty.txt").write_text("", encoding="utf-8")
    (folder / "c-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with (folder / "d-huge.txt").open("wb") as handle:
        handle.truncate(50_000_000)
    (folder / "e-cp1256.txt").write_bytes(ARTICLE.replace("10 مارس", "11 مارس").encode("cp1256"))
    (folder / "f-english.txt").write_text(
        "The foreign ministers met in Riyadh on Tuesday and discussed bilateral relations. " * 3,
        encoding="utf-8",
    )
    lines = [
        json.dumps({"id": "r1", "text": ARTICLE.replace("10 مارس", "12 مارس")}, ensure_ascii=False),
        '{"id": "r2", "text": ',
        json.dumps({"id": "r3", "text": ARTICLE, "published": "2023-13-45"}, ensure_ascii=False),
        json.dumps({"id": "r4", "text": ARTICLE.replace("10 مارس", "13 مارس")}, ensure_ascii=False),
    ]
    (folder / "g-records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_code_prints_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"document", "events", "quotes", "mentions"}
    assert data["document"]["published"] == "2023-03-10"
    assert data["document"]["published_source"] == "dateline"
    for event in data["events"]:
        evidence = event["evidence"]
        assert ARTICLE.strip()[evidence["start"] : evidence["end"]] == evidence["text"]


def test_code_published_override_and_bad_value(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    ok = CliRunner().invoke(main, ["code", str(path), "--published", "2023-03-11"])
    assert json.loads(ok.output)["document"]["published_source"] == "override"
    bad = CliRunner().invoke(main, ["code", str(path), "--published", "11/03/2023"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_code_jsonl_prints_one_line_per_record_in_order(tmp_path: Path) -> None:
    records = [{"id": f"doc{i}", "text": ARTICLE} for i in range(3)]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(path)])
    lines = result.output.strip().splitlines()
    assert [json.loads(line)["document"]["id"] for line in lines] == ["doc0", "doc1", "doc2"]


def test_code_reads_stdin() -> None:
    result = CliRunner().invoke(main, ["code", "-"], input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0
    assert json.loads(result.output)["document"]["published"] == "2023-03-10"


def test_code_bad_batch_reports_and_continues(bad_batch: Path) -> None:
    result = CliRunner().invoke(main, ["code", str(bad_batch)])
    assert result.exit_code == EXIT_PARTIAL
    coded = [json.loads(line)["document"]["id"] for line in result.stdout.strip().splitlines()]
    assert {"r1", "r4"} <= set(coded) and len(coded) == 4
    for name in ("b-empty", "c-binary", "d-huge", "f-english", "g-records.jsonl:2", "2023-13-45"):
        assert name in result.stderr


def test_code_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(tmp_path / "empty.txt")])
    assert result.exit_code == EXIT_NOTHING_READ


def test_ingest_stores_good_documents_and_records_failures(bad_batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    first = CliRunner().invoke(main, ["ingest", str(bad_batch), "--db", str(db)])
    assert first.exit_code == 0, first.output
    with Store.open(db) as store:
        counts = store.counts()
        assert counts["documents"] == 4
        reasons = " ".join(f.reason for f in store.failures())
        assert all(
            k in reasons for k in ("b-empty", "c-binary", "d-huge", "f-english", "2023-13-45")
        )
    again = CliRunner().invoke(main, ["ingest", str(bad_batch), "--db", str(db)])
    assert "4 unchanged" in again.stderr
    with Store.open(db) as store:
        assert store.counts()["documents"] == 4


def test_ingest_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code == EXIT_NOTHING_READ


def test_demo_events_and_search(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    demo = CliRunner().invoke(main, ["demo", "--db", db])
    assert demo.exit_code == 0, demo.output
    assert "Timeline" in demo.output
    listed = CliRunner().invoke(main, ["events", "--db", db, "--format", "json"])
    records = [json.loads(line) for line in listed.output.strip().splitlines()]
    assert records and all(r["evidence_text"] for r in records)
    consult = CliRunner().invoke(
        main, ["events", "--db", db, "--type", "consult", "--format", "json"]
    )
    assert all(json.loads(x)["type"] == "CONSULT" for x in consult.output.strip().splitlines())
    found = CliRunner().invoke(main, ["search", "والعقوبات", "--db", db, "--format", "json"])
    hits = [json.loads(line)["document_id"] for line in found.output.strip().splitlines()]
    assert found.exit_code == 0 and "turkey-caatsa-sanctions-2020" in hits


def test_evaluate_on_shipped_examples() -> None:
    result = CliRunner().invoke(
        main,
        ["evaluate", str(examples_dir() / "gold.yaml"), "--samples", str(examples_dir()), "--json"],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["levels"]) == {"type", "dyad", "full"}


def test_evaluate_needs_exactly_one_source() -> None:
    result = CliRunner().invoke(main, ["evaluate", str(examples_dir() / "gold.yaml")])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("query", "found"),
    [("اوستن", True), ("هجوم", True), ("بالهجوم", True), ("الهجمات", False), ("شويغو", False)],
)
def test_search_folds_spelling_and_clitics(tmp_path: Path, query: str, found: bool) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "أوستن يدين الهجوم\nقال وزير الدفاع الأمريكي لويد أوستن إن بلاده نددت بالهجوم على القاعدة.",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.db")
    assert CliRunner().invoke(main, ["ingest", str(article), "--db", db]).exit_code == 0
    result = CliRunner().invoke(main, ["search", query, "--db", db, "--format", "json"])
    assert bool(result.output.strip()) is found


def test_ner_tags_conll_in_input_order_and_scores(tmp_path: Path) -> None:
    tagged = tmp_path / "tagged.txt"
    tagged.write_text(
        "قال O\nالرئيس O\nجورج B-PERS\nبوش I-PERS\nفي O\nواشنطن B-LOC\n\n"
        "وصل O\nإلى O\nالقاهرة B-LOC\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["ner", "--conll", str(tagged), "--score"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[0] if line else "" for line in lines] == [
        "قال",
        "الرئيس",
        "جورج",
        "بوش",
        "في",
        "واشنطن",
        "",
        "وصل",
        "إلى",
        "القاهرة",
    ]
    assert all(
        line.split()[1]
        in {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}
        for line in lines
        if line
    )
    assert "micro" in result.stderr


def test_ner_score_needs_tags(tmp_path: Path) -> None:
    bare = tmp_path / "bare.txt"
    bare.write_text("وصل\nالوزير\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["ner", "--conll", str(bare)]).exit_code == 0
    assert CliRunner().invoke(main, ["ner", "--conll", str(bare), "--score"]).exit_code == 2


def test_timeline_shows_each_act_once_and_answers_the_last_call_before_a_date(
    shared: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "h.db")
    assert CliRunner().invoke(main, ["ingest", str(shared / "samples"), "--db", db]).exit_code == 0
    args = ["timeline", "--db", db, "--actor", "Lloyd Austin", "--type", "CONSULT"]
    before = CliRunner().invoke(main, [*args, "--with", "Sergei Shoigu", "--to", "2024-05",
                                       "--format", "json"])  # fmt: skip
    acts = [json.loads(line) for line in before.output.splitlines()]
    assert [a["date"] for a in acts] == ["2022-05-13", "2022-10-21", "2023-03"]
    assert all(a["reports"][0]["published"] for a in acts)
    table = CliRunner().invoke(main, args)
    assert table.exit_code == 0 and "2024-06-25" in table.output

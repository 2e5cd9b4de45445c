"""Exports: PLOVER JSON Lines, POLECAT-style TSV, CAMEO dyadic CSV and Parquet, per cluster or
per report, and the CAMEO and quad codes they carry."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import hadath.lexicons.codes as codes_module
from hadath.cli import main
from hadath.clusters import Cluster, cluster
from hadath.errors import ExportError, LexiconError
from hadath.export import FORMATS, RECORD_FIELDS, export, export_rows
from hadath.export_parquet import SCHEMA, parquet_record
from hadath.export_plover import (
    ACTOR_EXTENSIONS,
    ACTOR_FIELDS,
    CITE_EXTENSIONS,
    CITE_FIELDS,
    PLOVER_FIELDS,
    date_range,
    plover_record,
)
from hadath.export_rows import ExportRow
from hadath.export_tables import (
    CAMEO_COLUMNS,
    POLECAT_COLUMNS,
    POLECAT_HEADER,
    cameo_date,
    polecat_row,
)
from hadath.lexicons.codes import EventCodes, load_event_codes
from hadath.model import EVENT_TYPES, Actor, Role
from hadath.resources import Resources
from hadath.store import CopyRecord, EventRecord

CALL = "اتصل وزير الخارجية الأمريكي هاتفيا بنظيره الروسي مساء الجمعة."
CALL_AGAIN = "وبحث الوزيران في اتصال هاتفي الأوضاع في المنطقة."
SANCTIONS = "فرضت واشنطن عقوبات جديدة على موسكو."
ACTORS = {
    "lloyd-austin": Actor(
        "lloyd-austin",
        "Lloyd Austin",
        "person",
        "USA",
        roles=(Role("Secretary of Defense", "USA", "2021-01-22", None),),
        wikidata="Q1141919",
    ),
    "sergei-shoigu": Actor("sergei-shoigu", "Sergei Shoigu", "person", "RUS", wikidata="Q313301"),
    "usa": Actor("usa", "United States", "state", "USA", wikidata="Q30"),
}


@pytest.fixture(scope="module")
def codes(resources: Resources) -> EventCodes:
    """The shipped CAMEO and quad codes."""
    return load_event_codes(resources.events)


def report(
    event_id: str,
    document: str,
    date: str | None = "2022-05-13",
    actors: tuple[str, ...] = ("lloyd-austin", "sergei-shoigu"),
    recipients: tuple[str, ...] = (),
    kind: str = "CONSULT",
    mode: str | None = "phone",
    rule: str = "consult.phone.call",
    evidence: str = CALL,
    **extra: Any,
) -> EventRecord:
    """A stored report built by hand; display names are the ids in capitals."""
    precision = {4: "year", 7: "month", 10: "day"}[len(date)] if date else None
    fields: dict[str, Any] = {"historical": False, "negated": False} | extra
    return EventRecord(
        id=event_id, document_id=document, type=kind, mode=mode, date=date,
        date_precision=precision,
        actors=tuple(a.upper() for a in actors), recipients=tuple(r.upper() for r in recipients),
        evidence_text=evidence, rule=rule, confidence=0.8, document_title=f"title {document}",
        outlet=f"outlet-{document}", published="2022-05-14", actor_ids=actors,
        recipient_ids=recipients, url=f"https://example.org/{document}", **fields,
    )  # fmt: skip


def one_cluster(codes: EventCodes, *reports: EventRecord) -> Cluster:
    (found,) = cluster(reports, codes.reciprocal)
    return found


def written(fmt: str, items: Any, codes: EventCodes, per: str = "cluster") -> bytes:
    out = io.BytesIO()
    export(fmt, items, ACTORS, codes, out, per=per)
    return out.getvalue()


def rows(items: Any, codes: EventCodes, per: str = "cluster") -> list[ExportRow]:
    return list(export_rows(items, ACTORS, codes, per))


def jsonl(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


# -- codes ---------------------------------------------------------------------------------


def test_every_trigger_keeps_its_own_code_and_every_type_has_a_default(
    codes: EventCodes, resources: Resources
) -> None:
    for trigger in resources.events.triggers:
        assert codes.cameo(trigger.type, trigger.mode, trigger.id) == trigger.cameo
    assert set(codes.quad) == set(EVENT_TYPES)
    assert all(codes.cameo(kind, None, "no-such-rule") for kind in EVENT_TYPES)


@pytest.mark.parametrize(
    ("kind", "mode", "rule", "expected"),
    [
        ("CONSULT", "phone", "consult.phone.call", "041"),
        ("CONSULT", "phone", "earlier.first-since", "041"),
        ("CONSULT", "visit", "earlier.first-since", "042"),
        ("CONSULT", None, "earlier.first-since", "040"),
        ("ASSAULT", "not-a-mode", "earlier.first-since", "180"),
        ("PROTEST", "demo", "earlier.first-since", "141"),
    ],
)
def test_cameo_code_by_trigger_then_type_and_mode(
    codes: EventCodes, kind: str, mode: str | None, rule: str, expected: str
) -> None:
    assert codes.cameo(kind, mode, rule) == expected


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["cameo"].pop("AID"), "no default"),
        (lambda d: d["cameo"].update(CRIME={"default": "170"}), "no PLOVER types"),
        (lambda d: d["cameo"]["CONSULT"]["modes"].update(fax="041"), "not a PLOVER mode"),
        (lambda d: d["cameo"]["CONSULT"].update(default=41), "not a CAMEO code"),
        (lambda d: d["cameo"]["CONSULT"].update(default="999"), "not a CAMEO code"),
        (lambda d: d["cameo"]["CONSULT"].update(extra="x"), "unknown keys"),
        (lambda d: d["quad"][1].remove("AGREE"), "every PLOVER type exactly once"),
        (lambda d: d["quad"][4].append("AGREE"), "every PLOVER type exactly once"),
        (lambda d: d["quad"].pop(2), "quad 1, 2, 3 and 4"),
    ],
)
def test_a_bad_codes_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, resources: Resources, change: Any, message: str
) -> None:
    data = codes_module.load_yaml(codes_module.WHERE)
    change(data)
    monkeypatch.setattr(codes_module, "load_yaml", lambda relative: data)
    with pytest.raises(LexiconError, match=message):
        load_event_codes(resources.events)


# -- rows ----------------------------------------------------------------------------------


def test_a_cluster_row_cites_every_report_and_a_report_row_one(codes: EventCodes) -> None:
    act = one_cluster(
        codes,
        report("e1", "d1"),
        report("e2", "d2", "2022-05-14", rule="earlier.first-since", evidence=CALL_AGAIN),
    )
    (whole,) = rows([act], codes)
    assert [s.event_id for s in whole.sources] == ["e1", "e2"]
    assert (whole.id, whole.link, whole.cameo, whole.quad) == (act.id, None, "041", 1)
    assert whole.dates == ("2022-05-13", "2022-05-14")
    parts = rows([act], codes, per="report")
    assert [(r.id, r.link, len(r.sources)) for r in parts] == [("e1", act.id, 1), ("e2", act.id, 1)]
    assert parts[1].date == "2022-05-14"


def test_a_republished_article_is_cited_once_per_publication(codes: EventCodes) -> None:
    act = one_cluster(codes, report("e1", "d1"), report("e2", "d2", evidence=CALL_AGAIN))
    copy = CopyRecord(
        "d1-mirror", "d1", None, "https://mirror.example/d1", "mirror", "2022-05-15", None,
        0.97, "near", None, "2022-05-15T00:00:00+00:00",
    )  # fmt: skip
    (row,) = export_rows([act], ACTORS, codes, "cluster", {"d1": [copy]})
    cited = [(s.event_id, s.document_id, s.outlet, s.url) for s in row.sources]
    assert cited == [
        ("e1", "d1", "outlet-d1", "https://example.org/d1"),
        ("e1", "d1-mirror", "mirror", "https://mirror.example/d1"),
        ("e2", "d2", "outlet-d2", "https://example.org/d2"),
    ]
    assert row.sources[1].evidence == row.sources[0].evidence


def test_participants_take_their_stored_description_and_office_on_the_date(
    codes: EventCodes,
) -> None:
    (row,) = rows(
        [one_cluster(codes, report("e1", "d1", actors=("lloyd-austin", "unknown")))], codes
    )
    austin, unknown = row.actors
    assert (austin.name, austin.country, austin.wikidata) == ("Lloyd Austin", "USA", "Q1141919")
    assert austin.office == "Secretary of Defense"
    assert (unknown.id, unknown.name, unknown.country, unknown.wikidata) == (
        "unknown", "UNKNOWN", None, None,
    )  # fmt: skip


@pytest.mark.parametrize("per", ["clusters", "event", "", "CLUSTER"])
def test_an_unknown_row_kind_is_refused_before_anything_is_written(
    codes: EventCodes, per: str
) -> None:
    out = io.BytesIO()
    with pytest.raises(ExportError, match="per='cluster' or per='report'"):
        export("plover", [], ACTORS, codes, out, per=per)
    assert out.getvalue() == b""


@pytest.mark.parametrize("fmt", ["json", "csv", "gdelt", ""])
def test_an_unknown_format_is_refused_with_the_known_ones(codes: EventCodes, fmt: str) -> None:
    with pytest.raises(ExportError, match="plover, polecat, cameo, parquet"):
        export(fmt, [], ACTORS, codes, io.BytesIO())


def test_a_lone_report_exports_per_report_but_not_per_cluster(codes: EventCodes) -> None:
    lone = report("e1", "d1", negated=True)
    (row,) = rows([lone], codes, per="report")
    assert row.contexts == ("negation",) and row.link is None
    with pytest.raises(ExportError, match=r"hadath\.clusters\.cluster"):
        rows([lone], codes)


# -- PLOVER JSON Lines ---------------------------------------------------------------------


def test_plover_lines_parse_and_hold_exactly_the_declared_fields(codes: EventCodes) -> None:
    acts = cluster(
        [
            report("e1", "d1"),
            report("e2", "d2", evidence=CALL_AGAIN),
            report("e3", "d3", "2023-03", ("usa",), ("sergei-shoigu",), "SANCTION", None,
                   "sanction.impose", SANCTIONS, historical=True, place="Moscow"),
        ],
        codes.reciprocal,
    )  # fmt: skip
    records = jsonl(written("plover", acts, codes))
    assert len(records) == 2
    assert set(PLOVER_FIELDS) <= set(RECORD_FIELDS)
    for record in records:
        assert tuple(record) == RECORD_FIELDS
        assert all(tuple(a) == ACTOR_FIELDS + ACTOR_EXTENSIONS for a in record["source"])
        assert all(tuple(c) == CITE_FIELDS + CITE_EXTENSIONS for c in record["cite_info"])
        assert record["event_text"] == [c["event_text"] for c in record["cite_info"]]
    call, sanction = sorted(records, key=lambda r: r["event"])
    assert call["event"] == ["CONSULT"] and call["mode"] == ["phone"]
    assert [a["identifier_id"] for a in call["source"]] == ["Q1141919", "Q313301"]
    assert call["recipient"] == [] and call["cameo"] == "041" and call["quad_code"] == 1
    assert [c["citation"] for c in call["cite_info"]] == ["d1", "d2"]
    assert call["cite_info"][0]["url"] == "https://example.org/d1"
    assert (call["date"], call["enddate"], call["date_precision"]) == ("2022-05-13", None, "day")
    assert (sanction["date"], sanction["enddate"]) == ("2023-03-01", "2023-03-31")
    assert sanction["context"] == ["historical"] and sanction["event_loc"] == {"name": "Moscow"}
    assert [a["code"] for a in sanction["recipient"]] == ["RUS"]


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        ("2022-05-13", "day", ("2022-05-13", None)),
        ("2022-05", "month", ("2022-05-01", "2022-05-31")),
        ("2024-02", "month", ("2024-02-01", "2024-02-29")),
        ("2023-02", "month", ("2023-02-01", "2023-02-28")),
        ("2021", "year", ("2021-01-01", "2021-12-31")),
        (None, None, (None, None)),
    ],
)
def test_plover_dates_are_the_days_a_month_or_year_covers(
    date: str | None, precision: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert date_range(date, precision) == expected


def test_plover_comment_names_the_dates_sources_disagree_on(codes: EventCodes) -> None:
    act = one_cluster(codes, report("e1", "d1"), report("e2", "d2", "2022-05-14"))
    (row,) = rows([act], codes)
    assert plover_record(row)["comment"] == "sources give dates 2022-05-13, 2022-05-14"
    (alone,) = rows([one_cluster(codes, report("e3", "d3"))], codes)
    assert plover_record(alone)["comment"] is None


# -- POLECAT TSV ---------------------------------------------------------------------------


def test_polecat_tsv_has_its_header_and_reads_back_to_the_same_cells(codes: EventCodes) -> None:
    messy = "اتصل الوزير\tبنظيره\nوبحثا\r\nالتهدئة\u2028في المنطقة."
    acts = cluster(
        [report("e1", "d1", evidence=messy), report("e2", "d2", evidence=CALL_AGAIN),
         report("e3", "d3", "2023-03", ("usa",), ("sergei-shoigu",), "SANCTION", None,
                "sanction.impose", SANCTIONS)],
        codes.reciprocal,
    )  # fmt: skip
    data = written("polecat", acts, codes).decode("utf-8")
    read = list(csv.reader(io.StringIO(data, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tuple(read[0]) == POLECAT_HEADER
    assert POLECAT_HEADER[: len(POLECAT_COLUMNS)] == POLECAT_COLUMNS
    assert len(read) == 1 + len(acts)
    expected = [polecat_row(row) for row in rows(acts, codes)]
    assert [dict(zip(read[0], line, strict=True)) for line in read[1:]] == expected
    call = next(r for r in expected if r["Event Type"] == "CONSULT")
    assert call["Event Text"] == (
        "اتصل الوزير بنظيره وبحثا التهدئة في المنطقة." + " | " + CALL_AGAIN
    )
    assert call["Wikipedia Actor ID"] == "Q1141919;Q313301"
    assert (call["Quad Code"], call["CAMEO Code"], call["Story IDs"]) == ("1", "041", "d1;d2")
    sanction = next(r for r in expected if r["Event Type"] == "SANCTION")
    assert (sanction["Event Date"], sanction["Date Precision"]) == ("2023-03", "month")
    assert (sanction["Actor Country"], sanction["Recipient Name"]) == ("USA", "Sergei Shoigu")


# -- CAMEO CSV -----------------------------------------------------------------------------


def cameo_lines(items: Any, codes: EventCodes, per: str = "cluster") -> list[dict[str, str]]:
    data = written("cameo", items, codes, per).decode("utf-8")
    reader = csv.DictReader(io.StringIO(data, newline=""))
    assert tuple(reader.fieldnames or ()) == CAMEO_COLUMNS
    return list(reader)


def test_cameo_call_gives_both_directions_with_the_phone_code(codes: EventCodes) -> None:
    act = one_cluster(codes, report("e1", "d1"), report("e2", "d2", rule="earlier.first-since"))
    lines = cameo_lines([act], codes)
    pairs = {(line["source_actor"], line["target_actor"]) for line in lines}
    assert pairs == {("lloyd-austin", "sergei-shoigu"), ("sergei-shoigu", "lloyd-austin")}
    for line in lines:
        assert (line["cameo_code"], line["root_code"], line["date"]) == ("041", "04", "20220513")
        assert (line["record_id"], line["event_ids"], line["documents"]) == (
            act.id,
            "e1;e2",
            "d1;d2",
        )
    assert {line["source_wikidata"] for line in lines} == {"Q1141919", "Q313301"}


@pytest.mark.parametrize(
    ("actors", "recipients", "kind", "expected"),
    [
        (("usa",), ("sergei-shoigu",), "SANCTION", [("usa", "sergei-shoigu")]),
        (("usa", "lloyd-austin"), ("sergei-shoigu",), "SANCTION",
         [("usa", "sergei-shoigu"), ("lloyd-austin", "sergei-shoigu")]),
        (("usa",), (), "SANCTION", []),
        (("usa",), (), "CONSULT", []),
        (("usa", "lloyd-austin", "sergei-shoigu"), (), "CONSULT",
         [("usa", "lloyd-austin"), ("usa", "sergei-shoigu"), ("lloyd-austin", "usa"),
          ("lloyd-austin", "sergei-shoigu"), ("sergei-shoigu", "usa"),
          ("sergei-shoigu", "lloyd-austin")]),
        (("usa",), ("sergei-shoigu",), "CONSULT", [("usa", "sergei-shoigu")]),
    ],
)  # fmt: skip
def test_cameo_dyads(
    codes: EventCodes,
    actors: tuple[str, ...],
    recipients: tuple[str, ...],
    kind: str,
    expected: list[tuple[str, str]],
) -> None:
    lines = cameo_lines(
        [report("e1", "d1", None, actors, recipients, kind, None, "x")], codes, "report"
    )
    assert [(line["source_actor"], line["target_actor"]) for line in lines] == expected
    assert all(line["date"] == "" and line["date_precision"] == "" for line in lines)


@pytest.mark.parametrize(
    ("date", "expected"),
    [("2022-05-13", "20220513"), ("2022-05", "20220500"), ("2022", "20220000"), (None, "")],
)
def test_cameo_dates_write_unknown_parts_as_zeros(date: str | None, expected: str) -> None:
    assert cameo_date(date) == expected


# -- Parquet -------------------------------------------------------------------------------


def test_parquet_reads_back_to_the_rows_with_the_declared_schema(codes: EventCodes) -> None:
    acts = cluster(
        [report("e1", "d1"), report("e2", "d2", evidence=CALL_AGAIN, dead=None),
         report("e3", "d3", "2021", ("usa",), ("sergei-shoigu",), "ASSAULT", "drone",
                "earlier.first-since", SANCTIONS, dead=4, injured=7, place="Kyiv")],
        codes.reciprocal,
    )  # fmt: skip
    table = pq.read_table(io.BytesIO(written("parquet", acts, codes)))
    assert table.schema.equals(SCHEMA)
    assert tuple(table.schema.names) == RECORD_FIELDS
    assert table.to_pylist() == [parquet_record(row) for row in rows(acts, codes)]
    strike = next(r for r in table.to_pylist() if r["event"] == ["ASSAULT"])
    assert (strike["date"], strike["enddate"]) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert (strike["dead"], strike["injured"], strike["cameo"]) == (4, 7, "195")
    assert strike["cite_info"][0]["citation"] == "d3"


def test_every_format_writes_an_empty_export(codes: EventCodes) -> None:
    for name, fmt in FORMATS.items():
        out = io.BytesIO()
        assert fmt.write(export_rows([], ACTORS, codes), out) == 0
        assert fmt.suffix.startswith(".") and name in fmt.name
    assert pq.read_table(io.BytesIO(written("parquet", [], codes))).num_rows == 0


# -- invariants ----------------------------------------------------------------------------

_PEOPLE = ("lloyd-austin", "sergei-shoigu", "usa", "unknown")
_REPORTS = st.lists(
    st.tuples(
        st.sampled_from(["CONSULT", "SANCTION"]),
        st.sets(st.sampled_from(_PEOPLE), min_size=1, max_size=3),
        st.sets(st.sampled_from(_PEOPLE), max_size=2),
        st.sampled_from(["2022-05-13", "2022-05-14", "2022-06-01", None]),
        st.integers(0, 4),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(drawn=_REPORTS)
def test_every_report_is_cited_by_exactly_one_cluster_row_and_dyads_are_counted(
    codes: EventCodes, drawn: list[tuple[str, set[str], set[str], str | None, int]]
) -> None:
    reports = [
        report(
            f"e{i}",
            f"d{doc}",
            date,
            tuple(sorted(actors)),
            tuple(sorted(recipients - actors)),
            kind,
        )
        for i, (kind, actors, recipients, date, doc) in enumerate(drawn)
    ]
    acts = cluster(reports, codes.reciprocal)
    records = jsonl(written("plover", acts, codes))
    cited = Counter(c["event_id"] for record in records for c in record["cite_info"])
    assert cited == Counter(r.id for act in acts for r in act.reports)
    assert set(cited) == {r.id for r in reports} and set(cited.values()) <= {1}
    assert len(jsonl(written("plover", acts, codes, "report"))) == len(reports)
    lines = cameo_lines(acts, codes)
    expected = 0
    for row in rows(acts, codes):
        n = len(row.actors)
        expected += n * (n - 1) if row.reciprocal else n * len(row.recipients)
    assert len(lines) == expected


def test_the_export_command_writes_every_format_from_a_store(shared: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "h.db")
    assert CliRunner().invoke(main, ["ingest", str(shared / "samples"), "--db", db]).exit_code == 0
    written: dict[str, Path] = {}
    for fmt in FORMATS:
        written[fmt] = tmp_path / f"out{FORMATS[fmt].suffix}"
        args = ["export", "--db", db, "--format", fmt, "--actor", "Lloyd Austin", "-o"]
        result = CliRunner().invoke(main, [*args, str(written[fmt])])
        assert result.exit_code == 0, result.output
    lines = written["plover"].read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert all(set(RECORD_FIELDS) <= set(r) for r in records)
    calls = {r["date"] for r in records if r["event"] == ["CONSULT"] and r["mode"] == ["phone"]}
    assert {"2022-10-21", "2024-06-25"} <= calls
    with written["cameo"].open(encoding="utf-8", newline="") as stream:
        dyads = list(csv.DictReader(stream))
    austin = {(d["source_actor"], d["target_actor"]) for d in dyads if d["date"] == "20221021"}
    assert {("lloyd-austin", "sergei-shoigu"), ("sergei-shoigu", "lloyd-austin")} <= austin
    table = pq.read_table(written["parquet"])
    assert table.num_rows == len(records)
    header = written["polecat"].read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header == list(POLECAT_HEADER)
    refused = CliRunner().invoke(main, ["export", "--db", db, "--format", "xml"])
    assert refused.exit_code == 2 and "plover" in refused.output

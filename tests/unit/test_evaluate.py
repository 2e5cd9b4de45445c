"""Tests for hadath.evaluate: matching and scores, and the names it re-exports.

Every expected number is worked out by hand in a comment next to it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hadath import evaluate, gold, names, scores
from hadath.errors import MalformedRecordError
from hadath.evaluate import (
    LEVELS,
    GoldDocument,
    GoldEvent,
    Report,
    fold_name,
    load_gold,
    score,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"
REAL_GOLD = (SHARED / "samples" / "gold.yaml", SHARED / "corpus" / "gold-dev.yaml")

STATES = {
    fold_name(name): code
    for name, code in {
        "Egypt": "EGY",
        "Jordan": "JOR",
        "Israel": "ISR",
        "Russia": "RUS",
        "Ukraine": "UKR",
        "United States": "USA",
    }.items()
}

# One document: a phone call (reciprocal, required), a condemnation (one-way, required) and a
# statement of support (optional), with one quotation.
BASE_GOLD = """
- doc: d1
  outlet: Example Daily
  published: 2023-05-15
  published_precision: day
  events:
    - id: e1
      event: CONSULT
      mode: phone
      actors: [Sameh Shoukry, Ayman Safadi]
      recipients: []
      date: 2023-05-14
      precision: day
      historical: false
      evidence: "تلقى وزير الخارجية اتصالا هاتفيا أمس من نظيره"
      required: true
    - id: e2
      event: ACCUSE
      mode: disapprove
      actors: [Ayman Safadi | Jordan]
      recipients: [Israel]
      date: 2023-05
      precision: month
      historical: false
      evidence: "وأدان الوزير الاقتحامات المتكررة"
      required: true
    - id: e3
      event: SUPPORT
      actors: [Egypt]
      recipients: [Jordan]
      date: null
      precision: null
      historical: false
      evidence: "وأكد دعم بلاده الكامل للأردن"
      required: false
  quotes:
    - speaker: Ayman Safadi | Jordan
      text: "إن الأمة العربية تقف صفا واحدا"
"""


# ---------------------------------------------------------------------------------------------
# helpers


def gold_from(tmp_path: Path, text: str) -> tuple[GoldDocument, ...]:
    """Write a gold YAML text to a file and load it."""
    path = tmp_path / "gold.yaml"
    path.write_text(text, encoding="utf-8")
    return load_gold(path)


def actor(
    name: str, kind: str = "person", country: str | None = None, aliases: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A contract actor object."""
    return {
        "id": name.lower().replace(" ", "-"),
        "name": name,
        "aliases": list(aliases),
        "kind": kind,
        "country": country,
        "office": None,
        "wikidata": None,
    }


def event(
    event_type: str,
    actors: list[dict[str, Any]],
    recipients: list[dict[str, Any]] | None = None,
    date: str | None = None,
    precision: str | None = None,
    mode: str | None = None,
    historical: bool = False,
) -> dict[str, Any]:
    """A contract event object."""
    return {
        "id": None,
        "event": event_type,
        "mode": mode,
        "context": [],
        "actors": actors,
        "recipients": recipients or [],
        "date": date,
        "date_precision": precision,
        "historical": historical,
        "negated": False,
    }


def output(
    doc: str,
    events: list[dict[str, Any]],
    quotes: list[dict[str, Any]] | None = None,
    published: str | None = "2023-05-15",
    precision: str | None = "day",
) -> dict[str, Any]:
    """A contract document output."""
    return {
        "document": {"id": doc, "published": published, "published_precision": precision},
        "events": events,
        "quotes": quotes or [],
        "mentions": [],
    }


SHOUKRY = actor("Sameh Shoukry", country="EGY")
SAFADI = actor("Ayman Safadi", country="JOR")
JORDAN = actor("Jordan", kind="state", country="JOR")
ISRAEL = actor("Israel", kind="state", country="ISR")
EGYPT = actor("Egypt", kind="state", country="EGY")

E1 = event("CONSULT", [SHOUKRY, SAFADI], date="2023-05-14", precision="day", mode="phone")
E2 = event("ACCUSE", [SAFADI], [ISRAEL], date="2023-05-16", precision="day", mode="disapprove")
E3 = event("SUPPORT", [EGYPT], [JORDAN])


def run(tmp_path: Path, events: list[dict[str, Any]], **kwargs: Any) -> Report:
    """Score one system output for BASE_GOLD's document."""
    return score(gold_from(tmp_path, BASE_GOLD), {"d1": output("d1", events, **kwargs)}, STATES)


def prf(report: Report, level: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of one level."""
    row = report.level(level)
    return row.precision, row.recall, row.f1


# ---------------------------------------------------------------------------------------------
# names kept importable from hadath.evaluate

FORMER_NAMES = (
    "LEVELS",
    "PRECISIONS",
    "NAMES_FILE",
    "TEXT_FILE",
    "NameRules",
    "FoldedName",
    "parse_name_rules",
    "load_name_rules",
    "fold_parts",
    "fold_name",
    "names_match",
    "TextRules",
    "parse_text_rules",
    "load_text_rules",
    "normalize_text",
    "GoldEvent",
    "GoldQuote",
    "GoldDocument",
    "parse_gold",
    "load_gold",
    "Rate",
    "LevelScore",
    "TypeScore",
    "MatchedPair",
    "SystemRef",
    "LevelDetail",
    "DocumentDetail",
    "Report",
    "score",
)


def test_former_names_are_importable_from_evaluate() -> None:
    assert set(evaluate.__all__) == {*FORMER_NAMES, "ComparisonTextRules"}
    for name in FORMER_NAMES:
        if name not in ("score", "TextRules"):
            home = next(m for m in (gold, names, scores) if hasattr(m, name))
            assert getattr(evaluate, name) is getattr(home, name), name
    assert evaluate.TextRules is names.ComparisonTextRules


# ---------------------------------------------------------------------------------------------
# scores


def test_perfect_system(tmp_path: Path) -> None:
    quote = {"speaker": SAFADI, "text": "إن الأمة العربية تقف صفا واحدا أمام كل عدوان"}
    report = run(tmp_path, [E1, E2, E3], quotes=[quote])
    for level in LEVELS:
        # 3 system events, 3 matched; 2 required gold, 2 matched; e3 is optional but found.
        row = report.level(level)
        assert (row.system, row.system_matched, row.required, row.required_matched) == (3, 3, 2, 2)
        assert row.optional_matched == 1
        assert prf(report, level) == (1.0, 1.0, 1.0)
    assert (report.mode.hits, report.mode.total) == (2, 2)  # e1 phone, e2 disapprove
    assert (report.historical.hits, report.historical.total) == (3, 3)
    assert (report.date.hits, report.date.total) == (2, 2)  # e3 has no gold date
    assert report.published.value == 1.0
    assert report.quotes.value == 1.0


def test_missing_event(tmp_path: Path) -> None:
    report = run(tmp_path, [E1])
    # P = 1/1; R = 1/2; F1 = 2 * 1 * 0.5 / 1.5 = 2/3
    assert prf(report, "full") == pytest.approx((1.0, 0.5, 2 / 3))
    assert report.documents[0].level("full").missed_required == ("e2",)


def test_extra_event(tmp_path: Path) -> None:
    extra = event("ASSAULT", [ISRAEL], [JORDAN], date="2023-05-14", precision="day")
    report = run(tmp_path, [E1, E2, extra])
    # P = 2/3; R = 2/2; F1 = 2 * (2/3) * 1 / (5/3) = 0.8
    assert prf(report, "full") == pytest.approx((2 / 3, 1.0, 0.8))
    (unmatched,) = report.documents[0].level("full").unmatched_system
    assert (unmatched.index, unmatched.event) == (2, "ASSAULT")


def test_missing_document_counts_as_empty_output(tmp_path: Path) -> None:
    report = score(gold_from(tmp_path, BASE_GOLD), {"other": output("other", [E1])}, STATES)
    # no system events: P = 0 (0/0 taken as 0), R = 0/2
    assert prf(report, "full") == (0.0, 0.0, 0.0)
    assert report.level("full").required == 2
    assert not report.documents[0].has_output
    assert report.published.value == 0.0  # gold has a published date, system gave none
    assert report.unscored_outputs == ("other",)


@pytest.mark.parametrize(
    ("date", "precision", "full"),
    [
        ("2023-05-14", "day", True),
        ("2023-05", "month", False),  # less precise than the gold day
        ("2023-05-14", "month", False),  # the value is cut to the stated precision first
        ("2023-05-13", "day", False),
        (None, None, False),
        ("2023-05-14", None, True),  # precision read from the value
    ],
)
def test_date_against_day_gold(
    tmp_path: Path, date: str | None, precision: str | None, full: bool
) -> None:
    system = event("CONSULT", [SHOUKRY, SAFADI], date=date, precision=precision, mode="phone")
    report = run(tmp_path, [system])
    assert report.level("type").system_matched == 1
    assert report.level("dyad").system_matched == 1
    assert report.level("full").system_matched == int(full)
    assert (report.date.hits, report.date.total) == (int(full), 1)  # over the dyad match


@pytest.mark.parametrize(
    ("date", "precision", "full"),
    [
        ("2023-05-20", "day", True),  # cut to the gold month
        ("2023-05", "month", True),
        ("2023", "year", False),
        ("2023-06-01", "day", False),
    ],
)
def test_date_against_month_gold(tmp_path: Path, date: str, precision: str, full: bool) -> None:
    system = event("ACCUSE", [JORDAN], [ISRAEL], date=date, precision=precision)
    assert run(tmp_path, [system]).level("full").system_matched == int(full)


def test_null_gold_date_accepts_any_date(tmp_path: Path) -> None:
    system = event("SUPPORT", [EGYPT], [JORDAN], date="1999", precision="year")
    assert run(tmp_path, [system]).level("full").system_matched == 1


@pytest.mark.parametrize(
    ("actors", "recipients", "dyad"),
    [
        ([SAFADI, SHOUKRY], [], True),  # order swapped
        ([SAFADI], [SHOUKRY], True),  # one side reported as recipient
        ([], [SHOUKRY, SAFADI], True),
        ([SAFADI, SHOUKRY, actor("Antony Blinken")], [], True),  # an extra participant is fine
        ([SAFADI], [], False),  # a slot left empty
        ([SAFADI, SAFADI], [], False),
    ],
)
def test_reciprocal_event(
    tmp_path: Path, actors: list[dict[str, Any]], recipients: list[dict[str, Any]], dyad: bool
) -> None:
    system = event("CONSULT", actors, recipients, date="2023-05-14", precision="day")
    report = run(tmp_path, [system])
    assert report.level("type").system_matched == 1
    assert report.level("dyad").system_matched == int(dyad)
    assert report.level("full").system_matched == int(dyad)


@pytest.mark.parametrize(
    ("actors", "recipients", "dyad"),
    [
        ([SAFADI], [ISRAEL], True),
        ([JORDAN], [ISRAEL], True),  # second alternative of "Ayman Safadi | Jordan"
        ([ISRAEL], [JORDAN], True),  # direction is not scored (FORMAT.md rule 2)
        ([SAFADI, ISRAEL], [], True),
        ([EGYPT], [ISRAEL], False),
        ([SAFADI], [], False),
    ],
)
def test_one_way_event_and_alternatives(
    tmp_path: Path, actors: list[dict[str, Any]], recipients: list[dict[str, Any]], dyad: bool
) -> None:
    system = event("ACCUSE", actors, recipients, date="2023-05", precision="month")
    assert run(tmp_path, [system]).level("dyad").system_matched == int(dyad)


@pytest.mark.parametrize(
    ("actors", "recipients", "dyad"),
    [
        ([SAFADI], [ISRAEL], True),
        ([ISRAEL], [JORDAN], False),  # reversed
        ([SAFADI, ISRAEL], [], False),
    ],
)
def test_directed_reading(
    tmp_path: Path, actors: list[dict[str, Any]], recipients: list[dict[str, Any]], dyad: bool
) -> None:
    gold = gold_from(tmp_path, BASE_GOLD)
    system = event("ACCUSE", actors, recipients, date="2023-05", precision="month")
    report = score(gold, {"d1": output("d1", [system])}, STATES, directed=True)
    assert report.level("dyad").system_matched == int(dyad)
    # reciprocal events keep comparing one set in the directed reading
    swapped = event("CONSULT", [SAFADI], [SHOUKRY], date="2023-05-14", precision="day")
    report = score(gold, {"d1": output("d1", [swapped])}, STATES, directed=True)
    assert report.level("dyad").system_matched == 1


DISTINCT_GOLD = """
- doc: d3
  events:
    - id: e1
      event: ACCUSE
      actors: [Vladimir Putin | Russia, Russia]
      recipients: [NATO]
      date: null
"""


@pytest.mark.parametrize(
    ("actors", "dyad"),
    [
        ([actor("Russia", "state", "RUS"), actor("Vladimir Putin", country="RUS")], True),
        ([actor("Russia", "state", "RUS")], False),  # one participant cannot fill two slots
    ],
)
def test_slots_need_distinct_participants(
    tmp_path: Path, actors: list[dict[str, Any]], dyad: bool
) -> None:
    # The first system actor, Russia, fits both slots; the search must give it to the second
    # slot so that Putin can fill the first.
    system = event("ACCUSE", actors, [actor("NATO", "organisation")])
    report = score(gold_from(tmp_path, DISTINCT_GOLD), {"d3": output("d3", [system])}, STATES)
    assert report.level("dyad").system_matched == int(dyad)


STATE_GOLD = """
- doc: d4
  events:
    - id: e1
      event: THREATEN
      actors: [Russia]
      recipients: [Ukraine]
      date: null
"""


@pytest.mark.parametrize(
    ("participant", "states", "dyad"),
    [
        (actor("Ministry of Defence (Russia)", "organisation", "RUS"), STATES, True),
        (actor("Ministry of Defence (Russia)", "organisation", "rus"), STATES, True),
        (actor("Sergei Shoigu", "person", "RUS"), STATES, False),  # a person is not the state
        (actor("Wagner Group", "group", "RUS"), STATES, False),
        (actor("Ministry of Defence (Ukraine)", "organisation", "UKR"), STATES, False),
        (actor("Ministry of Defence (Russia)", "organisation", "RUS"), {"ukraine": "UKR"}, False),
        (actor("Russian Federation", "state", "RUS", aliases=("Russia",)), STATES, True),
        (actor("Russia", "state", "RUS"), {}, True),  # the state itself matches by name
    ],
)
def test_state_alternative_filled_by_its_organisation(
    tmp_path: Path, participant: dict[str, Any], states: dict[str, str], dyad: bool
) -> None:
    system = event("THREATEN", [participant], [actor("Ukraine", "state", "UKR")])
    report = score(gold_from(tmp_path, STATE_GOLD), {"d4": output("d4", [system])}, states)
    assert report.level("dyad").system_matched == int(dyad)


def test_state_names_are_folded_in_the_states_mapping(tmp_path: Path) -> None:
    system = event("THREATEN", [actor("Kremlin", "organisation", "RUS")], [actor("Ukraine")])
    report = score(
        gold_from(tmp_path, STATE_GOLD), {"d4": output("d4", [system])}, {"RUSSIA": "RUS"}
    )
    assert report.level("dyad").system_matched == 1


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # found optional e3 only: P = 1/1, R = 0/2, F1 = 0
        ([E3], (1.0, 0.0, 0.0)),
        # e1 and e3: P = 2/2, R = 1/2, F1 = 2/3
        ([E1, E3], (1.0, 0.5, 2 / 3)),
        # e1 and e2, optional e3 missed at no cost: P = 2/2, R = 2/2
        ([E1, E2], (1.0, 1.0, 1.0)),
    ],
)
def test_optional_gold_events(
    tmp_path: Path, events: list[dict[str, Any]], expected: tuple[float, float, float]
) -> None:
    assert prf(run(tmp_path, events), "full") == pytest.approx(expected)


ACCEPT_GOLD = """
- doc: d5
  events:
    - id: e1
      event: THREATEN
      accept_events: [THREATEN, ACCUSE]
      actors: [Dmitry Peskov | Kremlin | Russia]
      recipients: [United States]
      date: 2024-06-24
      precision: day
"""


@pytest.mark.parametrize(("event_type", "matched"), [("THREATEN", 1), ("ACCUSE", 1), ("REJECT", 0)])
def test_accept_events(tmp_path: Path, event_type: str, matched: int) -> None:
    system = event(
        event_type,
        [actor("Dmitri Peskov")],
        [actor("United States", "state", "USA")],
        date="2024-06-24",
        precision="day",
    )
    report = score(gold_from(tmp_path, ACCEPT_GOLD), {"d5": output("d5", [system])}, STATES)
    for level in LEVELS:
        assert report.level(level).system_matched == matched


def test_per_type_table_counts_system_by_system_type_and_gold_by_gold_type(tmp_path: Path) -> None:
    system = event(
        "ACCUSE",
        [actor("Kremlin", "organisation", "RUS")],
        [actor("United States", "state", "USA")],
        date="2024-06-24",
        precision="day",
    )
    report = score(gold_from(tmp_path, ACCEPT_GOLD), {"d5": output("d5", [system])}, STATES)
    accuse = report.type_score("full", "ACCUSE")
    threaten = report.type_score("full", "THREATEN")
    assert accuse is not None and threaten is not None
    # ACCUSE: 1 system event, matched; no required gold ACCUSE -> R = 0
    assert (accuse.system, accuse.system_matched, accuse.required, accuse.precision) == (
        1,
        1,
        0,
        1.0,
    )
    # THREATEN: no system event; 1 required gold, matched -> R = 1
    assert (threaten.system, threaten.required, threaten.required_matched) == (0, 1, 1)
    assert threaten.recall == 1.0


def test_per_type_table(tmp_path: Path) -> None:
    extra_call = event(
        "CONSULT", [SHOUKRY, actor("Antony Blinken")], date="2023-05-14", precision="day"
    )
    strike = event("ASSAULT", [ISRAEL], [actor("Gaza Strip", "place")])
    report = run(tmp_path, [E1, extra_call, E3, strike])
    rows = {row.event: row for row in report.per_type if row.level == "dyad"}
    assert list(rows) == ["CONSULT", "SUPPORT", "ACCUSE", "ASSAULT"]  # PLOVER order
    # CONSULT: 2 system, 1 matched (e1); 1 required, matched: P 1/2, R 1/1, F1 2/3
    consult = rows["CONSULT"]
    assert (consult.system, consult.system_matched, consult.required, consult.required_matched) == (
        2,
        1,
        1,
        1,
    )
    assert (consult.precision, consult.recall, consult.f1) == pytest.approx((0.5, 1.0, 2 / 3))
    # SUPPORT: 1 system, matched to optional e3; no required gold: P 1, R 0
    assert (rows["SUPPORT"].precision, rows["SUPPORT"].recall) == (1.0, 0.0)
    # ACCUSE: required e2 missed, no system event: P 0, R 0/1
    assert (rows["ACCUSE"].system, rows["ACCUSE"].required, rows["ACCUSE"].recall) == (0, 1, 0.0)
    # ASSAULT: 1 system event, no gold: P 0/1
    assert (rows["ASSAULT"].system, rows["ASSAULT"].system_matched) == (1, 0)
    # the level totals: 4 system, 2 matched (e1, e3): P 1/2; required 2, 1 matched: R 1/2
    assert prf(report, "dyad") == pytest.approx((0.5, 0.5, 0.5))


GREEDY_GOLD = """
- doc: d6
  events:
    - id: e1
      event: CONSULT
      mode: visit
      actors: [Lloyd Austin, Yoav Gallant]
      recipients: []
      date: 2023-10-13
      precision: day
      historical: false
    - id: e2
      event: CONSULT
      mode: phone
      actors: [Lloyd Austin, Yoav Gallant]
      recipients: []
      date: 2023-03
      precision: month
      historical: true
"""


def test_greedy_matching_in_output_order(tmp_path: Path) -> None:
    austin, gallant = actor("Lloyd Austin"), actor("Yoav Gallant")
    earlier = event(
        "CONSULT",
        [austin, gallant],
        date="2023-03-09",
        precision="day",
        mode="phone",
        historical=True,
    )
    later = event("CONSULT", [gallant, austin], date="2023-10-13", precision="day", mode="visit")
    report = score(gold_from(tmp_path, GREEDY_GOLD), {"d6": output("d6", [earlier, later])}, {})
    document = report.documents[0]
    # dyad: the first system event takes the first free gold event that fits (e1), the second e2
    assert [(p.system_index, p.gold_id) for p in document.level("dyad").matched] == [
        (0, "e1"),
        (1, "e2"),
    ]
    # full: dates decide, so each finds its own gold event
    assert [(p.system_index, p.gold_id) for p in document.level("full").matched] == [
        (0, "e2"),
        (1, "e1"),
    ]
    assert prf(report, "full") == (1.0, 1.0, 1.0)
    # mode, historical and date accuracy read the full-level pairs first, so neither event is
    # charged with the other's mode, flag or date (over the dyad pairs all six would be wrong)
    assert (report.mode.hits, report.mode.total) == (2, 2)
    assert (report.historical.hits, report.historical.total) == (2, 2)
    assert (report.date.hits, report.date.total) == (2, 2)


@pytest.mark.parametrize(
    ("speaker", "text", "found"),
    [
        (SAFADI, "إن الأمة العربية تقف صفا واحدا", True),
        # diacritics, hamza forms, tatweel, extra spaces, inside a longer quotation
        (SAFADI, "وقال: إِنَّ الأُمَّــةَ العربيّةَ تقف  صفّاً واحداً في وجه التحديات", True),
        (SAFADI, "ان الامه العربيه تقف صفا واحدا", True),  # bare alef, ha for ta marbuta
        (actor("Aiman Safadi", aliases=("Ayman Safadi",)), "إن الأمة العربية تقف صفا واحدا", True),
        (
            actor("Ministry of Foreign Affairs (Jordan)", "organisation", "JOR"),
            "إن الأمة العربية تقف صفا واحدا",
            True,
        ),
        (actor("Abdullah II of Jordan", "person", "JOR"), "إن الأمة العربية تقف صفا واحدا", False),
        (SHOUKRY, "إن الأمة العربية تقف صفا واحدا", False),
        (None, "إن الأمة العربية تقف صفا واحدا", False),
        (SAFADI, "إن الأمة العربية تقف", False),  # only part of the gold text
    ],
)
def test_quote_recall(
    tmp_path: Path, speaker: dict[str, Any] | None, text: str, found: bool
) -> None:
    report = run(tmp_path, [], quotes=[{"speaker": speaker, "text": text}])
    assert (report.quotes.hits, report.quotes.total) == (int(found), 1)
    assert report.documents[0].quotes_missed == (
        () if found else ("إن الأمة العربية تقف صفا واحدا",)
    )


@pytest.mark.parametrize(
    ("gold_published", "published", "precision", "right"),
    [
        ("2023-05-15\n  published_precision: day", "2023-05-15", "day", True),
        ("2023-05-15\n  published_precision: day", "2023-05", "month", False),
        ("2023-05-15\n  published_precision: day", "2023-05-16", "day", False),
        ("2023-05\n  published_precision: month", "2023-05-15", "day", True),
        ("2023-05\n  published_precision: month", None, None, False),
    ],
)
def test_publication_date(
    tmp_path: Path, gold_published: str, published: str | None, precision: str | None, right: bool
) -> None:
    gold = gold_from(tmp_path, f"- doc: d7\n  published: {gold_published}\n  events: []\n")
    report = score(gold, {"d7": output("d7", [], published=published, precision=precision)}, {})
    assert (report.published.hits, report.published.total) == (int(right), 1)


def test_published_not_counted_without_gold_value(tmp_path: Path) -> None:
    gold = gold_from(tmp_path, "- doc: d8\n  published: null\n  events: []\n")
    report = score(gold, {"d8": output("d8", [])}, {})
    assert report.published.total == 0 and report.published.value is None
    assert report.documents[0].published_correct is None


def test_report_to_dict_is_plain_json(tmp_path: Path) -> None:
    report = run(tmp_path, [E1, E2])
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["levels"]["full"]["precision"] == 1.0
    assert data["documents"][0]["levels"]["dyad"]["missed_required"] == []
    assert {row["level"] for row in data["per_type"]} == set(LEVELS)


@pytest.mark.parametrize(
    ("events", "fragment"),
    [
        ("not a list", "`events` must be a list"),
        ([{"event": "CONSULT", "actors": "Ayman Safadi"}], "must be lists of actor objects"),
        ([{"event": "CONSULT", "actors": ["Ayman Safadi"]}], "an actor must be an object"),
        ([{"event": "CONSULT", "actors": [], "date": "14/05/2023"}], "not ISO"),
    ],
)
def test_malformed_system_output(tmp_path: Path, events: Any, fragment: str) -> None:
    gold = gold_from(tmp_path, BASE_GOLD)
    with pytest.raises(MalformedRecordError, match="document 'd1'") as caught:
        score(gold, {"d1": {"events": events}}, STATES)
    assert fragment in str(caught.value)


# ---------------------------------------------------------------------------------------------
# the real gold files


def _as_system(gold_event: GoldEvent) -> dict[str, Any]:
    """A system event built from a gold event, taking the first alternative of each slot."""
    return event(
        gold_event.event,
        [actor(slot[0]) for slot in gold_event.actors],
        [actor(slot[0]) for slot in gold_event.recipients],
        date=gold_event.date.value if gold_event.date else None,
        precision=gold_event.date.precision if gold_event.date else None,
        mode=gold_event.mode,
        historical=bool(gold_event.historical),
    )


def _as_output(document: GoldDocument) -> dict[str, Any]:
    quotes = [{"speaker": actor(q.speaker[0]), "text": q.text} for q in document.quotes]
    published = document.published
    return output(
        document.doc,
        [_as_system(e) for e in document.events],
        quotes,
        published.value if published else None,
        published.precision if published else None,
    )


@pytest.mark.parametrize("path", REAL_GOLD, ids=lambda p: p.name)
def test_real_gold_scores_perfectly_against_itself(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not present")
    gold = load_gold(path)
    assert gold and all(document.events for document in gold)
    report = score(gold, {d.doc: _as_output(d) for d in gold}, STATES)
    for level in LEVELS:
        assert prf(report, level) == (1.0, 1.0, 1.0), level
    for rate in (report.mode, report.historical, report.date, report.published, report.quotes):
        assert rate.value == 1.0


@pytest.mark.parametrize(
    ("ours", "right"),
    [
        ("Amman", True),
        ("amman, jordan", True),  # a qualifier after a comma does not count
        ("Aqaba", False),
        (None, False),
    ],
)
def test_place_accuracy_counts_pairs_whose_gold_names_a_place(
    ours: str | None, right: bool, tmp_path: Path
) -> None:
    text = BASE_GOLD.replace(
        "      historical: false\n", "      historical: false\n      place: Amman\n", 1
    )
    system = [{**E1, "place": ours}, E2, E3]
    report = score(gold_from(tmp_path, text), {"d1": output("d1", system)}, STATES)
    assert (report.place.hits, report.place.total) == (int(right), 1)

"""Tests for hadath.evaluate: gold loading, name and text folding, matching and scores.

Every expected number is worked out by hand in a comment next to it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hadath.errors import GoldFormatError, LexiconError, MalformedRecordError
from hadath.evaluate import (
    LEVELS,
    GoldDocument,
    GoldEvent,
    Report,
    fold_name,
    fold_parts,
    load_gold,
    load_name_rules,
    load_text_rules,
    names_match,
    normalize_text,
    parse_gold,
    parse_name_rules,
    parse_text_rules,
    score,
)
from hadath.model import TimeValue

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
# loading


def test_load_base_gold(tmp_path: Path) -> None:
    (document,) = gold_from(tmp_path, BASE_GOLD)
    assert document.doc == "d1"
    assert document.published == TimeValue("2023-05-15", "day")
    e1, e2, e3 = document.events
    assert e1.actors == (("Sameh Shoukry",), ("Ayman Safadi",)) and e1.reciprocal
    assert e2.actors == (("Ayman Safadi", "Jordan"),) and not e2.reciprocal
    assert e2.date == TimeValue("2023-05", "month")  # a string in YAML
    assert e3.date is None and not e3.required
    assert document.quotes[0].speaker == ("Ayman Safadi", "Jordan")


def test_year_date_parsed_as_int_and_optional_fields(tmp_path: Path) -> None:
    text = """
- doc: d2
  events:
    - event: ASSAULT
      actors: []
      recipients: [Gaza Strip | Gaza]
      date: 2014
      precision: year
      place: Gaza City | Gaza
      dead: 3
      injured: 10
      accept_events: [COERCE]
  quotes: []
"""
    (document,) = gold_from(tmp_path, text)
    (only,) = document.events
    assert only.id == "#1"  # no id given: its position
    assert only.date == TimeValue("2014", "year")
    assert only.required is True and only.historical is None
    assert only.place == ("Gaza City", "Gaza")
    assert (only.dead, only.injured) == (3, 10)
    assert only.accepts("COERCE") and only.accepts("ASSAULT") and not only.accepts("AID")
    assert document.published is None and document.outlet is None


def _event_yaml(**changes: str | None) -> str:
    """A one-event gold document whose event lines can be replaced or dropped (value None)."""
    lines: dict[str, str | None] = {
        "id": "e1",
        "event": "CONSULT",
        "actors": "[Sameh Shoukry, Ayman Safadi]",
        "recipients": "[]",
        "date": "2023-05-14",
        "precision": "day",
    }
    lines.update(changes)
    body = "".join(f"      {k}: {v}\n" for k, v in lines.items() if v is not None)
    return f"- doc: d9\n  events:\n    - {body.lstrip()}"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (_event_yaml(event="CONSULTS"), "'CONSULTS' is not a PLOVER type"),
        (_event_yaml(actors=None), "missing field `actors`"),
        (_event_yaml(recipients=None), "missing field `recipients`"),
        (_event_yaml(actors="[]"), "no participants"),
        (_event_yaml(precision="week"), "'week'; use day, month or year"),
        (_event_yaml(precision="month"), "has precision day but `precision` says month"),
        (_event_yaml(precision=None), "2023-05-14 needs `precision`"),
        (_event_yaml(date="null"), "`precision` is 'day' but `date` is null"),
        (_event_yaml(date="2023-02-30"), "impossible date"),
        (_event_yaml(date="'2023-02-30'"), "not an ISO date"),
        (_event_yaml(date="'14 May 2023'"), "not an ISO date"),
        (_event_yaml(actors="[Sameh Shoukry | ]"), "empty alternative"),
        (_event_yaml(actors="[42]"), "`actors` items must be names"),
        (_event_yaml(recipient="[Jordan]"), "unknown field(s) recipient"),
        (_event_yaml(accept_events="[WARN]"), "'WARN' is not a PLOVER type"),
        (_event_yaml(required="maybe"), "`required` must be true or false"),
        (_event_yaml(dead="-1"), "`dead` must be a whole number"),
        ("- doc: d9\n  events: []\n- doc: d9\n  events: []\n", "appears twice"),
        ("- doc: d9\n", "missing field `events`"),
        ("doc: d9\nevents: []\n", "expected a list of documents"),
        ("- doc: d9\n  events: [\n", "not valid YAML"),
        (
            "- doc: d9\n  events: []\n  quotes:\n    - speaker: Ayman Safadi\n",
            "quote #1: missing field `text`",
        ),
    ],
)
def test_invalid_gold_raises(tmp_path: Path, text: str, fragment: str) -> None:
    with pytest.raises(GoldFormatError) as caught:
        gold_from(tmp_path, text)
    assert fragment in str(caught.value)


def test_invalid_gold_names_document_and_event(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match=r"document 'd9', event 'e1'"):
        gold_from(tmp_path, _event_yaml(event="TALK"))


def test_duplicate_event_id_and_missing_file(tmp_path: Path) -> None:
    text = _event_yaml() + "    - " + _event_yaml().split("    - ", 1)[1]
    with pytest.raises(GoldFormatError, match="e1 used twice"):
        gold_from(tmp_path, text)
    with pytest.raises(GoldFormatError, match="cannot read gold file"):
        load_gold(tmp_path / "absent.yaml")


def test_parse_gold_takes_loaded_data() -> None:
    data = [{"doc": 7, "events": [], "published": "2023-05", "published_precision": "month"}]
    (document,) = parse_gold(data)
    assert document.doc == "7"
    assert document.published == TimeValue("2023-05", "month")


# ---------------------------------------------------------------------------------------------
# names and text


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("SERGEI LAVROV", "sergey lavrov"),
        ("Andrey Belousov", "Andrei Belousov"),
        ("Dmitry Peskov", "Dmitri Peskov"),
        ("Yevgeny Prigozhin", "Evgeny Prigozhin"),
        ("Aleksandr Lukashenko", "Alexander Lukashenko"),
        ("Oleksii Reznikov", "Oleksiy Reznikov"),
        ("Yury Ushakov", "Yuri Ushakov"),
        ("Mohammed bin Salman", "Muhammad bin Salman"),
        ("Mohamed bin Zayed", "Mohammad ibn Zayed"),
        ("Abdel Fattah el-Sisi", "Abd al-Fattah al-Sisi"),
        ("Abdul Fattah al Sisi", "Abdel Fattah El-Sisi"),
        ("Abdelaziz Bouteflika", "Abdul Aziz Bouteflika"),
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
        ("Binali Yıldırım", "Binali Yildirim"),
        ("'Asir Province", "Asir Province"),
        ("Donetsk People's Republic", "Donetsk People’s Republic"),
        ("Al-Watan (Syria)", "Al-Watan"),
        ("Ministry of Foreign Affairs (Russia)", "Ministry of Foreign Affairs (Russia)"),
        ("Ministry of Foreign Affairs (Russia)", "ministry of foreign affairs"),
    ],
)
def test_names_match(first: str, second: str) -> None:
    assert names_match(first, second)
    assert names_match(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ministry of Foreign Affairs (Russia)", "Ministry of Foreign Affairs (Ukraine)"),
        ("Sergei Lavrov", "Sergei Shoigu"),
        ("Mohammed bin Salman", "Mohammed bin Zayed"),
        ("Abdullah II of Jordan", "Abdullah of Saudi Arabia"),
        ("Russia", "Belarus"),
    ],
)
def test_names_do_not_match(first: str, second: str) -> None:
    assert not names_match(first, second)


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Ministry of Foreign Affairs (Russia)", "ministry of foreign affairs"),
        ("Sergey Lavrov", "sergei lavrov"),
        ("Abd al-Rahman", "abdulrahman"),
        ("  United   States ", "united states"),
        ("(Russia)", "russia"),
    ],
)
def test_fold_name(name: str, folded: str) -> None:
    assert fold_name(name) == folded
    assert fold_name(folded) == folded  # idempotent


def test_fold_parts_keeps_the_disambiguator() -> None:
    parts = fold_parts("Ministry of Defence (Russia)")
    assert (parts.base, parts.qualifier) == ("ministry of defence", "russia")
    assert fold_parts("Vladimir Putin").qualifier is None


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("إِنَّ الأُمَّةَ", "ان الامه"),  # harakat, hamza below and above, ta marbuta
        ("آمن بالله", "امن بالله"),  # alef madda
        ("ٱلقدس", "القدس"),  # alef wasla
        ("مصطفــــى", "مصطفي"),  # tatweel, alef maqsura
        ("  قال\u00a0\n  الوزير\t", "قال الوزير"),  # whitespace collapsed, no-break space too
        ("ﻻ", "لا"),  # presentation form, undone by NFKC
        ("صفّاً واحداً", "صفا واحدا"),  # shadda and tanwin
    ],
)
def test_normalize_text(text: str, normalised: str) -> None:
    assert normalize_text(text) == normalised


def test_shipped_data_files_pass_their_schema_check() -> None:
    rules = load_name_rules()
    assert ("sergey",) in rules.variants
    assert load_text_rules().table[ord("ى")] == "ي"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ([], "expected a mapping"),
        ({"variantz": {}}, "unknown section(s) variantz"),
        ({"variants": {"sergei": ["Sergey"]}}, "must be lower case"),
        ({"variants": {"sergei": ["sergey"], "serge": ["sergey"]}}, "listed twice"),
        ({"variants": {"al": ["el"], "el": ["il"]}}, "itself a canonical"),
        ({"letters": {"ıı": "i"}}, "map one lower-case character"),
        ({"letters": {"Ø": "o"}}, "map one lower-case character"),
        ({"letters": {"ø": "O"}}, "must be lower case"),
        ({"drop": ["''"]}, "must be one character"),
        ({"prefixes": {"abdul": ["abd al"]}}, "single word"),
        ({"join_with_next": "abdul"}, "list of non-empty strings"),
    ],
)
def test_bad_name_rules(data: Any, fragment: str) -> None:
    with pytest.raises(LexiconError) as caught:
        parse_name_rules(data, "names.yaml")
    assert "names.yaml" in str(caught.value) and fragment in str(caught.value)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"remove": ["ــ"]}, "single character"),
        ({"replace": {"ا": ["أ"], "ي": ["أ"]}}, "listed twice"),
        ({"strip": []}, "unknown section(s) strip"),
    ],
)
def test_bad_text_rules(data: Any, fragment: str) -> None:
    with pytest.raises(LexiconError, match=r"text\.yaml") as caught:
        parse_text_rules(data, "text.yaml")
    assert fragment in str(caught.value)


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
    # mode, historical and date accuracy are taken over the dyad pairs: all wrong
    assert (report.mode.hits, report.mode.total) == (0, 2)
    assert (report.historical.hits, report.historical.total) == (0, 2)
    assert (report.date.hits, report.date.total) == (0, 2)


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

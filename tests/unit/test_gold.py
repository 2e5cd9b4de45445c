"""Tests for hadath.gold: reading and checking gold annotation files (eval/FORMAT.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hadath.errors import GoldFormatError
from hadath.gold import GoldDocument, as_precision, load_gold, parse_gold, precision_of
from hadath.model import TimeValue


def gold_from(tmp_path: Path, text: str) -> tuple[GoldDocument, ...]:
    """Write a gold YAML text to a file and load it."""
    path = tmp_path / "gold.yaml"
    path.write_text(text, encoding="utf-8")
    return load_gold(path)


# A reciprocal phone call, a one-way accusation with alternatives and a month date given as a
# string, an optional aid event without a date, and a quotation whose speaker has alternatives.
THREE_EVENTS = """
- doc: g1
  outlet: Sample Tribune
  published: 2022-11-03
  published_precision: day
  events:
    - id: call
      event: CONSULT
      mode: phone
      actors: [Antony Blinken, Sameh Shoukry]
      recipients: []
      date: 2022-11-02
      precision: day
      evidence: "أجرى الوزيران محادثة هاتفية مطولة"
    - id: blame
      event: ACCUSE
      actors: [Nasser Kanaani | Iran]
      recipients: [United States]
      date: 2022-11
      precision: month
      historical: true
    - id: aid
      required: false
      event: AID
      recipients: [Gaza Strip | Gaza]
      actors: [Qatar]
      date: null
  quotes:
    - speaker: Nasser Kanaani | Iran
      text: "نرفض أي مساس بسيادة البلاد"
"""


def test_load_gold_document(tmp_path: Path) -> None:
    (document,) = gold_from(tmp_path, THREE_EVENTS)
    assert (document.doc, document.outlet) == ("g1", "Sample Tribune")
    assert document.published == TimeValue("2022-11-03", "day")
    call, blame, aid = document.events
    assert call.actors == (("Antony Blinken",), ("Sameh Shoukry",)) and call.reciprocal
    assert (call.mode, call.evidence) == ("phone", "أجرى الوزيران محادثة هاتفية مطولة")
    assert blame.actors == (("Nasser Kanaani", "Iran"),) and not blame.reciprocal
    assert blame.date == TimeValue("2022-11", "month")  # a string in YAML
    assert blame.historical is True and call.historical is None
    assert aid.date is None and not aid.required and aid.recipients == (("Gaza Strip", "Gaza"),)
    (quote,) = document.quotes
    assert quote.speaker == ("Nasser Kanaani", "Iran")
    assert quote.text == "نرفض أي مساس بسيادة البلاد"


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


def test_repeated_documents_name_the_first_repeat() -> None:
    data: list[dict[str, Any]] = [{"doc": doc, "events": []} for doc in ("b", "a", "a", "b")]
    with pytest.raises(GoldFormatError, match="document 'a' appears twice"):
        parse_gold(data)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2024-02-29", "day"),
        ("2024-02", "month"),
        ("2024", "year"),
        ("2023-02-29", None),  # not a leap year
        ("2024-13", None),
        ("24-02-29", None),
        ("2024-02-29T10:00", None),
    ],
)
def test_precision_of(text: str, precision: str | None) -> None:
    assert precision_of(text) == precision


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("day", "day"),
        ("month", "month"),
        ("year", "year"),
        ("week", None),
        (None, None),
        ([], None),
    ],
)
def test_as_precision(value: Any, precision: str | None) -> None:
    assert as_precision(value) == precision

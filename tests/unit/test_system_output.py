"""Tests for hadath.system_output: reading contract JSON into the values scoring compares."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from hadath.errors import MalformedRecordError
from hadath.model import TimeValue
from hadath.names import FoldedName, load_name_rules, load_text_rules
from hadath.system_output import read_output, read_time


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2021-08-30", None, TimeValue("2021-08-30", "day")),  # precision read from the value
        ("2021-08-30", "month", TimeValue("2021-08", "month")),  # a coarser precision cuts
        (dt.date(2021, 8, 30), "year", TimeValue("2021", "year")),
        ("2021-08", "day", TimeValue("2021-08", "month")),  # a finer precision cannot add a day
        (None, "day", None),
    ],
)
def test_read_time(value: Any, precision: str | None, expected: TimeValue | None) -> None:
    assert read_time(value, precision, "here") == expected


@pytest.mark.parametrize("value", ["30/08/2021", "2021-02-30", 2021])
def test_read_time_rejects_what_is_not_iso(value: Any) -> None:
    with pytest.raises(MalformedRecordError, match=r"^here: date .* is not ISO"):
        read_time(value, None, "here")


def test_read_output_folds_names_and_normalises_quotes() -> None:
    speaker = {"name": "Sergey Lavrov (diplomat)", "aliases": ["Lavrov"], "country": "rus"}
    output = {
        "events": [{"id": 5, "event": "REJECT", "actors": [speaker], "historical": True}],
        "quotes": [{"speaker": speaker, "text": "  لَنْ نقبلَ   بهذا العرض "}],
    }
    (event,), (quote,) = read_output(output, load_name_rules(), load_text_rules(), "doc 'x'")
    assert (event.index, event.id, event.event, event.historical) == (0, "5", "REJECT", True)
    (lavrov,) = event.actors
    assert lavrov.names == (FoldedName("sergei lavrov", "diplomat"), FoldedName("lavrov", None))
    assert (lavrov.kind, lavrov.country) == (None, "RUS")
    assert quote.text == "لن نقبل بهذا العرض" and quote.speaker == lavrov


def test_no_output_reads_as_nothing() -> None:
    assert read_output(None, load_name_rules(), load_text_rules(), "doc 'x'") == ((), ())


@pytest.mark.parametrize(
    ("output", "fragment"),
    [
        ([], "expected a JSON object"),
        ({"quotes": ["قال"]}, "quote #0: a quote must be an object"),
        ({"quotes": "قال"}, "`quotes` must be a list"),
        ({"events": [[]]}, "event #0: an event must be an object"),
        ({"events": [{"actors": [{"name": "Iran", "aliases": "Persia"}]}]}, "`aliases` must be"),
        ({"events": [{"mode": 3}]}, "`mode` must be a string or null"),
    ],
)
def test_malformed_output(output: Any, fragment: str) -> None:
    with pytest.raises(MalformedRecordError, match=r"^doc 'x'") as caught:
        read_output(output, load_name_rules(), load_text_rules(), "doc 'x'")
    assert fragment in str(caught.value) and "JSON contract" in str(caught.value)

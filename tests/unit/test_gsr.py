"""Sentence-level GSR gold: reading (a file without its closing tag) and scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.errors import GoldFormatError
from hadath.gsr import GsrScore, read_gsr, score_gsr
from hadath.resources import Resources

# Two sentences written for this test, in the layout of the published file (which ends
# without </Validation>).
GSR = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
<Sentences>
<Sentence category="ASSAULT" date="20080312" evaluate="true" id="a1" >
<EventText eid="0" eventtext="قصفت" sourcetext="إسرائيل" targettext="لبنان" />
<EventCoding eid="0" eventcode="" plover="ASSAULT" sourcecode="ISR MIL" targetcode="LBN None" />
<Text>
قصفت إسرائيل مواقع في جنوب لبنان فجر اليوم.
</Text>
</Sentence>
<Sentence category="PROTEST" date="20080101" evaluate="true" id="p1" >
<EventCoding eid="0" eventcode="" plover="PROTEST" sourcecode="None CVL" targetcode="None None" />
<Text>
تظاهر آلاف الطلاب أمام مبنى البرلمان احتجاجا على رفع الأسعار.
</Text>
</Sentence>
</Sentences>
"""


def test_read_gsr(tmp_path: Path) -> None:
    path = tmp_path / "gsr.xml"
    path.write_text(GSR, encoding="utf-8")
    first, second = read_gsr(path)
    assert (first.event, first.date, first.source, first.target) == (
        "ASSAULT", "2008-03-12", "ISR", "LBN")  # fmt: skip
    assert (second.event, second.source, second.target) == ("PROTEST", None, None)


def test_score_gsr(tmp_path: Path, resources: Resources) -> None:
    path = tmp_path / "gsr.xml"
    path.write_text(GSR, encoding="utf-8")
    score = score_gsr(read_gsr(path)[:1], resources)
    assert score == GsrScore(1, 1, 1, 1, 1, 1)
    assert score.rates() == {"type_rate": 1.0, "source_rate": 1.0, "target_rate": 1.0}


@pytest.mark.parametrize("text", ["<Validation></Validation>", "<Sentence id='x'><Text>", ""])
def test_bad_files_are_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GoldFormatError):
        read_gsr(path)

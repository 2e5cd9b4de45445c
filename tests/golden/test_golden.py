"""End to end: the shipped example articles give exactly the stored JSON contract.

After a deliberate change of behaviour, run `python scripts/update_golden.py` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.examples import example_paths
from hadath.ingest import read_paths
from hadath.model import Document
from hadath.output import to_contract
from hadath.pipeline import process
from hadath.resources import Resources
from hadath.settings import Settings

EXPECTED = Path(__file__).parent / "expected"
DOCUMENTS = [d for d in read_paths(example_paths(), Settings()) if isinstance(d, Document)]


def test_every_example_has_a_golden_file() -> None:
    names = {f"{d.id}.json" for d in DOCUMENTS}
    assert names == {p.name for p in EXPECTED.glob("*.json")}
    assert len(DOCUMENTS) >= 5


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.id)
def test_example_matches_golden(document: Document, resources: Resources) -> None:
    expected = json.loads((EXPECTED / f"{document.id}.json").read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(to_contract(process(document, resources)), ensure_ascii=False))
    assert actual == expected


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.id)
def test_example_spans_point_into_the_text(document: Document, resources: Resources) -> None:
    contract = to_contract(process(document, resources))
    text = document.text
    for event in contract["events"]:
        for key in ("evidence", "trigger"):
            span = event[key]
            assert text[span["start"] : span["end"]] == span["text"]
    for mention in contract["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for quote in contract["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]

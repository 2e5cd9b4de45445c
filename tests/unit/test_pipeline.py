"""The stage tuple and the batch entry points that wrap it."""

from __future__ import annotations

import pytest

from hadath import batch, pipeline
from hadath.model import Analysis, Document, Failure
from hadath.resources import Resources


def test_stages_run_in_design_order() -> None:
    names = [stage.__module__.rsplit(".", 1)[-1] for stage in pipeline.STAGES]
    assert names == ["pipeline", "dates", "mentions", "quotes", "events", "actors"]


def test_process_fills_every_layer(resources: Resources) -> None:
    text = (
        "موسكو - 13 فبراير 2022\n"
        "قال لافروف: «نرفض هذه الاتهامات جملة وتفصيلا». وأدانت روسيا العقوبات."
    )
    analysis = pipeline.process(Document("d", text), resources)
    assert analysis.tokens and analysis.sentences and analysis.times and analysis.mentions
    assert analysis.quotes and analysis.document.published == "2022-02-13"


def test_an_internal_error_becomes_a_failure(
    resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(analysis: Analysis, resources: Resources) -> Analysis:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "STAGES", (broken,))
    result = batch.safe_process(Document("d", "نص", source="x.txt"), resources)
    assert isinstance(result, Failure)
    assert result.error == "InternalError" and "boom" in result.reason and "x.txt" in result.reason


def test_published_override(resources: Resources) -> None:
    doc = batch.override_published(Document("d", "نص"), "2024-06")
    assert (doc.published, doc.published_precision, doc.published_source) == (
        "2024-06",
        "month",
        "override",
    )

"""Invariants of the whole pipeline: deterministic, and every span inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath.model import Document
from hadath.pipeline import process
from hadath.resources import Resources

WORDS = st.sampled_from(
    ["أجرى", "الرئيس", "الروسي", "فلاديمير", "بوتين", "اتصالا", "هاتفيا", "مع", "نظيره", "الفرنسي",
     "ماكرون", "الثلاثاء", "وقال", "«", "»", "إن", "واشنطن", "فرضت", "عقوبات", "على", "إيران", "في",
     "13", "مايو", "2024", ".", "،", "\n", "حذر", "لم", "الكرملين", "أمس", "وزير", "الخارجية"]
)  # fmt: skip
TEXTS = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_pipeline_is_deterministic_and_spans_are_inside(text: str, resources: Resources) -> None:
    doc = Document("p", text, published="2024-06-26", published_precision="day")
    first, second = process(doc, resources), process(doc, resources)
    assert first == second
    spans = [t.span for t in first.tokens] + list(first.sentences)
    spans += [m.span for m in first.mentions] + [q.span for q in first.quotes]
    spans += [t.span for t in first.times]
    spans += [s for e in first.events for s in (e.evidence, e.trigger)]
    assert all(0 <= s.start <= s.end <= len(text) for s in spans)
    for event in first.events:
        assert event.evidence.contains(event.trigger)
        assert event.actors

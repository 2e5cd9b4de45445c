"""The JSON output contract: shape, offsets, office on the event date, stable ids."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from hadath.model import Actor, Analysis, Event, Role, Span
from hadath.output import event_id, role_on, to_contract

Analyse = Callable[..., Analysis]

DOCUMENT_KEYS = {
    "id",
    "title",
    "outlet",
    "url",
    "published",
    "published_precision",
    "published_source",
}
EVENT_KEYS = {
    "id",
    "event",
    "mode",
    "context",
    "actors",
    "recipients",
    "date",
    "date_precision",
    "historical",
    "negated",
    "place",
    "dead",
    "injured",
    "evidence",
    "trigger",
    "rule",
    "confidence",
}
ACTOR_KEYS = {"id", "name", "aliases", "kind", "country", "office", "wikidata"}


def test_contract_has_every_field_of_the_design(analyse: Analyse) -> None:
    text = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون."
    contract = to_contract(analyse(text))
    json.dumps(contract)
    assert set(contract["document"]) >= DOCUMENT_KEYS
    assert contract["events"]
    for event in contract["events"]:
        assert set(event) >= EVENT_KEYS
        for actor in event["actors"] + event["recipients"]:
            assert set(actor) >= ACTOR_KEYS
        assert text[event["trigger"]["start"] : event["trigger"]["end"]] == event["trigger"]["text"]
    for mention in contract["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]


SHOIGU = Actor(
    "s",
    "Sergei Shoigu",
    "person",
    "RUS",
    roles=(
        Role("Minister of Defence", "RUS", "2012-11-06", "2024-05-12"),
        Role("Secretary of the Security Council", "RUS", "2024-05-12", None),
    ),
)


@pytest.mark.parametrize(
    ("date", "office"),
    [
        ("2023-03", "Minister of Defence"),
        ("2023-03-15", "Minister of Defence"),
        ("2024-06-25", "Secretary of the Security Council"),
        (None, "Secretary of the Security Council"),
    ],
)
def test_office_is_the_one_held_on_the_event_date(date: str | None, office: str) -> None:
    role = role_on(SHOIGU, date)
    assert role is not None and role.office == office


def test_event_ids_are_stable_and_distinct() -> None:
    one = Event("CONSULT", "phone", ("a", "b"), (), Span(0, 10), Span(2, 5), "r", 0.8)
    two = Event("CONSULT", "phone", ("a", "b"), (), Span(0, 10), Span(6, 9), "r", 0.8)
    assert event_id("doc", one) == event_id("doc", one)
    assert len({event_id("doc", one), event_id("doc", two), event_id("other", one)}) == 3


def test_a_place_an_attack_hit_is_rendered_as_a_place(analyse: Analyse) -> None:
    text = "وشنت القوات الروسية هجوما بطائرات مسيرة على مدينة خاركيف."
    (event,) = to_contract(analyse(text))["events"]
    assert event["recipients"][0]["kind"] == "place"
    assert (event["recipients"][0]["name"], event["recipients"][0]["country"]) == (
        "Kharkiv",
        "UKR",
    )


def test_two_calls_told_in_the_dual_have_distinct_ids(analyse: Analyse) -> None:
    text = ("تلقى وزير الخارجية الأردني أيمن الصفدي أمس اتصالين هاتفيين من وزير الخارجية الفرنسي "
            "جان إيف لودريان ونظيره الألماني هايكو ماس.")  # fmt: skip
    events = to_contract(analyse(text))["events"]
    pairs = {frozenset(a["id"] for a in e["actors"]) for e in events}
    assert pairs == {
        frozenset({"ayman-safadi", "jean-yves-le-drian"}),
        frozenset({"ayman-safadi", "heiko-maas"}),
    }
    assert len({e["id"] for e in events}) == len(events) == 2

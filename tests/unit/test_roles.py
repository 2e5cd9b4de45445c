"""Titles resolve to whoever held the office on the event's date, across changes of holder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.model import Analysis
from hadath.resources import Resources

Analyse = Callable[..., Analysis]


@pytest.mark.parametrize(
    ("office", "country", "date", "holder"),
    [
        ("Minister of Defence", "RUS", "2023-03-15", "Sergei Shoigu"),
        ("Minister of Defence", "RUS", "2024-06-25", "Andrey Belousov"),
        ("Minister of Foreign Affairs", "USA", "2016-05-01", "John Kerry"),
        ("Minister of Foreign Affairs", "USA", "2017-06-01", "Rex Tillerson"),
        ("Minister of Foreign Affairs", "USA", "2019-01-01", "Mike Pompeo"),
        ("Minister of Foreign Affairs", "USA", "2022-10-21", "Antony Blinken"),
        ("King", "SAU", "2014-06-01", "Abdullah of Saudi Arabia"),
        ("King", "SAU", "2015-08-07", "Salman of Saudi Arabia"),
        ("Crown Prince", "SAU", "2015-03-01", "Muqrin bin Abdulaziz"),
        ("Crown Prince", "SAU", "2016-01-01", "Muhammad bin Nayef"),
        ("Crown Prince", "SAU", "2018-01-01", "Mohammed bin Salman"),
        ("Minister of Defence", "UKR", "2022-10-21", "Oleksii Reznikov"),
        ("Minister of Defence", "UKR", "2024-01-01", "Rustem Umerov"),
    ],
)
def test_office_holder_on_a_date(office: str, country: str, date: str, holder: str,
                                 resources: Resources) -> None:  # fmt: skip
    assert [a.name for a in resources.actors.holders(office, country, date)] == [holder]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # The call took place in March 2023 (Shoigu), the article appeared in June 2024 (Belousov).
        ("وأجرى وزير الدفاع الروسي اتصالا هاتفيا مع نظيره الأمريكي في 15 مارس 2023.",
         "2024-06-26", {"sergei-shoigu", "lloyd-austin"}),
        ("وأجرى وزير الدفاع الروسي اتصالا هاتفيا مع نظيره الأمريكي أمس.",
         "2024-06-26", {"andrey-belousov", "lloyd-austin"}),
        ("التقى وزير الخارجية الأمريكي نظيره الروسي في 12 مايو 2016.",
         "2018-01-01", {"john-kerry", "sergey-lavrov"}),
    ],
)  # fmt: skip
def test_roles_resolve_on_the_event_date(text: str, published: str, expected: set[str],
                                         analyse: Analyse) -> None:  # fmt: skip
    events = analyse(text, published).events
    assert any(set(e.actors) == expected for e in events), [e.actors for e in events]


def test_counterpart_takes_the_office_of_the_person_named_before(analyse: Analyse) -> None:
    mentions = analyse("تحدث بلينكن هاتفيا مع نظيره الروسي.", "2023-03-15").mentions
    assert [m.actor_id for m in mentions] == ["antony-blinken", "sergey-lavrov"]


def test_unknown_holder_falls_back_to_the_state(analyse: Analyse) -> None:
    mentions = analyse("قال وزير الدفاع التشيلي إن الوضع هادئ.", "2023-03-15").mentions
    assert [(m.actor_id, m.kind, m.office, m.country) for m in mentions] == [
        ("chile", "state", "Minister of Defence", "CHL")
    ]

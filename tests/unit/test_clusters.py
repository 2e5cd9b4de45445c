"""Clusters: reports of one act in different articles become one record."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hadath.clusters import as_json, cluster, clustered, same_place, whereabouts
from hadath.ingest import read_paths
from hadath.model import Document
from hadath.pipeline import process
from hadath.resources import Resources
from hadath.store import EventRecord, Store

_CALLS = frozenset({"CONSULT"})


def _report(
    event_id: str,
    document: str,
    date: str | None,
    actors: tuple[str, ...] = ("lloyd-austin", "sergei-shoigu"),
    recipients: tuple[str, ...] = (),
    kind: str = "CONSULT",
    precision: str | None = "day",
) -> EventRecord:
    return EventRecord(
        id=event_id, document_id=document, type=kind, mode=None, date=date,
        date_precision=precision if date else None, historical=False, negated=False,
        actors=actors, recipients=recipients, evidence_text="", rule="", confidence=0.8,
        document_title=None, outlet=f"outlet-{document}", published=None,
        actor_ids=actors, recipient_ids=recipients,
    )  # fmt: skip


def _groups(reports: list[EventRecord]) -> list[set[str]]:
    return sorted(({r.id for r in c.reports} for c in cluster(reports, _CALLS)), key=min)


def test_reports_of_one_call_a_day_apart_are_one_cluster_that_keeps_both_dates() -> None:
    a = _report("a", "d1", "2022-05-13")
    b = _report("b", "d2", "2022-05-14", actors=("sergei-shoigu", "lloyd-austin"))
    (merged,) = cluster([a, b], _CALLS)
    assert {r.id for r in merged.reports} == {"a", "b"}
    assert merged.dates == ("2022-05-13", "2022-05-14")
    assert merged.outlets == ("outlet-d1", "outlet-d2")


def test_calls_between_the_same_ministers_months_apart_stay_apart() -> None:
    reports = [_report("a", "d1", "2022-05-13"), _report("b", "d2", "2024-01-10")]
    assert _groups(reports) == [{"a"}, {"b"}]


def test_only_dates_of_one_precision_agree_and_undated_reports_never_merge() -> None:
    reports = [
        _report("a", "d1", "2022-05", precision="month"),
        _report("b", "d2", "2022-05-13"),
        _report("c", "d3", "2022-05", precision="month"),
        _report("d", "d4", None),
        _report("e", "d5", None),
    ]
    assert _groups(reports) == [{"a", "c"}, {"b"}, {"d"}, {"e"}]


def test_two_acts_in_one_article_are_never_one_cluster() -> None:
    reports = [_report("a", "d1", "2022-05-13"), _report("b", "d1", "2022-05-13")]
    assert _groups(reports) == [{"a"}, {"b"}]


def test_a_one_way_act_keeps_its_direction() -> None:
    reports = [
        _report("a", "d1", "2023-03-01", ("usa",), ("rus",), "SANCTION"),
        _report("b", "d2", "2023-03-01", ("rus",), ("usa",), "SANCTION"),
        _report("c", "d3", "2023-03-02", ("usa",), ("rus",), "SANCTION"),
    ]
    assert _groups(reports) == [{"a", "c"}, {"b"}]


_DATES = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@given(st.lists(st.tuples(st.integers(0, 3), _DATES, st.booleans()), max_size=25), st.randoms())
def test_every_report_is_in_one_cluster_whatever_the_order(
    rows: list[tuple[int, str | None, bool]], shuffle: st.SearchStrategy[object]
) -> None:
    reports = [
        _report(f"e{k}", f"d{doc}", date, recipients=("nato",) if one_way else (), kind="CONSULT")
        for k, (doc, date, one_way) in enumerate(rows)
    ]
    found = [r.id for c in cluster(reports, _CALLS) for r in c.reports]
    assert sorted(found) == sorted(r.id for r in reports)
    shuffled = list(reports)
    shuffle.shuffle(shuffled)  # type: ignore[attr-defined]
    assert _groups(shuffled) == _groups(reports)


def test_the_2022_and_2024_defence_calls_are_two_clusters(
    resources: Resources, shared: Path, tmp_path: Path
) -> None:
    read = read_paths([shared / "samples"], resources.settings)
    documents = [d for d in read if isinstance(d, Document)]
    with Store.open(tmp_path / "h.db") as store:
        for document in documents:
            store.save(process(document, resources))
        events = store.events(actor="Lloyd Austin", type="CONSULT")
    dates = [c.date for c in cluster(events, _CALLS)]
    # The two calls the articles report, and the two earlier ones they mention, stay apart.
    assert {"2022-10-21", "2024-06-25", "2022-05-13", "2023-03"} <= set(dates), dates
    assert not any(c.date and len(c.documents) > 1 for c in cluster(events, _CALLS))


def test_a_background_mention_joins_the_act_it_refers_to() -> None:
    told = _report("news", "d1", "2022-05-13")
    recalled = dataclasses.replace(_report("recalled", "d2", "2022-05-13"), historical=True)
    later = _report("later", "d2", "2022-10-21")
    assert _groups([told, recalled, later]) == [{"later"}, {"news", "recalled"}]


def test_differing_tolls_are_each_kept_with_their_report() -> None:
    a = dataclasses.replace(_report("a", "d1", "2023-03-01", kind="ASSAULT"), dead=4, injured=10)
    b = dataclasses.replace(_report("b", "d2", "2023-03-01", kind="ASSAULT"), dead=6)
    (merged,) = cluster([a, b], _CALLS)
    assert (merged.dead, merged.injured) == ((4, 6), (10,))
    plain = as_json(merged)
    assert (plain["dead"], plain["injured"]) == ([4, 6], [10])
    assert [r["dead"] for r in plain["reports"]] == [4, 6]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Aleppo", "Aleppo", True),
        ("Aleppo", None, True),  # told by one report only
        ("Damascus", "Syria", True),  # a state and a place in it
        ("Syria", "Aleppo", True),
        ("Aleppo", "Idlib", False),  # two towns: two acts
        ("Damascus", "Iraq", False),
        ("Syria", "Iraq", False),
    ],
)
def test_places_agree_when_equal_told_once_or_a_state_and_a_place_in_it(
    resources: Resources, first: str, second: str | None, same: bool
) -> None:
    assert same_place(first, second, whereabouts(resources)) is same
    a = dataclasses.replace(_report("a", "d1", "2018-04-14", kind="ASSAULT"), place=first)
    b = dataclasses.replace(_report("b", "d2", "2018-04-14", kind="ASSAULT"), place=second)
    assert len(clustered([a, b], resources)) == (1 if same else 2)

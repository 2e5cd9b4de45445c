"""Storylines: acts between the same parties or offices as one thread, and claims checked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from hadath import stories
from hadath.claims import Claim, find_claims
from hadath.cli import main
from hadath.clusters import Cluster
from hadath.earlier import RULE as DERIVED_RULE
from hadath.ingest import read_paths
from hadath.model import Analysis, Document, Span, TimeValue
from hadath.pipeline import process
from hadath.resources import Resources
from hadath.store import EventRecord, Store

Analyse = Callable[..., Analysis]
AUSTIN, SHOIGU, BELOUSOV = "lloyd-austin", "sergei-shoigu", "andrey-belousov"


@pytest.mark.parametrize(
    ("text", "wording", "since", "gap_days"),
    [
        (
            "وهي الزيارة الأولى من نوعها منذ يناير 2019.",
            "الأولى من نوعها منذ يناير 2019",
            "2019-01",
            None,
        ),
        ("اجتمع الوزيران لأول مرة منذ أشهر.", "لأول مرة منذ أشهر", None, 60),
        (
            "بحثا في أول لقاء بينهما منذ نحو عامين الحدود.",
            "أول لقاء بينهما منذ نحو عامين",
            None,
            365,
        ),
        (
            "جرى أول اتصال منذ ما يربو على ثلاثة أعوام.",
            "أول اتصال منذ ما يربو على ثلاثة أعوام",
            None,
            1095,
        ),
        ("تحادثا للمرة الأولى منذ أكثر من عام.", "الأولى منذ أكثر من عام", None, 365),
        ("التقيا للمرة الأولى منذ أسبوعين.", "الأولى منذ أسبوعين", None, 14),
        (
            "وتعود آخر مكالمة بين الوزيرين إلى 13 مايو.",
            "آخر مكالمة بين الوزيرين إلى 13 مايو",
            "2024-05-13",
            None,
        ),
        (
            "وكانت آخر زيارة له للعاصمة في 2012 قبل القطيعة.",
            "آخر زيارة له للعاصمة في 2012",
            "2012",
            None,
        ),
    ],
)
def test_a_first_since_claim_gives_its_date_or_least_time(
    analyse: Analyse,
    resources: Resources,
    text: str,
    wording: str,
    since: str | None,
    gap_days: int | None,
) -> None:
    analysis = analyse(text, "2024-06-26")
    words = resources.events.stories
    assert words is not None
    (claim,) = find_claims(analysis.tokens, analysis.times, words, resources.time)
    assert claim.span.of(text) == wording
    assert (claim.since.value if claim.since else None, claim.gap_days) == (since, gap_days)


@pytest.mark.parametrize(
    "text",
    [
        "أول زيارة له منذ توليه منصبه.",  # since an event, not a date: nothing to check
        "وصل الوفد الأول إلى المدينة أمس.",
        "يعيش في المدينة منذ عام 2010.",
        "وقع هجوم آخر في 13 مايو.",  # "another" attack: "آخر" after its noun
        "آخر الأنباء من المدينة في 13 مايو.",  # the latest news: no act
    ],
)
def test_no_claim_without_a_first_word_and_a_readable_time(
    analyse: Analyse, resources: Resources, text: str
) -> None:
    analysis = analyse(text, "2024-06-26")
    assert resources.events.stories is not None
    found = find_claims(analysis.tokens, analysis.times, resources.events.stories, resources.time)
    assert found == ()


@pytest.mark.parametrize(
    ("actor", "date", "key"),
    [
        (AUSTIN, "2022-10-21", "Minister of Defence|USA"),
        (SHOIGU, "2022-10", "Minister of Defence|RUS"),
        (BELOUSOV, "2024-06-25", "Minister of Defence|RUS"),
        (SHOIGU, "2024-06-25", "Secretary of the Security Council|RUS"),
        (AUSTIN, "2019-05-01", AUSTIN),  # before he took office
        ("abdul-haq-wasiq", "2023-01-01", "abdul-haq-wasiq"),  # an office of several holders
        ("russia", "2022-10-21", "russia"),
    ],
)
def test_a_person_takes_part_as_the_one_holder_office_held_that_day(
    resources: Resources, actor: str, date: str, key: str
) -> None:
    assert stories.party(actor, date, resources.actors) == key


def _report(
    event_id: str, date: str, actors: tuple[str, ...], kind: str = "CONSULT", **more: object
) -> EventRecord:
    values: dict[str, object] = {
        "document_id": f"doc-{event_id}", "mode": None, "historical": False, "negated": False,
        "evidence_text": "", "rule": "consult.phone.call", "confidence": 0.9,
        "document_title": None, "outlet": f"outlet-{event_id}", "published": date,
        "date_precision": {4: "year", 7: "month"}.get(len(date), "day"),
        "actors": actors, "recipients": (), "actor_ids": actors, "evidence_end": 100,
    } | more  # fmt: skip
    return EventRecord(id=event_id, type=kind, date=date, **values)  # type: ignore[arg-type]


def _act(report: EventRecord) -> Cluster:
    date = report.date
    return Cluster(
        f"act-{report.id}", report.type, report.actor_ids, (), date, (date or "",), (report,)
    )


def _threads(resources: Resources, *reports: EventRecord) -> tuple[stories.Story, ...]:
    assert resources.events.stories is not None
    return stories.threads(map(_act, reports), resources.actors, resources.events.stories)


def test_successive_holders_of_the_same_offices_are_one_thread_of_their_family(
    resources: Resources,
) -> None:
    found = _threads(
        resources,
        _report("2024", "2024-06-25", (AUSTIN, BELOUSOV)),
        _report("2022", "2022-10-21", (SHOIGU, AUSTIN)),
        _report("2023", "2023-03", (AUSTIN, SHOIGU)),
        _report("deal", "2022-10-22", (AUSTIN, SHOIGU), "AGREE"),
        _report("alone", "2022-10-23", (AUSTIN,)),
    )
    talks, deals = found
    assert [a.date for a in talks.acts] == ["2022-10-21", "2023-03", "2024-06-25"]
    assert talks.family == "talks"
    assert talks.parties == ("Minister of Defence|RUS", "Minister of Defence|USA")
    assert (deals.family, [a.id for a in deals.acts]) == ("cooperation", ["act-deal"])


@given(st.lists(st.dates().map(lambda d: d.isoformat()), max_size=12))
def test_every_dated_act_of_two_parties_is_in_one_thread_in_date_order(
    resources: Resources, days: list[str]
) -> None:
    reports = [_report(f"e{k}", day, ("usa", "russia")) for k, day in enumerate(days)]
    found = _threads(resources, *reports)
    held = [a.id for s in found for a in s.acts]
    assert sorted(held) == sorted(f"act-e{k}" for k in range(len(days)))
    assert all([a.date for a in s.acts] == sorted(a.date or "" for a in s.acts) for s in found)


def _story(*reports: EventRecord) -> stories.Story:
    acts = tuple(_act(r) for r in reports)
    return stories.Story("s", "talks", ("a", "b"), acts)


_LATER = _report("later", "2024-06-25", (AUSTIN, BELOUSOV))
_YEAR = Claim(Span(0, 5), gap_days=365)
_MONTHS = Claim(Span(0, 5), gap_days=60)
_MARCH = Claim(Span(0, 5), since=TimeValue("2023-03", "month"))


@pytest.mark.parametrize(
    ("claim", "earlier", "verdict", "previous", "conflicts"),
    [
        (_YEAR, ["2022-10-21"], "consistent", "2022-10-21", []),
        (_YEAR, ["2022-10-21", "2023-12-13"], "contradicted", "2023-12-13", ["2023-12-13"]),
        (_MARCH, ["2023-03-15"], "consistent", "2023-03-15", []),
        (_MARCH, ["2023-03", "2023-04-02"], "contradicted", "2023-04-02", ["2023-04-02"]),
        (_MONTHS, ["2024-06-24"], "unchecked", None, []),  # the same act, a day off
        (_MONTHS, [], "unchecked", None, []),
    ],
)  # fmt: skip
def test_a_claim_is_checked_against_the_acts_of_its_type_before_its_act(
    claim: Claim, earlier: list[str], verdict: str, previous: str | None, conflicts: list[str]
) -> None:
    reports = [_report(f"r{k}", day, (AUSTIN, SHOIGU)) for k, day in enumerate(earlier)]
    story = _story(*reports, _report("deal", "2024-01-10", (AUSTIN, SHOIGU), "AGREE"), _LATER)
    act = next(a for a in story.acts if a.id == "act-later")
    found = stories.check(story, act, _LATER, claim, "…")
    assert found.verdict == verdict
    assert (found.previous.date if found.previous else None) == previous
    assert [c.date for c in found.conflicts] == conflicts


def test_an_act_known_only_from_the_claim_itself_does_not_bear_it_out() -> None:
    derived = _report(
        "then", "2023-03", (AUSTIN, SHOIGU), rule=DERIVED_RULE, document_id="doc-later"
    )
    story = _story(derived, _LATER)
    found = stories.check(story, story.acts[-1], _LATER, _MARCH, "…")
    assert found.verdict == "unchecked"


# A call invented for this test, between the two reported ones: the later article's claims
# that its call was the first in over a year, and the first since March 2023, then fail.
_DECEMBER_CALL = (
    "أجرى وزير الدفاع الأمريكي لويد أوستن اتصالا هاتفيا بنظيره الروسي سيرغي شويغو يوم "
    "الأربعاء، وبحث الوزيران سبل تفادي التصعيد."
)


def _store_samples(resources: Resources, shared: Path, path: Path, *more: Document) -> Store:
    read = read_paths([shared / "samples"], resources.settings)
    store = Store.open(path)
    for document in [d for d in read if isinstance(d, Document)] + list(more):
        store.save(process(document, resources))
    return store


def test_the_defence_calls_are_one_storyline_whose_claims_hold(
    resources: Resources, shared: Path, tmp_path: Path
) -> None:
    with _store_samples(resources, shared, tmp_path / "h.db") as store:
        (talks,) = [
            s
            for s in stories.stories(store, resources, "Lloyd Austin")
            if s.family == "talks" and len(s.acts) > 1
        ]
        found = stories.story(store, resources, talks.acts[-1].reports[0].id)
    assert found is not None and found.id == talks.id
    assert [a.date for a in found.acts] == ["2022-05-13", "2022-10-21", "2023-03", "2024-06-25"]
    assert len({d for a in found.acts for d in a.documents}) == 2
    # First for months, first in over a year, first since March 2023, last one on 13 May.
    claimed = {(c.since, c.gap_days) for c in found.checks}
    assert claimed == {(None, 60), (None, 365), ("2023-03", None), ("2022-05-13", None)}
    assert {c.verdict for c in found.checks} == {"consistent"}


def test_a_call_the_claims_deny_is_shown_as_a_contradiction(
    resources: Resources, shared: Path, tmp_path: Path
) -> None:
    december = Document(
        "december",
        _DECEMBER_CALL,
        outlet="example.org",
        published="2023-12-14",
        published_precision="day",
    )
    with _store_samples(resources, shared, tmp_path / "h.db", december) as store:
        called = store.events(actor="Lloyd Austin", date_from="2023-12-13", date_to="2023-12-13")
        assert called, "the invented call must be coded for this test to mean anything"
        found = stories.story(store, resources, called[0].id)
    assert found is not None
    later = [c for c in found.checks if c.act == found.acts[-1].id]
    assert later and {c.verdict for c in later} == {"contradicted"}
    assert {o.date for c in later for o in c.conflicts} == {"2023-12-13"}
    early = [c for c in found.checks if c.act != found.acts[-1].id]
    assert {c.verdict for c in early} == {"consistent"}


def test_the_story_commands_list_show_and_refuse(
    resources: Resources, shared: Path, tmp_path: Path
) -> None:
    db = tmp_path / "h.db"
    _store_samples(resources, shared, db).close()
    listed = CliRunner().invoke(
        main, ["stories", "--db", str(db), "--actor", "Lloyd Austin", "--format", "json"]
    )
    assert listed.exit_code == 0, listed.output
    (talks,) = [json.loads(line) for line in listed.output.splitlines()]
    assert talks["parties"] == ["Minister of Defence|RUS", "Minister of Defence|USA"]
    shown = CliRunner().invoke(main, ["story", talks["id"], "--db", str(db), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    story = json.loads(shown.output)
    assert [a["date"] for a in story["acts"]] == [
        "2022-05-13",
        "2022-10-21",
        "2023-03",
        "2024-06-25",
    ]
    assert all(c["verdict"] == "consistent" for c in story["checks"])
    table = CliRunner().invoke(main, ["story", talks["id"], "--db", str(db)])
    assert table.exit_code == 0 and "consistent" in table.output
    missing = CliRunner().invoke(main, ["story", "no-such-story", "--db", str(db)])
    assert missing.exit_code != 0 and "hadath stories" in missing.output


def test_the_timeline_names_the_outlets_that_republished_a_report(
    resources: Resources, shared: Path, tmp_path: Path
) -> None:
    read = read_paths([shared / "samples"], resources.settings)
    first = next(d for d in read if isinstance(d, Document))
    again = Document("reposted", first.text + "\nنقلا عن وكالات", outlet="mirror.example")
    db = tmp_path / "h.db"
    _store_samples(resources, shared, db, again).close()
    args = ["timeline", "--db", str(db), "--actor", "Lloyd Austin", "--type", "CONSULT"]
    shown = CliRunner().invoke(main, [*args, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    reports = [r for line in shown.output.splitlines() for r in json.loads(line)["reports"]]
    copied = {r["document_id"] == first.id: [c["outlet"] for c in r["copies"]] for r in reports}
    assert copied == {True: ["mirror.example"], False: []}
    table = CliRunner(env={"COLUMNS": "400"}).invoke(main, args)
    assert "(also mirror.example)" in table.output


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Minister of Defence (USA)", "Minister of Defence|USA"),
        ("Minister of Defence|RUS", "Minister of Defence|RUS"),
        (" President (FRA) ", "President|FRA"),
        ("Lloyd Austin", None),
        ("Minister of Magic (USA)", None),
        ("Minister of Defence (XYZ)", None),
    ],
)
def test_an_office_is_named_as_the_tables_show_it_or_by_its_key(
    resources: Resources, written: str, key: str | None
) -> None:
    assert stories.office_key(written, resources.actors) == key


def test_the_timeline_of_two_offices_spans_their_successive_holders(
    resources: Resources, shared: Path, tmp_path: Path
) -> None:
    db = tmp_path / "h.db"
    _store_samples(resources, shared, db).close()
    args = ["timeline", "--db", str(db), "--actor", "Minister of Defence (USA)", "--with"]
    shown = CliRunner().invoke(main, [*args, "Minister of Defence|RUS", "--format", "json"])
    assert shown.exit_code == 0, shown.output
    acts = [json.loads(line) for line in shown.output.splitlines()]
    assert [a["date"] for a in acts] == ["2022-05-13", "2022-10-21", "2023-03", "2024-06-25"]
    assert {p for a in acts for p in a["actors"]} == {AUSTIN, SHOIGU, BELOUSOV}

"""Terms of office: partial dates, one holder at a time, and the coverage the files promise."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from hadath.errors import LexiconError
from hadath.lexicons.actors import _by_office, load_actor_kb
from hadath.lexicons.load import load_yaml
from hadath.lexicons.terms import Target, Term, gaps, load_coverage, overlaps, terms
from hadath.model import Actor, Role
from hadath.resources import Resources
from hadath.tokenize import TextRules

TODAY = dt.date(2026, 11, 23)
D = dt.date.fromisoformat


def _term(person: str, start: str, end: str, office: str = "Minister of Defence") -> Term:
    return Term(person, office, "RUS", D(start), D(start), D(end), D(end), False, "test")


# --- the shipped data ----------------------------------------------------------------------------


def test_no_two_people_hold_a_single_holder_office_at_once() -> None:
    shared = frozenset(o["office"] for o in load_yaml("actors/offices.yaml") if o.get("shared"))
    assert overlaps(terms(TODAY), shared) == []


def test_every_office_coverage_yaml_names_has_a_holder_on_every_day() -> None:
    coverage, all_terms = load_coverage(TODAY), terms(TODAY)
    missing = [
        f"{'|'.join(t.labels)} ({t.country or 'international'}): {a} .. {b}"
        for t in coverage.targets
        for a, b in gaps(all_terms, t, coverage.vacancies)
        if b - a > coverage.tolerance
    ]
    assert missing == []


def test_coverage_names_at_least_sixty_states() -> None:
    countries = {t.country for t in load_coverage(TODAY).targets if t.country}
    assert len(countries) >= 60


# --- partial dates and holders -------------------------------------------------------------------


def _add_person(monkeypatch: pytest.MonkeyPatch, role: dict[str, object]) -> None:
    """Make the people files list one more Russian defence minister with the given role keys."""
    import hadath.lexicons.actors as module

    real = module.load_yaml
    person = {"id": "testa", "name": "Testa", "country": "RUS", "arabic": ["تيستا"],
              "roles": [{"office": "Minister of Defence", "country": "RUS", **role}]}  # fmt: skip

    def fake(relative: str) -> object:
        return [*real(relative), person] if relative == "actors/people/rus.yaml" else real(relative)

    monkeypatch.setattr(module, "load_yaml", fake)


@pytest.mark.parametrize(
    ("start", "end", "date", "active"),
    [
        ("2014-05", "2016", "2014-05-20", True),  # inside the start month
        ("2014-05", "2016", "2014-04-30", False),
        ("2012-11-06", "2024-05", "2024-05-20", True),  # the end month may still hold it
        ("2012-11-06", "2024-05", "2024-06-01", False),
        ("2012-11-06", "2024-05-12", "2024", True),  # a year query finds the whole year's holders
        ("2012-11-06", "2024-05-12", "2025", False),
        ("2000", None, "2026-11-23", True),
    ],
)
def test_holders_compare_dates_at_the_coarser_precision(
    resources: Resources, start: str, end: str | None, date: str, active: bool
) -> None:
    actor = Actor(
        "testa", "Testa", "person", "RUS", roles=(Role("Minister of Defence", "RUS", start, end),)
    )
    kb = dataclasses.replace(resources.actors, by_office=_by_office({"testa": actor}))
    assert (kb.holders("Minister of Defence", "RUS", date) == (actor,)) is active


def test_month_precision_roles_load(monkeypatch: pytest.MonkeyPatch, text_rules: TextRules) -> None:
    _add_person(monkeypatch, {"start": "1991-05", "end": 1992})
    kb = load_actor_kb(text_rules)
    assert kb.actors["testa"].roles[0].start == "1991-05"
    assert kb.actors["testa"].roles[0].end == "1992"
    assert [a.id for a in kb.holders("Minister of Defence", "RUS", "1991-12-01")] == ["testa"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": "1991-13"}, "not an ISO date"),
        ({"start": "2020-05", "end": "2020-04-30"}, "ends before it starts"),
        ({"strat": "2020-05"}, "unknown key"),
    ],
)
def test_bad_roles_are_refused(
    monkeypatch: pytest.MonkeyPatch, text_rules: TextRules, change: dict[str, str], message: str
) -> None:
    _add_person(monkeypatch, change)
    with pytest.raises(LexiconError, match=message):
        load_actor_kb(text_rules)


def test_an_id_listed_in_two_people_files_is_refused(
    monkeypatch: pytest.MonkeyPatch, text_rules: TextRules
) -> None:
    import hadath.lexicons.actors as module

    real = module.load_yaml
    twice = real("actors/people/rus.yaml")[0]

    def fake(relative: str) -> object:
        return [*real(relative), twice] if relative == "actors/people/usa.yaml" else real(relative)

    monkeypatch.setattr(module, "load_yaml", fake)
    with pytest.raises(LexiconError, match="listed twice"):
        load_actor_kb(text_rules)


# --- overlaps and gaps on made-up terms ----------------------------------------------------------


def test_a_handover_on_the_same_day_is_not_an_overlap() -> None:
    a, b = _term("a", "2010-01-01", "2012-05-07"), _term("b", "2012-05-07", "2015-01-01")
    assert overlaps([a, b], frozenset()) == []


def test_two_holders_at_once_are_reported_unless_shared_or_concurrent() -> None:
    a, b = _term("a", "2010-01-01", "2013-01-01"), _term("b", "2012-05-07", "2015-01-01")
    assert "a and b overlap from 2012-05-07 to 2013-01-01" in overlaps([a, b], frozenset())[0]
    assert overlaps([a, b], frozenset({"Minister of Defence"})) == []
    assert overlaps([a, dataclasses.replace(b, concurrent=True)], frozenset()) == []


def test_month_precision_terms_overlap_only_when_certain() -> None:
    a = Term("a", "X", None, D("2010-01-01"), D("2010-01-01"), D("2012-05-01"), D("2012-05-31"),
             False, "t")  # fmt: skip
    b = Term("b", "X", None, D("2012-05-01"), D("2012-05-31"), D("2014-01-01"), D("2014-01-01"),
             False, "t")  # fmt: skip
    assert overlaps([a, b], frozenset()) == []


def test_gaps_subtract_holders_and_vacancies() -> None:
    target = Target(("Minister of Defence",), "RUS", D("2000-01-01"), D("2010-01-01"))
    held = [_term("a", "1999-01-01", "2003-01-01"), _term("b", "2004-01-01", "2008-01-01")]
    vacancy = Target(("Minister of Defence",), "RUS", D("2008-01-01"), D("2009-01-01"))
    assert gaps(held, target, [vacancy]) == [
        (D("2003-01-01"), D("2004-01-01")),
        (D("2009-01-01"), D("2010-01-01")),
    ]


def test_terms_read_partial_dates_as_their_widest_and_narrowest_days() -> None:
    (term,) = [t for t in terms(TODAY) if t.person == "sergei-shoigu" and "Defence" in t.office]
    assert term.earliest == term.latest_start == D("2012-11-06")
    assert term.earliest_end == term.latest == D("2024-05-12")

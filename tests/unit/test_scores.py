"""Tests for hadath.scores: the rate helpers and the report's look-ups."""

from __future__ import annotations

import pytest

from hadath.scores import LEVELS, LevelScore, Rate, Report, f1, rate, ratio


@pytest.mark.parametrize(
    ("hits", "total", "expected"), [(1, 4, 0.25), (0, 3, 0.0), (0, 0, 0.0), (2, 2, 1.0)]
)
def test_ratio(hits: int, total: int, expected: float) -> None:
    assert ratio(hits, total) == expected


@pytest.mark.parametrize(
    ("precision", "recall", "expected"),
    [(1.0, 0.5, 2 / 3), (0.5, 0.5, 0.5), (1.0, 0.0, 0.0), (0.0, 0.0, 0.0)],
)
def test_f1(precision: float, recall: float, expected: float) -> None:
    assert f1(precision, recall) == pytest.approx(expected)


def test_rate_over_nothing_has_no_value() -> None:
    assert rate(3, 4) == Rate(3, 4, 0.75)
    assert rate(0, 0) == Rate(0, 0, None)


def test_report_levels_by_name() -> None:
    rows = tuple(LevelScore(level, 2, 1, 1, 1, 0, 0.5, 1.0, 2 / 3) for level in LEVELS)
    empty = rate(0, 0)
    report = Report(rows, (), empty, empty, empty, empty, empty, empty, empty, ())
    assert report.level("dyad") is rows[1]
    assert report.type_score("dyad", "AID") is None
    assert report.to_dict()["levels"]["full"]["f1"] == 2 / 3
    with pytest.raises(KeyError, match="use one of type, dyad, full"):
        report.level("actor")

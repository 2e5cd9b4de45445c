"""Forms a trigger entry expands to: verbs, participles, nouns, light verbs and patterns."""

from __future__ import annotations

import pytest

from hadath.errors import LexiconError
from hadath.lexicons.morphology import VERB, Morphology, load_morphology


@pytest.fixture(scope="module")
def morph() -> Morphology:
    return load_morphology()


@pytest.mark.parametrize(
    ("pair", "expected", "absent"),
    [
        ("أدان/يدين", {"أدان", "أدانت", "أدانوا", "يدين", "تدين", "يدينان", "يدينون"}, set()),
        ("استنكر/يستنكر", {"استنكرت", "استنكرا", "تستنكر", "يستنكرون"}, set()),
        ("دعا/يدعو", {"دعا", "دعت", "يدعو", "تدعو", "يدعوان"}, {"دعات", "دعاوا"}),
        ("أجرى/يجري", {"أجرى", "أجرت", "يجري", "تجري"}, {"أجرىت"}),
        ("هاتف", {"هاتف", "هاتفت", "هاتفا"}, set()),
    ],
)
def test_verb_forms(morph: Morphology, pair: str, expected: set[str], absent: set[str]) -> None:
    forms = set(morph.verb(pair))
    assert expected <= forms
    assert not absent & forms


def test_participle_and_noun_forms(morph: Morphology) -> None:
    assert {"محذر", "محذرا", "محذرة", "محذرين"} <= set(morph.participle("محذر"))
    assert morph.noun("إدانة") == ("إدانة", "إدانت")
    assert morph.noun("استنكار") == ("استنكار",)


def test_a_pattern_expands_every_word(morph: Morphology) -> None:
    forms = morph.pattern("@express عن إدانة")
    assert ((VERB + "أعربت", "عن", "إدانت"),) in forms  # verb forms carry the VERB mark
    assert ((VERB + "يعبر", "عن", "إدانة"),) in forms
    gapped = morph.pattern("استدعى/يستدعي ... السفير")
    assert ((VERB + "استدعت",), ("السفير",)) in gapped


@pytest.mark.parametrize("bad", ["@nosuchgroup عن", "أدان/دين", "... السفير", "/يدين"])
def test_bad_patterns_are_refused(morph: Morphology, bad: str) -> None:
    with pytest.raises(LexiconError):
        morph.pattern(bad)

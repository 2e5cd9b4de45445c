"""Casualty counts a sentence states: "مقتل أربعة أشخاص وإصابة أكثر من 150 آخرين"."""

from __future__ import annotations

from collections.abc import Sequence

from hadath.lexicons.casualties import CasualtyWords
from hadath.model import Token
from hadath.timeexpr import count_at
from hadath.timewords import TimeLexicon

_BEFORE_GAP = 1  # words between the word a count follows and the count
_AFTER_GAP = 3  # words between a count and the word after it ("25 حوثيا قتلوا")


def _counted(
    tokens: Sequence[Token], time: TimeLexicon, before: frozenset[str], after: frozenset[str]
) -> int | None:
    """The first count after a `before` word, or followed a few words on by an `after` word."""
    for i, token in enumerate(tokens):
        if token.stem in before:
            # A word may come between ("قتل فيها سبعة").
            for at in range(i + 1, i + 2 + _BEFORE_GAP):
                _, number, _ = count_at(time, tokens, at)
                if number is not None:
                    return number
        end, number, _ = count_at(time, tokens, i)
        if number is not None and any(t.stem in after for t in tokens[end : end + _AFTER_GAP + 1]):
            return number
    return None


def toll(
    tokens: Sequence[Token], time: TimeLexicon, words: CasualtyWords
) -> tuple[int | None, int | None]:
    """The dead and the injured a sentence counts, each None where it gives no number."""
    dead = _counted(tokens, time, words.dead_before, words.dead_after)
    injured = _counted(tokens, time, words.injured_before, words.injured_after)
    return dead, injured

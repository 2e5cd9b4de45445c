"""Dual titles: "الرئيسان الأمريكي والروسي" names the two states' holders of the office."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hadath.lexicons.actors import ActorKB
from hadath.model import Mention, Span, Token

_NISBAS = 3  # nisba adjectives a dual may take ("الرئيسان الأمريكي والروسي والفرنسي")
SCORE = 0.6


def _offices_at(
    tokens: Sequence[Token], i: int, duals: Mapping[tuple[str, ...], tuple[str, ...]]
) -> tuple[tuple[str, ...], int]:
    """The offices a dual title starting at token i names, and the tokens it takes."""
    forms = {form for form, _ in tokens[i].readings or ((tokens[i].norm, 0),)}
    for words, offices in duals.items():
        rest = tokens[i + 1 : i + len(words)]
        if words[0] in forms and [t.norm for t in rest] == list(words[1:]):
            return offices, len(words)
    return (), 0


def _with_nisbas(
    kb: ActorKB, tokens: Sequence[Token], i: int, offices: Sequence[str], date: str | None
) -> list[Mention]:
    """One person mention per nisba from token i on, each the holder of its state's office."""
    out: list[Mention] = []
    j = i
    while j < len(tokens) and len(out) < _NISBAS:
        hit = kb.nisba.match(tokens, j)
        if hit is None:
            break
        state = kb.actors[hit[1][0]]
        span = Span(kb.nisba.start_of(tokens[j]), tokens[j + hit[0] - 1].span.end)
        for office in offices:
            person = kb.sole_holder(office, state.country, date)
            if person is not None:
                out.append(Mention(span, "person", person, SCORE, "dual", office, state.country))
                break
        j += hit[0]
    return out


def resolve_duals(
    kb: ActorKB, tokens: Sequence[Token], mentions: Sequence[Mention], date: str | None
) -> tuple[Mention, ...]:
    """Add the people dual titles with nisbas name; the nisbas stop standing for the states.
    A bare dual ("وقع الوزيران") is left alone: it refers back to two people named before."""
    out = list(mentions)
    for i in range(len(tokens)):
        offices, size = _offices_at(tokens, i, kb.dual_titles)
        if not offices:
            continue
        named = _with_nisbas(kb, tokens, i + size, offices, date)
        spans = {m.span for m in named}
        out = [m for m in out if m.span not in spans] + named
    return tuple(sorted(out, key=lambda m: m.span))

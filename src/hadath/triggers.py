"""Trigger matching: where the lexicon's patterns occur in a sentence's tokens."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from hadath.lexicons.events import EventLexicon
from hadath.lexicons.morphology import VERB
from hadath.model import Mention, Token
from hadath.tokenize import token_at
from hadath.unsaid import Found

_TITLE_WORDS = 4  # words of a title that may stand between a verb and its subject's name


def _bare(stem: str, suffix: str) -> str:
    """The stem without a tolerated final letter ("اتصالا" -> "اتصال"), or "" when it has none."""
    return stem[: -len(suffix)] if suffix and len(stem) > 3 and stem.endswith(suffix) else ""


def verb_readings(token: Token, verbs: frozenset[str]) -> set[str]:
    """The token as a verb: its written form without a conjunction (verb proclitic) and
    without an object pronoun ("ووجهته" -> وجهته، وجهت). No other proclitic is removed, so
    "لرفضها" and "بحثت" are not read as the verbs رفض and حثت."""
    forms = {token.norm, *(token.norm[len(p) :] for p in verbs if p and token.norm.startswith(p))}
    cut = token.suffix
    return forms | {f[: -len(cut)] for f in forms if cut and f.endswith(cut) and len(f) > len(cut)}


def _word_matches(token: Token, word: str, suffix: str, verbs: frozenset[str]) -> bool:
    """Whether a token is a pattern word; a verb form is compared with the written word."""
    if word.startswith(VERB):
        return word[len(VERB) :] in verb_readings(token, verbs)
    return word in (token.stem, token.norm) or _bare(token.stem, suffix) == word


def match_part(
    tokens: Sequence[Token],
    i: int,
    part: tuple[str, ...],
    suffix: str = "",
    verbs: frozenset[str] = frozenset({""}),
) -> int | None:
    if i + len(part) > len(tokens):
        return None
    if all(_word_matches(tokens[i + k], w, suffix, verbs) for k, w in enumerate(part)):
        return i + len(part)
    return None


def _reach(start: int, gap: int, count: int, names: Mapping[int, int]) -> Iterator[int]:
    """The token indices where the next part of a pattern may start: up to `gap` words on.
    A name right after the first part, or after the few words of a title, is the verb's
    subject, and counts as one word however many it has ("وجه رئيس الوزراء الياباني فوميو
    كيشيدا من مكتبه … دعوة")."""
    j = start
    for _ in range(gap + 1):
        if j >= count:
            return
        yield j
        j = names.get(j, j + 1) if j - start <= _TITLE_WORDS else j + 1


def _match(
    tokens: Sequence[Token],
    i: int,
    pattern: tuple[tuple[str, ...], ...],
    lex: EventLexicon,
    names: Mapping[int, int],
) -> int | None:
    """Return the index after the pattern matched at i, or None."""
    suffix, verbs, gap = lex.tolerated_suffix, lex.verb_proclitics, lex.max_gap
    end = match_part(tokens, i, pattern[0], suffix, verbs)
    for part in pattern[1:]:
        if end is None:
            return None
        nxt = None
        for j in _reach(end, gap, len(tokens), names):
            if not tokens[j].is_word and tokens[j].norm in ".?!":
                break
            if (nxt := match_part(tokens, j, part, suffix, verbs)) is not None:
                break
        end = nxt
    return end


def _longest_at(
    lex: EventLexicon, tokens: Sequence[Token], i: int, names: Mapping[int, int]
) -> tuple[Found, bool] | None:
    """The longest pattern that starts at token i, and whether words stand in its gaps."""
    best: tuple[Found, bool] | None = None
    stem = tokens[i].stem
    keys = {stem, _bare(stem, lex.tolerated_suffix), *verb_readings(tokens[i], lex.verb_proclitics)}
    for trigger, pattern in (c for key in keys for c in lex.by_first_word.get(key, ())):
        end = _match(tokens, i, pattern, lex, names)
        if end is not None and (best is None or end > best[0][2]):
            gapped = end - i > sum(len(part) for part in pattern)
            best = (trigger, i, end, pattern[0][0].startswith(VERB)), gapped
    return best


def find_triggers(
    lex: EventLexicon, tokens: Sequence[Token], mentions: Sequence[Mention] = ()
) -> Iterator[Found]:
    """Yield (trigger, first token, end token, whether it opens with a verb) for the longest
    pattern at each position. A pattern of another type inside the gap of one is an act of its
    own ("هنأ … في اتصال هاتفي نظيره …": thanks, and a call). A name that opens a gap counts
    as one word."""
    names = _name_ends(tokens, mentions)
    i = 0
    while i < len(tokens):
        found = _longest_at(lex, tokens, i, names)
        if found is None:
            i += 1
            continue
        outer, gapped = found
        yield outer
        j = i + 1
        while gapped and j < outer[2]:
            inner = _longest_at(lex, tokens, j, names)
            if inner and inner[0][0].type != outer[0].type and inner[0][2] <= outer[2]:
                yield inner[0]
                j = inner[0][2]
            else:
                j += 1
        i = outer[2]


def _name_ends(tokens: Sequence[Token], mentions: Sequence[Mention]) -> dict[int, int]:
    """For each name of several words, the index of its first token and of the token after it."""
    ends = {}
    for mention in mentions:
        first, last = token_at(tokens, mention.span.start), token_at(tokens, mention.span.end - 1)
        if 0 <= first < last:
            ends[first] = last + 1
    return ends

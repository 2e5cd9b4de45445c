"""Surname back-references: a bare surname that names a person named in full earlier on."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from hadath.lexicons.actors import ActorKB
from hadath.model import Actor, Mention, Span, Token
from hadath.tokenize import TextRules

# Shorter one-word surnames are too often ordinary words or parts of other names.
_MIN_LETTERS = 3
SCORE = 0.6


def surnames(words: Sequence[str], kb: ActorKB) -> tuple[tuple[str, ...], ...]:
    """Return the ways a full name may be shortened to its surname: everything after the given
    name, and the last word; nothing for a one-word name or a patronymic chain."""
    given = 2 if words and words[0] in kb.given_name_prefix else 1
    if len(words) <= given or any(w in kb.patronymic for w in words):
        return ()
    cuts = dict.fromkeys((tuple(words[given:]), (words[-1],)))
    return tuple(c for c in cuts if len("".join(c)) >= _MIN_LETTERS)


def _candidates(
    mentions: Iterable[Mention], text: str, rules: TextRules, kb: ActorKB
) -> dict[tuple[str, ...], tuple[str, int]]:
    """Surname -> (person, where the full name ends); a surname two people share, or that is
    someone's given name, is dropped."""
    found: dict[tuple[str, ...], tuple[str, int]] = {}
    clash: set[tuple[str, ...]] = set()
    for mention in mentions:
        if mention.kind != "person" or mention.actor_id is None or mention.office:
            continue
        words = _words(mention, text, rules)
        if len(words) > 1:  # a one-word mention may be the very surname being looked for
            clash.add(words[:1])
        for cut in surnames(words, kb):
            earlier = found.setdefault(cut, (mention.actor_id, mention.span.end))
            if earlier[0] != mention.actor_id:
                clash.add(cut)
    return {cut: value for cut, value in found.items() if cut not in clash}


def back_references(
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    text: str,
    rules: TextRules,
    kb: ActorKB,
    taken: Iterable[Span] = (),
) -> tuple[Mention, ...]:
    """Return the mentions with bare surnames resolved: new mentions where none was found, and
    tagged names that turn out to be the surname of someone named before. Spans in `taken`
    (time expressions: "5 ماي" is a date even after "تيريزا ماي") are left alone."""
    candidates = _candidates(mentions, text, rules, kb)
    if not candidates:
        return tuple(mentions)
    taken = [*taken, *(m.span for m in mentions if m.rule != "tagger")]
    out = [_retarget(m, candidates, text, rules) for m in mentions]
    # A handful of surnames per article: a dict of first words is cheaper than building a
    # phrase index (which tokenises every phrase) for each document.
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for surname in sorted(candidates, key=len, reverse=True):  # the longest surname first
        by_first.setdefault(surname[0], []).append(surname)
    i = 0
    while i < len(tokens):
        cut = _match(tokens, i, by_first)
        if cut is None:
            i += 1
            continue
        span = Span(tokens[i].span.start, tokens[i + len(cut) - 1].span.end)
        person, after = candidates[cut]
        if span.start >= after and not any(s.overlaps(span) for s in taken):
            out = [m for m in out if not m.span.overlaps(span)]
            out.append(Mention(span, "person", person, SCORE, rule="surname"))
        i += len(cut)
    return tuple(sorted(out, key=lambda m: m.span))


def _words(mention: Mention, text: str, rules: TextRules) -> tuple[str, ...]:
    return tuple(rules.normalizer(mention.span.of(text)).split())


def _match(
    tokens: Sequence[Token], i: int, by_first: Mapping[str, list[tuple[str, ...]]]
) -> tuple[str, ...] | None:
    """The surname starting at token i: its first word in any clitic reading ("وشويغو"), the
    rest as written."""
    forms = [form for form, _ in tokens[i].readings] or [tokens[i].norm]
    for form in forms:
        for cut in by_first.get(form, ()):
            rest = [t.norm for t in tokens[i + 1 : i + len(cut)]]
            if tuple(rest) == cut[1:]:
                return cut
    return None


def _retarget(
    mention: Mention, candidates: Mapping[tuple[str, ...], tuple[str, int]], text: str,
    rules: TextRules,
) -> Mention:  # fmt: skip
    if mention.rule != "tagger":
        return mention
    known = candidates.get(_words(mention, text, rules))
    if known is None or mention.span.start < known[1]:
        return mention
    return dataclasses.replace(mention, actor_id=known[0], rule="surname", score=SCORE)


def referenced(actors: Iterable[Actor], mentions: Iterable[Mention]) -> tuple[Actor, ...]:
    """Return the actors some mention still points to."""
    used = {m.actor_id for m in mentions}
    return tuple(a for a in actors if a.id in used)

"""Quotes stage: direct quotations and the speakers they are attributed to."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from hadath.arguments import BARE, introduced, roles, subject
from hadath.lexicons.events import EventLexicon
from hadath.model import Analysis, Mention, Quote, Span, Token
from hadath.resources import Resources
from hadath.tokenize import tokens_in

_MIN_WORDS = 3
_SUBJECT_WINDOW = 4  # words after a speech verb in which its subject (VSO) is named
_SPEAKERS = ("person", "organisation", "state", "group")


def quoted_spans(text: str, pairs: Sequence[tuple[str, str]], limit: int) -> Iterator[Span]:
    """Yield the inner spans of balanced quotations (not nested), left to right. A quotation
    ends within its paragraph: a mark whose partner lies past a line break is a stray one (or
    the closing mark of a quotation whose opening was missed) and opens nothing."""
    i = 0
    while i < len(text):
        pair = next((p for p in pairs if text[i] == p[0]), None)
        if pair is None:
            i += 1
            continue
        close = text.find(pair[1], i + 1, i + 1 + limit)
        if close == -1 or "\n" in text[i + 1 : close]:
            i += 1
            continue
        yield Span(i + 1, close)
        i = close + 1


def _cue(tokens: Sequence[Token], cues: frozenset[str], before: int) -> Token | None:
    candidates = [t for t in tokens if t.span.end <= before and t.stem in cues]
    return candidates[-1] if candidates else None


def _speaker(
    tokens: Sequence[Token],
    speakers: Sequence[Mention],
    sentence: Span,
    cue: Token | None,
    lex: EventLexicon,
    previous: str | None,
    told: Mention | None,
) -> str | None:
    """The speech verb's subject: a name right after it (VSO), else the sentence's first
    participant before it (SVO); for "قوله" the one named just before; for "وأضاف" the
    previous quotation's speaker; with no speech verb, the sentence's subject; else the
    previous sentence's subject (`told`) when a person, else the last person named before."""
    inside = [m for m in speakers if sentence.contains(m.span)]
    # A name after a preposition ("خلال اجتماع في البيت الأبيض") is not who spoke.
    marked = roles(tokens, inside, lex.arguments)
    bare = [m for m in inside if marked.get(m) == BARE]
    if cue is not None:
        before = [m for m in inside if m.span.end <= cue.span.start]
        if cue.stem in lex.noun_cues and before:
            people = [m for m in before if m.kind == "person"]
            return (people or before)[-1].actor_id
        limit = _limit(tokens, cue, sentence, lex)
        after = [m for m in bare if cue.span.end <= m.span.start < limit]
        if after:
            return introduced(tokens, inside, after[0]).actor_id
        if before:
            return introduced(tokens, inside, before[0]).actor_id
        if cue.stem in lex.continuations and previous is not None:
            return previous
    elif bare:
        # No speech verb: the sentence's subject says it ("وبعث X رسالة متعهدا بأن «…»").
        return introduced(tokens, inside, bare[0]).actor_id
    if told is not None and told.kind == "person":
        return told.actor_id
    earlier = [m for m in speakers if m.span.end <= sentence.start and m.kind == "person"]
    return earlier[-1].actor_id if earlier else None


def _told(
    analysis: Analysis, speakers: Sequence[Mention], sentence: Span, lex: EventLexicon
) -> Mention | None:
    """The subject of the sentence before this one: whom a "وقال" that names nobody continues."""
    prior = [s for s in analysis.sentences if s.end <= sentence.start]
    if not prior:
        return None
    inside = [m for m in speakers if prior[-1].contains(m.span)]
    return subject(tokens_in(analysis.tokens, prior[-1]), inside, lex.arguments)


def _limit(tokens: Sequence[Token], cue: Token, sentence: Span, lex: EventLexicon) -> int:
    """Where a subject after the speech verb must start by: within a few words, and before
    "إن"/"أن" (what follows them is what was said)."""
    near = tokens_in(tokens, Span(cue.span.end, sentence.end))[:_SUBJECT_WINDOW]
    for token in near:
        if token.norm in lex.complementizers:
            return token.span.start
    return near[-1].span.end if near else cue.span.end


def run(analysis: Analysis, resources: Resources) -> Analysis:
    """Find quotations and attribute each to the subject of its speech verb."""
    text = analysis.document.text
    rules = resources.text.sentences
    spans = [
        s
        for s in quoted_spans(text, rules.quotes, rules.max_quote_chars)
        if sum(t.is_word for t in tokens_in(analysis.tokens, s)) >= _MIN_WORDS
    ]
    # Names inside quotations are what was said, not who said it.
    speakers = [
        m
        for m in analysis.mentions
        if m.actor_id and m.kind in _SPEAKERS and not any(s.contains(m.span) for s in spans)
    ]
    quotes: list[Quote] = []
    lex = resources.events
    for span in spans:
        sentence = next((s for s in analysis.sentences if s.contains(span)), span)
        before = tokens_in(analysis.tokens, Span(sentence.start, span.start))
        cue = _cue(before, lex.cues, span.start)
        previous = quotes[-1].speaker_actor_id if quotes else None
        lead = Span(sentence.start, span.start)
        told = _told(analysis, speakers, sentence, lex)
        speaker = _speaker(analysis.tokens, speakers, lead, cue, lex, previous, told)
        quotes.append(Quote(span, speaker, cue.span if cue else None, span.of(text)))
    return dataclasses.replace(analysis, quotes=tuple(quotes))

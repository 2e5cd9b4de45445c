"""Quotes stage: direct quotations and the speakers they are attributed to."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from hadath.model import Analysis, Mention, Quote, Span, Token
from hadath.resources import Resources

_MIN_WORDS = 3
_SPEAKERS = ("person", "organisation", "state", "group")


def quoted_spans(text: str, pairs: Sequence[tuple[str, str]], limit: int) -> Iterator[Span]:
    """Yield the inner spans of balanced quotations (not nested), left to right."""
    i = 0
    while i < len(text):
        pair = next((p for p in pairs if text[i] == p[0]), None)
        if pair is None:
            i += 1
            continue
        close = text.find(pair[1], i + 1, i + 1 + limit)
        if close == -1:
            i += 1
            continue
        yield Span(i + 1, close)
        i = close + 1


def _cue(tokens: Sequence[Token], cues: frozenset[str], before: int) -> Token | None:
    candidates = [t for t in tokens if t.span.end <= before and t.stem in cues]
    return candidates[-1] if candidates else None


def _speaker(
    mentions: Sequence[Mention], sentence: Span, cue: Token | None, quote: Span
) -> str | None:
    inside = [
        m
        for m in mentions
        if sentence.contains(m.span)
        and m.actor_id
        and m.kind in _SPEAKERS
        and m.span.end <= quote.start
    ]
    if cue is not None:
        after = [m for m in inside if m.span.start >= cue.span.end]
        people = [m for m in after if m.kind == "person"]
        if people or after:
            return (people or after)[0].actor_id
        before = [m for m in inside if m.span.end <= cue.span.start]
        if before:
            return before[-1].actor_id
    earlier = [
        m for m in mentions if m.span.end <= sentence.start and m.actor_id and m.kind == "person"
    ]
    return earlier[-1].actor_id if earlier else None


def run(analysis: Analysis, resources: Resources) -> Analysis:
    """Find quotations and attribute each to the subject of its speech verb."""
    text = analysis.document.text
    rules = resources.text.sentences
    quotes: list[Quote] = []
    for span in quoted_spans(text, rules.quotes, rules.max_quote_chars):
        words = [t for t in analysis.tokens if span.contains(t.span) and t.is_word]
        if len(words) < _MIN_WORDS:
            continue
        sentence = next((s for s in analysis.sentences if s.contains(span)), span)
        tokens = [t for t in analysis.tokens if sentence.contains(t.span)]
        cue = _cue(tokens, resources.events.cues, span.start)
        speaker = _speaker(analysis.mentions, sentence, cue, span)
        quotes.append(Quote(span, speaker, cue.span if cue else None, span.of(text)))
    return dataclasses.replace(analysis, quotes=tuple(quotes))

"""Back-references by title and by head noun: "الوزير الأميركي" names the American named last
before it, "التحالف" the coalition named in full before it."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator, Sequence

from hadath.lexicons.actors import ActorKB
from hadath.lexicons.phrases import PhraseIndex
from hadath.model import Mention, Span, Token
from hadath.newnames import TITLE_GAP
from hadath.tokenize import token_at, tokens_in

SCORE = 0.6


def _country(mention: Mention, kb: ActorKB) -> str | None:
    actor = kb.actors.get(mention.actor_id or "")
    return mention.country or (actor.country if actor else None)


def title_references(
    tokens: Sequence[Token], mentions: Sequence[Mention], kb: ActorKB
) -> tuple[Mention, ...]:
    """Return the mentions where a definite generic title with a nisba ("الوزير الأميركي",
    "السفير الروسي") becomes the person of that state the article named last before it."""
    last: dict[str, Mention] = {}  # country -> the person of it named last
    out: list[Mention] = []
    for mention in mentions:
        country = _country(mention, kb)
        if mention.kind == "person" and mention.actor_id and country:
            last[country] = mention
        i = token_at(tokens, mention.span.start)
        title = tokens[i - 1] if i > 0 and mention.rule == "nisba" else None
        person = last.get(country or "") if title is not None else None
        generic = title is not None and title.stem in kb.generic_titles
        if title is None or person is None or not generic or not title.prefix.endswith(kb.article):
            out.append(mention)
            continue
        # The title's article belongs to the reference; a conjunction before it does not.
        start = max(title.span.start, title.stem_span.start - len(kb.article))
        span = Span(start, mention.span.end)
        out.append(dataclasses.replace(person, span=span, score=SCORE, rule="title-reference"))
    return tuple(out)


def appositions(
    tokens: Sequence[Token], mentions: Sequence[Mention], kb: ActorKB
) -> tuple[Mention, ...]:
    """Return the mentions where a title of a person's own state right after his name, and
    introducing no one else, describes him ("عبدربه منصور هادي رئيس الجمهورية اليمنية")."""
    out: list[Mention] = []
    for k, mention in enumerate(mentions):
        person = out[-1] if out else None
        if person is not None and _describes(tokens, mentions[k + 1 :], person, mention, kb):
            mention = dataclasses.replace(person, span=mention.span, score=SCORE, rule="apposition")
        out.append(mention)
    return tuple(out)


def _describes(
    tokens: Sequence[Token],
    rest: Sequence[Mention],
    person: Mention,
    title: Mention,
    kb: ActorKB,
) -> bool:
    if person.kind != "person" or person.rule != "name" or title.rule != "office":
        return False
    if title.country is None or title.country != _country(person, kb):
        return False
    between = tokens_in(tokens, Span(person.span.end, title.span.start))
    if any(t.is_word for t in between) or len(between) > 1:
        return False
    after = next((m for m in rest if m.kind == "person"), None)
    if after is None:
        return True
    return len(tokens_in(tokens, Span(title.span.end, after.span.start))) > TITLE_GAP


def short_forms(
    tokens: Sequence[Token], mentions: Sequence[Mention], kb: ActorKB
) -> tuple[Mention, ...]:
    """Return the mentions and, for each bare definite head noun ("التحالف", "الحركة",
    "الانفصاليين"), the last body or group named before it whose name starts with that noun."""
    named: list[tuple[str, Mention]] = []
    for mention in mentions:
        i = token_at(tokens, mention.span.start)
        whole = len(tokens_in(tokens, mention.span)) > 1
        if mention.kind in ("organisation", "group") and mention.rule == "name" and whole:
            named.append((kb.short_forms.get(tokens[i].stem, ""), mention))
    out = list(mentions)
    for token in tokens:
        head = kb.short_forms.get(token.stem)
        if head is None or token.prefix not in kb.definite:
            continue
        if any(m.span.overlaps(token.span) for m in mentions):
            continue
        body = next(
            (m for h, m in reversed(named) if h == head and m.span.end <= token.span.start), None
        )
        if body is not None:
            span = Span(
                max(token.span.start, token.stem_span.start - len(kb.article)), token.span.end
            )
            out.append(dataclasses.replace(body, span=span, score=SCORE, rule="short-form"))
    return tuple(sorted(out, key=lambda m: m.span))


def _phrases(index: PhraseIndex[bool], tokens: Sequence[Token]) -> Iterator[tuple[int, int, Span]]:
    """Each phrase of an index in the text: its first token, its length and its span."""
    for i, length, _ in index.scan(tokens):
        yield i, length, Span(index.start_of(tokens[i]), tokens[i + length - 1].span.end)


def government_forces(
    tokens: Sequence[Token], mentions: Sequence[Mention], kb: ActorKB
) -> tuple[Mention, ...]:
    """Return the mentions and, for each "القوات الحكومية" or the like, the state the article
    has named most often before it (the last of those named equally often)."""
    if kb.government is None:
        return tuple(mentions)
    out = list(mentions)
    for i, length, span in _phrases(kb.government, tokens):
        before = [m for m in mentions if m.kind == "state" and m.span.end <= span.start]
        counts = Counter(m.actor_id for m in before if m.actor_id)
        # A state named right after ("قوات النظام السوري") says whose forces they are.
        end = i + length
        after = tokens[end].span if end < len(tokens) else Span(span.end, span.end)
        named = any(m.span.overlaps(span) or m.span.overlaps(after) for m in mentions)
        if counts and not named:
            last = {m.actor_id: k for k, m in enumerate(mentions) if m.actor_id in counts}
            state = max(counts, key=lambda a: (counts[a], last[a]))
            out.append(Mention(span, "state", state, SCORE, rule="government"))
    return tuple(sorted(out, key=lambda m: m.span))


def this_state(
    tokens: Sequence[Token], mentions: Sequence[Mention], kb: ActorKB
) -> tuple[Mention, ...]:
    """Return the mentions and, for each "هذا البلد" or the like, the state the text named
    last before it by its name."""
    if kb.this_state is None:
        return tuple(mentions)
    out = list(mentions)
    for _, _, span in _phrases(kb.this_state, tokens):
        named = [
            m
            for m in mentions
            if m.kind == "state"
            and m.actor_id
            and m.rule not in ("nisba", "office")
            and m.span.end <= span.start
        ]
        if named and not any(m.span.overlaps(span) for m in mentions):
            out.append(dataclasses.replace(named[-1], span=span, score=SCORE, rule="this-state"))
    return tuple(sorted(out, key=lambda m: m.span))

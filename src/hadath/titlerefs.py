"""Title back-references: "الوزير الأميركي" names the American named last before it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from hadath.lexicons.actors import ActorKB
from hadath.model import Mention, Span, Token
from hadath.tokenize import token_at

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

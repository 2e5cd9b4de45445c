"""People the knowledge base does not know: found by the name tagger, each given an actor."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from hadath.model import Actor, Analysis, Mention, Role, Span, Token
from hadath.ner import entities, tag_sentences
from hadath.resources import Resources
from hadath.tokenize import tokens_in

# Tokens between a title and the name it introduces ("المتحدث باسم البنتاغون باتريك رايدر").
TITLE_GAP = 3
_NAME_WORDS = 4  # the longest name a title introduces, in words
_CONTEXT = 2  # words either side that the tagger's features look at
ID_PREFIX = "new-"


def _worth_tagging(
    tokens: Sequence[Token],
    titles: Sequence[Mention],
    people: Sequence[Mention],
    cues: frozenset[str],
) -> bool:
    """Only sentences where a new name can matter: a title introduces it, or a speech verb has
    no known person to be its speaker."""
    return bool(titles) or (not people and any(t.stem in cues for t in tokens))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "person"


def _title_before(span: Span, titles: Sequence[Mention], tokens: Sequence[Token]) -> Mention | None:
    """The title that introduces a name: a title mention ending a few tokens before it."""
    for title in reversed(titles):
        between = [t for t in tokens if title.span.end <= t.span.start and t.span.end <= span.start]
        if title.span.end <= span.start and len(between) <= TITLE_GAP:
            return title
    return None


def _spells_holder(arabic: str, title: Mention, resources: Resources) -> bool:
    """Whether a tagged name shares a word with the name of the person its title resolved to."""
    holder = resources.actors.actors.get(title.actor_id or "")
    if holder is None or holder.kind != "person":
        return False
    fold = resources.text.normalizer
    known = {word for name in holder.arabic for word in fold(name).split()}
    return bool(known & set(fold(arabic).split()))


def _person(arabic: str, title: Mention | None, resources: Resources) -> Actor:
    name = resources.romaniser.name(arabic, resources.text.normalizer)
    country = title.country if title else None
    roles = (Role(title.office, country),) if title and title.office else ()
    return Actor(
        f"{ID_PREFIX}{_slug(name)}", name, "person", country, roles=roles, arabic=(arabic,)
    )


def _sentences(
    analysis: Analysis, resources: Resources
) -> Iterator[tuple[Sequence[Token], list[Mention]]]:
    cues = resources.events.cues
    for sentence in analysis.sentences:
        tokens = tokens_in(analysis.tokens, sentence)
        inside = [m for m in analysis.mentions if sentence.contains(m.span)]
        titles = [m for m in inside if m.office or m.rule in ("office", "counterpart")]
        people = [m for m in inside if m.kind == "person"]
        if not tokens or not _worth_tagging(tokens, titles, people, cues):
            continue
        if people or not any(t.stem in cues for t in tokens):
            yield _around(tokens, titles), titles  # only names right after a title matter
        else:
            yield tokens, titles


def _around(tokens: Sequence[Token], titles: Sequence[Mention]) -> Sequence[Token]:
    """The tokens from just before the first title to a few words after the last one: where a
    name a title introduces can stand (tagging less of a long sentence is faster)."""
    starts = [i for i, t in enumerate(tokens) if any(m.span.overlaps(t.span) for m in titles)]
    if not starts:
        return tokens
    first = max(0, starts[0] - _CONTEXT)
    return tokens[first : starts[-1] + 1 + TITLE_GAP + _NAME_WORDS + _CONTEXT]


def find_new_people(
    analysis: Analysis, resources: Resources
) -> tuple[tuple[Mention, ...], tuple[Mention, ...], tuple[Actor, ...]]:
    """Tag names in the sentences that introduce people; return the new persons' mentions, the
    title mentions they replace (a title followed by its holder's name), and their actors."""
    chosen = list(_sentences(analysis, resources))
    tagged = tag_sentences(resources.ner, [tokens for tokens, _ in chosen], resources)
    text = analysis.document.text
    mentions: list[Mention] = []
    replaced: list[Mention] = []
    actors: dict[str, Actor] = {}
    for (tokens, titles), tags in zip(chosen, tagged, strict=True):
        for kind, first, end in entities(tags):
            span = Span(tokens[first].span.start, tokens[end - 1].span.end)
            if kind != "PERS" or any(m.span.overlaps(span) for m in analysis.mentions):
                continue
            title = _title_before(span, titles, tokens)
            if title is not None and _spells_holder(span.of(text), title, resources):
                continue  # another spelling of the holder the title already resolved to
            person = _person(span.of(text), title, resources)
            actor_id = actors.setdefault(person.id, person).id
            mentions.append(Mention(span, "person", actor_id, 0.5, rule="tagger"))
            if title is not None:
                replaced.append(title)
    return tuple(mentions), tuple(replaced), tuple(actors.values())

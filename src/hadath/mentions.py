"""Mentions stage: names, nisba adjectives and office titles found through the gazetteer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from hadath.lexicons.actors import ActorKB, Office
from hadath.model import Actor, Analysis, Mention, Span, Token
from hadath.resources import Resources

# How far after an office title a person's name may start and still be that person
# ("وزير الخارجية الأمريكي أنتوني بلينكن"): the title's nisba plus one word.
_NAME_AFTER_TITLE = 2


@dataclasses.dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer match over tokens [first, end)."""

    first: int
    end: int
    kind: str
    ids: tuple[str, ...] = ()
    office: Office | None = None
    country: str | None = None


def _longest(kb: ActorKB, tokens: Sequence[Token], i: int) -> Hit | None:
    hits: list[Hit] = []
    if (m := kb.names.match(tokens, i)) is not None:
        hits.append(Hit(i, i + m[0], "name", m[1]))
    if (m := kb.nisba.match(tokens, i)) is not None:
        hits.append(Hit(i, i + m[0], "nisba", m[1]))
    if (o := kb.offices.match(tokens, i)) is not None:
        end, office = i + o[0], o[1][0]
        nisba = kb.nisba.match(tokens, end)
        country = None
        if nisba is not None:
            country = kb.actors[nisba[1][0]].country
            end += nisba[0]
        hits.append(Hit(i, end, "office", office=office, country=country))
    return max(hits, key=lambda h: (h.end - h.first, h.kind == "name"), default=None)


def scan(kb: ActorKB, tokens: Sequence[Token]) -> Iterator[Hit]:
    """Yield non-overlapping gazetteer hits, longest first at each position."""
    i = 0
    while i < len(tokens):
        hit = _longest(kb, tokens, i) if tokens[i].is_word else None
        if hit is None:
            i += 1
            continue
        yield hit
        i = hit.end


def _choose(kb: ActorKB, ids: tuple[str, ...], seen: list[str], date: str | None) -> str | None:
    """Pick one actor for an ambiguous name: one already named in the article, else in office."""
    if len(ids) == 1:
        return ids[0]
    for actor_id in reversed(seen):
        if actor_id in ids:
            return actor_id
    active = [i for i in ids if any(_holds(r.start, r.end, date) for r in kb.actors[i].roles)]
    return active[0] if len(active) == 1 else None


def _holds(start: str | None, end: str | None, date: str | None) -> bool:
    if date is None:
        return end is None
    return (start is None or start[: len(date)] <= date) and (
        end is None or date <= end[: len(date)]
    )


def _office_holder(kb: ActorKB, hit: Hit, date: str | None) -> str | None:
    if hit.office is None or hit.country is None:
        return None
    holders = kb.holders(hit.office.label, hit.country, date)
    return holders[0].id if len(holders) == 1 else None


def _mention(
    kb: ActorKB, tokens: Sequence[Token], hit: Hit, kind: str, actor_id: str | None, score: float
) -> Mention:
    first = tokens[hit.first]
    # A clitic-looking first letter that the gazetteer spells as part of the name stays in the span
    # (لويد، فلاديمير); a real clitic does not (لبلينكن).
    whole = first.norm in kb.names.first_norms or first.norm in kb.offices.first_norms
    span = Span(first.span.start if whole else first.stem_span.start, tokens[hit.end - 1].span.end)
    return Mention(span, kind, actor_id, score, rule=hit.kind)  # type: ignore[arg-type]


def find_mentions(kb: ActorKB, tokens: Sequence[Token], date: str | None) -> tuple[Mention, ...]:
    """Find every actor mention in a token sequence; roles resolve on `date`."""
    hits = list(scan(kb, tokens))
    seen: list[str] = []
    out: list[Mention] = []
    for n, hit in enumerate(hits):
        if hit.kind == "office":
            following = hits[n + 1] if n + 1 < len(hits) else None
            named_next = (
                following is not None
                and following.kind == "name"
                and following.first - hit.end < _NAME_AFTER_TITLE
            )
            if not named_next:
                out.append(_mention(kb, tokens, hit, "person", _office_holder(kb, hit, date), 0.7))
            continue
        actor_id = _choose(kb, hit.ids, seen, date)
        actor: Actor | None = kb.actors.get(actor_id) if actor_id else None
        kind = actor.kind if actor else "person"
        if actor_id:
            seen.append(actor_id)
        out.append(_mention(kb, tokens, hit, kind, actor_id, 0.9 if hit.kind == "name" else 0.6))
    return tuple(out)


def run(analysis: Analysis, resources: Resources) -> Analysis:
    """Find actor mentions; office titles resolve to their holder on the publication date."""
    mentions = find_mentions(resources.actors, analysis.tokens, analysis.document.published)
    return dataclasses.replace(analysis, mentions=mentions)

"""Mentions stage: names, nisba adjectives and office titles found through the gazetteer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from typing import cast

from hadath.duals import resolve_duals
from hadath.lexicons.actors import ActorKB, Office, role_active
from hadath.model import Actor, ActorKind, Analysis, Mention, Span, Token
from hadath.newnames import find_new_people
from hadath.places import places_in
from hadath.resources import Resources
from hadath.surnames import back_references, referenced
from hadath.titlerefs import (
    appositions,
    government_forces,
    short_forms,
    this_state,
    title_references,
)

# How far after an office title a person's name may start and still be that person
# ("وزير الخارجية الأمريكي أنتوني بلينكن"): the title's nisba plus one word.
_NAME_AFTER_TITLE = 2
# How far around an ambiguous name a state counts as its context.
_CONTEXT = 12
_POST_REACH = (
    6  # the most words of a post's title before "إلى" ("مبعوث الأمين العام للأمم المتحدة")
)


@dataclasses.dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer match over tokens [first, end)."""

    first: int
    end: int
    kind: str
    ids: tuple[str, ...] = ()
    office: Office | None = None
    country: str | None = None


def _country_after(kb: ActorKB, tokens: Sequence[Token], end: int) -> tuple[int, str | None]:
    """A state right after a title: a nisba (وزير الدفاع الروسي) or a name (أمير قطر)."""
    for index in (kb.nisba, kb.names):
        hit = index.match(tokens, end)
        if hit is not None:
            actor = kb.actors[hit[1][0]]
            if actor.kind == "state":
                return end + hit[0], actor.country
    return end, None


def _longest(kb: ActorKB, tokens: Sequence[Token], i: int) -> Hit | None:
    hits: list[Hit] = []
    if (m := kb.names.match(tokens, i)) is not None:
        hits.append(Hit(i, i + m[0], "name", m[1]))
    if (m := kb.nisba.match(tokens, i)) is not None:
        hits.append(Hit(i, i + m[0], "nisba", m[1]))
    if (o := kb.offices.match(tokens, i)) is not None:
        end, country = _country_after(kb, tokens, i + o[0])
        hits.append(Hit(i, end, "office", office=o[1][0], country=country))
    if kb.counterparts is not None and (c := kb.counterparts.match(tokens, i)) is not None:
        end, country = _country_after(kb, tokens, i + c[0])
        if country is not None:
            hits.append(Hit(i, end, "counterpart", country=country))
    return max(hits, key=lambda h: (h.end - h.first, h.kind == "name"), default=None)


def scan(kb: ActorKB, tokens: Sequence[Token]) -> Iterator[Hit]:
    """Yield non-overlapping gazetteer hits, longest first at each position."""
    starts = kb.first_words
    i = 0
    while i < len(tokens):
        token = tokens[i]
        # Most words start no entry: one set look-up per reading instead of four trie walks.
        forms = token.readings or ((token.norm, 0),)
        can_start = token.is_word and any(form in starts for form, _ in forms)
        hit = _longest(kb, tokens, i) if can_start else None
        if hit is None:
            i += 1
            continue
        yield hit
        i = hit.end


def _choose(
    kb: ActorKB, ids: tuple[str, ...], seen: list[str], date: str | None, near: set[str]
) -> str | None:
    """Pick one actor for an ambiguous name: one already named in the article, else the one
    in office on the date, else the one of a state named nearby, preferring both."""
    if len(ids) == 1:
        return ids[0]
    for actor_id in reversed(seen):
        if actor_id in ids:
            return actor_id
    active = {i for i in ids if any(role_active(r, date) for r in kb.actors[i].roles)}
    local = {i for i in ids if _countries(kb.actors[i]) & near}
    for group in (active & local, active, local):
        if len(group) == 1:
            return next(iter(group))
    return None


def _countries(actor: Actor) -> set[str]:
    return {c for c in (actor.country, *(r.country for r in actor.roles)) if c}


def _states_near(kb: ActorKB, hits: Sequence[Hit], n: int) -> set[str]:
    """The states named (or meant by a nisba) within a few tokens of hit n."""
    first, end = hits[n].first - _CONTEXT, hits[n].end + _CONTEXT
    ids = (i for h in hits if first <= h.first < end for i in h.ids)
    return {a.country for i in ids if (a := kb.actors.get(i)) and a.kind == "state" and a.country}


def _mention(
    kb: ActorKB,
    tokens: Sequence[Token],
    hit: Hit,
    kind: str,
    actor_id: str | None,
    score: float,
    office: str | None = None,
) -> Mention:
    first = tokens[hit.first]
    index = kb.names if hit.kind == "name" else kb.nisba if hit.kind == "nisba" else kb.offices
    span = Span(index.start_of(first), tokens[hit.end - 1].span.end)
    plural = hit.kind == "nisba" and {first.stem, first.norm} & kb.demonyms
    return Mention(
        span,
        cast(ActorKind, kind),
        actor_id,
        score,
        rule="demonym" if plural else hit.kind,
        office=office,
        country=hit.country if hit.kind in ("office", "counterpart") else None,
    )


def _named_next(kb: ActorKB, hits: Sequence[Hit], n: int) -> bool:
    """Whether a person's name follows a title: the title is that person's, not a holder's."""
    following = hits[n + 1] if n + 1 < len(hits) else None
    return (
        following is not None
        and following.kind == "name"
        and following.first - hits[n].end < _NAME_AFTER_TITLE
        and any(kb.actors[i].kind == "person" for i in following.ids if i in kb.actors)
    )


def _describes(kb: ActorKB, tokens: Sequence[Token], hits: Sequence[Hit], n: int) -> bool:
    """Whether a nisba right after a movement's or body's name describes it ("ميليشيات الحوثي
    الإيرانية", "حركة حماس الفلسطينية") rather than naming a second actor; one joined by a
    conjunction names another ("القوات الأميركية والبريطانية")."""
    before = hits[n - 1] if n else None
    if hits[n].kind != "nisba" or before is None or before.kind != "name":
        return False
    if tokens[hits[n].first].prefix not in ("", kb.article):
        return False
    kinds = {kb.actors[i].kind for i in before.ids if i in kb.actors}
    return before.end == hits[n].first and bool(kinds & {"group", "organisation"})


def find_mentions(kb: ActorKB, tokens: Sequence[Token], date: str | None) -> tuple[Mention, ...]:
    """Find every actor mention in a token sequence; titles resolve to their holder on `date`."""
    hits = list(scan(kb, tokens))
    seen: list[str] = []
    people: list[str] = []
    out: list[Mention] = []
    for n, hit in enumerate(hits):
        if hit.kind in ("office", "counterpart"):
            if _named_next(kb, hits, n):
                continue
            if hit.country is None and hit.end < len(tokens) and tokens[hit.end].stem in kb.home:
                hit = dataclasses.replace(hit, end=hit.end + 1, country=_last_country(kb, out))
            last = people[-1] if people else None
            role = kb.role_on(last, date)
            office = hit.office.label if hit.office else role.office if role else None
            under = hit.first > 0 and tokens[hit.first - 1].stem in kb.subordinates
            person = None
            if not under:
                person = kb.sole_holder(office, hit.country, date)
                person = person or kb.named_holder(office, hit.country, people)
            if person:
                people.append(person)
                out.append(_mention(kb, tokens, hit, "person", person, 0.7, office))
            else:  # an office holder we cannot name stands for the state ("a US official")
                state = kb.state_by_iso3.get(hit.country or "")
                kept = None if under else office  # a deputy's title is not re-resolved
                out.append(_mention(kb, tokens, hit, "state", state, 0.4, kept))
            continue
        if _describes(kb, tokens, hits, n):
            continue
        near = _states_near(kb, hits, n) if len(hit.ids) > 1 else set()
        actor_id = _choose(kb, hit.ids, seen, date, near)
        actor: Actor | None = kb.actors.get(actor_id) if actor_id else None
        kind = actor.kind if actor else "person"
        if actor_id:
            seen.append(actor_id)
            if kind == "person":
                people.append(actor_id)
        found = _mention(kb, tokens, hit, kind, actor_id, 0.9 if hit.kind == "name" else 0.6)
        if kind in ("organisation", "state", "group") and _after_post(kb, tokens, hit):
            found = dataclasses.replace(found, rule="titled")
        out.append(found)
    return tuple(out)


def _last_country(kb: ActorKB, found: Sequence[Mention]) -> str | None:
    """The state of the last mention that has one."""
    for mention in reversed(found):
        actor = kb.actors.get(mention.actor_id or "")
        if country := mention.country or (actor.country if actor else None):
            return country
    return None


def _after_post(kb: ActorKB, tokens: Sequence[Token], hit: Hit) -> bool:
    """Whether a body or state is named right after a post, or a post and its adjective
    ("مبعوث الأمم المتحدة", "المدير العام للوكالة الدولية للطاقة الذرية"), or is where a post
    is, right before the name of its holder ("مبعوث … إلى اليمن إسماعيل ولد الشيخ")."""
    if hit.kind != "name":
        return False
    before = tokens[max(0, hit.first - 2) : hit.first]
    # A post with its state's nisba is complete: a state after it is the object of the verb
    # before ("زار الرئيس التركي روسيا").
    of_state = hit.first >= 1 and kb.nisba.match(tokens, hit.first - 1) is not None
    if any(t.stem in kb.posts for t in before) and not of_state:
        return True
    return _post_place(kb, tokens, hit)


def _post_place(kb: ActorKB, tokens: Sequence[Token], hit: Hit) -> bool:
    if hit.first < 2 or tokens[hit.first - 1].norm not in kb.post_prepositions:
        return False
    if hit.end >= len(tokens) or tokens[hit.end].norm not in kb.first_words:
        return False
    before = tokens[max(0, hit.first - 1 - _POST_REACH) : hit.first - 1]
    return any(t.stem in kb.posts for t in before) and all(t.is_word for t in before)


def run(analysis: Analysis, resources: Resources) -> Analysis:
    """Find actor mentions; titles resolve to their holder on the publication date; people the
    knowledge base does not know are found by the name tagger and get an actor of their own.
    The places the text names are found here too."""
    date = analysis.document.published
    found = find_mentions(resources.actors, analysis.tokens, date)
    found = resolve_duals(resources.actors, analysis.tokens, found, date)
    analysis = dataclasses.replace(analysis, mentions=found)
    new, titles, people = find_new_people(analysis, resources)
    # A title followed by a name we do not know is not its usual holder: it stands for the state.
    states = resources.actors.state_by_iso3
    kept = [_as_state(m, states) if m in titles else m for m in found]
    mentions = sorted((*kept, *new), key=lambda m: m.span)
    text, rules = analysis.document.text, resources.text
    times = [t.span for t in analysis.times]
    resolved = back_references(analysis.tokens, mentions, text, rules, resources.actors, times)
    resolved = title_references(analysis.tokens, resolved, resources.actors)
    resolved = appositions(analysis.tokens, resolved, resources.actors)
    resolved = short_forms(analysis.tokens, resolved, resources.actors)
    resolved = government_forces(analysis.tokens, resolved, resources.actors)
    resolved = this_state(analysis.tokens, resolved, resources.actors)
    places = places_in(resources.places, resources.actors, analysis.tokens, resolved)
    return dataclasses.replace(
        analysis, mentions=resolved, places=places, actors=referenced(people, resolved)
    )


def _as_state(mention: Mention, states: Mapping[str, str]) -> Mention:
    state = states.get(mention.country or "")
    return dataclasses.replace(mention, actor_id=state, kind="state", office=None)

"""Events stage: trigger patterns, participants, date and attributes, one event per act."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Sequence

from hadath.arguments import (
    BARE,
    Clause,
    Who,
    distinct,
    eligible,
    fronted,
    introduces,
    joined_verb,
    naming,
    opens_sentence,
    participants,
    roles,
    subject,
)
from hadath.casualties import toll
from hadath.earlier import earlier_act, first_since
from hadath.eventdates import event_date, explained_day, lead_day, story_day
from hadath.lexicons.actors import ActorKB
from hadath.lexicons.events import EventLexicon, Trigger
from hadath.lexicons.places import PlaceLexicon
from hadath.merging import AGAIN, NEW, RESULT, merge
from hadath.model import Analysis, Event, Mention, Span, TimeValue, Token
from hadath.occasions import by_occasion
from hadath.places import aimed_at, continued, event_place, sharpened
from hadath.resources import Resources
from hadath.sides import homes, other_sides, responded_to
from hadath.tokenize import tokens_in
from hadath.triggers import find_triggers, match_part
from hadath.unsaid import Found, caller, dual_pair, quote_of, said_in_quote, suffered_in

_NEGATION_WINDOW = 3  # words before a trigger in which a negation governs it
_MODAL_WINDOW = 8  # words before a trigger in which a modal or future word governs it
_DATELINE_WORDS = 8  # words before the dash that ends a dateline ("دبي، … (CNN)—")
_DATELINE_REST = 4  # words besides its dates in a dateline line ("الكويت 25 شوال … واس")


def _quoted_alone(analysis: Analysis, k: int, triggers: Sequence[Span]) -> bool:
    """Whether trigger k stands in a quotation that tells no other act: a word that describes
    the other side ("في مواجهة العدوان") inside a statement of something else is no accusation."""
    quote = quote_of(analysis, triggers[k])
    return quote is not None and not any(
        j != k and quote.span.overlaps(t) for j, t in enumerate(triggers)
    )


def _past_perfect(tokens: Sequence[Token], lex: EventLexicon) -> Token | None:
    """The particle of a past perfect ("كانت … قد"), or None."""
    aux = next((i for i, t in enumerate(tokens) if t.norm in lex.past_auxiliaries), None)
    if aux is None:
        return None
    return next((t for t in tokens[aux + 1 :] if t.norm in lex.past_particles), None)


def _modal(window: Sequence[Token], particle: Token | None, lex: EventLexicon) -> bool:
    """Whether a word of possibility, intention or condition governs a trigger; the particle of
    a past perfect does not."""
    return _has([t for t in window if t is not particle], lex.not_asserted)


def _has(tokens: Sequence[Token], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(_starts(tokens, i, phrases) for i in range(len(tokens)))


def _starts(tokens: Sequence[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of the phrases starts at token i."""
    return any(match_part(tokens, i, p) is not None for p in phrases)


def _on_date(kb: ActorKB, date: str | None) -> Who:
    """A title resolves to whoever held the office on the event's date, not on publication."""

    def who(mention: Mention) -> str | None:
        if mention.office and mention.country:
            return kb.sole_holder(mention.office, mention.country, date) or mention.actor_id
        return mention.actor_id

    return who


def _clauses(
    sentence: Span,
    found: Sequence[Found],
    triggers: Sequence[Span],
    fronts: Sequence[Mention | None],
    responses: Sequence[int],
) -> list[Span]:
    """Split a sentence at its triggers: each trigger governs the words up to the next one, or
    up to the subject a later clause names first ("…، لكن الكرملين استنكر"), or up to the act
    it responds to ("ردا على …"), which starts that clause; a call or meeting goes on over
    them, for its parties may be named there. A trigger inside another's gap shares that one's
    clause ("هنأ X في اتصال هاتفي نظيره Y")."""
    clauses = []
    for k, trigger in enumerate(triggers):
        outer = next((t for t in triggers[:k] if t.start < trigger.start < t.end), None)
        front = fronts[k]
        start = (
            sentence.start if k == 0 else front.span.start if front else (outer or trigger).start
        )
        later = [t.start for t in triggers[k + 1 :] if t.start >= trigger.end]
        if not found[k][0].reciprocal:
            later += [f.span.start for f in fronts[k + 1 :] if f and f.span.start >= trigger.end]
            later += [r for r in responses if r >= trigger.end]
        clauses.append(Span(start, min(later) if later else sentence.end))
    return clauses


def _stop(stops: Sequence[int], end: int) -> int:
    """Where the rest of the sentence a clause ending at `end` may reach into ends: at the next
    clause that names its own subject, or the next act responded to."""
    return min(s for s in stops if s >= end)


def _adverbial(tokens: Sequence[Token], first: int, lex: EventLexicon) -> bool:
    """Whether the word at `first` is an indefinite accusative right after a comma ("…،
    محذرا من", "…، احتجاجا على"): a circumstance or purpose of the main clause's act."""
    word = tokens[first]
    plain = not word.prefix and not word.suffix and word.norm.endswith(lex.adverbial_endings)
    return plain and first > 0 and tokens[first - 1].norm in lex.adverbial_marks


def _both(words: Sequence[Token], lex: EventLexicon) -> bool:
    """Whether a one-way act's words name "the two sides" as whom it is done to."""
    return any(t.stem in lex.arguments.both_sides for t in words)


def _after_act(tokens: Sequence[Token], first: int, lex: EventLexicon) -> bool:
    """Whether the trigger at token `first` follows a word like "وهو ما" that makes its object
    the act just told ("…، وهو ما أيدته الولايات المتحدة")."""
    return any(
        tuple(t.norm for t in tokens[first - len(p) : first]) == p
        for p in lex.arguments.done_before
        if first >= len(p)
    )


def _purpose(word: Token, lex: EventLexicon) -> bool:
    """Whether a noun carries a purpose preposition and a pronoun ("لتهنئته", "لبحث")."""
    return bool(word.suffix) and word.prefix[-1:] in lex.arguments.purpose


def _inflected(verb: Token, lex: EventLexicon) -> bool:
    """Whether a verb carries its subject in its ending ("اتهموا", "اتهموه")."""
    word = verb.norm[: -len(verb.suffix)] if verb.suffix else verb.norm
    return word.endswith(lex.arguments.subject_endings)


def _antecedent(
    tokens: Sequence[Token], mentions: Sequence[Mention], first: int, lex: EventLexicon
) -> Mention | None:
    """The participant named right before the relative pronoun at token `first - 1`, unless a
    preposition governs it ("المسؤول الثالث من الاتحاد الأوروبي الذي يزور")."""
    pronoun = tokens[first - 1].span
    before = [m for m in eligible(mentions) if m.span.end <= pronoun.start]
    if not before or tokens_in(tokens, Span(before[-1].span.end, pronoun.start)):
        return None
    return before[-1] if roles(tokens, before[-1:], lex.arguments)[before[-1]] == BARE else None


def _is_definite(token: Token, article: str) -> bool:
    return token.prefix.endswith(article)


def _planned(tokens: Sequence[Token], first: int, lex: EventLexicon, article: str) -> bool:
    """A verb right after "أن" or "كي" is a plan or a purpose ("على أن يلتقيا"), unless a
    word like "بعد" comes first ("بعد أن وجه"); a noun there is the subject of what is said
    ("أن المحادثات جرت")."""
    said = [t.norm for t in tokens[max(0, first - 2) : first]]
    if not said or said[-1] not in lex.planned or _is_definite(tokens[first], article):
        return False
    return len(said) < 2 or said[0] not in lex.past_after


def _cut(tokens: Sequence[Token], clause: Span, trigger: Span, lex: EventLexicon) -> int:
    """Where the trigger's own clause starts: after the last complementizer (أن، إن) before it."""
    said = [t.span.end for t in tokens_in(tokens, Span(clause.start, trigger.start))
            if t.norm in lex.complementizers]  # fmt: skip
    return said[-1] if said else clause.start


def _sentence_events(
    analysis: Analysis,
    sentence: Span,
    lex: EventLexicon,
    kb: ActorKB,
    where: PlaceLexicon,
    lead: tuple[TimeValue, str] | None,
    carried: Mention | None,
    pair: tuple[str, ...],
    sides: tuple[str, ...] = (),
) -> Iterator[tuple[Event, str]]:
    """Yield each event of a sentence, and how it relates to acts told before (NEW, AGAIN: a
    definite noun that may tell one again, RESULT: what one caused); `carried`
    is the subject of earlier sentences, for a verb whose subject is left unsaid, `pair`
    the parties of the last call or meeting, for "اتفق الجانبان", and `sides` those of the
    last fight, for "دعا الجانبين"."""
    tokens = tokens_in(analysis.tokens, sentence)
    background = _has(tokens, lex.historical)
    particle = _past_perfect(tokens, lex)
    at = tokens.index(particle) if particle is not None else None
    inside = [m for m in analysis.mentions if sentence.contains(m.span)]
    found = list(find_triggers(lex, tokens, inside))
    spans = [Span(tokens[first].span.start, tokens[end - 1].span.end) for _, first, end, _ in found]
    # A word that is an act only when quoted, and quoted alone, or it is none and splits nothing.
    kept = [k for k, f in enumerate(found) if not f[0].quoted or _quoted_alone(analysis, k, spans)]
    found, spans = [found[k] for k in kept], [spans[k] for k in kept]
    if not found:
        return
    # Where the words leading to each trigger start: after the previous one (which may hold
    # this one in its gap).
    ends = [sentence.start, *(min(a.end, b.start) for a, b in itertools.pairwise(spans))]
    fronts = [
        fronted(tokens, inside, end, span, lex.arguments) if k and found[k][3] else None
        for k, (span, end) in enumerate(zip(spans, ends, strict=True))
    ]
    responses = [t.span.start for i, t in enumerate(tokens) if _starts(tokens, i, lex.responses)]
    stops = [f.span.start for f in fronts if f is not None] + [*responses, sentence.end]
    calls: list[tuple[Span, Span]] = []  # the sentence's calls and meetings so far
    suffered: list[Mention] = []  # the victims of a kill told as suffered in the next attack
    told: set[str] = set()  # the types this sentence's verbs have told
    doer: Mention | None = None  # the subject of the sentence's last verb
    met = pair  # the parties of the last call or meeting, this sentence's included
    previous: tuple[str, ...] = ()  # the actors of the sentence's last act
    for k, ((trigger, first, last, verbal), span, clause, end) in enumerate(
        zip(found, spans, _clauses(sentence, found, spans, fronts, responses), ends, strict=True)
    ):
        if victims := suffered_in(tokens, inside, found[k : k + 2], lex.arguments):
            suffered = victims
            continue
        if not verbal and trigger.type in told and introduces(tokens, first, lex.arguments):
            continue
        window = tokens[max(0, first - _NEGATION_WINDOW) : first]
        # The words since the previous trigger: "إذا" there governs this one.
        leading = tokens_in(tokens, Span(end, span.start))
        if _modal(leading[-_MODAL_WINDOW:], particle, lex):
            continue
        # A past perfect's particle makes the verb it governs background ("قد نددت").
        historical = background or (at is not None and 0 < first - at <= 2)
        if _planned(tokens, first, lex, kb.article) and not historical:
            continue
        when, source = event_date(analysis, sentence, clause, span, historical, lead, lex)
        date = when.value if when else analysis.document.published
        # "…، لكنه حث موسكو": the pronoun resumes the sentence's subject so far; "شكر X في
        # اتصال هاتفي Y": a call told as the setting of another act has that act's subject.
        said_before = tokens[first - 1].norm if first else ""
        # "…، محذرا من": an adverbial tells what the main clause's subject did meanwhile.
        adverbial = not verbal and not trigger.reciprocal and _adverbial(tokens, first, lex)
        resumed = said_before in lex.arguments.resumptive or adverbial
        framed = said_before in lex.arguments.topic or tokens[first].norm in lex.arguments.topic
        so_far = [m for m in inside if m.span.end <= clause.start]
        earlier = subject(tokens, so_far, lex.arguments) if resumed or framed else None
        # "استنكر X الاتهامات وطالب كييف بـ…": a verb joined to the last one shares its
        # subject; so does a purpose ("اتصل X بـY لتهنئته"), done to whom the pronoun on it
        # stands for, the last one named before it.
        joined = verbal and joined_verb(tokens, first, clause.start, inside, lex.arguments)
        aim = not verbal and doer is not None and _purpose(tokens[first], lex)
        if doer is not None and (joined or aim):
            earlier, resumed = doer, True
        # "… هادي الذي يزور مصر": a verb right after a relative pronoun has its antecedent.
        # Not an act whose target a preposition takes: in "حركة غولن التي تلقي تركيا باللوم
        # عليها" the antecedent is the one blamed, as it is what a verb's object pronoun
        # stands for ("الذي تتهمه السلطات"). A meeting or an attack takes it as its subject.
        relative = said_before in lex.arguments.relatives and not tokens[first].suffix
        relative = relative and (trigger.reciprocal or trigger.type in lex.arguments.inflicted)
        if relative and (antecedent := _antecedent(tokens, inside, first, lex)):
            earlier, resumed = antecedent, True
        # "تلقى X اتصالا من Y أعرب فيه عن …": said in the call, by the one who made it.
        within = first + 1 < len(tokens) and tokens[first + 1].norm in lex.arguments.within
        if verbal and within and calls:
            earlier, resumed = caller(tokens, inside, calls[-1], lex.arguments), True
        if trigger.type in lex.arguments.pair_types:
            calls.append((span, clause))
        who = _on_date(kb, date)
        place = Clause(
            span=clause,
            tokens=tokens,
            mentions=[m for m in analysis.mentions if clause.contains(m.span)],
            later=[m for m in inside if clause.end <= m.span.start < _stop(stops, clause.end)],
            trigger=span,
            cut=_cut(tokens, clause, span, lex),
            opens_sentence=opens_sentence(tokens, span, lex.arguments),
            carried=carried,
            resumes=earlier if resumed else None,
            framing=earlier if framed else None,
            pair=dual_pair(tokens, inside, span, who, lex.arguments) or met,
            visit=trigger.mode in lex.arguments.hosted,
            adverbial=adverbial,
            inflected=verbal and _inflected(tokens[first], lex),
            places=[
                p.span for p in analysis.places if p.kind != "state" and sentence.contains(p.span)
            ],
        )
        inflicted = trigger.type in lex.arguments.inflicted
        domestic = trigger.type in lex.arguments.domestic
        actors, recipients = participants(
            place,
            trigger.reciprocal,
            who,
            lex.arguments,
            trigger.said,
            inflicted,
            not verbal,
            (lambda _: ()) if domestic and not trigger.reciprocal else (lambda ids: homes(ids, kb)),
        )
        # "نرى روسيا تمضي في عدوانها": the speaker's, of whom it names; so is an act the
        # speaker tells as his own ("ونواصل دعوتنا إلى جميع الأطراف").
        own = tokens[first].suffix in lex.arguments.first_person and not trigger.reciprocal
        if trigger.quoted or (own and quote_of(analysis, span) is not None):
            actors, recipients = said_in_quote(
                analysis, kb, span, actors + recipients, who, lex.complementizers
            )
        elif (trigger.said or trigger.type in lex.arguments.spoken) and not actors:
            actors, recipients = said_in_quote(
                analysis, kb, span, recipients, who, lex.complementizers
            )
        if aim and not recipients:
            named = [who(m) for m in eligible(inside) if m.span.end <= span.start]
            recipients = distinct([next((a for a in reversed(named) if a not in actors), None)])
        if suffered and not recipients:
            recipients = distinct(map(who, suffered))
        if not recipients and clause.end in responses:
            # The act responded to runs from the marker that ends this clause to the next stop.
            recipients = responded_to(
                inside, clause.end, _stop(stops, clause.end + 1), actors, who, kb
            )
        if not recipients and _after_act(tokens, first, lex):
            recipients = tuple(a for a in previous if a not in actors)
        told_to = tokens_in(tokens, Span(span.start, clause.end))
        if not recipients and not trigger.reciprocal and _both(told_to, lex):
            recipients = tuple(a for a in sides if a not in actors)
        suffered = []
        doer = naming(inside, span, actors, who) if verbal else None
        if not actors:
            continue
        if verbal:
            told.add(trigger.type)
        if trigger.type in lex.arguments.pair_types and len(actors) > 1:
            met = actors
        previous = actors
        event = Event(
            type=trigger.type,
            mode=trigger.mode,
            actors=actors,
            recipients=recipients,
            evidence=sentence,
            trigger=span,
            rule=trigger.id,
            confidence=0.6 if trigger.reciprocal and len(actors) < 2 else 0.8,
            date=when,
            date_source=source,
            historical=historical,
            negated=_has(window, lex.negated),
            place=event_place(where, tokens, analysis.places, clause, span, place.visit),
        )
        # A noun made definite by the article, a possessive or a definite noun it is bound to
        # ("المكالمة", "خلال زيارته", "محاولة الاغتيال") may tell again an act already told; a
        # verb that starts like the article ("التقى") is none of these.
        # Only the head noun and the noun it is bound to count: a pattern that opens with a
        # light verb ("نعبر عن احتجاجنا") tells an act of its own.
        words = tokens[first : min(last, first + 2)]
        # A word said of the other side ("عدوانها") names no act told before.
        definite = any(_is_definite(t, kb.article) or t.suffix for t in words)
        told_as = RESULT if _outcome(tokens[first + 1 : last - 1], trigger, lex, kb) else NEW
        told_as = AGAIN if not verbal and not trigger.quoted and definite else told_as
        occasions = (
            by_occasion(
                event, tokens_in(tokens, clause), place.mentions, analysis.times, who,
                lex.arguments.partners,
            )
            if trigger.reciprocal
            else [event]
        )  # fmt: skip
        for one in occasions:
            for parties in _each(one.actors, tokens[first:last], trigger, lex):
                yield dataclasses.replace(one, actors=parties), told_as


def _each(
    actors: tuple[str, ...], words: Sequence[Token], trigger: Trigger, lex: EventLexicon
) -> list[tuple[str, ...]]:
    """The parties of each act a trigger tells: two calls in the dual ("تلقى X اتصالين من Y و
    Z") are one between X and Y and one between X and Z."""
    two = trigger.reciprocal and any(t.stem in lex.arguments.twos for t in words)
    if two and len(actors) == 3:
        return [(actors[0], actors[1]), (actors[0], actors[2])]
    return [actors]


def _outcome(gap: Sequence[Token], trigger: Trigger, lex: EventLexicon, kb: ActorKB) -> bool:
    """Whether a pattern's gap holds a definite noun of an act of its type ("أسفر الهجوم … عن
    مقتل"): the pattern tells what that act, told before, caused."""
    return any(
        _is_definite(t, kb.article)
        and any(other.type == trigger.type for other, _ in lex.by_first_word.get(t.stem, ()))
        for t in gap
    )


def _body(analysis: Analysis) -> tuple[Span, ...]:
    """The sentences to code: a headline restates the lead, so it is skipped when a body follows."""
    sentences = analysis.sentences
    title = analysis.document.title
    if len(sentences) > 1 and title and sentences[0].of(analysis.document.text) == title.strip():
        return sentences[1:]
    return sentences


def dateline_end(analysis: Analysis, body: Sequence[Span]) -> int:
    """Where the article's dateline ends: the places it names are where the story was filed,
    not who acted. It is the words before a dash near the start ("دبي، … (CNN)—"), or a short
    first line that gives a date ("الكويت 25 شوال 1436 هـ … واس"); 0 when there is none."""
    if not body:
        return 0
    first = body[0]
    tokens = tokens_in(analysis.tokens, first)
    words = 0
    for token in tokens:
        if token.norm == "-" and words:
            return token.span.start
        words += token.is_word
        if words > _DATELINE_WORDS:
            break
    times = [t.span for t in analysis.times if first.contains(t.span)]
    rest = [t for t in tokens if t.is_word and not any(s.contains(t.span) for s in times)]
    return first.end if times and len(rest) <= _DATELINE_REST and len(body) > 1 else 0


def run(analysis: Analysis, resources: Resources) -> Analysis:
    """Code the events each sentence states."""
    lex = resources.events
    kb = resources.actors
    body = _body(analysis)
    filed = dateline_end(analysis, body)
    acting = tuple(m for m in analysis.mentions if m.span.start >= filed)
    places = tuple(p for p in analysis.places if p.span.start >= filed)
    coding = dataclasses.replace(analysis, mentions=acting, places=places)
    lead = lead_day(analysis, body)
    found: list[tuple[Event, str]] = []
    carried: Mention | None = None
    pair: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()  # the two sides of the last fight
    for k, sentence in enumerate(body):
        opener = tokens_in(analysis.tokens, sentence)[:1]
        if k and opener and opener[0].norm in lex.arguments.explains:
            lead = explained_day(analysis, body[k - 1], lead)
        new = list(
            _sentence_events(
                coding, sentence, lex, kb, resources.places, lead, carried, pair, sides
            )
        )
        found += new
        fought = [e for e, _ in found if e.type in lex.arguments.fights and e.recipients]
        sides = (fought[-1].actors[0], fought[-1].recipients[0]) if fought else sides
        lead = story_day(new, lead)
        met = [e for e, _ in found if e.type in lex.arguments.pair_types and len(e.actors) > 1]
        pair = met[-1].actors if met else pair
        told = any(e.type in lex.arguments.pair_types for e, _ in new)
        words = tokens_in(analysis.tokens, sentence)
        since = first_since(words, analysis.times, lex.arguments, told)
        if met and since and (before := earlier_act(met[-1], *since, sentence, kb)):
            found.append((before, NEW))
        inside = [m for m in acting if sentence.contains(m.span)]
        carried = subject(tokens_in(analysis.tokens, sentence), inside, lex.arguments) or carried
    found = [(_counted(e, analysis, resources), told) for e, told in found]
    events = merge([e for e in found if not e[0].negated], lex.arguments.pair_types)
    events = other_sides(events, kb, lex.arguments.fights)
    events = aimed_at(
        resources.places, analysis.tokens, places, events, lex.arguments.fights, lex.arguments.aimed
    )
    events = sharpened(resources.places, analysis.tokens, places, events, lex.arguments.hosted)
    events = continued(events, body, lex.arguments.pair_types)
    return dataclasses.replace(analysis, events=events)


def _counted(event: Event, analysis: Analysis, resources: Resources) -> Event:
    """An attack with the dead and injured its sentence counts."""
    words = resources.events.casualties
    if words is None or event.type not in words.types:
        return event
    # A year is no count ("منذ 2014 سقط آلاف القتلى").
    times = [t.span for t in analysis.times]
    tokens = tokens_in(analysis.tokens, event.evidence)
    counted = [t for t in tokens if not any(s.contains(t.span) for s in times)]
    dead, injured = toll(counted, resources.time, words)
    return dataclasses.replace(event, dead=dead, injured=injured)

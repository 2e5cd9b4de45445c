"""Participants a clause leaves unsaid, found in the rest of its sentence: who made the call an
act is told in, a quotation's speaker, the two a dual pronoun means, a kill's victims."""

from __future__ import annotations

from collections.abc import Sequence

from hadath.arguments import ASIDE, Who, distinct, eligible, has_dual, last_two, roles, subject
from hadath.lexicons.actors import ActorKB
from hadath.lexicons.arguments import ArgumentWords
from hadath.lexicons.events import Trigger
from hadath.model import Analysis, Mention, Quote, Span, Token
from hadath.newnames import TITLE_GAP
from hadath.tokenize import token_at, tokens_in

Found = tuple[Trigger, int, int, bool]  # trigger, first token, end token, opens with a verb

_SUFFERED_GAP = 4  # words between a kill verb and the attack it was suffered in, or its victims
_FROM_GAP = 1 + TITLE_GAP  # words from "من" to the caller it names ("من جلالة الملك …")


def caller(
    tokens: Sequence[Token],
    inside: Sequence[Mention],
    call: tuple[Span, Span],
    words: ArgumentWords,
) -> Mention | None:
    """Who made a call or meeting (its trigger and clause): the one it came from ("تلقى X
    اتصالا هاتفيا من جلالة الملك Y"), else its subject ("أجرى X اتصالا بـY")."""
    span, clause = call
    found = [m for m in inside if clause.contains(m.span)]
    marked = roles(tokens, eligible(found), words)
    after = [m for m, r in marked.items() if m.span.start >= span.end and r not in ASIDE]
    if after:
        i = token_at(tokens, after[0].span.start)
        if {t.norm for t in tokens[max(0, i - _FROM_GAP) : i]} & words.sources:
            return after[0]
    return subject(tokens, found, words)


def quote_of(analysis: Analysis, span: Span) -> Quote | None:
    """The quotation a span stands in, if any."""
    return next((q for q in analysis.quotes if q.span.contains(span)), None)


def said_in_quote(
    analysis: Analysis,
    kb: ActorKB,
    span: Span,
    recipients: tuple[str, ...],
    who: Who,
    complementizers: frozenset[str],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An act done by saying it, in a quotation whose clause names no actor, is the quotation
    speaker's ("مؤكدة أن \"… وسنرد عليها\""); the recipient is whoever the clause names, else
    the first other side the words it reports name, from the complementizer that opens them
    ("وأبلغتها بأن واشنطن \"…\""), else in the quotation."""
    quote = quote_of(analysis, span)
    speaker = quote.speaker_actor_id if quote else None
    if quote is None or speaker is None:
        return (), recipients
    actor = kb.actors.get(speaker)
    own = {speaker, kb.state_by_iso3.get(actor.country or "") if actor else None}
    sentence = next((s for s in analysis.sentences if s.contains(quote.span)), quote.span)
    lead = tokens_in(analysis.tokens, Span(sentence.start, quote.span.start))
    opens = [t.span.end for t in lead if t.norm in complementizers]
    reported = Span(opens[-1] if opens else quote.span.start, quote.span.end)
    named = [who(m) for m in eligible(analysis.mentions) if reported.contains(m.span)]
    others = [x for x in recipients if x not in own] or [x for x in named if x not in own][:1]
    return (speaker,), distinct(others)


def dual_pair(
    tokens: Sequence[Token], inside: Sequence[Mention], span: Span, who: Who, words: ArgumentWords
) -> tuple[str, ...]:
    """For a call or meeting with a dual pronoun ("خلال لقائهما"), the two named before it."""
    if not has_dual(tokens, span, words):
        return ()
    return last_two(tokens, [m for m in inside if m.span.end <= span.start], who, words)


def suffered_in(
    tokens: Sequence[Token], inside: Sequence[Mention], pair: Sequence[Found], words: ArgumentWords
) -> list[Mention]:
    """The victims of a kill verb told as suffered in the attack named right after it ("وقتل
    ثلاثة فلسطينيين في غارة إسرائيلية", "عضوان من مسلحي حماس قتلا في قصف"): people of a state
    or some of a group, and no one else; none when the verb has a doer."""
    # The attack after "في" is a noun even when it is written like a verb ("في قصف").
    if len(pair) < 2 or not pair[0][3] or pair[0][0].type != pair[1][0].type:
        return []
    (_, first, end, _), (_, nxt, _, _) = pair
    if pair[0][0].type not in words.inflicted or not 0 <= nxt - end <= _SUFFERED_GAP:
        return []
    cue = tokens[nxt - 1].norm if nxt else ""
    if cue not in words.suffered and not tokens[nxt].prefix.startswith(tuple(words.suffered)):
        return []
    start = tokens[max(0, first - _SUFFERED_GAP)].span.start
    near = [m for m in eligible(inside) if start <= m.span.start < tokens[nxt].span.start]
    victims = [m for m in near if m.rule == "demonym" or _partitive(tokens, m, words)]
    return victims if victims and len(victims) == len(near) else []


def _partitive(tokens: Sequence[Token], mention: Mention, words: ArgumentWords) -> bool:
    """Whether "من" stands a word or two before a mention ("عضوان من مسلحي حماس")."""
    i = token_at(tokens, mention.span.start)
    return any(t.norm in words.sources for t in tokens[max(0, i - 2) : i])

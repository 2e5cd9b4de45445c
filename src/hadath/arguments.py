"""An event's participants from the structure of its Arabic clause: subject, object, partner."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from hadath.lexicons.arguments import ArgumentWords
from hadath.model import Mention, Span, Token
from hadath.newnames import TITLE_GAP
from hadath.tokenize import token_at, tokens_in

PARTICIPANTS = ("person", "organisation", "state", "group")
TOPIC, OBLIQUE, BARE, MEANS = "topic", "oblique", "", "means"
ASIDE = frozenset({TOPIC, MEANS})  # roles that take no part in the act
_OPENING = 2  # a verb among the first words of a sentence may have its subject left unsaid
_FRONTED = 8  # the most words a subject named before its verb in a clause of its own takes
_PASSIVE_REACH = 4  # the most words between a passive act and the word before its doer
_INSTRUMENT_REACH = 3  # the most words from "بواسطة" to the nisba of the means

Who = Callable[[Mention], str | None]


@dataclass(frozen=True, slots=True)
class Clause:
    """What participant choice reads: the clause's tokens and mentions, the trigger, and the
    subject carried from earlier sentences for a verb whose subject is left unsaid."""

    span: Span
    tokens: Sequence[Token]  # the sentence's
    mentions: Sequence[Mention]
    later: Sequence[Mention]  # mentions after the clause, in the rest of the sentence
    trigger: Span
    cut: int  # where the trigger's own clause starts: after a complementizer (أن، إن)
    opens_sentence: bool
    carried: Mention | None
    pair: tuple[str, ...] = ()  # the parties of the article's last call or meeting
    resumes: Mention | None = None  # the subject a pronoun before the trigger stands for
    framing: Mention | None = None  # the subject of the act whose setting the trigger is
    visit: bool = False  # a visit: the state whose place it names after it is the host
    adverbial: bool = False  # a participle or noun in the accusative after a comma ("، محذرا")
    inflected: bool = False  # a verb that carries its subject ("اتهموا"): who follows is object
    places: Sequence[Span] = ()  # the places the sentence names


def eligible(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions that can take part in an event: recognised actors, not places.

    People found only by the name tagger stay out: their names are romanised guesses that no
    one can query by (they remain mentions and quote speakers)."""
    return [m for m in mentions if m.actor_id and m.kind in PARTICIPANTS and m.rule != "tagger"]


def _strip(word: str, words: ArgumentWords) -> str:
    return word[1:] if len(word) > 2 and word[0] in words.conjunctions else word


def _preposition(token: Token, words: ArgumentWords) -> str:
    """The prepositions written on a word, without the article ("بالقاهرة": ب)."""
    prefix = token.prefix
    if words.article and prefix.endswith(words.article):
        prefix = prefix[: -len(words.article)]
    return "".join(c for c in prefix if c in words.oblique_clitics)


def introduces(tokens: Sequence[Token], i: int, words: ArgumentWords) -> bool:
    """Whether token i is or follows a topic word, or carries a preposition: a noun there sets the
    scene of the clause's act ("زار X باريس في زيارة …") rather than telling one of its own."""
    if _preposition(tokens[i], words) or _strip(tokens[i].norm, words) in words.topic:
        return True
    return i > 0 and _strip(tokens[i - 1].norm, words) in words.topic


def fronted(
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    since: int,
    trigger: Span,
    words: ArgumentWords,
) -> Mention | None:
    """The subject named right before a verb at the start of a clause of its own, after a
    punctuation mark or a word like لكن ("…، لكن الكرملين استنكر"), from `since` on; a title
    there gives way to the person it introduces ("لكن المستشارة الألمانية أنغيلا ميركل انتقدت")."""
    leading = tokens_in(tokens, Span(since, trigger.start))
    opens = [
        i for i, t in enumerate(leading)
        if not t.is_word or _strip(t.norm, words) in words.clause_openers
    ]  # fmt: skip
    if not opens or len(leading) - opens[-1] - 1 > _FRONTED:
        return None
    start = leading[opens[-1]].span.end
    named = [m for m in eligible(mentions) if start <= m.span.start and m.span.end <= trigger.start]
    if not named or tokens_in(tokens, Span(named[-1].span.end, trigger.start)):
        return None
    first = named[0]
    if _role(tokens, token_at(tokens, first.span.start), first, words, None) != BARE:
        return None
    return introduced(tokens, named, first)


def joined_verb(
    tokens: Sequence[Token],
    first: int,
    since: int,
    mentions: Sequence[Mention],
    words: ArgumentWords,
) -> bool:
    """Whether the verb at token `first` is joined by a conjunction or an opener ("، كما
    التقى") to the act before it, with no one named between them (from `since` on): it then
    shares that act's subject."""
    opener = first > 0 and _strip(tokens[first - 1].norm, words) in words.openers
    if tokens[first].prefix[:1] not in words.conjunctions and not opener:
        return False
    start = tokens[first].span.start
    return not any(since <= m.span.start < start for m in eligible(mentions))


def naming(
    mentions: Sequence[Mention], trigger: Span, actors: Sequence[str], who: Who
) -> Mention | None:
    """The mention that names an event's first actor, the nearest before its trigger."""
    named = [m for m in eligible(mentions) if actors and who(m) == actors[0]]
    before = [m for m in named if m.span.end <= trigger.start]
    if before:
        return before[-1]
    return named[0] if named else None


def _role(
    tokens: Sequence[Token], i: int, mention: Mention, words: ArgumentWords, trigger: Span | None
) -> str:
    """Whether a mention starting in token i follows a topic word, a preposition (oblique) or
    neither (bare); the trigger's first word is no preposition ("وعبر الملك عن إدانته")."""
    inside = mention.span.start > tokens[i].span.start  # a clitic written on the mention
    if inside and _preposition(tokens[i], words):
        return OBLIQUE
    before = tokens[i - 1] if i else None
    if inside or before is None or (trigger is not None and trigger.start == before.span.start):
        return BARE
    said = {before.norm, before.stem, _strip(before.norm, words)}
    if said & words.topic:
        return TOPIC
    if _instrument(tokens, i, mention, words):
        return MEANS
    if said & words.oblique and not _partitive(tokens, i - 1, words):
        return OBLIQUE
    return BARE


def _instrument(tokens: Sequence[Token], i: int, mention: Mention, words: ArgumentWords) -> bool:
    """Whether a nisba in token i describes the means an act used ("بواسطة صواريخ أميركية")."""
    if mention.rule != "nisba":
        return False
    before = tokens[max(0, i - _INSTRUMENT_REACH) : i]
    return all(t.is_word for t in before) and any(t.norm in words.instruments for t in before)


def _partitive(tokens: Sequence[Token], i: int, words: ArgumentWords) -> bool:
    """Whether the preposition at token i is a partitive من after a quantity ("400 من")."""
    if not i or tokens[i].norm not in words.sources:
        return False
    quantity = tokens[i - 1]
    return quantity.norm.isdigit() or quantity.stem in words.partitive


def roles(
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    words: ArgumentWords,
    trigger: Span | None = None,
) -> dict[Mention, str]:
    """Each mention's role; a conjunct takes its neighbour's ("في الرياض وطهران": both topic)."""
    found: dict[Mention, str] = {}
    last: Mention | None = None
    for mention in mentions:
        i = token_at(tokens, mention.span.start)
        if i < 0:
            continue
        found[mention] = _role(tokens, i, mention, words, trigger)
        if last is not None and found[mention] == BARE and _joined(tokens, last, mention, words):
            found[mention] = found[last]
        last = mention
    return found


def opens_sentence(tokens: Sequence[Token], trigger: Span, words: ArgumentWords) -> bool:
    """Whether a trigger stands among a sentence's first words, after at most an opener."""
    leading = [t for t in tokens if t.is_word and t.span.end <= trigger.start]
    return len([t for t in leading if _strip(t.norm, words) not in words.openers]) < _OPENING


def subject(
    tokens: Sequence[Token], mentions: Sequence[Mention], words: ArgumentWords
) -> Mention | None:
    """The first participant of a sentence that no preposition governs: its likely subject."""
    found = roles(tokens, eligible(mentions), words)
    return next((m for m, r in found.items() if r == BARE), None)


def participants(
    clause: Clause,
    reciprocal: bool,
    who: Who,
    words: ArgumentWords,
    said: bool = False,
    inflicted: bool = False,
    noun: bool = False,
    homes: Callable[[Sequence[str]], Collection[str]] = lambda _: (),
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Choose actors and recipients; `who` names the actor a mention stands for on the date.
    An act done by saying it (`said`) in reported speech is the speaker's, and whoever the
    reported clause speaks of is its recipient ("قال X إن Y سيواجه عواقب"). An act done to
    someone (`inflicted`) takes a person named right after it as its victim ("اغتيال فلان"), and,
    told by a `noun`, a body with ل after it as its doer ("غارة للتحالف"). `homes` gives, for
    the actors chosen, those who cannot be the recipient."""
    marked = roles(clause.tokens, eligible(clause.mentions), words, clause.trigger)
    # A nisba right after a place is the place's ("في بلدة عفرين السورية"), not a party.
    ends = {token_at(clause.tokens, p.end - 1) for p in clause.places}
    for mention in marked:
        i = token_at(clause.tokens, mention.span.start)
        # An adjective: a nisba, or a definite name with no و، ب، ل ("السورية"), not "موسكو".
        adjective = mention.rule == "nisba" or clause.tokens[i].prefix == words.article
        if mention.kind == "state" and adjective and i - 1 in ends:
            marked[mention] = TOPIC
    found = [m for m, r in marked.items() if r not in ASIDE]
    places = [m for m, r in marked.items() if r == TOPIC and m.span.end > clause.trigger.end]
    trigger = clause.trigger
    before = [m for m in found if m.span.end <= trigger.end]
    unsaid = not before and clause.opens_sentence and clause.carried is not None
    if reciprocal:
        return _parties(clause, found, places, unsaid, who, words, homes), ()
    if (doer := _passive_doer(clause, found, words)) is not None:
        others = [m for m in found if m is not doer and m.span.start >= clause.cut]
        return distinct([who(doer)]), distinct([who(others[0])] if others else [])
    pre = [m for m in found if m.span.end <= trigger.start]
    # Inside a light-verb pattern ("حثت هيلي روسيا على"): the subject, then the object.
    within = [m for m in found if m.span.start >= trigger.start and m.span.end <= trigger.end]
    after = [m for m in found if m.span.end > trigger.end]
    victim = after[0] if inflicted and after and _victim(clause, pre, after[0], marked) else None
    after = [m for m in after if m is not victim]
    speaker = [m for m in pre if marked[m] == BARE and m.span.start < clause.cut]
    # An adverbial ("زعم X أن …، محذرا من …") tells what the main clause's subject did while
    # saying it: he is its actor, and whom he spoke of may be its recipient.
    reported = said or clause.adverbial
    spoken = [m for m in pre if m.span.start >= clause.cut] if reported and speaker else []
    # Whom the words are about is their subject, not one a preposition governs.
    spoken.sort(key=lambda m: marked[m] != BARE)
    # Who follows a speaker, or a verb that carries its subject when there is one to take it
    # (named before, or carried), is no actor.
    ahead = said or (clause.inflected and bool(before or unsaid))
    named = clause.resumes or (
        speaker[0]
        if spoken
        # A speaker is named before what he says: what follows it is only spoken of.
        else _actor(
            pre, [] if ahead else [*within, *after], marked, clause, words, inflicted and noun
        )
    )
    actor = introduced(clause.tokens, eligible(clause.mentions), named) if named else None
    if actor is None and unsaid:
        actor = clause.carried
    if actor is None and (before or (after and not ahead)):
        actor = (before or after)[0]
    joined = conjuncts(clause.tokens, found, actor, words) if actor else []
    first = distinct(who(m) for m in [*([actor] if actor else []), *joined])
    # The act a verb announces or threatens may name its target in the next clause
    # ("توعدت بفرض عقوبات على …"), so the rest of the sentence comes after the clause's own.
    # In a pattern, the object follows the subject ("حثت هيلي روسيا على"); another name in it
    # belongs to a noun of the pattern ("التزام الولايات المتحدة بدعم …"), so what follows
    # the pattern comes first.
    tail = (joined or [actor])[-1] if actor else None
    objects = [m for m in within if tail is not None and _next_to(clause.tokens, tail, m)]
    own = [*([victim] if victim else []), *objects, *after, *within, *places]
    # What is said is about whom it speaks of; an adverbial's own object comes first.
    later = [*own, *spoken] if clause.adverbial and not said else [*spoken, *own]
    later += eligible(clause.later)
    # The title and nisba that introduce the actor ("السيناتور الأمريكي … جون ماكين") are his.
    intro = Span(named.span.start, actor.span.end) if named and actor else None
    taken = [m for m in later if m is actor or m in joined or who(m) in first]
    barred = homes(first)  # the actors' own state, where the act cannot be done to it
    others = [
        m for m in later
        if m not in taken and not (intro and intro.contains(m.span)) and who(m) not in barred
    ]  # fmt: skip
    rest = eligible([*clause.mentions, *clause.later])
    target = introduced(clause.tokens, rest, others[0]) if others else None
    return first, distinct([who(target)] if target else [])


def _parties(
    clause: Clause,
    found: Sequence[Mention],
    places: Sequence[Mention],
    unsaid: bool,
    who: Who,
    words: ArgumentWords,
    homes: Callable[[Sequence[str]], Collection[str]],
) -> tuple[str, ...]:
    """The parties of a call, meeting or talks: the people named, else every participant; a
    dual noun ("الجانبان") adds the last meeting's parties (a dual pronoun, "لقائهما", means
    them alone), an unsaid subject the carried one, the act a call is the setting of its
    subject ("شكر X في اتصال هاتفي Y"), a verb that shares an earlier one's subject that
    subject, and a visit the state of the place it names ("حط X رحاله في مسقط")."""
    # Who reports a call ("قال المتحدث … إن الرئيس تلقى اتصالا") is no party to it.
    found = [m for m in found if m.span.start >= clause.cut] or found
    people = [m for m in found if m.kind == "person"]
    # A title's nisba is the person it introduces, not another party ("وزير الخارجية الصيني
    # تشين قانغ").
    chosen = people if len(people) >= 2 else [introduced(clause.tokens, found, m) for m in found]
    ids = distinct(who(m) for m in chosen)
    ids = tuple(i for i in ids if i not in homes(ids))  # the envoy, not also his state
    if has_dual(clause.tokens, clause.trigger, words) and len(clause.pair) == 2:
        return clause.pair
    stems = (t.stem for t in clause.tokens if clause.span.contains(t.span))
    if len(ids) < 2 and any(stem in words.pairs for stem in stems):
        ids = distinct([*clause.pair, *ids])
    if len(ids) < 2 and unsaid and clause.carried is not None:
        ids = distinct([who(clause.carried), *ids])
    for subject in (clause.framing, clause.resumes):
        if subject is not None:
            ids = distinct([who(subject), *ids])
    hosts = [m for m in places if m.kind == "state"] if clause.visit else []
    if len(ids) < 2 and hosts:
        ids = distinct([*ids, who(hosts[0])])
    return ids


def last_two(
    tokens: Sequence[Token], mentions: Sequence[Mention], who: Who, words: ArgumentWords
) -> tuple[str, ...]:
    """The last two parties named (people first), for a dual pronoun after them ("بوتين …
    المسؤول الكوري الشمالي كيم يونغ نام خلال لقائهما")."""
    named = [m for m, r in roles(tokens, eligible(mentions), words).items() if r not in ASIDE]
    people = [m for m in named if m.kind == "person"]
    ids = distinct(who(m) for m in reversed(people if len(people) >= 2 else named))
    return tuple(reversed(ids[:2])) if len(ids) >= 2 else ()


def has_dual(tokens: Sequence[Token], trigger: Span, words: ArgumentWords) -> bool:
    """Whether a call or meeting carries a dual pronoun ("خلال لقائهما")."""
    return any(t.suffix in words.duals for t in tokens if trigger.contains(t.span))


def _victim(
    clause: Clause, pre: Sequence[Mention], first: Mention, marked: dict[Mention, str]
) -> bool:
    """Whether the person right after a trigger is what it was done to: no doer named first."""
    doer = any(marked[m] == BARE for m in pre)
    gap = token_at(clause.tokens, first.span.start) - token_at(
        clause.tokens, clause.trigger.end - 1
    )
    # A title may stand between ("اغتيال الرئيس الفرنسي إيمانويل ماكرون").
    return first.kind == "person" and 0 < gap <= 1 + TITLE_GAP and not doer


def _next_to(tokens: Sequence[Token], left: Mention, right: Mention) -> bool:
    """Whether a mention starts in the word right after another ends."""
    return token_at(tokens, right.span.start) == token_at(tokens, left.span.end - 1) + 1


def _joined(tokens: Sequence[Token], left: Mention, right: Mention, words: ArgumentWords) -> bool:
    """Whether a mention is joined to the one before by a conjunction ("روسيا وإيران")."""
    prefix = tokens[token_at(tokens, right.span.start)].prefix
    return bool(prefix) and prefix[0] in words.conjunctions and _next_to(tokens, left, right)


def conjuncts(
    tokens: Sequence[Token], mentions: Sequence[Mention], head: Mention, words: ArgumentWords
) -> list[Mention]:
    """The mentions joined to one by a conjunction, each in the word right after the one
    before ("القوات الأميركية والبريطانية", "روسيا وإيران")."""
    joined: list[Mention] = []
    last = head
    for mention in mentions:
        if mention.span.start > last.span.start and _joined(tokens, last, mention, words):
            joined.append(mention)
            last = mention
    return joined


def _actor(
    before: Sequence[Mention],
    after: Sequence[Mention],
    roles: dict[Mention, str],
    clause: Clause,
    words: ArgumentWords,
    agent: bool = False,
) -> Mention | None:
    """The subject: a nisba right after a verbal noun ("الهجمات الروسية على") or, for a noun of
    an act done to someone (`agent`), a body with ل right after it ("غارة للتحالف"), else the
    first bare mention before the trigger in its own clause (after أن) and outside a relative
    clause ("الضربة التي استهدفت سوريا"), else in the sentence's main clause ("أعلن X طرد …");
    else the first bare one from the trigger on (VSO, or inside a light-verb pattern)."""
    trigger = clause.trigger
    if after and after[0].rule == "nisba" and 0 <= after[0].span.start - trigger.end <= 1:
        return after[0]
    if agent and after and _agent(clause.tokens, trigger, after[0], words):
        return after[0]
    bare = [m for m in before if roles[m] == BARE]
    relative = [
        t.span.end
        for t in clause.tokens
        if clause.cut <= t.span.start < trigger.start and t.norm in words.relatives
    ]
    own = [
        m
        for m in bare
        if m.span.start >= clause.cut and not any(r <= m.span.start for r in relative)
    ]
    found = own or bare or [m for m in after if roles[m] == BARE]
    return found[0] if found else None


def _passive_doer(clause: Clause, found: Sequence[Mention], words: ArgumentWords) -> Mention | None:
    """The doer of an act told in the passive, named right after a word like "على أيدي" or
    "برصاص", or one word on ("برصاص قناص فلسطيني"), that stands a few words after the trigger
    ("خطفوا مساء الأربعاء على أيدي …"); further on, it is the doer of something else."""
    tokens = clause.tokens
    last = token_at(tokens, clause.trigger.end - 1)
    for mention in found:
        i = token_at(tokens, mention.span.start)
        for agent, gap in itertools.product(words.agents, (0, 1)):
            at = i - gap - len(agent)
            near = 0 <= at - last - 1 <= _PASSIVE_REACH or last - len(agent) < at <= last
            if near and tuple(t.norm for t in tokens[at : at + len(agent)]) == agent:
                return mention
    return None


def _agent(tokens: Sequence[Token], trigger: Span, mention: Mention, words: ArgumentWords) -> bool:
    """Whether a body is named with ل within a word of a noun trigger: its doer ("غارة للتحالف",
    "قصف صاروخي ومدفعي للتحالف العربي")."""
    if mention.kind == "person" or trigger.start >= mention.span.start:
        return False
    i = token_at(tokens, mention.span.start)
    if i < 0 or not set(_preposition(tokens[i], words)) & words.genitive_clitics:
        return False
    return i - token_at(tokens, trigger.end - 1) <= 2


def introduced(tokens: Sequence[Token], mentions: Sequence[Mention], first: Mention) -> Mention:
    """A title, a nisba that stands for a state ("مساعد الرئيس الروسي", "السفير الروسي") or a
    body named after a post ("مبعوث الأمم المتحدة") gives way to the person it introduces a few
    words on ("… يوري أوشاكوف")."""
    if first.kind == "person" or first.rule not in ("office", "counterpart", "nisba", "titled"):
        return first
    for mention in mentions:
        if mention.span.start < first.span.end:
            continue
        # Another state's nisba or title starts another's introduction ("السلطات التركية
        # القس الأمريكي أندرو برانسون").
        if mention.rule in ("nisba", "office") and mention.actor_id != first.actor_id:
            return first
        if mention.kind == "person":
            gap = tokens_in(tokens, Span(first.span.end, mention.span.start))
            return mention if len(gap) <= TITLE_GAP else first
    return first


def distinct(values: Iterable[str | None]) -> tuple[str, ...]:
    """The actor ids given, each once and in order, without the missing ones."""
    return tuple(dict.fromkeys(v for v in values if v))

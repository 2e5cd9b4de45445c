"""Gold scoring: score system output against gold annotations (eval/FORMAT.md).

Gold files are read by `load_gold` (hadath.gold); `score` compares them with system output in the
JSON contract shape of DESIGN.md (`hadath.output.to_contract`), read by hadath.system_output, and
returns a Report (hadath.scores). Names are folded and compared by hadath.names (`fold_name`,
`names_match`), quotation text normalised by `normalize_text`; their main names are re-exported
here (see __all__). How FORMAT.md's rules are read here:

Rule 1 (type). The system type equals the gold `event` or is one of its `accept_events`.

Rule 2 (participants). Each item of a gold event's `actors` and `recipients` is a slot; `A | B`
lists the alternatives accepted for that slot. FORMAT.md says every slot "is filled by one system
actor or recipient", so a slot may be filled by any participant of the system event, from its
`actors` or its `recipients`, whose canonical name or one of its aliases matches an alternative.
Every slot needs a distinct participant (one participant never fills two slots); the assignment is
searched exhaustively, not built greedily, so slot order never decides a match. Reciprocal events
(gold recipients empty) compare actors and recipients as one set, which this reading gives for every
event; the direction of a one-way event is therefore not scored. `score(..., directed=True)` applies
the stricter reading instead: for one-way gold events, gold actors must be filled from system actors
and gold recipients from system recipients. System participants beyond the gold slots do no harm.
An alternative names a state when its folded name is a key of `states`; it is then also filled by
a system participant of kind "organisation" whose country is that state's code (not by a person).

Rule 3 (date). When gold gives a date, the system date cut to the gold precision must equal it; a
system date less precise than the gold one, or no system date, does not match. When the gold date
is null, any system date (or none) is fine.

Matching. Levels: "type" applies rule 1, "dyad" rules 1-2, "full" rules 1-3, each level on its own.
Within a document, system events are taken in output order; each matches the first gold event, in
gold file order, that no earlier system event took and that satisfies the level's rules. Precision
= matched system events / system events (matches with optional gold events count as matched);
recall = matched required gold events / required gold events; F1 their harmonic mean. A document
missing from the outputs is a system that produced nothing for it. Zero denominators give 0.0.

Secondary measures, all over DYAD-level pairs taken FULL-level pairs first (then dyad matches among
the events left), so that an event whose date is right is not charged with another's:
- mode accuracy: pairs whose gold event has a mode; right when the system mode is the same;
- historical accuracy: pairs whose gold event states `historical`; right when the flags agree;
- date accuracy: pairs whose gold event has a date; right when rule 3 holds;
- place accuracy: pairs whose gold event has a place; right when the system place is one of its
  alternatives, compared as names are, with or without a qualifier after a comma ("Afrin, Syria"
  is "Afrin").
Dates in text counts every gold event with a date (matched or not): found when one of the
resolved time expressions the system lists for the document (`times`) equals it by rule 3; it
measures the time resolver apart from event detection.
Publication-date accuracy counts the documents whose gold has `published`: right when the system's
document date, cut to the gold precision, equals it. Quote recall: a gold quote is found when some
system quote of the document, after `normalize_text`, contains the gold text and its speaker fills
the gold speaker slot by the rule-2 test (state rule included); one system quote may find several.
A Rate over nothing has value None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hadath.gold import PRECISIONS, GoldDocument, GoldEvent, GoldQuote, load_gold, parse_gold
from hadath.model import EVENT_TYPES, TimeValue
from hadath.names import (
    NAMES_FILE,
    TEXT_FILE,
    ComparisonTextRules,
    FoldedName,
    NameRules,
    fold_name,
    fold_parts,
    load_name_rules,
    load_text_rules,
    names_match,
    normalize_text,
    parse_name_rules,
    parse_text_rules,
)
from hadath.scores import (
    LEVELS,
    DocumentDetail,
    LevelDetail,
    LevelScore,
    MatchedPair,
    Rate,
    Report,
    SystemRef,
    TypeScore,
    f1,
    rate,
    ratio,
)
from hadath.system_output import (
    Participant,
    SystemEvent,
    SystemQuote,
    read_output,
    read_time,
    read_times,
)

# The former name, kept for callers; the class was renamed apart from hadath.tokenize.TextRules.
TextRules = ComparisonTextRules

__all__ = [
    "LEVELS",
    "NAMES_FILE",
    "PRECISIONS",
    "TEXT_FILE",
    "ComparisonTextRules",
    "DocumentDetail",
    "FoldedName",
    "GoldDocument",
    "GoldEvent",
    "GoldQuote",
    "LevelDetail",
    "LevelScore",
    "MatchedPair",
    "NameRules",
    "Rate",
    "Report",
    "SystemRef",
    "TextRules",
    "TypeScore",
    "fold_name",
    "fold_parts",
    "load_gold",
    "load_name_rules",
    "load_text_rules",
    "names_match",
    "normalize_text",
    "parse_gold",
    "parse_name_rules",
    "parse_text_rules",
    "score",
]

_SECONDARY = len(LEVELS)  # the pairs the secondary measures read, after the levels' own


@dataclass(frozen=True, slots=True)
class _Alternative:
    name: FoldedName
    state: str | None


_Slot = tuple[_Alternative, ...]


@dataclass(frozen=True, slots=True)
class _Context:
    names: NameRules
    text: ComparisonTextRules
    states: Mapping[str, str]
    directed: bool


@dataclass(frozen=True, slots=True)
class _PreparedGold:
    actors: tuple[_Slot, ...]
    recipients: tuple[_Slot, ...]


@dataclass(frozen=True, slots=True)
class _DocResult:
    detail: DocumentDetail
    system: tuple[SystemEvent, ...]
    gold: GoldDocument
    pairs: tuple[tuple[tuple[int, int], ...], ...]
    mode: tuple[int, int]
    historical: tuple[int, int]
    date: tuple[int, int]
    place: tuple[int, int]
    quotes_found: int
    dates_in_text: tuple[int, int] = (0, 0)


# ---------------------------------------------------------------------------------------------
# Rules 2 and 3


def _alternative(name: str, context: _Context) -> _Alternative:
    folded = fold_parts(name, context.names)
    return _Alternative(folded, context.states.get(folded.base))


def _slot(names: tuple[str, ...], context: _Context) -> _Slot:
    return tuple(_alternative(name, context) for name in names)


def _prepare(event: GoldEvent, context: _Context) -> _PreparedGold:
    return _PreparedGold(
        tuple(_slot(names, context) for names in event.actors),
        tuple(_slot(names, context) for names in event.recipients),
    )


def _fills(slot: _Slot, participant: Participant) -> bool:
    for alternative in slot:
        if any(alternative.name.matches(name) for name in participant.names):
            return True
        if (
            alternative.state is not None
            and participant.kind == "organisation"
            and participant.country == alternative.state
        ):
            return True
    return False


def _all_filled(slots: Sequence[_Slot], pool: Sequence[Participant]) -> bool:
    """Say whether every slot gets its own participant (augmenting-path bipartite matching)."""
    options = [[p for p, who in enumerate(pool) if _fills(slot, who)] for slot in slots]
    owner: list[int | None] = [None] * len(pool)

    def place(slot: int, seen: set[int]) -> bool:
        for p in options[slot]:
            if p not in seen:
                seen.add(p)
                holder = owner[p]
                if holder is None or place(holder, seen):
                    owner[p] = slot
                    return True
        return False

    return all(place(slot, set()) for slot in range(len(slots)))


def _dyad_ok(gold: _PreparedGold, system: SystemEvent, directed: bool) -> bool:
    if directed and gold.recipients:
        return _all_filled(gold.actors, system.actors) and _all_filled(
            gold.recipients, system.recipients
        )
    return _all_filled(gold.actors + gold.recipients, system.actors + system.recipients)


def _date_ok(gold: TimeValue | None, system: TimeValue | None) -> bool:
    if gold is None:
        return True
    if system is None or PRECISIONS.index(system.precision) < PRECISIONS.index(gold.precision):
        return False
    return system.value[: len(gold.value)] == gold.value


# ---------------------------------------------------------------------------------------------
# One document


def _greedy(ok: Sequence[Sequence[bool]]) -> tuple[tuple[int, int], ...]:
    """Match system events (rows) in output order to the first free gold event that fits."""
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for s, row in enumerate(ok):
        g = next((g for g, fits in enumerate(row) if fits and g not in taken), None)
        if g is not None:
            taken.add(g)
            pairs.append((s, g))
    return tuple(pairs)


def _tiered(
    first: tuple[tuple[int, int], ...], ok: Sequence[Sequence[bool]]
) -> tuple[tuple[int, int], ...]:
    """The pairs of `first`, then greedy pairs of `ok` among the events neither side used."""
    used_s, used_g = {s for s, _ in first}, {g for _, g in first}
    rest = [
        [fits and s not in used_s and g not in used_g for g, fits in enumerate(row)]
        for s, row in enumerate(ok)
    ]
    return first + _greedy(rest)


def _match_levels(
    system: Sequence[SystemEvent], gold: Sequence[GoldEvent], context: _Context
) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Return the (system, gold) index pairs of each level, in LEVELS order, and then the
    pairs the secondary measures read (full-level pairs first, then dyad-level ones)."""
    prepared = [_prepare(e, context) for e in gold]
    type_ok = [[g.accepts(s.event) for g in gold] for s in system]
    dyad_ok = [
        [type_ok[i][j] and _dyad_ok(prepared[j], s, context.directed) for j in range(len(gold))]
        for i, s in enumerate(system)
    ]
    full_ok = [
        [dyad_ok[i][j] and _date_ok(g.date, s.date) for j, g in enumerate(gold)]
        for i, s in enumerate(system)
    ]
    levels = tuple(_greedy(ok) for ok in (type_ok, dyad_ok, full_ok))
    return (*levels, _tiered(levels[-1], dyad_ok))


def _level_detail(
    level: str,
    pairs: tuple[tuple[int, int], ...],
    system: Sequence[SystemEvent],
    gold: Sequence[GoldEvent],
) -> LevelDetail:
    matched_system = {s for s, _ in pairs}
    matched_gold = {g for _, g in pairs}
    return LevelDetail(
        level=level,
        matched=tuple(
            MatchedPair(system[s].index, system[s].id, system[s].event, gold[g].id, gold[g].event)
            for s, g in pairs
        ),
        missed_required=tuple(
            e.id for g, e in enumerate(gold) if e.required and g not in matched_gold
        ),
        unmatched_system=tuple(
            SystemRef(e.index, e.id, e.event)
            for s, e in enumerate(system)
            if s not in matched_system
        ),
    )


def _tally(
    pairs: Iterable[tuple[int, int]],
    system: Sequence[SystemEvent],
    gold: Sequence[GoldEvent],
    names: NameRules,
) -> tuple[tuple[int, int], ...]:
    """Count (hits, total) for mode, historical, date and place over one document's dyad pairs."""
    mode = historical = date = place = (0, 0)
    for s, g in pairs:
        ours, theirs = system[s], gold[g]
        if theirs.mode is not None:
            mode = (mode[0] + (ours.mode == theirs.mode), mode[1] + 1)
        if theirs.historical is not None:
            historical = (historical[0] + (ours.historical == theirs.historical), historical[1] + 1)
        if theirs.date is not None:
            date = (date[0] + _date_ok(theirs.date, ours.date), date[1] + 1)
        if theirs.place:
            wanted = {n for p in theirs.place for n in _place_names(p, names)}
            right = ours.place is not None and bool(_place_names(ours.place, names) & wanted)
            place = (place[0] + right, place[1] + 1)
    return mode, historical, date, place


def _place_names(name: str, names: NameRules) -> set[str]:
    """A place name folded, with and without the qualifier after a comma ("Afrin, Syria")."""
    return {fold_name(name, names), fold_name(name.split(",")[0], names)}


def _quote_found(quote: GoldQuote, quotes: Sequence[SystemQuote], context: _Context) -> bool:
    wanted = normalize_text(quote.text, context.text)
    slot = _slot(quote.speaker, context)
    return any(
        wanted in ours.text and ours.speaker is not None and _fills(slot, ours.speaker)
        for ours in quotes
    )


def _published_correct(document: GoldDocument, output: Mapping[str, Any] | None) -> bool | None:
    if document.published is None:
        return None
    meta = output.get("document") if output is not None else None
    if not isinstance(meta, Mapping):
        return False
    where = f"system output for document {document.doc!r}, document"
    ours = read_time(meta.get("published"), meta.get("published_precision"), where)
    return _date_ok(document.published, ours)


def _score_document(
    document: GoldDocument, output: Mapping[str, Any] | None, context: _Context
) -> _DocResult:
    where = f"system output for document {document.doc!r}"
    system, quotes = read_output(output, context.names, context.text, where)
    gold = document.events
    pairs = _match_levels(system, gold, context)
    missed_quotes = tuple(q.text for q in document.quotes if not _quote_found(q, quotes, context))
    mode, historical, date, place = _tally(pairs[_SECONDARY], system, gold, context.names)
    detail = DocumentDetail(
        doc=document.doc,
        has_output=output is not None,
        levels=tuple(
            _level_detail(lv, p, system, gold)
            for lv, p in zip(LEVELS, pairs[: len(LEVELS)], strict=True)
        ),
        published_correct=_published_correct(document, output),
        quotes_missed=missed_quotes,
    )
    found = len(document.quotes) - len(missed_quotes)
    times = read_times(output, where)
    dated = [e.date for e in gold if e.date is not None]
    in_text = (sum(any(_date_ok(d, t) for t in times) for d in dated), len(dated))
    return _DocResult(
        detail, system, document, pairs, mode, historical, date, place, found, in_text
    )


# ---------------------------------------------------------------------------------------------
# All documents


def _prf(
    system_matched: int, system: int, required_matched: int, required: int
) -> tuple[float, float, float]:
    """Precision, recall and F1 from the counts."""
    precision, recall = ratio(system_matched, system), ratio(required_matched, required)
    return precision, recall, f1(precision, recall)


def _level_score(level: int, results: Sequence[_DocResult]) -> LevelScore:
    system = sum(len(r.system) for r in results)
    matched = sum(len(r.pairs[level]) for r in results)
    required = sum(sum(e.required for e in r.gold.events) for r in results)
    required_matched = sum(
        sum(r.gold.events[g].required for _, g in r.pairs[level]) for r in results
    )
    return LevelScore(
        LEVELS[level],
        system,
        matched,
        required,
        required_matched,
        matched - required_matched,
        *_prf(matched, system, required_matched, required),
    )


def _type_counts(level: int, results: Sequence[_DocResult]) -> tuple[Counter[str], ...]:
    """Count system events by system type and required gold events by gold type, all and matched."""
    system: Counter[str] = Counter()
    system_matched: Counter[str] = Counter()
    required: Counter[str] = Counter()
    required_matched: Counter[str] = Counter()
    for r in results:
        system.update(e.event for e in r.system)
        required.update(e.event for e in r.gold.events if e.required)
        for s, g in r.pairs[level]:
            system_matched[r.system[s].event] += 1
            if r.gold.events[g].required:
                required_matched[r.gold.events[g].event] += 1
    return system, system_matched, required, required_matched


def _type_scores(level: int, results: Sequence[_DocResult]) -> tuple[TypeScore, ...]:
    system, system_matched, required, required_matched = _type_counts(level, results)
    seen = set(system) | set(required)
    order = [t for t in EVENT_TYPES if t in seen] + sorted(seen - set(EVENT_TYPES))
    return tuple(
        TypeScore(
            LEVELS[level],
            event,
            system[event],
            system_matched[event],
            required[event],
            required_matched[event],
            *_prf(system_matched[event], system[event], required_matched[event], required[event]),
        )
        for event in order
    )


def _sum_rate(pairs: Iterable[tuple[int, int]]) -> Rate:
    hits = total = 0
    for h, t in pairs:
        hits, total = hits + h, total + t
    return rate(hits, total)


def score(
    gold: Sequence[GoldDocument],
    outputs: Mapping[str, Mapping[str, Any]],
    states: Mapping[str, str],
    *,
    directed: bool = False,
) -> Report:
    """Score system outputs (gold doc id -> contract dict) against gold; states: name -> ISO3."""
    names = load_name_rules()
    context = _Context(
        names=names,
        text=load_text_rules(),
        states={fold_name(name, names): code.upper() for name, code in states.items()},
        directed=directed,
    )
    results = [_score_document(d, outputs.get(d.doc), context) for d in gold]
    published = [r.detail.published_correct for r in results]
    known = {d.doc for d in gold}
    return Report(
        levels=tuple(_level_score(i, results) for i in range(len(LEVELS))),
        per_type=tuple(row for i in range(len(LEVELS)) for row in _type_scores(i, results)),
        mode=_sum_rate(r.mode for r in results),
        historical=_sum_rate(r.historical for r in results),
        date=_sum_rate(r.date for r in results),
        place=_sum_rate(r.place for r in results),
        dates_in_text=_sum_rate(r.dates_in_text for r in results),
        published=rate(sum(p is True for p in published), sum(p is not None for p in published)),
        quotes=rate(sum(r.quotes_found for r in results), sum(len(d.quotes) for d in gold)),
        documents=tuple(r.detail for r in results),
        unscored_outputs=tuple(sorted(doc for doc in outputs if doc not in known)),
    )

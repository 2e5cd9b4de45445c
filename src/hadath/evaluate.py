"""Gold scoring: read gold annotations and score system output against them (eval/FORMAT.md).

Gold files are read by `load_gold`; `score` compares them with system output in the JSON contract
shape of DESIGN.md (`hadath.output.to_contract`). How FORMAT.md's rules are read here:

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

Names. `fold_name` folds case, accents, hyphens and the transliteration variants of
data/eval/names.yaml, and drops a trailing Wikipedia disambiguator in parentheses. Dropping it
outright would make "Ministry of Foreign Affairs (Russia)" and "... (Ukraine)" one name, so names
are compared with `names_match`: the folded names without disambiguator must be equal, and the
folded disambiguators must be equal too unless one of the two names has none. "Al-Watan (Syria)"
matches "Al-Watan"; the two ministries do not match.

Rule 3 (date). When gold gives a date, the system date cut to the gold precision must equal it; a
system date less precise than the gold one, or no system date, does not match. When the gold date
is null, any system date (or none) is fine.

Matching. Levels: "type" applies rule 1, "dyad" rules 1-2, "full" rules 1-3, each level on its own.
Within a document, system events are taken in output order; each matches the first gold event, in
gold file order, that no earlier system event took and that satisfies the level's rules. Precision
= matched system events / system events (matches with optional gold events count as matched);
recall = matched required gold events / required gold events; F1 their harmonic mean. A document
missing from the outputs is a system that produced nothing for it. Zero denominators give 0.0.

Secondary measures, all over the DYAD-level matched pairs:
- mode accuracy: pairs whose gold event has a mode; right when the system mode is the same;
- historical accuracy: pairs whose gold event states `historical`; right when the flags agree;
- date accuracy: pairs whose gold event has a date; right when rule 3 holds.
Publication-date accuracy counts the documents whose gold has `published`: right when the system's
document date, cut to the gold precision, equals it. Quote recall: a gold quote is found when some
system quote of the document, after `normalize_text`, contains the gold text and its speaker fills
the gold speaker slot by the rule-2 test (state rule included); one system quote may find several.
A Rate over nothing has value None.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from hadath.errors import GoldFormatError, LexiconError, MalformedRecordError
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list
from hadath.model import EVENT_TYPES, Precision, TimeValue

LEVELS: tuple[str, ...] = ("type", "dyad", "full")
PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")

NAMES_FILE = "eval/names.yaml"
TEXT_FILE = "eval/text.yaml"

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DISAMBIGUATOR = re.compile(r"(.*?)\s*\(([^()]*)\)\s*", re.DOTALL)
_NON_WORD = re.compile(r"[\W_]+")
_MARKS = frozenset({"Mn", "Me"})

_DOC_KEYS = frozenset({"doc", "outlet", "published", "published_precision", "events", "quotes"})
_EVENT_KEYS = frozenset(
    {
        "id",
        "event",
        "accept_events",
        "mode",
        "actors",
        "recipients",
        "date",
        "precision",
        "historical",
        "place",
        "dead",
        "injured",
        "evidence",
        "required",
    }
)
_QUOTE_KEYS = frozenset({"speaker", "text"})


# ---------------------------------------------------------------------------------------------
# Names


@dataclass(frozen=True, slots=True)
class NameRules:
    """The checked contents of data/eval/names.yaml, ready for folding."""

    table: Mapping[int, str | None]
    variants: Mapping[tuple[str, ...], tuple[str, ...]]
    longest: int
    prefixes: tuple[tuple[str, str], ...]
    join_with_next: frozenset[str]


@dataclass(frozen=True, slots=True)
class FoldedName:
    """A folded name split into its base and its folded Wikipedia disambiguator (or None)."""

    base: str
    qualifier: str | None

    def matches(self, other: FoldedName) -> bool:
        """Say whether two folded names name the same thing (see the module docstring)."""
        if not self.base or self.base != other.base:
            return False
        return (
            self.qualifier is None or other.qualifier is None or self.qualifier == other.qualifier
        )


def _plain(text: str) -> str:
    """Decompose, drop combining marks and case-fold."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) not in _MARKS).casefold()


def _spelling(value: Any, where: str) -> tuple[str, ...]:
    """Check one spelling of names.yaml and return its words."""
    if not isinstance(value, str) or not value:
        raise LexiconError(f"{where}: expected a non-empty string, found {value!r}")
    words = tuple(value.split(" "))
    if _plain(value) != value or not all(w and not _NON_WORD.search(w) for w in words):
        raise LexiconError(
            f"{where}: {value!r} must be lower case, without accents, letters and digits only, "
            "words separated by single spaces"
        )
    return words


def _name_table(data: Mapping[str, Any], where: str) -> dict[int, str | None]:
    letters = require_mapping(data.get("letters", {}), f"{where}, letters")
    table: dict[int, str | None] = {}
    for char, plain in letters.items():
        if len(char) != 1 or char != char.casefold() or not isinstance(plain, str):
            raise LexiconError(
                f"{where}, letters: {char!r} -> {plain!r}: map one lower-case character to "
                "plain letters"
            )
        table[ord(char)] = "".join(_spelling(plain, f"{where}, letters"))
    for char in require_str_list(data.get("drop", []), f"{where}, drop"):
        if len(char) != 1 or ord(char) in table:
            raise LexiconError(f"{where}, drop: {char!r} must be one character, not in letters")
        table[ord(char)] = None
    return table


def _name_variants(data: Mapping[str, Any], where: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    variants = require_mapping(data.get("variants", {}), f"{where}, variants")
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    canonicals = {_spelling(c, f"{where}, variants") for c in variants}
    for canonical, spellings in variants.items():
        target = _spelling(canonical, f"{where}, variants")
        for spelling in require_str_list(spellings, f"{where}, variants, {canonical}"):
            words = _spelling(spelling, f"{where}, variants, {canonical}")
            if words in found or words in canonicals:
                raise LexiconError(
                    f"{where}, variants: {spelling!r} is listed twice or is itself a canonical "
                    "spelling; keep it under one canonical spelling only"
                )
            found[words] = target
    return found


def _name_prefixes(data: Mapping[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    prefixes = require_mapping(data.get("prefixes", {}), f"{where}, prefixes")
    pairs: list[tuple[str, str]] = []
    for canonical, spellings in prefixes.items():
        (target,) = _one_word(canonical, f"{where}, prefixes")
        for spelling in require_str_list(spellings, f"{where}, prefixes, {canonical}"):
            (word,) = _one_word(spelling, f"{where}, prefixes, {canonical}")
            if any(word == known for known, _ in pairs):
                raise LexiconError(f"{where}, prefixes: {spelling!r} is listed twice")
            pairs.append((word, target))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _one_word(value: Any, where: str) -> tuple[str]:
    words = _spelling(value, where)
    if len(words) != 1:
        raise LexiconError(f"{where}: {value!r} must be a single word")
    return (words[0],)


def parse_name_rules(data: Any, where: str = f"hadath/data/{NAMES_FILE}") -> NameRules:
    """Check the loaded contents of names.yaml and build NameRules; LexiconError names the fault."""
    mapping = require_mapping(data, where)
    unknown = sorted(set(mapping) - {"letters", "drop", "variants", "prefixes", "join_with_next"})
    if unknown:
        raise LexiconError(
            f"{where}: unknown section(s) {', '.join(unknown)}; "
            "use letters, drop, variants, prefixes, join_with_next"
        )
    variants = _name_variants(mapping, where)
    joins = [
        _one_word(w, f"{where}, join_with_next")[0]
        for w in require_str_list(mapping.get("join_with_next", []), f"{where}, join_with_next")
    ]
    return NameRules(
        table=_name_table(mapping, where),
        variants=variants,
        longest=max((len(words) for words in variants), default=1),
        prefixes=_name_prefixes(mapping, where),
        join_with_next=frozenset(joins),
    )


def load_name_rules() -> NameRules:
    """Load and check data/eval/names.yaml."""
    return parse_name_rules(load_yaml(NAMES_FILE))


def _fold_words(text: str, rules: NameRules) -> str:
    """Fold one name part: accents, case, separators, variants, prefixes, joined words."""
    words = [w for w in _NON_WORD.split(_plain(text).translate(rules.table)) if w]
    varied: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(rules.longest, len(words) - i), 0, -1):
            canonical = rules.variants.get(tuple(words[i : i + size]))
            if canonical is not None:
                varied.extend(canonical)
                i += size
                break
        else:
            varied.append(_fold_prefix(words[i], rules))
            i += 1
    joined: list[str] = []
    carry = ""
    for word in varied:
        if word in rules.join_with_next:
            carry += word
        else:
            joined.append(carry + word)
            carry = ""
    if carry:
        joined.append(carry)
    return " ".join(joined)


def _fold_prefix(word: str, rules: NameRules) -> str:
    for prefix, canonical in rules.prefixes:
        if word.startswith(prefix):
            return canonical + word[len(prefix) :]
    return word


def fold_parts(name: str, rules: NameRules | None = None) -> FoldedName:
    """Fold a name into its base and its Wikipedia disambiguator, both folded."""
    rules = rules if rules is not None else load_name_rules()
    found = _DISAMBIGUATOR.fullmatch(name)
    if found is None or not found.group(1).strip():
        return FoldedName(_fold_words(name, rules), None)
    qualifier = _fold_words(found.group(2), rules)
    return FoldedName(_fold_words(found.group(1), rules), qualifier or None)


def fold_name(name: str, rules: NameRules | None = None) -> str:
    """Fold a name for comparison: case, accents, variants; trailing disambiguator dropped."""
    return fold_parts(name, rules).base


def names_match(first: str, second: str, rules: NameRules | None = None) -> bool:
    """Say whether two names match (equal folded bases, compatible disambiguators)."""
    rules = rules if rules is not None else load_name_rules()
    return fold_parts(first, rules).matches(fold_parts(second, rules))


# ---------------------------------------------------------------------------------------------
# Text


@dataclass(frozen=True, slots=True)
class TextRules:
    """The checked contents of data/eval/text.yaml: a str.translate table."""

    table: Mapping[int, str | None]


def _one_char(value: Any, where: str) -> str:
    if not isinstance(value, str) or len(value) != 1:
        raise LexiconError(f"{where}: {value!r} must be a single character")
    return value


def parse_text_rules(data: Any, where: str = f"hadath/data/{TEXT_FILE}") -> TextRules:
    """Check the loaded contents of text.yaml and build TextRules; LexiconError names the fault."""
    mapping = require_mapping(data, where)
    unknown = sorted(set(mapping) - {"remove", "replace"})
    if unknown:
        raise LexiconError(f"{where}: unknown section(s) {', '.join(unknown)}; use remove, replace")
    table: dict[int, str | None] = {}
    for char in require_str_list(mapping.get("remove", []), f"{where}, remove"):
        table[ord(_one_char(char, f"{where}, remove"))] = None
    replace = require_mapping(mapping.get("replace", {}), f"{where}, replace")
    for target, sources in replace.items():
        _one_char(target, f"{where}, replace")
        for source in require_str_list(sources, f"{where}, replace, {target}"):
            code = ord(_one_char(source, f"{where}, replace, {target}"))
            if code in table:
                raise LexiconError(f"{where}: {source!r} is listed twice; keep one rule for it")
            table[code] = target
    return TextRules(table=table)


def load_text_rules() -> TextRules:
    """Load and check data/eval/text.yaml."""
    return parse_text_rules(load_yaml(TEXT_FILE))


def normalize_text(text: str, rules: TextRules | None = None) -> str:
    """Normalise text for quote comparison: NFKC, marks and tatweel gone, letter forms unified."""
    rules = rules if rules is not None else load_text_rules()
    composed = unicodedata.normalize("NFKC", text)
    bare = "".join(ch for ch in composed if unicodedata.category(ch) not in _MARKS)
    return " ".join(bare.translate(rules.table).split())


# ---------------------------------------------------------------------------------------------
# Gold files


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event; `actors` and `recipients` are slots, each a tuple of accepted names."""

    id: str
    event: str
    actors: tuple[tuple[str, ...], ...]
    recipients: tuple[tuple[str, ...], ...]
    date: TimeValue | None
    historical: bool | None = None
    required: bool = True
    accept_events: tuple[str, ...] = ()
    mode: str | None = None
    place: tuple[str, ...] = ()
    dead: int | None = None
    injured: int | None = None
    evidence: str | None = None

    @property
    def reciprocal(self) -> bool:
        """Say whether the event is reciprocal (no recipients: every participant in actors)."""
        return not self.recipients

    def accepts(self, event_type: str) -> bool:
        """Say whether a system event type counts as right for this event (rule 1)."""
        return event_type == self.event or event_type in self.accept_events


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A gold quotation: accepted speaker names and a text the system quote must contain."""

    speaker: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """The gold annotation of one document."""

    doc: str
    outlet: str | None
    published: TimeValue | None
    events: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...] = ()


def _gold_error(where: str, problem: str) -> GoldFormatError:
    return GoldFormatError(f"{where}: {problem} (see eval/FORMAT.md)")


def _check_keys(item: Any, allowed: frozenset[str], where: str) -> Mapping[str, Any]:
    if not isinstance(item, Mapping):
        raise _gold_error(where, f"expected a mapping of fields, found {type(item).__name__}")
    unknown = sorted(str(key) for key in item if key not in allowed)
    if unknown:
        raise _gold_error(
            where, f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )
    return item


def _required(item: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in item:
        raise _gold_error(where, f"missing field `{key}`")
    return item[key]


def _optional_str(value: Any, where: str, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _gold_error(where, f"`{key}` must be a non-empty string or null, found {value!r}")
    return value.strip()


def _identifier(value: Any, where: str, key: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise _gold_error(where, f"`{key}` must be a non-empty string, found {value!r}")
    return str(value).strip()


def _alternatives(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, str):
        raise _gold_error(where, f'`{key}` items must be names ("A" or "A | B"), found {value!r}')
    names = tuple(part.strip() for part in value.split("|"))
    if not all(names):
        raise _gold_error(where, f"`{key}` item {value!r} has an empty alternative around '|'")
    return names


def _slots(value: Any, where: str, key: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list):
        raise _gold_error(where, f"`{key}` must be a list of names (write [] for none)")
    return tuple(_alternatives(item, where, key) for item in value)


def _precision_of(text: str) -> Precision | None:
    """Return the precision of an ISO date string, or None when it is not a valid one."""
    found = _ISO.fullmatch(text)
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "day" if day else "month" if month else "year"


def _gold_precision(value: Any) -> Precision | None:
    for precision in PRECISIONS:
        if value == precision:
            return precision
    return None


def _gold_time(value: Any, precision: Any, where: str, key: str, pkey: str) -> TimeValue | None:
    """Check a gold date and its precision; YAML gives date objects, strings or ints."""
    if value is None:
        if precision is not None:
            raise _gold_error(where, f"`{pkey}` is {precision!r} but `{key}` is null: give both")
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        text = value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:04d}"
    else:
        text = value.strip() if isinstance(value, str) else ""
    shape = _precision_of(text)
    if shape is None:
        raise _gold_error(
            where, f"`{key}` {value!r} is not an ISO date YYYY-MM-DD, YYYY-MM or YYYY"
        )
    given = _gold_precision(precision)
    if precision is None:
        raise _gold_error(where, f"`{key}` {text} needs `{pkey}`: day, month or year")
    if given is None:
        raise _gold_error(where, f"`{pkey}` is {precision!r}; use day, month or year")
    if given != shape:
        raise _gold_error(where, f"`{key}` {text} has precision {shape} but `{pkey}` says {given}")
    return TimeValue(text, shape)


def _count(value: Any, where: str, key: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _gold_error(
            where, f"`{key}` must be a whole number of people or null, found {value!r}"
        )
    return value


def _flag(value: Any, where: str, key: str, default: bool | None) -> bool | None:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise _gold_error(where, f"`{key}` must be true or false, found {value!r}")
    return value


def _event_type(value: Any, where: str, key: str) -> str:
    if value not in EVENT_TYPES:
        raise _gold_error(
            where, f"`{key}` {value!r} is not a PLOVER type; use one of {', '.join(EVENT_TYPES)}"
        )
    return str(value)


def _parse_event(item: Any, where: str, number: int) -> GoldEvent:
    raw = _check_keys(item, _EVENT_KEYS, f"{where}, event #{number}")
    event_id = _identifier(raw.get("id", f"#{number}"), f"{where}, event #{number}", "id")
    where = f"{where}, event {event_id!r}"
    accept = raw.get("accept_events") or []
    if not isinstance(accept, list):
        raise _gold_error(where, "`accept_events` must be a list of PLOVER types")
    actors = _slots(_required(raw, "actors", where), where, "actors")
    recipients = _slots(_required(raw, "recipients", where), where, "recipients")
    if not actors and not recipients:
        raise _gold_error(where, "the event has no participants: name at least one actor")
    place = _optional_str(raw.get("place"), where, "place")
    return GoldEvent(
        id=event_id,
        event=_event_type(_required(raw, "event", where), where, "event"),
        actors=actors,
        recipients=recipients,
        date=_gold_time(
            _required(raw, "date", where), raw.get("precision"), where, "date", "precision"
        ),
        historical=_flag(raw.get("historical"), where, "historical", None),
        required=bool(_flag(raw.get("required"), where, "required", True)),
        accept_events=tuple(_event_type(t, where, "accept_events") for t in accept),
        mode=_optional_str(raw.get("mode"), where, "mode"),
        place=_alternatives(place, where, "place") if place else (),
        dead=_count(raw.get("dead"), where, "dead"),
        injured=_count(raw.get("injured"), where, "injured"),
        evidence=_optional_str(raw.get("evidence"), where, "evidence"),
    )


def _parse_quote(item: Any, where: str) -> GoldQuote:
    raw = _check_keys(item, _QUOTE_KEYS, where)
    text = _optional_str(_required(raw, "text", where), where, "text")
    if text is None:
        raise _gold_error(where, "`text` must be the quotation's opening words, not null")
    return GoldQuote(_alternatives(_required(raw, "speaker", where), where, "speaker"), text)


def _parse_document(item: Any, source: str, number: int) -> GoldDocument:
    where = f"gold file {source}, document #{number}"
    raw = _check_keys(item, _DOC_KEYS, where)
    doc = _identifier(_required(raw, "doc", where), where, "doc")
    where = f"gold file {source}, document {doc!r}"
    events_raw = _required(raw, "events", where)
    quotes_raw = raw.get("quotes") or []
    if not isinstance(events_raw, list) or not isinstance(quotes_raw, list):
        raise _gold_error(where, "`events` and `quotes` must be lists (write [] for none)")
    events = tuple(_parse_event(e, where, n) for n, e in enumerate(events_raw, 1))
    ids = [event.id for event in events]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise _gold_error(where, f"event id(s) {', '.join(duplicates)} used twice; make ids unique")
    quotes = tuple(_parse_quote(q, f"{where}, quote #{n}") for n, q in enumerate(quotes_raw, 1))
    published = _gold_time(
        raw.get("published"),
        raw.get("published_precision"),
        where,
        "published",
        "published_precision",
    )
    return GoldDocument(
        doc, _optional_str(raw.get("outlet"), where, "outlet"), published, events, quotes
    )


def parse_gold(data: Any, source: str = "<gold>") -> tuple[GoldDocument, ...]:
    """Check loaded gold YAML (a list of documents) and build GoldDocuments."""
    where = f"gold file {source}"
    if not isinstance(data, list):
        raise _gold_error(where, f"expected a list of documents (`- doc: ...`), found {data!r:.40}")
    documents = tuple(_parse_document(d, source, n) for n, d in enumerate(data, 1))
    seen: set[str] = set()
    for document in documents:
        if document.doc in seen:
            raise _gold_error(where, f"document {document.doc!r} appears twice; merge the entries")
        seen.add(document.doc)
    return documents


def load_gold(path: str | Path) -> tuple[GoldDocument, ...]:
    """Read and check a gold YAML file; GoldFormatError names the document, event and problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(
            f"cannot read gold file {path}: {exc}; give a UTF-8 YAML file"
        ) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise GoldFormatError(f"gold file {path} is not valid YAML: {exc}") from exc
    except ValueError as exc:  # PyYAML's own date parsing, e.g. 2023-02-30
        raise GoldFormatError(
            f"gold file {path} holds an impossible date ({exc}); write a real calendar date"
        ) from exc
    return parse_gold(data, str(path))


# ---------------------------------------------------------------------------------------------
# Report


@dataclass(frozen=True, slots=True)
class Rate:
    """Hits out of total; value is None when there is nothing to count."""

    hits: int
    total: int
    value: float | None


@dataclass(frozen=True, slots=True)
class LevelScore:
    """Precision, recall and F1 at one level (type, dyad or full), with their counts."""

    level: str
    system: int
    system_matched: int
    required: int
    required_matched: int
    optional_matched: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class TypeScore:
    """One row of the per-type table: system counts by system type, gold counts by gold type."""

    level: str
    event: str
    system: int
    system_matched: int
    required: int
    required_matched: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class MatchedPair:
    """A system event (by its index in the output) matched with a gold event."""

    system_index: int
    system_id: str | None
    system_event: str
    gold_id: str
    gold_event: str


@dataclass(frozen=True, slots=True)
class SystemRef:
    """A system event that matched nothing: its index in the output, id and type."""

    index: int
    id: str | None
    event: str


@dataclass(frozen=True, slots=True)
class LevelDetail:
    """What happened in one document at one level."""

    level: str
    matched: tuple[MatchedPair, ...]
    missed_required: tuple[str, ...]
    unmatched_system: tuple[SystemRef, ...]


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """Per-document detail for debugging."""

    doc: str
    has_output: bool
    levels: tuple[LevelDetail, ...]
    published_correct: bool | None
    quotes_missed: tuple[str, ...]

    def level(self, name: str) -> LevelDetail:
        """Return the detail for one level: 'type', 'dyad' or 'full'."""
        return _pick(self.levels, name)


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of system output against gold (see the module docstring for every definition)."""

    levels: tuple[LevelScore, ...]
    per_type: tuple[TypeScore, ...]
    mode: Rate
    historical: Rate
    date: Rate
    published: Rate
    quotes: Rate
    documents: tuple[DocumentDetail, ...]
    unscored_outputs: tuple[str, ...] = ()

    def level(self, name: str) -> LevelScore:
        """Return the scores of one level: 'type', 'dyad' or 'full'."""
        return _pick(self.levels, name)

    def type_score(self, level: str, event: str) -> TypeScore | None:
        """Return the per-type row for a level and event type, if that type occurs."""
        for row in self.per_type:
            if row.level == level and row.event == event:
                return row
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-able data; levels keyed by name."""
        data: dict[str, Any] = _to_plain(self)
        data["levels"] = {row["level"]: row for row in data["levels"]}
        for document in data["documents"]:
            document["levels"] = {row["level"]: row for row in document["levels"]}
        return data


_Row = TypeVar("_Row", LevelScore, LevelDetail)


def _pick(rows: tuple[_Row, ...], name: str) -> _Row:
    for row in rows:
        if row.level == name:
            return row
    raise KeyError(f"unknown level {name!r}; use one of {', '.join(LEVELS)}")


def _to_plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_to_plain(item) for item in value]
    return value


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def _rate(hits: int, total: int) -> Rate:
    return Rate(hits, total, hits / total if total else None)


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True, slots=True)
class _Participant:
    names: tuple[FoldedName, ...]
    kind: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class _Alternative:
    name: FoldedName
    state: str | None


@dataclass(frozen=True, slots=True)
class _SystemEvent:
    index: int
    id: str | None
    event: str
    mode: str | None
    actors: tuple[_Participant, ...]
    recipients: tuple[_Participant, ...]
    date: TimeValue | None
    historical: bool


@dataclass(frozen=True, slots=True)
class _SystemQuote:
    speaker: _Participant | None
    text: str


@dataclass(frozen=True, slots=True)
class _Context:
    names: NameRules
    text: TextRules
    states: Mapping[str, str]
    directed: bool


@dataclass(frozen=True, slots=True)
class _DocResult:
    detail: DocumentDetail
    system: tuple[_SystemEvent, ...]
    gold: GoldDocument
    pairs: tuple[tuple[tuple[int, int], ...], ...]
    mode: tuple[int, int]
    historical: tuple[int, int]
    date: tuple[int, int]
    quotes_found: int


def _malformed(where: str, problem: str) -> MalformedRecordError:
    return MalformedRecordError(f"{where}: {problem}; follow the JSON contract of DESIGN.md")


def _text_field(raw: Mapping[str, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise _malformed(where, f"`{key}` must be a string or null, found {value!r}")
    return value


def _participant(raw: Any, context: _Context, where: str) -> _Participant:
    if not isinstance(raw, Mapping):
        raise _malformed(where, f"an actor must be an object with `name`, found {raw!r}")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _malformed(where, "`aliases` must be a list of strings")
    name = _text_field(raw, "name", where)
    spellings = ([name] if name else []) + list(aliases)
    country = _text_field(raw, "country", where)
    return _Participant(
        names=tuple(fold_parts(s, context.names) for s in spellings),
        kind=_text_field(raw, "kind", where),
        country=country.upper() if country else None,
    )


def _participants(raw: Any, context: _Context, where: str) -> tuple[_Participant, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _malformed(where, "`actors` and `recipients` must be lists of actor objects")
    return tuple(_participant(item, context, where) for item in raw)


def _system_time(value: Any, precision: Any, where: str) -> TimeValue | None:
    """Read a system date; an explicit coarser precision cuts the value."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else value
    shape = _precision_of(text) if isinstance(text, str) else None
    if shape is None:
        raise _malformed(where, f"date {value!r} is not ISO YYYY-MM-DD, YYYY-MM or YYYY")
    given = _gold_precision(precision)
    if given is not None and PRECISIONS.index(given) < PRECISIONS.index(shape):
        return TimeValue(text[: _date_length(given)], given)
    return TimeValue(text, shape)


def _date_length(precision: Precision) -> int:
    return {"year": 4, "month": 7, "day": 10}[precision]


def _system_event(raw: Any, index: int, context: _Context, where: str) -> _SystemEvent:
    where = f"{where}, event #{index}"
    if not isinstance(raw, Mapping):
        raise _malformed(where, "an event must be an object")
    return _SystemEvent(
        index=index,
        id=None if raw.get("id") is None else str(raw.get("id")),
        event=str(raw.get("event") or ""),
        mode=_text_field(raw, "mode", where),
        actors=_participants(raw.get("actors"), context, where),
        recipients=_participants(raw.get("recipients"), context, where),
        date=_system_time(raw.get("date"), raw.get("date_precision"), where),
        historical=bool(raw.get("historical", False)),
    )


def _system_quote(raw: Any, context: _Context, where: str) -> _SystemQuote:
    if not isinstance(raw, Mapping):
        raise _malformed(where, "a quote must be an object with `speaker` and `text`")
    speaker = raw.get("speaker")
    text = _text_field(raw, "text", where) or ""
    return _SystemQuote(
        speaker=None if speaker is None else _participant(speaker, context, where),
        text=normalize_text(text, context.text),
    )


def _system_list(output: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = output.get(key) or []
    if not isinstance(value, list):
        raise _malformed(where, f"`{key}` must be a list")
    return value


def _alternative_slots(
    slots: tuple[tuple[str, ...], ...], context: _Context
) -> tuple[tuple[_Alternative, ...], ...]:
    return tuple(tuple(_alternative(name, context) for name in slot) for slot in slots)


def _alternative(name: str, context: _Context) -> _Alternative:
    folded = fold_parts(name, context.names)
    return _Alternative(folded, context.states.get(folded.base))


def _fills(slot: tuple[_Alternative, ...], participant: _Participant) -> bool:
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


def _all_filled(slots: Sequence[tuple[_Alternative, ...]], pool: Sequence[_Participant]) -> bool:
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


@dataclass(frozen=True, slots=True)
class _PreparedGold:
    event: GoldEvent
    actors: tuple[tuple[_Alternative, ...], ...]
    recipients: tuple[tuple[_Alternative, ...], ...]


def _dyad_ok(gold: _PreparedGold, system: _SystemEvent, directed: bool) -> bool:
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


def _greedy(
    system: Sequence[_SystemEvent], gold: Sequence[GoldEvent], ok: Sequence[Sequence[bool]]
) -> tuple[tuple[int, int], ...]:
    """Match system events in output order to the first free gold event that fits."""
    taken = [False] * len(gold)
    pairs: list[tuple[int, int]] = []
    for s in range(len(system)):
        for g in range(len(gold)):
            if not taken[g] and ok[s][g]:
                taken[g] = True
                pairs.append((s, g))
                break
    return tuple(pairs)


def _level_detail(
    level: str,
    pairs: tuple[tuple[int, int], ...],
    system: Sequence[_SystemEvent],
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
    system: Sequence[_SystemEvent],
    gold: Sequence[GoldEvent],
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """Count (hits, total) for mode, historical and date over one document's dyad pairs."""
    mode = historical = date = (0, 0)
    for s, g in pairs:
        ours, theirs = system[s], gold[g]
        if theirs.mode is not None:
            mode = (mode[0] + (ours.mode == theirs.mode), mode[1] + 1)
        if theirs.historical is not None:
            historical = (historical[0] + (ours.historical == theirs.historical), historical[1] + 1)
        if theirs.date is not None:
            date = (date[0] + _date_ok(theirs.date, ours.date), date[1] + 1)
    return mode, historical, date


def _quotes_missed(
    document: GoldDocument, quotes: Sequence[_SystemQuote], context: _Context
) -> tuple[str, ...]:
    missed: list[str] = []
    for quote in document.quotes:
        wanted = normalize_text(quote.text, context.text)
        slot = tuple(_alternative(name, context) for name in quote.speaker)
        if not any(
            wanted in ours.text and ours.speaker is not None and _fills(slot, ours.speaker)
            for ours in quotes
        ):
            missed.append(quote.text)
    return tuple(missed)


def _published_correct(document: GoldDocument, output: Mapping[str, Any] | None) -> bool | None:
    if document.published is None:
        return None
    meta = output.get("document") if output is not None else None
    if not isinstance(meta, Mapping):
        return False
    where = f"system output for document {document.doc!r}, document"
    ours = _system_time(meta.get("published"), meta.get("published_precision"), where)
    return _date_ok(document.published, ours)


def _score_document(
    document: GoldDocument, output: Mapping[str, Any] | None, context: _Context
) -> _DocResult:
    where = f"system output for document {document.doc!r}"
    if output is not None and not isinstance(output, Mapping):
        raise _malformed(where, "expected a JSON object")
    raw_events = _system_list(output, "events", where) if output is not None else []
    raw_quotes = _system_list(output, "quotes", where) if output is not None else []
    system = tuple(_system_event(e, i, context, where) for i, e in enumerate(raw_events))
    quotes = tuple(
        _system_quote(q, context, f"{where}, quote #{i}") for i, q in enumerate(raw_quotes)
    )
    gold = document.events
    prepared = [
        _PreparedGold(
            e, _alternative_slots(e.actors, context), _alternative_slots(e.recipients, context)
        )
        for e in gold
    ]
    type_ok = [[g.accepts(s.event) for g in gold] for s in system]
    dyad_ok = [
        [type_ok[i][j] and _dyad_ok(prepared[j], s, context.directed) for j in range(len(gold))]
        for i, s in enumerate(system)
    ]
    full_ok = [
        [dyad_ok[i][j] and _date_ok(g.date, s.date) for j, g in enumerate(gold)]
        for i, s in enumerate(system)
    ]
    pairs = tuple(_greedy(system, gold, ok) for ok in (type_ok, dyad_ok, full_ok))
    missed_quotes = _quotes_missed(document, quotes, context)
    mode, historical, date = _tally(pairs[1], system, gold)
    detail = DocumentDetail(
        doc=document.doc,
        has_output=output is not None,
        levels=tuple(
            _level_detail(lv, p, system, gold) for lv, p in zip(LEVELS, pairs, strict=True)
        ),
        published_correct=_published_correct(document, output),
        quotes_missed=missed_quotes,
    )
    return _DocResult(
        detail,
        system,
        document,
        pairs,
        mode,
        historical,
        date,
        len(document.quotes) - len(missed_quotes),
    )


def _level_score(level: int, results: Sequence[_DocResult]) -> LevelScore:
    system = sum(len(r.system) for r in results)
    matched = sum(len(r.pairs[level]) for r in results)
    required = sum(sum(e.required for e in r.gold.events) for r in results)
    required_matched = sum(
        sum(r.gold.events[g].required for _, g in r.pairs[level]) for r in results
    )
    precision, recall = _ratio(matched, system), _ratio(required_matched, required)
    return LevelScore(
        LEVELS[level],
        system,
        matched,
        required,
        required_matched,
        matched - required_matched,
        precision,
        recall,
        _f1(precision, recall),
    )


def _type_scores(level: int, results: Sequence[_DocResult]) -> tuple[TypeScore, ...]:
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
    seen = set(system) | set(required)
    order = [t for t in EVENT_TYPES if t in seen] + sorted(seen - set(EVENT_TYPES))
    rows: list[TypeScore] = []
    for event in order:
        precision = _ratio(system_matched[event], system[event])
        recall = _ratio(required_matched[event], required[event])
        rows.append(
            TypeScore(
                LEVELS[level],
                event,
                system[event],
                system_matched[event],
                required[event],
                required_matched[event],
                precision,
                recall,
                _f1(precision, recall),
            )
        )
    return tuple(rows)


def _sum_rate(pairs: Iterable[tuple[int, int]]) -> Rate:
    hits = total = 0
    for h, t in pairs:
        hits, total = hits + h, total + t
    return _rate(hits, total)


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
        published=_rate(sum(p is True for p in published), sum(p is not None for p in published)),
        quotes=_rate(sum(r.quotes_found for r in results), sum(len(d.quotes) for d in gold)),
        documents=tuple(r.detail for r in results),
        unscored_outputs=tuple(sorted(doc for doc in outputs if doc not in known)),
    )

"""The data model: frozen, slotted values; every annotation is a Span into Document.text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
ActorKind = Literal["person", "organisation", "state", "place", "group"]

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "REJECT",
    "ACCUSE",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range [start, end) into Document.text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """Return the slice of `text` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Say whether `other` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Say whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark: its span, normalised form, and clitic-free stem.

    `readings` lists every way to read the word with or without its clitics, least stripped
    first, each with the offset where that reading starts: ("وليما", 0), ("ليما", 1), ("يما", 2).
    Lexicon look-ups try them all, so a name spelt with a clitic-like first letter (ليما) is
    still found, and never found inside another word (فيما)."""

    span: Span
    norm: str
    stem: str
    stem_span: Span
    prefix: str = ""
    suffix: str = ""
    readings: tuple[tuple[str, int], ...] = ()

    @property
    def is_word(self) -> bool:
        """Say whether the token holds a letter or digit (not bare punctuation)."""
        return any(ch.isalnum() for ch in self.norm)


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A calendar value cut to its precision: 2022-10-21 (day), 2022-10 (month), 2022 (year)."""

    value: str
    precision: Precision


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression in the text and the calendar value it resolves to."""

    span: Span
    value: TimeValue | None
    rule: str
    relative: bool = False


@dataclass(frozen=True, slots=True)
class Role:
    """An office an actor holds, with ISO dates (None = open-ended)."""

    office: str
    country: str | None = None
    start: str | None = None
    end: str | None = None
    title: str | None = None
    concurrent: bool = False  # shared with a rival or co-holder


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: name is the English Wikipedia title."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    wikidata: str | None = None
    arabic: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names (or stands for) an actor; a title without a name keeps its
    office and country, so that the holder can be found again for an event's own date."""

    span: Span
    kind: ActorKind
    actor_id: str | None
    score: float
    rule: str = ""
    office: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A stretch of text that names a place: its English name and the state it lies in."""

    span: Span
    place_id: str
    name: str
    country: str | None = None
    kind: str = "city"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation, its speaker, and the speech cue that introduced it."""

    span: Span
    speaker_actor_id: str | None
    cue: Span | None
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: PLOVER type and mode, participants, date, and its evidence."""

    type: str
    mode: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    evidence: Span
    trigger: Span
    rule: str
    confidence: float
    context: tuple[str, ...] = ()
    date: TimeValue | None = None
    date_source: str | None = None
    historical: bool = False
    negated: bool = False
    place: str | None = None
    dead: int | None = None
    injured: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """An input article; `text` is the cleaned text every offset points into."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_precision: Precision | None = None
    published_source: str | None = None
    language: str | None = None
    source: str | None = None
    images: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read or coded, and why."""

    source: str
    reason: str
    error: str
    document_id: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """A document with everything the pipeline stages found in it."""

    document: Document
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Span, ...] = ()
    times: tuple[TimeMention, ...] = ()
    mentions: tuple[Mention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = field(default=())

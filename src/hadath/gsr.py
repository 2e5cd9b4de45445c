"""Sentence-level event-coding gold (UniversalPetrarch Arabic GSR): read it and score hadath."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hadath.errors import GoldFormatError
from hadath.lexicons.actors import ActorKB
from hadath.model import Document, Event
from hadath.pipeline import process
from hadath.resources import Resources

# Each <Sentence> is parsed on its own: the published file lacks its closing </Validation>.
_SENTENCE = re.compile(r"<Sentence\b.*?</Sentence>", re.DOTALL)
_NONE = "None"


@dataclass(frozen=True, slots=True)
class GsrItem:
    """One hand-coded sentence: its event type and the source and target states (ISO3), when
    the coder gave one ("ISR MIL" -> ISR; "None CVL" -> None)."""

    id: str
    event: str
    date: str | None
    text: str
    source: str | None
    target: str | None


@dataclass(frozen=True, slots=True)
class GsrScore:
    """How many sentences hadath codes with the gold type, and with the right source and target
    state among the events of that type."""

    sentences: int
    type_found: int
    source_total: int
    source_right: int
    target_total: int
    target_right: int

    def rates(self) -> dict[str, float]:
        """The three shares, 0.0 for an empty denominator."""

        def share(hits: int, total: int) -> float:
            return hits / total if total else 0.0

        return {
            "type_rate": share(self.type_found, self.sentences),
            "source_rate": share(self.source_right, self.source_total),
            "target_rate": share(self.target_right, self.target_total),
        }


def _country(code: str | None) -> str | None:
    first = (code or "").split()[:1]
    return first[0] if first and first[0] != _NONE else None


def _date(raw: str | None) -> str | None:
    if raw and re.fullmatch(r"\d{8}", raw):
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return None


def _item(block: str, where: str) -> GsrItem:
    try:
        node = ET.fromstring(block)
    except ET.ParseError as exc:
        raise GoldFormatError(f"{where}: a <Sentence> is not well-formed XML ({exc})") from exc
    coding = node.find("EventCoding")
    text = (node.findtext("Text") or "").strip()
    if coding is None or not text:
        raise GoldFormatError(f"{where}: sentence {node.get('id')!r} needs EventCoding and Text")
    return GsrItem(
        id=node.get("id") or "",
        event=coding.get("plover") or node.get("category") or "",
        date=_date(node.get("date")),
        text=text,
        source=_country(coding.get("sourcecode")),
        target=_country(coding.get("targetcode")),
    )


def read_gsr(path: Path) -> tuple[GsrItem, ...]:
    """Read the sentences of a GSR validation file."""
    raw = path.read_text(encoding="utf-8")
    items = tuple(_item(m.group(0), str(path)) for m in _SENTENCE.finditer(raw))
    if not items:
        raise GoldFormatError(f"{path}: no <Sentence> elements; is this a GSR validation file?")
    return items


def _countries(ids: Iterable[str], kb: ActorKB) -> set[str]:
    return {a.country for i in ids if (a := kb.actors.get(i)) is not None and a.country}


def _score_item(item: GsrItem, events: Sequence[Event], kb: ActorKB) -> tuple[int, ...]:
    """(type found, source counted, source right, target counted, target right)."""
    typed = [e for e in events if e.type == item.event]
    source = any(item.source in _countries(e.actors, kb) for e in typed)
    target = any(item.target in _countries(e.recipients, kb) for e in typed)
    return (
        int(bool(typed)),
        int(item.source is not None),
        int(item.source is not None and source),
        int(item.target is not None),
        int(item.target is not None and target),
    )


def score_gsr(items: Sequence[GsrItem], resources: Resources) -> GsrScore:
    """Code each sentence on its own (dated by the item's date) and count what hadath gets."""
    totals = [0] * 5
    for item in items:
        doc = Document(item.id, item.text, published=item.date, published_precision="day")
        events = process(doc, resources).events
        totals = [
            t + x for t, x in zip(totals, _score_item(item, events, resources.actors), strict=True)
        ]
    return GsrScore(len(items), *totals)

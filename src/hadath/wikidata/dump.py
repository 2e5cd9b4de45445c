"""Reading the Wikidata JSON dump (latest-all.json): one entity a line, humans kept."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from hadath.errors import MalformedRecordError
from hadath.wikidata.values import (
    UNKNOWN,
    Person,
    Progress,
    Statement,
    WikiTime,
    as_dict,
    parse_time,
    pick_time,
)

GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
PROGRESS_EVERY = 1_000_000


def read_dump(
    stream: Iterable[bytes], positions: Collection[str], progress: Progress | None = None
) -> Iterator[Person]:
    """Yield the humans of a JSON dump (one entity a line) who held one of the positions."""
    if not positions:
        return
    ids = b"|".join(re.escape(q.encode()) for q in sorted(positions))
    wanted = re.compile(b'"(?:' + ids + b')"')
    for number, line in enumerate(stream, 1):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number)
        # most lines are skipped without parsing: they name neither P39 nor a wanted position
        if b'"P39"' not in line or wanted.search(line) is None:
            continue
        person = person_from_entity(_entity(line, number))
        if person is not None:
            yield person


def _entity(line: bytes, number: int) -> dict[str, Any]:
    text = line.strip().rstrip(b",")
    try:
        entity = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(
            f"line {number} of the dump is not a JSON entity ({exc.msg}); the file may be "
            "truncated: download it again"
        ) from exc
    return as_dict(entity)


def person_from_entity(entity: Mapping[str, Any]) -> Person | None:
    """Read a human's names and P39 statements from one dump entity (None if not a human)."""
    claims = as_dict(entity.get("claims"))
    if entity.get("type") != "item" or "Q5" not in _items(claims.get("P31")):
        return None
    died = [_snak_time(as_dict(c.get("mainsnak"))) for c in _best(claims.get("P570"))]
    return Person(
        wikidata=str(entity.get("id")),
        enwiki=as_dict(as_dict(entity.get("sitelinks")).get("enwiki")).get("title"),
        label_en=_label(entity, "en", "mul"),
        aliases_en=_aliases(entity, "en"),
        label_ar=_label(entity, "ar"),
        aliases_ar=_aliases(entity, "ar"),
        citizenship=_items(claims.get("P27")),
        died=pick_time(died, latest=False),
        statements=tuple(s for c in _ranked(claims.get("P39")) if (s := _statement(c))),
    )


def _snak_time(snak: Mapping[str, Any]) -> WikiTime | None:
    if snak.get("snaktype") == "somevalue":
        return UNKNOWN
    value = as_dict(snak.get("datavalue")).get("value")
    if snak.get("snaktype") != "value" or not isinstance(value, dict):
        return None
    calendar = value.get("calendarmodel", GREGORIAN) == GREGORIAN
    return parse_time(str(value.get("time", "")), int(value.get("precision", 0)), calendar)


def _ranked(claims: Any) -> list[dict[str, Any]]:
    """Every non-deprecated claim, preferred ones first."""
    items = [c for c in claims if isinstance(c, dict)] if isinstance(claims, list) else []
    return [c for c in items if c.get("rank") == "preferred"] + [
        c for c in items if c.get("rank", "normal") == "normal"
    ]


def _best(claims: Any) -> list[dict[str, Any]]:
    """The claims of best rank (what Wikidata's 'truthy' statements hold)."""
    ranked = _ranked(claims)
    preferred = [c for c in ranked if c.get("rank") == "preferred"]
    return preferred or ranked


def _item_id(snak: Any) -> str | None:
    value = as_dict(as_dict(snak).get("datavalue")).get("value")
    ident = as_dict(value).get("id")
    return ident if isinstance(ident, str) else None


def _items(claims: Any) -> tuple[str, ...]:
    return tuple(i for c in _best(claims) if (i := _item_id(c.get("mainsnak"))))


def _qualifier_times(claim: Mapping[str, Any], prop: str) -> list[WikiTime | None]:
    snaks = as_dict(claim.get("qualifiers")).get(prop)
    return [_snak_time(s) for s in snaks if isinstance(s, dict)] if isinstance(snaks, list) else []


def _statement(claim: Mapping[str, Any]) -> Statement | None:
    position = _item_id(claim.get("mainsnak"))
    if position is None:
        return None
    start = pick_time(_qualifier_times(claim, "P580"), latest=False)
    return Statement(position, start, pick_time(_qualifier_times(claim, "P582"), latest=True))


def _label(entity: Mapping[str, Any], *languages: str) -> str | None:
    labels = as_dict(entity.get("labels"))
    for language in languages:
        value = as_dict(labels.get(language)).get("value")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _aliases(entity: Mapping[str, Any], language: str) -> tuple[str, ...]:
    found = as_dict(entity.get("aliases")).get(language)
    values = [as_dict(a).get("value") for a in found] if isinstance(found, list) else []
    return tuple(v.strip() for v in values if isinstance(v, str) and v.strip())

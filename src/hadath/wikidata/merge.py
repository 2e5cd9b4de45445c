"""Merging generated entries into a hand-written people file without losing anything in it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from hadath.errors import LexiconError
from hadath.lexicons.load import require_mapping
from hadath.model import Role
from hadath.wikidata.build import unique_ids
from hadath.wikidata.render import render_entries, render_entry
from hadath.wikidata.sources import entry_from
from hadath.wikidata.values import (
    MAX_DATE,
    MIN_DATE,
    SCRIPT,
    Conflict,
    Entry,
    MergeResult,
    office_name,
)

_ENTRY_KEYS = frozenset({"id", "name", "country", "wikidata", "aliases", "arabic", "roles"})
_ROLE_KEYS = frozenset({"office", "country", "title", "start", "end"})


@dataclass(frozen=True, slots=True)
class _Block:
    """One entry of a hand-written file: the lines before it, its own lines, its data."""

    before: str
    text: str
    raw: Mapping[str, Any]
    entry: Entry
    locked: str | None  # why the entry cannot be rewritten, if it cannot


def merge_people(
    text: str,
    new: Iterable[Entry],
    normalise: Callable[[str], str],
    where: str = "people file",
    reserved: Collection[str] = (),
) -> MergeResult:
    """Extend a people file text with generated entries; nothing listed is removed or changed."""
    blocks, tail = _split(text, where)
    by_qid = {b.entry.wikidata: i for i, b in reversed(list(enumerate(blocks))) if b.entry.wikidata}
    by_name = {b.entry.name: i for i, b in reversed(list(enumerate(blocks)))}
    current = {i: b.entry for i, b in enumerate(blocks)}
    added, conflicts = [], []
    for entry in new:
        index = _match(entry, by_qid, by_name)
        if index is None:
            added.append(entry)
            continue
        merged, found = _merge_one(current[index], entry, blocks[index], normalise)
        current[index] = merged
        conflicts += found
    changed = {i: e for i, e in current.items() if e != blocks[i].entry}
    fresh = unique_ids(added, {*reserved, *(b.entry.id for b in blocks)})
    return MergeResult(
        text=_rebuild(blocks, tail, changed, fresh),
        added=tuple(e.id for e in fresh),
        extended=tuple(current[i].id for i in sorted(changed)),
        conflicts=tuple(conflicts),
    )


def _match(new: Entry, by_qid: Mapping[str, int], by_name: Mapping[str, int]) -> int | None:
    found = by_qid.get(new.wikidata) if new.wikidata else None
    return found if found is not None else by_name.get(new.name)


def _merge_one(
    current: Entry, new: Entry, block: _Block, normalise: Callable[[str], str]
) -> tuple[Entry, list[Conflict]]:
    if current.wikidata and new.wikidata and current.wikidata != new.wikidata:
        message = f"{new.name} ({new.wikidata}) has this entry's name but it is {current.wikidata}"
        return current, [Conflict(current.id, message + "; not merged")]
    merged, conflicts = extend_entry(current, new, normalise)
    if merged != current and block.locked:
        why = f"would gain data from {new.wikidata} but {block.locked}; merge by hand"
        return current, [*conflicts, Conflict(current.id, why)]
    return merged, conflicts


def extend_entry(
    current: Entry, new: Entry, normalise: Callable[[str], str]
) -> tuple[Entry, list[Conflict]]:
    """Add a generated entry's roles, spellings, Wikidata id and country to a listed entry."""
    conflicts = []
    if current.country and new.country and current.country != new.country:
        message = f"country: the file has {current.country}, Wikidata {new.country} (file kept)"
        conflicts.append(Conflict(current.id, message))
    roles, clashes = _merge_roles(current, new.roles)
    english = (current.name, *current.aliases)
    merged = dataclasses.replace(
        current,
        wikidata=current.wikidata or new.wikidata,
        country=current.country or new.country,
        aliases=current.aliases + _new_spellings(english, (new.name, *new.aliases), normalise),
        arabic=current.arabic + _new_spellings(current.arabic, new.arabic, normalise),
        roles=roles,
    )
    return merged, conflicts + clashes


def _merge_roles(current: Entry, new: Iterable[Role]) -> tuple[tuple[Role, ...], list[Conflict]]:
    roles, conflicts = list(current.roles), []
    for role in new:
        same = [r for r in roles if (r.office, r.country) == (role.office, role.country)]
        if any((r.start, r.end) == (role.start, role.end) for r in same):
            continue
        clash = [r for r in same if _overlaps(r, role)]
        if clash:
            what = office_name(role.office, role.country)
            message = f"{what}: the file has {_span(clash[0])}, Wikidata {_span(role)}"
            conflicts.append(Conflict(current.id, message + " (the file's dates kept)"))
        else:
            roles.append(role)
    return tuple(roles), conflicts


def _span(role: Role) -> str:
    return f"{role.start or '?'} to {role.end or 'open'}"


def _overlaps(a: Role, b: Role) -> bool:
    return (a.start or MIN_DATE) <= (b.end or MAX_DATE) and (b.start or MIN_DATE) <= (
        a.end or MAX_DATE
    )


def _new_spellings(
    known: Iterable[str], candidates: Iterable[str], normalise: Callable[[str], str]
) -> tuple[str, ...]:
    """Candidates whose normalised form is not yet listed (the loader normalises anyway)."""
    seen = {" ".join(normalise(k).split()) for k in known}
    out = []
    for candidate in candidates:
        key = " ".join(normalise(candidate).split())
        if key and key not in seen:
            seen.add(key)
            out.append(candidate)
    return tuple(out)


def _rebuild(
    blocks: Sequence[_Block], tail: str, changed: Mapping[int, Entry], added: Sequence[Entry]
) -> str:
    parts = []
    for i, block in enumerate(blocks):
        parts += [block.before, render_entry(changed[i]) if i in changed else block.text]
    text = "".join(parts) + tail
    if not added:
        return text
    heading = f"# === Added from Wikidata by {SCRIPT}: check before keeping ===\n"
    return text.rstrip("\n") + "\n\n" + heading + "\n" + render_entries(added)


def _split(text: str, where: str) -> tuple[list[_Block], str]:
    """Cut a people file into entries, keeping every comment and blank line where it is."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
    blocks, done = [], 0
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        while stop > start + 1 and _is_gap(lines[stop - 1]):
            stop -= 1
        body = "".join(lines[start:stop])
        blocks.append(_block("".join(lines[done:start]), body, f"{where}:{start + 1}"))
        done = stop
    tail = "".join(lines[done:])
    if (yaml.safe_load(text) or []) != [b.raw for b in blocks]:
        raise LexiconError(
            f"{where}: entries are not one '- ' item each at column 0; merge by hand"
        )
    return blocks, tail


def _is_gap(line: str) -> bool:
    return not line.strip() or line.startswith("#")


def _block(before: str, body: str, where: str) -> _Block:
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{where}: entry is not valid YAML: {exc}") from exc
    if not isinstance(data, list) or len(data) != 1:
        raise LexiconError(f"{where}: expected one list item; merge by hand")
    raw = require_mapping(data[0], where)
    return _Block(before, body, raw, entry_from(raw, where), _locked(raw, body))


def _locked(raw: Mapping[str, Any], body: str) -> str | None:
    unknown = set(raw) - _ENTRY_KEYS
    for role in raw.get("roles") or []:
        unknown |= set(role) - _ROLE_KEYS if isinstance(role, dict) else set()
    if unknown:
        return f"has fields the generator does not write ({', '.join(sorted(unknown))})"
    if "#" in body:
        return "has comments inside the entry"
    return None

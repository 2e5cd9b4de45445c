"""The positions file (Wikidata position items and their offices) and the actor files' ids."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml

from hadath.errors import LexiconError
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import load_yaml, require_mapping
from hadath.wikidata.values import QID, Position

POSITIONS_FILE = "actors/positions.yaml"


@dataclass(frozen=True, slots=True)
class KnownActors:
    """What the generator needs from the actor files, read once."""

    offices: frozenset[str]  # labels of person offices (offices.yaml)
    iso3: frozenset[str]  # states' ISO 3166-1 alpha-3 codes
    countries: Mapping[str, str]  # Wikidata state item -> iso3
    taken: frozenset[str]  # ids of states and organisations, which people must not take


def default_positions_path() -> Path:
    """Return the path of the shipped data/actors/positions.yaml."""
    return Path(str(resources.files("hadath").joinpath("data", *POSITIONS_FILE.split("/"))))


def load_positions(
    path: Path | None = None, known: KnownActors | None = None
) -> Mapping[str, Position]:
    """Load and check a positions file (default: the shipped one), keyed by Wikidata id."""
    where = str(path) if path else f"hadath/data/{POSITIONS_FILE}"
    data = _read_yaml(path) if path else load_yaml(POSITIONS_FILE)
    if not isinstance(data, list):
        raise LexiconError(f"{where}: expected a list of positions (wikidata, office, country)")
    known = known or known_actors()
    out: dict[str, Position] = {}
    for raw in data:
        position = _position(raw, where, known)
        if position.wikidata in out:
            raise LexiconError(f"{where}: {position.wikidata} is listed twice; keep one entry")
        out[position.wikidata] = position
    return FrozenMap(out)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.strerror}); check the path") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path} is not valid YAML: {exc}") from exc


def _position(raw: Any, where: str, known: KnownActors) -> Position:
    entry = require_mapping(raw, where)
    qid, office, country = entry.get("wikidata"), entry.get("office"), entry.get("country")
    if not isinstance(qid, str) or not QID.match(qid):
        raise LexiconError(f"{where}: wikidata {qid!r} must be an item id such as Q11696")
    if office not in known.offices:
        raise LexiconError(
            f"{where}: {qid} office {office!r} is not a person office of actors/offices.yaml"
        )
    if country is not None and country not in known.iso3:
        raise LexiconError(f"{where}: {qid} country {country!r} is not an iso3 of states.yaml")
    title = entry.get("title")
    return Position(qid, cast(str, office), country, title if isinstance(title, str) else None)


def _listed(relative: str) -> list[dict[str, Any]]:
    data = load_yaml(relative)
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def known_actors() -> KnownActors:
    """Read what the generator needs from offices.yaml, states.yaml and organisations.yaml."""
    states = _listed("actors/states.yaml")
    others = [*states, *_listed("actors/organisations.yaml")]
    offices = _listed("actors/offices.yaml")
    return KnownActors(
        offices=frozenset(str(o["office"]) for o in offices if o.get("kind") == "person"),
        iso3=frozenset(str(s["iso3"]) for s in states if s.get("iso3")),
        countries=FrozenMap(
            {
                str(s["wikidata"]): str(s["iso3"])
                for s in states
                if s.get("wikidata") and s.get("iso3")
            }
        ),
        taken=frozenset(str(e["id"]) for e in others if e.get("id")),
    )

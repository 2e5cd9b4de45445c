"""Read the data files shipped in hadath/data."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import yaml

from hadath.errors import LexiconError

# libyaml's safe loader when PyYAML was built with it: the same data, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # an entry id: lowercase ascii, digits, hyphens
ISO3 = re.compile(r"^[A-Z]{3}$")  # an ISO 3166-1 alpha-3 code


def data_text(relative: str) -> str:
    """Return the text of a data file, e.g. 'normalize/rules.yaml'."""
    path = resources.files("hadath").joinpath("data", *relative.split("/"))
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(
            f"data file hadath/data/{relative} is missing: reinstall hadath (pip install -e .)"
        ) from exc


def load_yaml(relative: str) -> Any:
    """Parse a YAML data file, naming the file in any error."""
    try:
        return yaml.load(data_text(relative), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise LexiconError(f"hadath/data/{relative} is not valid YAML: {exc}") from exc


def require_mapping(value: Any, where: str) -> dict[str, Any]:
    """Check that a loaded value is a mapping with string keys."""
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise LexiconError(f"{where}: expected a mapping with string keys")
    return value


def require_str_list(value: Any, where: str) -> list[str]:
    """Check that a loaded value is a list of non-empty strings."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"{where}: expected a list of non-empty strings")
    return value


def data_files(folder: str, suffix: str) -> list[str]:
    """Return the data files of a folder (relative paths, sorted); none when it does not exist."""
    path = resources.files("hadath").joinpath("data", *folder.split("/"))
    if not path.is_dir():
        return []
    names = sorted(p.name for p in path.iterdir() if p.name.endswith(suffix))
    return [f"{folder}/{name}" for name in names]

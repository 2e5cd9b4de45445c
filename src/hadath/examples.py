"""The example articles shipped with hadath (written for the project, MIT licensed)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".html")


def examples_dir() -> Path:
    """Return the folder holding the shipped example articles and their gold coding."""
    return Path(str(resources.files("hadath").joinpath("data", "examples")))


def example_paths() -> list[Path]:
    """Return the example article files, sorted by name."""
    return sorted(
        p for p in examples_dir().iterdir() if p.suffix in _SUFFIXES and p.stem.lower() != "readme"
    )

"""The evaluation gate: scores on gold files may not fall below the pinned floors.

Floors live in floors.yaml and may only rise: when the system improves, raise them in the same
commit. A test below checks every committed version of floors.yaml against the one before it.
"""

from __future__ import annotations

import itertools
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from hadath import batch, evaluate
from hadath.examples import examples_dir
from hadath.resources import Resources

FLOORS_FILE = Path(__file__).with_name("floors.yaml")
FLOORS: dict[str, dict[str, float]] = yaml.safe_load(FLOORS_FILE.read_text(encoding="utf-8"))


def _sources(shared: Path | None) -> dict[str, tuple[Path, dict[str, Path]]]:
    sources = {"examples": (examples_dir() / "gold.yaml", {"samples": examples_dir()})}
    if shared is not None:
        sources["samples"] = (shared / "samples" / "gold.yaml", {"samples": shared / "samples"})
        sources["corpus-dev"] = (
            shared / "corpus" / "gold-dev.yaml",
            {"corpus": shared / "corpus" / "articles.jsonl"},
        )
    return sources


def measure(gold: Path, where: dict[str, Path], resources: Resources) -> dict[str, float]:
    """Score hadath on one gold file and return the gated numbers."""
    docs = evaluate.load_gold(gold)
    outputs, _ = batch.code_gold_documents([d.doc for d in docs], resources, **where)
    data = evaluate.score(docs, outputs, batch.state_names(resources)).to_dict()
    numbers = {f"{level}_{k}": data["levels"][level][k] for level in ("type", "dyad", "full")
               for k in ("precision", "recall", "f1")}  # fmt: skip
    for rate in ("published", "quotes"):
        numbers[f"{rate}_rate"] = data[rate]["value"] or 0.0
    return numbers


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_scores_stay_above_floors(name: str, resources: Resources) -> None:
    shared = Path(__file__).resolve().parents[3] / "shared"
    sources = _sources(shared if shared.is_dir() else None)
    if name not in sources:
        pytest.skip(f"{name}: gold data is not present")
    gold, where = sources[name]
    measured = measure(gold, where, resources)
    below = {k: (measured[k], floor) for k, floor in FLOORS[name].items() if measured[k] < floor}
    assert not below, f"{name}: scores fell below their floors (measured, floor): {below}"


def _committed_versions() -> list[dict[str, Any]]:
    git = shutil.which("git")
    root = Path(__file__).resolve().parents[2]
    if git is None or not (root / ".git").exists():
        return []
    log = subprocess.run([git, "log", "--format=%H", "--", "tests/eval/floors.yaml"], cwd=root,
                         capture_output=True, text=True, check=False)  # fmt: skip
    versions = []
    for commit in reversed(log.stdout.split()):
        shown = subprocess.run([git, "show", f"{commit}:tests/eval/floors.yaml"], cwd=root,
                               capture_output=True, text=True, check=False)  # fmt: skip
        if shown.returncode == 0:
            versions.append(yaml.safe_load(shown.stdout))
    return versions


def test_floors_only_rise() -> None:
    versions = [*_committed_versions(), FLOORS]
    for older, newer in itertools.pairwise(versions):
        for name, floors in older.items():
            for key, value in floors.items():
                assert newer.get(name, {}).get(key, -math.inf) >= value, (
                    f"floor {name}.{key} fell from {value}"
                )

"""The evaluation gate: scores on gold files may not fall below the pinned floors.

Floors live in floors.yaml and may only rise: when the system improves, raise them in the same
commit. A test below checks every committed version of floors.yaml against the one before it.
"""

from __future__ import annotations

import itertools
import math
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from hadath import batch, evaluate, names, ner
from hadath.examples import examples_dir
from hadath.gold import GoldDocument
from hadath.gsr import read_gsr, score_gsr
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
    numbers = {
        f"{level}_{k}": data["levels"][level][k]
        for level in ("type", "dyad", "full")
        for k in ("precision", "recall", "f1")
    }
    for rate in ("published", "quotes", "dates_in_text", "date", "place"):
        numbers[f"{rate}_rate"] = data[rate]["value"] or 0.0
    numbers["actor_coverage"] = actor_coverage(docs, resources)
    return numbers


def actor_coverage(docs: Sequence[GoldDocument], resources: Resources) -> float:
    """Share of gold actor slots and quote speakers that name an actor of the knowledge base."""
    rules = names.load_name_rules()
    known = {
        names.fold_name(n, rules)
        for a in resources.actors.actors.values()
        for n in (a.name, *a.aliases)
    }
    slots = [s for d in docs for e in d.events for s in (*e.actors, *e.recipients)]
    slots += [q.speaker for d in docs for q in d.quotes]
    found = sum(any(names.fold_name(x, rules) in known for x in slot) for slot in slots)
    return found / len(slots) if slots else 1.0


NER_TEST = Path("corpus/ner/ANERcorp-CamelLabSplits/ANERCorp_CamelLab_test.txt")


def measure_ner(path: Path, resources: Resources) -> dict[str, float]:
    """Tag the ANERcorp test split (never trained or tuned on) and return CoNLL micro scores."""
    sentences = ner.read_conll(path.read_text(encoding="utf-8").splitlines())
    gold = ner.conll_tags(sentences)
    assert gold is not None
    predicted = ner.tag_words(resources.ner, ner.conll_words(sentences), resources)
    scores = ner.conll_scores(gold, predicted)
    return {
        f"{key}_{k}": scores[key][k]
        for key in ("micro", "PERS", "LOC", "ORG")
        for k in ("precision", "recall", "f1")
    }


GSR = Path("corpus/events/UniversalPetrarch-Arabic-GSR/arabic_gsr_validation_18-11-14.xml")
EXTRA = ("ner-anercorp-test", "gsr-arabic")  # gated sources that are not gold-event files


def measure_named(name: str, shared: Path | None, resources: Resources) -> dict[str, float] | None:
    """Measure one gated source by name; None when its data is not present."""
    if name == "ner-anercorp-test":
        return measure_ner(shared / NER_TEST, resources) if shared else None
    if name == "gsr-arabic":  # never tuned on: sentences coded one by one
        return score_gsr(read_gsr(shared / GSR), resources).rates() if shared else None
    sources = _sources(shared)
    return measure(*sources[name], resources) if name in sources else None


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_scores_stay_above_floors(name: str, resources: Resources) -> None:
    shared = Path(__file__).resolve().parents[3] / "shared"
    measured = measure_named(name, shared if shared.is_dir() else None, resources)
    if measured is None:
        pytest.skip(f"{name}: gold data is not present")
    below = {k: (measured[k], floor) for k, floor in FLOORS[name].items() if measured[k] < floor}
    assert not below, f"{name}: scores fell below their floors (measured, floor): {below}"


def _committed_versions() -> list[dict[str, Any]]:
    git = shutil.which("git")
    root = Path(__file__).resolve().parents[2]
    if git is None or not (root / ".git").exists():
        return []
    log = subprocess.run(
        [git, "log", "--format=%H", "--", "tests/eval/floors.yaml"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    versions = []
    for commit in reversed(log.stdout.split()):
        shown = subprocess.run(
            [git, "show", f"{commit}:tests/eval/floors.yaml"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
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

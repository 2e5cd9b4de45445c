"""Clustering measured on labelled pairs of reports from different corpus articles.

Floors of pairwise precision and recall of "same act"; like the evaluation gate's, they may
only rise.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hadath.clusters import cluster, reciprocal_types
from hadath.ingest import read_paths
from hadath.model import Document
from hadath.pipeline import process
from hadath.resources import Resources
from hadath.store import Store

PAIRS = Path(__file__).parents[1] / "data" / "cluster_pairs.yaml"
PRECISION_FLOOR = 0.59
RECALL_FLOOR = 0.72
FOUND_FLOOR = 0.9  # share of labelled reports the current coding still gives

Key = tuple[str, int, str]


def _key(value: list[object]) -> Key:
    return str(value[0]), int(str(value[1])), str(value[2])


def _labelled() -> list[tuple[Key, Key, bool]]:
    data = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))
    return [(_key(p["a"]), _key(p["b"]), bool(p["same"])) for p in data["pairs"]]


def pairwise(
    labelled: list[tuple[Key, Key, bool]], cluster_of: dict[Key, str]
) -> tuple[float, float, int]:
    """Precision and recall of "same act" over the labelled pairs both of whose reports the
    clustering saw, and how many such pairs there were."""
    seen = [(a, b, same) for a, b, same in labelled if a in cluster_of and b in cluster_of]
    said = [(cluster_of[a] == cluster_of[b], same) for a, b, same in seen]
    both = sum(1 for merged, same in said if merged and same)
    merged = sum(1 for m, _ in said if m)
    truly = sum(1 for _, same in said if same)
    return (both / merged if merged else 1.0), (both / truly if truly else 1.0), len(seen)


def test_pairwise_precision_and_recall_of_same_act(
    resources: Resources, shared: Path, tmp_path: Path
) -> None:
    labelled = _labelled()
    wanted = {k[0] for a, b, _ in labelled for k in (a, b)}
    read = read_paths(
        [shared / "corpus" / "articles.jsonl", shared / "samples"], resources.settings
    )
    documents = [d for d in read if isinstance(d, Document) and d.id in wanted]
    with Store.open(tmp_path / "pairs.db") as store:
        for document in documents:
            store.save(process(document, resources))
        events = store.events()
    found = cluster(events, reciprocal_types(resources.events))
    cluster_of = {(r.document_id, r.evidence_start, r.type): c.id for c in found for r in c.reports}
    precision, recall, seen = pairwise(labelled, cluster_of)
    assert seen >= FOUND_FLOOR * len(labelled), (seen, len(labelled))
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR, (precision, recall, seen)


@pytest.mark.parametrize(
    ("merged", "expected"),
    [
        ({"x": "1", "y": "1", "z": "2"}, (1.0, 1.0, 2)),
        ({"x": "1", "y": "1", "z": "1"}, (0.5, 1.0, 2)),
        ({"x": "1", "y": "2", "z": "3"}, (1.0, 0.0, 2)),
    ],
)
def test_pairwise_counts(merged: dict[str, str], expected: tuple[float, float, int]) -> None:
    x, y, z = (("d1", 0, "T"), ("d2", 0, "T"), ("d3", 0, "T"))
    labelled = [(x, y, True), (y, z, False)]
    keys = {"x": x, "y": y, "z": z}
    assert pairwise(labelled, {keys[k]: v for k, v in merged.items()}) == expected

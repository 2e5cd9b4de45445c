"""Rewrite the golden end-to-end files: the JSON contract of every shipped example article.

Run after a deliberate change of behaviour, then review the diff: `python scripts/update_golden.py`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hadath.examples import example_paths
from hadath.ingest import read_paths
from hadath.model import Document
from hadath.output import to_contract
from hadath.pipeline import process
from hadath.resources import load_resources

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "golden" / "expected"


def golden_name(document: Document) -> str:
    """Return the file name of a document's golden output."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", document.id) + ".json"


def main() -> None:
    """Write one JSON file per example document."""
    resources = load_resources()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for old in GOLDEN.glob("*.json"):
        old.unlink()
    for item in read_paths(example_paths(), resources.settings):
        if not isinstance(item, Document):
            raise SystemExit(f"example failed to read: {item}")
        contract = to_contract(process(item, resources))
        text = json.dumps(contract, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        (GOLDEN / golden_name(item)).write_text(text, encoding="utf-8")
        print(f"wrote {golden_name(item)}: {len(contract['events'])} events")


if __name__ == "__main__":
    main()

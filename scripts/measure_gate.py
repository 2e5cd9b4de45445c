"""Print the gated evaluation numbers; with --raise, lift floors.yaml to them (never lower).

python scripts/measure_gate.py            # show measured numbers next to the floors
python scripts/measure_gate.py --raise    # raise floors that the system now beats
"""

from __future__ import annotations

import argparse
import importlib.util
import math
from pathlib import Path

import yaml

from hadath.resources import load_resources

ROOT = Path(__file__).resolve().parents[1]
HEADER = (
    "# Pinned floors of the evaluation gate (tests/eval/test_gate.py). They may only rise:\n"
    "# raise them with `python scripts/measure_gate.py --raise`; never lower one.\n"
)


def main() -> None:
    """Measure every gold source and print (or raise) the floors."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raise", dest="lift", action="store_true")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("gate", ROOT / "tests" / "eval" / "test_gate.py")
    assert spec is not None and spec.loader is not None
    gate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gate)
    resources = load_resources()
    shared = ROOT.parent / "shared"
    floors = dict(gate.FLOORS)
    present = shared if shared.is_dir() else None
    for name in sorted({*gate._sources(present), *gate.EXTRA}):
        measured = gate.measure_named(name, present, resources)
        if measured is None:
            continue
        old = floors.get(name, {})
        for key, value in sorted(measured.items()):
            print(
                f"{name:11} {key:16} measured {value:.3f}  floor {old.get(key, float('nan')):.2f}"
            )
        floors[name] = {
            k: max(old.get(k, 0.0), math.floor(v * 100) / 100) for k, v in measured.items()
        }
    if args.lift:
        text = HEADER + yaml.safe_dump(floors, sort_keys=True)
        (ROOT / "tests" / "eval" / "floors.yaml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

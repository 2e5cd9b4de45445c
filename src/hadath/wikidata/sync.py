"""The sync check: is a generated file still what its recorded source yields?"""

from __future__ import annotations

import dataclasses
import difflib
from pathlib import Path

from hadath.wikidata.positions import KnownActors
from hadath.wikidata.render import read_provenance, render
from hadath.wikidata.sources import generate
from hadath.wikidata.values import SCRIPT, Provenance, SyncResult


def check_sync(
    generated: Path, root: Path | None = None, known: KnownActors | None = None
) -> SyncResult:
    """Regenerate a generated file from its recorded source (if present) and compare."""
    root = root or Path.cwd()
    text = generated.read_text(encoding="utf-8")
    recorded = read_provenance(text)
    if recorded is None:
        return SyncResult(generated, "not-generated", "the file has no source header")
    source, positions = _resolve(recorded.source, root), _resolve(recorded.positions, root)
    for path in (source, positions):
        if not path.is_file():
            return SyncResult(generated, "source-missing", f"{path} is not present")
    fresh = generate(source, fmt=recorded.format, positions=positions, root=root, known=known)
    provenance = dataclasses.replace(
        fresh.provenance, source=recorded.source, positions=recorded.positions
    )
    again = render(dataclasses.replace(fresh, provenance=provenance))
    if again == text:
        return SyncResult(generated, "in-sync", "regenerated text is identical")
    return SyncResult(generated, "stale", _why_stale(generated, recorded, provenance, text, again))


def _resolve(recorded: str, root: Path) -> Path:
    path = Path(recorded)
    return path if path.is_absolute() else root / path


def _why_stale(path: Path, old: Provenance, new: Provenance, text: str, again: str) -> str:
    fix = f"run: python {SCRIPT} {old.source} --positions {old.positions} -o {path}"
    if old.source_sha256 != new.source_sha256:
        return f"{old.source} changed since the file was generated; {fix}"
    if old.positions_sha256 != new.positions_sha256:
        return f"{old.positions} changed since the file was generated; {fix}"
    diff = difflib.unified_diff(text.splitlines(), again.splitlines(), "file", "now", lineterm="")
    return f"the file differs from what its source yields; {fix}\n" + "\n".join(list(diff)[:20])

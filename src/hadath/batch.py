"""Library entry points the CLI and API call: code, ingest and evaluate batches of documents."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hadath.errors import HadathError
from hadath.ingest import read_paths, read_stdin
from hadath.ingest.dates import parse_iso_date
from hadath.model import Analysis, Document, Failure
from hadath.output import to_contract
from hadath.pipeline import process
from hadath.resources import Resources
from hadath.store import Saved, Store

# The outcomes that store a document's own events.
_NEW = frozenset({Saved.STORED, Saved.REPLACED})


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest run did: `stored` counts new and replaced documents; `copies` counts
    documents recorded as copies of a stored one (not stored again, no events of their own)."""

    run_id: int
    read: int
    stored: int
    unchanged: int
    events: int
    failures: tuple[Failure, ...]
    copies: int = 0


def override_published(document: Document, published: str | None) -> Document:
    """Return the document with a user-given publication date (YYYY-MM-DD, YYYY-MM or YYYY)."""
    if published is None:
        return document
    value, precision = parse_iso_date(published)
    return dataclasses.replace(
        document, published=value, published_precision=precision, published_source="override"
    )


def safe_process(document: Document, resources: Resources) -> Analysis | Failure:
    """Process one document; an unexpected error becomes a recorded Failure, not a crash."""
    source = document.source or document.id
    try:
        return process(document, resources)
    except HadathError as exc:
        return Failure(source, f"{source}: {exc}", type(exc).__name__, document.id)
    except Exception as exc:  # one bad document must not end a batch
        reason = f"{source}: internal error ({type(exc).__name__}: {exc}); please report it"
        return Failure(source, reason, "InternalError", document.id)


def read_sources(
    sources: Iterable[str], resources: Resources, stdin: bytes | None = None
) -> Iterator[Document | Failure]:
    """Read files, directories, or '-' (stdin bytes) as Documents or Failures, in order."""
    settings = resources.settings
    for source in sources:
        if source == "-":
            yield from read_stdin(stdin or b"", settings)
        else:
            yield from read_paths([source], settings)


def code(
    sources: Iterable[str],
    resources: Resources,
    published: str | None = None,
    stdin: bytes | None = None,
) -> Iterator[Analysis | Failure]:
    """Read and code every document of the sources, yielding analyses and failures in order."""
    if published is not None:
        parse_iso_date(published)  # fail before reading anything
    for item in read_sources(sources, resources, stdin):
        if isinstance(item, Failure):
            yield item
        else:
            yield safe_process(override_published(item, published), resources)


def ingest(
    sources: Iterable[str],
    store: Store,
    resources: Resources,
    command: str = "ingest",
    progress: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Code and store every document; failures are recorded and the batch goes on."""
    run_id = store.start_run(command)
    read = events = 0
    outcomes = dict.fromkeys(Saved, 0)
    failures: list[Failure] = []
    for item in code(sources, resources):
        if isinstance(item, Failure):
            failures.append(item)
            store.record_failure(run_id, item)
        else:
            read += 1
            outcome = _put(store, item, run_id)
            if isinstance(outcome, Failure):
                failures.append(outcome)
                store.record_failure(run_id, outcome)
            else:
                outcomes[outcome] += 1
                events += len(item.events) if outcome in _NEW else 0
        if progress is not None:
            progress(item.source if isinstance(item, Failure) else item.document.id)
    stored = sum(outcomes[outcome] for outcome in _NEW)
    unchanged, copies = outcomes[Saved.UNCHANGED], outcomes[Saved.COPY]
    store.finish_run(
        run_id, stored, events, failures=len(failures), skipped=unchanged, copies=copies
    )
    return IngestSummary(
        run_id, read + len(failures), stored, unchanged, events, tuple(failures), copies
    )


def _put(store: Store, analysis: Analysis, run_id: int) -> Saved | Failure:
    """Save one analysis; an error the store raises becomes a Failure."""
    try:
        return store.put(analysis, run_id)
    except HadathError as exc:
        source = analysis.document.source or analysis.document.id
        return Failure(source, f"{source}: {exc}", type(exc).__name__, analysis.document.id)


def state_names(resources: Resources) -> dict[str, str]:
    """Map every folded English name and alias of a state to its ISO alpha-3 code."""
    from hadath.evaluate import fold_name

    names: dict[str, str] = {}
    for actor in resources.actors.actors.values():
        if actor.kind == "state" and actor.country:
            for name in (actor.name, *actor.aliases):
                names[fold_name(name)] = actor.country
    return names


def _keyed(items: Iterable[Document | Failure]) -> dict[str, Document | Failure]:
    """Index documents by id and by the stem of the file they came from."""
    keyed: dict[str, Document | Failure] = {}
    for item in items:
        source = item.source if isinstance(item, Failure) else (item.source or "")
        if isinstance(item, Document):
            keyed[item.id] = item
        if source and not source.endswith("]") and ":" not in Path(source).name:
            keyed.setdefault(Path(source).stem, item)
    return keyed


def code_gold_documents(
    docs: Iterable[str],
    resources: Resources,
    samples: Path | None = None,
    corpus: Path | None = None,
) -> tuple[dict[str, dict[str, Any]], list[Failure]]:
    """Code the documents a gold file names, from a samples folder or a JSON Lines corpus."""
    source = corpus if corpus is not None else samples
    assert source is not None
    items = _keyed(read_paths([source], resources.settings))
    outputs: dict[str, dict[str, Any]] = {}
    failures: list[Failure] = []
    for doc in docs:
        item = items.get(doc)
        if item is None:
            failures.append(Failure(doc, f"no document {doc!r} in {source}", "MissingDocument"))
            continue
        result = item if isinstance(item, Failure) else safe_process(item, resources)
        if isinstance(result, Failure):
            failures.append(result)
        else:
            outputs[doc] = to_contract(result)
    return outputs, failures

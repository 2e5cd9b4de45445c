"""Library entry points the CLI and API call: code, ingest and evaluate batches of documents."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
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
from hadath.store import Store


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest run did."""

    run_id: int
    read: int
    stored: int
    unchanged: int
    events: int
    failures: tuple[Failure, ...]


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
    try:
        return process(document, resources)
    except HadathError as exc:
        return Failure(document.source or document.id, "pipeline", str(exc), document.id)
    except Exception as exc:  # noqa: BLE001 — one bad document must not end a batch
        reason = f"internal error in the pipeline ({type(exc).__name__}: {exc}); please report it"
        return Failure(document.source or document.id, "pipeline", reason, document.id)


def read_sources(sources: Iterable[str], resources: Resources, stdin: bytes | None = None
                 ) -> Iterator[Document | Failure]:  # fmt: skip
    """Read files, directories, or '-' (stdin bytes) as Documents or Failures, in order."""
    settings = resources.settings
    for source in sources:
        if source == "-":
            yield from read_stdin(stdin or b"", settings)
        else:
            yield from read_paths([source], settings)


def code(
    sources: Iterable[str], resources: Resources, published: str | None = None,
    stdin: bytes | None = None,
) -> Iterator[Analysis | Failure]:  # fmt: skip
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
    read = stored = unchanged = events = 0
    failures: list[Failure] = []
    for item in code(sources, resources):
        if isinstance(item, Failure):
            failures.append(item)
            store.record_failure(run_id, item)
        else:
            read += 1
            try:
                if store.save(item, run_id):
                    stored += 1
                    events += len(item.events)
                else:
                    unchanged += 1
            except HadathError as exc:
                failure = Failure(item.document.source or item.document.id, "store", str(exc),
                                  item.document.id)  # fmt: skip
                failures.append(failure)
                store.record_failure(run_id, failure)
        if progress is not None:
            progress(item.source if isinstance(item, Failure) else item.document.id)
    store.finish_run(run_id, documents=stored, events=events, failures=len(failures),
                     skipped=unchanged)  # fmt: skip
    return IngestSummary(run_id, read + len(failures), stored, unchanged, events, tuple(failures))


def state_names(resources: Resources) -> dict[str, str]:
    """Map every folded English name and alias of a state to its ISO alpha-3 code."""
    from hadath.evaluate import fold_name

    names: dict[str, str] = {}
    for actor in resources.actors.actors.values():
        if actor.kind == "state" and actor.country:
            for name in (actor.name, *actor.aliases):
                names[fold_name(name)] = actor.country
    return names


def _gold_file(directory: Path, doc: str) -> Path | None:
    for suffix in (".txt", ".md", ".html", ".htm", ".json"):
        if (path := directory / f"{doc}{suffix}").is_file():
            return path
    return None


def code_gold_documents(
    docs: Iterable[str], resources: Resources, samples: Path | None = None,
    corpus: Path | None = None,
) -> tuple[dict[str, dict[str, Any]], list[Failure]]:  # fmt: skip
    """Code the documents a gold file names, from a samples folder or a JSON Lines corpus."""
    wanted = list(docs)
    outputs: dict[str, dict[str, Any]] = {}
    failures: list[Failure] = []
    items: Mapping[str, Document | Failure]
    if corpus is not None:
        items = {i.id: i for i in read_paths([corpus], resources.settings) if isinstance(i, Document)}
    else:
        assert samples is not None
        found = {doc: _gold_file(samples, doc) for doc in wanted}
        items = {doc: next(iter(read_paths([p], resources.settings))) for doc, p in found.items() if p}
    for doc in wanted:
        item = items.get(doc)
        if item is None:
            failures.append(Failure(doc, "missing", f"no document {doc!r} in the input"))
            continue
        result = item if isinstance(item, Failure) else safe_process(item, resources)
        if isinstance(result, Failure):
            failures.append(result)
        else:
            outputs[doc] = to_contract(result)
    return outputs, failures


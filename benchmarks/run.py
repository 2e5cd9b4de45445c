"""Benchmarks: throughput and memory of hadath, side by side with a reference in the same run.

Runs on one core. Prints a table; `--json FILE` also writes the numbers.
- text layer (reference): tokenisation and sentence splitting only;
- pipeline: every stage (`process`), in-process;
- `hadath code` end to end: a child process on the whole JSON Lines file (start-up included),
  its peak resident memory read from the operating system;
- clustering 10,000 and 100,000 synthetic stored events, beside sorting them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import clustering
import dates

from hadath import actors, mentions
from hadath.examples import example_paths
from hadath.ingest import read_paths
from hadath.model import Analysis, Document
from hadath.pipeline import process, text_layer
from hadath.resources import Resources, load_resources
from hadath.tokenize import split_sentences, tokenize

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles.jsonl"


def _documents(resources: Resources, corpus: Path) -> tuple[list[Document], str]:
    source = [corpus] if corpus.is_file() else example_paths()
    docs = [d for d in read_paths(source, resources.settings) if isinstance(d, Document)]
    return docs, str(corpus if corpus.is_file() else "shipped examples")


def _measure(
    name: str, docs: Sequence[Document], work: Callable[[Document], object], repeat: int
) -> dict[str, Any]:
    """Time `work` over the documents (CPU time), then trace its peak memory in a second pass."""
    start = time.process_time()
    for _ in range(repeat):
        for doc in docs:
            work(doc)
    seconds = time.process_time() - start
    tracemalloc.start()
    for doc in docs:
        work(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    count = len(docs) * repeat
    return {
        "name": name,
        "documents": count,
        "cpu_seconds": round(seconds, 3),
        "docs_per_second": round(count / seconds, 1) if seconds else None,
        "peak_traced_mib": round(peak / 2**20, 2),
    }


def _recognise(document: Document, resources: Resources) -> Analysis:
    analysis = text_layer(Analysis(document=document), resources)
    return actors.run(mentions.run(analysis, resources), resources)


def _cli(corpus: Path) -> dict[str, Any] | None:
    if not corpus.is_file():
        return None
    hadath = Path(sys.executable).with_name("hadath")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(hadath), "code", str(corpus)],
        check=False,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    lines = sum(1 for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip())
    return {
        "name": "hadath code (CLI, start-up included)",
        "documents": lines,
        "cpu_seconds": round(cpu, 3),
        "wall_seconds": round(wall, 3),
        "docs_per_second": round(lines / wall, 1),
        "peak_rss_mib": round(after.ru_maxrss / 1024, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and print their numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    start = time.perf_counter()
    resources = load_resources()
    load_seconds = time.perf_counter() - start
    docs, source = _documents(resources, args.corpus)
    rows = [
        _measure(
            "text layer (reference)",
            docs,
            lambda d: (tokenize(d.text, resources.text), split_sentences(d.text, resources.text)),
            args.repeat,
        ),
        _measure(
            "recognition (text layer + mentions + actors)",
            docs,
            lambda d: _recognise(d, resources),
            args.repeat,
        ),
        _measure("pipeline (all stages)", docs, lambda d: process(d, resources), args.repeat),
    ]
    cli = _cli(args.corpus)
    if cli:
        rows.append(cli)
    recognition = rows[0]["docs_per_second"] / rows[1]["docs_per_second"]
    ratio = rows[0]["docs_per_second"] / rows[2]["docs_per_second"]
    print(f"corpus: {source} ({len(docs)} documents); resources load in {load_seconds:.2f} s")
    for row in rows:
        print("  " + ", ".join(f"{k}={v}" for k, v in row.items()))
    print(f"recognition cost = {recognition:.2f}x the text layer alone")
    print(f"pipeline cost = {ratio:.2f}x the text layer alone")
    time_rows = dates.compare(resources)
    print(f"time expressions: {dates.PHRASES.name}")
    for row in time_rows:
        print("  " + ", ".join(f"{k}={v}" for k, v in row.items()))
    cluster_rows = clustering.compare()
    print("clustering synthetic events (reference: sorting them):")
    for row in cluster_rows:
        print("  " + ", ".join(f"{k}={v}" for k, v in row.items()))
    if args.json:
        numbers = {
            "source": source,
            "load_seconds": load_seconds,
            "rows": rows,
            "time": time_rows,
            "clusters": cluster_rows,
        }
        args.json.write_text(json.dumps(numbers, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

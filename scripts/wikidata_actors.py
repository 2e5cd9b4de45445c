"""Build or extend the people of data/actors/ from Wikidata (a JSON dump or a SPARQL result).

  python scripts/wikidata_actors.py --print-query > positions.rq
  python scripts/wikidata_actors.py latest-all.json.bz2 \
      -o src/hadath/data/actors/generated/people.yaml
  python scripts/wikidata_actors.py positions.json \
      --merge src/hadath/data/actors/people/rus.yaml -o merged.yaml
  python scripts/wikidata_actors.py --check src/hadath/data/actors/generated/*.yaml

The positions of interest are data/actors/positions.yaml unless --positions names another file.
A generated file records its source and the source's SHA-256 in its header; --check regenerates
it from that source (when present) and says whether it is up to date.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from hadath.errors import HadathError
from hadath.normalize import load_normalizer
from hadath.wikidata import (
    Format,
    Generated,
    MergeResult,
    check_sync,
    generate,
    known_actors,
    load_positions,
    merge_people,
    render,
    sparql_query,
)


def parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument(
        "source", nargs="?", type=Path, help="dump (.json/.gz/.bz2), SPARQL JSON or YAML"
    )
    p.add_argument("--format", choices=("dump", "sparql", "people"), help="default: guessed")
    p.add_argument("--positions", type=Path, help="positions file (default: the shipped one)")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    p.add_argument("--merge", type=Path, help="a file of data/actors/people/ to extend instead")
    p.add_argument("--root", type=Path, default=Path.cwd(), help="paths in headers relative to it")
    p.add_argument("--print-query", action="store_true", help="print the SPARQL query and stop")
    p.add_argument(
        "--check", nargs="+", type=Path, metavar="GENERATED", help="check generated files"
    )
    p.add_argument("--fail-on-conflict", action="store_true", help="exit 1 when a merge conflicts")
    return p


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")


def _progress(lines: int) -> None:
    print(f"{lines:,} lines read", file=sys.stderr, flush=True)


def _report(generated: Generated) -> None:
    print(f"{len(generated.entries)} people from {generated.provenance.source}", file=sys.stderr)
    for reason in generated.skipped:
        print(f"skipped: {reason}", file=sys.stderr)


def _report_merge(result: MergeResult) -> None:
    print(f"added {len(result.added)}, extended {len(result.extended)}", file=sys.stderr)
    for conflict in result.conflicts:
        print(f"conflict: {conflict.entry}: {conflict.message}", file=sys.stderr)


def _check(paths: Sequence[Path], root: Path) -> int:
    failed = 0
    for path in paths:
        result = check_sync(path, root)
        print(f"{path}: {result.state}: {result.detail}")
        failed += result.state in ("stale", "not-generated")
    return 1 if failed else 0


def _run(args: argparse.Namespace) -> int:
    if args.print_query:
        sys.stdout.write(sparql_query(load_positions(args.positions)))
        return 0
    if args.check:
        return _check(args.check, args.root)
    if args.source is None:
        parser().error("give a SOURCE, --check or --print-query")
    fmt = cast(Format | None, args.format)
    generated = generate(
        args.source, fmt=fmt, positions=args.positions, root=args.root, progress=_progress
    )
    _report(generated)
    if args.merge is None:
        _write(render(generated), args.output)
        return 0
    text = args.merge.read_text(encoding="utf-8")
    result = merge_people(
        text, generated.entries, load_normalizer(), str(args.merge), known_actors().taken
    )
    _report_merge(result)
    _write(result.text, args.output)
    return 1 if args.fail_on_conflict and result.conflicts else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; errors are printed with how to fix them."""
    args = parser().parse_args(argv)
    try:
        return _run(args)
    except (HadathError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

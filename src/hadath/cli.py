"""The command line: a thin shell over hadath.batch, the store and evaluate."""

from __future__ import annotations

import dataclasses
import itertools
import json
import sys
from collections.abc import Iterable
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from hadath import batch, cli_links, evaluate, gsr, ner
from hadath.cli_common import (
    DB_OPTION,
    err,
    event_filters,
    resources_or_exit,
    snippet,
)
from hadath.errors import HadathError
from hadath.examples import example_paths
from hadath.ingest.dates import parse_iso_date
from hadath.model import Analysis, Failure
from hadath.output import to_contract
from hadath.store import EventRecord, Store
from hadath.tokenize import tokenize

# Exit codes: 0 all went well; 1 nothing could be read; 3 some documents failed (the rest done).
EXIT_NOTHING_READ = 1
EXIT_PARTIAL = 3


def _report_failures(failures: Iterable[Failure]) -> None:
    for failure in failures:
        click.echo(f"failed: {failure.reason}", err=True)


def _exit_code(done: int, failed: int) -> int:
    if failed and not done:
        return EXIT_NOTHING_READ
    return EXIT_PARTIAL if failed else 0


@click.group()
@click.version_option(package_name="hadath")
def main() -> None:
    """hadath: political event data from Arabic news, traced to the sentence that states it."""


def _events_table(analysis: Analysis) -> Table:
    contract = to_contract(analysis)
    doc = contract["document"]
    table = Table(title=f"{doc['title'] or doc['id']} — published {doc['published'] or '?'}")
    for column in ("event", "mode", "actors", "recipients", "date", "evidence"):
        table.add_column(column, overflow="fold")
    for event in contract["events"]:
        table.add_row(
            event["event"],
            event["mode"] or "",
            ", ".join(a["name"] for a in event["actors"]),
            ", ".join(a["name"] for a in event["recipients"]),
            (event["date"] or "") + (" (hist.)" if event["historical"] else ""),
            snippet(event["evidence"]["text"], 160),
        )
    return table


@main.command("code")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True
)
@click.option("--published", help="Publication date YYYY-MM-DD (overrides what is detected).")
def code_command(sources: tuple[str, ...], fmt: str, published: str | None) -> None:
    """Code FILE… (or - for stdin) and print the JSON contract, one object per document."""
    resources = resources_or_exit()
    if published is not None:
        try:
            parse_iso_date(published)
        except HadathError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from exc
    stdin = sys.stdin.buffer.read() if "-" in sources else None
    results = batch.code(sources, resources, published, stdin)
    # One document prints as indented JSON; a batch prints JSON Lines, streamed as it is coded.
    head = list(itertools.islice(results, 2))
    single = len(head) == 1 and not any(s.endswith((".jsonl", ".ndjson")) for s in sources)
    done = failed = 0
    console = Console()
    for result in itertools.chain(head, results):
        if isinstance(result, Failure):
            failed += 1
            _report_failures([result])
        elif fmt == "table":
            done += 1
            console.print(_events_table(result))
        else:
            done += 1
            contract = to_contract(result)
            click.echo(json.dumps(contract, ensure_ascii=False, indent=2 if single else None))
    sys.exit(_exit_code(done, failed))


def _ingest(paths: Iterable[str], db: str, command: str) -> batch.IngestSummary:
    resources = resources_or_exit()
    paths = list(paths)
    with (
        Store.open(db) as store,
        Progress(
            TextColumn("[bold]coding[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=err(),
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("", total=None)
        summary = batch.ingest(
            paths,
            store,
            resources,
            command,
            progress=lambda name: bar.update(task, advance=1, description=name),
        )
    _report_failures(summary.failures)
    err().print(
        f"{summary.read} read, {summary.stored} stored, {summary.copies} copies, "
        f"{summary.unchanged} unchanged, {summary.events} events, "
        f"{len(summary.failures)} failures → {db}"
    )
    return summary


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
def ingest_command(paths: tuple[str, ...], db: str) -> None:
    """Code and store files and directories (txt, md, html, json, jsonl) in the database."""
    try:
        summary = _ingest(paths, db, "ingest")
    except HadathError as exc:
        raise click.ClickException(str(exc)) from exc
    done = summary.stored + summary.unchanged + summary.copies
    sys.exit(EXIT_NOTHING_READ if summary.failures and not done else 0)


def _records_table(records: list[EventRecord], title: str) -> Table:
    """A timeline: dated events in date order, then the undated ones."""
    table = Table(title=title)
    for column in ("date", "event", "actors", "recipients", "source", "evidence"):
        table.add_column(column, overflow="fold")
    ordered = sorted(records, key=lambda r: (r.date is None, r.date or "", r.document_id))
    for r in ordered:
        table.add_row(
            (r.date or "—") + (" (background)" if r.historical else ""),
            r.type + (f"/{r.mode}" if r.mode else ""),
            ", ".join(r.actors),
            ", ".join(r.recipients),
            " ".join(x for x in (r.outlet, r.published) if x),
            snippet(r.evidence_text or ""),
        )
    return table


@main.command("events")
@DB_OPTION
@click.option("--actor", help="Actor id, canonical name or alias (as actor or recipient).")
@event_filters
def events_command(
    db: str,
    actor: str | None,
    type_: str | None,
    date_from: str | None,
    date_to: str | None,
    fmt: str,
) -> None:
    """List stored events, filtered by actor, type and date."""
    try:
        with Store.open(db) as store:
            records = store.events(actor=actor, type=type_, date_from=date_from, date_to=date_to)
    except HadathError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        for record in records:
            click.echo(json.dumps(dataclasses.asdict(record), ensure_ascii=False))
    else:
        Console().print(_records_table(records, f"{len(records)} events"))


@main.command("search")
@click.argument("query")
@DB_OPTION
@click.option("--limit", default=20, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def search_command(query: str, db: str, limit: int, fmt: str) -> None:
    """Full-text search over stored articles; Arabic spelling variants and clitics fold."""
    resources = resources_or_exit()
    terms = [t.stem for t in tokenize(query, resources.text) if t.is_word]
    if not terms:
        raise click.BadParameter("the query has no words", param_hint="QUERY")
    try:
        with Store.open(db) as store:
            hits = store.search(terms, limit=limit)
    except HadathError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        for hit in hits:
            click.echo(json.dumps(dataclasses.asdict(hit), ensure_ascii=False))
        return
    table = Table(title=f"{len(hits)} documents for {query!r}")
    for column in ("document", "published", "title", "snippet"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        table.add_row(hit.document_id, hit.published or "", hit.title or "", hit.marked())
    Console().print(table)


@main.command("demo")
@DB_OPTION
def demo_command(db: str) -> None:
    """Code the example articles shipped with hadath, store them and print the timeline."""
    summary = _ingest([str(p) for p in example_paths()], db, "demo")
    with Store.open(db) as store:
        records = store.events()
    Console().print(_records_table(records, f"Timeline: {len(records)} events in {db}"))
    sys.exit(1 if summary.failures else 0)


def _print_report(report: evaluate.Report) -> None:
    console = Console()
    data = report.to_dict()
    table = Table(title="Event scores")
    for column in (
        "level",
        "precision",
        "recall",
        "F1",
        "matched system",
        "system",
        "matched required",
        "required gold",
    ):
        table.add_column(column)
    for level, row in data["levels"].items():
        table.add_row(
            level,
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f"{row['f1']:.3f}",
            str(row["system_matched"]),
            str(row["system"]),
            str(row["required_matched"]),
            str(row["required"]),
        )
    console.print(table)
    per_type = Table(title="Per type (full level)")
    for column in (
        "type",
        "matched system",
        "system",
        "matched required",
        "required",
        "P",
        "R",
        "F1",
    ):
        per_type.add_column(column)
    for row in sorted(
        (r for r in data["per_type"] if r["level"] == "full"), key=lambda r: r["event"]
    ):
        per_type.add_row(
            row["event"],
            str(row["system_matched"]),
            str(row["system"]),
            str(row["required_matched"]),
            str(row["required"]),
            f"{row['precision']:.2f}",
            f"{row['recall']:.2f}",
            f"{row['f1']:.2f}",
        )
    console.print(per_type)
    for name, label in (
        ("mode", "mode accuracy"),
        ("historical", "historical accuracy"),
        ("date", "date accuracy"),
        ("place", "place accuracy"),
        ("dates_in_text", "gold dates found in the text"),
        ("published", "publication-date accuracy"),
        ("quotes", "quote recall"),
    ):
        rate = data[name]
        shown = f"{rate['value']:.3f} ({rate['hits']}/{rate['total']})" if rate["total"] else "n/a"
        console.print(f"{label}: {shown}")


@main.command("evaluate")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--samples", type=click.Path(exists=True, file_okay=False), help="Folder of DOC.txt files."
)
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False), help="JSON Lines corpus.")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def evaluate_command(gold: str, samples: str | None, corpus: str | None, as_json: bool) -> None:
    """Score hadath against a gold file (eval/FORMAT.md): P/R/F1 at type, dyad and full level."""
    if (samples is None) == (corpus is None):
        raise click.UsageError("give exactly one of --samples DIR or --corpus FILE")
    resources = resources_or_exit()
    try:
        docs = evaluate.load_gold(gold)
        outputs, failures = batch.code_gold_documents(
            [d.doc for d in docs],
            resources,
            Path(samples) if samples else None,
            Path(corpus) if corpus else None,
        )
    except HadathError as exc:
        raise click.ClickException(str(exc)) from exc
    _report_failures(failures)
    report = evaluate.score(docs, outputs, batch.state_names(resources))
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)


@main.command("gsr")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def gsr_command(path: Path, as_json: bool) -> None:
    """Score hadath on sentence-level gold (UniversalPetrarch Arabic GSR): the share of
    sentences whose event type it codes, and whose source and target state it gets right."""
    resources = resources_or_exit()
    try:
        items = gsr.read_gsr(path)
    except HadathError as exc:
        raise click.ClickException(str(exc)) from exc
    rows = {
        kind: [i for i in items if i.event == kind] for kind in sorted({i.event for i in items})
    }
    scores = {kind: gsr.score_gsr(part, resources) for kind, part in {**rows, "all": items}.items()}
    if as_json:
        plain = {k: {**dataclasses.asdict(v), **v.rates()} for k, v in scores.items()}
        click.echo(json.dumps(plain, indent=2))
        return
    table = Table(title="GSR sentences")
    for column in ("event", "sentences", "type found", "source right", "target right"):
        table.add_column(column)
    for kind, score in scores.items():
        rates = score.rates()
        table.add_row(
            kind,
            str(score.sentences),
            f"{rates['type_rate']:.3f} ({score.type_found})",
            f"{rates['source_rate']:.3f} ({score.source_right}/{score.source_total})",
            f"{rates['target_rate']:.3f} ({score.target_right}/{score.target_total})",
        )
    Console().print(table)


@main.command("ner")
@click.option(
    "--conll",
    "conll_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="One `token` or `token TAG` a line, a blank line between sentences.",
)
@click.option(
    "--score", is_flag=True, help="Score against the file's tags (PERS, LOC, ORG), on stderr."
)
def ner_command(conll_path: Path, score: bool) -> None:
    """Tag names (IOB2: PERS, LOC, ORG, MISC) in a pre-tokenised CoNLL file."""
    sentences = ner.read_conll(conll_path.read_text(encoding="utf-8").splitlines())
    gold = ner.conll_tags(sentences)
    if score and gold is None:
        raise click.UsageError("--score needs a tag on every token line (`token TAG`)")
    resources = resources_or_exit()
    predicted = ner.tag_words(resources.ner, ner.conll_words(sentences), resources)
    for n, (sentence, tags) in enumerate(zip(sentences, predicted, strict=True)):
        if n:
            click.echo("")
        for (word, _), tag in zip(sentence, tags, strict=True):
            click.echo(f"{word} {tag}")
    if score and gold is not None:
        click.echo(ner.format_scores(ner.conll_scores(gold, predicted)), err=True)


for _command in (
    cli_links.timeline_command,
    cli_links.stories_command,
    cli_links.story_command,
    cli_links.export_command,
):
    main.add_command(_command)

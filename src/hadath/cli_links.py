"""The commands over the whole store: timelines, storylines and exports."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from typing import IO

import click
from rich.console import Console
from rich.table import Table

from hadath import stories
from hadath.cli_common import (
    DB_OPTION,
    FORMAT_OPTION,
    event_filters,
    event_scope,
    resources_or_exit,
    snippet,
)
from hadath.clusters import Cluster, as_json
from hadath.errors import HadathError
from hadath.export import FORMATS, PER, export_store
from hadath.store import Copies, Store


def _names(store: Store, acts: Iterable[Cluster]) -> dict[str, str]:
    """Display names of the acts' participants, by actor id."""
    ids = {a for act in acts for a in (*act.actors, *act.recipients)}
    return {i: actor.name for i, actor in store.actors(ids).items()}


def _copies(store: Store, acts: Iterable[Cluster]) -> Copies:
    """The other publications of the documents that report the acts, by document id."""
    return store.copies_of(d for act in acts for d in act.documents)


def _sources(act: Cluster, copies: Copies) -> str:
    """Each report's outlet and day, and the outlets that re-published its article."""
    shown = []
    for r in act.reports:
        again = [c.outlet or c.url or c.id for c in copies.get(r.document_id, ())]
        also = f" (also {', '.join(again)})" if again else ""
        shown.append(" ".join(x for x in (r.outlet, r.published) if x) + also)
    return "; ".join(shown)


def _act_json(act: Cluster, copies: Copies) -> dict[str, object]:
    """An act as plain data, each report with the other publications of its article."""
    plain = as_json(act)
    for report in plain["reports"]:  # type: ignore[attr-defined]
        report["copies"] = [
            {"id": c.id, "url": c.url, "outlet": c.outlet, "published": c.published}
            for c in copies.get(report["document_id"], ())
        ]
    return plain


def acts_table(acts: Iterable[Cluster], names: dict[str, str], title: str, copies: Copies) -> Table:
    """One row per act: its date (every date reported, when they differ), who took part, and
    every report of it."""
    table = Table(title=title)
    table.add_column("date", no_wrap=True)
    for column in ("act", "event", "actors", "recipients", "reports", "evidence"):
        table.add_column(column, overflow="fold")
    for act in acts:
        dead = "/".join(map(str, act.dead))
        table.add_row(
            " / ".join(act.dates) or "—",
            act.id,
            act.type + (f" ({dead} dead)" if dead else ""),
            ", ".join(names.get(a, a) for a in act.actors),
            ", ".join(names.get(a, a) for a in act.recipients),
            f"{len(act.reports)}: {_sources(act, copies)}",
            snippet(act.reports[0].evidence_text or ""),
        )
    return table


@click.command("timeline")
@DB_OPTION
@click.option("--actor", required=True, help="Actor id, canonical name or alias.")
@click.option("--with", "other", help="Only acts that also involve this actor.")
@event_filters
def timeline_command(
    db: str,
    actor: str,
    other: str | None,
    type_: str | None,
    date_from: str | None,
    date_to: str | None,
    fmt: str,
) -> None:
    """An actor's acts in time order, each once with every article that reported it."""
    resources = resources_or_exit()
    try:
        with Store.open(db) as store:
            found = stories.timeline(store, resources, actor, other, type_, date_from, date_to)
            names = _names(store, found)
            copies = _copies(store, found)
    except HadathError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        for act in found:
            click.echo(json.dumps(_act_json(act, copies), ensure_ascii=False))
        return
    reports = sum(len(act.reports) for act in found)
    Console().print(acts_table(found, names, f"{len(found)} acts, {reports} reports", copies))


def _party(key: str, names: dict[str, str]) -> str:
    office, office_key, country = key.partition("|")
    return f"{office} ({country})" if office_key else names.get(key, key)


@click.command("stories")
@DB_OPTION
@click.option("--actor", help="Only storylines with an act of this actor.")
@click.option("--min-acts", default=2, show_default=True, help="Only storylines this long.")
@FORMAT_OPTION
def stories_command(db: str, actor: str | None, min_acts: int, fmt: str) -> None:
    """List storylines: acts between the same parties (or offices), of related types."""
    resources = resources_or_exit()
    try:
        with Store.open(db) as store:
            found = [s for s in stories.stories(store, resources, actor) if len(s.acts) >= min_acts]
            names = _names(store, (a for s in found for a in s.acts))
    except HadathError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        for one in found:
            click.echo(json.dumps(stories.as_json(one), ensure_ascii=False))
        return
    table = Table(title=f"{len(found)} storylines")
    for column in ("story", "family", "parties", "acts", "from", "to"):
        table.add_column(column, overflow="fold")
    for one in found:
        parties = ", ".join(_party(p, names) for p in one.parties)
        first, last = one.acts[0].date or "", one.acts[-1].date or ""
        table.add_row(one.id, one.family, parties, str(len(one.acts)), first, last)
    Console().print(table)


def _checks_table(found: stories.Story) -> Table:
    table = Table(title="what the reports claim about this history")
    for column in ("verdict", "claim", "source", "act", "last act before", "acts in between"):
        table.add_column(column, overflow="fold")
    for c in found.checks:
        previous = c.previous.date if c.previous else "—"
        between = ", ".join(f"{o.date} ({o.id})" for o in c.conflicts) or "—"
        table.add_row(c.verdict, c.text, c.outlet or c.document_id, c.act, previous, between)
    return table


@click.command("story")
@click.argument("ident")
@DB_OPTION
@FORMAT_OPTION
def story_command(ident: str, db: str, fmt: str) -> None:
    """One storyline (by its id, or the id of one of its acts or reports), its acts in time
    order, and every claim its reports make about that history, checked."""
    resources = resources_or_exit()
    try:
        with Store.open(db) as store:
            found = stories.story(store, resources, ident)
            names = _names(store, found.acts) if found else {}
            copies = (
                store.copies_of(d for act in found.acts for d in act.documents) if found else {}
            )
    except HadathError as exc:
        raise click.ClickException(str(exc)) from exc
    if found is None:
        raise click.ClickException(
            f"no storyline, act or report {ident!r}: list storylines with `hadath stories`"
        )
    if fmt == "json":
        click.echo(json.dumps(stories.as_json(found), ensure_ascii=False, indent=2))
        return
    parties = ", ".join(_party(p, names) for p in found.parties)
    console = Console()
    console.print(acts_table(found.acts, names, f"{found.family}: {parties}", copies))
    if found.checks:
        console.print(_checks_table(found))


@click.command("export")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True)
@click.option(
    "--per",
    type=click.Choice(PER),
    default="cluster",
    show_default=True,
    help="One row per act (every report of it merged) or per stored report.",
)
@click.option("--actor", help="Only events of this actor (id, canonical name or alias).")
@event_scope
@click.option(
    "--out",
    "-o",
    type=click.File("wb", lazy=True),
    default="-",
    help="File to write (default: standard output).",
)
def export_command(
    db: str,
    fmt: str,
    per: str,
    actor: str | None,
    type_: str | None,
    date_from: str | None,
    date_to: str | None,
    out: IO[bytes],
) -> None:
    """Export stored events as PLOVER JSON Lines, POLECAT-style TSV, CAMEO dyads (CSV) or
    Parquet."""
    resources = resources_or_exit()
    try:
        with Store.open(db) as store:
            written = export_store(
                store, resources, fmt, out, per, actor, type_, date_from, date_to
            )
    except BrokenPipeError:
        # The reader stopped early ("| head"): not an error; keep Python from reporting it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    except (HadathError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{written} records ({fmt}, one per {per})", err=True)

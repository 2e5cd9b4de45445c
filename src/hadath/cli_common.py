"""What the commands share: the database option, the event filters, errors as exits."""

from __future__ import annotations

from collections.abc import Callable

import click
from rich.console import Console

from hadath.errors import HadathError
from hadath.resources import Resources, load_resources
from hadath.settings import DEFAULT_SETTINGS

DB_OPTION = click.option(
    "--db",
    "db",
    default=DEFAULT_SETTINGS.database,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database file.",
)


def err() -> Console:
    """A console on standard error, for progress and summaries."""
    return Console(stderr=True)


def resources_or_exit() -> Resources:
    """The loaded resources, or a clean exit that says what is wrong with the data files."""
    try:
        return load_resources()
    except HadathError as exc:
        raise click.ClickException(str(exc)) from exc


def snippet(text: str, limit: int = 90) -> str:
    """The text, cut to `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SCOPE = (
    click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT."),
    click.option("--from", "date_from", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    click.option("--to", "date_to", help="Latest event date (YYYY, YYYY-MM or YYYY-MM-DD)."),
)
FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)


def event_scope(command: Callable[..., None]) -> Callable[..., None]:
    """The type and date options shared by the commands that read events."""
    for option in reversed(_SCOPE):
        command = option(command)
    return command


def event_filters(command: Callable[..., None]) -> Callable[..., None]:
    """The type, date and output options shared by the commands that list events."""
    return event_scope(FORMAT_OPTION(command))

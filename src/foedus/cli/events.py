"""`foedus events`: read coded events back from the store, filtered, in any export format."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from foedus.cli.main import cli, translate_errors
from foedus.config import default_db_path
from foedus.exports import FORMATS, write_events
from foedus.store import EventFilter, Store

__all__ = ["events"]


@cli.command("events")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The store to read (default: $FOEDUS_DB, else ./foedus.sqlite).",
)
@click.option(
    "--source-actor",
    metavar="CODE",
    help="Source actor code prefix or country, e.g. RUS or RUSGOV.",
)
@click.option(
    "--target-actor", metavar="CODE", help="Target actor code prefix or country, e.g. IRN."
)
@click.option("--code", metavar="CAMEO", help="CAMEO code prefix: 02 matches 0233.")
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Only events on or after this date.",
)
@click.option(
    "--until",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Only events on or before this date.",
)
@click.option("--article", "article_id", metavar="ID", help="Only events of this article id.")
@click.option(
    "--exclude-flagged",
    is_flag=True,
    help="Leave out negated, hypothetical, intended, denied and questioned events.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@translate_errors
def events(
    db: Path | None,
    source_actor: str | None,
    target_actor: str | None,
    code: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    article_id: str | None,
    exclude_flagged: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Print the events in the store, filtered.

    \b
    Example:
      foedus events --source-actor RUS --target-actor IRN --code 03 --since 2025-06-01
      foedus events --format csv --output events.csv
    """
    where = EventFilter(
        source_actor=source_actor,
        target_actor=target_actor,
        code=code,
        since=since.date() if since else None,
        until=until.date() if until else None,
        article_id=article_id,
        include_flagged=not exclude_flagged,
    )
    if fmt == "parquet" and output is None:
        raise click.UsageError("parquet is a binary format: pass --output FILE.")
    with Store.open(db or default_db_path(), create=False) as store:
        count = _write(store, where, fmt, output)
    if count is not None and (fmt == "table" or output is not None):
        click.echo(f"{count} event{'s' if count != 1 else ''}.", err=True)


def _write(store: Store, where: EventFilter, fmt: str, output: Path | None) -> int | None:
    """Write the events; returns how many, or None when the reader closed the pipe early."""
    if output is None:
        try:
            return write_events(store.events(where), fmt, sys.stdout)
        except BrokenPipeError:
            # `foedus events | head` closed the pipe: the reader has what it wanted. Pointing
            # stdout at devnull stops Python's exit-time flush from failing on the same pipe.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return None
    mode = "wb" if fmt == "parquet" else "w"
    encoding = None if fmt == "parquet" else "utf-8"
    newline = None if fmt == "parquet" else ""
    with output.open(mode, encoding=encoding, newline=newline) as out:
        return write_events(store.events(where), fmt, out)

"""`foedus code` and `foedus demo`: code articles into the store."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from foedus.cli.main import cli, translate_errors
from foedus.config import DEFAULT_MODEL, Settings, default_db_path

__all__ = ["code", "demo"]


def _settings(db: Path | None, model: str, workers: int = 1, batch_size: int = 64,
              prefilter: bool = True, lexicon: Path | None = None) -> Settings:  # fmt: skip
    return Settings(model=model, db=db or default_db_path(), workers=workers,
                    batch_size=batch_size, prefilter=prefilter, lexicon=lexicon)  # fmt: skip


@cli.command("code")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The store to write (default: $FOEDUS_DB, else ./foedus.sqlite).",
)
@click.option(
    "--date",
    "date",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Publication date for articles that carry none (relative dates resolve against it).",
)
@click.option("--source", metavar="NAME", help="Source name for articles that carry none.")
@click.option(
    "--model",
    default=DEFAULT_MODEL,
    show_default=True,
    help="spaCy pipeline: an installed package name or a path.",
)
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes."
)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=64,
    show_default=True,
    help="Articles per batch (one transaction each).",
)
@click.option(
    "--no-prefilter",
    is_flag=True,
    help="Parse every sentence (slower; the filter skips sentences without an actor "
    "and a candidate predicate).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(1),
    default=5_000_000,
    show_default=True,
    help="Skip input files larger than this.",
)
@click.option(
    "--lexicon",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A folder of lexicon files replacing the shipped ones (verbs.toml, "
    "nouns.toml, objects.toml, intent.toml, discards.toml, cues.toml).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when stderr is a terminal).",
)
@translate_errors
def code(paths: tuple[Path, ...], db: Path | None, date: dt.datetime | None,
         source: str | None, model: str, workers: int, batch_size: int, no_prefilter: bool,
         max_bytes: int, lexicon: Path | None, progress: bool | None) -> None:  # fmt: skip
    """Code articles (.txt, .html, .jsonl, or folders of them) into the event store.

    \b
    Example:
      foedus code ../shared/corpora/news/ --date 2025-06-25 --db events.sqlite
    """
    from foedus.runs import code_paths

    settings = _settings(db, model, workers, batch_size, not no_prefilter, lexicon)
    show = sys.stderr.isatty() if progress is None else progress
    bar = _bar(show)
    try:
        summary = code_paths(list(paths), settings, date=date.date() if date else None,
                             source=source, max_bytes=max_bytes,
                             progress=bar.update if bar else None)  # fmt: skip
    finally:
        if bar:
            bar.close()
    for skipped in summary.skipped:
        click.echo(f"skipped: {skipped.reason}", err=True)
    click.echo(
        f"{summary.articles_coded} articles coded, {summary.events} events stored, "
        f"{summary.already_stored} already in the store, {len(summary.skipped)} inputs skipped "
        f"-> {settings.db}"
    )


def _bar(show: bool) -> Any:
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(unit="article", file=sys.stderr)


@cli.command("demo")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The store to write (default: $FOEDUS_DB, else ./foedus.sqlite).",
)
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy pipeline.")
@translate_errors
def demo(db: Path | None, model: str) -> None:
    """Code the example articles shipped with foedus and print what was found.

    \b
    Example:
      foedus demo --db demo.sqlite
    """
    from foedus.articles import example_articles
    from foedus.exports import write_events
    from foedus.runs import code_articles_into
    from foedus.store import EventFilter, Store

    settings = _settings(db, model)
    articles = example_articles()
    summary = code_articles_into(articles, settings, inputs="examples")
    click.echo(f"Coded {len(articles)} example articles into {settings.db} "
               f"({summary.articles_coded} new, {summary.events} new events).\n")  # fmt: skip
    ids = {a.id for a in articles}
    with Store.open(settings.db) as store:
        events = [e for e in store.events(EventFilter()) if e.article_id in ids]
    write_events(events, "table", sys.stdout)
    from foedus.cli.explain import demo_briefs

    demo_briefs(settings)

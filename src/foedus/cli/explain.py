"""`foedus explain`: the brief on why one state is (not) helping another, and its demo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from foedus.cli.main import cli, translate_errors
from foedus.config import Settings, default_db_path

__all__ = ["DEMO_BRIEFS", "demo_briefs", "explain_command"]

DEMO_BRIEFS = (
    ("RUS", "IRN", "ISR", dt.date(2025, 6, 25)),
    # The 2024 treaty is in force from 2024-12-04; April 2025 is when Kursk was in the news.
    ("RUS", "PRK", "KOR", dt.date(2025, 4, 28)),
)
"""The briefs `foedus demo` prints: Russia–Iran, and for contrast Russia–North Korea, whose
treaty has an automatic defense clause."""


@cli.command("explain")
@click.argument("helper")
@click.argument("partner")
@click.option(
    "--attacker",
    required=True,
    metavar="STATE",
    help="The state attacking PARTNER (ISO3 code, COW number or name).",
)
@click.option(
    "--on",
    "on",
    required=True,
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The date the brief is about.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The store with coded events (default: $FOEDUS_DB, else ./foedus.sqlite).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@translate_errors
def explain_command(helper: str, partner: str, attacker: str, on: dt.datetime,
                    db: Path | None, fmt: str) -> None:  # fmt: skip
    """Why is HELPER (not) helping PARTNER against an attacker? Treaty clauses, coded
    events and news claims, with a conclusion that cites each.

    \b
    Example:
      foedus code ../shared/corpora/news/ --date 2025-06-25 --db events.sqlite
      foedus explain RUS IRN --attacker ISR --on 2025-06-25 --db events.sqlite
    """
    from foedus.explain import explain, render

    brief = explain(helper, partner, attacker=attacker, on=on.date(), db=db or default_db_path())
    click.echo(render(brief, fmt), nl=False)


def demo_briefs(settings: Settings) -> None:
    """Print the demo's briefs from the events just coded into `settings.db`."""
    from foedus.explain import explain, render

    for helper, partner, attacker, on in DEMO_BRIEFS:
        brief = explain(helper, partner, attacker=attacker, on=on, db=settings.db)
        click.echo("\n" + render(brief, "text"), nl=False)

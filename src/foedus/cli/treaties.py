"""`foedus treaties ...`, `foedus obligations` and `foedus dyads`: thin adapters over the
treaty registry, the obligation reasoner and the dyad-year builder."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from foedus.cli.main import cli, translate_errors
from foedus.config import default_db_path
from foedus.dyads import SOURCES, dyad_years, load_dyad_treaties, write_dyads
from foedus.obligations import Assessment, Scenario, assess
from foedus.treaties import Treaty, import_atop, load_registry

_DB = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite store holding imported ATOP data (default: $FOEDUS_DB or ./foedus.sqlite).",
)
_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _db(db: Path | None) -> Path:
    return db if db is not None else default_db_path()


@cli.group()
def treaties() -> None:
    """The treaty registry: shipped treaties and imported ATOP alliances.

    Example: foedus treaties list --state RUS --on 2025-06-20
    """


@treaties.command("list")
@click.option("--state", help="Only treaties this state is party to (ISO3, COW number, name).")
@click.option("--on", "on", type=_DATE, help="Only treaties in force on this date (YYYY-MM-DD).")
@click.option("--source", type=click.Choice(["shipped", "atop"]), help="Only one source.")
@_DB
@translate_errors
def list_treaties(state: str | None, on: object, source: str | None, db: Path | None) -> None:
    """List treaties, optionally by state and date.

    Example: foedus treaties list --state RUS --on 2025-06-20
    """
    registry = load_registry(_db(db))
    day = on.date() if on is not None else None  # type: ignore[attr-defined]
    for treaty in registry.list(state=state, on=day, source=source):
        kinds = ", ".join(treaty.kinds) or "-"
        click.echo(f"{treaty.id:<16} {_dates(treaty):<24} {kinds:<40} {treaty.name}")


@treaties.command("show")
@click.argument("treaty_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_DB
@translate_errors
def show_treaty(treaty_id: str, fmt: str, db: Path | None) -> None:
    """Show one treaty: parties, dates, clauses and notes.

    Example: foedus treaties show rus-irn-2025
    """
    registry = load_registry(_db(db))
    treaty = registry.get(treaty_id)
    if fmt == "json":
        data = treaty.to_dict() | {"precedence": registry.precedence(treaty)}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"{treaty.id}: {treaty.name}")
    click.echo(f"  {_dates(treaty)}; source {treaty.source}")
    if registry.precedence(treaty):
        click.echo(f"  {registry.precedence(treaty)}")
    if not treaty.is_defense_pact:
        click.echo("  Not a defense pact: no clause pledges help to a party that is attacked.")
    members = ", ".join(
        f"{m.state} ({m.entry}{' to ' + str(m.exit) if m.exit else ''})" for m in treaty.members
    )
    click.echo(f"  Members: {members}")
    for clause in treaty.clauses:
        click.echo(
            f"  Art. {clause.article} [{clause.kind}, {clause.strength}, {clause.direction}]: "
            f"{clause.paraphrase}"
        )
    for note in treaty.notes:
        click.echo(f"  Note: {note}")


@treaties.command("import-atop")
@click.argument("alliance_csv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("member_csv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_DB
@translate_errors
def import_atop_command(alliance_csv: Path, member_csv: Path, db: Path | None) -> None:
    """Import ATOP alliance- and member-level files (4.01 or 5.x) into the store.

    Example: foedus treaties import-atop atop5_1a.csv atop5_1m.csv --db foedus.sqlite
    """
    summary = import_atop(alliance_csv, member_csv, _db(db))
    click.echo(
        f"Imported ATOP {summary.version}: {summary.alliances} alliances, "
        f"{summary.member_rows} member rows into {summary.db} "
        f"(store now holds {summary.stored_alliances} alliances, "
        f"{summary.stored_member_rows} member rows)."
    )


@cli.command()
@click.option("--attacked", required=True, help="The state attacked (ISO3, COW number, name).")
@click.option("--by", "attacker", required=True, help="The attacking state.")
@click.option("--on", "on", required=True, type=_DATE, help="Date of the attack (YYYY-MM-DD).")
@click.option("--where", help="Territory, region or state where the attack falls (e.g. Hawaii).")
@click.option("--requested-by", help="State that asked for help (normally the attacked one).")
@click.option("--requested-from", help="State asked for help (default: every party).")
@click.option("--treaty", help="Assess only this treaty id.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@_DB
@translate_errors
def obligations(
    attacked: str,
    attacker: str,
    on: object,
    where: str | None,
    requested_by: str | None,
    requested_from: str | None,
    treaty: str | None,
    fmt: str,
    db: Path | None,
) -> None:
    """Who owes what to the attacked state (and to the attacker) on a date.

    Example: foedus obligations --attacked IRN --by ISR --on 2025-06-20
    """
    day: date = on.date()  # type: ignore[attr-defined]
    scenario = Scenario(attacked, attacker, day, where, requested_by, requested_from, treaty)
    result = assess(scenario, load_registry(_db(db)))
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(_table(result))


@cli.command()
@click.option("--from", "start", required=True, type=int, help="First year.")
@click.option("--to", "end", required=True, type=int, help="Last year (inclusive).")
@click.option("--source", type=click.Choice(SOURCES), default="all", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="CSV file.")
@_DB
@translate_errors
def dyads(start: int, end: int, source: str, output: Path | None, db: Path | None) -> None:
    """Directed dyad-years (stateA, stateB, year, defense, ..., consul) as CSV.

    Example: foedus dyads --from 2000 --to 2016 --source atop --output dyads.csv
    """
    rows = dyad_years(load_dyad_treaties(source, _db(db)), start, end)
    if output is None:
        write_dyads(rows, sys.stdout)
        return
    with output.open("w", encoding="utf-8", newline="") as out:
        count = write_dyads(rows, out)
    click.echo(f"Wrote {count} dyad-years to {output}.", err=True)


def _dates(treaty: Treaty) -> str:
    end = f" to {treaty.ended}" if treaty.ended else ""
    start = treaty.in_force or f"signed {treaty.signed}, not in force"
    return f"{start}{end}"


def _table(result: Assessment) -> str:
    sc = result.scenario
    lines = [f"{sc.attacked} attacked by {sc.attacker} on {sc.on} at {result.place.label}"]
    header = ("STATE", "TOWARD", "TREATY", "ART.", "KIND", "STATUS", "STRENGTH", "OPEN CONDITIONS")
    rows = [header] + [
        (
            i.state,
            i.toward,
            i.treaty,
            i.article,
            i.kind,
            i.status,
            i.strength,
            "; ".join(f"{c.name} {c.state}: {c.reason}" for c in i.conditions if c.state != "met")
            or "-",
        )
        for i in result.items
    ]
    widths = [max(len(r[k]) for r in rows) for k in range(len(header) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]))
    lines.extend(f"Note: {n}" for n in result.notes)
    return "\n".join(lines)

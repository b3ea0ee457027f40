"""Directed dyad-years in ATOP's layout, derived from the treaties loaded.

Row (stateA, stateB, year) says which obligations state A owes state B in that year, by COW
state numbers, in ATOP's column names. A one-way clause (US–Japan Art. V) gives a row one
way only. Years outside a source's coverage give no rows: no data, not no obligation.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import astuple, dataclass, fields
from datetime import date
from pathlib import Path
from typing import TextIO

from foedus.errors import InputError
from foedus.states import load_states
from foedus.treaties.atop import atop_treaties
from foedus.treaties.loader import load_shipped
from foedus.treaties.model import Clause, Member, Treaty
from foedus.treaties.registry import Registry
from foedus.treaties.store import load_atop

__all__ = ["SOURCES", "DyadYear", "dyad_years", "load_dyad_treaties", "write_dyads"]

SOURCES = ("shipped", "atop", "all")

_COLUMN = {
    "defense": "defense",
    "offense": "offense",
    "neutrality": "neutral",
    "non_aggression": "nonagg",
    "consultation": "consul",
}


@dataclass(frozen=True)
class DyadYear:
    stateA: int
    stateB: int
    year: int
    defense: int
    offense: int
    neutral: int
    nonagg: int
    consul: int


def load_dyad_treaties(source: str, db: Path | None) -> tuple[Treaty, ...]:
    """The treaties a dyad run uses: shipped, ATOP as imported, or both (shipped wins)."""
    if source not in SOURCES:
        raise InputError(f"Unknown dyad source {source!r}. Use one of {', '.join(SOURCES)}.")
    states = load_states()
    shipped = load_shipped(states) if source != "atop" else ()
    data = load_atop(db) if db is not None and source != "shipped" else None
    if source == "atop" and data is None:
        raise InputError(
            f"No ATOP data in store {str(db)!r}. Run `foedus treaties import-atop "
            f"ALLIANCE.csv MEMBER.csv` first, or use --source shipped."
        )
    atop = atop_treaties(data, states) if data is not None else ()
    if source == "atop":
        return atop
    return Registry.build(shipped, atop, states=states).treaties


def dyad_years(treaties: Iterable[Treaty], start: int, end: int) -> tuple[DyadYear, ...]:
    """Directed dyad-years from `start` to `end` (inclusive), sorted by year, A, B."""
    if end < start:
        raise InputError(f"--to {end} is before --from {start}; give the earlier year first.")
    flags: dict[tuple[int, int, int], set[str]] = {}
    for treaty in treaties:
        for year in range(start, end + 1):
            _add_year(treaty, year, flags)
    rows = [
        DyadYear(a, b, y, *(int(c in cols) for c in _COLUMN.values()))
        for (y, a, b), cols in flags.items()
        if cols
    ]
    return tuple(sorted(rows, key=lambda r: (r.year, r.stateA, r.stateB)))


def _add_year(treaty: Treaty, year: int, flags: dict[tuple[int, int, int], set[str]]) -> None:
    first, last = date(year, 1, 1), date(year, 12, 31)
    if not _in_force_during(treaty, first, last):
        return
    active = [m for m in treaty.members if _active_during(m, first, last)]
    for a in active:
        clauses = [c for c in treaty.clauses if c.phase is None or c.phase == a.phase]
        for b in active:
            if a.state == b.state:
                continue
            cols = flags.setdefault((year, a.cow, b.cow), set())
            cols.update(_COLUMN[c.kind] for c in clauses if _counts(c, a.state, b.state))


def _counts(clause: Clause, a: str, b: str) -> bool:
    return clause.kind in _COLUMN and clause.binds(a, b)


def _in_force_during(treaty: Treaty, first: date, last: date) -> bool:
    if treaty.in_force is None or treaty.in_force > last:
        return False
    if treaty.ended is not None and treaty.ended <= first:
        return False
    return treaty.coverage_end is None or treaty.coverage_end >= first


def _active_during(member: Member, first: date, last: date) -> bool:
    return member.entry <= last and (member.exit is None or member.exit > first)


def write_dyads(rows: Iterable[DyadYear], out: TextIO) -> int:
    """Write rows as CSV with ATOP's header; returns the number of rows written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.name for f in fields(DyadYear)])
    count = 0
    for row in rows:
        writer.writerow(astuple(row))
        count += 1
    return count

"""Imported ATOP alliances in the SQLite store (tables prefixed `treaty_`).

An import is one transaction and idempotent: re-importing a file replaces the alliances it
holds, row for row, and leaves the store as one import would.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from foedus.errors import StoreError
from foedus.treaties.atop import OBLIGATIONS, AtopAlliance, AtopData, AtopMemberRow

__all__ = ["ImportSummary", "load_atop", "save_atop"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS treaty_atop_import (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version TEXT NOT NULL,
    coverage_end TEXT NOT NULL,
    alliance_file TEXT NOT NULL,
    member_file TEXT NOT NULL,
    imported_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS treaty_atop_alliance (
    atopid INTEGER PRIMARY KEY,
    begin TEXT NOT NULL,
    end TEXT,
    bilateral INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS treaty_atop_member (
    atopid INTEGER NOT NULL REFERENCES treaty_atop_alliance(atopid),
    member INTEGER NOT NULL,
    phase INTEGER NOT NULL,
    entry TEXT NOT NULL,
    exit TEXT,
    defense INTEGER NOT NULL,
    offense INTEGER NOT NULL,
    neutral INTEGER NOT NULL,
    nonagg INTEGER NOT NULL,
    consul INTEGER NOT NULL,
    limits TEXT NOT NULL,
    PRIMARY KEY (atopid, member, phase, entry)
);
"""


@dataclass(frozen=True)
class ImportSummary:
    """What an import wrote, and what the store holds after it."""

    db: Path
    version: str
    alliances: int
    member_rows: int
    stored_alliances: int
    stored_member_rows: int


@contextmanager
def _connect(db: Path) -> Iterator[sqlite3.Connection]:
    try:
        with closing(sqlite3.connect(db)) as conn:
            conn.executescript(_SCHEMA)
            yield conn
    except sqlite3.Error as exc:
        raise StoreError(
            f"Store {str(db)!r} cannot be used for treaties ({exc}). Check the path "
            f"(--db or $FOEDUS_DB) and that the file is a foedus SQLite store."
        ) from None


def save_atop(db: Path, data: AtopData, files: tuple[str, str]) -> ImportSummary:
    """Write `data` into the store at `db` in one transaction."""
    with _connect(db) as conn, conn:
        conn.execute(
            "INSERT OR REPLACE INTO treaty_atop_import "
            "(id, version, coverage_end, alliance_file, member_file) VALUES (1, ?, ?, ?, ?)",
            (data.version, data.coverage_end.isoformat(), *files),
        )
        ids = [(a.atopid,) for a in data.alliances]
        conn.executemany("DELETE FROM treaty_atop_member WHERE atopid = ?", ids)
        conn.executemany(
            "INSERT OR REPLACE INTO treaty_atop_alliance VALUES (?, ?, ?, ?)",
            [
                (a.atopid, a.begin.isoformat(), _iso(a.end), int(a.bilateral))
                for a in data.alliances
            ],
        )
        conn.executemany(
            "INSERT INTO treaty_atop_member VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_member_values(m) for m in data.members],
        )
        alliances, members = _counts(conn)
    return ImportSummary(
        db, data.version, len(data.alliances), len(data.members), alliances, members
    )


def load_atop(db: Path) -> AtopData | None:
    """The ATOP data imported into `db`, or None if nothing was imported (or no store)."""
    if not db.exists():
        return None
    with _connect(db) as conn:
        meta = conn.execute("SELECT version, coverage_end FROM treaty_atop_import").fetchone()
        if meta is None:
            return None
        alliances = tuple(
            AtopAlliance(atopid, date.fromisoformat(begin), _day(end), bool(bilateral))
            for atopid, begin, end, bilateral in conn.execute(
                "SELECT atopid, begin, end, bilateral FROM treaty_atop_alliance ORDER BY atopid"
            )
        )
        members = tuple(
            _member_row(row)
            for row in conn.execute(
                "SELECT * FROM treaty_atop_member ORDER BY atopid, phase, entry, member"
            )
        )
    return AtopData(alliances, members, str(meta[0]), date.fromisoformat(meta[1]))


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    alliances = conn.execute("SELECT count(*) FROM treaty_atop_alliance").fetchone()[0]
    members = conn.execute("SELECT count(*) FROM treaty_atop_member").fetchone()[0]
    return int(alliances), int(members)


def _member_values(m: AtopMemberRow) -> tuple[object, ...]:
    values = dict(m.obligations)
    return (
        m.atopid,
        m.member,
        m.phase,
        m.entry.isoformat(),
        _iso(m.exit),
        *(values.get(c, 0) for c in OBLIGATIONS),
        json.dumps(dict(m.limits)),
    )


def _member_row(row: tuple[object, ...]) -> AtopMemberRow:
    atopid, member, phase, entry, exit_, *flags, limits = row
    return AtopMemberRow(
        atopid=int(str(atopid)),
        member=int(str(member)),
        phase=int(str(phase)),
        entry=date.fromisoformat(str(entry)),
        exit=_day(exit_),
        obligations=tuple(zip(OBLIGATIONS, (int(str(f)) for f in flags), strict=True)),
        limits=tuple(json.loads(str(limits)).items()),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None

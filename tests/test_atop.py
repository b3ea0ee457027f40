from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from foedus.errors import DataFileError
from foedus.states import load_states
from foedus.treaties import import_atop, load_registry
from foedus.treaties.atop import atop_treaties, read_atop

ATOP = Path(__file__).resolve().parents[1].parent / "shared" / "atop"
ALLIANCE, MEMBER = ATOP / "atop4_01a.csv", ATOP / "atop4_01m.csv"

needs_atop = pytest.mark.skipif(
    not MEMBER.exists(), reason="ATOP 4.01 files not found in ../shared/atop"
)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="latin-1") as f:
        return list(csv.DictReader(f))


@needs_atop
def test_atop_401_loads_whole() -> None:
    data = read_atop(ALLIANCE, MEMBER)
    assert len(data.alliances) == len(_rows(ALLIANCE)) == 745
    assert len(data.members) == len(_rows(MEMBER)) == 2398
    assert data.version == "4.01"
    treaties = atop_treaties(data, load_states())
    assert sum(len(t.members) for t in treaties) == 2398


@needs_atop
def test_member_level_asymmetry_is_kept() -> None:
    treaties = {t.id: t for t in atop_treaties(read_atop(ALLIANCE, MEMBER), load_states())}
    defense = next(c for c in treaties["atop-3375"].clauses if c.kind == "defense")
    assert defense.binds("USA", "JPN") and not defense.binds("JPN", "USA")


@needs_atop
def test_import_is_idempotent_and_shipped_wins(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    first = import_atop(ALLIANCE, MEMBER, db)
    second = import_atop(ALLIANCE, MEMBER, db)
    assert (first.stored_alliances, first.stored_member_rows) == (745, 2398)
    assert (second.stored_alliances, second.stored_member_rows) == (745, 2398)
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert all(t.startswith("treaty_") for t in tables)
    registry = load_registry(db)
    assert registry.atop_version == "4.01"
    assert registry.get("atop-4968").id == "rus-irn-2001"
    assert registry.get("atop-4980").id == "rus-chn-2001"
    assert "4968" in registry.precedence(registry.get("rus-irn-2001"))
    assert "atop-3180" not in registry.ids and "atop-1005" in registry.ids
    assert len(registry.treaties) == len(registry.list(source="shipped")) + 745 - len(
        registry.superseded
    )


@needs_atop
def test_extra_and_missing_optional_columns_are_tolerated(tmp_path: Path) -> None:
    members = _rows(MEMBER)
    keep = ["atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit",
            "phase", "defense", "offense", "neutral", "nonagg", "consul"]  # fmt: skip
    trimmed = tmp_path / "m.csv"
    with trimmed.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=[*keep, "newcol51"])
        writer.writeheader()
        for row in members:
            writer.writerow({**{k: row[k] for k in keep}, "newcol51": "x"})
    data = read_atop(ALLIANCE, trimmed)
    assert len(data.members) == 2398


@needs_atop
def test_swapped_or_missing_columns_are_explained(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"missing column\(s\).*alliance-level file first"):
        read_atop(MEMBER, MEMBER)
    bad = tmp_path / "m.csv"
    bad.write_text("atopid,member,yrent,yrexit,defense,offense,neutral,nonagg,consul\n"
                   "1005,abc,1815,0,1,0,0,0,0\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(DataFileError, match=r"line 2: column 'member' is 'abc'"):
        read_atop(ALLIANCE, bad)

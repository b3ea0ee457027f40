from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from foedus.dyads import dyad_years, load_dyad_treaties, write_dyads
from foedus.errors import InputError
from foedus.treaties import import_atop

ATOP = Path(__file__).resolve().parents[1].parent / "shared" / "atop"
ALLIANCE, MEMBER = ATOP / "atop4_01a.csv", ATOP / "atop4_01m.csv"


@pytest.fixture(scope="module")
def atop_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not MEMBER.exists():
        pytest.skip("ATOP 4.01 files not found in ../shared/atop")
    db = tmp_path_factory.mktemp("atop") / "store.sqlite"
    import_atop(ALLIANCE, MEMBER, db)
    return db


def _pair(rows: tuple, a: int, b: int, year: int):  # type: ignore[no-untyped-def]
    return next(r for r in rows if (r.stateA, r.stateB, r.year) == (a, b, year))


def test_atop_dyads_reproduce_asymmetry(atop_db: Path) -> None:
    rows = dyad_years(load_dyad_treaties("atop", atop_db), 2000, 2000)
    assert _pair(rows, 2, 740, 2000).defense == 1
    assert _pair(rows, 740, 2, 2000).defense == 0
    assert _pair(rows, 740, 2, 2000).consul == 1
    assert _pair(rows, 2, 732, 2000).defense == _pair(rows, 732, 2, 2000).defense == 1


def test_atop_dyads_match_member_rows(atop_db: Path) -> None:
    # Every defense dyad in a year must come from two member rows of one alliance active
    # that year, the first of them coded defense=1 in ATOP's own member file.
    with MEMBER.open(encoding="latin-1") as f:
        members = list(csv.DictReader(f))
    year = 1985
    live = [
        m
        for m in members
        if int(m["yrent"]) <= year and (m["yrexit"] in ("0", "") or int(m["yrexit"]) >= year)
    ]
    expected = {
        (int(a["member"]), int(b["member"]))
        for a in live
        for b in live
        if a["atopid"] == b["atopid"] and a["member"] != b["member"] and a["defense"] == "1"
        and a["phase"] == b["phase"]
    }  # fmt: skip
    rows = dyad_years(load_dyad_treaties("atop", atop_db), year, year)
    got = {(r.stateA, r.stateB) for r in rows if r.defense}
    assert got == expected


def test_shipped_dyads_and_no_data_years() -> None:
    treaties = load_dyad_treaties("shipped", None)
    rows = dyad_years(treaties, 2025, 2025)
    assert _pair(rows, 2, 740, 2025).defense == 1
    assert _pair(rows, 740, 2, 2025).defense == 0
    assert _pair(rows, 365, 731, 2025).defense == 1
    assert not [r for r in rows if {r.stateA, r.stateB} == {365, 630} and r.defense]
    assert dyad_years(treaties, 1816, 1820) == ()


def test_all_prefers_shipped_over_atop(atop_db: Path) -> None:
    rows = dyad_years(load_dyad_treaties("all", atop_db), 2016, 2016)
    pairs = [(r.stateA, r.stateB) for r in rows]
    assert len(pairs) == len(set(pairs))
    # Finland is not in shipped NATO before 2023 nor in ATOP's: no US-Finland defense row.
    assert not any(r.defense for r in rows if (r.stateA, r.stateB) == (2, 375))


def test_write_dyads_uses_atop_header() -> None:
    out = io.StringIO()
    count = write_dyads(dyad_years(load_dyad_treaties("shipped", None), 2024, 2024), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "stateA,stateB,year,defense,offense,neutral,nonagg,consul"
    assert count == len(lines) - 1 > 0


def test_bad_dyad_requests(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="import-atop"):
        load_dyad_treaties("atop", tmp_path / "none.sqlite")
    with pytest.raises(InputError, match="before --from"):
        dyad_years((), 2000, 1990)
    with pytest.raises(InputError, match="Unknown dyad source"):
        load_dyad_treaties("cow", None)

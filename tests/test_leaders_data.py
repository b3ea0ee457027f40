"""Checks on the shipped officeholder tables (src/foedus/data/actors/leaders/*.toml).

The files are parsed with `tomllib` directly so that these checks do not depend on the loader.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

LEADERS_DIR = Path(__file__).resolve().parents[1] / "src" / "foedus" / "data" / "actors" / "leaders"
LEADER_FILES = sorted(LEADERS_DIR.glob("*.toml"))

PERIOD_START = dt.date(2000, 1, 1)
PERIOD_END = dt.date(2026, 11, 26)
# Older holders are listed back to 1975 so that archive news (and the gold sets) resolve.
HISTORY_START = dt.date(1975, 1, 1)

ROLES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defense_minister",
    "secretary_general",
    "other",
}
REQUIRED = {"id", "actor", "role", "titles", "name", "aliases", "start"}
OPTIONAL = {"end", "notes"}
# "concurrent" marks an office that shares power by design (a paramount leader beside
# the party chief), so two terms in the same role overlap on purpose.
OVERLAP_OK = re.compile(r"acting|interim|disputed|concurrent", re.IGNORECASE)
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

G20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA"}
G20 |= {"JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}
MIDDLE_EAST = {"BHR", "CYP", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "OMN"}
MIDDLE_EAST |= {"PSE", "QAT", "SAU", "SYR", "TUR", "ARE", "YEM"}
OTHER_STATES = ["PRK", "UKR", "BLR"]
# States listed only for the historical period (1975-1999, a few running a little later).
HISTORICAL_STATES = ["AFG", "PAK", "VNM", "CUB", "NIC", "PAN", "LBY", "SRB", "HRV", "BIH"]
ORGANIZATIONS = ["EU", "AU", "UN", "NATO", "IAEA"]
REQUIRED_ACTORS = sorted({*G20, *MIDDLE_EAST, *OTHER_STATES, *ORGANIZATIONS})

# The role whose terms must cover the whole period. Australia and Canada share the British
# monarch, who is listed only under GBR, so their executive is the prime minister.
EXECUTIVE_ROLE = {
    "AUS": "head_of_government",
    "CAN": "head_of_government",
    "EU": "head_of_government",
    "AU": "secretary_general",
    "UN": "secretary_general",
    "NATO": "secretary_general",
    "IAEA": "secretary_general",
}

# The Palestinian Authority has no defence ministry; its security forces answer to the interior
# minister, who is not a defense minister in the coder's sense.
NO_DEFENSE_MINISTRY = {"PSE"}
# Bosnia had no state defence ministry until 2004, only the entities' armies; Panama's Defense
# Forces answered to their commander (Noriega, listed under "other"), and it abolished them in 1990.
NO_DEFENSE_MINISTRY |= {"BIH", "PAN"}
# States with no army or no defence ministry of their own: Costa Rica (army abolished in 1948),
# the Eastern Caribbean states without forces of their own, Solomon Islands; Bhutan's army and
# Guyana's Defence Force answer to the King and to the President, not to a minister.
NO_DEFENSE_MINISTRY |= {"ISL"}  # Iceland has no armed forces; its foreign ministry handles defence
NO_DEFENSE_MINISTRY |= {"CRI", "DMA", "GRD", "LCA", "VCT", "SLB", "BTN", "GUY"}
# Antigua and Barbuda and St Kitts and Nevis have small defence forces, but their ministers
# are not listed yet (the tables leave a gap rather than guess).
NO_DEFENSE_MINISTRY |= {"ATG", "KNA"}

# Surnames that are everyday English words, or so common that alone they name nobody in
# particular: as aliases they would fire on ordinary text.
AMBIGUOUS_ALIASES = {"May", "Rice", "Brown", "Bush", "Cook", "Straw", "Hunt", "Gates", "Fox"}
AMBIGUOUS_ALIASES |= {"Truss", "Cleverly", "Hague", "Austin", "King", "Young", "Wood", "Long"}
AMBIGUOUS_ALIASES |= {"Rich", "Little", "Hope", "Church", "Green", "White", "Black", "Bill"}
AMBIGUOUS_ALIASES |= {"Hill", "Price", "Moon", "Sun", "Rose", "Cole", "Sharp", "Mark", "Will"}
AMBIGUOUS_ALIASES |= {"Law", "Ban", "Ali", "Kim", "Li", "Wang", "Park", "Lee", "Bishop", "Downer"}
AMBIGUOUS_ALIASES |= {"Struck", "Cannon", "Champagne", "Smith", "Singh", "Ping", "Slim", "Wagner"}
AMBIGUOUS_ALIASES |= {"Garner", "Shalom"}

Holder = dict[str, Any]


def load(path: Path) -> list[Holder]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    assert set(data) == {"holder"}, f"{path.name}: only [[holder]] tables are allowed"
    holders = data["holder"]
    assert isinstance(holders, list) and holders, f"{path.name}: no [[holder]] entries"
    return holders


def term_end(holder: Holder) -> dt.date:
    end = holder.get("end")
    return end if isinstance(end, dt.date) else dt.date.max


def holding(actor: str, role: str, on: dt.date) -> list[Holder]:
    return [
        h
        for h in load(LEADERS_DIR / f"{actor}.toml")
        if h["role"] == role and h["start"] <= on < term_end(h)
    ]


def by_role(holders: list[Holder]) -> dict[str, list[Holder]]:
    groups: dict[str, list[Holder]] = defaultdict(list)
    for holder in holders:
        groups[holder["role"]].append(holder)
    return {role: sorted(terms, key=lambda h: h["start"]) for role, terms in groups.items()}


def file_ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def test_every_required_actor_has_a_file() -> None:
    shipped = {p.stem for p in LEADER_FILES}
    assert sorted(set(REQUIRED_ACTORS) - shipped) == []


@pytest.mark.parametrize("path", LEADER_FILES, ids=file_ids(LEADER_FILES))
def test_entries_have_required_fields_and_types(path: Path) -> None:
    for holder in load(path):
        where = f"{path.name}: {holder.get('id')!r}"
        assert set(holder) >= REQUIRED, f"{where} lacks {sorted(REQUIRED - set(holder))}"
        assert set(holder) <= REQUIRED | OPTIONAL, (
            f"{where} has {set(holder) - REQUIRED - OPTIONAL}"
        )
        assert ID_PATTERN.fullmatch(holder["id"]), f"{where}: id is not a lower-case slug"
        assert holder["actor"] == path.stem, f"{where}: actor differs from the file name"
        assert holder["role"] in ROLES, f"{where}: unknown role {holder['role']!r}"
        assert isinstance(holder["name"], str) and holder["name"].strip(), where
        assert isinstance(holder.get("notes", ""), str), where
        titles = holder["titles"]
        assert titles and all(isinstance(t, str) and t == t.lower() and t for t in titles), where
        assert all(isinstance(a, str) and a.strip() for a in holder["aliases"]), where


@pytest.mark.parametrize("path", LEADER_FILES, ids=file_ids(LEADER_FILES))
def test_dates_parse_and_are_ordered(path: Path) -> None:
    for holder in load(path):
        where = f"{path.name}: {holder['id']}"
        start, end = holder["start"], holder.get("end")
        # tomllib gives datetime for offset/local date-times; only plain dates are wanted.
        assert type(start) is dt.date, f"{where}: start {start!r} is not a TOML local date"
        assert end is None or type(end) is dt.date, f"{where}: end {end!r} is not a local date"
        assert end is None or start <= end, f"{where}: start {start} is after end {end}"
        assert start <= PERIOD_END, f"{where}: starts after {PERIOD_END}"
        assert end is None or end >= HISTORY_START, f"{where}: ended before {HISTORY_START}"


@pytest.mark.parametrize("path", LEADER_FILES, ids=file_ids(LEADER_FILES))
def test_no_overlapping_terms_unless_flagged(path: Path) -> None:
    for role, terms in by_role(load(path)).items():
        for i, first in enumerate(terms):
            for second in terms[i + 1 :]:
                if second["start"] >= term_end(first):
                    continue
                flagged = OVERLAP_OK.search(first.get("notes", "") + second.get("notes", ""))
                assert flagged, (
                    f"{path.name} {role}: {first['id']} ({first['start']}..{first.get('end')}) "
                    f"overlaps {second['id']} from {second['start']} without an acting/interim/"
                    "disputed note"
                )


# States with no executive for part of the period: South Sudan became independent in July
# 2011; Somalia had no government from its collapse in 1991 to the Transitional National
# Government of August 2000.
EXECUTIVE_SINCE = {"SSD": dt.date(2011, 7, 9), "SOM": dt.date(2000, 8, 27)}


@pytest.mark.parametrize("path", LEADER_FILES, ids=file_ids(LEADER_FILES))
def test_executive_covers_the_whole_period(path: Path) -> None:
    if path.stem in HISTORICAL_STATES:
        pytest.skip("listed for the historical period only")
    role = EXECUTIVE_ROLE.get(path.stem, "head_of_state")
    terms = by_role(load(path)).get(role, [])
    covered_to = EXECUTIVE_SINCE.get(path.stem, PERIOD_START)
    for term in terms:
        if covered_to >= PERIOD_END:
            break
        # A successor sworn in the day after the predecessor left is continuous.
        assert term["start"] <= covered_to + dt.timedelta(days=1), (
            f"{path.name} {role}: nobody holds office from {covered_to} to {term['start']}"
        )
        covered_to = max(covered_to, term_end(term))
    assert covered_to >= PERIOD_END, f"{path.name} {role}: coverage stops at {covered_to}"


@pytest.mark.parametrize("path", LEADER_FILES, ids=file_ids(LEADER_FILES))
def test_states_list_foreign_and_defense_ministers(path: Path) -> None:
    if path.stem in ORGANIZATIONS:
        pytest.skip("organizations have no ministers")
    roles = set(by_role(load(path)))
    wanted = {"foreign_minister", "defense_minister"}
    if path.stem in NO_DEFENSE_MINISTRY:
        wanted.discard("defense_minister")
    assert wanted <= roles, f"{path.name}: {sorted(roles)}"


@pytest.mark.parametrize("path", LEADER_FILES, ids=file_ids(LEADER_FILES))
def test_aliases_avoid_common_words(path: Path) -> None:
    for holder in load(path):
        bad = [a for a in holder["aliases"] if a in AMBIGUOUS_ALIASES]
        assert not bad, f"{path.name}: {holder['id']} has common-word aliases {bad}"


def test_a_person_id_keeps_one_name_across_files() -> None:
    names: dict[str, set[str]] = defaultdict(set)
    for path in LEADER_FILES:
        for holder in load(path):
            names[holder["id"]].add(holder["name"])
    assert {pid: n for pid, n in names.items() if len(n) > 1} == {}


@pytest.mark.parametrize(
    ("actor", "role", "on", "name", "title"),
    [
        ("RUS", "head_of_state", "2025-06-25", "Vladimir Putin", "president"),
        ("IRN", "head_of_government", "2025-06-25", "Masoud Pezeshkian", "president"),
        ("IRN", "head_of_government", "2023-06-01", "Ebrahim Raisi", "president"),
        ("IRN", "head_of_state", "2025-06-25", "Ali Khamenei", "supreme leader"),
        ("PRK", "head_of_state", "2012-01-01", "Kim Jong Un", None),
        ("PRK", "head_of_state", "2005-01-01", "Kim Jong Il", None),
        ("USA", "head_of_state", "2025-06-25", "Donald Trump", "president"),
        ("USA", "foreign_minister", "2025-06-25", "Marco Rubio", "secretary of state"),
        ("GBR", "head_of_government", "2024-08-01", "Keir Starmer", "prime minister"),
        ("ISR", "head_of_government", "2025-06-25", "Benjamin Netanyahu", "prime minister"),
        ("SYR", "head_of_state", "2025-06-25", "Ahmed al-Sharaa", "president"),
        ("SYR", "head_of_state", "2024-06-01", "Bashar al-Assad", "president"),
        ("DEU", "head_of_government", "2025-06-25", "Friedrich Merz", "chancellor"),
        ("CHN", "head_of_state", "2025-06-25", "Xi Jinping", "president"),
        ("UKR", "head_of_state", "2025-06-25", "Volodymyr Zelensky", "president"),
        ("SAU", "head_of_state", "2025-06-25", "Salman bin Abdulaziz", "king"),
        ("UN", "secretary_general", "2025-06-25", "António Guterres", "secretary-general"),
        ("NATO", "secretary_general", "2025-06-25", "Mark Rutte", "secretary general"),
        ("RUS", "head_of_state", "1989-06-01", "Mikhail Gorbachev", "general secretary"),
        ("RUS", "head_of_state", "1995-01-01", "Boris Yeltsin", "president"),
        ("USA", "head_of_state", "1985-01-01", "Ronald Reagan", "president"),
        ("FRA", "head_of_state", "1990-01-01", "François Mitterrand", "president"),
        ("PSE", "head_of_state", "1995-01-01", "Yasser Arafat", "president"),
        ("PSE", "head_of_state", "1988-11-15", "Yasser Arafat", "chairman"),
        ("IRQ", "head_of_state", "1990-08-02", "Saddam Hussein", "president"),
        ("GBR", "head_of_government", "1982-04-02", "Margaret Thatcher", "prime minister"),
        ("DEU", "head_of_government", "1990-10-03", "Helmut Kohl", "chancellor"),
        ("ISR", "head_of_government", "1990-01-01", "Yitzhak Shamir", "prime minister"),
        ("ISR", "head_of_government", "1994-01-01", "Yitzhak Rabin", "prime minister"),
        ("EGY", "head_of_state", "1978-09-17", "Anwar Sadat", "president"),
        ("IRN", "head_of_state", "1985-01-01", "Ruhollah Khomeini", "supreme leader"),
        ("PAK", "head_of_state", "1985-01-01", "Muhammad Zia-ul-Haq", "president"),
        ("SRB", "head_of_state", "1978-01-01", "Josip Broz Tito", "president"),
        ("SRB", "head_of_state", "1999-03-24", "Slobodan Milošević", "president"),
        ("CHN", "other", "1985-01-01", None, None),
        ("UN", "secretary_general", "1985-01-01", "Javier Pérez de Cuéllar", "secretary-general"),
        ("UN", "secretary_general", "1995-01-01", "Boutros Boutros-Ghali", "secretary-general"),
        ("NATO", "secretary_general", "1990-01-01", "Manfred Wörner", "secretary general"),
    ],
)
def test_spot_checks(actor: str, role: str, on: str, name: str | None, title: str | None) -> None:
    found = holding(actor, role, dt.date.fromisoformat(on))
    if name is None:  # a role shared on purpose: Deng beside the party chief
        assert {h["name"] for h in found} == {"Deng Xiaoping", "Hu Yaobang"}
        return
    assert [h["name"] for h in found] == [name]
    if title is not None:
        assert title in found[0]["titles"]


def test_lavrov_foreign_minister_since_2004() -> None:
    terms = [h for h in load(LEADERS_DIR / "RUS.toml") if h["id"] == "sergey-lavrov"]
    assert [h["role"] for h in terms] == ["foreign_minister"]
    assert terms[0]["start"].year == 2004 and "end" not in terms[0]
    assert holding("RUS", "foreign_minister", dt.date(2015, 1, 1)) == terms


def test_kim_jong_un_leads_the_dprk_since_december_2011() -> None:
    terms = [h for h in load(LEADERS_DIR / "PRK.toml") if h["id"] == "kim-jong-un"]
    head = [h for h in terms if h["role"] == "head_of_state"]
    assert len(head) == 1 and "end" not in head[0]
    assert (head[0]["start"].year, head[0]["start"].month) == (2011, 12)


# Where the executive is listed without a break from the date given to 2000. Successions in
# this era often left a few days' vacancy (a Soviet leader's funeral, a Yugoslav rotation), so
# the check allows two weeks; a longer gap means a missing holder.
HISTORICAL_COVERAGE = {
    "USA": ("head_of_state", HISTORY_START), "RUS": ("head_of_state", HISTORY_START),
    "GBR": ("head_of_government", HISTORY_START), "FRA": ("head_of_state", HISTORY_START),
    "DEU": ("head_of_government", HISTORY_START), "CHN": ("head_of_state", dt.date(1983, 6, 18)),
    "JPN": ("head_of_government", HISTORY_START), "ITA": ("head_of_government", HISTORY_START),
    "IND": ("head_of_government", HISTORY_START), "CAN": ("head_of_government", HISTORY_START),
    "AUS": ("head_of_government", HISTORY_START), "BRA": ("head_of_state", HISTORY_START),
    "ARG": ("head_of_state", HISTORY_START), "MEX": ("head_of_state", HISTORY_START),
    "IDN": ("head_of_state", HISTORY_START), "ZAF": ("head_of_state", HISTORY_START),
    "SAU": ("head_of_state", HISTORY_START), "TUR": ("head_of_state", HISTORY_START),
    "EGY": ("head_of_state", HISTORY_START), "ISR": ("head_of_government", HISTORY_START),
    "IRN": ("head_of_state", HISTORY_START), "IRQ": ("head_of_state", HISTORY_START),
    "SYR": ("head_of_state", HISTORY_START), "JOR": ("head_of_state", HISTORY_START),
    "KWT": ("head_of_state", HISTORY_START), "BHR": ("head_of_state", HISTORY_START),
    "QAT": ("head_of_state", HISTORY_START), "ARE": ("head_of_state", HISTORY_START),
    "OMN": ("head_of_state", HISTORY_START), "CYP": ("head_of_state", HISTORY_START),
    "YEM": ("head_of_state", HISTORY_START), "PSE": ("head_of_state", HISTORY_START),
    "PRK": ("head_of_state", HISTORY_START), "UKR": ("head_of_state", dt.date(1991, 8, 24)),
    "BLR": ("head_of_government", dt.date(1991, 8, 25)), "AFG": ("head_of_state", HISTORY_START),
    "PAK": ("head_of_state", HISTORY_START), "VNM": ("head_of_state", HISTORY_START),
    "CUB": ("head_of_state", HISTORY_START), "LBY": ("head_of_state", HISTORY_START),
    "PAN": ("head_of_state", HISTORY_START), "HRV": ("head_of_state", dt.date(1992, 1, 15)),
    "BIH": ("head_of_state", dt.date(1992, 3, 3)), "UN": ("secretary_general", HISTORY_START),
    "NATO": ("secretary_general", HISTORY_START),
}  # fmt: skip


@pytest.mark.parametrize(
    ("actor", "role", "since"), [(a, *v) for a, v in HISTORICAL_COVERAGE.items()]
)
def test_executive_covers_the_historical_period(actor: str, role: str, since: dt.date) -> None:
    terms = by_role(load(LEADERS_DIR / f"{actor}.toml")).get(role, [])
    covered_to = since
    for term in terms:
        if covered_to >= PERIOD_START:
            break
        if term_end(term) <= covered_to:
            continue
        assert term["start"] <= covered_to + dt.timedelta(days=14), (
            f"{actor} {role}: nobody holds office from {covered_to} to {term['start']}"
        )
        covered_to = term_end(term)
    assert covered_to >= PERIOD_START, f"{actor} {role}: coverage stops at {covered_to}"


# Two kings named Abdullah reigned at once (Jordan from 1999, Saudi Arabia 2005-2015); the
# country in the phrase tells them apart, so this shared alias is expected.
SHARED_ALIASES_OK = {"king abdullah"}


def test_no_alias_names_two_people_in_office_at_once() -> None:
    holders = [h for path in LEADER_FILES for h in load(path)]
    named: dict[str, list[Holder]] = defaultdict(list)
    for holder in holders:
        for alias in {a.casefold() for a in (holder["name"], *holder["aliases"])}:
            named[alias].append(holder)
    clashes = sorted(
        (alias, a["id"], b["id"])
        for alias, group in named.items()
        if alias not in SHARED_ALIASES_OK
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if a["id"] != b["id"] and a["start"] < term_end(b) and b["start"] < term_end(a)
    )
    assert clashes == []


@pytest.mark.parametrize("actor", ["RUS", "SRB"])
def test_predecessor_states_are_noted_under_the_continuing_state(actor: str) -> None:
    # COW continuity: Soviet leaders sit under RUS (365), Yugoslav ones under SRB (345).
    cow = {"RUS": "COW 365", "SRB": "COW 345"}[actor]
    old = [h for h in load(LEADERS_DIR / f"{actor}.toml") if h["start"] < dt.date(1991, 1, 1)]
    assert old and any(cow in h.get("notes", "") for h in old)

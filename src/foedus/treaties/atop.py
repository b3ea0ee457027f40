"""Read ATOP (Alliance Treaty Obligations and Provisions) alliance- and member-level files.

Works with the 4.01 layout and 5.x (same columns plus some): only the columns listed in
`_ALLIANCE_REQUIRED` and `_MEMBER_REQUIRED` must be present; every other column is optional.
ATOP has no article texts, so imported alliances carry ATOP's obligation codes, their
member-level asymmetry and phases, and the atopid, but strength `unspecified`.
"""

from __future__ import annotations

import calendar
import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from foedus.errors import DataFileError, InputError
from foedus.states import StateSystem
from foedus.treaties.model import Clause, Conditions, Member, Phase, Treaty

__all__ = [
    "OBLIGATIONS",
    "AtopAlliance",
    "AtopData",
    "AtopMemberRow",
    "atop_treaties",
    "read_atop",
]

OBLIGATIONS = ("defense", "offense", "neutral", "nonagg", "consul")
"""ATOP's obligation columns, in ATOP's order."""

KIND_OF = {
    "defense": "defense",
    "offense": "offense",
    "neutral": "neutrality",
    "nonagg": "non_aggression",
    "consul": "consultation",
}

# ATOP's member-level condition flags, by obligation, with what each limits.
LIMITS = {
    "defense": (("defcoloc", "location"), ("defcoadv", "specific adversary"),
                ("defcocon", "specific conflict"), ("defconum", "number of attackers"),
                ("defcodem", "demands"), ("defconpr", "non-provocation")),
    "offense": (("offcoloc", "location"), ("offcoadv", "specific adversary"),
                ("offcocon", "specific conflict"), ("offconum", "number of attackers"),
                ("offcodem", "demands")),
    "neutral": (("neucoloc", "location"), ("neucoadv", "specific adversary"),
                ("neucocon", "specific conflict"), ("neuconum", "number of attackers"),
                ("neucodem", "demands"), ("neuconpr", "non-provocation")),
    "nonagg": (),
    "consul": (("concoloc", "location"), ("concoadv", "specific adversary"),
               ("concocon", "specific conflict")),
}  # fmt: skip
_REQUEST_FLAG = "concoreq"
_TRIGGER = {
    "defense": "armed_attack",
    "offense": "none",
    "neutral": "aggression",
    "nonagg": "none",
    "consul": "threat",
}

_ALLIANCE_REQUIRED = ("atopid", "begyr", "endyr")
_MEMBER_REQUIRED = ("atopid", "member", "yrent", "yrexit", *OBLIGATIONS)
_COVERAGE_END = {"4": 2016, "5": 2018}


@dataclass(frozen=True)
class AtopAlliance:
    atopid: int
    begin: date
    end: date | None
    bilateral: bool


@dataclass(frozen=True)
class AtopMemberRow:
    """One member in one phase of one alliance, with that member's own obligations."""

    atopid: int
    member: int
    phase: int
    entry: date
    exit: date | None
    obligations: tuple[tuple[str, int], ...]
    """(column, 0/1) for each of `OBLIGATIONS`."""
    limits: tuple[tuple[str, int], ...]
    """(condition column, 0/1) for every condition flag present in the file."""

    def has(self, obligation: str) -> bool:
        return dict(self.obligations).get(obligation, 0) == 1


@dataclass(frozen=True)
class AtopData:
    alliances: tuple[AtopAlliance, ...]
    members: tuple[AtopMemberRow, ...]
    version: str
    coverage_end: date


def read_atop(alliance_csv: Path, member_csv: Path) -> AtopData:
    """Parse and check an ATOP alliance-level file and member-level file."""
    alliance_rows = _rows(alliance_csv, _ALLIANCE_REQUIRED)
    member_rows = _rows(member_csv, _MEMBER_REQUIRED)
    alliances = tuple(_alliance(r, alliance_csv, n) for n, r in alliance_rows)
    members = tuple(_member(r, member_csv, n) for n, r in member_rows)
    known = {a.atopid for a in alliances}
    orphans = sorted({m.atopid for m in members} - known)
    if orphans:
        raise DataFileError(
            f"{member_csv}: member rows name atopid {orphans[:5]} that {alliance_csv.name} "
            f"lacks. Use the alliance and member files of the same ATOP version."
        )
    version = _version([r for _, r in member_rows] or [r for _, r in alliance_rows])
    return AtopData(alliances, members, version, _coverage_end(version, alliances, members))


def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}). Check the path.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # older ATOP releases are not UTF-8
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in required if c not in (reader.fieldnames or ())]
    if missing:
        raise DataFileError(
            f"{path}: missing column(s) {missing}. Pass ATOP's alliance-level file first and "
            f"its member-level file second (e.g. atop4_01a.csv atop4_01m.csv)."
        )
    return [(n, row) for n, row in enumerate(reader, start=2)]


def _int(row: dict[str, str], column: str, path: Path, line: int, default: int = 0) -> int:
    value = (row.get(column) or "").strip()
    if not value:
        return default
    try:
        return int(float(value))
    except ValueError:
        raise DataFileError(
            f"{path} line {line}: column '{column}' is {value!r}, not a number. "
            f"Check that the file is an unmodified ATOP csv."
        ) from None


def _date(row: dict[str, str], prefix: tuple[str, str, str], path: Path, line: int) -> date | None:
    year = _int(row, prefix[0], path, line)
    if year == 0:
        return None
    # ATOP writes an unknown month or day as 0 (or leaves it blank).
    month = min(max(_int(row, prefix[1], path, line), 1), 12)
    day = min(max(_int(row, prefix[2], path, line), 1), calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _alliance(row: dict[str, str], path: Path, line: int) -> AtopAlliance:
    begin = _date(row, ("begyr", "begmo", "begday"), path, line)
    if begin is None:
        raise DataFileError(f"{path} line {line}: column 'begyr' is empty; ATOP gives every start.")
    return AtopAlliance(
        _int(row, "atopid", path, line),
        begin,
        _date(row, ("endyr", "endmo", "endday"), path, line),
        _int(row, "bilat", path, line) == 1,
    )


def _member(row: dict[str, str], path: Path, line: int) -> AtopMemberRow:
    entry = _date(row, ("yrent", "moent", "dayent"), path, line)
    if entry is None:
        raise DataFileError(f"{path} line {line}: column 'yrent' is empty; ATOP gives every entry.")
    flags = [col for pairs in LIMITS.values() for col, _ in pairs] + [_REQUEST_FLAG]
    return AtopMemberRow(
        atopid=_int(row, "atopid", path, line),
        member=_int(row, "member", path, line),
        phase=_int(row, "phase", path, line),
        entry=entry,
        exit=_date(row, ("yrexit", "moexit", "dayexit"), path, line),
        obligations=tuple((c, _int(row, c, path, line)) for c in OBLIGATIONS),
        limits=tuple((c, _int(row, c, path, line)) for c in flags if c in row),
    )


def _version(rows: list[dict[str, str]]) -> str:
    for row in rows:
        value = (row.get("version") or "").strip()
        if value:
            return f"{float(value):.2f}" if value.replace(".", "", 1).isdigit() else value
    return "unknown"


def _coverage_end(
    version: str, alliances: tuple[AtopAlliance, ...], members: tuple[AtopMemberRow, ...]
) -> date:
    year = _COVERAGE_END.get(version[:1])
    if year is None:  # an unknown release covers at least the last year it mentions
        dates = [a.begin for a in alliances] + [a.end for a in alliances if a.end]
        dates += [m.exit for m in members if m.exit]
        year = max(d.year for d in dates) if dates else date.today().year
    return date(year, 12, 31)


def atop_treaties(data: AtopData, states: StateSystem) -> tuple[Treaty, ...]:
    """Every ATOP alliance as a `Treaty` (id `atop-<atopid>`, source `atop`)."""
    rows: dict[int, list[AtopMemberRow]] = defaultdict(list)
    for row in data.members:
        rows[row.atopid].append(row)
    return tuple(_treaty(a, tuple(rows[a.atopid]), data, states) for a in data.alliances)


def _treaty(
    alliance: AtopAlliance, rows: tuple[AtopMemberRow, ...], data: AtopData, states: StateSystem
) -> Treaty:
    members = tuple(
        Member(_code(r.member, states), r.member, r.entry, r.exit, r.phase) for r in rows
    )
    return Treaty(
        id=f"atop-{alliance.atopid}",
        name=f"ATOP alliance {alliance.atopid}",
        source="atop",
        signed=alliance.begin,
        in_force=alliance.begin,
        members=members,
        clauses=_clauses(rows, states),
        ended=alliance.end,
        phases=_phases(rows),
        atopids=(alliance.atopid,),
        coverage_end=data.coverage_end,
        sources=(f"ATOP {data.version}, alliance {alliance.atopid}",),
        notes=("ATOP has no article texts; obligations are ATOP's member-level codes.",),
    )


def _code(cow: int, states: StateSystem) -> str:
    state = states.find(cow)
    return state.code if state else f"COW{cow}"


def _clauses(rows: tuple[AtopMemberRow, ...], states: StateSystem) -> tuple[Clause, ...]:
    clauses = []
    for phase in sorted({r.phase for r in rows}):
        in_phase = [r for r in rows if r.phase == phase]
        for obligation in OBLIGATIONS:
            owing = [r for r in in_phase if r.has(obligation)]
            if not owing:
                continue
            everyone = len(owing) == len(in_phase)
            owed_by = (
                () if everyone else tuple(dict.fromkeys(_code(r.member, states) for r in owing))
            )
            clauses.append(_clause(obligation, phase, owed_by, owing))
    return tuple(clauses)


def _clause(
    obligation: str, phase: int, owed_by: tuple[str, ...], owing: list[AtopMemberRow]
) -> Clause:
    flags = {c for r in owing for c, v in r.limits if v == 1}
    limits = tuple(label for column, label in LIMITS[obligation] if column in flags)
    return Clause(
        article=f"ATOP {obligation}",
        kind=KIND_OF[obligation],
        strength="consultation" if obligation == "consul" else "unspecified",
        trigger=_TRIGGER[obligation],
        paraphrase=f"ATOP codes a {KIND_OF[obligation].replace('_', '-')} obligation.",
        owed_by=owed_by,
        conditions=Conditions(
            request=obligation == "consul" and _REQUEST_FLAG in flags,
            unverifiable=tuple(f"ATOP codes a limit on {label}" for label in limits),
        ),
        phase=phase,
    )


def _phases(rows: tuple[AtopMemberRow, ...]) -> tuple[Phase, ...]:
    numbers = sorted({r.phase for r in rows})
    if numbers == [0]:
        return ()
    phases = []
    for number in numbers:
        in_phase = [r for r in rows if r.phase == number]
        exits = [r.exit for r in in_phase]
        end = None if None in exits else max(e for e in exits if e is not None)
        phases.append(Phase(number, min(r.entry for r in in_phase), end))
    return tuple(phases)

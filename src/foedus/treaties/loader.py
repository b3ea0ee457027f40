"""Read and validate treaty data files (`foedus/data/treaties/*.toml`) into `Treaty` objects.

Every problem is a `DataFileError` naming the file, the field and the fix.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from foedus.errors import DataFileError, suggest
from foedus.states import StateSystem, load_states
from foedus.treaties.geography import METROPOLITAN, load_geography
from foedus.treaties.model import (
    KINDS,
    STRENGTHS,
    TRIGGERS,
    Clause,
    Conditions,
    Member,
    Phase,
    Suspension,
    Treaty,
)

__all__ = ["load_shipped", "load_treaty_file", "parse_treaty"]

_TREATY_FIELDS = (
    "id", "name", "short_name", "signed", "signed_at", "in_force", "ended", "atopid",
    "replaces", "sources", "notes", "member", "clause", "phase", "suspension",
)  # fmt: skip
_MEMBER_FIELDS = ("state", "entry", "exit", "notes")
_CLAUSE_FIELDS = (
    "article", "kind", "strength", "trigger", "paraphrase", "owed_by", "owed_to",
    "conditions", "phase", "sources", "notes",
)  # fmt: skip
_CONDITION_FIELDS = (
    "area", "administered_by", "own_territory", "adversaries", "attackers_at_least",
    "request", "state_of_war", "unverifiable",
)  # fmt: skip


@dataclass(frozen=True)
class _Fields:
    """One table of a treaty file, with the path used in error messages."""

    data: Mapping[str, Any]
    file: str
    where: str

    def error(self, key: str, problem: str, fix: str) -> DataFileError:
        return DataFileError(f"{self.file}: field '{self.where}{key}' {problem}. {fix}")

    def check_keys(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in self.data:
            if key not in allowed:
                raise self.error(key, "is not a known field", suggest(key, allowed, limit=20))

    def text(self, key: str, required: bool = True) -> str:
        value = self.data.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.error(key, f"is {value!r}", "Write it as a non-empty string.")
        return value.strip()

    def day(self, key: str, required: bool = True) -> date | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, date):
            raise self.error(key, f"is {value!r}", "Write a TOML date such as 1949-04-04.")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, f"is {value!r}", 'Write a list of strings, e.g. ["USA"].')
        return tuple(value)

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.error(key, f"is {value!r}", suggest(value, allowed, limit=10))
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.error(key, f"is {value!r}", "Write true or false.")
        return value

    def integer(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise self.error(key, f"is {value!r}", "Write a whole number.")
        return value

    def tables(self, key: str) -> list[_Fields]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(key, f"is {value!r}", f"Write it as [[{key}]] tables.")
        return [_Fields(v, self.file, f"{self.where}{key}[{i}].") for i, v in enumerate(value)]


def load_shipped(states: StateSystem | None = None) -> tuple[Treaty, ...]:
    """Every treaty shipped in `foedus/data/treaties/`, validated, sorted by id."""
    folder = resources.files("foedus.data").joinpath("treaties")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    treaties = [parse_treaty(f.read_text(encoding="utf-8"), f.name, states) for f in files]
    _check_unique_ids(treaties)
    return tuple(treaties)


def load_treaty_file(path: Path, states: StateSystem | None = None) -> Treaty:
    """One treaty file from disk (e.g. a user's own treaty)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot be read ({exc.strerror}). Check the path.") from None
    return parse_treaty(text, path.name, states)


def parse_treaty(text: str, file: str, states: StateSystem | None = None) -> Treaty:
    """Validate the TOML text of one treaty file; `file` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{file}: not valid TOML ({exc}). Fix the syntax.") from None
    fields = _Fields(data, file, "")
    fields.check_keys(_TREATY_FIELDS)
    treaty = _treaty(fields, states or load_states())
    _check_consistency(treaty, fields)
    return treaty


def _treaty(f: _Fields, states: StateSystem) -> Treaty:
    treaty_id = f.text("id")
    stem = f.file.removesuffix(".toml")
    if f.file.endswith(".toml") and stem != treaty_id:
        raise f.error("id", f"is {treaty_id!r} but the file is {f.file!r}", "Make them match.")
    atopids = f.data.get("atopid", [])
    if not isinstance(atopids, list) or not all(isinstance(a, int) for a in atopids):
        raise f.error("atopid", f"is {atopids!r}", "Write a list of ATOP ids, e.g. [3180].")
    return Treaty(
        id=treaty_id,
        name=f.text("name"),
        source="shipped",
        signed=f.day("signed"),
        in_force=f.day("in_force", required=False),
        members=tuple(_member(m, states) for m in f.tables("member")),
        clauses=tuple(_clause(c, states) for c in f.tables("clause")),
        short_name=f.text("short_name", required=False),
        ended=f.day("ended", required=False),
        phases=tuple(_phase(p) for p in f.tables("phase")),
        suspensions=tuple(_suspension(s, states) for s in f.tables("suspension")),
        atopids=tuple(atopids),
        replaces=f.text("replaces", required=False),
        sources=f.strings("sources"),
        notes=f.strings("notes"),
    )


def _state(f: _Fields, key: str, value: str, states: StateSystem) -> str:
    state = states.find(value)
    if state is None or state.code != value:
        hint = f"Write the code {state.code!r}." if state else suggest(value, states.codes)
        raise f.error(key, f"names {value!r}, not a state code", hint)
    return state.code


def _member(f: _Fields, states: StateSystem) -> Member:
    f.check_keys(_MEMBER_FIELDS)
    code = _state(f, "state", f.text("state"), states)
    entry = f.day("entry")
    assert entry is not None  # required=True
    return Member(
        code,
        states.get(code).cow,
        entry,
        f.day("exit", required=False),
        None,
        f.text("notes", required=False),
    )


def _clause(f: _Fields, states: StateSystem) -> Clause:
    f.check_keys(_CLAUSE_FIELDS)
    conditions = f.data.get("conditions", {})
    if not isinstance(conditions, dict):
        raise f.error(
            "conditions", f"is {conditions!r}", "Write it as a [clause.conditions] table."
        )
    return Clause(
        article=f.text("article"),
        kind=f.choice("kind", KINDS),
        strength=f.choice("strength", STRENGTHS),
        trigger=f.choice("trigger", TRIGGERS),
        paraphrase=f.text("paraphrase"),
        owed_by=tuple(_state(f, "owed_by", s, states) for s in f.strings("owed_by")),
        owed_to=tuple(_state(f, "owed_to", s, states) for s in f.strings("owed_to")),
        conditions=_conditions(_Fields(conditions, f.file, f"{f.where}conditions."), states),
        phase=f.integer("phase"),
        sources=f.strings("sources"),
        notes=f.text("notes", required=False),
    )


def _conditions(f: _Fields, states: StateSystem) -> Conditions:
    f.check_keys(_CONDITION_FIELDS)
    geography = load_geography()
    area = f.strings("area")
    region_ids = [r.id for r in geography.regions] + [METROPOLITAN]
    for region in area:
        if region not in region_ids:
            raise f.error("area", f"names unknown region {region!r}", suggest(region, region_ids))
    return Conditions(
        area=area,
        administered_by=tuple(
            _state(f, "administered_by", s, states) for s in f.strings("administered_by")
        ),
        own_territory=f.flag("own_territory"),
        adversaries=tuple(_state(f, "adversaries", s, states) for s in f.strings("adversaries")),
        attackers_at_least=f.integer("attackers_at_least"),
        request=f.flag("request"),
        state_of_war=f.flag("state_of_war"),
        unverifiable=f.strings("unverifiable"),
    )


def _phase(f: _Fields) -> Phase:
    number = f.integer("number")
    start = f.day("start")
    if number is None or start is None:
        raise f.error("number", "is missing", "Give each phase a number and a start date.")
    return Phase(number, start, f.day("end", required=False), f.text("summary", required=False))


def _suspension(f: _Fields, states: StateSystem) -> Suspension:
    start = f.day("start")
    assert start is not None  # required=True
    return Suspension(
        _state(f, "owed_by", f.text("owed_by"), states),
        _state(f, "owed_to", f.text("owed_to"), states),
        start,
        f.day("end", required=False),
        f.text("notes", required=False),
    )


def _check_consistency(treaty: Treaty, f: _Fields) -> None:
    if treaty.in_force and treaty.signed and treaty.in_force < treaty.signed:
        raise f.error("in_force", f"({treaty.in_force}) is before 'signed'", "Fix either date.")
    if not treaty.members:
        raise f.error("member", "is empty", "List every party as a [[member]] table.")
    members = set(treaty.states())
    for i, clause in enumerate(treaty.clauses):
        strangers = [s for s in (*clause.owed_by, *clause.owed_to) if s not in members]
        if strangers:
            raise f.error(
                f"clause[{i}].owed_by/owed_to",
                f"names {strangers}, who are not members",
                "Add them as [[member]] or fix the code.",
            )
    for i, member in enumerate(treaty.members):
        if member.exit is not None and member.exit <= member.entry:
            raise f.error(f"member[{i}].exit", f"({member.exit}) is not after entry", "Fix it.")


def _check_unique_ids(treaties: list[Treaty]) -> None:
    seen: dict[str, str] = {}
    for treaty in treaties:
        if treaty.id in seen:
            raise DataFileError(f"Treaty id {treaty.id!r} is used twice; give each its own id.")
        seen[treaty.id] = treaty.id
    atop: dict[int, str] = {}
    for treaty in treaties:
        for atopid in treaty.atopids:
            if atopid in atop:
                raise DataFileError(
                    f"{treaty.id}.toml: field 'atopid' {atopid} is also claimed by "
                    f"{atop[atopid]!r}; an ATOP alliance maps to one shipped treaty."
                )
            atop[atopid] = treaty.id

"""Frozen domain types of the treaty registry: Treaty, Member, Phase, Clause, Conditions."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "KINDS",
    "STRENGTHS",
    "TRIGGERS",
    "Clause",
    "Conditions",
    "Member",
    "Phase",
    "Suspension",
    "Treaty",
    "jsonable",
]

KINDS = ("defense", "offense", "neutrality", "non_aggression", "consultation", "cooperation")
"""ATOP's five obligation types, plus `cooperation` for clauses that pledge no help at all.
Non-assistance to an aggressor is `neutrality` with strength `non_assistance`."""

STRENGTHS = (
    "automatic",
    "necessary_assistance",
    "discretionary",
    "constitutional_processes",
    "non_assistance",
    "consultation",
    "pledge",
    "unspecified",
)
"""How binding a clause is, from the wording (see docs/treaties.md); ATOP records are
`unspecified` because ATOP does not code the wording."""

TRIGGERS = (
    "armed_attack",
    "aggression_on_territory",
    "state_of_war",
    "attack_in_area",
    "request",
    "threat",
    "aggression",
    "none",
)


@dataclass(frozen=True)
class Conditions:
    """What must hold before a clause binds; empty means unconditional."""

    area: tuple[str, ...] = ()
    """Regions (see geography) the attack must fall in."""
    administered_by: tuple[str, ...] = ()
    """The attacked territory must be administered by one of these states."""
    own_territory: bool = False
    """The attack must be on the attacked party's own territory, not its forces abroad."""
    adversaries: tuple[str, ...] = ()
    """The clause names its adversaries; other attackers do not trigger it."""
    attackers_at_least: int | None = None
    """The clause needs this many attacking states."""
    request: bool = False
    """The attacked party must ask for help (or for consultations)."""
    state_of_war: bool = False
    """The attack must put the party in a state of war."""
    unverifiable: tuple[str, ...] = ()
    """Limits a scenario cannot settle (ATOP's coded limits, demands, non-provocation)."""


@dataclass(frozen=True)
class Clause:
    """One obligation of a treaty, owed by some members to others."""

    article: str
    kind: str
    strength: str
    trigger: str
    paraphrase: str
    owed_by: tuple[str, ...] = ()
    """State codes that owe the clause; empty means every member."""
    owed_to: tuple[str, ...] = ()
    """State codes it is owed to; empty means every member."""
    conditions: Conditions = field(default_factory=Conditions)
    phase: int | None = None
    """The treaty phase the clause belongs to; None for every phase."""
    sources: tuple[str, ...] = ()
    notes: str = ""

    @property
    def direction(self) -> str:
        return "mutual" if not (self.owed_by or self.owed_to) else "one-way"

    def binds(self, helper: str, beneficiary: str) -> bool:
        """Whether `helper` owes this clause to `beneficiary` (membership aside)."""
        return (not self.owed_by or helper in self.owed_by) and (
            not self.owed_to or beneficiary in self.owed_to
        )


@dataclass(frozen=True)
class Member:
    """A state's membership, from `entry` up to (not including) `exit`."""

    state: str
    cow: int
    entry: date
    exit: date | None = None
    phase: int | None = None
    notes: str = ""

    def active_on(self, on: date) -> bool:
        return self.entry <= on and (self.exit is None or on < self.exit)


@dataclass(frozen=True)
class Phase:
    """A period of a treaty with its own obligations or membership (ATOP's phases)."""

    number: int
    start: date
    end: date | None = None
    summary: str = ""


@dataclass(frozen=True)
class Suspension:
    """Obligations of `owed_by` toward `owed_to` suspended while the treaty stays in force."""

    owed_by: str
    owed_to: str
    start: date
    end: date | None = None
    notes: str = ""

    def active_on(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Treaty:
    """A treaty of the registry, shipped (with articles) or imported from ATOP."""

    id: str
    name: str
    source: str
    """`shipped` (our data files) or `atop` (an imported ATOP record)."""
    signed: date | None
    in_force: date | None
    members: tuple[Member, ...]
    clauses: tuple[Clause, ...]
    short_name: str = ""
    ended: date | None = None
    phases: tuple[Phase, ...] = ()
    suspensions: tuple[Suspension, ...] = ()
    atopids: tuple[int, ...] = ()
    replaces: str = ""
    coverage_end: date | None = None
    """Last day the source covers; after it, 'still in force' is unknown, not 'no'."""
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def status_on(self, on: date) -> str:
        """`not signed`, `signed, not in force`, `in force` or `ended` on `on`."""
        if self.signed is not None and on < self.signed:
            return "not signed"
        if self.in_force is None or on < self.in_force:
            return "signed, not in force"
        if self.ended is not None and on >= self.ended:
            return "ended"
        return "in force"

    def member_on(self, state: str, on: date) -> Member | None:
        return next((m for m in self.members if m.state == state and m.active_on(on)), None)

    def membership(self, state: str) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.state == state)

    def states(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.state for m in self.members))

    def states_on(self, on: date) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.state for m in self.members if m.active_on(on)))

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.kind for c in self.clauses))

    @property
    def is_defense_pact(self) -> bool:
        return "defense" in self.kinds

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(self)
        data["kinds"] = list(self.kinds)
        data["is_defense_pact"] = self.is_defense_pact
        return data


def jsonable(value: Any) -> Any:
    """A frozen dataclass (or tuple, date) as plain JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value

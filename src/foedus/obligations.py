"""Who is obliged to help whom: assess a scenario (an attack on a date) against the registry.

For every state with a commitment toward the attacked state or toward the attacker, each
clause becomes an `Obligation` with a status and the conditions that decide it, each `met`,
`unmet` or `unknown` with a reason. "No data" (a date outside a source's coverage) is an
`unknown` condition, never "no obligation".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from foedus.errors import ScenarioError
from foedus.treaties.geography import METROPOLITAN, Place, load_geography
from foedus.treaties.model import Clause, Treaty, jsonable
from foedus.treaties.registry import Registry

__all__ = [
    "FIRST_DAY",
    "STATUSES",
    "Assessment",
    "ConditionCheck",
    "Obligation",
    "Scenario",
    "assess",
    "assess_pair",
]

STATUSES = (
    "obliged",
    "obliged if requested",
    "obliged at its discretion",
    "must not aid the attacker",
    "must consult",
    "must consult if requested",
    "no obligation",
    "treaty not in force on that date",
)
FIRST_DAY = date(1816, 1, 1)
"""The state system (and so the registry) starts in 1816; earlier dates have no data."""

_HELP_KINDS = ("defense", "offense")


@dataclass(frozen=True)
class Scenario:
    """`attacked` is attacked by `attacker` on `on` (optionally at `where`, with a request)."""

    attacked: str
    attacker: str
    on: date
    where: str | None = None
    requested_by: str | None = None
    requested_from: str | None = None
    treaty: str | None = None
    """Assess only this treaty (by id)."""


@dataclass(frozen=True)
class ConditionCheck:
    name: str
    state: str
    """`met`, `unmet` or `unknown`."""
    reason: str


@dataclass(frozen=True)
class Obligation:
    """What one clause asks of one state in the scenario."""

    state: str
    toward: str
    role: str
    """`attacked` or `attacker`: whom `toward` is in the scenario."""
    treaty: str
    treaty_name: str
    source: str
    article: str
    kind: str
    strength: str
    direction: str
    status: str
    conditions: tuple[ConditionCheck, ...]
    paraphrase: str
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(self)
        return data


@dataclass(frozen=True)
class Assessment:
    scenario: Scenario
    place: Place
    items: tuple[Obligation, ...]
    notes: tuple[str, ...]

    def for_state(self, state: str) -> tuple[Obligation, ...]:
        return tuple(i for i in self.items if i.state == state)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": jsonable(self.scenario),
            "place": jsonable(self.place),
            "items": [i.to_dict() for i in self.items],
            "notes": list(self.notes),
        }


def assess(scenario: Scenario, registry: Registry) -> Assessment:
    """Every commitment toward the attacked state or the attacker, with its status."""
    sc = _normalise(scenario, registry)
    place = load_geography().place(sc.where, sc.attacked, registry.states)
    treaties = (registry.get(sc.treaty),) if sc.treaty else registry.treaties
    items: list[Obligation] = []
    for treaty in treaties:
        items.extend(_treaty_items(treaty, sc, place, registry))
    items.sort(key=lambda i: (i.role, STATUSES.index(i.status), i.state, i.treaty, i.article))
    return Assessment(sc, place, tuple(items), _notes(sc, items, registry))


def assess_pair(
    helper_state: str,
    attacked: str,
    attacker: str,
    on: date,
    registry: Registry,
    where: str | None = None,
    requested_by: str | None = None,
    requested_from: str | None = None,
) -> tuple[Obligation, ...]:
    """Only what binds `helper_state` toward the attacked state or the attacker."""
    helper = registry.states.code(helper_state)
    scenario = Scenario(attacked, attacker, on, where, requested_by, requested_from)
    return assess(scenario, registry).for_state(helper)


def _normalise(sc: Scenario, registry: Registry) -> Scenario:
    code = registry.states.code
    attacked, attacker = code(sc.attacked), code(sc.attacker)
    if attacked == attacker:
        raise ScenarioError(
            f"Attacker and attacked are both {attacked!r}. Name two different states "
            f"(e.g. --attacked IRN --by ISR)."
        )
    if sc.on < FIRST_DAY:
        raise ScenarioError(
            f"Date {sc.on} is before {FIRST_DAY}, where the registry's data start; there is "
            f"no data for it (which is not the same as no obligation). Use a later date."
        )
    requested_by = code(sc.requested_by) if sc.requested_by else None
    requested_from = code(sc.requested_from) if sc.requested_from else None
    if requested_from and not requested_by:
        raise ScenarioError(
            f"--requested-from {requested_from} needs --requested-by (the state asking)."
        )
    if sc.treaty:
        _check_treaty_date(registry.get(sc.treaty), sc.on)
    treaty = registry.get(sc.treaty).id if sc.treaty else None
    return Scenario(attacked, attacker, sc.on, sc.where, requested_by, requested_from, treaty)


def _check_treaty_date(treaty: Treaty, on: date) -> None:
    if treaty.signed and on < treaty.signed:
        raise ScenarioError(
            f"Date {on} is before treaty {treaty.id!r} was signed ({treaty.signed}). Use a date "
            f"on or after {treaty.signed}, or drop --treaty to assess every treaty."
        )


def _treaty_items(
    treaty: Treaty, sc: Scenario, place: Place, registry: Registry
) -> list[Obligation]:
    status = treaty.status_on(sc.on)
    parties = treaty.states()
    if status == "not signed" or not {sc.attacked, sc.attacker} & set(parties):
        return []
    if treaty.source == "atop" and (status == "ended" or sc.attacked not in parties):
        return []
    items = []
    for helper in parties:
        if helper in (sc.attacked, sc.attacker) or not _relevant(treaty, helper, sc.on):
            continue
        for clause in _clauses_for(treaty, helper, sc.on):
            if sc.attacked in parties and clause.binds(helper, sc.attacked):
                items.append(_toward_attacked(treaty, clause, helper, sc, place, registry))
            elif sc.attacked in parties and clause.kind in _HELP_KINDS:
                items.append(_one_way(treaty, clause, helper, sc))
            if _owed_to_attacker(treaty, clause, helper, sc):
                items.append(_toward_attacker(treaty, clause, helper, sc))
    return items


def _owed_to_attacker(treaty: Treaty, clause: Clause, helper: str, sc: Scenario) -> bool:
    return (
        clause.kind in (*_HELP_KINDS, "neutrality")
        and sc.attacker in treaty.states()
        and clause.binds(helper, sc.attacker)
        and treaty.member_on(helper, sc.on) is not None
    )


def _relevant(treaty: Treaty, helper: str, on: date) -> bool:
    # ATOP lists every historical member; only those in the alliance on the day matter.
    return treaty.source == "shipped" or treaty.member_on(helper, on) is not None


def _clauses_for(treaty: Treaty, helper: str, on: date) -> tuple[Clause, ...]:
    member = treaty.member_on(helper, on)
    phase = member.phase if member else None
    return tuple(c for c in treaty.clauses if c.phase is None or phase is None or c.phase == phase)


def _toward_attacked(
    treaty: Treaty, clause: Clause, helper: str, sc: Scenario, place: Place, registry: Registry
) -> Obligation:
    if treaty.status_on(sc.on) != "in force":
        checks: tuple[ConditionCheck, ...] = (_in_force_check(treaty, sc.on),)
        return _item(
            treaty,
            clause,
            helper,
            sc,
            "attacked",
            "treaty not in force on that date",
            checks,
            registry,
        )
    checks = (
        *_standing_checks(treaty, helper, sc),
        *_clause_checks(clause, helper, sc, place),
    )
    status = _status(clause, checks)
    return _item(treaty, clause, helper, sc, "attacked", status, checks, registry)


def _toward_attacker(treaty: Treaty, clause: Clause, helper: str, sc: Scenario) -> Obligation:
    reason = (
        f"{sc.attacker} is the attacker in this scenario; the clause protects a party that is "
        f"attacked, so it asks nothing of {helper} toward {sc.attacker}."
    )
    checks = (ConditionCheck("attacked party", "unmet", reason),)
    return _item(treaty, clause, helper, sc, "attacker", "no obligation", checks, None)


def _one_way(treaty: Treaty, clause: Clause, helper: str, sc: Scenario) -> Obligation:
    owed_by = ", ".join(clause.owed_by) or "every party"
    owed_to = ", ".join(clause.owed_to) or "every party"
    reason = (
        f"Art. {clause.article} is one-way: owed by {owed_by} to {owed_to}; it asks nothing of "
        f"{helper} toward {sc.attacked}."
    )
    checks = (ConditionCheck("direction", "unmet", reason),)
    return _item(treaty, clause, helper, sc, "attacked", "no obligation", checks, None)


def _item(
    treaty: Treaty,
    clause: Clause,
    helper: str,
    sc: Scenario,
    role: str,
    status: str,
    checks: tuple[ConditionCheck, ...],
    registry: Registry | None,
) -> Obligation:
    notes = [clause.notes] if clause.notes else []
    if registry is not None and registry.precedence(treaty):
        notes.append(registry.precedence(treaty))
    return Obligation(
        state=helper,
        toward=sc.attacked if role == "attacked" else sc.attacker,
        role=role,
        treaty=treaty.id,
        treaty_name=treaty.short_name or treaty.name,
        source=treaty.source,
        article=clause.article,
        kind=clause.kind,
        strength=clause.strength,
        direction=clause.direction,
        status=status,
        conditions=checks,
        paraphrase=clause.paraphrase,
        notes=tuple(notes),
    )


def _in_force_check(treaty: Treaty, on: date) -> ConditionCheck:
    status = treaty.status_on(on)
    if status == "ended":
        reason = f"{treaty.id} ended on {treaty.ended}"
    elif treaty.in_force:
        reason = (
            f"{treaty.id} was signed on {treaty.signed} but enters into force on {treaty.in_force}"
        )
    else:
        reason = f"{treaty.id} was signed on {treaty.signed} and is not yet in force"
    return ConditionCheck("treaty in force", "unmet", f"{reason}; on {on} it binds no one.")


def _standing_checks(treaty: Treaty, helper: str, sc: Scenario) -> list[ConditionCheck]:
    checks = [ConditionCheck("treaty in force", "met", f"{treaty.id} is in force on {sc.on}.")]
    if treaty.coverage_end and sc.on > treaty.coverage_end and treaty.ended is None:
        checks.append(
            ConditionCheck(
                "data coverage",
                "unknown",
                f"{treaty.sources[0] if treaty.sources else treaty.id} covers up to "
                f"{treaty.coverage_end}; whether the alliance still holds on {sc.on} is not in "
                f"the data (no data, not no obligation).",
            )
        )
    checks.append(_membership(treaty, helper, sc.on, "member (helper)"))
    checks.append(_membership(treaty, sc.attacked, sc.on, "member (attacked)"))
    for susp in treaty.suspensions:
        if susp.owed_by == helper and susp.owed_to == sc.attacked and susp.active_on(sc.on):
            reason = f"{helper} suspended its obligations toward {sc.attacked} on {susp.start}."
            checks.append(ConditionCheck("not suspended", "unmet", reason))
    if treaty.member_on(sc.attacker, sc.on) is not None:
        checks.append(_both_sides(treaty, helper, sc))
    return checks


def _membership(treaty: Treaty, state: str, on: date, name: str) -> ConditionCheck:
    if treaty.member_on(state, on) is not None:
        return ConditionCheck(name, "met", f"{state} is a party to {treaty.id} on {on}.")
    spans = (
        ", ".join(f"{m.entry} to {m.exit or 'now'}" for m in treaty.membership(state)) or "never"
    )
    return ConditionCheck(name, "unmet", f"{state} is not a party on {on} (party: {spans}).")


def _both_sides(treaty: Treaty, helper: str, sc: Scenario) -> ConditionCheck:
    return ConditionCheck(
        "attacker outside the alliance",
        "unknown",
        f"The attacker {sc.attacker} is itself a party to {treaty.id}, bound not to attack "
        f"{sc.attacked}; the treaty does not say how {helper} chooses between two parties.",
    )


def _clause_checks(clause: Clause, helper: str, sc: Scenario, place: Place) -> list[ConditionCheck]:
    cond = clause.conditions
    checks: list[ConditionCheck] = []
    if cond.area:
        checks.append(_area(cond.area, place, clause))
    if cond.administered_by:
        checks.append(_administered(cond.administered_by, place))
    if cond.own_territory:
        checks.append(_own_territory(place, sc.attacked))
    if cond.adversaries:
        met = sc.attacker in cond.adversaries
        named = ", ".join(cond.adversaries)
        reason = f"the clause names {named} as adversaries; the attacker is {sc.attacker}."
        checks.append(ConditionCheck("specific adversary", "met" if met else "unmet", reason))
    if cond.attackers_at_least and cond.attackers_at_least > 1:
        reason = f"the clause needs {cond.attackers_at_least} attackers; the scenario has one."
        checks.append(ConditionCheck("number of attackers", "unmet", reason))
    if cond.state_of_war:
        reason = (
            "the clause needs a state of war; an armed attack by a state is taken to create one."
        )
        checks.append(ConditionCheck("state of war", "met", reason))
    if cond.request:
        checks.append(_request(helper, sc))
    checks.extend(ConditionCheck("unverifiable limit", "unknown", u) for u in cond.unverifiable)
    return checks


def _area(area: tuple[str, ...], place: Place, clause: Clause) -> ConditionCheck:
    wanted = ", ".join(area)
    if set(area) & set(place.regions) or (METROPOLITAN in area and place.home):
        return ConditionCheck("area", "met", f"{place.label} lies in the clause's area ({wanted}).")
    if set(area) & set(place.partly):
        reason = (
            f"{place.label} lies only partly in the clause's area ({wanted}); name the place "
            f"with --where to decide."
        )
        return ConditionCheck("area", "unknown", reason)
    regions = ", ".join(place.regions) or "no listed region"
    reason = f"{place.label} ({regions}) is outside the area of Art. {clause.article} ({wanted})."
    return ConditionCheck("area", "unmet", reason)


def _administered(states: tuple[str, ...], place: Place) -> ConditionCheck:
    wanted = " or ".join(states)
    if place.administered_by is None:
        reason = (
            f"{place.label} is not a territory any state administers; the clause needs {wanted}."
        )
        return ConditionCheck("administered by", "unknown", reason)
    met = place.administered_by in states
    verb = "is" if met else "is not"
    reason = f"{place.label} is administered by {place.administered_by}, which {verb} {wanted}."
    return ConditionCheck("administered by", "met" if met else "unmet", reason)


def _own_territory(place: Place, attacked: str) -> ConditionCheck:
    if place.sovereign is None:
        reason = f"{place.label} is a region, not a territory; whose soil is hit is not known."
        return ConditionCheck("own territory", "unknown", reason)
    met = place.sovereign == attacked
    verb = "is" if met else "is not"
    reason = f"{place.label} {verb} {attacked}'s own territory (sovereign: {place.sovereign})."
    return ConditionCheck("own territory", "met" if met else "unmet", reason)


def _request(helper: str, sc: Scenario) -> ConditionCheck:
    if sc.requested_by == sc.attacked and sc.requested_from in (None, helper):
        return ConditionCheck("request", "met", f"{sc.attacked} asked {helper} for help.")
    if sc.requested_by and sc.requested_by != sc.attacked:
        reason = f"the request came from {sc.requested_by}, not from the attacked {sc.attacked}."
    elif sc.requested_by:
        reason = f"{sc.attacked} asked {sc.requested_from}, not {helper}."
    else:
        reason = f"the clause needs a request by {sc.attacked}, and none is given."
    return ConditionCheck("request", "unmet", reason)


def _status(clause: Clause, checks: tuple[ConditionCheck, ...]) -> str:
    unmet = {c.name for c in checks if c.state == "unmet"}
    if unmet - {"request"}:
        return "no obligation"
    if clause.kind in _HELP_KINDS:
        base = "obliged at its discretion" if clause.strength == "discretionary" else "obliged"
    elif clause.kind == "neutrality":
        base = "must not aid the attacker"
    elif clause.kind == "consultation":
        base = "must consult"
    else:
        return "no obligation"
    if "request" in unmet:
        return "must consult if requested" if base == "must consult" else "obliged if requested"
    return base


def _notes(sc: Scenario, items: list[Obligation], registry: Registry) -> tuple[str, ...]:
    notes = []
    both = [
        s for s in sorted({i.state for i in items}) if _roles(items, s) == {"attacked", "attacker"}
    ]
    if both:
        notes.append(
            f"{', '.join(both)} have commitments toward both sides, {sc.attacked} (attacked) and "
            f"{sc.attacker} (attacker); those toward the attacker do not apply to its attack."
        )
    if not any(i.role == "attacked" for i in items):
        notes.append(f"No treaty in the registry binds any state toward {sc.attacked}.")
    if registry.atop_version is None:
        notes.append("No ATOP data imported: only the shipped treaties were assessed.")
    else:
        notes.append(f"Shipped treaties plus ATOP {registry.atop_version} were assessed.")
    non_pacts = sorted({i.treaty for i in items if i.role == "attacked"} - _pacts(items))
    if non_pacts:
        notes.append(f"Not defense pacts (no pledge to help): {', '.join(non_pacts)}.")
    return tuple(notes)


def _roles(items: list[Obligation], state: str) -> set[str]:
    return {i.role for i in items if i.state == state}


def _pacts(items: list[Obligation]) -> set[str]:
    return {i.treaty for i in items if i.kind in _HELP_KINDS}

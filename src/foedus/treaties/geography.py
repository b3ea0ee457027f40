"""Where an attack happens: regions and named territories for area conditions and `--where`."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from foedus.errors import DataFileError, UnknownCodeError, suggest
from foedus.states import StateSystem

__all__ = ["METROPOLITAN", "Geography", "Place", "Region", "Territory", "load_geography"]

_FILE = "geography.toml"

METROPOLITAN = "metropolitan"
"""Area token for a party's home (metropolitan) territory, wherever it lies."""


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    states: tuple[str, ...]
    partly: tuple[str, ...]


@dataclass(frozen=True)
class Territory:
    name: str
    aliases: tuple[str, ...]
    sovereign: str | None
    administered_by: str | None
    regions: tuple[str, ...]
    notes: str = ""


@dataclass(frozen=True)
class Place:
    """The place an attack falls on, as the area conditions see it."""

    label: str
    regions: tuple[str, ...]
    """Regions the place lies wholly in."""
    partly: tuple[str, ...]
    """Regions the place lies partly in: an area condition on them is undecided."""
    sovereign: str | None
    administered_by: str | None
    named: bool
    """False when the user named no place and the attacked state's home is assumed."""
    home: bool = False
    """The place is a state's home (metropolitan) territory, not a territory or region."""
    notes: str = ""


@dataclass(frozen=True)
class Geography:
    regions: tuple[Region, ...]
    territories: tuple[Territory, ...]

    def region(self, region_id: str) -> Region | None:
        return next((r for r in self.regions if r.id == region_id), None)

    def home(self, state: str, named: bool = False) -> Place:
        """A state's home territory."""
        regions = tuple(r.id for r in self.regions if state in r.states)
        partly = tuple(r.id for r in self.regions if state in r.partly)
        return Place(state, regions, partly, state, state, named, home=True)

    def place(self, where: str | None, attacked: str, states: StateSystem) -> Place:
        """Resolve `--where` (territory, region or state; None = the attacked state's home)."""
        if where is None or not where.strip():
            return self.home(attacked)
        text = where.strip()
        territory = self._territory(text)
        if territory is not None:
            return Place(
                territory.name,
                territory.regions,
                (),
                territory.sovereign,
                territory.administered_by,
                named=True,
                notes=territory.notes,
            )
        region = self.region(text.casefold().replace(" ", "_").replace("-", "_"))
        if region is not None:
            return Place(region.name, (region.id,), (), None, None, named=True)
        state = states.find(text)
        if state is not None:
            return self.home(state.code, named=True)
        known = [t.name for t in self.territories] + [r.id for r in self.regions]
        raise UnknownCodeError(
            f"Unknown place {where!r} for --where: name a territory, a region or a state. "
            f"{suggest(text, known, limit=40)}"
        )

    def _territory(self, text: str) -> Territory | None:
        folded = text.casefold()
        return next(
            (
                t
                for t in self.territories
                if folded == t.name.casefold() or folded in (a.casefold() for a in t.aliases)
            ),
            None,
        )


@functools.cache  # the shipped file never changes while a process runs
def load_geography() -> Geography:
    """The shipped regions and territories (`foedus/data/geography.toml`)."""
    raw = resources.files("foedus.data").joinpath(_FILE).read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    try:
        regions = tuple(_region(k, v) for k, v in data["regions"].items())
        territories = tuple(_territory(t) for t in data.get("territory", []))
    except (KeyError, TypeError) as exc:
        raise DataFileError(
            f"{_FILE}: missing or malformed field {exc}; see the comment at the top of the file."
        ) from None
    ids = {r.id for r in regions}
    for t in territories:
        unknown = [r for r in t.regions if r not in ids]
        if unknown:
            raise DataFileError(
                f"{_FILE}: territory {t.name!r} field 'regions' names unknown {unknown}. "
                f"{suggest(unknown[0], ids)}"
            )
    return Geography(regions, territories)


def _region(region_id: str, data: dict[str, Any]) -> Region:
    return Region(
        region_id, str(data["name"]), tuple(data["states"]), tuple(data.get("partly", ()))
    )


def _territory(data: dict[str, Any]) -> Territory:
    return Territory(
        str(data["name"]),
        tuple(data.get("aliases", ())),
        data.get("sovereign") or None,
        data.get("administered_by") or None,
        tuple(data["regions"]),
        str(data.get("notes", "")),
    )

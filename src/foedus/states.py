"""The state system: one crosswalk between ISO 3166 alpha-3, Correlates of War (COW) numbers
and abbreviations, and names.

Every state has a `code`: its ISO3 code where it has one, otherwise a code of our own for a
historical COW state (e.g. `GFR` for West Germany, `CSK` for Czechoslovakia). Codes never
clash with a current ISO3 code, so `AUS` is always Australia, never COW's Austria.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from foedus.errors import DataFileError, UnknownCodeError, suggest

__all__ = ["State", "StateSystem", "load_states"]

_FILE = "states.csv"
_ALIASES = "state_aliases.csv"


@dataclass(frozen=True)
class State:
    """One state of the COW state system."""

    code: str
    cow: int
    cow_abbr: str
    iso3: str | None
    name: str


@dataclass(frozen=True)
class StateSystem:
    """All known states, with lookups by code, COW number and name."""

    states: tuple[State, ...]
    aliases: MappingProxyType[str, str]

    @functools.cached_property
    def _by_code(self) -> MappingProxyType[str, State]:
        return MappingProxyType({s.code: s for s in self.states})

    @functools.cached_property
    def _by_cow(self) -> MappingProxyType[int, State]:
        return MappingProxyType({s.cow: s for s in self.states})

    @functools.cached_property
    def _by_name(self) -> MappingProxyType[str, State]:
        names = {s.name.casefold(): s for s in self.states}
        names.update({a.casefold(): self._by_code[c] for a, c in self.aliases.items()})
        return MappingProxyType(names)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.states)

    def by_cow(self, number: int) -> State:
        """The state with COW number `number`."""
        try:
            return self._by_cow[number]
        except KeyError:
            raise UnknownCodeError(
                f"Unknown COW state number {number}. Use a number from the COW state list "
                f"(e.g. 2 for USA, 365 for RUS)."
            ) from None

    def find(self, value: str | int) -> State | None:
        """The state `value` names (code, COW number or name), or None."""
        if isinstance(value, int):
            return self._by_cow.get(value)
        text = value.strip()
        if text.isdigit():
            return self._by_cow.get(int(text))
        return (
            self._by_code.get(text.upper())
            or self._by_name.get(text.casefold())
            or (self._from_pycountry(text))
        )

    def get(self, value: str | int) -> State:
        """The state `value` names; `UnknownCodeError` with suggestions if none."""
        state = self.find(value)
        if state is None:
            raise UnknownCodeError(
                f"Unknown state {value!r}: use an ISO 3166 alpha-3 code, a COW number or a "
                f"country name. {suggest(str(value).upper(), self.codes)}"
            )
        return state

    def code(self, value: str | int) -> str:
        """The canonical code of the state `value` names."""
        return self.get(value).code

    def _from_pycountry(self, text: str) -> State | None:
        import pycountry  # only for names we do not list ourselves

        try:
            country = pycountry.countries.lookup(text)
        except LookupError:
            return None
        return self._by_code.get(str(country.alpha_3))


@functools.cache  # the shipped files never change while a process runs
def load_states() -> StateSystem:
    """The shipped state crosswalk (`foedus/data/states.csv`), validated."""
    states = tuple(_parse_state(row, n) for n, row in enumerate(_read(_FILE), start=2))
    codes = {s.code for s in states}
    aliases = {}
    for n, row in enumerate(_read(_ALIASES), start=2):
        if row.get("code") not in codes:
            raise DataFileError(
                f"{_ALIASES} line {n}: field 'code' is {row.get('code')!r}, not a code in "
                f"{_FILE}. Fix the alias or add the state."
            )
        aliases[row["alias"]] = row["code"]
    _check_unique(states)
    return StateSystem(states, MappingProxyType(aliases))


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("foedus.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _parse_state(row: dict[str, str], line: int) -> State:
    try:
        cow = int(row["cow"])
    except (KeyError, ValueError):
        raise DataFileError(
            f"{_FILE} line {line}: field 'cow' is {row.get('cow')!r}; write the COW state "
            f"number as an integer."
        ) from None
    code = row.get("code", "")
    if not code or not row.get("name"):
        raise DataFileError(f"{_FILE} line {line}: fields 'code' and 'name' must not be empty.")
    return State(code, cow, row.get("cow_abbr", ""), row.get("iso3") or None, row["name"])


def _check_unique(states: tuple[State, ...]) -> None:
    for attr in ("code", "cow"):
        seen: set[object] = set()
        for state in states:
            value = getattr(state, attr)
            if value in seen:
                raise DataFileError(
                    f"{_FILE}: {attr} {value!r} appears twice; each state needs its own {attr}."
                )
            seen.add(value)

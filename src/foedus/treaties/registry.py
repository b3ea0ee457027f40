"""The registry: shipped treaties plus imported ATOP alliances, shipped ones first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from foedus.errors import UnknownCodeError, suggest
from foedus.states import StateSystem, load_states
from foedus.treaties.atop import atop_treaties, read_atop
from foedus.treaties.loader import load_shipped
from foedus.treaties.model import Treaty
from foedus.treaties.store import ImportSummary, load_atop, save_atop

__all__ = ["Registry", "import_atop", "load_registry"]


@dataclass(frozen=True)
class Registry:
    """Treaties by id. An ATOP alliance a shipped treaty maps (its `atopid`) is left out,
    and `superseded` records which shipped treaty replaced it."""

    treaties: tuple[Treaty, ...]
    superseded: MappingProxyType[int, str] = field(default_factory=lambda: MappingProxyType({}))
    atop_version: str | None = None
    states: StateSystem = field(default_factory=load_states)

    @classmethod
    def build(
        cls,
        shipped: tuple[Treaty, ...],
        atop: tuple[Treaty, ...] = (),
        atop_version: str | None = None,
        states: StateSystem | None = None,
    ) -> Registry:
        claimed = {a: t.id for t in shipped for a in t.atopids}
        kept = tuple(t for t in atop if not set(t.atopids) & claimed.keys())
        imported = {a for t in atop for a in t.atopids}
        superseded = {a: tid for a, tid in claimed.items() if a in imported}
        return cls(
            shipped + kept,
            MappingProxyType(superseded),
            atop_version,
            states or load_states(),
        )

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.treaties)

    def get(self, treaty_id: str) -> Treaty:
        """The treaty `treaty_id` (`atop-<n>` of a superseded alliance gives the shipped one)."""
        wanted = treaty_id.strip().lower()
        found = next((t for t in self.treaties if t.id == wanted), None)
        if found is None and wanted.startswith("atop-") and wanted[5:].isdigit():
            replaced_by = self.superseded.get(int(wanted[5:]))
            found = next((t for t in self.treaties if t.id == replaced_by), None)
        if found is None:
            raise UnknownCodeError(
                f"Unknown treaty {treaty_id!r}. {suggest(wanted, self.ids, limit=20)} "
                f"`foedus treaties list` shows them all; ATOP ids need `foedus treaties "
                f"import-atop` first."
            )
        return found

    def precedence(self, treaty: Treaty) -> str:
        """Why this record and not another: shipped-over-ATOP, in words (empty if none)."""
        replaced = sorted(a for a, tid in self.superseded.items() if tid == treaty.id)
        if replaced:
            ids = ", ".join(str(a) for a in replaced)
            return f"Shipped treaty; takes precedence over ATOP alliance {ids}."
        if treaty.source == "shipped" and treaty.atopids:
            ids = ", ".join(str(a) for a in treaty.atopids)
            return f"Shipped treaty; ATOP codes it as alliance {ids} (not imported)."
        return ""

    def list(
        self, state: str | None = None, on: date | None = None, source: str | None = None
    ) -> tuple[Treaty, ...]:
        """Treaties, optionally of one state, in force on one date, from one source."""
        code = self.states.code(state) if state else None
        chosen = []
        for treaty in self.treaties:
            if source and treaty.source != source:
                continue
            if code and code not in treaty.states():
                continue
            if on and treaty.status_on(on) != "in force":
                continue
            if code and on and treaty.member_on(code, on) is None:
                continue
            chosen.append(treaty)
        return tuple(chosen)


def load_registry(db: Path | None = None) -> Registry:
    """Shipped treaties plus whatever ATOP import the store at `db` holds."""
    states = load_states()
    shipped = load_shipped(states)
    data = load_atop(db) if db is not None else None
    if data is None:
        return Registry.build(shipped, states=states)
    return Registry.build(shipped, atop_treaties(data, states), data.version, states)


def import_atop(alliance_csv: Path, member_csv: Path, db: Path) -> ImportSummary:
    """Read an ATOP alliance/member file pair and store it in `db` (one transaction)."""
    data = read_atop(alliance_csv, member_csv)
    return save_atop(db, data, (str(alliance_csv), str(member_csv)))

"""The CAMEO code table: names, Goldstein values, quad classes and PLOVER types.

One documented table (`data/cameo.csv`) serves every part of foedus. Goldstein values are those
of the CAMEO codebook table distributed with the ICEWS R package. Quad classes follow GDELT:
1 verbal cooperation (roots 01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
4 material conflict (14-20). PLOVER type, mode and context follow the OEDA CAMEO-to-PLOVER table
(2021); appeals (02), which that table drops, map to REQUEST like the demands (10) they mirror.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources

from foedus.errors import DataFileError, UnknownCodeError, suggest

__all__ = ["CameoCode", "CameoTable", "load_cameo"]


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code and what it maps to."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class CameoTable:
    """Every known CAMEO code, looked up by its digits."""

    codes: dict[str, CameoCode]

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def get(self, code: str) -> CameoCode:
        """The entry for `code`; an unknown code is an error, never a guess."""
        try:
            return self.codes[code]
        except KeyError:
            raise UnknownCodeError(
                f"Unknown CAMEO code {code!r}: CAMEO codes are 2-4 digits from the codebook. "
                + suggest(code, self.codes)
            ) from None


def _row_to_code(row: dict[str, str], line: int) -> CameoCode:
    try:
        return CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row["plover"] or None,
            plover_mode=row["plover_mode"] or None,
            plover_context=row["plover_context"] or None,
        )
    except (KeyError, ValueError) as exc:
        raise DataFileError(f"data/cameo.csv line {line}: invalid row {row!r} ({exc}).") from exc


@functools.cache
def load_cameo() -> CameoTable:
    """The shipped CAMEO table (loaded once per process; the result is immutable)."""
    text = resources.files("foedus.data").joinpath("cameo.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    codes = {row["code"]: _row_to_code(row, n) for n, row in enumerate(rows, start=2)}
    return CameoTable(codes=codes)

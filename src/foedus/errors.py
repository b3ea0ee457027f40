"""The one exception tree of foedus.

    FoedusError                  every error foedus raises on purpose
    ├── InputError               an article file or stream cannot be read (names the input)
    ├── DataFileError            a shipped or user data file is invalid (names file, field, fix)
    ├── UnknownCodeError         an actor, state, CAMEO or treaty code that is not known
    ├── ScenarioError            an obligation scenario that makes no sense
    ├── StoreError               the SQLite store cannot be opened or written
    ├── ModelError               the spaCy model cannot be loaded
    └── GoldError                a gold file for evaluation cannot be read

Messages say what failed, quote the value and say how to fix it. The CLI turns these into a
one-line message and a non-zero exit code; library code never prints or exits.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = [
    "DataFileError",
    "FoedusError",
    "GoldError",
    "InputError",
    "ModelError",
    "ScenarioError",
    "StoreError",
    "UnknownCodeError",
    "suggest",
]


class FoedusError(Exception):
    """Base of every error foedus raises on purpose."""


class InputError(FoedusError):
    """An input article (file, line, stream) cannot be read."""


class DataFileError(FoedusError):
    """A data file (treaty, lexicon, actor list, ATOP table) is invalid."""


class UnknownCodeError(FoedusError):
    """A code (state, actor, CAMEO, treaty id) is not known."""


class ScenarioError(FoedusError):
    """An obligation scenario is inconsistent (e.g. attacker equals attacked)."""


class StoreError(FoedusError):
    """The event store cannot be opened, read or written."""


class ModelError(FoedusError):
    """The spaCy model cannot be loaded."""


class GoldError(FoedusError):
    """A gold-standard file cannot be read."""


def suggest(value: str, known: Iterable[str], limit: int = 8) -> str:
    """A 'Did you mean ...? Known: ...' tail for error messages."""
    known_list = sorted(set(known))
    close = difflib.get_close_matches(value, known_list, n=3, cutoff=0.6)
    tail = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    shown = ", ".join(known_list[:limit]) + (", ..." if len(known_list) > limit else "")
    return f"Known: {shown}.{tail}"

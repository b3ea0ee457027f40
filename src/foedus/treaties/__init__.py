"""The treaty registry: shipped treaty files, imported ATOP alliances, and their types.

Registry            shipped treaties + stored ATOP alliances (shipped wins)
├── loader          foedus/data/treaties/*.toml -> Treaty (validated)
├── atop            ATOP 4.01 / 5.x csv files -> AtopData -> Treaty
├── store           AtopData <-> SQLite tables treaty_*
└── geography       regions and territories for area conditions
"""

from __future__ import annotations

from foedus.treaties.loader import load_shipped, load_treaty_file, parse_treaty
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
from foedus.treaties.registry import Registry, import_atop, load_registry

__all__ = [
    "KINDS",
    "STRENGTHS",
    "TRIGGERS",
    "Clause",
    "Conditions",
    "Member",
    "Phase",
    "Registry",
    "Suspension",
    "Treaty",
    "import_atop",
    "load_registry",
    "load_shipped",
    "load_treaty_file",
    "parse_treaty",
]

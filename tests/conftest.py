"""Shared fixtures: the real spaCy coder (loaded once per session) and ../shared paths."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder beside the repository; tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}); it holds the corpora and gold data")
    return SHARED


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    """The real coder with the default spaCy model and the shipped lexicon."""
    from foedus.coding import Coder

    return Coder.load()

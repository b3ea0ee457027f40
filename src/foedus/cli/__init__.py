"""The `foedus` command line: thin adapters over the library.

Each command parses its options, calls one library function and formats the result. Errors
from the library (`FoedusError`) become a one-line message and exit code 1.
"""

from __future__ import annotations

from foedus.cli.main import cli

__all__ = ["cli", "main"]


def main() -> None:
    """Entry point of the `foedus` console script."""
    load_commands()
    cli(prog_name="foedus")


def load_commands() -> None:
    """Import the command modules; each registers its commands on `cli`."""
    from foedus.cli import coding, evaluation, events, explain, treaties  # noqa: F401

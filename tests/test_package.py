"""The package surface: a pinned public API, a light import, documented commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import foedus
from foedus.cli import cli, load_commands

ROOT = Path(__file__).resolve().parents[1]


def test_public_api_is_pinned() -> None:
    assert sorted(foedus.__all__) == sorted([
        "ActorRef", "Article", "Coder", "Event", "FoedusError", "Scenario", "Settings",
        "Store", "__version__", "assess", "assess_pair", "code_paths", "explain",
        "load_registry",
    ])  # fmt: skip
    for name in foedus.__all__:
        assert getattr(foedus, name) is not None


def test_import_is_light() -> None:
    heavy = "('spacy', 'trafilatura', 'pyarrow', 'thinc')"
    code = f"import sys, foedus; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _commands() -> list[tuple[str, ...]]:
    load_commands()
    found: list[tuple[str, ...]] = []
    for name, command in cli.commands.items():
        sub = getattr(command, "commands", None)
        if sub:
            found += [(name, s) for s in sub]
        else:
            found.append((name,))
    return found


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`foedus {' '.join(command)} --help` shows no example"


def test_readme_lists_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in _commands():
        assert "foedus " + " ".join(command) in readme, command


def test_readme_library_example_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S)
    assert block is not None
    out = subprocess.run([sys.executable, "-c", block.group(1)], capture_output=True, text=True,
                         timeout=300, check=False)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "IRN 0232 RUS True RUSGOV" in out.stdout
    assert "must not aid the attacker" in out.stdout


def test_makefile_targets_named_in_the_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in set(re.findall(r"make (\w+)", readme)):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

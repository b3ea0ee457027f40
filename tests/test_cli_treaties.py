from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from foedus.cli import cli, load_commands

ATOP = Path(__file__).resolve().parents[1].parent / "shared" / "atop"
FOEDUS = Path(sys.executable).parent / "foedus"
COMMANDS = (
    ["treaties"],
    ["treaties", "list"],
    ["treaties", "show"],
    ["treaties", "import-atop"],
    ["obligations"],
    ["dyads"],
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    load_commands()
    return CliRunner()


def _run(runner: CliRunner, *args: str, db: Path | None = None) -> tuple[int, str]:
    extra = ["--db", str(db)] if db is not None else []
    result = runner.invoke(cli, [*args, *extra])
    return result.exit_code, result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(runner: CliRunner, command: list[str]) -> None:
    code, out = _run(runner, *command, "--help")
    assert code == 0
    assert "Example: foedus " in out


def test_list_and_show(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite"
    code, out = _run(runner, "treaties", "list", "--state", "PRK", "--on", "2025-01-10", db=db)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["chn-prk-1961", "rus-prk-2024"]
    code, out = _run(runner, "treaties", "show", "sco-2002", db=db)
    assert code == 0 and "Not a defense pact" in out
    code, out = _run(runner, "treaties", "show", "nato", db=db)
    assert code == 1 and "Did you mean 'nato-1949'" in out


def test_obligations_json(runner: CliRunner, tmp_path: Path) -> None:
    code, out = _run(
        runner, "obligations", "--attacked", "PRK", "--by", "KOR", "--on", "2025-01-10",
        "--format", "json", db=tmp_path / "none.sqlite",
    )  # fmt: skip
    assert code == 0
    items = json.loads(out)["items"]
    art4 = next(i for i in items if i["treaty"] == "rus-prk-2024" and i["article"] == "4")
    assert (art4["state"], art4["status"], art4["strength"]) == ("RUS", "obliged", "automatic")


def test_obligations_errors_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite"
    code, out = _run(runner, "obligations", "--attacked", "IRN", "--by", "IRN", "--on",
                     "2025-06-20", db=db)  # fmt: skip
    assert code == 1 and "Attacker and attacked are both 'IRN'" in out
    code, out = _run(runner, "obligations", "--attacked", "IRQQ", "--by", "ISR", "--on",
                     "2025-06-20", db=db)  # fmt: skip
    assert code == 1 and "Unknown state 'IRQQ'" in out


def test_import_then_dyads(runner: CliRunner, tmp_path: Path) -> None:
    if not (ATOP / "atop4_01m.csv").exists():
        pytest.skip("ATOP 4.01 files not found in ../shared/atop")
    db = tmp_path / "store.sqlite"
    code, out = _run(runner, "treaties", "import-atop", str(ATOP / "atop4_01a.csv"),
                     str(ATOP / "atop4_01m.csv"), db=db)  # fmt: skip
    assert code == 0 and "745 alliances, 2398 member rows" in out
    target = tmp_path / "dyads.csv"
    code, _ = _run(runner, "dyads", "--from", "2000", "--to", "2000", "--source", "atop",
                   "--output", str(target), db=db)  # fmt: skip
    assert code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert "2,740,2000,1,0,0,1,1" in lines and "740,2,2000,0,0,0,1,1" in lines
    code, out = _run(runner, "treaties", "show", "atop-4968", db=db)
    assert code == 0 and out.startswith("rus-irn-2001") and "precedence over ATOP" in out


def test_real_subprocess_call(tmp_path: Path) -> None:
    if not FOEDUS.exists():
        pytest.skip(f"console script not installed at {FOEDUS}")
    proc = subprocess.run(
        [str(FOEDUS), "obligations", "--attacked", "IRN", "--by", "ISR", "--on", "2025-06-20",
         "--db", str(tmp_path / "none.sqlite")],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    russia = [line for line in proc.stdout.splitlines() if line.startswith("RUS ")]
    assert any("rus-irn-2001" in r and "must not aid the attacker" in r for r in russia)
    assert any("rus-irn-2025" in r and "treaty not in force on that date" in r for r in russia)
    assert not any("defense" in r and " obliged" in r for r in russia)

"""Coding runs: idempotent re-runs, resumption after a failure, bad inputs reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from foedus.config import Settings
from foedus.runs import code_paths
from foedus.store import Store

ARTICLES = [
    "Russia attacked Ukraine on Tuesday.",
    "China and Russia signed a trade agreement in Moscow.",
    "Iran condemned Israel over the strikes.",
    "The weather was mild across the country this week.",
    "France called on Iran to resume talks with the IAEA.",
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for k, text in enumerate(ARTICLES):
        (folder / f"a{k}.txt").write_text(text, encoding="utf-8")
    return folder


def counts(db: Path) -> tuple[int, int]:
    with Store.open(db) as store:
        c = store.counts()
    return c.articles, c.events


def test_rerun_adds_nothing(corpus: Path, tmp_path: Path) -> None:
    settings = Settings(db=tmp_path / "s.sqlite", batch_size=2)
    first = code_paths([corpus], settings)
    assert first.articles_coded == len(ARTICLES) and first.events > 0
    before = counts(settings.db)
    second = code_paths([corpus], settings)
    assert second.articles_coded == 0 and second.already_stored == len(ARTICLES)
    assert counts(settings.db) == before


def test_interrupted_run_resumes_without_loss_or_duplicates(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import foedus.runs as runs

    settings = Settings(db=tmp_path / "s.sqlite", batch_size=2)
    real = runs.code_batch
    calls = {"n": 0}

    def failing(batch, s):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the user pressed Ctrl-C during the second batch
        return real(batch, s)

    monkeypatch.setattr(runs, "code_batch", failing)
    with pytest.raises(KeyboardInterrupt):
        code_paths([corpus], settings)
    assert counts(settings.db)[0] == 2  # the first batch is stored whole, nothing of the second
    monkeypatch.setattr(runs, "code_batch", real)
    code_paths([corpus], settings)
    whole = tmp_path / "whole.sqlite"
    code_paths([corpus], Settings(db=whole, batch_size=2))
    assert counts(settings.db) == counts(whole)


def test_cli_reports_bad_inputs_and_keeps_going(corpus: Path, tmp_path: Path) -> None:
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02garbage\xff")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "bad.jsonl").write_text(
        json.dumps({"text": "Iran condemned Israel.", "date": "2025-06-20"}) + "\n{not json\n",
        encoding="utf-8",
    )
    db = tmp_path / "cli.sqlite"
    foedus = Path(sys.executable).with_name("foedus")
    result = subprocess.run(
        [str(foedus), "code", str(corpus), "--db", str(db), "--date", "2025-06-25"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "binary.txt" in result.stderr and "empty.txt" in result.stderr
    assert "bad.jsonl:2" in result.stderr
    assert f"{len(ARTICLES) + 1} articles coded" in result.stdout

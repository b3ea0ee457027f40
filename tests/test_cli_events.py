from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import foedus.cli.events  # noqa: F401  (registers the command on the root group)
from foedus.articles import Article
from foedus.cli.main import cli
from foedus.events import ActorRef, Event
from foedus.store import Store

RUS = ActorRef("Russia", "RUSGOV", "RUS", ("GOV",))
IRN = ActorRef("Iran", "IRNGOV", "IRN", ("GOV",))
ISR = ActorRef("Israel", "ISR", "ISR")


def make_event(
    art: Article,
    n: int,
    source: ActorRef,
    target: ActorRef | None,
    cameo: str,
    date: str,
    **extra: Any,
) -> Event:
    fields: dict[str, Any] = dict(
        id=f"{art.id[:8]}-{n}",
        article_id=art.id,
        sentence_index=n,
        sentence=f"S{n}.",
        start=0,
        end=3,
        anchor="verb",
        anchor_start=0,
        anchor_end=4,
        source=source,
        target=target,
        cameo=cameo,
        cameo_name=f"Name {cameo}",
        plover=None,
        plover_mode=None,
        quad_class=1,
        goldstein=0.0,
        date=date,
        date_precision="day",
        coder_version="t",
    )
    fields.update(extra)
    return Event(**fields)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite"
    art = Article.from_text("Russia and Iran.", date=None, origin="x.txt")
    other = Article.from_text("Another article.", origin="y.txt")
    events = [
        make_event(art, 0, IRN, RUS, "0233", "2025-06-18", negated=True, reported_by="RUSGOV"),
        make_event(art, 1, RUS, IRN, "0331", "2025-06-18"),
        make_event(art, 2, IRN, RUS, "1212", "2025-06-19"),
        make_event(other, 0, RUS, ISR, "039", "2025-06-20", intent=True),
    ]
    with Store.open(path) as store:
        store.add_batch([art, other], events)
    return path


def run(*args: str) -> Any:
    result = CliRunner().invoke(cli, ["events", *args])
    return result


def _jsonl(result: Any) -> list[dict[str, Any]]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_table_by_default(db: Path) -> None:
    result = run("--db", str(db))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("DATE") and len(lines) == 5
    assert "0233" in lines[1] and "N...." in lines[1]
    assert "4 events." in result.stderr


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        ((), ["0233", "0331", "1212", "039"]),
        (("--source-actor", "RUS"), ["0331", "039"]),
        (("--target-actor", "IRN"), ["0331"]),
        (("--source-actor", "IRN", "--target-actor", "RUS", "--code", "02"), ["0233"]),
        (("--code", "12"), ["1212"]),
        (("--since", "2025-06-19"), ["1212", "039"]),
        (("--until", "2025-06-18"), ["0233", "0331"]),
        (("--exclude-flagged",), ["0331", "1212"]),
    ],
)
def test_filters(db: Path, args: tuple[str, ...], codes: list[str]) -> None:
    records = _jsonl(run("--db", str(db), "--format", "jsonl", *args))
    assert [r["cameo"] for r in records] == codes


def test_article_filter(db: Path) -> None:
    with Store.open(db) as store:
        first = next(iter(store.articles())).id
    records = _jsonl(run("--db", str(db), "--format", "jsonl", "--article", first))
    assert {r["article_id"] for r in records} == {first} and len(records) == 3


def test_json_and_csv_formats(db: Path) -> None:
    result = run("--db", str(db), "--format", "json", "--code", "03")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [Event.from_dict(d).cameo for d in data] == ["0331", "039"]
    result = run("--db", str(db), "--format", "csv", "--source-actor", "IRN")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["source_code"], r["target_country"]) for r in rows] == [("IRNGOV", "RUS")] * 2


def test_output_file_and_parquet(db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    result = run("--db", str(db), "--format", "parquet", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).column("cameo").to_pylist() == ["0233", "0331", "1212", "039"]
    assert "4 events." in result.stderr
    cameo = tmp_path / "events.tsv"
    run("--db", str(db), "--format", "cameo", "-o", str(cameo), "--code", "039")
    (line,) = cameo.read_text("utf-8").splitlines()
    assert line.split("\t")[1] == "20250620"


def test_parquet_to_stdout_is_refused(db: Path) -> None:
    result = run("--db", str(db), "--format", "parquet")
    assert result.exit_code == 2 and "--output FILE" in result.output


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    result = run("--db", str(missing))
    assert result.exit_code == 1
    assert f"No store at '{missing}'" in result.output and "foedus code" in result.output
    assert not missing.exists()


def test_non_sqlite_store_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("plain text, not SQLite\n" * 100, "utf-8")
    result = run("--db", str(bogus))
    assert result.exit_code == 1 and "not a foedus SQLite store" in result.output
    assert "Traceback" not in result.output


def test_bad_date_and_format_are_usage_errors(db: Path) -> None:
    assert run("--db", str(db), "--since", "June").exit_code == 2
    assert run("--db", str(db), "--format", "xml").exit_code == 2


def test_default_db_comes_from_the_environment(db: Path) -> None:
    result = CliRunner(env={"FOEDUS_DB": str(db)}).invoke(cli, ["events", "--format", "jsonl"])
    assert len(_jsonl(result)) == 4


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["events", "--help"])
    assert result.exit_code == 0
    assert "foedus events --source-actor RUS" in result.output
    for option in (
        "--source-actor",
        "--target-actor",
        "--code",
        "--since",
        "--until",
        "--article",
        "--format",
        "--output",
        "--db",
    ):
        assert option in result.output

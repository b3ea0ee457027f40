from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from foedus.errors import InputError
from foedus.events import ActorRef, Event
from foedus.exports import CAMEO_COLUMNS, FLAT_COLUMNS, FORMATS, write_events

RUS = ActorRef("Putin", "RUSGOV", "RUS", ("GOV",), entity="putin")
IRN = ActorRef("Iran", "IRN", "IRN")


def make_event(n: int = 0, **extra: Any) -> Event:
    fields: dict[str, Any] = dict(
        id=f"ev-{n}",
        article_id="a" * 64,
        sentence_index=n,
        sentence="\u201cIran has not asked us,\u201d Putin said.\tTabbed",
        start=10,
        end=50,
        anchor="asked",
        anchor_start=20,
        anchor_end=25,
        source=IRN,
        target=RUS,
        cameo="0233",
        cameo_name="Appeal for military aid",
        plover="REQUEST",
        plover_mode="military",
        quad_class=1,
        goldstein=3.4,
        negated=True,
        reported_by="RUSGOV",
        date="2025-06-18",
        date_precision="day",
        date_text="on Wednesday",
        confidence=0.8,
        coder_version="test-1",
    )
    fields.update(extra)
    return Event(**fields)


def _render(events: list[Event], fmt: str) -> str:
    out = io.StringIO()
    assert write_events(events, fmt, out) == len(events)
    return out.getvalue()


def test_json_is_a_list_of_event_dicts() -> None:
    events = [make_event(0), make_event(1, target=None, negated=False)]
    data = json.loads(_render(events, "json"))
    assert data == [e.to_dict() for e in events]
    assert [Event.from_dict(d) for d in data] == events
    assert json.loads(_render([], "json")) == []


def test_jsonl_one_event_per_line() -> None:
    events = [make_event(n) for n in range(3)]
    lines = _render(events, "jsonl").splitlines()
    assert [Event.from_dict(json.loads(line)) for line in lines] == events


def test_csv_has_flat_columns() -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(
                _render(
                    [
                        make_event(),
                        make_event(
                            1,
                            target=None,
                            source=ActorRef("the Kremlin", "RUSGOVEXE", "RUS", ("GOV", "EXE")),
                        ),
                    ],
                    "csv",
                )
            )
        )
    )
    assert tuple(rows[0]) == FLAT_COLUMNS
    first, second = rows
    assert (first["source_code"], first["source_country"]) == ("IRN", "IRN")
    assert (first["target_code"], first["target_country"]) == ("RUSGOV", "RUS")
    assert (first["cameo"], first["negated"], first["reported_by"]) == ("0233", "True", "RUSGOV")
    assert first["sentence"].startswith("\u201cIran has not asked us")
    assert second["target_code"] == "" and second["source_sectors"] == "GOV;EXE"


def test_table_is_aligned_and_shows_flags() -> None:
    events = [
        make_event(0),
        make_event(
            1, target=None, negated=False, intent=True, cameo_name="A very long event name " * 3
        ),
    ]
    lines = _render(events, "table").splitlines()
    assert len(lines) == 3
    assert lines[0].split()[:4] == ["DATE", "SOURCE", "TARGET", "CAMEO"]
    flags_at = lines[0].index("FLAGS")
    assert lines[1][flags_at : flags_at + 5] == "N...."
    assert lines[2][flags_at : flags_at + 5] == "..I.."
    assert "IRN" in lines[1] and "RUSGOV" in lines[1] and "…" in lines[2]
    assert lines[1].index("0233") == lines[0].index("CAMEO") == lines[2].index("0233")


def test_cameo_lines_follow_the_documented_columns() -> None:
    month = make_event(
        1,
        date="2025-01",
        date_precision="month",
        target=None,
        negated=False,
        hypothetical=True,
        reported_by=None,
    )
    lines = _render([make_event(0), month], "cameo").splitlines()
    rows = [dict(zip(CAMEO_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert rows[0]["date"] == "20250618"
    assert (rows[0]["year"], rows[0]["month"], rows[0]["day"]) == ("2025", "06", "18")
    assert (rows[0]["source_code"], rows[0]["target_code"]) == ("IRN", "RUSGOV")
    assert (rows[0]["cameo"], rows[0]["root_code"], rows[0]["quad_class"]) == ("0233", "02", "1")
    assert (rows[0]["modality"], rows[0]["reported_by"]) == ("negated", "RUSGOV")
    assert (rows[1]["date"], rows[1]["day"], rows[1]["target_code"]) == ("202501", "", "")
    assert rows[1]["modality"] == "hypothetical"


def test_plover_records_carry_modality_as_modes() -> None:
    events = [
        make_event(0),
        make_event(
            1,
            negated=False,
            intent=True,
            cameo="039",
            plover="CONSULT",
            plover_mode=None,
            target=None,
        ),
    ]
    first, second = (json.loads(line) for line in _render(events, "plover").splitlines())
    assert first["actor"] == [{"code": "IRN", "country": "IRN", "text": "Iran"}]
    assert first["recipient"] == [{"code": "RUSGOV", "country": "RUS", "text": "Putin"}]
    assert first["event"] == ["REQUEST"] and first["mode"] == ["military", "negation"]
    assert first["date"] == "2025-06-18" and first["reported_by"] == "RUSGOV"
    assert second["mode"] == ["future"] and second["recipient"] == []
    assert second["context"] == ["diplomatic"]


def test_parquet_roundtrip(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    events = [make_event(n, target=None if n % 2 else RUS) for n in range(25)]
    with path.open("wb") as out:
        assert write_events(events, "parquet", out) == 25
    table = pq.read_table(path)
    assert table.column_names == list(FLAT_COLUMNS)
    assert table.num_rows == 25
    assert table.column("negated").to_pylist() == [True] * 25
    assert table.column("target_code").to_pylist()[:2] == ["RUSGOV", None]
    assert table.column("sentence_index").to_pylist() == list(range(25))


def test_parquet_to_a_text_stream_without_buffer_is_refused() -> None:
    with pytest.raises(InputError, match="--output FILE"):
        write_events([make_event()], "parquet", io.StringIO())


def test_text_formats_accept_binary_streams() -> None:
    out = io.BytesIO()
    write_events([make_event()], "jsonl", out)
    assert not out.closed
    assert json.loads(out.getvalue().decode("utf-8"))["id"] == "ev-0"


def test_unknown_format_suggests() -> None:
    with pytest.raises(InputError, match="Did you mean 'csv'"):
        write_events([], "cvs", io.StringIO())


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "parquet"])
def test_every_text_format_streams(fmt: str) -> None:
    out = io.StringIO()
    seen_before_last: list[str] = []

    def events() -> Any:
        yield make_event(0)
        yield make_event(1)
        # The first event must be out before the last one is even produced.
        seen_before_last.append(out.getvalue())
        yield make_event(2)

    assert write_events(events(), fmt, out) == 3
    marker = "0233" if fmt == "table" else "ev-0"
    assert marker in seen_before_last[0]

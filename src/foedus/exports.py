"""Events out: one function, `write_events`, writes events in any of the `FORMATS`.

Every format streams (events are written as they come, never collected), so exporting a
large store needs no more memory than one event, or one parquet row group.

Formats:

- ``table``: aligned text for reading in a terminal. FLAGS shows one letter per modality
  flag that is set: N negated, H hypothetical, I intent (future), D denied, Q question.
- ``json``: a JSON list of `Event.to_dict()` records.
- ``jsonl``: one `Event.to_dict()` record per line.
- ``csv``: flat columns (`FLAT_COLUMNS`); sectors are joined with ``;``.
- ``parquet``: the flat columns, typed (needs pyarrow: ``pip install foedus[parquet]``).
- ``cameo``: tab-separated lines in the style of the CAMEO/Phoenix event data sets, no
  header; the columns are `CAMEO_COLUMNS`: event_id, date (YYYYMMDD, or YYYYMM / YYYY at
  month or year precision, empty when unknown), year, month, day, source_code,
  source_country, target_code, target_country, cameo, root_code, quad_class, goldstein,
  article_id, sentence_index, modality (comma-separated set flags), reported_by.
- ``plover``: one PLOVER record per line (the manual suggests JSONL): ``id``, ``date``,
  ``actor`` and ``recipient`` as lists of ``{"code", "country", "text"}``, ``event`` as a
  list of PLOVER types, ``mode`` the event's mode plus the PLOVER auxiliary modes for its
  modality (negated or denied -> ``negation``, hypothetical -> ``hypothetical``, intent ->
  ``future``), ``context``, and the CAMEO code, Goldstein value and evidence for reference.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from foedus.errors import InputError, suggest
from foedus.events import ActorRef, Event

__all__ = ["CAMEO_COLUMNS", "FLAT_COLUMNS", "FORMATS", "flat_row", "write_events"]

FORMATS = ("table", "json", "jsonl", "csv", "parquet", "cameo", "plover")

FLAT_COLUMNS = (
    "id",
    "article_id",
    "sentence_index",
    "date",
    "date_precision",
    "date_text",
    "source_text",
    "source_code",
    "source_country",
    "source_sectors",
    "target_text",
    "target_code",
    "target_country",
    "target_sectors",
    "cameo",
    "cameo_name",
    "plover",
    "plover_mode",
    "quad_class",
    "goldstein",
    "negated",
    "hypothetical",
    "intent",
    "denied",
    "question",
    "reported_by",
    "anchor",
    "sentence",
    "start",
    "end",
    "confidence",
    "coder_version",
)

CAMEO_COLUMNS = (
    "event_id",
    "date",
    "year",
    "month",
    "day",
    "source_code",
    "source_country",
    "target_code",
    "target_country",
    "cameo",
    "root_code",
    "quad_class",
    "goldstein",
    "article_id",
    "sentence_index",
    "modality",
    "reported_by",
)

_FLAGS = (
    ("negated", "N"),
    ("hypothetical", "H"),
    ("intent", "I"),
    ("denied", "D"),
    ("question", "Q"),
)
_TABLE = (
    ("DATE", 10),
    ("SOURCE", 10),
    ("TARGET", 10),
    ("CAMEO", 5),
    ("EVENT", 32),
    ("FLAGS", 5),
    ("REPORTED", 9),
    ("ANCHOR", 30),
)
_PARQUET_ROWS = 10_000


def write_events(events: Iterable[Event], fmt: str, stream: IO[Any]) -> int:
    """Write `events` to `stream` as `fmt` (one of `FORMATS`); returns how many were written.

    `stream` is a text stream for every format but ``parquet``, which needs a binary one
    (a text stream with a ``buffer``, like ``sys.stdout``, is accepted for both).
    """
    writers: dict[str, Callable[[Iterable[Event], IO[Any]], int]] = {
        "table": _write_table,
        "json": _write_json,
        "jsonl": _write_jsonl,
        "csv": _write_csv,
        "cameo": _write_cameo,
        "plover": _write_plover,
        "parquet": _write_parquet,
    }
    writer = writers.get(fmt)
    if writer is None:
        raise InputError(f"Unknown export format {fmt!r}. " + suggest(fmt, FORMATS))
    if fmt == "parquet":
        return writer(events, _binary(stream))
    if isinstance(stream, io.TextIOBase):
        return writer(events, stream)
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        return writer(events, text)
    finally:
        text.flush()
        text.detach()


def flat_row(event: Event) -> dict[str, Any]:
    """`event` as one flat row with the `FLAT_COLUMNS` keys (used by csv and parquet)."""
    row: dict[str, Any] = {
        name: getattr(event, name) for name in FLAT_COLUMNS if hasattr(event, name)
    }
    for side, actor in (("source", event.source), ("target", event.target)):
        row[f"{side}_text"] = actor.text if actor else None
        row[f"{side}_code"] = actor.code if actor else None
        row[f"{side}_country"] = actor.country if actor else None
        row[f"{side}_sectors"] = ";".join(actor.sectors) if actor else None
    return {name: row[name] for name in FLAT_COLUMNS}


def _binary(stream: IO[Any]) -> IO[bytes]:
    if not isinstance(stream, io.TextIOBase):
        return stream
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        raise InputError("parquet is a binary format and needs a file: pass --output FILE.")
    stream.flush()
    return buffer


def _flags(event: Event) -> list[str]:
    return [name for name, _ in _FLAGS if getattr(event, name)]


def _write_table(events: Iterable[Event], out: IO[str]) -> int:
    def line(cells: Iterable[str]) -> str:
        parts = [_fit(cell, width) for cell, (_, width) in zip(cells, _TABLE, strict=True)]
        return "  ".join(parts).rstrip() + "\n"

    out.write(line(name for name, _ in _TABLE))
    count = 0
    for event in events:
        flags = "".join(letter if getattr(event, name) else "." for name, letter in _FLAGS)
        out.write(
            line(
                (
                    event.date or "?",
                    event.source.code,
                    _code(event.target),
                    event.cameo,
                    event.cameo_name,
                    flags,
                    event.reported_by or "",
                    event.anchor,
                )
            )
        )
        count += 1
    return count


def _fit(cell: str, width: int) -> str:
    cell = " ".join(cell.split())
    return cell.ljust(width) if len(cell) <= width else cell[: width - 1] + "…"


def _code(actor: ActorRef | None) -> str:
    return actor.code if actor else "-"


def _write_json(events: Iterable[Event], out: IO[str]) -> int:
    count = 0
    out.write("[")
    for event in events:
        out.write(",\n  " if count else "\n  ")
        out.write(json.dumps(event.to_dict(), ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _write_lines(records: Iterator[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    return _write_lines((event.to_dict() for event in events), out)


def _write_csv(events: Iterable[Event], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(flat_row(event))
        count += 1
    return count


def _write_cameo(events: Iterable[Event], out: IO[str]) -> int:
    count = 0
    for event in events:
        out.write("\t".join(_clean(value) for value in _cameo_row(event)) + "\n")
        count += 1
    return count


def _cameo_row(event: Event) -> tuple[object, ...]:
    parts = (event.date or "").split("-") if event.date_precision != "unknown" else []
    year, month, day = [*parts, "", "", ""][:3]
    target = event.target
    return (
        event.id,
        "".join(parts),
        year,
        month,
        day,
        event.source.code,
        event.source.country,
        target.code if target else None,
        target.country if target else None,
        event.cameo,
        event.cameo[:2],
        event.quad_class,
        event.goldstein,
        event.article_id,
        event.sentence_index,
        ",".join(_flags(event)),
        event.reported_by,
    )


def _clean(value: object) -> str:
    # Tabs or newlines inside a value would shift every later column of the line.
    return "" if value is None else " ".join(str(value).split())


def _write_plover(events: Iterable[Event], out: IO[str]) -> int:
    from foedus.cameo import load_cameo

    table = load_cameo()
    return _write_lines((_plover_record(e, _context(table.codes, e.cameo)) for e in events), out)


def _context(codes: dict[str, Any], cameo: str) -> list[str]:
    entry = codes.get(cameo)
    context = getattr(entry, "plover_context", None)
    return [context] if context else []


def _plover_record(event: Event, context: list[str]) -> dict[str, Any]:
    modes = [event.plover_mode] if event.plover_mode else []
    if event.negated or event.denied:
        modes.append("negation")
    if event.hypothetical:
        modes.append("hypothetical")
    if event.intent:
        modes.append("future")
    return {
        "id": event.id,
        "date": event.date,
        "date_precision": event.date_precision,
        "actor": [_plover_entity(event.source)],
        "recipient": [_plover_entity(event.target)] if event.target else [],
        "event": [event.plover] if event.plover else [],
        "mode": modes,
        "context": context,
        "question": event.question,
        "reported_by": event.reported_by,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "text": event.sentence,
        "anchor": event.anchor,
        "article_id": event.article_id,
        "coder_version": event.coder_version,
    }


def _plover_entity(actor: ActorRef) -> dict[str, Any]:
    return {"code": actor.code, "country": actor.country, "text": actor.text}


def _write_parquet(events: Iterable[Event], out: IO[bytes]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError(
            "The parquet format needs pyarrow: pip install 'foedus[parquet]'."
        ) from exc
    schema = pa.schema([(name, _arrow_type(pa, name)) for name in FLAT_COLUMNS])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for event in events:
            batch.append(flat_row(event))
            count += 1
            if len(batch) == _PARQUET_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


def _arrow_type(pa: Any, name: str) -> Any:
    if name in ("sentence_index", "quad_class", "start", "end"):
        return pa.int64()
    if name in ("goldstein", "confidence"):
        return pa.float64()
    if name in {flag for flag, _ in _FLAGS}:
        return pa.bool_()
    return pa.string()

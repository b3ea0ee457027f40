"""The event store: coded articles and their events in one SQLite file.

Tables: ``articles`` (one row per coded article, even one without events, so a re-run skips
it), ``events`` (the full `Event.to_dict()` JSON plus indexed columns to filter on) and
``runs`` (one row per coding run). Tables prefixed ``treaty_`` belong to the treaty registry
and are never touched here. Writes go in batches, each one transaction: a batch is stored
whole or not at all, which is what makes an interrupted run safe to resume.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from foedus.articles import Article
from foedus.errors import StoreError
from foedus.events import Event

__all__ = ["BatchResult", "EventFilter", "Store", "StoreCounts", "StoredArticle"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    coder_version TEXT NOT NULL DEFAULT '',
    inputs TEXT NOT NULL DEFAULT '',
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_events INTEGER NOT NULL DEFAULT 0,
    n_skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    url TEXT,
    date TEXT,
    source TEXT,
    origin TEXT NOT NULL,
    coded_at TEXT NOT NULL,
    coder_version TEXT NOT NULL,
    n_events INTEGER NOT NULL,
    run_id INTEGER REFERENCES runs(id)
);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles(id),
    sentence_index INTEGER NOT NULL,
    source_code TEXT NOT NULL,
    source_country TEXT,
    target_code TEXT,
    target_country TEXT,
    cameo TEXT NOT NULL,
    date TEXT,
    flagged INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_source ON events(source_code);
CREATE INDEX IF NOT EXISTS events_source_country ON events(source_country);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code);
CREATE INDEX IF NOT EXISTS events_target_country ON events(target_country);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
"""

_IN_CHUNK = 500
"""Ids per `IN (...)` query; well under SQLite's bound-parameter limit."""


@dataclass(frozen=True)
class EventFilter:
    """Which events to read back; every criterion left as None matches everything.

    Actor criteria match a code prefix (``RUS`` matches ``RUSGOV``) or the actor's country.
    `code` is a CAMEO prefix (``02`` matches ``0232``). `since`/`until` compare with the
    event date at its own precision, so an event dated ``2025-01`` falls inside any range
    that overlaps January 2025; events with no date are left out when either is set.
    """

    source_actor: str | None = None
    target_actor: str | None = None
    code: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None
    include_flagged: bool = True
    """False leaves out negated, hypothetical, intended, denied and questioned events."""


@dataclass(frozen=True)
class BatchResult:
    """What one `Store.add_batch` call stored."""

    articles_added: int
    articles_skipped: int
    events_added: int


@dataclass(frozen=True)
class StoredArticle:
    """An article as recorded in the store (its text is not kept, only where it came from)."""

    id: str
    title: str | None
    url: str | None
    date: dt.date | None
    source: str | None
    origin: str
    coded_at: str
    coder_version: str
    n_events: int


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    events: int
    runs: int


class Store:
    """A foedus SQLite store. Open it with `Store.open(path)` as a context manager."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Store:
        """Open (and with `create`, make if missing) the store at `path`.

        Raises `StoreError` naming the file when it is not a SQLite database, cannot be
        created or written, or (with ``create=False``) does not exist.
        """
        path = Path(path)
        if path.is_dir():
            raise StoreError(
                f"Store '{path}' is a folder; pass a file path such as '{path}/foedus.sqlite'."
            )
        if not create and not path.is_file():
            raise StoreError(
                f"No store at '{path}': code some articles first "
                "(`foedus code PATH --db FILE`) or pass the right --db."
            )
        try:
            connection = sqlite3.connect(path, timeout=30.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(_explain(path, exc)) from exc
        try:
            _prepare(connection)
        except sqlite3.Error as exc:
            connection.close()
            raise StoreError(_explain(path, exc)) from exc
        return cls(path, connection)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for sibling tables (``treaty_*``) kept in the same file."""
        return self._db

    def add_batch(
        self,
        articles: Sequence[Article],
        events: Iterable[Event],
        *,
        coder_version: str = "",
        run_id: int | None = None,
    ) -> BatchResult:
        """Store coded articles and their events in one transaction: all or nothing.

        Articles already in the store are skipped with their events, so a re-run adds nothing
        twice. An article without events is still recorded, as coded with zero events.
        """
        with self._transaction():
            present = self.known_ids(a.id for a in articles)
            new: dict[str, Article] = {}
            for article in articles:
                if article.id not in present:
                    new.setdefault(article.id, article)
            kept = _checked_events((e for e in events if e.article_id not in present), new)
            self._db.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _article_rows(new.values(), kept, coder_version, run_id),
            )
            self._db.executemany(
                "INSERT INTO events (id, article_id, sentence_index, source_code, "
                "source_country, target_code, target_country, cameo, date, flagged, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (_event_row(e) for e in kept),
            )
        return BatchResult(len(new), len(articles) - len(new), len(kept))

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of `ids` whose articles are already in the store."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._query(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def events(self, where: EventFilter | None = None) -> Iterator[Event]:
        """The stored events matching `where`, in the order they were stored."""
        clauses, params = _filter_sql(where or EventFilter())
        sql = "SELECT data FROM events"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        for (data,) in self._query(sql + " ORDER BY seq", params):
            yield Event.from_dict(json.loads(data))

    def articles(self) -> Iterator[StoredArticle]:
        """Every coded article, in the order coded."""
        sql = (
            "SELECT id, title, url, date, source, origin, coded_at, coder_version, n_events "
            "FROM articles ORDER BY rowid"
        )
        for row in self._query(sql, ()):
            day = dt.date.fromisoformat(row[3]) if row[3] else None
            yield StoredArticle(row[0], row[1], row[2], day, *row[4:])

    def counts(self) -> StoreCounts:
        """How many articles, events and runs the store holds."""

        def count(table: str) -> int:
            return int(self._query(f"SELECT COUNT(*) FROM {table}", ()).fetchone()[0])

        return StoreCounts(count("articles"), count("events"), count("runs"))

    def begin_run(self, *, coder_version: str = "", inputs: str = "") -> int:
        """Record the start of a coding run; returns its id for `add_batch` and `end_run`."""
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO runs (started_at, coder_version, inputs) VALUES (?, ?, ?)",
                (_now(), coder_version, inputs),
            )
        return int(cursor.lastrowid or 0)

    def end_run(self, run_id: int, *, articles: int, events: int, skipped: int) -> None:
        """Record the end of a run and what it added."""
        with self._transaction():
            self._db.execute(
                "UPDATE runs SET finished_at = ?, n_articles = ?, n_events = ?, n_skipped = ? "
                "WHERE id = ?",
                (_now(), articles, events, skipped, run_id),
            )

    def _query(self, sql: str, params: Sequence[Any]) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError(_explain(self.path, exc)) from exc

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db, self.path)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (SQLite errors become StoreError).

    Nested use (a `known_ids` read inside `add_batch`) is fine: reads need no transaction.
    """

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self._path = path

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(_explain(self._path, exc)) from exc

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            try:
                self._db.execute("COMMIT")
                return
            except sqlite3.Error as error:
                self._db.execute("ROLLBACK")
                raise StoreError(_explain(self._path, error)) from error
        self._db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(_explain(self._path, exc)) from exc


def _prepare(db: sqlite3.Connection) -> None:
    # WAL lets `foedus events` read while a coding run writes; the busy timeout covers the
    # moments both want the write lock. With WAL, synchronous=NORMAL keeps every batch atomic
    # (a crash loses at most the last committed batch, which a resumed run codes again).
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.executescript(_SCHEMA)


def _explain(path: Path, exc: sqlite3.Error) -> str:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        fix = "it is not a foedus SQLite store; pass another --db path or move the file away."
    elif "readonly" in text or "unable to open" in text or "disk I/O" in text:
        fix = (
            "the location is not writable (or the folder does not exist); pass a --db path "
            "in a writable folder."
        )
    elif "locked" in text or "busy" in text:
        fix = "another process holds the write lock; wait for it to finish and retry."
    else:
        fix = "check the file, or pass another --db path."
    return f"Store '{path}': {text}: {fix}"


def _checked_events(events: Iterable[Event], new: dict[str, Article]) -> list[Event]:
    """The batch's events, each once; an event of an unknown article is an error.

    A corpus that holds the same article twice gets it coded twice, with the same event ids:
    the identical copies are dropped. Two different events with one id are a coder bug.
    """
    unique: dict[str, Event] = {}
    for event in events:
        if event.article_id not in new:
            raise StoreError(
                f"Event {event.id!r} belongs to article {event.article_id!r}, which is neither "
                "in this batch nor in the store; pass the article with its events."
            )
        first = unique.setdefault(event.id, event)
        if first != event:
            raise StoreError(
                f"Two different events share the id {event.id!r} in one batch; event ids must "
                "be unique (the coder derives them from article, sentence, anchor and codes)."
            )
    return list(unique.values())


def _article_rows(
    articles: Iterable[Article], events: Sequence[Event], coder_version: str, run_id: int | None
) -> Iterator[tuple[Any, ...]]:
    stamp = _now()
    counts = Counter(e.article_id for e in events)
    versions = {e.article_id: e.coder_version for e in events}
    for a in articles:
        version = coder_version or versions.get(a.id, "")
        yield (a.id, a.title, a.url, _iso(a.date), a.source, a.origin, stamp, version,
               counts[a.id], run_id)  # fmt: skip


def _event_row(event: Event) -> tuple[Any, ...]:
    target = event.target
    flagged = any((event.negated, event.hypothetical, event.intent, event.denied, event.question))
    return (
        event.id,
        event.article_id,
        event.sentence_index,
        event.source.code,
        event.source.country,
        target.code if target else None,
        target.country if target else None,
        event.cameo,
        event.date,
        int(flagged),
        json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True),
    )


def _filter_sql(where: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for side, actor in (("source", where.source_actor), ("target", where.target_actor)):
        if actor:
            value = actor.strip().upper()
            clauses.append(f"(substr({side}_code, 1, ?) = ? OR {side}_country = ?)")
            params += [len(value), value, value]
    if where.code and where.code.strip():
        code = where.code.strip()
        clauses.append("substr(cameo, 1, ?) = ?")
        params += [len(code), code]
    if where.since:
        clauses.append("date >= substr(?, 1, length(date))")
        params.append(where.since.isoformat())
    if where.until:
        clauses.append("substr(date, 1, 10) <= ?")
        params.append(where.until.isoformat())
    if where.article_id:
        clauses.append("article_id = ?")
        params.append(where.article_id)
    if not where.include_flagged:
        clauses.append("flagged = 0")
    return clauses, params


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")

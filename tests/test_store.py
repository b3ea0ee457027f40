from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from foedus.articles import Article
from foedus.errors import StoreError
from foedus.events import ActorRef, Event
from foedus.store import EventFilter, Store

RUS = ActorRef("Russia", "RUSGOV", "RUS", ("GOV",))
IRN = ActorRef("Iran", "IRN", "IRN")
PRK = ActorRef("Pyongyang", "PRKGOV", "PRK", ("GOV",))
NATO = ActorRef("NATO", "NATO", None)


def article(text: str, day: dt.date | None = dt.date(2025, 6, 20)) -> Article:
    return Article.from_text(text, title=text[:10], date=day, source="test", origin="t.txt")


def event(
    art: Article, n: int, source: ActorRef, target: ActorRef | None, cameo: str, **extra: Any
) -> Event:
    fields: dict[str, Any] = dict(
        id=f"{art.id[:12]}-{n}",
        article_id=art.id,
        sentence_index=n,
        sentence=f"Sentence {n}.",
        start=0,
        end=11,
        anchor="said",
        anchor_start=0,
        anchor_end=4,
        source=source,
        target=target,
        cameo=cameo,
        cameo_name=f"name {cameo}",
        plover="CONSULT",
        plover_mode=None,
        quad_class=1,
        goldstein=1.0,
        coder_version="test-1",
    )
    fields.update(extra)
    return Event(**fields)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "events.sqlite"


def test_store_roundtrips_events_exactly(db: Path) -> None:
    art = article("Russia offered Iran help.")
    ev = event(
        art,
        0,
        RUS,
        IRN,
        "0331",
        negated=True,
        reported_by="RUSGOV",
        date="2025-06",
        date_precision="month",
        extra={"note": "x"},
    )
    with Store.open(db) as store:
        result = store.add_batch([art], [ev])
    assert (result.articles_added, result.articles_skipped, result.events_added) == (1, 0, 1)
    with Store.open(db) as store:
        assert list(store.events()) == [ev]
        (stored,) = store.articles()
    assert (stored.id, stored.date, stored.n_events, stored.coder_version) == (
        art.id,
        dt.date(2025, 6, 20),
        1,
        "test-1",
    )
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rerun_is_idempotent_and_article_without_events_is_recorded(db: Path) -> None:
    quiet = article("Nothing happened today.")
    busy = article("Russia met Iran.")
    with Store.open(db) as store:
        first = store.add_batch([quiet, busy], [event(busy, 0, RUS, IRN, "040")])
        again = store.add_batch([quiet, busy], [event(busy, 0, RUS, IRN, "040")])
        assert store.known_ids([quiet.id, busy.id, "unknown"]) == {quiet.id, busy.id}
        counts = store.counts()
        by_id = {a.id: a.n_events for a in store.articles()}
    assert (first.articles_added, first.events_added) == (2, 1)
    assert (again.articles_added, again.articles_skipped, again.events_added) == (0, 2, 0)
    assert (counts.articles, counts.events) == (2, 1)
    assert by_id == {quiet.id: 0, busy.id: 1}


def test_failing_batch_leaves_the_store_as_it_was(db: Path) -> None:
    before = article("Before.")
    with Store.open(db) as store:
        store.add_batch([before], [event(before, 0, RUS, IRN, "040")])
    good, bad = article("Good article."), article("Bad article.")
    orphan = dataclasses.replace(event(bad, 1, RUS, IRN, "040"), article_id="f" * 64)
    with Store.open(db) as store, pytest.raises(StoreError, match="neither in this batch"):
        store.add_batch([good, bad], [event(good, 0, RUS, IRN, "040"), orphan])
    clash = event(good, 0, RUS, IRN, "040")
    with Store.open(db) as store:
        with pytest.raises(StoreError, match="share the id"):
            store.add_batch([good], [clash, dataclasses.replace(clash, cameo="041")])
        assert store.known_ids([good.id, bad.id]) == set()
        assert store.counts().articles == 1 and store.counts().events == 1


def test_failure_inside_sqlite_midway_rolls_back(db: Path) -> None:
    earlier = article("Earlier.")
    first = event(earlier, 0, RUS, IRN, "040")
    with Store.open(db) as store:
        store.add_batch([earlier], [first])
    # Same event id as a stored event: the articles row is written, then the event insert
    # fails on the UNIQUE constraint; nothing of the batch may remain.
    later = article("Later.")
    clash = dataclasses.replace(event(later, 0, RUS, IRN, "040"), id=first.id)
    with Store.open(db) as store:
        with pytest.raises(StoreError, match="UNIQUE"):
            store.add_batch([later], [clash])
        assert store.known_ids([later.id]) == set()
        assert [e.id for e in store.events()] == [first.id]


def _filled(db: Path) -> Store:
    a = article("Article A.")
    b = article("Article B.")
    events = [
        event(a, 0, RUS, IRN, "0331", date="2025-06-18", date_precision="day"),
        event(a, 1, IRN, RUS, "1243", date="2025-06-19", date_precision="day", negated=True),
        event(a, 2, RUS, None, "039", date="2025-01", date_precision="month"),
        event(b, 0, PRK, RUS, "0234", date=None),
        event(
            b,
            1,
            ActorRef("Moscow", "RUSMIL", "RUS", ("MIL",)),
            NATO,
            "020",
            date="2024-12-04",
            date_precision="day",
            intent=True,
        ),
    ]
    store = Store.open(db)
    store.add_batch([a, b], events)
    return store


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (EventFilter(), ["0331", "1243", "039", "0234", "020"]),
        (EventFilter(source_actor="RUS"), ["0331", "039", "020"]),
        (EventFilter(source_actor="rusgov"), ["0331", "039"]),
        (EventFilter(source_actor="RUSMIL"), ["020"]),
        (EventFilter(target_actor="RUS"), ["1243", "0234"]),
        (EventFilter(target_actor="NATO"), ["020"]),
        (EventFilter(code="02"), ["0234", "020"]),
        (EventFilter(code="03"), ["0331", "039"]),
        (EventFilter(code="0331"), ["0331"]),
        (EventFilter(since=dt.date(2025, 1, 15)), ["0331", "1243", "039"]),
        (EventFilter(since=dt.date(2025, 6, 19)), ["1243"]),
        (EventFilter(until=dt.date(2025, 1, 31)), ["039", "020"]),
        (EventFilter(since=dt.date(2024, 12, 1), until=dt.date(2024, 12, 31)), ["020"]),
        (EventFilter(include_flagged=False), ["0331", "039", "0234"]),
        (EventFilter(source_actor="RUS", target_actor="IRN", code="03"), ["0331"]),
        (EventFilter(source_actor="USA"), []),
    ],
)
def test_filters(db: Path, where: EventFilter, expected: list[str]) -> None:
    with _filled(db) as store:
        assert [e.cameo for e in store.events(where)] == expected


def test_filter_by_article(db: Path) -> None:
    with _filled(db) as store:
        ids = [a.id for a in store.articles()]
        assert [e.sentence_index for e in store.events(EventFilter(article_id=ids[1]))] == [0, 1]


def test_runs_are_recorded(db: Path) -> None:
    with Store.open(db) as store:
        run = store.begin_run(coder_version="v1", inputs="a.txt")
        art = article("Run article.")
        store.add_batch([art], [], run_id=run, coder_version="v1")
        store.end_run(run, articles=1, events=0, skipped=2)
        assert store.counts().runs == 1
    row = (
        sqlite3.connect(db)
        .execute(
            "SELECT coder_version, inputs, n_articles, n_skipped, finished_at IS NOT NULL FROM runs"
        )
        .fetchone()
    )
    assert row == ("v1", "a.txt", 1, 2, 1)


def test_known_ids_handles_more_ids_than_one_query_takes(db: Path) -> None:
    arts = [article(f"Article number {n}.") for n in range(1200)]
    with Store.open(db) as store:
        store.add_batch(arts[:700], [])
        assert store.known_ids(a.id for a in arts) == {a.id for a in arts[:700]}


def test_non_sqlite_file_gives_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 200, "utf-8")
    with pytest.raises(StoreError, match=r"notes\.sqlite.*not a foedus SQLite store"):
        Store.open(path)


def test_unwritable_location_gives_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    with pytest.raises(StoreError, match=r"file/db\.sqlite.*not writable"):
        Store.open(blocker / "db.sqlite")


def test_read_only_database_gives_store_error(db: Path) -> None:
    with Store.open(db) as store:
        store.add_batch([article("One.")], [])
    uri = f"file:{db}?mode=ro"
    readonly = Store(db, sqlite3.connect(uri, uri=True, isolation_level=None))
    with readonly, pytest.raises(StoreError, match=r"readonly.*writable"):
        readonly.add_batch([article("Two.")], [])


def test_missing_store_without_create(db: Path) -> None:
    with pytest.raises(StoreError, match="No store at"):
        Store.open(db, create=False)
    assert not db.exists()


def test_treaty_tables_are_left_alone(db: Path) -> None:
    with Store.open(db) as store:
        store.connection.execute("CREATE TABLE treaty_x (id TEXT)")
        store.connection.execute("INSERT INTO treaty_x VALUES ('nato-1949')")
    with Store.open(db) as store:
        rows = store.connection.execute("SELECT id FROM treaty_x").fetchall()
    assert rows == [("nato-1949",)]


def test_folder_as_store_gives_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_duplicate_article_in_one_batch_is_stored_once(db: Path) -> None:
    art = article("The same wire story, twice.")
    copy = dataclasses.replace(art, origin="copy.txt")
    ev = event(art, 0, RUS, IRN, "040")
    with Store.open(db) as store:
        result = store.add_batch([art, copy], [ev, ev])
        assert (result.articles_added, result.events_added) == (1, 1)
        assert [a.origin for a in store.articles()] == ["t.txt"]
        assert list(store.events()) == [ev]

"""A coding run: read inputs, skip what the store already has, code in batches, store.

Each batch is stored in one transaction, so an interrupted run loses at most the batch in
flight, and a re-run continues where it stopped: articles already stored are skipped before
coding. Memory stays flat: inputs are streamed and at most `2 x workers` batches are in flight.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from foedus.articles import DEFAULT_MAX_BYTES, Article, Skipped, read_inputs
from foedus.coding.batch import CodedArticle, code_batch, code_batch_events
from foedus.coding.coder import CODER_VERSION
from foedus.config import Settings
from foedus.events import Event
from foedus.store import Store

__all__ = ["RunSummary", "code_articles_into", "code_paths"]


@dataclass
class RunSummary:
    """What a run read, coded, stored and skipped."""

    articles_read: int = 0
    articles_coded: int = 0
    already_stored: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    run_id: int | None = None


Progress = Callable[[int], None]


def code_paths(
    paths: Iterable[str | Path],
    settings: Settings,
    *,
    date: dt.date | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> RunSummary:
    """Code every article under `paths` into the store `settings.db`."""
    inputs = list(paths)  # named in the run record, then read
    summary = RunSummary()

    def articles() -> Iterator[Article]:
        for item in read_inputs(inputs, date=date, source=source, max_bytes=max_bytes):
            if isinstance(item, Skipped):
                summary.skipped.append(item)
            else:
                summary.articles_read += 1
                yield item

    names = ", ".join(str(p) for p in inputs)
    return code_articles_into(articles(), settings, summary, inputs=names, progress=progress)


def code_articles_into(
    articles: Iterable[Article],
    settings: Settings,
    summary: RunSummary | None = None,
    *,
    inputs: str = "",
    progress: Progress | None = None,
) -> RunSummary:
    """Code `articles` into the store, skipping those already stored."""
    summary = summary or RunSummary()
    with Store.open(settings.db) as store:
        summary.run_id = store.begin_run(coder_version=CODER_VERSION, inputs=inputs)
        batches = _new_batches(articles, store, settings.batch_size, summary)
        for coded in _coded(batches, settings):
            events = [e for c in coded for e in c.events]
            version = events[0].coder_version if events else CODER_VERSION
            result = store.add_batch([c.article for c in coded], events, coder_version=version,
                                     run_id=summary.run_id)  # fmt: skip
            summary.articles_coded += result.articles_added
            summary.already_stored += result.articles_skipped
            summary.events += result.events_added
            if progress:
                progress(len(coded))
        store.end_run(summary.run_id, articles=summary.articles_coded, events=summary.events,
                      skipped=len(summary.skipped))  # fmt: skip
    return summary


def _new_batches(
    articles: Iterable[Article], store: Store, size: int, summary: RunSummary
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield _unstored(batch, store, summary)
            batch = []
    if batch:
        yield _unstored(batch, store, summary)


def _unstored(batch: list[Article], store: Store, summary: RunSummary) -> list[Article]:
    known = store.known_ids(a.id for a in batch)
    summary.already_stored += sum(1 for a in batch if a.id in known)
    seen: set[str] = set()
    fresh = []
    for a in batch:
        if a.id not in known and a.id not in seen:
            seen.add(a.id)
            fresh.append(a)
    return fresh


def _coded(batches: Iterator[list[Article]], settings: Settings) -> Iterator[list[CodedArticle]]:
    if settings.workers <= 1:
        for batch in batches:
            if batch:
                yield code_batch(batch, settings)
        return
    window: deque[tuple[list[Article], Future[list[tuple[Event, ...]]]]] = deque()
    with ProcessPoolExecutor(max_workers=settings.workers) as pool:
        for batch in batches:
            if batch:
                window.append((batch, pool.submit(code_batch_events, batch, settings)))
            if len(window) >= 2 * settings.workers:
                yield _joined(*window.popleft())
        while window:
            yield _joined(*window.popleft())


def _joined(batch: list[Article], events: Future[list[tuple[Event, ...]]]) -> list[CodedArticle]:
    return [CodedArticle(a, e) for a, e in zip(batch, events.result(), strict=True)]

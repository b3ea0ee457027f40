"""The unit of work: a batch of articles in, their events out.

`code_batch` is a pure function of picklable values (articles and settings in, coded articles
out, no shared state), so the same call runs in this process, in a worker process, or on a
distributed engine's executors. The spaCy pipeline is loaded once per process on first use.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from foedus.articles import Article
from foedus.coding.coder import Coder
from foedus.config import Settings
from foedus.events import Event

__all__ = ["CodedArticle", "code_batch", "code_batch_events"]


@dataclass(frozen=True)
class CodedArticle:
    """An article and the events coded from it."""

    article: Article
    events: tuple[Event, ...]


@functools.cache
def _coder(settings: Settings) -> Coder:
    # One coder per process and settings: loading spaCy costs a second, coding a batch less.
    return Coder.load(settings)


def code_batch(articles: Sequence[Article], settings: Settings) -> list[CodedArticle]:
    """Code `articles` with the pipeline `settings` names; order is preserved."""
    coder = _coder(settings)
    return [CodedArticle(a, tuple(events)) for a, events in coder.code_articles(articles)]


def code_batch_events(articles: Sequence[Article], settings: Settings) -> list[tuple[Event, ...]]:
    """Like `code_batch`, but only the events, one tuple per article in order: what a worker
    sends back, since the caller still holds the articles (their text need not travel twice)."""
    return [c.events for c in code_batch(articles, settings)]

"""Date phrases and their resolution against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.coding.dates import find_dates, resolve

PUB = dt.date(2025, 6, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "date", "precision"),
    [
        ("The treaty was signed in January 2025.", "2025-01", "month"),
        ("Talks were held on 12 June 2025.", "2025-06-12", "day"),
        ("Talks were held on June 12, 2025.", "2025-06-12", "day"),
        ("Talks were held on Sept. 9, 2025.", "2025-09-09", "day"),
        ("Talks were held on June 12.", "2025-06-12", "day"),
        ("Talks were held on Tuesday.", "2025-06-24", "day"),
        ("Talks were held yesterday.", "2025-06-24", "day"),
        ("Talks were held last week.", "2025-06-18", "week"),
        ("Talks were held last month.", "2025-05", "month"),
        ("The pact has been in force since 2001.", "2001", "year"),
        ("Talks were held in November.", "2024-11", "month"),
    ],
)
def test_phrases_resolve_with_precision(sentence: str, date: str, precision: str) -> None:
    phrases = find_dates(sentence)
    assert len(phrases) == 1, phrases
    resolved = resolve(phrases[0], PUB)
    assert (resolved.date, resolved.precision) == (date, precision)
    assert resolved.text == phrases[0].text


def test_modal_may_is_not_a_month() -> None:
    assert find_dates("Israel may strike again, officials said.") == []


def test_relative_phrase_without_publication_date_stays_unknown() -> None:
    phrase = find_dates("Talks were held last week.")[0]
    assert resolve(phrase, None).date is None
    assert resolve(phrase, None).precision == "unknown"


def test_no_phrase_means_the_publication_day_or_nothing() -> None:
    assert resolve(None, PUB).date == "2025-06-25"
    assert resolve(None, None).precision == "unknown"

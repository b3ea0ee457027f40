"""Date phrases in sentences, resolved against the publication date with their precision.

A relative phrase ("last week", "on Tuesday") needs the publication date; without one it stays
unresolved (precision "unknown"), never "today". Precision is "day", "week", "month", "year"
or "unknown".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DatePhrase", "ResolvedDate", "find_dates", "resolve"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_RE = "|".join(_WEEKDAYS)

_PATTERNS = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    ("dmy", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})\b"),
    ("mdy", rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    ("md", rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)"),
    ("dm", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\b(?!\.?,?\s+\d{{4}})"),
    ("my", rf"\b(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})\b"),
    ("rel", r"\b(?P<rel>yesterday|today|tomorrow|tonight|last night"
            r"|(?:last|this|next|earlier this|later this)\s+(?:week|month|year|weekend))\b"),
    ("wd", rf"\b(?:on\s+|last\s+|this\s+|next\s+)?(?P<wd>{_DAY_RE})\b"),
    ("m", rf"\b(?:in|since|during|by|until|last|this|next)\s+(?P<mon>{_MONTH_RE})\b(?!\.?\s+\d)"),
    ("y", r"\b(?:in|since|during|by|until|of|from)\s+(?P<y>(?:19|20)\d{2})\b"),
]  # fmt: skip
_COMPILED = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in _PATTERNS]


@dataclass(frozen=True)
class DatePhrase:
    """A date expression found at characters [start, end) of a sentence."""

    start: int
    end: int
    text: str
    kind: str
    parts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ResolvedDate:
    """An ISO date (or None), how precise it is, and the words it came from."""

    date: str | None
    precision: str
    text: str | None


def find_dates(sentence: str) -> list[DatePhrase]:
    """Date phrases in `sentence`, longest first where they overlap, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[DatePhrase] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if m.groupdict().get("mon") and not m.group("mon")[0].isupper():
                # "may", "march" in lower case are verbs far more often than months
                continue
            parts = tuple((k, v) for k, v in m.groupdict().items() if v)
            taken.append((m.start(), m.end()))
            found.append(DatePhrase(m.start(), m.end(), m.group(0), name, parts))
    return sorted(found, key=lambda p: p.start)


def resolve(phrase: DatePhrase | None, published: dt.date | None) -> ResolvedDate:
    """Resolve a phrase against the publication date; no phrase means the publication day."""
    if phrase is None:
        if published is None:
            return ResolvedDate(None, "unknown", None)
        return ResolvedDate(published.isoformat(), "day", None)
    parts = dict(phrase.parts)
    try:
        date, precision = _absolute(parts, published) or _relative(parts, published)
    except (ValueError, TypeError):
        return ResolvedDate(None, "unknown", phrase.text)
    return ResolvedDate(date, precision, phrase.text)


def _absolute(parts: dict[str, str], published: dt.date | None) -> tuple[str | None, str] | None:
    month = _MONTHS.get(parts.get("mon", "").lower().rstrip("."))
    year = int(parts["y"]) if "y" in parts else None
    day = int(parts["d"]) if "d" in parts else None
    if year is None and month is None:
        return None
    if year is None:
        if published is None:
            return (None, "unknown")
        year = published.year
        # A month well after publication, without a year, is last year's ("in November",
        # written in March).
        if month and month > published.month + 1:
            year -= 1
    if month is None:
        return (f"{year:04d}", "year")
    if day is None:
        return (f"{year:04d}-{month:02d}", "month")
    return (dt.date(year, month, day).isoformat(), "day")


def _relative(parts: dict[str, str], published: dt.date | None) -> tuple[str | None, str]:
    if published is None:
        return (None, "unknown")
    if "wd" in parts:
        back = (published.weekday() - _WEEKDAYS[parts["wd"].lower()]) % 7 or 7
        return ((published - dt.timedelta(days=back)).isoformat(), "day")
    rel = " ".join(parts.get("rel", "").lower().split())
    offsets = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if rel in offsets:
        return ((published + dt.timedelta(days=offsets[rel])).isoformat(), "day")
    unit = rel.split()[-1] if rel else ""
    step = -1 if rel.startswith("last") else 1 if rel.startswith("next") else 0
    if unit in ("week", "weekend"):
        return ((published + dt.timedelta(weeks=step)).isoformat(), "week")
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + step
        return (f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month")
    if unit == "year":
        return (f"{published.year + step:04d}", "year")
    return (None, "unknown")

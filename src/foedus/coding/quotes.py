"""Quoted speech: where quotes are in an article, so that their words can be attributed."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quotes"]

_CURLY = re.compile(r"“[^”]*”?|«[^»]*»?")
_STRAIGHT = re.compile(r'"[^"\n]*"')


@dataclass(frozen=True)
class QuoteSpan:
    """Characters [start, end) of the article inside one quotation, marks included."""

    start: int
    end: int

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotation spans: curly or guillemet pairs (an unclosed one runs to the paragraph end)
    and straight double-quote pairs within a paragraph."""
    spans: list[QuoteSpan] = []
    for m in _CURLY.finditer(text):
        end = m.end()
        if not m.group(0).endswith(("”", "»")):
            newline = text.find("\n", m.start())
            end = len(text) if newline < 0 else newline
        spans.append(QuoteSpan(m.start(), end))
    for m in _STRAIGHT.finditer(text):
        if not any(s.start <= m.start() < s.end for s in spans):
            spans.append(QuoteSpan(m.start(), m.end()))
    return sorted(spans, key=lambda s: s.start)

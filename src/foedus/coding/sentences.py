"""Splitting an article into sentences with their character offsets, before any parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

__all__ = ["SentenceSpan", "split_sentences"]


@dataclass(frozen=True)
class SentenceSpan:
    """Sentence `index` of an article: characters [start, end), its text and paragraph."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    words: tuple[str, ...]


def split_sentences(text: str, segment: Callable[[str], Doc]) -> list[SentenceSpan]:
    """Sentences of `text`, paragraph by paragraph (a line break always ends a sentence).

    `segment` is a cheap tokenizer + rule-based sentence splitter: the dependency parser runs
    later, only on the sentences worth parsing.
    """
    out: list[SentenceSpan] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        if line.strip():
            doc = segment(line)
            for begin, end in _bounds(doc):
                chunk = line[begin:end]
                stripped = chunk.strip()
                if not stripped:
                    continue
                start = offset + begin + (len(chunk) - len(chunk.lstrip()))
                span = doc.char_span(begin, end, alignment_mode="expand")
                words = tuple(t.text for t in span or () if not t.is_space)
                out.append(SentenceSpan(len(out), start, start + len(stripped), stripped,
                                        paragraph, words))  # fmt: skip
        offset += len(line) + 1
    return out


def _bounds(doc: Doc) -> list[tuple[int, int]]:
    """Sentence character bounds; an opening quotation mark that the rule-based splitter left
    at the end of a sentence ('...journalist. “And under...') moves to the next one."""
    bounds = [[sent.start_char, sent.end_char] for sent in doc.sents]
    for k in range(len(bounds) - 1):
        text = doc.text[bounds[k][0] : bounds[k][1]].rstrip()
        if text.endswith(_OPENING) and len(text) > 1:
            cut = bounds[k][0] + len(text) - 1
            bounds[k][1], bounds[k + 1][0] = cut, cut
    return [(b, e) for b, e in bounds]


_OPENING = ("“", "«", "‘")

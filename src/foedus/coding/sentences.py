"""Splitting an article into sentences with their character offsets, before any parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.tokens import Doc

__all__ = ["SentenceSpan", "split_sentences"]

_OPENING = frozenset({"“", "«", "‘"})


@dataclass(frozen=True)
class SentenceSpan:
    """Sentence `index` of an article: characters [start, end), its text and paragraph."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    words: tuple[str, ...]
    """The sentence's tokens without whitespace tokens, for actor mentions."""
    tokens: tuple[tuple[str, bool], ...] = ()
    """Every token with whether a space follows: rebuilds the tokenized sentence for the
    parser without tokenizing it again."""


def split_sentences(text: str, segment: Callable[[str], Doc]) -> list[SentenceSpan]:
    """Sentences of `text`, paragraph by paragraph (a line break always ends a sentence).

    `segment` is a cheap tokenizer + rule-based sentence splitter: the dependency parser runs
    later, only on the sentences worth parsing.
    """
    out: list[SentenceSpan] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        if line.strip():
            for tokens, begin, end in _sentences(segment(line), line):
                chunk = line[begin:end]
                stripped = chunk.strip()
                start = offset + begin + (len(chunk) - len(chunk.lstrip()))
                words = tuple(w for w, _ in tokens if not w.isspace())
                out.append(SentenceSpan(len(out), start, start + len(stripped), stripped,
                                        paragraph, words, tuple(tokens)))  # fmt: skip
        offset += len(line) + 1
    return out


def _sentences(doc: Doc, text: str) -> list[tuple[list[tuple[str, bool]], int, int]]:
    """(tokens, start, end) of each sentence of `doc`, the segmented `text`, in one pass over
    the token array (`doc.sents` and `char_span` rescan the document for every sentence, and a
    `Token` object per token costs more than its text). An opening quotation mark that the
    rule-based splitter left at the end of a sentence moves to the next one. Whitespace
    tokens at a sentence's edges are dropped; the last token never carries a space."""
    groups: list[list[tuple[int, str, bool]]] = []
    # spaCy's tokenizer never alters the text, so each token is a slice of it
    for idx, length, space, start in doc.to_array([IDX, LENGTH, SPACY, SENT_START]).tolist():
        if start == 1 or not groups:
            groups.append([])
        groups[-1].append((idx, text[idx : idx + length], bool(space)))
    groups = [_trim(g) for g in groups]
    for k in range(len(groups) - 1):
        if len(groups[k]) > 1 and groups[k][-1][1] in _OPENING:
            groups[k + 1].insert(0, groups[k].pop())
    out = []
    for group in groups:
        group = _trim(group)
        if group:
            idx, text, _ = group[-1]
            tokens = [(t, space) for _, t, space in group[:-1]] + [(text, False)]
            out.append((tokens, group[0][0], idx + len(text)))
    return out


def _trim(group: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    start, end = 0, len(group)
    while start < end and group[start][1].isspace():
        start += 1
    while end > start and group[end - 1][1].isspace():
        end -= 1
    return group[start:end]

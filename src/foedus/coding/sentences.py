"""Splitting an article into sentences with their character offsets, before any parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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


def split_sentences(text: str, segment: Callable[[str], Doc]) -> list[SentenceSpan]:
    """Sentences of `text`, paragraph by paragraph (a line break always ends a sentence).

    `segment` is a cheap tokenizer + rule-based sentence splitter: the dependency parser runs
    later, only on the sentences worth parsing.
    """
    out: list[SentenceSpan] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        if line.strip():
            for words, begin, end in _sentences(segment(line)):
                chunk = line[begin:end]
                stripped = chunk.strip()
                start = offset + begin + (len(chunk) - len(chunk.lstrip()))
                out.append(SentenceSpan(len(out), start, start + len(stripped), stripped,
                                        paragraph, tuple(words)))  # fmt: skip
        offset += len(line) + 1
    return out


def _sentences(doc: Doc) -> list[tuple[list[str], int, int]]:
    """(words, start, end) of each sentence, in one pass over the tokens (`doc.sents` and
    `char_span` rescan the document for every sentence). An opening quotation mark that the
    rule-based splitter left at the end of a sentence moves to the next one."""
    groups: list[list[tuple[int, str]]] = []
    for tok in doc:
        if tok.is_sent_start or not groups:
            groups.append([])
        if not tok.is_space:
            groups[-1].append((tok.idx, tok.text))
    for k in range(len(groups) - 1):
        if len(groups[k]) > 1 and groups[k][-1][1] in _OPENING:
            groups[k + 1].insert(0, groups[k].pop())
    out = []
    for group in groups:
        if group:
            last_idx, last_text = group[-1]
            out.append(([w for _, w in group], group[0][0], last_idx + len(last_text)))
    return out

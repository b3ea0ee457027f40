"""Sentence splitting with offsets, and quotation spans."""

from __future__ import annotations

import pytest

from foedus.coding.quotes import find_quotes
from foedus.coding.sentences import split_sentences


@pytest.fixture(scope="module")
def segment():  # type: ignore[no-untyped-def]
    import spacy
    from spacy.pipeline import Sentencizer

    nlp = spacy.blank("en")
    sentencizer = Sentencizer()
    return lambda text: sentencizer(nlp.make_doc(text))


def test_offsets_point_into_the_text(segment) -> None:  # type: ignore[no-untyped-def]
    text = "Headline here\nFirst sentence. Second one!  \n\nThird, after a blank line?"
    spans = split_sentences(text, segment)
    assert [s.text for s in spans] == [
        "Headline here",
        "First sentence.",
        "Second one!",
        "Third, after a blank line?",
    ]
    for s in spans:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in spans] == [0, 1, 1, 3]


def test_opening_quote_moves_to_the_next_sentence(segment) -> None:  # type: ignore[no-untyped-def]
    text = "He spoke to reporters. “We will act,” he said."
    spans = split_sentences(text, segment)
    assert spans[0].text == "He spoke to reporters."
    assert spans[1].text.startswith("“We will act")


def test_quote_spans_curly_straight_and_unclosed() -> None:
    text = 'A “first quote,” B "second" C\n“open to the end\nnext'
    spans = find_quotes(text)
    assert [text[s.start : s.end] for s in spans] == [
        "“first quote,”",
        '"second"',
        "“open to the end",
    ]
    assert spans[0].contains(text.index("first"))
    assert not spans[0].contains(text.index("B"))


def test_tokens_are_the_tokenizer_s(segment) -> None:  # type: ignore[no-untyped-def]
    # tokens are read as slices of the text: they must be exactly spaCy's token texts
    text = "Don't stop — it's 5:30pm at http://x.com/a?b=c :)  U.S. aid, £5bn.\tNext  one."
    spans = split_sentences(text, segment)
    expected = [t.text for t in segment(text) if not t.is_space]
    assert [w for s in spans for w in s.words] == expected
    for s in spans:
        rebuilt = "".join(w + (" " if space else "") for w, space in s.tokens)
        assert rebuilt.split() == s.text.split()

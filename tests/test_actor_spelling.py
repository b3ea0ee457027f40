"""Tests for foedus.actors.spelling: one-edit matching of misspelled state names."""

from __future__ import annotations

import pytest

from foedus.actors.spelling import Misspellings, one_edit

FORMS = {
    "afghanistan": "AFG",
    "ethiopia": "ETH",
    "philippines": "PHL",
    "britain": "GBR",
    "iceland": "ISL",
    "ireland": "IRL",
    "nigerian": "NGA",
    "nigerien": "NER",
    "colombia": "COL",
}


@pytest.fixture(scope="module")
def spelling() -> Misspellings:
    return Misspellings(FORMS, lookalikes={"columbia"})


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("afganistan", "afghanistan"),  # a letter dropped
        ("ethopia", "ethiopia"),
        ("phillippines", "philippines"),  # a letter added
        ("britian", "britain"),  # neighbours swapped
        ("ethiapia", "ethiopia"),  # a letter replaced
    ],
)
def test_one_edit_inside_the_word_is_corrected(
    spelling: Misspellings, word: str, form: str
) -> None:
    assert spelling.correct(word) == form


@pytest.mark.parametrize(
    "word",
    [
        "ethiopia",  # itself a form
        "ethopiaa",  # an edit at the last letter
        "kthiopia",  # an edit at the first letter
        "etiopai",  # two edits
        "nigerin",  # one edit from "nigerian" and from "nigerien": ambiguous
        "columbia",  # a known lookalike: the university, not Colombia
        "icelnd",  # too short
    ],
)
def test_other_words_are_left_alone(spelling: Misspellings, word: str) -> None:
    assert spelling.correct(word) is None


def test_one_edit_counts_a_swap_as_one_edit() -> None:
    assert one_edit("britian", "britain")
    assert not one_edit("brtiian", "britain")
    assert not one_edit("britain", "britain")


def test_short_and_non_alphabetic_forms_are_not_indexed() -> None:
    assert len(Misspellings({"iran": "IRN", "guinea-bissau": "GNB", "pakistan": "PAK"})) == 1

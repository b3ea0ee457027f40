"""The compiled attribute rules and the remembered lemmas give the same tokens as spaCy's
attribute ruler and lemmatizer."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.coding.attributes import AttributeRules, Lemmas

SENTENCES = [
    "Russia's president said Iran had not asked for help.",
    "“We are ready to mediate,” he told reporters in Moscow.",
    "It ain't over, y'all, let's see what they're gonna do.",
    "The talks , which began  on Monday, were described as constructive.",
    "There is no obligation to intervene unless requested.",
    "Did the ministers meet? They did, and they agreed.",
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    import spacy

    from foedus.config import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL, exclude=["ner", "senter"])


def _attrs(doc):  # type: ignore[no-untyped-def]
    # str(morph), not its key: spaCy gives a space token the key of "_", foedus the empty
    # analysis (0); both read as no features
    return [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, str(t.morph), t.lemma_) for t in doc]


def _compare(nlp, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    rules = AttributeRules(nlp.get_pipe("attribute_ruler").patterns)
    lemmas = Lemmas(nlp.get_pipe("lemmatizer"))
    expected = [_attrs(d) for d in nlp.pipe(texts)]
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        # twice: the second pass answers from what the first remembered
        for _ in range(2):
            got = [_attrs(lemmas(rules(d))) for d in nlp.pipe(texts)]
            assert got == expected


def test_the_model_rules_are_supported(nlp) -> None:  # type: ignore[no-untyped-def]
    assert AttributeRules.supports(nlp.get_pipe("attribute_ruler").patterns)
    assert not AttributeRules.supports([{"patterns": [[{"SHAPE": "Xxx"}]], "attrs": {}}])
    assert not AttributeRules.supports([{"patterns": [[{"TAG": "NN"}]], "attrs": {"NORM": "x"}}])
    assert Lemmas.supports(nlp.get_pipe("lemmatizer"))


def test_empty_and_whitespace_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    _compare(nlp, ["", " ", "Talks  resumed .\n\nThey  agreed."])


def test_a_rule_set_lemma_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    # "gonna": the ruler sets the lemmas of "gon" and "na"; the lemmatizer must not replace them
    _compare(nlp, ["They are gonna talk.", "I'm gonna go, gotta go, let's go."])


def test_same_tokens_as_the_attribute_ruler(nlp) -> None:  # type: ignore[no-untyped-def]
    _compare(nlp, SENTENCES)


def test_same_tokens_on_real_news(nlp, shared: Path) -> None:  # type: ignore[no-untyped-def]
    files = sorted((shared / "corpora" / "bbc-news").glob("*/*.txt"))[::40]
    texts = [line for f in files for line in f.read_text(errors="replace").splitlines() if line]
    assert len(texts) > 200
    _compare(nlp, texts)

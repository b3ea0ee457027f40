"""The lexicon loader: the shipped files load; bad files are rejected with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import DataFileError
from foedus.lexicon import load_lexicon

NAMES = ("verbs.toml", "nouns.toml", "objects.toml", "intent.toml", "discards.toml", "cues.toml")


def test_shipped_lexicon_loads() -> None:
    lex = load_lexicon()
    assert lex.version
    assert "attack" in lex.verbs and lex.objects
    assert lex.intent_code("045") == "039"
    assert "attacked" in lex.surface and "sought" in lex.surface


@pytest.fixture()
def lexdir(tmp_path: Path) -> Path:
    shipped = Path(__file__).resolve().parents[1] / "src" / "foedus" / "data" / "lexicon"
    for name in NAMES:
        (tmp_path / name).write_text((shipped / name).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_a_user_lexicon_folder_replaces_the_shipped_one(lexdir: Path) -> None:
    (lexdir / "verbs.toml").write_text(
        'version = "mine"\n[[verb]]\nlemmas = ["zap"]\ncode = "190"\n', encoding="utf-8"
    )
    lex = load_lexicon(lexdir)
    assert lex.version == "mine" and list(lex.verbs) == ["zap"]


@pytest.mark.parametrize(
    ("file", "content", "message"),
    [
        ("verbs.toml", '[[verb]]\nlemmas = ["zap"]\ncode = "999"\n', "unknown CAMEO code '999'"),
        ("verbs.toml", '[[verb]]\nlemmas = ["zap"]\ncode = "190"\nobject = "NOPE"\n', "NOPE"),
        ("verbs.toml", "[[verb]\n", "not valid TOML"),
        ("verbs.toml", '[[verb]]\ncode = "190"\n', "lacks 'lemmas'"),
        ("objects.toml", '[[class]]\nname = "X"\nphrases = ["a"]\ncodes = {"02" = "77"}\n', "77"),
        ("intent.toml", '[remap]\n"045" = "0399"\n', "0399"),
        ("cues.toml", "speech_verbs = []\n", "missing cue lists"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(
    lexdir: Path, file: str, content: str, message: str
) -> None:
    (lexdir / file).write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_lexicon(lexdir)
    assert message in str(info.value)
    assert file in str(info.value)


# --------------------------------------------------------------------------- the prefilter


def test_word_forms_cover_irregular_verbs_and_plurals() -> None:
    from foedus.lexicon import word_forms

    assert {"met", "meets", "meeting"} <= word_forms("meet")
    assert {"struck", "stricken", "striking"} <= word_forms("strike")
    assert {"women", "children", "crises", "knives"} <= (
        word_forms("woman") | word_forms("child") | word_forms("crisis") | word_forms("knife")
    )


def test_a_form_that_needs_its_class_word_waits_for_it() -> None:
    lex = load_lexicon()
    # the noun "in" codes only as a sit-in: a bare "in" lets nothing through
    assert "in" in lex.surface and "in" in lex.gates
    plain = ["ministers", "were", "in", "paris"]
    assert not lex.surface & (set(plain) - {"in"}), "the rest of the sentence must not code"
    assert not lex.lets_through(plain)
    assert lex.lets_through(["workers", "staged", "a", "sit", "-", "in"])


def test_speech_verbs_pass_with_a_modal_of_obligation() -> None:
    lex = load_lexicon()
    said = ["the", "minister", "says", "the", "neighbour", "is", "cold"]
    assert not lex.surface & (set(said) - {"says"}), "only the speech verb may be a form"
    assert not lex.lets_through(said)
    for modal in ("must", "should", "needs"):
        assert lex.lets_through([*said[:4], "neighbour", modal, "pay", "up"]), modal
    assert lex.lets_through(["the", "church", "wanted", "people", "to", "reflect"])


def test_every_gated_form_has_a_satisfiable_condition() -> None:
    lex = load_lexicon()
    for form, needs in lex.gates.items():
        assert needs and all(cond and all(cond) for cond in needs), form
        assert form in lex.surface


def test_the_prefilter_keeps_what_the_parse_would_code(coder) -> None:  # type: ignore[no-untyped-def]
    """Sentences the gates must let through, coded with the prefilter on (the default) and
    off: the same events."""
    from dataclasses import replace

    from foedus.coding import Coder

    unfiltered = Coder(coder.nlp, coder.segment, coder.lexicon,
                       replace(coder.settings, prefilter=False))  # fmt: skip
    texts = [
        "Opposition supporters staged a sit-in outside the Kenyan parliament.",
        "Russia says Sudan must give back the helicopter.",
        "Mr Putin met Mr Erdogan in Sochi on Friday.",
        "Turkish police shot two protesters in Ankara.",
        "The French government wants Iran to release the detained aid workers.",
    ]
    for text in texts:
        on = [(e.source.code, e.target and e.target.code, e.cameo) for e in coder.code_text(text)]
        off = [(e.source.code, e.target and e.target.code, e.cameo)
               for e in unfiltered.code_text(text)]  # fmt: skip
        assert on == off and on, text

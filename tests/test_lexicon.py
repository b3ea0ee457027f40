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

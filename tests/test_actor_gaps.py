"""Role words news uses for groups whose state the sentence gives ("Panamanian army officers")."""

from __future__ import annotations

import pytest

from foedus.actors.mentions import MentionFinder
from foedus.actors.tables import load_actor_tables


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Venezuelan army officers", "VENMIL"),
        ("Syrian helicopters", "SYRMIL"),
        ("Kenyan peacekeepers", "KENMIL"),
        ("Egyptian advisers", "EGYGOV"),
        ("Somali traditional elders", "SOMCVL"),
        ("US border patrol agents", "USACOP"),
        ("Russian hackers", "RUSCRM"),
    ],
)
def test_state_word_and_role_noun_make_one_actor(text: str, code: str) -> None:
    mentions = MentionFinder(load_actor_tables()).find(text.split())
    assert [m.code for m in mentions] == [code]


def test_a_clerical_title_alone_names_no_state() -> None:
    mentions = MentionFinder(load_actor_tables()).find(["Archbishop", "Lwanga", "spoke"])
    assert [(m.kind, m.code, m.sectors) for m in mentions] == [("agent", None, ("REL",))]

"""Role words news uses for groups whose state the sentence gives ("Panamanian army officers")."""

from __future__ import annotations

import datetime as dt

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


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder(load_actor_tables())


def _codes(finder: MentionFinder, text: str, day: dt.date | None) -> list[tuple[str, str | None]]:
    words = text.replace(",", " ,").replace(".", " .").split()
    return [(m.text, m.country) for m in finder.find(words, day) if m.country]


@pytest.mark.parametrize(
    ("text", "day", "found"),
    [
        # while the other Congo was Zaire, "Congolese" was Brazzaville's
        ("Congolese troops crossed the river.", dt.date(1987, 4, 2), [("Congolese troops", "COG")]),
        ("Congolese troops crossed the river.", dt.date(2024, 4, 2), [("Congolese troops", "COD")]),
        ("Congolese troops crossed the river.", None, [("Congolese troops", "COD")]),
        ("Zaire accused Congo of sheltering rebels.", dt.date(1993, 1, 5),
         [("Zaire", "COD"), ("Congo", "COG")]),
        # Juba and the south's towns were Sudan's until the south became a state
        ("Rebels shelled Juba and Malakal.", dt.date(2004, 8, 1),
         [("Juba", "SDN"), ("Malakal", "SDN")]),
        ("Rebels shelled Juba and Malakal.", dt.date(2016, 8, 1),
         [("Juba", "SSD"), ("Malakal", "SSD")]),
        ("South Sudanese rebels seized a garrison.", dt.date(1996, 2, 1),
         [("South Sudanese rebels", "SDN")]),
        ("Kosovar Albanians marched in protest.", dt.date(1998, 3, 9),
         [("Kosovar Albanians", "SRB")]),
        ("Eritrean guerrillas ambushed a convoy.", dt.date(1988, 3, 9),
         [("Eritrean guerrillas", "ETH")]),
        # a seat of government that moved is a city afterwards
        ("Bonn protested to Moscow.", dt.date(1984, 6, 1), [("Bonn", "DEU"), ("Moscow", "RUS")]),
        ("Delegates met in Bonn.", dt.date(2017, 11, 6), [("Bonn", "DEU")]),
        ("Salisbury rejected the plan.", dt.date(1976, 9, 24), [("Salisbury", "ZWE")]),
        ("Police in Salisbury made an arrest.", None, [("Salisbury", "GBR")]),
    ],
)  # fmt: skip
def test_names_mean_the_state_of_their_date(
    finder: MentionFinder, text: str, day: dt.date | None, found: list[tuple[str, str]]
) -> None:
    assert _codes(finder, text, day) == found


@pytest.mark.parametrize(
    ("text", "day", "kind"),
    [
        ("Bonn protested to Moscow.", dt.date(1984, 6, 1), "capital"),
        ("Bonn protested to Moscow.", None, "capital"),  # undated, a seat is old news
        ("Bonn hosted the climate talks.", dt.date(2017, 11, 6), "place"),
        ("Rangoon radio said the army had taken the town.", dt.date(1988, 9, 20), "capital"),
        ("Rangoon flooded after the storm.", dt.date(2008, 5, 4), "place"),
        ("Saigon announced a curfew.", dt.date(1968, 2, 1), "capital"),
        ("Saigon traffic came to a halt.", dt.date(2019, 2, 1), "place"),
        ("Lagos ordered the expulsions.", dt.date(1983, 1, 18), "capital"),
        ("Lagos traffic came to a halt.", dt.date(2023, 1, 18), "place"),
    ],
)
def test_a_former_capital_speaks_for_the_government_only_until_the_move(
    finder: MentionFinder, text: str, day: dt.date | None, kind: str
) -> None:
    assert finder.find(text.replace(".", " .").split(), day)[0].kind == kind


def _sources(coder, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.source.code for e in coder.code_text(text, date=dt.date(2025, 6, 25))]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Guerrillas operating in Macedonia handed over their weapons.", "MKDREB"),
        ("Rebels active in eastern Congo attacked a village on Sunday.", "CODREB"),
        ("A militant group based in Trinidad attacked the parliament.", "TTOREB"),
        ("A militia headquartered in Libya fired on Egyptian troops.", "LBYREB"),
    ],
)
def test_a_group_is_of_the_state_it_is_based_or_operates_in(  # type: ignore[no-untyped-def]
    coder, text: str, source: str
) -> None:
    assert _sources(coder, text)[:1] == [source]


@pytest.mark.slow
def test_forces_based_abroad_keep_their_own_state(coder) -> None:  # type: ignore[no-untyped-def]
    assert _sources(coder, "American troops based in Germany held an exercise.") == ["USAMIL"]

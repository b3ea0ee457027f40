"""Role words news uses for groups whose state the sentence gives ("Panamanian army officers")."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.actors.mentions import MentionFinder
from foedus.actors.tables import _parse_holders, load_actor_tables
from foedus.errors import DataFileError


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
    # one titled person, whose state the sentence gives
    assert [(m.kind, m.code, m.sectors, m.text) for m in mentions] == [
        ("title", None, ("REL",), "Archbishop Lwanga")
    ]


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


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a body the tables do not know, by the word its name ends or begins with
        ("The Joint Monitoring Committee said the truce held.",
         [("Joint Monitoring Committee", None, ("NGO",))]),
        ("Members of the Association of Kenyan Lawyers walked out.",
         [("Association of Kenyan Lawyers", "KEN", ("NGO",))]),
        ("The Zambian Union of Nurses called a strike.",
         [("Zambian Union of Nurses", "ZMB", ("NGO",))]),
        ("The Green Party demanded a recount.", [("Green Party", None, ("PTY",))]),
        ("The Green Party on Monday demanded a recount.", [("Green Party", None, ("PTY",))]),
        ("The Movement for Democratic Renewal rejected the plan.",
         [("Movement for Democratic Renewal", None, ("OPP",))]),
        # a sector word before the body word gives its sector
        ("The Police Officers Association threatened a walkout.",
         [("Police Officers Association", None, ("COP",))]),
    ],
)  # fmt: skip
def test_unknown_named_bodies_are_role_words(
    finder: MentionFinder, text: str, found: list[tuple[str, str | None, tuple[str, ...]]]
) -> None:
    words = text.replace(",", " ,").replace(".", " .").split()
    got = [(m.text, m.country, m.sectors) for m in finder.find(words) if m.kind == "agent"]
    assert got == found


@pytest.mark.parametrize(
    "text",
    [
        "The Football Association fined the club.",
        "The Union said it would appeal.",
        "The International Judo Federation banned him.",
        "The League Managers Association backed the coach.",
        "His party won the vote.",
        "Shoppers packed the Trafford Centre.",
    ],
)
def test_sport_bodies_and_bare_body_words_are_no_actors(finder: MentionFinder, text: str) -> None:
    words = text.replace(".", " .").split()
    assert [m.text for m in finder.find(words) if m.kind == "agent"] == []


def test_known_organizations_keep_their_codes(finder: MentionFinder) -> None:
    words = ["The", "Arab", "League", "and", "Human", "Rights", "Watch", "spoke", "."]
    assert [m.code for m in finder.find(words)] == ["ARABLEAGUE", "HRW"]


@pytest.mark.parametrize(
    ("text", "code", "country"),
    [
        ("The Homeland Union called for a referendum.", "HOMELANDUNION", "LTU"),
        ("GERB walked out of the coalition talks.", "GERB", "BGR"),
        ("Fine Gael rejected the budget.", "FINEGAEL", "IRL"),
        ("The Islamic Action Front boycotted the vote.", "JORIAF", "JOR"),
        ("Adalah petitioned the supreme court.", "ADALAH", "ISR"),
        ("The Moscow Helsinki Group was ordered to close.", "MHG", "RUS"),
        ("The Inter-Parliamentary Union sent observers.", "IPU", None),
        ("Front Line Defenders condemned the arrests.", "FRONTLINE", None),
    ],
)
def test_parties_and_rights_bodies_news_names_alone(
    finder: MentionFinder, text: str, code: str, country: str | None
) -> None:
    words = text.replace("-", " - ").replace(".", " .").split()
    assert [(m.code, m.country) for m in finder.find(words) if m.is_actor][:1] == [(code, country)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Umma party said it would boycott the vote.", "Umma party"),
        ("The Umma ( Nation ) party said it would boycott the vote.", "Umma ( Nation ) party"),
    ],
)
def test_a_proper_name_before_party_is_a_party(finder: MentionFinder, text: str, name: str) -> None:
    agents = [(m.text, m.sectors) for m in finder.find(text.split()) if m.kind == "agent"]
    assert agents == [(name, ("PTY",))]


def test_a_christmas_party_is_no_party(finder: MentionFinder) -> None:
    words = ["The", "Christmas", "party", "was", "cancelled", "."]
    assert [m for m in finder.find(words) if m.kind == "agent"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Archbishop Okonkwo condemned the Nigerian government's crackdown.", "NGAREL"),
        ("Cardinal Moreno urged Venezuelans to vote.", "VENREL"),
        ("Sheikh Karimov called on Uzbek authorities to free the detainees.", "UZBREL"),
        ("Archbishop Okonkwo condemned the violence.", "---REL"),  # no state named
    ],
)
def test_a_named_cleric_takes_the_state_the_sentence_names(  # type: ignore[no-untyped-def]
    coder, text: str, source: str
) -> None:
    assert _sources(coder, text)[:1] == [source]


@pytest.mark.parametrize(
    ("text", "day", "entity"),
    [
        ("Pope Francis called for a ceasefire .", None, "francis"),
        ("The pope called for a ceasefire .", dt.date(2003, 4, 1), "john-paul-ii"),
        ("The pontiff met the president .", dt.date(2025, 6, 1), "leo-xiv"),
    ],
)
def test_the_pope_is_the_holy_see_by_date(
    finder: MentionFinder, text: str, day: dt.date | None, entity: str
) -> None:
    first = finder.find(text.split(), day)[0]
    assert (first.code, first.entity) == ("VATGOV", entity)


@pytest.mark.parametrize(
    ("text", "day", "code"),
    [
        # public figures outside government, of their own state in the role they held
        ("Archbishop Desmond Tutu called for sanctions against Nigeria .", None, "ZAFREL"),
        ("Grand Ayatollah Ali al - Sistani urged calm .", dt.date(2014, 6, 13), "IRQREL"),
        ("The Archbishop of Canterbury criticised the bill .", dt.date(2016, 1, 1), "GBRREL"),
        ("Suu Kyi called for dialogue with the junta .", dt.date(1996, 5, 1), "MMROPP"),
        ("Suu Kyi defended the army at The Hague .", dt.date(2019, 12, 11), "MMRGOV"),
        ("Walesa called a strike .", dt.date(1988, 5, 2), "POLLAB"),
        ("Navalny urged Russians to protest .", dt.date(2021, 1, 18), "RUSOPP"),
    ],
)
def test_figures_outside_government_keep_their_sector(
    finder: MentionFinder, text: str, day: dt.date | None, code: str
) -> None:
    assert finder.find(text.split(), day)[0].code == code


def test_a_holder_sector_must_be_a_cameo_sector() -> None:
    holder = (
        '[[holder]]\nid = "x"\nactor = "RUS"\nrole = "other"\ntitles = ["patriarch"]\n'
        'name = "X"\nstart = 2009-02-01\nsectors = ["CHURCH"]\n'
    )
    with pytest.raises(DataFileError, match=r"'sectors' has 'CHURCH'"):
        _parse_holders(holder, "leaders/RUS.toml", frozenset({"RUS"}))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Chenchen refugees began a hunger strike .", "RUSREF"),
        ("Kurdsih fighters took the town .", None),  # a people of several states: placed later
        ("Palestinan militants fired rockets .", "PSEREB"),
    ],
)
def test_misspelled_peoples_are_recognized(
    finder: MentionFinder, text: str, code: str | None
) -> None:
    first = finder.find(text.split())[0]
    assert (first.kind, first.code) == ("agent", code)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tripoli rejected the proposal .", [("capital", "LBY")]),
        ("Clashes in Tripoli spread across the north Lebanese city .",
         [("place", "LBN"), ("adjective", "LBN")]),
        ("Libyan forces entered Tripoli .", [("agent", "LBY"), ("capital", "LBY")]),
    ],
)  # fmt: skip
def test_a_capital_named_like_a_city_abroad_is_that_city_beside_its_state(
    finder: MentionFinder, text: str, found: list[tuple[str, str]]
) -> None:
    assert [(m.kind, m.country) for m in finder.find(text.split())] == found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Gunmen loyal to a Somali warlord attacked a convoy in Kenya.", "SOMUAF"),
        ("Fighters loyal to the Yemeni president ambushed a Saudi patrol.", "YEMREB"),
    ],
)
def test_a_group_loyal_to_someone_is_of_their_state(  # type: ignore[no-untyped-def]
    coder, text: str, source: str
) -> None:
    assert _sources(coder, text)[:1] == [source]

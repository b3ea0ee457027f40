"""Mentions the finder recovers beyond exact table forms: misspelled state names and ethnic or
religious communities. Token lists written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.actors import MentionFinder, load_actor_tables


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder(load_actor_tables())


def found(finder: MentionFinder, text: str) -> list[tuple[str, str | None, str]]:
    words = text.replace("'s", " 's").replace(",", " ,").replace(".", " .").split()
    return [(m.kind, m.code, m.text) for m in finder.find(words)]


# ------------------------------------------------------------------------ misspelled states


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ethopia reopened its border", ("country", "ETH", "Ethopia")),
        ("talks with Afganistan resumed", ("country", "AFG", "Afganistan")),
        ("the Phillippines military said", ("country", "PHLMIL", "Phillippines military")),
        ("Britian and France agreed", ("country", "GBR", "Britian")),
        ("Ethiopain troops crossed the border", ("agent", "ETHMIL", "Ethiopain troops")),
    ],
)
def test_a_misspelled_state_is_found(
    finder: MentionFinder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(finder, text)


@pytest.mark.parametrize(
    "text",
    [
        "ethopia reopened its border",  # not capitalized
        "Columbia University said",  # a lookalike, not Colombia
        "Indiana Jones returned",  # part of a longer name
        "Mr Ethopia said",  # a person
        "the Barbarians coach said",  # a rugby club, not Barbadians
        "Ethiopiaa reopened its border",  # the last letter changed
    ],
)
def test_words_near_a_state_name_are_left_alone(finder: MentionFinder, text: str) -> None:
    assert not [m for m in found(finder, text) if m[1]]


def test_exact_forms_still_win_over_tolerance(finder: MentionFinder) -> None:
    # "Nigerien" is Niger's adjective, one letter from Nigeria's
    assert found(finder, "a Nigerien official said") == [("agent", "NERGOV", "Nigerien official")]


# ------------------------------------------------------------------------------ communities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tamils protested", ("agent", "LKAETH", "Tamils")),
        ("Tamil rebels attacked", ("agent", "LKAREB", "Tamil rebels")),
        ("ethnic Karen villagers fled", ("agent", "MMRCVL", "ethnic Karen villagers")),
        ("Yoruba leaders demanded", ("agent", "NGAETH", "Yoruba leaders")),
        ("Uyghurs were detained", ("agent", "CHNETH", "Uyghurs")),
        ("Iraqi Kurds voted", ("agent", "IRQETH", "Iraqi Kurds")),
        ("Turkish Kurd refugees returned", ("agent", "TURREF", "Turkish Kurd refugees")),
        ("Copts prayed", ("agent", "EGYREL", "Copts")),
    ],
)
def test_a_community_is_a_sector_of_its_state(
    finder: MentionFinder, text: str, expected: tuple[str, str, str]
) -> None:
    assert found(finder, text) == [expected]


def test_a_community_named_with_another_state_is_left_to_the_sentence(
    finder: MentionFinder,
) -> None:
    assert found(finder, "Tamils in India protested") == [
        ("agent", None, "Tamils"),
        ("country", "IND", "India"),
    ]


@pytest.mark.parametrize("text", ["Kurds protested", "Hutu militias attacked", "Muslims prayed"])
def test_a_community_of_several_states_has_no_state_of_its_own(
    finder: MentionFinder, text: str
) -> None:
    (mention,) = finder.find(text.split())
    assert (mention.kind, mention.code, mention.country) == ("agent", None, None)


@pytest.mark.parametrize("text", ["Karen Smith said", "a Tamil film won", "the Basque chef said"])
def test_a_community_adjective_alone_is_no_actor(finder: MentionFinder, text: str) -> None:
    assert found(finder, text) == []


def test_a_title_after_a_community_stays_a_title(finder: MentionFinder) -> None:
    # an office, resolved as "the leader" is, not the community's ETH sector
    assert [kind for kind, _, _ in found(finder, "the Chechen leader said")] == ["title"]


def test_ethnic_and_a_sector_word_are_one_placed_role(finder: MentionFinder) -> None:
    (mention,) = finder.find(["ethnic", "Albanian", "guerrillas", "attacked"])
    assert (mention.text, mention.code, mention.sectors) == (
        "ethnic Albanian guerrillas",
        None,
        ("REB",),
    )


# ------------------------------------------------------------------ misspelled officeholders


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("President Francois Mitterand said", "francois-mitterrand"),
        ("Chancellor Gerhard Schroeder said", "gerhard-schroder"),
    ],
)
def test_a_full_name_with_a_misspelled_surname_is_the_officeholder(
    finder: MentionFinder, text: str, entity: str
) -> None:
    assert [m.entity for m in finder.find(text.split()) if m.entity] == [entity]


@pytest.mark.parametrize("text", ["Mr Mitterand said", "Danielle Mitterand said"])
def test_a_misspelled_surname_needs_the_exact_first_name(finder: MentionFinder, text: str) -> None:
    assert [m.entity for m in finder.find(text.split()) if m.entity] == []


# ------------------------------------------------------------------ minorities of a state


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bosnian Serbs shelled the town", ("agent", "BIHETH", "Bosnian Serbs")),
        ("Kosovo Serbs protested", ("agent", "XKXETH", "Kosovo Serbs")),
        ("Bosnian Serb forces attacked", ("agent", "BIHMIL", "Bosnian Serb forces")),
        ("Croatian Serb refugees fled", ("agent", "HRVREF", "Croatian Serb refugees")),
        # Cypriots are citizens of any origin: Cyprus's, as before
        ("Turkish Cypriots voted", ("country", "CYP", "Turkish Cypriots")),
    ],
)
def test_a_minority_named_by_another_states_word_is_its_host_states(
    finder: MentionFinder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(finder, text)


def test_two_states_adjectives_before_a_noun_are_no_minority(finder: MentionFinder) -> None:
    assert [code for _, code, _ in found(finder, "the Albanian Serbian border")] == ["SRB"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Afghan guerillas attacked", ("agent", "AFGREB", "Afghan guerillas")),  # wire spelling
        ("Bosnian Moslems fled", ("agent", "BIHCVLREL", "Bosnian Moslems")),
    ],
)
def test_variant_spellings_of_role_words(
    finder: MentionFinder, text: str, expected: tuple[str, str, str]
) -> None:
    assert found(finder, text) == [expected]


# ------------------------------------------------------------ governments named for a leader


def resolved(
    finder: MentionFinder, text: str, on: dt.date | None
) -> list[tuple[str | None, str | None]]:
    words = text.replace("'s", " 's").replace(",", " ,").replace(".", " .").split()
    return [(m.code, m.entity) for m in finder.find(words, on) if m.code]


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        # two Presidents Bush: the date tells them apart
        ("The Bush administration said", dt.date(2003, 5, 1), ("USAGOV", "george-w-bush")),
        ("The Bush administration said", dt.date(1991, 2, 1), ("USAGOV", "george-h-w-bush")),
        # both were presidents of one state: its government, not a guessed person
        ("The Bush administration said", None, ("USAGOV", None)),
        ("The Reagan administration said", None, ("USAGOV", "ronald-reagan")),
        # a retrospective: out of office on the date, still the government he headed
        ("The Clinton administration said", dt.date(2003, 5, 1), ("USAGOV", "bill-clinton")),
        # the president's, not the secretary of state's of that name in office on the date
        ("The Clinton administration said", dt.date(2010, 5, 1), ("USAGOV", "bill-clinton")),
        ("The Assad regime said", dt.date(2025, 6, 1), ("SYRGOV", "bashar-al-assad")),
        ("the May government said", dt.date(2018, 5, 1), ("GBRGOV", "theresa-may")),
        ("Bush administration officials said", dt.date(2003, 5, 1), ("USAGOV", "george-w-bush")),
        (
            "senior Bush administration officials said",
            dt.date(2003, 5, 1),
            ("USAGOV", "george-w-bush"),
        ),
    ],
)
def test_a_government_named_for_its_leader_is_that_states(
    finder: MentionFinder, text: str, on: dt.date | None, expected: tuple[str, str | None]
) -> None:
    assert resolved(finder, text, on) == [expected]


@pytest.mark.parametrize(
    ("text", "on"),
    [
        ("The Smith government said", None),  # leaders of Zimbabwe and the Bahamas
        ("In May government troops said", dt.date(2018, 5, 1)),  # a month, not Theresa May
        ("May government figures showed", dt.date(2018, 5, 1)),
        ("Mr Bush said", dt.date(2003, 5, 1)),  # only before a word for the government
    ],
)
def test_a_leaders_surname_alone_or_shared_names_no_government(
    finder: MentionFinder, text: str, on: dt.date | None
) -> None:
    assert resolved(finder, text, on) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Albanians of southern Serbia demanded", ("agent", "SRBETH", "Albanians")),
        ("the Serbs of Bosnia rejected", ("agent", "BIHETH", "Serbs")),
        # the state's own people, and "of" that names no place, stay the state
        ("the Albanians of Albania voted", ("country", "ALB", "Albanians")),
        ("the Albanians of the opposition said", ("country", "ALB", "Albanians")),
        # only states whose plurals name minorities abroad
        ("the Italians of Argentina voted", ("country", "ITA", "Italians")),
    ],
)
def test_a_people_of_another_state_is_a_minority_there(
    finder: MentionFinder, text: str, expected: tuple[str, str, str]
) -> None:
    assert found(finder, text)[0] == expected


def test_a_community_named_with_another_state_keeps_its_home_for_the_coder(
    finder: MentionFinder,
) -> None:
    got = finder.find(["Karen", "guerrillas", "on", "the", "Thai", "border"])
    assert [(m.code, m.home) for m in got] == [(None, "MMR"), ("THA", None)]

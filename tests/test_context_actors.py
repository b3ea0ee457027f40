"""Actors the words place only through the sentence, sited targets and reported obligations
(real spaCy model). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.events import Event

pytestmark = pytest.mark.slow

DAY = dt.date(2025, 6, 25)


def coded(coder, text: str) -> list[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    events: list[Event] = coder.code_text(text, date=DAY)
    return [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events]


def test_an_agent_takes_the_state_of_its_attached_phrase(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "Opposition parties in Kenya demanded that the government hold early elections."
    )
    assert [(s, t, c[:2]) for s, t, c in got] == [("KENOPP", "KENGOV", "10")]


def test_a_judge_takes_the_one_state_the_sentence_names(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "A judge opened an investigation into two Peruvian ministers.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("PERJUD", "PERGOV", "09")]


def test_rebels_of_no_named_state_keep_the_unknown_country_code(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Rebels ambushed an army convoy.", date=DAY)
    assert [(e.source.code, e.source.country, e.cameo[:2]) for e in events] == [
        ("---REB", None, "19")
    ]


def test_officials_do_not_take_the_state_they_speak_of(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Officials said Russia fired missiles at the port.", date=DAY)
    assert events and all(e.reported_by != "RUSGOV" for e in events)


def test_armed_agents_do_not_take_the_state_they_act_in(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Syrian government forces used chlorine against civilians.", date=DAY)
    assert [(e.source.country, e.target) for e in events] == [("SYR", None)]


def test_an_organizations_officer_is_the_organization(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "Arab League Secretary General Ahmed Aboul Gheit condemned the attack on Lebanon."
    )
    assert got and got[0][0] == "ARABLEAGUE"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya sent troops to a peacekeeping force in Somalia.", ("KEN", "SOM", "07")),
        ("Ethiopian troops launched attacks in Somalia.", ("ETHMIL", "SOM", "19")),
    ],
)
def test_an_act_in_another_state_targets_that_state(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, text)
    assert expected in [(s, t, c[:2]) for s, t, c in got]


def test_an_act_at_home_targets_the_home_state(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Sudan lifted the state of emergency in Darfur.", date=DAY)
    assert [(e.source.code, e.target and e.target.code, e.location) for e in events] == [
        ("SDN", "SDN", "Darfur")
    ]


def test_a_statement_made_abroad_has_no_sited_target(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Iran condemned the sanctions in Geneva.")
    assert got and all(t is None for _, t, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "release" is coded as a release of persons: the demand mirrors it
        ("Germany said Iran must release the detained journalists.", ("DEU", "IRN", "1053")),
        ("Japan said China should return the seized fishing boat.", ("JPN", "CHN", "0253")),
    ],
)
def test_what_one_state_says_another_must_do_is_a_demand(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text(text, date=DAY)
    got = [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events]
    assert got == [expected]
    assert not events[0].hypothetical and events[0].reported_by is None


def test_a_supposition_is_no_demand(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Analysts said the missile must have been fired by Syria.")
    assert all(c[:2] not in ("10", "02") for _, _, c in got)


def test_a_state_obliging_itself_makes_no_demand(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Iran said it must defend itself.")
    assert all(c[:2] != "10" for _, _, c in got)


@pytest.mark.parametrize(
    "text", ["Russian-backed separatists attacked Ukrainian positions.",
             "Pro-Iranian militants attacked Ukrainian positions."],
)  # fmt: skip
def test_a_patron_state_is_not_the_actor(coder, text: str) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text(text, date=DAY)
    assert events and all(e.source.country is None for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indian troops remained on high alert along the border.", ("INDMIL", "15")),
        ("The Sudanese army is responsible for mass killings in Darfur.", ("SDNMIL", "20")),
    ],
)
def test_a_verb_or_adjective_frames_its_subjects_nominal_event(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    got = [(s, c[:2]) for s, _, c in coded(coder, text)]
    assert expected in got


def test_it_refers_to_the_whole_subject_phrase(coder) -> None:  # type: ignore[no-untyped-def]
    text = "The Kenyan teachers' union announced that it had called off the strike."
    assert any(s.startswith("KEN") for s, _, _ in coded(coder, text))


def test_people_take_the_state_they_come_from(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("A teacher from Crimea was detained in Russia.", date=DAY)
    assert [(e.source.code, e.target and e.target.code, e.cameo) for e in events] == [
        ("RUS", "UKRCVL", "173")
    ]


def test_an_attitude_participle_has_its_subject_as_source(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Hungary is opposed to Ukrainian membership of the EU.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("HUN", "UKR", "11")]


def test_a_noun_modifying_another_is_no_event(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Japanese aid groups met the Afghan foreign minister.")
    assert {c for _, _, c in got} == {"040"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Thai government announced that it is prepared to impose martial law.",
         [("THAGOV", "THA", "1324")]),
        ("NATO said it would tighten the naval blockade of Libya.", [("NATO", "LBY", "1381")]),
    ],
)  # fmt: skip
def test_a_conflictual_act_its_source_says_it_will_do_is_a_threat(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text(text, date=DAY)
    assert coded(coder, text) == expected
    assert not events[0].intent and events[0].reported_by is None


@pytest.mark.parametrize(
    "text",
    ["Poland said that Russia may attack NATO territory.",
     "Iran said it would not attack its neighbours."],
)  # fmt: skip
def test_a_prediction_or_a_promise_not_to_act_is_no_threat(coder, text: str) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text(text, date=DAY)
    assert any(e.cameo.startswith("19") for e in events)


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("Ukraine rejected a Russian offer to hold talks in Minsk.", "12", "03"),
        ("Turkish farmers blocked roads to demand higher grain prices.", "14", "10"),
    ],
)
def test_a_purpose_or_an_offers_content_is_no_event(coder, text, kept, dropped) -> None:  # type: ignore[no-untyped-def]
    roots = {c[:2] for _, _, c in coded(coder, text)}
    assert kept in roots and dropped not in roots


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain mobilized reservists for a possible war against Iraq.", ("GBR", "IRQ", "15")),
        ("Italy announced a suspension of flights with Serbia.", ("ITA", "SRB", "16")),
        ("Protesters blocked roads in the city of Homs.", ("SYRCVL", "SYR", "14")),
    ],
)
def test_targets_and_sites_one_phrase_down(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in [(s, t, c[:2]) for s, t, c in coded(coder, text)]


def test_ethnic_groups_are_not_the_state_of_their_name(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Serbian police arrested ethnic Albanians in southern Serbia.")
    assert got and all(t != "ALB" and (t or "").startswith("SRB") for _, t, _ in got)


def test_a_protest_takes_the_reform_it_demands(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Young Kenyans blocked roads in Nairobi demanding the resignation of the president."
    assert "1441" in {c for _, _, c in coded(coder, text)}


def test_a_state_adjective_inside_the_phrase_places_an_armed_group(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Irish nationalist guerrillas wounded two British soldiers.")
    assert got and got[0][0] == "IRLREB"


def test_carrying_on_a_nominal_act_makes_its_subject_the_source(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Russia completed the withdrawal of its troops from Kherson.")
    assert any(s == "RUS" and c.startswith("087") for s, _, c in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey threatened to halt the talks if Greece deployed troops on the islands.",
         ("TUR", "GRC", "13")),
        ("Serbian students staged a hunger strike.", ("SRBEDU", "SRB", "14")),
        ("Teachers staged protests to demand that the Kenyan government raise their pay.",
         ("KENEDU", "KENGOV", "14")),
    ],
)  # fmt: skip
def test_whom_threats_and_protests_are_against(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in [(s, t, c[:2]) for s, t, c in coded(coder, text)]


def test_a_protests_cry_is_part_of_the_protest(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Georgian students protested in Tbilisi demanding the resignation of the government."
    roots = [c[:2] for _, _, c in coded(coder, text)]
    assert "14" in roots and "10" not in roots


def test_irregular_past_forms_reach_the_parser(coder) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, "Syrian rebels blew up a bridge.") == [("SYRREB", "SYR", "1712")]


def test_a_preposition_the_entry_names_gives_a_target_even_if_locative(coder) -> None:  # type: ignore[no-untyped-def]
    # "Iraqi Kurds" are Iraq's Kurdish community, CAMEO's IRQ with an ethnic sector
    assert ("IRQETH", "IRN", "1033") in coded(coder, "Iraqi Kurds sought refuge in Iran.")


def test_a_resignation_yields_office(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The Peruvian prime minister stepped down after the protests.")
    assert got == [("PERGOV", None, "0831")]


def test_a_violent_act_takes_its_means_from_its_subject(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "A roadside bombing near Kandahar killed two American soldiers.")
    assert [c for _, _, c in got] == ["1833"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Up to 200 ethnic Uzbeks demonstrated in Kyrgyzstan.", ("KGZETH", "KGZ", "14")),
        ("Vietnamese-led forces shelled guerrilla camps.", ("VNMMIL", None, "19")),
        (
            "Three US soldiers were killed outside of the Iraqi city of Basra.",
            ("IRQ", "USAMIL", "19"),
        ),
        # a capital in a locative phrase is a place like any other (as "killed in Homs")
        ("A journalist was killed in Mogadishu.", ("SOM", "SOMMED", "19")),
    ],
)
def test_peoples_leaders_and_unnamed_attackers_are_placed(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    got = [(s, t if t != "---REB" else None, c[:2]) for s, t, c in coded(coder, text)]
    assert expected in got


def test_a_nominal_act_is_done_to_its_of_complement(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Israel mounted a large invasion of southern Lebanon.")
    assert ("ISR", "LBN", "192") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Belarusian police fired tear gas to disperse the protesters.", ("BLRCOP", "BLRCVL")),
        ("Indian troops remained on alert in Kashmir's Ladakh region.", ("INDMIL", None)),
        ("The president reneged on his promise to the Kenyan people.", ("KENGOV", "KENCVL")),
    ],
)
def test_targets_through_purposes_and_promises(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in [(s, t) for s, t, _ in coded(coder, text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Militants attacked a police station in Tikrit.", "IRQREB"),
        ("Islamists demanded the resignation of the Algerian president.", "DZARAD"),
        ("Militants attacked Israeli troops.", "---REB"),  # the army's state is not theirs
    ],
)
def test_insurgents_facing_only_a_states_civil_power_are_its_own(coder, text, source) -> None:  # type: ignore[no-untyped-def]
    assert source in [s for s, _, _ in coded(coder, text)]


def test_officials_of_no_named_state_belong_to_the_state_the_article_is_about(coder) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenya's opposition leader returned to Nairobi on Monday. Kenya has been tense since "
        "the election.\nThe government banned the opposition rally. Police arrested twelve "
        "activists."
    )
    got = coded(coder, text)
    assert ("KENGOV", "KENOPP", "1721") in got and any(s == "KENCOP" for s, _, _ in got)


def test_one_mention_of_a_state_is_not_enough_to_place_the_government(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Kenya is tense. The government banned the rally.")
    assert all(s != "KENGOV" for s, _, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brazil offered to send doctors to Gaza.", ("BRA", "PSE")),
        ("Belarus may send more troops to help Russia.", ("BLR", "RUS")),
        ("Russian forces captured the eastern town of Pokrovsk.", ("RUSMIL", "UKR")),
        ("Thai and Cambodian troops clashed along the border.", ("THAMIL", "KHMMIL")),
    ],
)
def test_destinations_beneficiaries_captured_places_and_clashes(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in [(s, t) for s, t, _ in coded(coder, text)]


# ------------------------------------------------- misspelled states and communities


def test_a_misspelled_state_is_an_actor(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Ethopia accused Eritrea of violating the ceasefire.")
    assert ("ETH", "ERI", "11") in [(s, t, c[:2]) for s, t, c in got]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a people of one state takes it when the sentence names no other
        ("Tamil rebels attacked an army base.", ("LKAREB", "19")),
        ("Thousands of Hausa protested against the new tax.", ("NGAETH", "14")),
        # a people of several states is placed by the sentence
        ("Thousands of Kurds protested against the Turkish government.", ("TURETH", "14")),
    ],
)
def test_a_community_is_coded_as_a_sector_of_a_state(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, text)
    assert expected in [(s, c[:2]) for s, _, c in got]


def test_a_community_placed_elsewhere_takes_that_state(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Tamils in Malaysia protested against the new law.")
    assert [(s, c[:2]) for s, _, c in got] == [("MYSETH", "14")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another state named as a place or a reporter leaves the community its own state's
        ("Karen guerrillas on the Thai border attacked an army post.", "MMRREB"),
        ("Thai police said Karen rebels ambushed a convoy.", "MMRREB"),
        # a phrase attaching it to another state places it there
        ("Karen refugees in Thailand protested against the new law.", "THAREF"),
        ("Thai Karens protested against the new law.", "THAETH"),
    ],
)
def test_a_community_is_its_own_states_unless_attached_to_another(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert [s for s, _, _ in coded(coder, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    ["Muslims protested against the cartoons.", "Hutu militias attacked a refugee camp."],
)
def test_a_faith_or_a_people_of_several_states_is_never_a_state_alone(coder, text) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text(text, date=DAY)
    assert all(e.source.country is None for e in events)


def test_an_administration_named_for_a_president_is_his_government(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text(
        "The Bush administration condemned the attack on Israel.", date=dt.date(2003, 5, 1)
    )
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [
        ("USAGOV", "ISR")
    ]


def test_east_germany_is_not_germany(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("East Germany condemned West Germany.", date=dt.date(1985, 3, 1))
    assert all("DEU" not in (e.source.code or "") for e in events)


def test_bonn_stands_for_west_germanys_government(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Bonn condemned the Soviet invasion.", date=dt.date(1980, 1, 5))
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [
        ("DEUGOV", "RUS")
    ]

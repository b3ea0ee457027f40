"""CAMEO conventions the extractor follows beyond the lexicon: refusals as rejections, the
content of a nominal demand, domestic acts as done to the home state, sub-codes of appeals,
demands and threats from what they ask (real spaCy model). Sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.events import Event

pytestmark = pytest.mark.slow

DAY = dt.date(2025, 6, 25)


def coded(coder, text: str) -> list[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    events: list[Event] = coder.code_text(text, date=DAY)
    return [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Austria refused to deploy peacekeepers in Lebanon.", "1224"),
        ("Chile declined to hold talks with Bolivia.", "125"),
        ("Greece refused to sign the agreement with Turkey.", "127"),
        ("Belarus refused to lift its ban on Polish imports.", "124"),
    ],
)  # fmt: skip
def test_refusing_a_cooperative_act_is_a_rejection(coder, text, code) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text(text, date=DAY)
    assert [e.cameo[: len(code)] for e in events] == [code]
    assert not any(e.negated for e in events)  # a refusal happened: it is not negated


def test_a_refusal_keeps_the_place_of_the_refused_act(coder) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, "Austria refused to deploy peacekeepers in Lebanon.") == [
        ("AUT", "LBN", "1224")
    ]


def test_not_refusing_is_no_rejection(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Chile did not refuse to hold talks with Bolivia.", date=DAY)
    assert events and all(e.negated for e in events if e.cameo.startswith("12"))


def test_a_nominal_demand_is_made_of_the_subject_of_its_clause(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The WHO repeated its demand that Egypt ease restrictions on aid convoys.")
    assert [(s, t, c[:3]) for s, t, c in got] == [("WHO", "EGY", "105")]


def test_what_a_demand_asks_for_is_not_an_event(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The WHO repeated its demand that Egypt ease restrictions on aid convoys.")
    assert all(s != "EGY" for s, _, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bolivian police arrested 30 miners.", ("BOLCOP", "BOL")),
        ("A Kenyan court opened an inquiry into the sale of state land.", ("KENJUD", "KEN")),
        ("Ugandan rebels ambushed a bus.", ("UGAREB", "UGA")),
    ],
)  # fmt: skip
def test_a_domestic_act_with_no_one_named_is_done_to_the_home_state(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in [(s, t) for s, t, _ in coded(coder, text)]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired two ballistic missiles.",  # a state named on its own
        "Russian troops shelled several villages.",  # an army often acts abroad
        "Bolivian police arrested 30 Peruvian miners.",  # another state is named
        "Pyongyang fired a cruise missile into the sea.",  # a government's force
    ],
)
def test_no_home_target_when_the_act_may_be_abroad(coder, text) -> None:  # type: ignore[no-untyped-def]
    for source, target, _ in coded(coder, text):
        assert target is None or target[:3] != source[:3]


def test_a_threat_is_made_to_the_state_where_the_threatened_act_would_be(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Hezbollah threatened to resume rocket attacks in Israel.")
    assert [(t, c[:2]) for _, t, c in got] == [("ISR", "13")]


def test_a_movement_of_forces_is_made_by_the_side_whose_forces_move(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The withdrawal of Turkish troops from northern Iraq ended on Monday.")
    assert [(s, c[:2]) for s, _, c in got] == [("TURMIL", "08")]


def test_the_place_left_is_not_who_withdraws(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The withdrawal of Turkish troops from northern Iraq ended on Monday.")
    assert all(s[:3] != "IRQ" for s, _, _ in got)


def test_an_international_body_acting_in_a_state_acts_on_it(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The deployment of UN peacekeepers has arrived in Mali.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("UN", "MLI", "07")]


def test_a_threats_condition_is_not_an_event(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Iran threatened to close the strait unless Washington lifted the sanctions."
    got = coded(coder, text)
    assert [s for s, _, _ in got] == ["IRN"]


def test_a_light_verbs_recipient_is_the_target_of_its_nominal_event(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Cuba issued a formal warning to the Dominican Republic.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("CUB", "DOM", "13")]


def test_what_a_nominal_appeal_asks_for_is_its_sub_code_not_an_event(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Haiti made an urgent appeal to Canada for humanitarian aid.")
    assert [(s, t, c[:3]) for s, t, c in got] == [("HTI", "CAN", "023")]


def test_what_one_side_wants_another_to_do_is_an_appeal(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Poland wants Germany to pay reparations for the occupation.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("POL", "DEU", "02")]


def test_not_wanting_an_act_is_a_negated_appeal(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Turkey does not want Sweden to host the summit.", date=DAY)
    assert [(e.source.code, e.cameo[:2], e.negated) for e in events] == [("TUR", "02", True)]


def test_a_state_said_to_need_to_act_is_appealed_to(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Brazil said Paraguay needs to rethink its border policy.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("BRA", "PRY", "02")]


def test_a_state_that_needs_to_act_itself_makes_no_appeal(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Brazil said it needs to rethink its border policy.")
    assert all(c[:2] != "02" for _, _, c in got)


def test_an_agreement_demanded_is_a_demand_to_settle(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Norway said Colombia and the rebels must reach an agreement.")
    assert ("NOR", "COL", "107") in got


def test_an_act_in_a_relative_clause_does_not_block_a_reported_obligation(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Norway said Colombia must compensate the farmers who were killed in the raid."
    assert [(s, t, c[:2]) for s, t, c in coded(coder, text)][:1] == [("NOR", "COL", "10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada sent emergency aid for Haiti.", [("CAN", "HTI", "07")]),
        ("Norway pledged 20 million dollars of aid for Somalia.", [("NOR", "SOM", "03")]),
    ],
)  # fmt: skip
def test_help_is_for_whom_its_for_phrase_names(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert [(s, t, c[:2]) for s, t, c in coded(coder, text)] == expected


def test_for_names_no_recipient_of_troops(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Canada sent troops for the Latvian presidency's exercise.")
    assert [t for _, t, _ in got] == [None]


def test_forces_moved_by_no_one_named_are_moved_by_their_side(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Two hundred Turkish troops were withdrawn from the border on Friday.")
    assert [(s[:3], c[:2]) for s, _, c in got] == [("TUR", "08")]


def test_a_demand_named_by_a_noun_takes_the_clause_on_its_verb(coder) -> None:  # type: ignore[no-untyped-def]
    text = "The WHO repeated its demand on Monday that Egypt ease restrictions on aid convoys."
    got = coded(coder, text)
    assert [(s, t, c[:3]) for s, t, c in got] == [("WHO", "EGY", "105")]


def test_what_a_protest_is_against_is_not_an_event(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan students staged demonstrations against the arrest of opposition leaders."
    assert [c[:2] for _, _, c in coded(coder, text)] == ["14"]


def test_nothing_inside_a_threats_condition_is_an_event(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Ghana will withdraw its troops from Mali unless the junta ends its war with rebels."
    assert [s for s, _, _ in coded(coder, text)] == ["GHA"]


def test_what_an_attack_is_on_is_its_target_not_an_event(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Two soldiers were killed in an attack on an army convoy by Malian rebels."
    got = coded(coder, text)
    assert len(got) == 1 and got[0][0] == "MLIREB" and got[0][2][:2] in ("18", "19")


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Hungary plans to impose border restrictions on Serbia.", "13"),
        ("Armenia vowed to retaliate against Azerbaijan.", "13"),
        ("Hungary plans to send troops to Serbia.", "03"),  # cooperation planned stays intent
    ],
)  # fmt: skip
def test_a_harmful_act_its_source_plans_is_a_threat(coder, text, root) -> None:  # type: ignore[no-untyped-def]
    assert [c[:2] for _, _, c in coded(coder, text)] == [root]


def test_a_warning_that_another_side_may_act_is_that_sides_reported_act(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Lithuania warned that Belarus could attack within a year.", date=DAY)
    got = [(e.source.code, e.cameo[:2], e.hypothetical, e.reported_by) for e in events]
    assert got == [("BLR", "19", True, "LTU")]


def test_a_warning_of_ones_own_sides_act_is_a_threat(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Iran warned that its forces would strike Israel.")
    assert [(s[:3], c[:2]) for s, _, c in got] == [("IRN", "13")]


def test_a_demanded_release_is_asked_of_the_holder(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Thailand demanded the release of the fishermen detained by Myanmar.")
    assert [(s, t, c[:3]) for s, t, c in got] == [("THA", "MMR", "105")]


def test_hosting_talks_between_two_others_is_mediation(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Oman hosted talks between Iran and the United States.")
    assert sorted((s, t, c) for s, t, c in got) == [("OMN", "IRN", "045"), ("OMN", "USA", "045")]


def test_an_offer_to_host_talks_between_others_is_an_offer_to_mediate(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Turkey offered to host talks between Russia and Ukraine.")
    assert sorted((s, t, c) for s, t, c in got) == [("TUR", "RUS", "039"), ("TUR", "UKR", "039")]


def test_talks_with_a_party_are_not_mediation(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Egypt held talks with Israel.")
    assert all(c[:3] != "045" for _, _, c in got)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Thousands of Serbians rallied in Belgrade to protest the new media policy.", "1412"),
        ("Kenyan students staged a hunger strike to demand press freedom.", "1423"),
        ("Georgian protesters rioted against the government's foreign policy.", "1452"),
    ],
)  # fmt: skip
def test_a_protest_takes_the_sub_code_of_the_reform_it_is_for(coder, text, code) -> None:  # type: ignore[no-untyped-def]
    assert code in [c for _, _, c in coded(coder, text)]


def test_insisting_on_a_demand_targets_the_subject_of_its_clause(coder) -> None:  # type: ignore[no-untyped-def]
    text = "The opposition party insisted on its demand that the Kenyan government hold elections."
    got = coded(coder, text)
    assert [(s, t, c[:2]) for s, t, c in got] == [("KENOPP", "KENGOV", "10")]


def test_a_complaint_before_an_international_body_is_against_whom_it_is_about(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Guyana complained to the United Nations about Venezuelan incursions.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("GUY", "VEN", "11")]


def test_a_complaint_to_an_international_body_about_nobody_is_to_the_body(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Guyana complained to the United Nations.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("GUY", "UN", "11")]


def test_a_nominal_acts_infinitive_says_what_it_is_about(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Venezuelan exiles began a hunger strike over Caracas's refusal to release prisoners."
    assert "1243" not in [c for _, _, c in coded(coder, text)]  # the refusal is the grievance
    got = coded(coder, "Caracas announced its refusal to release the detained activists.")
    assert [c for _, _, c in got] == ["1243"]


def test_a_faith_of_no_named_state_keeps_the_unknown_country_code(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Sunni clerics demanded the resignation of the interior minister.")
    assert [(e.source.code[:3], e.source.country, e.cameo[:2]) for e in events] == [
        ("---", None, "10")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Georgian prime minister arrived in Ankara for talks.", ("GEOGOV", "TUR", "042")),
        ("Lavrov arrived in Pyongyang on a two-day visit.", ("RUSGOV", "PRK", "042")),
    ],
)  # fmt: skip
def test_an_official_arriving_abroad_makes_a_visit(coder, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in coded(coder, text)


@pytest.mark.parametrize(
    "text",
    ["Thousands of refugees arrived in Greece.", "French troops arrived in Chad."],
)
def test_people_and_forces_arriving_make_no_visit(coder, text) -> None:  # type: ignore[no-untyped-def]
    assert all(c[:3] != "042" for _, _, c in coded(coder, text))


def test_people_protesting_in_a_capital_are_its_civilians(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Thousands of people protested in Madrid against the housing law.")
    assert [(s, c[:2]) for s, _, c in got] == [("ESPCVL", "14")]


def test_an_active_participle_is_done_by_the_noun_it_modifies(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Kurdish youths resorted to throwing stones at Turkish police.")
    assert got == [("TURCVL", "TURCOP", "145")]  # Kurds with no state of their own: Turkey's


def test_forcing_out_across_the_object_is_an_expulsion(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Khartoum forced the World Food Programme out of Darfur last month.")
    assert [(s, t, c[:3]) for s, t, c in got] == [("SDNGOV", "WFP", "166")]


def test_saying_it_will_not_cooperate_is_a_refusal(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Hungary will not accept more asylum seekers, its interior minister said.")
    assert [c for _, _, c in got] == ["1223"]


def test_saying_it_will_not_attack_stays_a_negated_intent(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Pakistan will not attack India.", date=DAY)
    assert [(e.cameo, e.negated, e.intent) for e in events] == [("190", True, True)]


def test_help_suspended_in_part_is_still_for_its_recipient(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Germany suspended part of its development aid programme for Niger.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("DEU", "NER", "16")]


def test_a_protest_is_against_whom_its_purpose_names(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Students in Caracas blocked roads to show their anger at Cuba's influence.")
    assert [(s, t, c[:3]) for s, t, c in got] == [("VENEDU", "CUB", "144")]


def test_the_weapon_outranks_the_victim_in_a_killing(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Two Iraqi police officers were killed in a car bomb explosion in Mosul.")
    assert [c for _, _, c in got] == ["1832"]


def test_a_purpose_shares_the_intent_of_its_act(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Poland is ready to send engineers to help rebuild Ukraine.", date=DAY)
    helped = [e for e in events if e.target is not None and e.target.code == "UKR"]
    assert helped and all(e.intent and e.cameo.startswith("03") for e in helped)


def test_a_purpose_of_an_act_not_done_is_not_done_either(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Austria did not send troops to help Serbia.", date=DAY)
    assert events and all(e.negated for e in events)


def test_a_weapon_named_by_the_agent_phrase_is_the_means(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "In Mali, two French soldiers were killed by an improvised explosive device."
    )
    assert [c[:3] for _, _, c in got] == ["183"]


def test_crowds_of_no_named_state_protest_as_the_places_civilians(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "Tens of thousands of people blocked roads in Tbilisi in defiance of the police."
    )
    assert [s for s, _, c in got if c[:2] == "14"] == ["GEOCVL"]


def test_stones_thrown_during_protests_against_an_army_are_against_its_state(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder,
        "Georgian youths threw stones during protests against abuses by the Russian army, "
        "officials said.",
    )
    assert [(t, c) for _, t, c in got] == [("RUSMIL", "145")]


def test_a_shared_subject_is_the_grammatical_one_not_the_agent(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Peru's interior minister was censured by Congress and will resign.")
    assert ("PERGOV", None, "0341") in got  # the minister resigns, not Congress


def test_a_named_group_in_apposition_says_whose_a_role_word_is(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The main Kurdish rebel group, the PKK, attacked a Turkish army post.")
    assert [(s, t) for s, t, _ in got] == [("PKK", "TURMIL")]


def test_up_to_a_number_is_the_object_not_a_preposition(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Militants abducted up to 30 Nigerian schoolgirls.")
    assert [(t, c) for _, t, c in got] == [("NGA", "181")]


def test_they_after_a_group_of_members_is_the_members(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "A group of Chilean doctors said that they are willing to help Bolivia.")
    assert got == [("CHLHLH", "BOL", "033")]


def test_a_rejection_with_no_one_named_is_of_the_act_refused(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Hamas rejected an invitation to hold talks with Fatah in Cairo.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("HAMAS", "FATAH", "12")]


def test_a_word_of_an_organizations_name_is_no_act(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The Shanghai Cooperation Organisation condemned the attack on Pakistan.")
    assert [c[:2] for _, _, c in got] == ["11"]


def test_a_possessive_in_an_adjunct_is_the_subjects(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Chile apologized to Peru for one of its warships entering Peruvian waters.")
    assert ("CHL", "PER", "055") in got and all(s == "CHL" for s, _, _ in got)


def test_a_role_of_two_states_is_one_role_per_state(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The defence ministers of France and Germany signed a deal.")
    assert sorted((s, t) for s, t, _ in got) == [("DEUGOV", "FRAGOV"), ("FRAGOV", "DEUGOV")]


def test_an_investigation_abroad_is_of_the_state_where_it_is_made(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The IAEA dispatched inspectors to a uranium plant in northern Iran.")
    assert [(s, t) for s, t, _ in got] == [("IAEA", "IRN")]


def test_a_protest_abroad_with_no_one_named_is_against_the_host(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Afghan refugees rioted at a camp in eastern Iran.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("AFGREF", "IRN", "14")]


def test_a_case_filed_against_a_state_at_a_court_is_against_the_state(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Nicaragua filed a case against Germany at the World Court.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("NIC", "DEU", "11")]


def test_sanctions_announced_by_a_state_are_on_their_object(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "New sanctions on Iranian oil exports were announced by Canada.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("CAN", "IRN", "16")]


def test_an_attitude_about_talks_is_toward_the_other_side(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "Japan said it was optimistic about the new round of negotiations with South Korea."
    )
    assert [(s, t, c) for s, t, c in got] == [("JPN", "KOR", "013")]


def test_an_extradition_is_to_the_receiving_state(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Spain extradited a Russian hacker to the United States.")
    assert [(s, t, c) for s, t, c in got] == [("ESP", "USA", "063")]


def test_relations_cut_are_with_whom_they_were_with(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Niger cut diplomatic ties with Ukraine over its remarks to Mali.")
    assert [(s, t) for s, t, _ in got] == [("NER", "UKR")]


def test_a_show_of_force_answers_whom_its_occasion_names(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Greece put its navy on high alert after Turkey's naval exercises.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("GRC", "TUR", "15")]


def test_forces_massed_at_a_border_face_the_state_across_it(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Armenia has massed troops near the Azerbaijani border.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("ARM", "AZE", "15")]


@pytest.mark.parametrize(
    "text",
    [
        "Greek and Turkish warships launched naval exercises in the Aegean on Tuesday.",
        "Japan held air drills with Australia near Okinawa.",
    ],
)  # fmt: skip
def test_exercises_held_by_two_states_are_military_cooperation(coder, text) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, text)
    assert {c for _, _, c in got} == {"062"}
    assert {(s[:3], t[:3] if t else None) for s, t, _ in got} >= {
        ("GRC", "TUR") if "Greek" in text else ("JPN", "AUS")
    }


def test_exercises_of_one_state_stay_a_show_of_force(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "North Korea launched military exercises on Monday.")
    assert [c for _, _, c in got] == ["150"]


def test_forces_made_ready_to_attack_are_a_military_posture(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("The Sudanese army is preparing to launch an offensive.", date=DAY)
    assert [(e.source.code, e.cameo) for e in events] == [("SDNMIL", "150")]
    assert not events[0].hypothetical  # the preparing is real; the offensive is not yet


def test_a_vow_to_attack_stays_a_threat(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The Sudanese army vowed to launch an offensive against the rebels.")
    assert got and all(c.startswith("13") for _, _, c in got)


def test_an_agreement_to_act_is_each_sides_intent_to_act(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text(
        "Kenya and Somalia reached an agreement to share intelligence on militants.", date=DAY
    )
    got = {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}
    assert got == {("KEN", "SOM", "0314"), ("SOM", "KEN", "0314")}
    assert all(e.intent for e in events)


def test_an_agreement_on_a_subject_stays_an_agreement(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Kenya and Somalia signed an agreement on fishing rights.")
    assert {c for _, _, c in got} == {"057"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Turkey urged Brazil to support Azerbaijan.", ("AZE", "053")),
        ("Venezuela called on Latin American states to unite against the United States.",
         ("USA", "113")),
    ],
)  # fmt: skip
def test_asking_others_to_back_or_oppose_a_third_party_rallies_them(coder, text, want) -> None:  # type: ignore[no-untyped-def]
    assert [(t, c) for _, t, c in coded(coder, text)] == [want]


def test_asking_a_state_to_support_the_asker_is_an_appeal(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Ukraine urged Brazil to support Ukraine at the United Nations.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("UKR", "BRA", "02")]


def test_an_organization_after_at_is_the_venue_once_a_target_is_named(coder) -> None:  # type: ignore[no-untyped-def]
    assert coded(coder, "Brazil supported Ukraine at the United Nations.") == [
        ("BRA", "UKR", "051")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kenyan doctors called off their strike on Monday.", ("KEN", "082")),
        ("Ecuador's president lifted the nightly curfew in Guayaquil.", ("ECU", "0813")),
    ],
)  # fmt: skip
def test_easing_dissent_or_restrictions_at_home_is_toward_the_home_state(coder, text, want) -> None:  # type: ignore[no-untyped-def]
    assert [(t, c) for _, t, c in coded(coder, text)] == [want]


def test_what_a_message_says_is_not_what_is_sent(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Moscow sent a clear message to Tbilisi that it must pull its troops back.")
    assert not any(c.startswith("07") for _, _, c in got)  # a message, not military aid


@pytest.mark.parametrize(
    "text",
    [
        "About 300 Congolese rebels surrendered near Goma on Friday.",
        "The Houthis declared a unilateral truce in northern Yemen on Friday.",
    ],
)  # fmt: skip
def test_yielding_at_home_is_toward_no_one_named(coder, text) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, text)
    assert got and all(c.startswith("08") and t is None for _, t, c in got)


def test_lifting_a_curfew_at_home_is_toward_the_home_state(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Kenyan President William Ruto lifted the curfew in Nairobi.")
    assert got == [("KENGOV", "KEN", "0813")]


def test_an_act_denounced_as_a_crime_is_held_against_its_doer(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Poland condemned as a crime Belarus's crackdown on protesters.")
    assert ("POL", "BLR", "111") in got


def test_experts_sent_to_investigate_make_an_investigation_of_where_they_go(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The African Union sent experts to Mali to investigate.")
    assert [(s, t, c[:2]) for s, t, c in got] == [("AU", "MLI", "09")]


@pytest.mark.parametrize(
    "text",
    [
        "Moscow demanded that Berlin scrap its plans to deliver missiles to Ukraine.",
        "Armenia demanded an admission by Ankara that Ottoman troops killed Armenian civilians.",
    ],
)  # fmt: skip
def test_nothing_inside_what_a_demand_asks_for_is_an_event(coder, text) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, text)
    assert got and all(c.startswith("10") for _, _, c in got)


def test_what_a_resolution_aims_to_do_is_not_an_event(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "Chile backed a UN resolution that aims to impose an arms embargo on Myanmar."
    )
    assert not any(c.startswith(("16", "19")) for _, _, c in got)


def test_a_protest_is_against_whom_its_cry_names_not_where_it_is(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder,
        "Students rioted in Hong Kong on Monday, joining thousands of marchers in demanding"
        " freedom from Chinese rule.",
    )
    assert [(t, c[:2]) for _, t, c in got] == [("CHN", "14")]


def test_coordinated_verbs_share_their_last_arguments(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "Iran's state radio urged Shia militias to unite and mobilize against Israel."
    )
    assert [(t, c) for _, t, c in got] == [("ISR", "113")]


def test_agreeing_that_something_is_so_is_accord_between_the_sides(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Brazil and Argentina agreed that the trade dispute had gone on too long.")
    assert sorted(got) == [("ARG", "BRA", "019"), ("BRA", "ARG", "019")]


def test_agreeing_to_an_uncoded_act_is_an_intent(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("The African Union agreed to build a new headquarters.", date=DAY)
    assert [(e.source.code, e.cameo) for e in events] == [("AU", "030")]
    assert events[0].intent


def test_swearing_to_fight_is_a_threat(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The rebels swore to fight on until the army left the region.")
    assert got and all(c.startswith("13") for _, _, c in got)


def test_a_renewed_appeal_takes_its_code_from_what_it_asks(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Italy renewed an appeal to Brazil to extradite a fugitive militant.")
    assert got == [("ITA", "BRA", "0213")]


def test_a_late_by_phrase_of_a_passive_accusation_is_its_source(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder,
        "Former minister Pedro Castillo has been accused of stealing public funds by"
        " Peruvian prosecutors.",
    )
    assert [(s[:3], c[:2]) for s, _, c in got] == [("PER", "11")]


def test_a_recipient_the_parser_takes_for_a_participles_subject_is_the_target(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "Mexico granted asylum to three Ecuadorian politicians holed up in its embassy."
    )
    assert [(s, t[:3] if t else None, c) for s, t, c in got] == [("MEX", "ECU", "075")]


def test_the_result_of_an_attack_is_done_to_its_target(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "Houthi fighters shelled the Saudi city of Jazan on Sunday, killing six civilians."
    )
    assert got and all(t == "SAU" for _, t, _ in got)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The EU imposed sanctions on Iran for its support of Russia's war.", "16"),
        ("Hamas refused to let Red Cross staff enter the tunnels and visit the hostages.", "12"),
        ("Kenyan herders began a hunger strike to demand grazing land seized by the Kenyan army.",
         "14"),
    ],
)  # fmt: skip
def test_reasons_refused_acts_and_what_a_cry_mentions_are_no_events(coder, text, root) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, text)
    assert got and all(c.startswith(root) for _, _, c in got)


def test_efforts_named_in_an_adjunct_are_no_event(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Norway cut aid to Sudan amid international efforts to end the war.")
    assert [c[:2] for _, _, c in got] == ["16"]


def test_a_camp_is_of_whom_it_is_for(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "A camp for Sudanese refugees in Chad was attacked by gunmen.")
    assert [(t, c[:2]) for _, t, c in got] == [("SDNREF", "19")]


def test_a_demand_whose_act_is_not_coded_is_of_its_clauses_subject(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder,
        "Kenyan opposition leaders demanded that control of the Kenyan electoral commission be"
        " given to judges.",
    )
    assert [(t[:3] if t else None, c[:2]) for _, t, c in got] == [("KEN", "10")]


def test_announcing_that_one_will_impose_a_curfew_is_a_threat_not_a_curfew(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "The Peruvian president announced that she will impose a curfew in Lima.")
    assert [c[:2] for _, _, c in got] == ["13"]


def test_a_closing_attribution_misparsed_as_an_object_is_no_target(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder,
        "Greek coast guard officers mistreated Syrian refugees with impunity, a human rights"
        " organization charged on Sunday.",
    )
    assert got and all(t is None or t.startswith("SYR") for _, t, _ in got)


def test_the_means_a_subject_uses_is_no_act_of_its_own(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "Israeli warplanes using laser-guided bombs struck three Syrian radar sites."
    )
    assert len(got) == 1


def test_failing_to_reach_agreement_is_each_sides_rejection(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text(
        "Armenia and Azerbaijan failed to reach an agreement on the border on Sunday.", date=DAY
    )
    got = {(e.source.code, e.target.code if e.target else None, e.cameo[:2]) for e in events}
    assert got == {("ARM", "AZE", "12"), ("AZE", "ARM", "12")}
    assert not any(e.negated for e in events)


def test_failing_to_capture_a_town_stays_a_negated_attack(coder) -> None:  # type: ignore[no-untyped-def]
    events = coder.code_text("Russian troops failed to capture the Ukrainian town.", date=DAY)
    assert not any(e.cameo.startswith("12") for e in events)


def test_co_subjects_of_a_refusal_are_not_each_others_targets(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Austria and Hungary refused to sign the migration pact.")
    assert sorted(got) == [("AUT", None, "127"), ("HUN", None, "127")]


def test_refusing_to_meet_is_the_refusers_rejection_only(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Poland's president refused to meet the visiting Hungarian prime minister.")
    assert [(s[:3], c[:2]) for s, _, c in got] == [("POL", "12")]


def test_a_protest_in_defiance_of_authorities_is_against_them(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder,
        "Taxi drivers blocked the airport road in Hong Kong on Friday in defiance of a Chinese"
        " government ban.",
    )
    assert [(t[:3] if t else None, c[:2]) for _, t, c in got] == [("CHN", "14")]


def test_a_demand_someone_refuses_to_answer_is_no_new_event(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(coder, "Hamas refused to respond to a demand from Egypt to free the hostages.")
    assert got and all(c.startswith("12") for _, _, c in got)


def test_refugees_are_of_the_state_they_flee(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "The World Food Programme will send grain to refugees fleeing the war in Mali."
    )
    assert [(t, c[:2]) for _, t, c in got] == [("MLIREF", "03")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Arab League stressed the obligation of Western governments to end the sanctions"
         " on Syria.", ("ARABLEAGUE", None, "10")),
        ("Washington issued a pointed reminder to Caracas that it must free the detained"
         " Americans.", ("USAGOV", "VENGOV", "10")),
        ("The UN stressed the need for Israel to allow aid into Gaza.", ("UN", "ISR", "02")),
    ],
)  # fmt: skip
def test_an_obligation_stressed_or_a_reminder_issued_is_an_ask(coder, text, want) -> None:  # type: ignore[no-untyped-def]
    assert [(s, t, c[:2]) for s, t, c in coded(coder, text)] == [want]


def test_a_threatened_act_gives_the_threat_its_own_target(coder) -> None:  # type: ignore[no-untyped-def]
    got = coded(
        coder, "Turkey threatened to cut diplomatic ties with Sweden over its arms sales to Greece."
    )
    assert [(t, c[:2]) for _, t, c in got] == [("SWE", "13")]

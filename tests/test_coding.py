"""The coder on the field's known failure cases and on the model article (real spaCy model)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from foedus.events import Event

JUNE_25 = dt.date(2025, 6, 25)


def events_of(coder, text: str, date: dt.date | None = JUNE_25) -> list[Event]:  # type: ignore[no-untyped-def]
    return coder.code_text(text, date=date)


def find(events: list[Event], source: str, target: str | None, root: str) -> list[Event]:
    def country(ref):  # type: ignore[no-untyped-def]
        return None if ref is None else ref.country or ref.code

    return [
        e
        for e in events
        if country(e.source) == source and country(e.target) == target and e.cameo[:2] == root
    ]


# -- the failure table of ../shared/domain/event-coding.md, one test per row ----------------


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Russia didn't attack Ukraine.", "negated"),
        ("Russia never attacked Ukraine.", "negated"),
        ("Russia may attack Ukraine.", "hypothetical"),
    ],
)
def test_negated_and_hypothetical_attacks_are_flagged_not_dropped(coder, text, flag):  # type: ignore[no-untyped-def]
    found = find(events_of(coder, text), "RUS", "UKR", "19") or find(
        events_of(coder, text), "RUS", "UKR", "18"
    )
    assert found, f"no attack event for {text!r}"
    assert all(getattr(e, flag) for e in found)
    plain = find(events_of(coder, "Russia attacked Ukraine."), "RUS", "UKR", "19")
    assert plain and not plain[0].negated and not plain[0].hypothetical


def test_reported_speech_keeps_the_event_and_its_speaker(coder):  # type: ignore[no-untyped-def]
    events = events_of(coder, "Putin said Iran asked Russia for military assistance.")
    appeal = find(events, "IRN", "RUS", "02")
    assert appeal, events
    assert appeal[0].cameo == "0232"
    assert appeal[0].reported_by == "RUSGOV"
    assert not appeal[0].negated


def test_intent_to_mediate_targets_both_sides(coder):  # type: ignore[no-untyped-def]
    events = events_of(coder, "Russia is ready to mediate between Iran and Israel.")
    for side in ("IRN", "ISR"):
        found = find(events, "RUS", side, "03")
        assert found and found[0].cameo == "039", events
        assert found[0].intent


def test_places_are_locations_not_targets(coder):  # type: ignore[no-untyped-def]
    events = events_of(coder, "Putin met Pezeshkian in Moscow.")
    meet = [e for e in events if e.cameo.startswith("04")]
    assert meet, events
    assert {(e.source.code, e.target.code if e.target else None) for e in meet} >= {
        ("RUSGOV", "IRNGOV")
    }
    assert all(e.target is None or "Moscow" not in e.target.text for e in events)
    assert {e.location for e in meet} == {"Moscow"}


@pytest.mark.parametrize(
    ("text", "date", "entity"),
    [
        ("The Iranian president visited Moscow.", dt.date(2025, 6, 25), "masoud-pezeshkian"),
        ("The Iranian president visited Moscow.", dt.date(2023, 6, 1), "ebrahim-raisi"),
    ],
)
def test_leaders_resolved_by_role_and_date(coder, text, date, entity):  # type: ignore[no-untyped-def]
    events = events_of(coder, text, date)
    assert events, text
    assert events[0].source.code == "IRNGOV"
    assert events[0].source.entity == entity


def test_codes_are_never_invented(coder):  # type: ignore[no-untyped-def]
    from foedus.cameo import load_cameo

    table = load_cameo()
    text = "Russia condemned Ukraine and threatened sanctions against Poland."
    events = events_of(coder, text)
    assert events
    for e in events:
        assert e.cameo in table
        assert e.cameo_name == table.get(e.cameo).name


# -- the model article -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def article_events(coder, shared: Path) -> list[Event]:  # type: ignore[no-untyped-def]
    path = shared / "corpora" / "news" / "russia-iran-military-aid-2025.txt"
    return events_of(coder, path.read_text(encoding="utf-8"))


def test_article_iran_did_not_ask_for_military_aid(article_events):  # type: ignore[no-untyped-def]
    found = find(article_events, "IRN", "RUS", "02")
    assert any(e.negated and e.reported_by == "RUSGOV" for e in found), found


def test_article_russia_offered_air_defence_and_iran_declined(article_events):  # type: ignore[no-untyped-def]
    assert find(article_events, "RUS", "IRN", "03")
    assert find(article_events, "IRN", "RUS", "12")


def test_article_russia_intends_to_mediate(article_events):  # type: ignore[no-untyped-def]
    mediation = [e for e in find(article_events, "RUS", "IRN", "03") if e.cameo == "039"]
    assert mediation
    assert [e for e in find(article_events, "RUS", "ISR", "03") if e.cameo == "039"]


def test_article_treaty_signed_in_january_2025(article_events):  # type: ignore[no-untyped-def]
    signed = [e for e in article_events if e.cameo == "057"]
    pairs = {(e.source.country, e.target.country if e.target else None) for e in signed}
    assert {("RUS", "IRN"), ("IRN", "RUS")} <= pairs
    assert all(e.date == "2025-01" and e.date_precision == "month" for e in signed)


def test_article_no_place_targets_and_nothing_from_the_comments_tail(article_events):  # type: ignore[no-untyped-def]
    places = {"Moscow", "Tehran", "Middle East", "St. Petersburg", "region"}
    for e in article_events:
        assert e.target is None or e.target.text not in places or e.target.code.endswith("GOV")
        assert "Comments" not in e.sentence


def test_event_offsets_point_into_the_article(coder, shared: Path):  # type: ignore[no-untyped-def]
    path = shared / "corpora" / "news" / "russia-iran-military-aid-2025.txt"
    from foedus.articles import Article

    article = Article.from_text(path.read_text(encoding="utf-8"), date=JUNE_25)
    for e in coder.code_article(article):
        assert article.text[e.start : e.end] == e.sentence
        assert article.text[e.anchor_start : e.anchor_end] == e.anchor


def test_relative_dates_stay_unresolved_without_a_publication_date(coder):  # type: ignore[no-untyped-def]
    events = events_of(coder, "Russia attacked Ukraine last week.", date=None)
    assert events and events[0].date is None and events[0].date_precision == "unknown"
    dated = events_of(coder, "Russia attacked Ukraine last week.")
    assert dated[0].date_precision == "week"


# -- general rules, on sentences written for these tests ------------------------------------


def test_would_in_reported_speech_is_intent_not_hypothesis(coder):  # type: ignore[no-untyped-def]
    events = events_of(coder, "The White House said Washington would send troops to Ukraine.")
    send = find(events, "USA", "UKR", "03") + find(events, "USA", "UKR", "07")
    assert send and send[0].intent and not send[0].negated and not send[0].hypothetical
    # saying it would not is a refusal, stated now (CAMEO 12), not a hypothesis either
    events = events_of(coder, "The White House said Washington would not send troops to Ukraine.")
    refused = find(events, "USA", "UKR", "12")
    assert refused and not (refused[0].hypothetical or refused[0].negated)
    conditional = events_of(coder, "Turkey would buy Russian jets if Washington refused.")
    assert any(e.hypothetical for e in conditional)


def test_a_reporting_verb_does_not_lend_its_subject_as_target(coder):  # type: ignore[no-untyped-def]
    events = events_of(coder, "North Korea fired two missiles into the sea, Seoul's military said.")
    fired = [e for e in events if e.source.country == "PRK"]
    assert fired and all(e.target is None for e in fired)
    assert fired[0].reported_by == "KORMIL"


def test_the_accused_does_what_it_is_accused_of(coder):  # type: ignore[no-untyped-def]
    events = events_of(coder, "Georgia accused Russia of shelling villages near the border.")
    assert find(events, "GEO", "RUS", "11")
    alleged = [e for e in events if e.source.country == "RUS"]
    assert alleged and all(e.reported_by == "GEO" for e in alleged)


def test_the_source_side_is_never_its_own_target(coder):  # type: ignore[no-untyped-def]
    events = events_of(coder, "Germany recalled its ambassador from Russia.")
    assert events and all(e.target is None or e.target.country != "DEU" for e in events)
    assert find(events, "DEU", "RUS", "16")


def test_bare_surname_of_someone_else_is_not_the_officeholder(coder):  # type: ignore[no-untyped-def]
    text = "Opposition leader Michael Howard criticised the budget. Mr Howard said it was unfair."
    assert all(e.source.country != "AUS" for e in events_of(coder, text, date=dt.date(2005, 3, 1)))


def test_predicative_attitude_adjectives_are_comments(coder):  # type: ignore[no-untyped-def]
    events = events_of(
        coder, "Egypt's foreign minister said he was pessimistic about Israel's plan."
    )
    comment = find(events, "EGY", "ISR", "01")
    assert comment and comment[0].cameo == "012"
    assert comment[0].reported_by is None  # the saying is the comment itself
    assert not events_of(coder, "Egypt's foreign minister gave an optimistic speech.")


def test_they_are_the_sides_of_the_last_joint_event(coder):  # type: ignore[no-untyped-def]
    text = "Egypt's president met the Jordanian king in Cairo. They agreed to expand trade."
    events = events_of(coder, text)
    agreed = [e for e in events if e.sentence_index == 1]
    pairs = {(e.source.country, e.target.country if e.target else None) for e in agreed}
    assert {("EGY", "JOR"), ("JOR", "EGY")} <= pairs

"""Actor mentions: names, adjectives, capitals, titles by date, places and case rules."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.actors import MentionFinder, load_actor_tables


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder(load_actor_tables())


def words(text: str) -> list[str]:
    return text.replace("'s", " 's").replace(",", " ,").replace(".", " .").split()


def codes(
    finder: MentionFinder, text: str, on: dt.date | None = None
) -> list[tuple[str, str | None]]:
    return [(m.kind, m.code) for m in finder.find(words(text), on=on)]


def test_country_names_adjectives_and_capitals(finder: MentionFinder) -> None:
    assert ("country", "RUS") in codes(finder, "Russia and Iran agreed")
    assert ("capital", "IRNGOV") in codes(finder, "Tehran rejected the offer")
    assert ("agent", "IRNMIL") in codes(finder, "the Iranian military said")


def test_title_and_name_compose_into_one_actor(finder: MentionFinder) -> None:
    found = finder.find(words("Russian President Vladimir Putin spoke"), on=dt.date(2025, 6, 25))
    assert len(found) == 1
    assert (found[0].code, found[0].entity) == ("RUSGOV", "vladimir-putin")


def test_titles_resolve_by_date(finder: MentionFinder) -> None:
    later = finder.find(words("Iran's president spoke"), on=dt.date(2025, 6, 25))
    earlier = finder.find(words("Iran's president spoke"), on=dt.date(2023, 6, 1))
    assert later[0].entity == "masoud-pezeshkian"
    assert earlier[0].entity == "ebrahim-raisi"


def test_lower_case_words_are_not_names(finder: MentionFinder) -> None:
    assert codes(finder, "he told us about turkey and china plates") == []
    assert ("country", "USA") in codes(finder, "the US said")


def test_places_are_never_actors(finder: MentionFinder) -> None:
    found = finder.find(words("talks in the Middle East and Gaza"))
    assert found and all(m.kind == "place" and not m.is_actor for m in found)


def test_bare_office_without_country_is_unresolved(finder: MentionFinder) -> None:
    found = finder.find(words("the president said"))
    assert found[0].kind == "title" and found[0].code is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("The Kurdistan Workers' Party attacked.", "PKK"), ("The G-7 condemned it.", "G7")],
)
def test_names_split_as_spacy_splits_them(text: str, code: str) -> None:
    import spacy

    words = [t.text for t in spacy.blank("en").tokenizer(text)]  # English tokenizer rules
    found = MentionFinder(load_actor_tables()).find(words)
    assert [m.code for m in found] == [code]


def test_a_first_name_before_a_full_name_is_someone_else() -> None:
    finder = MentionFinder(load_actor_tables())
    juan = finder.find(["Juan", "Carlos", "Ferrero", "won"])
    assert not [m for m in juan if m.kind == "person"]
    assert [m.code for m in finder.find(["Peru", "'s", "Carlos", "Ferrero", "spoke"])] == ["PERGOV"]

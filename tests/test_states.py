from __future__ import annotations

import pycountry
import pytest

from foedus.errors import UnknownCodeError
from foedus.states import load_states


@pytest.mark.parametrize(
    ("value", "code", "cow"),
    [
        ("USA", "USA", 2),
        ("irn", "IRN", 630),
        (365, "RUS", 365),
        ("731", "PRK", 731),
        ("North Korea", "PRK", 731),
        ("Russian Federation", "RUS", 365),
        ("Iran, Islamic Republic of", "IRN", 630),  # via pycountry's official names
        ("AUS", "AUS", 900),  # ISO Australia, never COW's AUS (Austria)
        (305, "AUT", 305),
        (260, "GFR", 260),
    ],
)
def test_lookup_by_code_number_or_name(value: str | int, code: str, cow: int) -> None:
    state = load_states().get(value)
    assert (state.code, state.cow) == (code, cow)


def test_unknown_code_suggests_the_close_one() -> None:
    with pytest.raises(UnknownCodeError, match=r"'IRNN'.*Did you mean 'IRN'"):
        load_states().get("IRNN")


def test_unknown_cow_number_is_named() -> None:
    with pytest.raises(UnknownCodeError, match="99999"):
        load_states().by_cow(99999)


def test_codes_are_iso3_or_never_clash_with_iso3() -> None:
    iso = {c.alpha_3 for c in pycountry.countries}
    for state in load_states().states:
        if state.iso3:
            assert state.iso3 in iso and state.code == state.iso3
        else:
            assert state.code not in iso, state


def test_treaty_fact_sheet_crosswalk() -> None:
    expected = {"USA": 2, "CAN": 20, "GBR": 200, "FRA": 220, "DEU": 255, "RUS": 365, "IRN": 630,
                "ISR": 666, "CHN": 710, "PRK": 731, "KOR": 732, "JPN": 740, "PHL": 840,
                "AUS": 900, "NZL": 920, "BLR": 370, "PAK": 770, "SAU": 670}  # fmt: skip
    states = load_states()
    assert {code: states.get(code).cow for code in expected} == expected

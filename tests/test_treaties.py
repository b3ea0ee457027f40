from __future__ import annotations

import re
from datetime import date
from importlib import resources

import pytest

from foedus.errors import DataFileError, UnknownCodeError
from foedus.treaties import KINDS, Registry, load_registry, load_shipped, parse_treaty

SHIPPED = sorted(
    f.name
    for f in resources.files("foedus.data").joinpath("treaties").iterdir()
    if f.name.endswith(".toml")
)

GOOD = """
id = "x-2000"
name = "Test treaty"
signed = 2000-01-01
in_force = 2000-02-01
member = [{ state = "USA", entry = 2000-02-01 }, { state = "JPN", entry = 2000-02-01 }]

[[clause]]
article = "1"
kind = "defense"
strength = "automatic"
trigger = "armed_attack"
paraphrase = "Each helps the other."
"""


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_treaty_file_is_valid(name: str) -> None:
    text = resources.files("foedus.data").joinpath("treaties", name).read_text(encoding="utf-8")
    treaty = parse_treaty(text, name)
    assert treaty.id == name.removesuffix(".toml")
    assert treaty.members and treaty.clauses and treaty.sources
    assert all(c.paraphrase and c.article for c in treaty.clauses)
    assert all(c.kind in KINDS for c in treaty.clauses)
    for member in treaty.members:
        assert treaty.in_force is None or member.entry >= treaty.in_force


def test_the_fact_sheet_is_shipped_whole() -> None:
    ids = {t.id for t in load_shipped()}
    assert {
        "nato-1949", "csto-1992", "rus-prk-2024", "rus-irn-2025", "rus-irn-2001",
        "chn-prk-1961", "usa-jpn-1960", "usa-kor-1953", "usa-phl-1951", "anzus-1951",
        "rio-1947", "teu-42-7", "rus-chn-2001", "rus-blr-2024", "pak-sau-2025", "sco-2002",
        "aukus-2021",
    } <= ids  # fmt: skip


def test_nato_has_32_members_today_with_the_latest_accessions() -> None:
    nato = load_registry().get("nato-1949")
    today = nato.states_on(date(2025, 6, 1))
    assert len(today) == 32
    assert nato.member_on("FIN", date(2023, 4, 3)) is None
    assert nato.member_on("FIN", date(2023, 4, 4)) is not None
    assert nato.member_on("SWE", date(2024, 3, 7)) is not None
    assert len(nato.states_on(date(1950, 1, 1))) == 12


def test_non_defense_treaties_say_so() -> None:
    registry = load_registry()
    for treaty_id in ("sco-2002", "aukus-2021", "rus-chn-2001", "rus-irn-2001", "rus-irn-2025"):
        assert not registry.get(treaty_id).is_defense_pact, treaty_id
    assert registry.get("rus-prk-2024").is_defense_pact


def test_treaty_status_by_date() -> None:
    treaty = load_registry().get("rus-irn-2025")
    assert treaty.status_on(date(2024, 12, 31)) == "not signed"
    assert treaty.status_on(date(2025, 6, 20)) == "signed, not in force"
    assert treaty.status_on(date(2025, 10, 15)) == "in force"
    assert load_registry().get("rus-irn-2001").status_on(date(2025, 10, 15)) == "ended"


def test_list_by_state_and_date() -> None:
    registry = load_registry()
    ids = {t.id for t in registry.list(state="PRK", on=date(2025, 1, 10))}
    assert ids == {"chn-prk-1961", "rus-prk-2024"}
    assert "rus-prk-2000" in {t.id for t in registry.list(state="North Korea")}


def test_show_unknown_id_suggests() -> None:
    with pytest.raises(UnknownCodeError, match="Did you mean 'nato-1949'"):
        load_registry().get("nato")


def test_to_dict_is_json_ready() -> None:
    data = load_registry().get("usa-jpn-1960").to_dict()
    assert data["signed"] == "1960-01-19"
    assert data["clauses"][1]["owed_by"] == ["USA"]
    assert data["is_defense_pact"] is True


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (('kind = "defense"', 'kind = "defence"'), "clause[0].kind"),
        (('state = "JPN"', 'state = "XXX"'), "member[1].state"),
        (("signed = 2000-01-01", 'signed = "last year"'), "signed"),
        (('paraphrase = "Each helps the other."', 'paraphrase = ""'), "clause[0].paraphrase"),
        (('article = "1"', 'article = "1"\nowed_by = ["CHN"]'), "clause[0].owed_by"),
        (("in_force = 2000-02-01", "in_force = 1999-02-01"), "in_force"),
        (('name = "Test treaty"', 'name = "Test treaty"\nsigend = 2000-01-01'), "sigend"),
    ],
)
def test_bad_treaty_file_names_file_and_field(change: tuple[str, str], field: str) -> None:
    assert change[0] in GOOD
    with pytest.raises(DataFileError, match=re.escape(f"x-2000.toml: field '{field}")):
        parse_treaty(GOOD.replace(*change), "x-2000.toml")


def test_good_treaty_text_parses() -> None:
    assert parse_treaty(GOOD, "x-2000.toml").states() == ("USA", "JPN")


def test_bad_toml_and_id_mismatch() -> None:
    with pytest.raises(DataFileError, match="not valid TOML"):
        parse_treaty("id = ", "x-2000.toml")
    with pytest.raises(DataFileError, match=r"field 'id'.*Make them match"):
        parse_treaty(GOOD, "y-2000.toml")


def test_registry_without_atop_lists_only_shipped() -> None:
    registry = Registry.build(load_shipped())
    assert {t.source for t in registry.treaties} == {"shipped"}
    assert registry.precedence(registry.get("nato-1949")).startswith("Shipped treaty; ATOP")

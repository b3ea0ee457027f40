from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from foedus.errors import ScenarioError, UnknownCodeError
from foedus.obligations import STATUSES, Obligation, Scenario, assess, assess_pair
from foedus.treaties import Registry, import_atop, load_registry

ATOP = Path(__file__).resolve().parents[1].parent / "shared" / "atop"
OBLIGED = ("obliged", "obliged if requested", "obliged at its discretion")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _defense(items: tuple[Obligation, ...]) -> list[Obligation]:
    return [i for i in items if i.kind == "defense" and i.status in OBLIGED]


def _one(items: tuple[Obligation, ...], treaty: str, article: str) -> Obligation:
    return next(i for i in items if i.treaty == treaty and i.article == article)


def test_iran_attacked_by_israel_june_2025(registry: Registry) -> None:
    russia = assess_pair("RUS", "IRN", "ISR", date(2025, 6, 20), registry)
    assert not _defense(russia)
    new = [i for i in russia if i.treaty == "rus-irn-2025"]
    assert new and {i.status for i in new} == {"treaty not in force on that date"}
    assert "2025-10-02" in new[0].conditions[0].reason
    old = _one(russia, "rus-irn-2001", "3")
    assert (old.kind, old.status) == ("neutrality", "must not aid the attacker")


def test_iran_attacked_by_israel_october_2025(registry: Registry) -> None:
    russia = assess_pair("RUS", "IRN", "ISR", date(2025, 10, 15), registry)
    assert not _defense(russia)
    art3 = [i for i in russia if i.treaty == "rus-irn-2025" and i.kind == "neutrality"]
    assert [(i.article, i.status) for i in art3] == [("3", "must not aid the attacker")]
    assert {i.status for i in russia if i.treaty == "rus-irn-2001"} == {
        "treaty not in force on that date"
    }


def test_north_korea_attacked_by_south_korea(registry: Registry) -> None:
    result = assess(Scenario("PRK", "KOR", date(2025, 1, 10)), registry)
    russia = _one(result.for_state("RUS"), "rus-prk-2024", "4")
    assert (russia.status, russia.strength) == ("obliged", "automatic")
    china = _one(result.for_state("CHN"), "chn-prk-1961", "II")
    assert (china.status, china.strength) == ("obliged", "automatic")
    # The US is bound to the attacker (ROK), not to the attacked; that is explained, not obliged.
    us = _one(result.for_state("USA"), "usa-kor-1953", "III")
    assert (us.role, us.status) == ("attacker", "no obligation")


def test_japan_attacked_on_territory_it_administers(registry: Registry) -> None:
    us = assess_pair("USA", "JPN", "CHN", date(2025, 1, 10), registry, where="Senkaku Islands")
    art5 = _one(us, "usa-jpn-1960", "V")
    assert (art5.status, art5.strength) == ("obliged", "constitutional_processes")
    assert {c.name: c.state for c in art5.conditions}["administered by"] == "met"


def test_japan_attacked_on_territory_it_does_not_administer(registry: Registry) -> None:
    us = assess_pair("USA", "JPN", "RUS", date(2025, 1, 10), registry, where="Kurils")
    art5 = _one(us, "usa-jpn-1960", "V")
    assert art5.status == "no obligation"
    assert any(c.name == "administered by" and c.state == "unmet" for c in art5.conditions)


def test_us_attacked_in_hawaii_japan_owes_nothing(registry: Registry) -> None:
    japan = assess_pair("JPN", "USA", "CHN", date(2025, 1, 10), registry, where="Hawaii")
    assert not _defense(japan)
    art5 = _one(japan, "usa-jpn-1960", "V")
    assert art5.status == "no obligation"
    assert art5.conditions[0].name == "direction"


def test_nato_member_attacked_in_europe(registry: Registry) -> None:
    result = assess(Scenario("EST", "RUS", date(2025, 1, 10)), registry)
    art5 = [i for i in result.items if i.treaty == "nato-1949" and i.article == "5"]
    obliged = {i.state for i in art5 if i.status == "obliged at its discretion"}
    others = set(registry.get("nato-1949").states_on(date(2025, 1, 10))) - {"EST"}
    assert obliged == others and len(obliged) == 31


def test_nato_attack_outside_article_6_area(registry: Registry) -> None:
    result = assess(Scenario("ESP", "MAR", date(2025, 1, 10), where="Ceuta"), registry)
    art5 = [i for i in result.items if i.treaty == "nato-1949" and i.article == "5"]
    assert art5 and {i.status for i in art5} == {"no obligation"}
    area = next(c for c in art5[0].conditions if c.name == "area")
    assert area.state == "unmet" and "Ceuta" in area.reason and "Art. 5" in area.reason
    # The EU clause has no area limit: the same attack obliges EU members.
    assert _one(result.for_state("FRA"), "teu-42-7", "42(7)").status == "obliged"


def test_members_on_both_sides_are_explained(registry: Registry) -> None:
    result = assess(Scenario("GRC", "TUR", date(2025, 1, 10)), registry)
    france = result.for_state("FRA")
    toward_greece = _one(france, "nato-1949", "5")
    assert toward_greece.role == "attacked"
    assert any(c.name == "attacker outside the alliance" for c in toward_greece.conditions)
    assert any(i.role == "attacker" and i.toward == "TUR" for i in france)
    assert any("both sides" in n for n in result.notes)


def test_request_condition(registry: Registry) -> None:
    day = date(2025, 1, 10)
    plain = assess_pair("RUS", "PRK", "KOR", day, registry)
    assert _one(plain, "rus-prk-2024", "3").status == "must consult if requested"
    asked = assess_pair(
        "RUS", "PRK", "KOR", day, registry, requested_by="PRK", requested_from="RUS"
    )
    assert _one(asked, "rus-prk-2024", "3").status == "must consult"


def test_anzus_suspension(registry: Registry) -> None:
    us = assess_pair("USA", "NZL", "CHN", date(2025, 1, 10), registry)
    assert not _defense(us)
    assert _defense(assess_pair("AUS", "NZL", "CHN", date(2025, 1, 10), registry))


def test_every_status_is_known_and_json_shape(registry: Registry) -> None:
    result = assess(Scenario("IRN", "ISR", date(2025, 6, 20)), registry)
    data = json.loads(json.dumps(result.to_dict()))
    for item in data["items"]:
        assert {"state", "treaty", "article", "kind", "status", "strength", "conditions"} <= set(
            item
        )
        assert item["status"] in STATUSES
        for cond in item["conditions"]:
            assert set(cond) == {"name", "state", "reason"}
            assert cond["state"] in ("met", "unmet", "unknown")


@pytest.mark.parametrize(
    ("scenario", "error", "match"),
    [
        (Scenario("IRN", "IRN", date(2025, 6, 20)), ScenarioError, "both 'IRN'"),
        (Scenario("XYZ", "ISR", date(2025, 6, 20)), UnknownCodeError, "'XYZ'"),
        (Scenario("IRN", "ISR", date(1700, 1, 1)), ScenarioError, "no data"),
        (
            Scenario("IRN", "ISR", date(2024, 1, 1), treaty="rus-irn-2025"),
            ScenarioError,
            "before treaty 'rus-irn-2025' was signed",
        ),
        (Scenario("IRN", "ISR", date(2025, 6, 20), where="Atlantis"), UnknownCodeError, "Atlantis"),
    ],
)
def test_bad_scenarios(
    registry: Registry, scenario: Scenario, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        assess(scenario, registry)


def test_atop_alliances_are_reasoned_over_and_no_data_is_unknown(tmp_path: Path) -> None:
    if not (ATOP / "atop4_01m.csv").exists():
        pytest.skip("ATOP 4.01 files not found in ../shared/atop")
    db = tmp_path / "store.sqlite"
    import_atop(ATOP / "atop4_01a.csv", ATOP / "atop4_01m.csv", db)
    registry = load_registry(db)
    # An ATOP defense pact in force at the end of ATOP's coverage, attacked after it.
    treaty = next(t for t in registry.list(source="atop", on=date(2016, 6, 1)) if t.is_defense_pact)
    attacked, helper = treaty.states_on(date(2016, 6, 1))[:2]
    attacker = "ISL" if "ISL" not in (attacked, helper) else "NZL"
    items = assess_pair(helper, attacked, attacker, date(2020, 1, 1), registry)
    item = next(i for i in items if i.treaty == treaty.id and i.kind == "defense")
    coverage = next(c for c in item.conditions if c.name == "data coverage")
    assert coverage.state == "unknown" and "no data" in coverage.reason
    assert item.source == "atop"

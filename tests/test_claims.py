"""Claims about treaty obligations: found with general patterns, checked against the registry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from foedus.claims import Claim, check_claim, find_claims, named_treaties, split_sentences
from foedus.treaties import Clause, Conditions, Member, Registry, Treaty, load_registry

ON = dt.date(2025, 6, 25)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def one(text: str) -> Claim:
    [claim] = find_claims(text)
    return claim


# Our own sentences: (text, kind, duty, on_request).
FOUND = [
    ("The pact has no mutual defence clause.", "clause", False, False),
    ("Officials stressed the agreement contains a mutual assistance clause.", "clause", True,
     False),
    ("Under the accord Moscow is under no obligation to intervene unless Tehran requests it.",
     "duty", False, True),
    ("The treaty obliges each side to come to the aid of the other.", "duty", True, False),
    ("The allies are bound by the treaty to defend one another if asked.", "duty", True, True),
    ("Analysts noted the partnership is not a military alliance.", "clause", False, False),
    ("Nothing in the treaty requires Russia to help; it lacks a defense commitment.", "clause",
     False, False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "duty", "on_request"), FOUND)
def test_claims_are_found(text: str, kind: str, duty: bool, on_request: bool) -> None:
    claims = find_claims(text)
    assert claims, text
    claim = next(c for c in claims if c.kind == kind)
    assert (claim.duty, claim.on_request) == (duty, on_request)
    assert claim.text in text and claim.sentence == text


@pytest.mark.parametrize(
    "text",
    [
        "Russia is not offering military support to Iran.",
        "Its troops are committed to the war in Ukraine.",
        "The two leaders discussed trade and energy in Moscow.",
        "Iran has not asked Russia for help.",
        "Each side shall not help an aggressor against the other under the treaty.",
    ],
)
def test_sentences_without_a_claim(text: str) -> None:
    assert find_claims(text) == ()


def test_sentences_are_split_with_offsets() -> None:
    text = "First one. “Second one,” he said.\nThird line"
    spans = split_sentences(text)
    assert [s for _, s in spans] == ["First one.", "“Second one,” he said.", "Third line"]
    assert all(text[o : o + len(s)] == s for o, s in spans)
    claims = find_claims("Intro here. The treaty has no defence clause.", article_id="a1")
    assert claims[0].start == 12 and claims[0].article_id == "a1"
    assert claims[0].context == "Intro here."


def test_named_treaty_found_by_name_words(registry: Registry) -> None:
    named = named_treaties("Under the North Atlantic Treaty allies help each other.", registry)
    assert [t.id for t in named] == ["nato-1949"]
    named = named_treaties("the Comprehensive Strategic Partnership Treaty", registry)
    assert {t.id for t in named} == {"rus-irn-2025", "rus-prk-2024"}
    assert named_treaties("a strategic and comprehensive partnership", registry) == ()


def test_no_obligation_unless_requested_is_not_supported(registry: Registry) -> None:
    claim = one("Under our treaty there is no obligation for us to intervene unless requested.")
    check = check_claim(claim, registry, pair=("RUS", "IRN"), on=ON)
    assert check.treaty == "rus-irn-2025" and check.treaty_status == "signed, not in force"
    assert check.verdict == "contradicted"
    verdicts = {p.proposition: p.verdict for p in check.parts}
    assert verdicts == {
        "no duty to help without a request": "consistent",
        "a duty to help on request": "contradicted",
    }
    assert "Not supported by the treaty text" in check.summary
    assert "no clause obliging help, even on request" in check.summary
    assert "rus-irn-2025 Art. 3" in check.clauses


def test_no_defense_clause_is_consistent_and_names_the_deciding_clause(
    registry: Registry,
) -> None:
    check = check_claim(one("It has no mutual defense clause."), registry, pair=("RUS", "IRN"),
                        on=ON)  # fmt: skip
    assert check.verdict == "consistent"
    assert check.clauses[0] == "rus-irn-2025 Art. 3"
    assert "neutrality" in check.summary


def test_claimed_duty_contradicted_where_there_is_none(registry: Registry) -> None:
    claim = one("The treaty obliges Russia to defend Iran.")
    check = check_claim(claim, registry, pair=("RUS", "IRN"), on=ON)
    assert check.verdict == "contradicted"


def test_claimed_absence_contradicted_where_a_defense_clause_exists(registry: Registry) -> None:
    claim = one("The treaty contains no mutual defence clause.")
    check = check_claim(claim, registry, pair=("RUS", "PRK"), on=ON)
    assert check.treaty == "rus-prk-2024"
    assert check.verdict == "contradicted"
    assert check.clauses == ("rus-prk-2024 Art. 4",)


def test_named_treaty_wins_over_the_pair_default(registry: Registry) -> None:
    claim = one("The North Atlantic Treaty obliges allies to come to the aid of a member.")
    check = check_claim(claim, registry, pair=("USA", "POL"), on=ON)
    assert check.treaty == "nato-1949" and "named in the sentence" in check.tied_by
    assert check.verdict == "consistent"
    assert "nato-1949 Art. 5" in check.clauses


def test_treaty_named_in_the_sentence_before(registry: Registry) -> None:
    claims = find_claims(
        "Leaders praised the Comprehensive Strategic Partnership Treaty. It has no mutual "
        "defense clause."
    )
    check = check_claim(claims[0], registry, pair=("RUS", "IRN"), on=ON)
    assert check.treaty == "rus-irn-2025" and "sentence before" in check.tied_by


def test_pair_without_treaty_is_not_covered(registry: Registry) -> None:
    check = check_claim(one("The pact has no mutual defence clause."), registry,
                        pair=("BRA", "NZL"), on=ON)  # fmt: skip
    assert check.verdict == "not covered" and check.treaty is None
    assert "no treaty between BRA and NZL" in check.summary


def test_treaty_signed_after_the_article_is_not_chosen(registry: Registry) -> None:
    claim = one("The treaty has no mutual defence clause.")
    check = check_claim(claim, registry, pair=("RUS", "IRN"), on=dt.date(2024, 5, 1))
    assert check.treaty == "rus-irn-2001"


def _request_only_registry() -> Registry:
    clause = Clause(
        "2",
        "defense",
        "necessary_assistance",
        "request",
        "Each helps the other when it asks.",
        conditions=Conditions(request=True),
    )
    members = (Member("AAA", 1, dt.date(2000, 1, 1)), Member("BBB", 2, dt.date(2000, 1, 1)))
    treaty = Treaty("aaa-bbb-2000", "Pact of Requests", "shipped", dt.date(2000, 1, 1),
                    dt.date(2000, 1, 1), members, (clause,))  # fmt: skip
    return Registry((treaty,))


def test_on_request_claims_against_a_request_only_clause() -> None:
    registry = _request_only_registry()
    pair = ("AAA", "BBB")
    unless = one("The pact imposes no obligation to intervene unless requested.")
    assert check_claim(unless, registry, pair=pair, on=ON).verdict == "consistent"
    plain = one("The pact obliges each side to defend the other.")
    check = check_claim(plain, registry, pair=pair, on=ON)
    assert check.verdict == "contradicted" and "only on request" in check.summary


def test_claim_round_trips_to_dict(registry: Registry) -> None:
    check = check_claim(one("It has no mutual defense clause."), registry, pair=("RUS", "IRN"),
                        on=ON)  # fmt: skip
    data = check.to_dict()
    assert data["claim"]["asserts"] == "no duty to help"
    assert data["verdict"] == "consistent" and data["on"] == "2025-06-25"
    assert data["clauses"] == list(check.clauses)


def test_real_article_claims(shared: Path, registry: Registry) -> None:
    path = shared / "corpora" / "news" / "russia-iran-military-aid-2025.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    checks = [
        check_claim(c, registry, pair=("RUS", "IRN"), on=ON)
        for c in find_claims(path.read_text(encoding="utf-8"))
    ]
    by_text = {c.claim.text: c for c in checks}
    unless = next(c for t, c in by_text.items() if "unless requested" in t)
    assert unless.verdict == "contradicted" and unless.claim.on_request
    assert "Not supported by the treaty text" in unless.summary
    clause = next(c for t, c in by_text.items() if "mutual defense clause" in t)
    assert clause.verdict == "consistent" and clause.treaty == "rus-irn-2025"
    assert "named in the sentence before" in clause.tied_by
    assert all(c.verdict != "not covered" for c in checks)

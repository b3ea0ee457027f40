"""The brief, built from hand-made events stored through `Store.add_batch`.

The real-coder run on the shared news article lives in test_cli_explain.py.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from foedus.articles import Article
from foedus.errors import InputError, ScenarioError, StoreError, UnknownCodeError
from foedus.events import ActorRef, Event
from foedus.explain import GROUPS, Brief, explain, render
from foedus.store import Store

RUS = ActorRef("Moscow", "RUSGOV", "RUS", ("GOV",))
IRN = ActorRef("Tehran", "IRNGOV", "IRN", ("GOV",))
ISR = ActorRef("Israel", "ISR", "ISR")
PRK = ActorRef("Pyongyang", "PRKGOV", "PRK", ("GOV",))
KOR = ActorRef("Seoul", "KORGOV", "KOR", ("GOV",))

# Our own sentences, written for this test (index = position in the article).
SENTENCES = (
    "Kremlin says Tehran sought no arms.",
    "The Russian president said Iran had not sought military help from Moscow.",
    "Under the partnership treaty there is no duty for Russia to defend Iran unless Tehran asks.",
    "Russia proposed joint air defence work to Iran.",
    "Iran turned the Russian proposal down.",
    "Moscow offered to mediate between Iran and Israel.",
    "Israel struck Iranian nuclear sites.",
    "Russia and Iran signed the treaty in January.",
)
ON = dt.date(2025, 6, 25)


def _article(tmp_path: Path, *, keep_file: bool) -> Article:
    text = "\n".join(SENTENCES)
    path = tmp_path / "kremlin.txt"
    if keep_file:
        path.write_text(text, encoding="utf-8")
    return Article.from_text(text, title=SENTENCES[0], date=dt.date(2025, 6, 21),
                             source="test", origin=str(path))  # fmt: skip


def _event(art: Article, n: int, source: ActorRef, target: ActorRef, cameo: str, name: str,
           **extra: Any) -> Event:  # fmt: skip
    sentence = SENTENCES[n]
    start = art.text.index(sentence)
    fields: dict[str, Any] = dict(
        id=f"{art.id[:12]}-{n}-{cameo}", article_id=art.id, sentence_index=n, sentence=sentence,
        start=start, end=start + len(sentence), anchor=sentence.split()[1], anchor_start=start,
        anchor_end=start + 4, source=source, target=target, cameo=cameo, cameo_name=name,
        plover=None, plover_mode=None, quad_class=1, goldstein=1.0, date="2025-06-20",
        date_precision="day", coder_version="test",
    )  # fmt: skip
    fields.update(extra)
    return Event(**fields)


def _iran_events(art: Article) -> list[Event]:
    return [
        _event(art, 1, IRN, RUS, "0232", "Appeal for military aid", negated=True,
               reported_by="RUSGOV", speaker="Vladimir Putin",
               quote="Iran had not sought military help"),
        _event(art, 3, RUS, IRN, "0312", "Express intent to cooperate militarily"),
        _event(art, 4, IRN, RUS, "125", "Reject proposal to meet, discuss, or negotiate"),
        _event(art, 5, RUS, IRN, "039", "Express intent to mediate", intent=True),
        _event(art, 6, ISR, IRN, "195", "Employ aerial weapons"),
        _event(art, 7, RUS, IRN, "057", "Sign formal agreement", date="2025-01",
               date_precision="month"),
        _event(art, 6, ISR, IRN, "190", "Use conventional military force", date="2025-07-01"),
    ]  # fmt: skip


def _store(tmp_path: Path, events: list[Event], art: Article) -> Path:
    db = tmp_path / "events.sqlite"
    with Store.open(db) as store:
        store.add_batch([art], events)
    return db


@pytest.fixture
def iran_db(tmp_path: Path) -> Path:
    art = _article(tmp_path, keep_file=True)
    return _store(tmp_path, _iran_events(art), art)


@pytest.fixture
def brief(iran_db: Path) -> Brief:
    return explain("RUS", "IRN", attacker="ISR", on=ON, db=iran_db)


def test_no_defense_obligation_and_the_non_assistance_clause_named(brief: Brief) -> None:
    toward = [c.obligation for c in brief.clauses if c.obligation.role == "attacked"]
    statuses = {(o.treaty, o.article, o.kind): o.status for o in toward}
    assert statuses[("rus-irn-2001", "3", "neutrality")] == "must not aid the attacker"
    assert statuses[("rus-irn-2025", "3", "neutrality")] == "treaty not in force on that date"
    assert not any(s.startswith("obliged") for s in statuses.values())
    text = " ".join(f.text for f in brief.conclusion)
    assert "RUS has no defense obligation toward IRN" in text
    assert "non-assistance clause, rus-irn-2001 Art. 3" in text
    # The 2025 treaty is signed but not in force: its clauses bind no one yet.
    assert "clause, rus-irn-2025" not in text


def test_treaty_in_force_on_the_date_is_said(brief: Brief) -> None:
    status = {t.id: t.status for t in brief.treaties}
    assert status["rus-irn-2001"] == "in force"
    assert status["rus-irn-2025"] == "signed, not in force"
    text = " ".join(f.text for f in brief.conclusion)
    assert "rus-irn-2001 (Russia–Iran 2001) is in force" in text
    assert "rus-irn-2025 (Russia–Iran 2025) is signed on 2025-01-17 but not in force" in text


def test_events_grouped_with_quotes_and_sources(brief: Brief) -> None:
    groups = {e.cameo: e.group for e in brief.events}
    assert groups == {"0232": "requests", "0312": "offers", "125": "refusals",
                      "039": "mediation", "195": "attacks", "057": "treaty"}  # fmt: skip
    request = next(e for e in brief.events if e.group == "requests")
    assert request.flags == ("negated",) and request.reported_by == "RUSGOV"
    assert request.quote == "Iran had not sought military help"
    assert request.sentence == SENTENCES[1] and request.sentence_index == 1
    order = [name for name, _ in GROUPS]
    assert [order.index(e.group) for e in brief.events] == sorted(
        order.index(e.group) for e in brief.events
    )


def test_events_after_the_date_are_left_out_and_noted(brief: Brief) -> None:
    assert "190" not in {e.cameo for e in brief.events}
    assert any("1 coded events dated after" in n for n in brief.notes)


def test_no_request_finding_cites_the_event(brief: Brief) -> None:
    finding = next(f for f in brief.conclusion if "did not ask" in f.text)
    request = next(e for e in brief.events if e.group == "requests")
    assert finding.cites == (request.ref,)
    assert "IRN did not ask RUS for help" in finding.text


def test_claim_found_in_reread_text_and_not_supported(brief: Brief) -> None:
    # The claim sentence carries no event: it is found because the article file is re-read.
    [line] = brief.claims
    assert line.check.claim.sentence == SENTENCES[2]
    assert line.check.verdict == "contradicted"
    assert line.check.treaty == "rus-irn-2025"
    assert "no clause obliging help, even on request" in line.check.summary
    assert "rus-irn-2025 Art. 3" in line.check.clauses


def test_claims_fall_back_to_event_sentences(tmp_path: Path) -> None:
    art = _article(tmp_path, keep_file=False)
    extra = _event(art, 2, RUS, IRN, "0312", "Express intent to cooperate militarily",
                   negated=True)  # fmt: skip
    db = _store(tmp_path, [*_iran_events(art), extra], art)
    brief = explain("RUS", "IRN", attacker="ISR", on=ON, db=db)
    assert [c.check.claim.sentence for c in brief.claims] == [SENTENCES[2]]
    assert next(e for e in brief.events if e.sentence_index == 2).group == "treaty"


def test_without_the_file_or_an_event_sentence_no_claim_is_invented(tmp_path: Path) -> None:
    art = _article(tmp_path, keep_file=False)
    db = _store(tmp_path, _iran_events(art), art)
    assert explain("RUS", "IRN", attacker="ISR", on=ON, db=db).claims == ()


def test_every_finding_cites_known_refs_or_says_absence(brief: Brief) -> None:
    assert brief.conclusion
    for finding in brief.conclusion:
        if finding.basis == "absence":
            assert not finding.cites
        else:
            assert finding.cites and set(finding.cites) <= brief.refs


def test_plain_request_meets_the_request_condition(tmp_path: Path) -> None:
    art = _article(tmp_path, keep_file=False)
    asked = _event(art, 1, PRK, RUS, "0232", "Appeal for military aid", date="2025-04-20")
    db = _store(tmp_path, [asked], art)
    brief = explain("RUS", "PRK", attacker="KOR", on=dt.date(2025, 4, 28), db=db)
    assert any("request condition counts as met" in n for n in brief.notes)
    text = " ".join(f.text for f in brief.conclusion)
    assert "PRK asked RUS for help" in text
    assert "RUS is obliged to help PRK against KOR under rus-prk-2024 Art. 4 (automatic)" in text


def test_unknown_pair_says_so_instead_of_guessing(iran_db: Path) -> None:
    brief = explain("IND", "NZL", attacker="ZAF", on=ON, db=iran_db)
    assert brief.treaties == () and brief.clauses == () and brief.events == ()
    [finding] = brief.conclusion
    assert finding.basis == "absence" and finding.cites == ()
    assert "foedus has nothing on IND and NZL" in finding.text
    assert "No conclusion is drawn" in finding.text
    assert "nothing on IND and NZL" in render(brief, "text")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("RUS", "XYZ", "ISR"), UnknownCodeError),
        (("RUS", "IRN", "IRN"), ScenarioError),
    ],
)
def test_bad_states_raise(iran_db: Path, args: tuple[str, str, str], error: type) -> None:
    helper, partner, attacker = args
    with pytest.raises(error, match=r"XYZ|IRN"):
        explain(helper, partner, attacker=attacker, on=ON, db=iran_db)


def test_missing_store_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="No store at"):
        explain("RUS", "IRN", attacker="ISR", on=ON, db=tmp_path / "none.sqlite")


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if isinstance(value, str | int) and not isinstance(value, bool) else []


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_json_and_text_carry_the_same_content(brief: Brief, fmt: str) -> None:
    data = json.loads(render(brief, "json"))
    assert data == brief.to_dict() | {"on": ON.isoformat()}
    shown = render(brief, fmt)
    missing = [s for s in _strings(data) if s not in shown]
    assert missing == []
    for ref in brief.refs:
        assert ref in shown


def test_markdown_has_sections_and_bold_refs(brief: Brief) -> None:
    md = render(brief, "markdown")
    assert md.startswith("# Why is RUS (not) helping IRN against ISR?")
    for heading in ("## 1. Treaty obligations", "## 2. Evidence: coded events",
                    "## 3. Claims about the treaty in the news", "## 4. Conclusion"):  # fmt: skip
        assert heading in md
    assert "- **C1**" in md and "- **E1**" in md and "- **K1**" in md


def test_unknown_format_is_refused(brief: Brief) -> None:
    with pytest.raises(InputError, match="Did you mean 'markdown'"):
        render(brief, "markdwon")

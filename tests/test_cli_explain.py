"""`foedus explain` and the demo briefs, on articles coded by the real coder into SQLite.

Coding results improve as the lexicon grows, so these tests check what the issue asks the
brief to show, not today's exact events.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from foedus.articles import Article, example_articles, read_inputs
from foedus.cli import load_commands
from foedus.cli.explain import DEMO_BRIEFS, demo_briefs
from foedus.cli.main import cli
from foedus.config import Settings
from foedus.store import Store

NEWS = "corpora/news/russia-iran-military-aid-2025.txt"


def _code_into(coder: Any, articles: list[Article], db: Path) -> Path:
    with Store.open(db) as store:
        for article, events in coder.code_articles(articles):
            store.add_batch([article], events)
    return db


@pytest.fixture(scope="module")
def news_db(shared: Path, coder: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = shared / NEWS
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    [article] = read_inputs([path], date=dt.date(2025, 6, 25))
    assert isinstance(article, Article)
    return _code_into(coder, [article], tmp_path_factory.mktemp("news") / "events.sqlite")


def run(*args: str) -> Any:
    load_commands()
    return CliRunner().invoke(cli, ["explain", *args])


def brief_json(db: Path, *pair: str, attacker: str, on: str) -> dict[str, Any]:
    result = run(*pair, "--attacker", attacker, "--on", on, "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


@pytest.fixture(scope="module")
def iran(news_db: Path) -> dict[str, Any]:
    return brief_json(news_db, "RUS", "IRN", attacker="ISR", on="2025-06-25")


def _conclusion(data: dict[str, Any]) -> str:
    return "\n".join(f["text"] for f in data["conclusion"])


def test_no_defense_obligation_and_non_assistance_clause(iran: dict[str, Any]) -> None:
    text = _conclusion(iran)
    assert "RUS has no defense obligation toward IRN on 2025-06-25" in text
    assert "non-assistance clause, rus-irn-2001 Art. 3: must not aid ISR" in text
    assert not any(c["status"].startswith("obliged") for c in iran["clauses"])


def test_treaty_in_force_on_the_date(iran: dict[str, Any]) -> None:
    status = {t["id"]: t["status"] for t in iran["treaties"]}
    assert status["rus-irn-2001"] == "in force"
    assert status["rus-irn-2025"] == "signed, not in force"
    text = _conclusion(iran)
    assert "rus-irn-2001 (Russia–Iran 2001) is in force" in text
    assert "rus-irn-2025 (Russia–Iran 2025) is signed on 2025-01-17 but not in force" in text


def _events(data: dict[str, Any], group: str, source: str, target: str) -> list[dict[str, Any]]:
    return [
        e for e in data["events"]
        if e["group"] == group and e["source"][:3] == source and (e["target"] or "")[:3] == target
    ]  # fmt: skip


def test_news_evidence_no_request_declined_offer_mediation(iran: dict[str, Any]) -> None:
    [ask, *_] = _events(iran, "requests", "IRN", "RUS")
    assert "negated" in ask["flags"] and ask["quote"] and ask["speaker"]
    assert ask["article_id"] and ask["sentence"] and ask["sentence_index"] >= 0
    assert _events(iran, "offers", "RUS", "IRN"), "the air-defense offer"
    assert _events(iran, "refusals", "IRN", "RUS"), "Iran declining it"
    assert _events(iran, "mediation", "RUS", "IRN") or _events(iran, "mediation", "RUS", "ISR")
    refs = {e["ref"] for e in iran["events"]}
    cited = {c for f in iran["conclusion"] for c in f["cites"]}
    assert ask["ref"] in cited and refs <= cited
    assert "IRN did not ask RUS for help" in _conclusion(iran)


def test_unless_requested_claim_is_not_supported(iran: dict[str, Any]) -> None:
    [claim] = [k for k in iran["claims"] if "unless requested" in k["claim"]["text"]]
    assert claim["verdict"] == "contradicted"
    assert "Not supported by the treaty text" in claim["summary"]
    assert "no clause obliging help, even on request" in claim["summary"]
    finding = next(f for f in iran["conclusion"] if claim["ref"] in f["cites"])
    assert "unless requested" in finding["text"]


def test_every_finding_cites_a_clause_event_or_claim(iran: dict[str, Any]) -> None:
    refs = {x["ref"] for key in ("clauses", "events", "claims") for x in iran[key]}
    for finding in iran["conclusion"]:
        assert finding["basis"] in ("evidence", "absence")
        if finding["basis"] == "evidence":
            assert finding["cites"] and set(finding["cites"]) <= refs


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if isinstance(value, str | int) and not isinstance(value, bool) else []


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_carry_the_json_content(
    news_db: Path, iran: dict[str, Any], fmt: str
) -> None:
    result = run("RUS", "IRN", "--attacker", "ISR", "--on", "2025-06-25", "--db", str(news_db),
                 "--format", fmt)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert [s for s in _strings(iran) if s not in result.output] == []
    if fmt == "markdown":
        assert "## 4. Conclusion" in result.output and "- **K1**" in result.output


def test_pair_with_nothing_says_so(news_db: Path) -> None:
    data = brief_json(news_db, "IND", "NZL", attacker="ZAF", on="2025-06-25")
    assert data["treaties"] == data["clauses"] == data["events"] == data["claims"] == []
    [finding] = data["conclusion"]
    assert finding["basis"] == "absence" and "No conclusion is drawn" in finding["text"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["RUS", "ZZZ", "--attacker", "ISR", "--on", "2025-06-25"], "Unknown state 'ZZZ'"),
        (["RUS", "IRN", "--attacker", "IRN", "--on", "2025-06-25"], "Attacker and attacked"),
        (["RUS", "IRN", "--attacker", "ISR", "--on", "25.06.2025"], "%Y-%m-%d"),
    ],
)
def test_bad_input_is_a_clear_error(news_db: Path, args: list[str], message: str) -> None:
    result = run(*args, "--db", str(news_db))
    assert result.exit_code != 0
    assert message in result.output


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = run("RUS", "IRN", "--attacker", "ISR", "--on", "2025-06-25",
                 "--db", str(tmp_path / "none.sqlite"))  # fmt: skip
    assert result.exit_code == 1 and "No store at" in result.output


def test_help_has_an_example() -> None:
    result = run("--help")
    assert result.exit_code == 0 and "foedus explain RUS IRN --attacker ISR" in result.output


def test_demo_briefs_contrast_iran_and_north_korea(
    coder: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert [(h, p, a) for h, p, a, _ in DEMO_BRIEFS] == [("RUS", "IRN", "ISR"),
                                                         ("RUS", "PRK", "KOR")]  # fmt: skip
    db = _code_into(coder, example_articles(), tmp_path / "demo.sqlite")
    demo_briefs(Settings(db=db))
    out = capsys.readouterr().out
    assert "Why is RUS (not) helping IRN against ISR? Brief as of 2025-06-25" in out
    assert "RUS has no defense obligation toward IRN" in out
    assert "Why is RUS (not) helping PRK against KOR?" in out
    assert "RUS is obliged to help PRK against KOR under rus-prk-2024 Art. 4 (automatic)" in out

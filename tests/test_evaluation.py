"""Evaluation: scoring on hand-built events, the three gold readers, the report, our gold set."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from foedus.cameo import load_cameo
from foedus.errors import GoldError
from foedus.evaluation import (
    FLAGS,
    PLOVER_EARLY_TO_CAMEO,
    Coded,
    EvalResult,
    GoldEvent,
    GoldItem,
    GoldSet,
    OvercodingResult,
    actor_keys,
    count_sentences,
    default_gold_sets,
    evaluate,
    is_country,
    match_events,
    measure_overcoding,
    read_gold,
    render_report,
    score,
    write_report,
)
from foedus.events import ActorRef, Event

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold" / "foedus-gold.jsonl"
GSR = SHARED / "gold" / "PLOVER_GSR_CAMEO.json"
CODEBOOK = SHARED / "reference" / "cameo-codes.csv"

TAG_CATEGORIES = (
    "plain", "negation", "hypothetical", "intent", "denial", "reported", "quote", "compound",
    "coreference", "leader", "capital", "place", "passive", "none",
)  # fmt: skip


def gold(src: str | None, tgt: str | None, cameo: str, **kw: Any) -> GoldEvent:
    return GoldEvent(src, tgt, cameo, **kw)


def pred(src: str | None, tgt: str | None, cameo: str, **kw: Any) -> Coded:
    return Coded((src,) if src else (), (tgt,) if tgt else (), cameo, **kw)


def item(events: Iterable[GoldEvent], text: str = "x", id: str = "t") -> GoldItem:
    return GoldItem(id, text, None, tuple(events))


def actor(code: str, country: str | None) -> ActorRef:
    return ActorRef(text=code, code=code, country=country)


def event(source: ActorRef, target: ActorRef | None, cameo: str, **kw: Any) -> Event:
    return Event(
        id="e", article_id="a", sentence_index=0, sentence="s.", start=0, end=2, anchor="hit",
        anchor_start=0, anchor_end=3, source=source, target=target, cameo=cameo, cameo_name="",
        plover=None, plover_mode=None, quad_class=1, goldstein=0.0, **kw,
    )  # fmt: skip


class FakeCoder:
    """Returns fixed events per text, so evaluation runs without spaCy."""

    def __init__(self, by_text: dict[str, list[Event]]) -> None:
        self.by_text = by_text
        self.seen: list[tuple[str, dt.date | None]] = []

    def code_texts(self, items: Iterable[tuple[str, dt.date | None]]) -> Iterable[list[Event]]:
        for text, date in items:
            self.seen.append((text, date))
            yield self.by_text.get(text, [])


# --------------------------------------------------------------------------- matching


def test_match_pairs_the_most_agreeing_events() -> None:
    golds = [gold("RUS", "UKR", "190"), gold("UKR", "RUS", "111")]
    preds = [pred("UKR", "RUS", "112"), pred("RUS", "UKR", "195")]
    pairs = match_events(golds, preds)
    assert (golds[0], preds[1]) in pairs
    assert (golds[1], preds[0]) in pairs
    assert len(pairs) == 2


def test_match_leaves_unrelated_events_unpaired() -> None:
    pairs = match_events([gold("RUS", "UKR", "190")], [pred("CHN", "USA", "040")])
    assert pairs == [(gold("RUS", "UKR", "190"), None), (None, pred("CHN", "USA", "040"))]


def test_match_pairs_anything_when_gold_names_no_actors() -> None:
    g = gold(None, None, "0231", actors_known=False)
    assert match_events([g], [pred("CHN", "USA", "040")]) == [(g, pred("CHN", "USA", "040"))]


# --------------------------------------------------------------------------- scoring


def test_score_counts_every_field_exactly() -> None:
    items = [
        item([gold("RUS", "UKR", "190"), gold("IRN", "RUS", "0232", negated=True)], id="a"),
        item([gold("CHN", None, "040")], id="b"),
        item([], id="c"),
    ]
    predicted = [
        [pred("RUS", "UKR", "195"), pred("IRN", "RUS", "0232")],  # code wrong; flag wrong
        [pred("CHN", "USA", "040")],  # target wrong
        [pred("FRA", "DEU", "057")],  # spurious
    ]
    s = score(items, predicted)
    expect = {  # name: (agree, predicted, gold)
        "event": (3, 4, 3),
        "root": (3, 4, 3),
        "code": (2, 4, 3),
        "source": (3, 4, 3),
        "target": (2, 4, 3),
        "event+actors": (2, 4, 3),
        "exact": (0, 4, 3),
    }
    for name, counts in expect.items():
        f = s.field(name)
        assert (f.agree, f.predicted, f.gold) == counts, name
    assert s.field("code").precision == pytest.approx(0.5)
    assert s.field("code").recall == pytest.approx(2 / 3)
    assert s.field("code").f1 == pytest.approx(4 / 7)
    assert (s.flag("negated").correct, s.flag("negated").total) == (2, 3)
    assert s.flag("all flags").accuracy == pytest.approx(2 / 3)
    assert [m.item_id for m in s.misses] == []
    assert [(m.item_id, m.event) for m in s.spurious] == [("c", "FRA -> DEU 057")]
    assert ("19", "19", 1) in s.confusion and ("none", "05", 1) in s.confusion


def test_score_leaves_out_what_the_gold_does_not_annotate() -> None:
    items = [
        item([gold(None, None, "12", actors_known=False, modality_known=False)], id="a"),
        item([gold(None, None, "0231", actors_known=False, modality_known=False)], id="b"),
    ]
    s = score(items, [[pred("IRN", "RUS", "1212", negated=True)], []])
    assert (s.field("root").agree, s.field("root").gold) == (1, 2)
    assert (s.field("code").predicted, s.field("code").gold) == (0, 1)  # "12" is root only
    assert s.field("source").gold == 0
    assert s.flag("negated").total == 0
    assert s.field("exact").agree == 1
    assert [(m.item_id, m.event) for m in s.misses] == [("b", "0231")]


def test_score_rejects_misaligned_predictions() -> None:
    with pytest.raises(GoldError, match="1 prediction lists for 2 gold items"):
        score([item([]), item([])], [[]])


def test_non_state_wildcard_matches_organizations_only() -> None:
    items = [item([gold("*", "RUS", "111")]), item([gold("*", "RUS", "111")])]
    s = score(items, [[pred("NATO", "RUS", "111")], [pred("USA", "RUS", "111")]])
    assert s.field("source").agree == 1


# --------------------------------------------------------------------------- events in


def test_actor_keys() -> None:
    assert actor_keys(actor("RUSGOV", "RUS")) == ("RUS",)
    assert actor_keys(actor("NATO", None)) == ("NATO",)
    assert actor_keys(actor("HAMAS", "PSE")) == ("PSE", "HAMAS")
    assert actor_keys(actor("UNSC", None)) == ("UNSC", "UN")
    assert actor_keys(None) == ()


def test_coded_from_event_keeps_modality_and_speaker_country() -> None:
    e = event(actor("IRNGOV", "IRN"), actor("RUSGOV", "RUS"), "0232", negated=True,
              reported_by="RUSGOV")  # fmt: skip
    c = Coded.from_event(e)
    assert (c.source, c.target, c.root, c.negated, c.reported_by) == (
        ("IRN",), ("RUS",), "02", True, "RUS",
    )  # fmt: skip
    assert (
        Coded.from_event(event(actor("UN", None), None, "010", reported_by="NATO")).reported_by
        == "NATO"
    )


def test_evaluate_runs_a_coder_over_the_gold_texts() -> None:
    items = (GoldItem("a", "Russia attacked Ukraine.", dt.date(2025, 1, 2),
                      (gold("RUS", "UKR", "190"),)),)  # fmt: skip
    gold_set = GoldSet("mini", "foedus", Path("mini.jsonl"), items)
    e = event(actor("RUSMIL", "RUS"), actor("UKR", "UKR"), "190", coder_version="9.9")
    coder = FakeCoder({"Russia attacked Ukraine.": [e]})
    result = evaluate(gold_set, coder)
    assert coder.seen == [("Russia attacked Ukraine.", dt.date(2025, 1, 2))]
    assert result.score.field("exact").f1 == 1.0
    assert result.coder_version == "9.9"


# --------------------------------------------------------------------------- over-coding


def test_count_sentences() -> None:
    assert count_sentences('Title line\n\nOne here. Two there! Three? "Four." 5 goals.') == 6
    assert count_sentences("The U.S. economy grew 2.5% in 2004.") == 1


def test_measure_overcoding(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Chelsea beat Arsenal. France won.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A quiet day.", encoding="utf-8")
    e = event(actor("FRA", "FRA"), None, "190")
    result = measure_overcoding(tmp_path, FakeCoder({"Chelsea beat Arsenal. France won.": [e]}))
    assert (result.documents, result.sentences, result.events) == (2, 3, 1)
    assert result.per_1000 == pytest.approx(1000 / 3)
    assert result.by_root == (("19", 1),)
    assert result.examples == ('a.txt: FRA -> - 190 "hit"',)  # no corpus sentence


def test_measure_overcoding_needs_texts(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"No \.txt files"):
        measure_overcoding(tmp_path, FakeCoder({}))


# --------------------------------------------------------------------------- foedus reader


def write_jsonl(path: Path, rows: Sequence[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_read_foedus(tmp_path: Path) -> None:
    row = {"id": "x1", "text": "T.", "date": "2025-06-25", "tags": ["reported"],
           "events": [{"source": "IRN", "target": "RUS", "cameo": "0232", "negated": True,
                       "reported_by": "RUS"}]}  # fmt: skip
    g = read_gold(write_jsonl(tmp_path / "g.jsonl", [row]), "foedus")
    (it,) = g.items
    assert (it.id, it.date, it.tags) == ("x1", dt.date(2025, 6, 25), ("reported",))
    assert it.events == (GoldEvent("IRN", "RUS", "0232", negated=True, reported_by="RUS"),)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"text": "T.", "events": []}, "field 'id'"),
        ({"id": "a", "text": "T.", "events": [{"source": "RUS", "cameo": "999"}]}, "'999'"),
        ({"id": "a", "text": "T.", "events": [{"cameo": "190"}]}, "'source'"),
        ({"id": "a", "text": "T.", "date": "June", "events": []}, "YYYY-MM-DD"),
        ({"id": "a", "text": "T.", "events": [{"source": "R", "cameo": "190", "negated": 1}]},
         "true or false"),
    ],
)  # fmt: skip
def test_read_foedus_names_the_bad_line(tmp_path: Path, row: object, message: str) -> None:
    path = write_jsonl(tmp_path / "g.jsonl", [row])
    with pytest.raises(GoldError, match=message) as info:
        read_gold(path, "foedus")
    assert f"{path}:1" in str(info.value)


def test_read_gold_rejects_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="Did you mean 'foedus'"):
        read_gold(tmp_path / "g.jsonl", "foedu")  # type: ignore[arg-type]
    with pytest.raises(GoldError, match="not found"):
        read_gold(tmp_path / "missing.jsonl", "foedus")


# --------------------------------------------------------------------------- shared readers


@pytest.fixture
def gsr() -> GoldSet:
    if not GSR.is_file():
        pytest.skip(f"{GSR} is absent (the shared PLOVER gold standard)")
    return read_gold(GSR, "plover-gsr")


def test_read_plover_gsr(gsr: GoldSet) -> None:
    events = [e for it in gsr.items for e in it.events]
    assert len(gsr.items) >= 300 and len(events) >= 320
    assert not any(it.id.startswith("PLOVER-GSR01-DOCUMENT") for it in gsr.items)
    keys = {k for e in events for k in (e.source, e.target) if k}
    assert not keys & {"JAP", "ITL", "VTN", "IGO", "NGO", "IMG"}
    assert {"JPN", "UN", "*"} <= keys
    assert all(e.root in {r for rs, _ in PLOVER_EARLY_TO_CAMEO.values() for r in rs}
               for e in events)  # fmt: skip
    assert all(e.cameo in load_cameo() and not e.modality_known for e in events)


def test_plover_gsr_compound_source_without_target_pairs_its_members(gsr: GoldSet) -> None:
    (first,) = [it for it in gsr.items if it.id == "PLOVER-GSR01-AGREE-0001"]
    assert {(e.source, e.target) for e in first.events} == {("HUN", "ROU"), ("ROU", "HUN")}
    assert all(e.root == "03" for e in first.events)


def gsr_pairs(tmp_path: Path, text: str, event: str, sources: list[str], targets: list[str]
              ) -> list[tuple[str | None, str | None]]:  # fmt: skip
    """The (source, target) pairs the GSR reader makes of one record with these codes."""
    record = {
        "id": "T-1", "date": "2010-05-01", "text": text, "event": event,
        "source": [{"actorText": f"actor {i}", "code": c} for i, c in enumerate(sources)],
        "target": [{"actorText": f"target {i}", "code": c} for i, c in enumerate(targets)] or "",
    }  # fmt: skip
    path = tmp_path / "gold" / "gsr.json"
    path.parent.mkdir()
    path.write_text(json.dumps([record]), encoding="utf-8")
    (item,) = read_gold(path, "plover-gsr").items
    return [(e.source, e.target) for e in item.events]


def test_plover_gsr_two_spans_of_one_actor_are_one_event(tmp_path: Path) -> None:
    text = "Indian army and police officers entered Nepal."
    assert gsr_pairs(tmp_path, text, "MOBILIZE", ["IND", "IND"], ["NPL"]) == [("IND", "NPL")]


def test_plover_gsr_partners_of_one_state_are_each_others_targets(tmp_path: Path) -> None:
    text = "The Colombian army and the FARC exchanged fire in Cauca."
    assert gsr_pairs(tmp_path, text, "FIGHT", ["COL", "COL"], []) == [("COL", "COL")]


def test_predictions_alike_in_every_scored_field_count_once() -> None:
    items = (item([gold("GBR", "SDN", "107")], text="x", id="d1"),)
    s = score(items, [[pred("GBR", "SDN", "107"), pred("GBR", "SDN", "107")]])
    assert s.field("event").precision == 1.0 and not s.spurious


def test_plover_gsr_takes_full_codes_from_the_codebook(gsr: GoldSet) -> None:
    full = [e for it in gsr.items for e in it.events if e.code_known]
    assert len(full) >= 200


def test_read_codebook_examples() -> None:
    if not CODEBOOK.is_file():
        pytest.skip(f"{CODEBOOK} is absent (the shared CAMEO codebook table)")
    g = read_gold(CODEBOOK, "cameo-examples")
    assert len(g.items) >= 250
    assert all(len(it.events) == 1 and not it.events[0].actors_known for it in g.items)
    assert len({it.events[0].root for it in g.items}) == 20


def test_codebook_examples_leave_out_the_coding_note(tmp_path: Path) -> None:
    table = tmp_path / "codes.csv"
    table.write_text(
        '"code","example"\n'
        '"190","Rebels attacked a convoy near the border. Note: Two events are coded."\n'
        '"173","Police arrested a notary."\n',
        encoding="utf-8",
    )
    texts = [it.text for it in read_gold(table, "cameo-examples").items]
    assert texts == ["Rebels attacked a convoy near the border.", "Police arrested a notary."]


def test_default_gold_sets_finds_what_exists(tmp_path: Path) -> None:
    found = default_gold_sets(ROOT, tmp_path)
    assert found == [(GOLD, "foedus")]


# --------------------------------------------------------------------------- the report


def synthetic_result() -> EvalResult:
    items = (item([gold("RUS", "UKR", "190")], text="Russia attacked Ukraine.", id="m1"),)
    s = score(items, [[pred("RUS", "UKR", "190"), pred("UKR", "RUS", "111")]])
    return EvalResult(GoldSet("mini", "foedus", Path("mini.jsonl"), items), s, 0.5, "1.2.3")


def test_write_report(tmp_path: Path) -> None:
    over = OvercodingResult("sport", tmp_path, 2, 1000, 12, (("19", 12),), ("x",))
    path = write_report([synthetic_result()], tmp_path / "docs" / "accuracy.md", [over],
                        today=dt.date(2026, 1, 2))  # fmt: skip
    text = path.read_text(encoding="utf-8")
    assert "Generated 2026-01-02" in text and "coder 1.2.3" in text
    assert "| event | 1 | 2 | 1 | 0.500 | 1.000 | 0.667 |" in text
    assert "| mini | event f1 | >= 0.85 | 0.667 | NOT met |" in text
    assert (
        "| bbc-news/sport | events per 1,000 sentences | <= 20 per 1,000 sentences | 12.0 | met |"
        in text
    )
    assert "### Spurious events (1)" in text and "UKR -> RUS 111" in text
    assert "| DISAPPROVE | 11 | Disapprove | ACCUSE |" in text
    assert "| JAP | JPN |" in text
    assert "make eval" in text


def test_report_does_not_reproduce_shared_sentences() -> None:
    items = (item([gold("RUS", "UKR", "190")], text="A sentence from elsewhere.", id="g1"),)
    s = score(items, [[pred("CHN", "USA", "040")]])
    shared = EvalResult(GoldSet("gsr", "plover-gsr", Path("g.json"), items), s, 0.1)
    text = render_report([shared])
    assert "- `g1` RUS -> UKR 190" in text
    assert "from elsewhere" not in text


def test_report_names_gold_files_as_found_from_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkout, shared, far = tmp_path / "d" / "main", tmp_path / "d" / "shared", tmp_path / "far"
    for d in (checkout / "tests", shared, far):
        d.mkdir(parents=True)
    monkeypatch.chdir(checkout)
    items = (item([gold("RUS", "UKR", "190")], id="g1"),)
    s = score(items, [[]])

    def shown(path: Path) -> str:
        return render_report([EvalResult(GoldSet("g", "foedus", path, items), s, 0.1)])

    assert "`tests/g.jsonl`: 1 sentences" in shown(checkout / "tests" / "g.jsonl")
    assert "`../shared/g.json`: 1 sentences" in shown(shared / "g.json")
    assert f"`{far / 'g.json'}`: 1 sentences" in shown(far / "g.json")


def test_report_caps_long_lists() -> None:
    items = tuple(item([gold("RUS", "UKR", "190")], id=f"m{n}") for n in range(5))
    s = score(items, [[] for _ in items])
    result = EvalResult(GoldSet("mini", "foedus", Path("m"), items), s, 0.1)
    assert "... and 3 more" in render_report([result], limit=2)


# --------------------------------------------------------------------------- the CLI


def test_cli_eval_scores_a_gold_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import foedus.cli.evaluation  # noqa: F401  (registers the command)
    from foedus.cli.main import cli
    from foedus.coding import Coder

    text = "Russia attacked Ukraine."
    e = event(actor("RUSMIL", "RUS"), actor("UKR", "UKR"), "190")
    monkeypatch.setattr(Coder, "load", classmethod(lambda cls, s=None: FakeCoder({text: [e]})))
    row = {"id": "a", "text": text, "events": [{"source": "RUS", "target": "UKR", "cameo": "190"}]}
    path = write_jsonl(tmp_path / "g.jsonl", [row])
    report = tmp_path / "r.md"
    result = CliRunner().invoke(cli, ["eval", str(path), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "exact         P 1.000  R 1.000  F1 1.000" in result.output
    assert report.is_file()
    bad = CliRunner().invoke(cli, ["eval", str(tmp_path / "none.jsonl")])
    assert bad.exit_code == 1 and "not found" in bad.output


def test_cli_eval_help_has_examples() -> None:
    import foedus.cli.evaluation  # noqa: F401
    from foedus.cli.main import cli

    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code == 0 and "foedus eval all" in result.output


# --------------------------------------------------------------------------- our gold set


def gold_rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def known_org_codes() -> set[str]:
    text = resources.files("foedus.data").joinpath("actors/organizations.toml").read_text("utf-8")
    return {org["code"] for org in tomllib.loads(text)["organization"]}


def test_gold_file_is_valid_and_large_enough() -> None:
    rows = gold_rows()
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["text"] for r in rows}) == len(rows)
    cameo, orgs = load_cameo(), known_org_codes()
    for row in rows:
        assert {"id", "text", "date", "tags", "events"} <= row.keys(), row["id"]
        dt.date.fromisoformat(row["date"])
        for e in row["events"]:
            assert e["cameo"] in cameo, (row["id"], e["cameo"])
            assert {"source", "target", *FLAGS} <= e.keys(), row["id"]
            for key in (e["source"], e["target"], e["reported_by"]):
                assert key is None or is_country(key) or key in orgs, (row["id"], key)
    assert len(read_gold(GOLD, "foedus").items) == len(rows)


def test_gold_file_covers_every_category() -> None:
    rows = gold_rows()
    tags = Counter(t for r in rows for t in r["tags"])
    assert all(tags[t] >= 5 for t in TAG_CATEGORIES), tags
    assert tags["none"] >= 25
    assert all(not r["events"] for r in rows if "none" in r["tags"])
    roots = {e["cameo"][:2] for r in rows for e in r["events"]}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    events = [e for r in rows for e in r["events"]]
    for flag in ("negated", "hypothetical", "intent", "denied"):
        assert sum(e[flag] for e in events) >= 5, flag
    assert sum(e["reported_by"] is not None for e in events) >= 15

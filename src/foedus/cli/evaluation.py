"""`foedus eval`: score the coder on gold data and write the accuracy report."""

from __future__ import annotations

from pathlib import Path

import click

from foedus.cli.main import cli, translate_errors
from foedus.evaluation import (
    FORMATS,
    EvalResult,
    GoldFormat,
    OvercodingResult,
    TextCoder,
    default_gold_sets,
    evaluate,
    measure_overcoding,
    read_gold,
    write_report,
)

__all__ = ["eval_command"]

_BY_SUFFIX: dict[str, GoldFormat] = {
    ".jsonl": "foedus",
    ".json": "plover-gsr",
    ".csv": "cameo-examples",
}
_OVERCODING_CORPORA = ("sport", "entertainment")


@cli.command("eval")
@click.argument("gold", metavar="GOLD|all")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Gold format (default: from the suffix: .jsonl foedus, .json plover-gsr, .csv"
    " cameo-examples).",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the Markdown report here (`all` writes docs/accuracy.md by default).",
)
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("../shared"),
    show_default=True,
    help="Folder of the shared gold sets and corpora, for `all`.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Over-coding: code at most this many articles per corpus (default: all).",
)
@translate_errors
def eval_command(
    gold: str, fmt: GoldFormat | None, report: Path | None, shared: Path, limit: int | None
) -> None:
    """Score the event coder on a gold set and print precision, recall and F1 per field.

    GOLD is a gold file, or `all` for every gold set found (our own set in tests/gold and
    those under --shared) plus over-coding on the BBC sport and entertainment sections.

    \b
    Examples:
      foedus eval all
      foedus eval tests/gold/foedus-gold.jsonl --format foedus
      foedus eval ../shared/gold/PLOVER_GSR_CAMEO.json --report /tmp/gsr.md
    """
    from foedus.coding import Coder
    from foedus.config import Settings

    if gold == "all":
        sets = default_gold_sets(Path.cwd(), shared)
        report = report or Path("docs") / "accuracy.md"
    else:
        path = Path(gold)
        sets = [(path, fmt or _BY_SUFFIX.get(path.suffix.lower(), "foedus"))]
    coder = Coder.load(Settings())
    results = [_run(coder, path, set_fmt) for path, set_fmt in sets]
    overcoding: list[OvercodingResult] = []
    if gold == "all":
        overcoding = _overcoding(coder, shared / "corpora" / "bbc-news", limit)
    if report is not None:
        write_report(results, report, overcoding)
        click.echo(f"Report written to {report}")


def _run(coder: TextCoder, path: Path, fmt: GoldFormat) -> EvalResult:
    result = evaluate(read_gold(path, fmt), coder)
    _echo_result(result)
    return result


def _echo_result(result: EvalResult) -> None:
    s = result.score
    click.echo(f"{result.gold.name} ({result.gold.format}): {s.items} sentences")
    for f in s.fields:
        if f.gold:
            click.echo(
                f"  {f.name:<13} P {f.precision:.3f}  R {f.recall:.3f}  F1 {f.f1:.3f}"
                f"  ({f.agree}/{f.predicted} predicted, {f.gold} gold)"
            )
    for flag in s.flags:
        if flag.total:
            click.echo(f"  {flag.name:<13} accuracy {flag.accuracy:.3f} ({flag.total} matched)")


def _overcoding(coder: TextCoder, corpora: Path, limit: int | None) -> list[OvercodingResult]:
    results = []
    for name in _OVERCODING_CORPORA:
        folder = corpora / name
        if not folder.is_dir():
            click.echo(f"Over-coding: {folder} not found, skipped.")
            continue
        result = measure_overcoding(folder, coder, limit)
        click.echo(
            f"over-coding {name}: {result.events} events in {result.sentences} sentences"
            f" = {result.per_1000:.1f} per 1,000"
        )
        results.append(result)
    return results

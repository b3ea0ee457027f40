"""The root `foedus` command group and the error translation shared by every command."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click

from foedus.errors import FoedusError

P = ParamSpec("P")
R = TypeVar("R")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="foedus")
def cli() -> None:
    """foedus: code news into political events and reason over alliance treaties."""


def translate_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a library `FoedusError` into click's one-line error and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except FoedusError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper

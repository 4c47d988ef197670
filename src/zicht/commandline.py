"""What every stage's commands share: the Typer apps, common options, one-line errors, the data folder.

Stage command modules (`zicht/<stage>/commands.py`) import this; zicht.cli imports them and runs the app,
so dependencies point one way: cli -> stage commands -> commandline -> library.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from zicht.errors import ZichtError

app = typer.Typer(
    help="Zicht: measure the online sex-work advertisement market, privacy by design.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure quality against ground truth or labelled sets.", no_args_is_help=True)
register_app = typer.Typer(help="The municipal policy and licence register.", no_args_is_help=True)
data_app = typer.Typer(help="Reference data (CBS municipalities, places, boundaries).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(register_app, name="register")
app.add_typer(data_app, name="data")

console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])

DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Reference data folder (default: $ZICHT_DATA_DIR, the fetched cache, the shipped copy).",
    ),
]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML configuration file.")]


def handles_errors(command: F) -> F:
    """Turn domain errors into one line on stderr and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ZichtError as error:
            print(f"error: {error.one_line()}", file=sys.stderr)  # noqa: T201
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def data_dir(explicit: Path | None) -> Path:
    """Resolve the reference data directory; the CLI is the one place that reads ZICHT_DATA_DIR."""
    from zicht.refdata import resolve_data_dir

    return resolve_data_dir(explicit, os.environ.get("ZICHT_DATA_DIR"))

"""The `zicht` command line: a thin layer over the library. Each stage registers its own commands in
`zicht/<stage>/commands.py`; a command parses options, builds a Config, calls one library function, prints.

Errors the user can fix (ZichtError) print one line and exit with status 2.
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
from zicht.fsmodes import PRIVATE_UMASK

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


def _register_stage_commands() -> None:
    """Import every stage's commands (each registers on `app` as it is defined): one explicit list, and a
    stage whose commands cannot be imported fails loudly instead of silently missing from the CLI."""
    import zicht.app.commands  # noqa: F401
    import zicht.crawl.commands  # noqa: F401
    import zicht.extract.commands  # noqa: F401
    import zicht.measure.commands  # noqa: F401
    import zicht.pipeline.commands  # noqa: F401
    import zicht.register.commands  # noqa: F401
    import zicht.report.commands  # noqa: F401
    import zicht.simulate.commands  # noqa: F401
    import zicht.store.commands  # noqa: F401


def main() -> None:
    # Everything Zicht writes is for its owner only: raw archives hold clear phone numbers, the store
    # pseudonyms, the secret their key. A umask set here covers every file and folder of every stage,
    # the crawl worker's included (child processes inherit it), whatever the user's shell sets.
    os.umask(PRIVATE_UMASK)
    _register_stage_commands()
    app()


@data_app.command("fetch")
@handles_errors
def data_fetch(
    target: Annotated[
        Path | None, typer.Option("--to", help="Folder to fill (default: the user cache).")
    ] = None,
) -> None:
    """Download CBS 2021 municipalities, places and PDOK boundaries (needs internet)."""
    from zicht.fetch import fetch_reference
    from zicht.refdata import user_cache_dir

    folder = fetch_reference(target or user_cache_dir())
    console.print(f"reference data written to {folder} (CBS, CC BY 4.0; boundaries Kadaster / CBS)")


@data_app.command("where")
@handles_errors
def data_where(data_dir_option: DataDirOption = None) -> None:
    """Print the reference data folder Zicht will use."""
    print(data_dir(data_dir_option))  # noqa: T201

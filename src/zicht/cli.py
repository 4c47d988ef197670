"""The `zicht` command line: a thin layer over the library. Each stage defines its commands in
`zicht/<stage>/commands.py` on the apps of zicht.commandline; this module imports them and runs the app. A
command parses options, builds a Config, calls one library function, prints.

Errors the user can fix (ZichtError) print one line and exit with status 2.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from zicht.commandline import (  # noqa: F401  (re-exported: tests and scripts use zicht.cli.app)
    ConfigOption,
    DataDirOption,
    app,
    console,
    data_app,
    data_dir,
    eval_app,
    handles_errors,
    register_app,
)
from zicht.fsmodes import PRIVATE_UMASK


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

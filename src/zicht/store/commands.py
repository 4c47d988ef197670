"""CLI: ingest archived crawl runs, export the store to Parquet, purge raw archives past retention."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from zicht.commandline import ConfigOption, DataDirOption, app, console, data_dir, handles_errors
from zicht.config import load_config
from zicht.errors import InputError
from zicht.fsmodes import private_dir

StoreOption = Annotated[Path, typer.Option("--store", help="The DuckDB store file.")]
ArchiveOption = Annotated[Path, typer.Option("--archive", help="Folder of archived crawl runs (WARC).")]


@app.command()
@handles_errors
def ingest(
    store: StoreOption,
    archive: ArchiveOption,
    run_id: Annotated[list[str], typer.Option("--run-id", help="Run(s) to ingest; default: every run.")] = [],  # noqa: B006
    start_date: Annotated[
        str | None, typer.Option("--start-date", help="Date of the first run, then weekly (simulated runs).")
    ] = None,
    config_file: ConfigOption = None,
    data_dir_option: DataDirOption = None,
) -> None:
    """Extract, pseudonymise and store archived runs (re-ingesting a run changes nothing)."""
    from zicht.pipeline import ingest_runs, moments_of_runs
    from zicht.runids import check_run_id

    config = load_config(config_file)
    for run in run_id:
        check_run_id(run)
    if not archive.is_dir():
        raise InputError(f"archive folder not found: {archive}")
    private_dir(archive)  # holds clear phone numbers: owner only, also when created before umask 077
    moments = moments_of_runs(archive, run_id or None, start_date)
    summary = ingest_runs(store, archive, moments, data_dir(data_dir_option), config)
    console.print(f"ingested {summary.observations} observations of {summary.moments} moment(s) into {store}")
    for run, reason in summary.failed:
        print(f"error: {run}: {' '.join(reason.split())}", file=sys.stderr)  # noqa: T201
    if summary.failed:
        raise typer.Exit(1)


@app.command()
@handles_errors
def export(
    store: StoreOption, out: Annotated[Path, typer.Option("--out", help="Folder for Parquet files.")]
) -> None:
    """Export every store table to Parquet."""
    from zicht.outpaths import check_output_dir
    from zicht.store import connect, export_parquet

    check_output_dir(out)
    con = connect(store, read_only=True)
    for path in export_parquet(con, out):
        console.print(f"wrote {path}")


@app.command()
@handles_errors
def purge(
    store: StoreOption,
    archive: ArchiveOption,
    before: Annotated[
        str | None, typer.Option("--before", help="Delete runs crawled before this date.")
    ] = None,
    config_file: ConfigOption = None,
) -> None:
    """Delete run folders crawled before a date (default: store.raw_retention_days before today)."""
    from zicht.store import connect
    from zicht.store.purge import purge_archive, retention_cutoff

    config = load_config(config_file)
    try:
        cutoff = (
            dt.date.fromisoformat(before)
            if before
            else retention_cutoff(dt.date.today(), config.store.raw_retention_days)
        )
    except ValueError:
        raise InputError(f"--before must be a date like 2021-01-31, not {before!r}") from None
    if not store.is_file():
        raise InputError(f"store not found: {store}")
    if not archive.is_dir():
        raise InputError(f"archive folder not found: {archive}")
    result = purge_archive(connect(store), archive, cutoff)
    console.print(
        f"purged {len(result.runs_removed)} run(s) before {cutoff}, {result.bytes_freed:,} bytes freed"
    )
    for run in result.refused:
        console.print(f"left {run!r} alone: not a folder inside {archive} (a symlink?)")

"""`zicht report --store FILE --out DIR`: report.html and report.xlsx from a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zicht.commandline import ConfigOption, DataDirOption, app, console, data_dir, handles_errors
from zicht.outpaths import check_output_dir


@app.command("report")
@handles_errors
def report(
    store: Annotated[Path, typer.Option("--store", help="The DuckDB store (zicht.duckdb).")],
    out: Annotated[Path, typer.Option("--out", help="Folder for report.html and report.xlsx.")],
    config_file: ConfigOption = None,
    threshold: Annotated[
        int | None, typer.Option("--threshold", help="Small-cell threshold (default: config, 10).")
    ] = None,
    municipality: Annotated[
        list[str], typer.Option("--municipality", help="Report one municipality (CBS code; repeatable).")
    ] = [],  # noqa: B006
    data_dir_option: DataDirOption = None,
) -> None:
    """Write the baseline report (HTML with charts and map, XLSX with one sheet per table), or with
    --municipality the report of each named municipality in OUT/<CODE>/."""
    from zicht.config import load_config
    from zicht.errors import StoreError
    from zicht.report import write_report

    config = load_config(config_file)
    check_output_dir(out)  # before minutes of measuring
    if threshold is not None:
        config = load_config(
            config_file, report={**config.report.model_dump(), "small_cell_threshold": threshold}
        )
    if not store.is_file():
        raise StoreError(f"store not found: {store}", "run `zicht demo` or ingest a crawl first")
    if municipality:
        from zicht.report.area import write_area_report

        for code in municipality:
            paths = write_area_report(store, out, code.upper(), config, data_dir(data_dir_option))
            console.print(f"report: {paths.html}\nworkbook: {paths.xlsx}")
        return
    paths = write_report(store, out, config, data_dir(data_dir_option))
    console.print(f"report: {paths.html}\nworkbook: {paths.xlsx}")

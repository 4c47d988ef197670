"""CLI: `zicht crawl` — one measurement moment of the given sites into a WARC archive."""

from __future__ import annotations

import datetime as dt
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from zicht.commandline import ConfigOption, app, console, handles_errors
from zicht.config import load_config
from zicht.errors import InputError


def parse_base_urls(values: list[str]) -> dict[str, str]:
    """["a=http://127.0.0.1:8001", ...] -> {"a": "http://127.0.0.1:8001"}."""
    urls: dict[str, str] = {}
    for value in values:
        site, sep, url = value.partition("=")
        if not sep or not site or not url:
            raise InputError(f"--base-url {value!r} must look like SITE=URL, e.g. a=http://127.0.0.1:8001")
        if site in urls:
            raise InputError(f"--base-url gives site {site!r} twice")
        urls[site] = url
    return urls


@app.command()
@handles_errors
def crawl(
    base_url: Annotated[list[str], typer.Option("--base-url", help="SITE=URL, once per site to crawl.")],
    archive: Annotated[
        Path, typer.Option("--archive", help="Archive folder; the run goes to ARCHIVE/RUN_ID/.")
    ],
    run_id: Annotated[
        str | None, typer.Option("--run-id", help="Measurement moment id (same id resumes).")
    ] = None,
    adapters_dir: Annotated[
        Path | None, typer.Option("--adapters", help="Folder of extra site adapters (*.yaml).")
    ] = None,
    no_throttle: Annotated[bool, typer.Option("--no-throttle", help="Switch AutoThrottle off.")] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar.")] = False,
    config_file: ConfigOption = None,
) -> None:
    """Crawl the sites politely (robots.txt, throttling, retries) and archive every response as WARC."""
    from zicht.crawl import crawl_run
    from zicht.crawl.report import progress_bars, summary_table
    from zicht.crawl.run import check_targets
    from zicht.sites import load_adapters

    config = load_config(config_file)
    if no_throttle:
        config = config.model_copy(update={"crawl": config.crawl.model_copy(update={"autothrottle": False})})
    adapters = {a.name: a for a in load_adapters() + (load_adapters(adapters_dir) if adapters_dir else [])}
    run = run_id or dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    urls = parse_base_urls(base_url)
    sites = [a.name for a in check_targets(list(adapters.values()), urls, config)]  # bad input: no bars drawn
    with progress_bars(console, sites) if not no_progress else nullcontext(None) as on_progress:
        summary = crawl_run(list(adapters.values()), urls, run, archive, config, on_progress)
    console.print(summary_table(summary))
    state = "complete" if summary.complete else "INCOMPLETE (resume with the same --run-id)"
    console.print(f"run {run}: {summary.pages} pages in {summary.seconds:.1f} s, {state}; {summary.manifest}")
    if not summary.complete:
        raise typer.Exit(1)

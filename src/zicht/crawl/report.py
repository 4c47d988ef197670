"""A Rich table of a run's per-site summary (pages, ads, errors, seconds, completeness)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.table import Table

from zicht.crawl.run import RunSummary


def summary_table(summary: RunSummary) -> Table:
    table = Table(title=f"crawl run {summary.run_id} ({summary.started_at})")
    for column in ("site", "listed", "found", "ads", "missing", "pages", "errors", "retries", "seconds"):
        table.add_column(column, justify="left" if column == "site" else "right")
    for site in summary.sites:
        table.add_row(
            site.site,
            "?" if site.listed is None else str(site.listed),
            str(site.found),
            str(site.ads),
            "?" if site.missing is None else str(site.missing),
            str(site.pages),
            str(site.errors),
            str(site.retries),
            f"{site.seconds:.1f}",
        )
    return table


@contextmanager
def progress_bars(console: Console, sites: list[str]) -> Iterator[Callable[[dict[str, Any]], None]]:
    """A Rich progress bar per site (ads archived of ads listed), fed by crawl_run's progress events."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("site {task.fields[site]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("ads, {task.fields[errors]} errors"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    tasks = {site: progress.add_task(site, total=None, site=site, errors=0) for site in sites}

    def update(event: dict[str, Any]) -> None:
        for site, values in event.get("sites", {}).items():
            if site in tasks:
                progress.update(
                    tasks[site], completed=values["ads"], total=values["listed"], errors=values["errors"]
                )

    with progress:
        yield update

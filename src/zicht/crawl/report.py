"""A Rich table of a run's per-site summary (pages, ads, errors, seconds, completeness)."""

from __future__ import annotations

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

"""`zicht demo`: the main job on the embedded default, end to end on the synthetic market."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from zicht.config import Config
from zicht.errors import InputError
from zicht.fsmodes import private_dir
from zicht.pipeline import ingest_runs, link_store, moment_for_week

# The demo default is a tenth of the 2021 market over a full year: every table and trend, in minutes.
# `--full` runs the 2021-sized market.
DEMO_SCALE = 0.1


# The demo marks its folder before writing anything; only a folder with this mark is ever cleared.
DEMO_MARKER = ".zicht-demo"


@dataclass(frozen=True)
class DemoResult:
    out: Path
    report_html: Path
    report_xlsx: Path
    store: Path
    seconds: dict[str, float]


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=False,
    )


def prepare_demo_folder(out: Path) -> None:
    """Make `out` the demo's folder: a new or empty one is marked first; one an earlier demo marked is cleared
    of its simulation, archive and store. Any other non-empty folder is refused: its archive and store might
    be the only copies of real data."""
    marker = out / DEMO_MARKER
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file; the demo writes a folder")
    marked = marker.is_file() and not marker.is_symlink()
    if out.is_dir() and not marked and any(out.iterdir()):
        raise InputError(
            f"--out {out} is not empty and was not written by `zicht demo`", "choose a new or empty folder"
        )
    out.mkdir(parents=True, exist_ok=True)
    marker.write_text("written by `zicht demo`, which may clear and rewrite this folder\n", encoding="utf-8")
    store = out / "zicht.duckdb"
    for stale in (out / "sim", out / "archive"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale_file in (store, Path(f"{store}.wal")):
        stale_file.unlink(missing_ok=True)


def run_demo(config: Config, out: Path, data_dir: Path) -> DemoResult:
    """Simulate, serve, crawl every week, ingest, link, measure and report into `out`."""
    from zicht.crawl import crawl_run
    from zicht.report import write_report
    from zicht.simulate.market import simulate
    from zicht.simulate.serve import SiteServer
    from zicht.sites import load_adapters

    seconds: dict[str, float] = {}

    @contextmanager
    def timed(stage: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        seconds[stage] = time.perf_counter() - started

    prepare_demo_folder(out)
    sim_dir, archive, store = out / "sim", out / "archive", out / "zicht.duckdb"

    private_dir(archive)  # raw pages hold (simulated) phone numbers: owner only, like a real archive
    with timed("simulate"):
        simulate(config, sim_dir, data_dir)
    adapters = load_adapters()
    moments = [moment_for_week(config, week) for week in range(config.weeks)]
    with _progress() as progress:
        with timed("crawl"), SiteServer(sim_dir) as server:
            task = progress.add_task("crawl", total=len(moments))
            for moment in moments:
                server.set_week(moment.week)
                crawl_run(adapters, server.base_urls, moment.moment_id, archive, config)
                progress.advance(task)
        with timed("extract"):
            task = progress.add_task("extract", total=len(moments))
            ingest_runs(
                store, archive, moments, data_dir, config, on_moment=lambda m, n: progress.advance(task)
            )
    with timed("link"):
        link_store(store, config)
    with timed("report"):
        paths = write_report(store, out, config, data_dir)
    return DemoResult(out, paths.html, paths.xlsx, store, seconds)

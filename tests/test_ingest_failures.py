"""Ingest of several runs: a run that cannot be read (a failed crawl, a broken manifest) is skipped and named,
the others are stored; and the extraction workers die with an ingest that is killed."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from archivefixtures import crawl_tiny_runs
from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app
from zicht.config import load_config
from zicht.pipeline import ingest_runs, moments_of_runs
from zicht.store import connect

_register_stage_commands()

RUNS = ["w000", "w001", "w002"]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crawled")
    crawl_tiny_runs(folder / "archive", folder / "sim", RUNS)
    return folder / "archive"


@pytest.fixture
def archive(crawled: Path, tmp_path: Path) -> Path:
    """The crawled runs, w001 marked as a failed crawl."""
    copy = shutil.copytree(crawled, tmp_path / "archive")
    manifest = json.loads((copy / "w001" / "manifest.json").read_text())
    (copy / "w001" / "manifest.json").write_text(
        json.dumps({**manifest, "error": "site a: selectors find nothing"})
    )
    return copy


def test_a_failed_run_is_skipped_and_named_and_the_rest_ingested(
    archive: Path, tmp_path: Path, data_dir: Path
) -> None:
    store = tmp_path / "z.duckdb"
    summary = ingest_runs(store, archive, moments_of_runs(archive, None, None), data_dir, load_config(None))
    assert [run for run, _ in summary.failed] == ["w001"] and "selectors find nothing" in summary.failed[0][1]
    assert summary.moments == 2 and summary.observations > 0
    stored = connect(store, read_only=True).execute("SELECT DISTINCT moment_id FROM observations ORDER BY 1")
    assert [row[0] for row in stored.fetchall()] == ["w000", "w002"]


def test_the_cli_exits_1_naming_each_failed_run_in_one_line(
    archive: Path, tmp_path: Path, data_dir: Path
) -> None:
    args = [
        "ingest",
        "--store",
        str(tmp_path / "z.duckdb"),
        "--archive",
        str(archive),
        "--data-dir",
        str(data_dir),
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "w001" in errors[0], result.output
    assert "ingested" in result.output


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (from /proc: Linux)."""
    children = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # exited meanwhile
        if int(fields[1]) == pid:
            children.append(int(stat_file.parent.name))
    return children


KILLED_INGEST = """
import sys
from pathlib import Path
from zicht.config import load_config
from zicht.pipeline import ingest_runs, moments_of_runs

archive, store, data_dir = map(Path, sys.argv[1:4])

def stop_here(moment, count):
    print("ingesting", flush=True)
    sys.stdin.read()  # until the test kills this process

moments = moments_of_runs(archive, None, None)
ingest_runs(store, archive, moments, data_dir, load_config(None), on_moment=stop_here)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers die with their parent on Linux")
def test_workers_die_with_a_killed_ingest(crawled: Path, tmp_path: Path, data_dir: Path) -> None:
    ingest = subprocess.Popen(
        [sys.executable, "-c", KILLED_INGEST, str(crawled), str(tmp_path / "z.duckdb"), str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert ingest.stdout is not None and ingest.stdout.readline().strip() == "ingesting"
    workers = {pid: os.pidfd_open(pid) for pid in _children(ingest.pid)}
    assert workers
    ingest.kill()
    ingest.wait()
    try:
        for pid, handle in workers.items():
            ended, _, _ = select.select([handle], [], [], 30)  # a pidfd turns readable when its process ends
            assert ended, f"worker {pid} outlived the killed ingest"
    finally:
        for handle in workers.values():
            if not select.select([handle], [], [], 0)[0]:
                signal.pidfd_send_signal(handle, signal.SIGKILL)  # the test failed: leave no process behind
            os.close(handle)

"""Chaos: the weekly routine killed (SIGKILL) at seeded random points, then rerun, ends as a clean run ends.

For every simulated week, `zicht run` is started as a cron job would start it and killed at a random point of
one of its stages: the crawl (the parent or its worker process), the ingest or the link. The same date is then
run again until it exits 0. The store must equal the store of runs that were never killed (same moments,
observations and links; nothing lost, nothing doubled), and no Zicht process may be left behind.

ZICHT_CHAOS_SEEDS="1-20" runs more seeds (the default is one, to keep the suite short).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from zicht.config import Config, load_config
from zicht.simulate.market import simulate
from zicht.simulate.serve import SiteServer
from zicht.store import connect

WEEKS = 3
TAG = "ZICHT_CHAOS_RUN"  # marks every process a run starts, to find any left behind
DEADLINE = 120.0  # seconds for any one wait; a hang fails the test instead of stalling CI


def _seeds() -> list[int]:
    spec = os.environ.get("ZICHT_CHAOS_SEEDS", "1")
    first, _, last = spec.partition("-")
    return list(range(int(first), int(last or first) + 1))


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> tuple[Path, Config, Path]:
    sim = tmp_path_factory.mktemp("chaos-market")
    config = load_config(None, scale=0.02, weeks=WEEKS, seed=11, fault_rate=0.05)
    simulate(config, sim, data_dir)
    secret = sim / "shared.secret"  # one secret for every store, so pseudonyms compare across stores
    descriptor = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secrets.token_bytes(32).hex())
    return sim, config, secret


def _config_file(folder: Path, secret: Path, base_urls: dict[str, str]) -> Path:
    path = folder / "zicht.toml"
    sites = "\n".join(f'{site} = "{url}"' for site, url in base_urls.items())
    path.write_text(f'[sites]\n{sites}\n\n[store]\nsecret_file = "{secret}"\n', encoding="utf-8")
    return path


def _zicht_run(folder: Path, config_file: Path, date: dt.date) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "zicht", "run", "--config", str(config_file)]
    command += ["--store", str(folder / "z.duckdb"), "--archive", str(folder / "archive")]
    return subprocess.Popen(
        [*command, "--date", date.isoformat()],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, TAG: str(folder)},  # inherited by the crawl worker and the ingest pool
    )


def _wait_for(condition: Callable[[], bool], what: str, seconds: float = DEADLINE) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _journal_lines(folder: Path, date: dt.date) -> int:
    journal = folder / "archive" / date.isoformat() / "journal.jsonl"
    try:
        return journal.read_bytes().count(b"\n")
    except OSError:
        return 0


def _kill_at_random(run: subprocess.Popen[str], folder: Path, date: dt.date, rng: random.Random) -> str:
    """SIGKILL one process of the run at a random point of a random stage; returns what was killed."""
    stage = rng.choice(["crawl parent", "crawl worker", "ingest", "link"])
    if stage in ("crawl parent", "crawl worker"):
        records = rng.randint(1, 120)
        _wait_for(lambda: _journal_lines(folder, date) >= records or run.poll() is not None, "the crawl")
        victims = [run.pid] if stage == "crawl parent" else _children(run.pid)
    else:
        assert run.stderr is not None
        marker = "crawl:" if stage == "ingest" else "ingest:"
        for line in run.stderr:  # the run prints a line as each stage ends
            if line.startswith(marker):
                break
        time.sleep(rng.uniform(0, 0.8 if stage == "ingest" else 2.0))
        victims = [run.pid]
    for pid in victims:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # it finished first: the rerun must then change nothing
    run.wait(timeout=DEADLINE)
    return stage


def _rerun_until_complete(folder: Path, config_file: Path, date: dt.date) -> None:
    for _ in range(3):
        run = _zicht_run(folder, config_file, date)
        _, errors = run.communicate(timeout=DEADLINE * 2)
        if run.returncode == 0:
            return
    raise AssertionError(f"run of {date} did not complete after a kill: {errors}")


def _store_contents(store: Path) -> dict[str, object]:
    con = connect(store, read_only=True)
    try:
        observations = con.execute(
            "SELECT * EXCLUDE (warc_offset) FROM observations ORDER BY moment_id, site, site_ad_id"
        ).fetchall()
        clusters: dict[tuple[str, str], set[tuple[str, str]]] = {}
        links = con.execute("SELECT method, advertiser_key, site, site_ad_id FROM ad_links").fetchall()
        for method, key, site, ad in links:
            clusters.setdefault((method, key), set()).add((site, ad))
        return {
            "moments": con.execute("SELECT * FROM moments ORDER BY measured_on").fetchall(),
            "observations": observations,
            "links": sorted(sorted(ads) for ads in clusters.values()),
        }
    finally:
        con.close()


def _left_behind(folder: Path) -> list[str]:
    """Live processes started by the runs of `folder` (zombies have exited; their parent reaps them)."""
    tag = f"{TAG}={folder}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        try:
            alive = " Z " not in (entry / "stat").read_text()
            if entry.name.isdigit() and alive and tag in (entry / "environ").read_bytes().split(b"\0"):
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            continue
    return found


Week = Callable[[Path, dt.date], None]  # (config file, measurement date)


def _weekly_routine(market: tuple[Path, Config, Path], folder: Path, each_week: Week) -> None:
    sim, config, secret = market
    start = dt.date.fromisoformat(config.start_date)
    folder.mkdir()
    with SiteServer(sim) as server:
        config_file = _config_file(folder, secret, server.base_urls)
        for week in range(WEEKS):
            server.set_week(week)
            each_week(config_file, start + dt.timedelta(weeks=week))


@pytest.fixture(scope="module")
def clean_store(
    market: tuple[Path, Config, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    """The store of weekly runs that were never killed."""
    folder = tmp_path_factory.mktemp("clean") / "runs"
    _weekly_routine(market, folder, lambda config, date: _rerun_until_complete(folder, config, date))
    return _store_contents(folder / "z.duckdb")


@pytest.mark.parametrize("seed", _seeds())
def test_killed_weekly_runs_end_as_clean_runs(
    market: tuple[Path, Config, Path], clean_store: dict[str, object], tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    folder = tmp_path / "chaos"
    killed: list[str] = []

    def killed_then_rerun(config_file: Path, date: dt.date) -> None:
        killed.append(_kill_at_random(_zicht_run(folder, config_file, date), folder, date, rng))
        archived = _journal_lines(folder, date)
        # the kill takes every process of the run with it: nothing may go on writing the archive or store
        _wait_for(lambda: not _left_behind(folder), f"processes left behind: {_left_behind(folder)}", 5.0)
        assert _journal_lines(folder, date) == archived, f"the archive grew after the {killed[-1]} was killed"
        _rerun_until_complete(folder, config_file, date)

    _weekly_routine(market, folder, killed_then_rerun)
    assert _store_contents(folder / "z.duckdb") == clean_store, killed

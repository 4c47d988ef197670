"""A crawl whose parent process dies: the worker dies with it, and a run folder has one writer at a time."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from crawlsite import (
    AdSite,
    child_env,
    is_running,
    journaled_ads,
    lock_is_free,
    make_config,
    response_records,
    serve,
    wait_until,
    worker_children,
)

from zicht.crawl import crawl_run, iter_archived_ads, load_manifest
from zicht.crawl.run import CrawlWorker, build_job, current_worker, shutdown_worker
from zicht.errors import CrawlError
from zicht.sites import load_adapters

ADAPTERS = load_adapters()
PARENT = """
import sys
from pathlib import Path
from zicht.config import load_config
from zicht.crawl import crawl_run
from zicht.sites import load_adapters
base, archive, run_id, config = sys.argv[1:5]
crawl_run(load_adapters(), {"a": base}, run_id, Path(archive), load_config(Path(config)))
"""


def start_parent(tmp_path: Path, base: str, run_id: str) -> subprocess.Popen[bytes]:
    """`crawl_run` in a separate Python process (the process a user would kill)."""
    config = tmp_path / "zicht.toml"
    config.write_text(
        "[crawl]\nloopback_only = true\nautothrottle = false\nconcurrency_per_site = 2\n"
        "timeout_seconds = 120\n",
        encoding="utf-8",
    )
    args = [sys.executable, "-c", PARENT, base, str(tmp_path / "arch"), run_id, str(config)]
    return subprocess.Popen(args, env=child_env(), stderr=subprocess.DEVNULL)


def running_worker(parent: subprocess.Popen[bytes], run_dir: Path) -> int:
    """The pid of the parent's crawl worker, once it has archived a few ads."""
    wait_until(lambda: journaled_ads(run_dir) >= 3, "the first ads to be archived")
    (worker,) = worker_children(parent.pid)
    return worker


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_worker_dies_with_its_parent_and_the_run_resumes_whole(tmp_path: Path, how: signal.Signals) -> None:
    site = AdSite(n_ads=8, serve_before_hold=3)
    with serve(site.respond) as base:
        parent = start_parent(tmp_path, base, "w001")
        try:
            worker = running_worker(parent, tmp_path / "arch" / "w001")
            parent.send_signal(how)
            parent.wait(timeout=30)
            wait_until(lambda: not is_running(worker), f"the orphaned worker {worker} to stop", timeout=10)
            wait_until(
                lambda: lock_is_free(tmp_path / "arch" / "w001"), "its lock to be released", timeout=10
            )
        finally:
            site.release()
            parent.kill()
            parent.wait()

        summary = crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path / "arch", make_config())

    assert summary.complete and summary.sessions == 2
    codes = [ad.fields["code"] for _, _, ad in iter_archived_ads(tmp_path / "arch", "w001")]
    assert sorted(codes) == site.codes()  # every listed ad exactly once
    manifest = load_manifest(tmp_path / "arch", "w001")
    records = response_records(tmp_path / "arch" / "w001" / "a.warc.gz")
    assert all(records.get(row["offset"]) == ("response", row["url"]) for row in manifest["fetched"])


def test_a_second_writer_of_the_same_run_fails_at_once(tmp_path: Path) -> None:
    site = AdSite(n_ads=8, serve_before_hold=3)
    with serve(site.respond) as base:
        parent = start_parent(tmp_path, base, "w001")
        try:
            worker = running_worker(parent, tmp_path / "arch" / "w001")
            impatient = make_config(timeout_seconds=2, retries=0)  # bounds the test if the lock is missing
            with pytest.raises(CrawlError) as refused:
                crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path / "arch", impatient)
            site.release()
            assert parent.wait(timeout=60) == 0  # the first writer finished undisturbed
        finally:
            site.release()
            parent.kill()
            parent.wait()

    message = refused.value.one_line()
    assert message.startswith(f"run w001 is being written by another process (pid {worker})"), message
    assert "\n" not in message
    assert load_manifest(tmp_path / "arch", "w001")["complete"] is True


def test_worker_stops_mid_run_when_its_stdin_closes(tmp_path: Path) -> None:
    site = AdSite(n_ads=8, serve_before_hold=3)
    adapters = [a for a in ADAPTERS if a.name == "a"]
    with serve(site.respond) as base:
        job = build_job(adapters, {"a": base}, "w001", tmp_path, make_config(timeout_seconds=120))
        worker = CrawlWorker()
        outcome: list[BaseException] = []

        def run() -> None:
            try:
                worker.run(job, lambda event: None)
            except CrawlError as error:
                outcome.append(error)

        thread = threading.Thread(target=run)
        thread.start()
        try:
            wait_until(lambda: journaled_ads(tmp_path / "w001") >= 3, "the first ads to be archived")
            assert worker.proc.stdin is not None
            worker.proc.stdin.close()  # what the worker sees when its parent is gone
            wait_until(lambda: not is_running(worker.pid), "the worker to stop", timeout=10)
        finally:
            site.release()
            thread.join(timeout=60)
            worker.close()
    assert outcome and "crawl worker" in str(outcome[0])


def test_a_worker_started_from_a_short_lived_thread_outlives_it(tmp_path: Path) -> None:
    """Linux sends PR_SET_PDEATHSIG when the *thread* that started the worker ends, not the process."""
    shutdown_worker()
    site = AdSite(n_ads=2)
    with serve(site.respond) as base:
        thread = threading.Thread(
            target=crawl_run, args=(ADAPTERS, {"a": base}, "w001", tmp_path, make_config(), False)
        )
        thread.start()
        thread.join(timeout=60)
        pid = current_worker().pid
        assert crawl_run(ADAPTERS, {"a": base}, "w002", tmp_path, make_config()).complete
    assert current_worker().pid == pid and (tmp_path / "w001" / "manifest.json").exists()

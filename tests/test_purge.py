"""Retention: every run folder in the archive older than the cutoff goes, ingested or not (failed runs, runs
never ingested, killed crawls without a manifest all hold clear phone numbers), dated by its crawl."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app
from zicht.store import connect
from zicht.store.purge import crawl_date, purge_archive

_register_stage_commands()

CUTOFF = dt.date(2021, 1, 1)
OLD, RECENT = "2020-06-01T10:00:00+00:00", "2021-03-01T10:00:00+00:00"


def _run(archive: Path, run_id: str, manifest: dict[str, object] | None = None, journal: str = "") -> Path:
    folder = archive / run_id
    folder.mkdir(parents=True)
    (folder / "a.warc.gz").write_bytes(b"+31612345678" * 10)
    if manifest is not None:
        (folder / "manifest.json").write_text(json.dumps({"fetched": [], **manifest}))
    if journal:
        (folder / "journal.jsonl").write_text(journal)
    return folder


def _age(folder: Path, when: str) -> None:
    stamp = dt.datetime.fromisoformat(when).timestamp()
    os.utime(folder, (stamp, stamp))


def test_a_run_is_dated_by_manifest_then_journal_then_folder_time(tmp_path: Path) -> None:
    by_manifest = _run(
        tmp_path, "m", {"started_at": OLD}, journal=json.dumps({"t": "note", "session_started": RECENT})
    )
    partial_line = '{"t": "rec", "url": "http://x/1", "ok": tr'  # a killed crawl's last journal line
    by_journal = _run(
        tmp_path, "j", journal=f"{json.dumps({'t': 'note', 'session_started': OLD})}\n{partial_line}"
    )
    by_mtime = _run(tmp_path, "t")
    _age(by_mtime, OLD)
    assert crawl_date(by_manifest) == crawl_date(by_journal) == crawl_date(by_mtime) == dt.date(2020, 6, 1)


def test_purge_removes_every_old_run_folder_ingested_or_not(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    _run(archive, "ingested", {"started_at": OLD})
    _run(archive, "failed", {"started_at": OLD, "error": "site a: selectors find nothing"})
    _run(archive, "never-ingested", {"started_at": OLD})
    _run(archive, "killed", journal=json.dumps({"t": "note", "session_started": OLD}) + "\n")
    _age(_run(archive, "killed-at-once"), OLD)
    _run(archive, "recent", {"started_at": RECENT})
    _run(archive, "recent-killed")  # no manifest, no journal: dated by its folder, which is new
    store = tmp_path / "z.duckdb"
    con = connect(store)
    for run in ("ingested", "recent"):
        con.execute("INSERT INTO moments VALUES (?, 0, DATE '2020-06-01')", [run])
        con.execute(
            "INSERT INTO observations (moment_id, site, site_ad_id, warc_file) VALUES (?, 'a', 'K1', ?)",
            [run, f"{run}/a.warc.gz"],
        )
    con.close()
    result = CliRunner().invoke(
        app, ["purge", "--store", str(store), "--archive", str(archive), "--before", CUTOFF.isoformat()]
    )
    assert result.exit_code == 0, result.output
    assert "purged 5 run(s)" in result.output
    assert sorted(p.name for p in archive.iterdir()) == ["recent", "recent-killed"]
    pointers = connect(store).execute("SELECT moment_id, warc_file FROM observations ORDER BY 1").fetchall()
    assert pointers == [("ingested", None), ("recent", "recent/a.warc.gz")]


def test_purge_leaves_files_in_the_archive_root_alone(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    _run(archive, "old", {"started_at": OLD})
    (archive / ".zicht-run.lock").write_text("123")
    _age(archive / ".zicht-run.lock", OLD)
    result = purge_archive(connect(tmp_path / "z.duckdb"), archive, CUTOFF)
    assert result.runs_removed == ("old",)
    assert (archive / ".zicht-run.lock").exists()


def test_purge_of_a_missing_archive_is_one_line(tmp_path: Path) -> None:
    connect(tmp_path / "z.duckdb").close()
    result = CliRunner().invoke(
        app,
        [
            "purge",
            "--store",
            str(tmp_path / "z.duckdb"),
            "--archive",
            str(tmp_path / "nope"),
            "--before",
            "2021-01-01",
        ],
    )
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "archive" in lines[0]

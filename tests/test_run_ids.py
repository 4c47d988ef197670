"""Run ids name folders in the archive: one that climbs out of it (`../x`, `/abs`) never gets in, and purge
never deletes anything outside the archive, whatever the store or a symlink says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app
from zicht.errors import InputError
from zicht.runids import check_run_id
from zicht.store import connect
from zicht.store.purge import purge_archive

_register_stage_commands()

OLD = "2020-01-01T00:00:00+00:00"


@pytest.mark.parametrize("run_id", ["w000", "2026-12-08", "20210101T000000Z", "run_1.b", "a" * 64])
def test_plain_run_ids_pass(run_id: str) -> None:
    assert check_run_id(run_id) == run_id


@pytest.mark.parametrize(
    "run_id", ["", "..", "../x", "a/../../x", "/tmp/x", ".hidden", "a b", "a\\b", "w\x00", "é", "a" * 65]
)
def test_run_ids_that_could_leave_the_archive_are_refused(run_id: str) -> None:
    with pytest.raises(InputError, match="run id"):
        check_run_id(run_id)


def _manifest(folder: Path, started_at: str = OLD) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").write_text(json.dumps({"started_at": started_at, "fetched": []}))


def _old_moment(con: duckdb.DuckDBPyConnection, moment_id: str) -> None:
    con.execute("INSERT INTO moments VALUES (?, 0, DATE '2020-01-01')", [moment_id])


@pytest.mark.parametrize("run_id", ["../outside", "/tmp/zicht-absolute-run"])
def test_ingest_refuses_a_run_id_outside_the_archive(tmp_path: Path, run_id: str) -> None:
    _manifest(tmp_path / "outside")
    (tmp_path / "archive").mkdir()
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            "--store",
            str(tmp_path / "z.duckdb"),
            "--archive",
            str(tmp_path / "archive"),
            "--run-id",
            run_id,
        ],
    )
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "run id" in lines[0], result.output
    assert not (tmp_path / "z.duckdb").exists()


def test_purge_never_deletes_outside_the_archive(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    _manifest(victim)
    (tmp_path / "archive").mkdir()
    con = connect(tmp_path / "z.duckdb")  # a crafted store naming a folder outside the archive
    _old_moment(con, "../victim")
    purge_archive(con, tmp_path / "archive", dt.date(2021, 1, 1))
    assert (victim / "manifest.json").exists()


def test_purge_does_not_follow_a_symlinked_run_folder(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    _manifest(victim)
    archive = tmp_path / "archive"
    _manifest(archive / "w001")
    (archive / "w000").symlink_to(victim, target_is_directory=True)
    con = connect(tmp_path / "z.duckdb")
    for run in ("w000", "w001"):
        _old_moment(con, run)
    result = purge_archive(con, archive, dt.date(2021, 1, 1))
    assert (victim / "manifest.json").exists()
    assert result.runs_removed == ("w001",) and result.refused == ("w000",)

"""The pseudonym secret: created only beside a store without pseudonyms; refused when it is not the store's
own, too short to protect a phone number, readable by others, or not a secret at all; each in one line."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app
from zicht.config import load_config
from zicht.errors import StoreError
from zicht.models import AdInput, AdRecord, RawPage
from zicht.pipeline import ingest_runs
from zicht.store import Moment, connect, observation_rows, replace_moment
from zicht.store.pseudonyms import load_or_create_secret

_register_stage_commands()


def _write_secret(path: Path, text: str, mode: int = 0o600) -> None:
    path.write_text(text, encoding="ascii")
    path.chmod(mode)


def _ingest_nothing(tmp_path: Path, store: Path) -> None:
    """An ingest of no runs: it opens the store and its secret, and starts no worker."""
    (tmp_path / "archive").mkdir(exist_ok=True)
    ingest_runs(store, tmp_path / "archive", [], tmp_path, load_config(None))


def _store_with_pseudonyms(store: Path, secret: bytes) -> None:
    ad = AdInput(id="K1", text="hoi", fields={"code": "K1", "name": "Lisa", "phone": "+31612345678"})
    page = RawPage("w000", "a", "http://x/1", 200, "ad", "w000/a.warc.gz", 0, "sha1:X")
    rows = observation_rows(
        "w000", [("a", page, ad)], lambda ad: AdRecord(id=ad.id, phone=ad.fields["phone"]), secret
    )
    con = connect(store)
    replace_moment(con, Moment("w000", 0, dt.date(2020, 8, 25)), rows)
    con.close()


def _cli_ingest(tmp_path: Path, store: Path) -> tuple[int, str]:
    (tmp_path / "archive").mkdir(exist_ok=True)
    result = CliRunner().invoke(
        app, ["ingest", "--store", str(store), "--archive", str(tmp_path / "archive")]
    )
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return result.exit_code, lines[0]


def test_a_lost_secret_is_not_replaced_beside_a_store_with_pseudonyms(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    _store_with_pseudonyms(store, bytes(range(32)))
    code, line = _cli_ingest(tmp_path, store)
    assert code == 2 and "restore the secret from backup" in line
    assert not Path(f"{store}.secret").exists()


def test_another_secret_than_the_stores_own_is_refused(tmp_path: Path) -> None:
    store, secret = tmp_path / "z.duckdb", tmp_path / "z.duckdb.secret"
    _ingest_nothing(tmp_path, store)  # the first ingest creates the secret and records its fingerprint
    _write_secret(secret, os.urandom(32).hex())
    with pytest.raises(StoreError) as refused:
        _ingest_nothing(tmp_path, store)
    assert "restore the secret from backup" in refused.value.one_line()


def test_the_stores_own_secret_is_accepted_again(tmp_path: Path) -> None:
    store, secret = tmp_path / "z.duckdb", tmp_path / "z.duckdb.secret"
    _ingest_nothing(tmp_path, store)
    first = secret.read_text()
    _ingest_nothing(tmp_path, store)
    assert secret.read_text() == first


@pytest.mark.parametrize("text", ["", "00", "ab" * 31])
def test_a_short_secret_is_refused(tmp_path: Path, text: str) -> None:
    store = tmp_path / "z.duckdb"
    _write_secret(Path(f"{store}.secret"), text)
    code, line = _cli_ingest(tmp_path, store)
    assert code == 2 and "32 bytes" in line
    with pytest.raises(StoreError, match="32 bytes"):
        load_or_create_secret(Path(f"{store}.secret"))


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644])
def test_a_secret_others_can_read_is_refused(tmp_path: Path, mode: int) -> None:
    store = tmp_path / "z.duckdb"
    _write_secret(Path(f"{store}.secret"), os.urandom(32).hex(), mode)
    code, line = _cli_ingest(tmp_path, store)
    assert code == 2 and "chmod 600" in line


def test_a_secret_that_is_not_hex_is_one_line(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    _write_secret(Path(f"{store}.secret"), "not a secret at all, but long enough to be 32 bytes or more")
    code, line = _cli_ingest(tmp_path, store)
    assert code == 2 and "hex" in line


def test_a_folder_at_the_secret_path_is_one_line(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    Path(f"{store}.secret").mkdir()
    code, line = _cli_ingest(tmp_path, store)
    assert code == 2 and "folder" in line


def test_no_secret_is_created_for_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    store = tmp_path / "notes.txt"
    store.write_text("these are my notes, not a DuckDB file\n" * 100)
    code, line = _cli_ingest(tmp_path, store)
    assert code == 2 and "store" in line
    assert not Path(f"{store}.secret").exists()

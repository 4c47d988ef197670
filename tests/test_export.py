"""`zicht export`: table names and the --out path never become SQL, only the store's own tables are exported,
each file appears whole or not at all, and a wrong --out is one line."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app
from zicht.store import connect

_register_stage_commands()


def _export(store: Path, out: Path) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(app, ["export", "--store", str(store), "--out", str(out)])
    lines = [line for line in result.output.splitlines() if line.strip()]
    return result.exit_code, lines, result.output


def _assert_one_line_error(code: int, lines: list[str], output: str) -> None:
    assert code == 2, output
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in output, output


def test_a_table_name_cannot_write_a_file_elsewhere(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    connect(store).close()
    evil = tmp_path / "evil"
    con = duckdb.connect(str(store))
    con.execute(f"""CREATE TABLE "x TO '{evil}' --" AS SELECT 1 AS a""")
    con.close()
    code, lines, output = _export(store, tmp_path / "parquet")
    _assert_one_line_error(code, lines, output)
    assert not evil.exists()
    assert not (tmp_path / "parquet").exists() or not any((tmp_path / "parquet").iterdir())


def test_views_and_attached_tables_are_not_exported(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    con = connect(store)
    con.execute("CREATE VIEW every_moment AS SELECT * FROM moments")
    con.close()
    code, lines, output = _export(store, tmp_path / "parquet")
    assert code == 0, output
    assert {p.name for p in (tmp_path / "parquet").iterdir()} == {
        f"{t}.parquet" for t in ("meta", "moments", "observations", "ad_links", "weekly_duplicates")
    }


def test_a_quote_in_out_is_a_plain_folder_name(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    con = connect(store)
    con.execute("INSERT INTO moments VALUES ('w000', 0, DATE '2020-08-25')")
    con.close()
    out = tmp_path / "it's here"
    code, _, output = _export(store, out)
    assert code == 0, output
    assert pq.read_table(out / "moments.parquet").num_rows == 1
    assert not [p for p in out.iterdir() if p.name.endswith(".partial")]


def test_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    connect(store).close()
    out = tmp_path / "keep.txt"
    out.write_text("mine")
    _assert_one_line_error(*_export(store, out))
    assert out.read_text() == "mine"


def test_out_below_a_file_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    connect(store).close()
    (tmp_path / "keep.txt").write_text("mine")
    _assert_one_line_error(*_export(store, tmp_path / "keep.txt" / "parquet"))

"""Every command answers bad input with one line and exit status 2, and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app

_register_stage_commands()


@pytest.mark.parametrize(
    "args",
    [
        ["crawl", "--base-url", "x=http://127.0.0.1:9", "--run-id", "r", "--archive", "{tmp}/out"],
        ["extract", "--jsonl", "{tmp}/missing.jsonl", "--out", "{tmp}/out"],
        ["eval", "dedupe", "--sim", "{tmp}/missing", "--store", "{tmp}/missing.duckdb", "--json"],
        ["eval", "crawl", "--sim", "{tmp}/missing", "--store", "{tmp}/missing.duckdb", "--json"],
        ["eval", "tables", "--store", "{tmp}/missing.duckdb"],
        ["report", "--store", "{tmp}/missing.duckdb", "--out", "{tmp}/out"],
        ["link", "--store", "{tmp}/missing.duckdb"],
        ["ingest", "--store", "{tmp}/out.duckdb", "--archive", "{tmp}/missing"],
        ["simulate", "--config", "{tmp}/bad.toml", "--out", "{tmp}/out"],
        ["demo", "--config", "{tmp}/bad.toml", "--out", "{tmp}/out"],
        ["purge", "--store", "{tmp}/missing.duckdb", "--archive", "{tmp}/missing", "--before", "soon"],
        ["purge", "--store", "{tmp}/out.duckdb", "--archive", "{tmp}/missing", "--before", "2021-01-01"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "bad.toml").write_text("scael = 2\n")
    result = CliRunner().invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.duckdb").exists()

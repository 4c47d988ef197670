"""Input that is wrong in kind, not only in value: a folder for a file, a file for a folder, JSON nested
beyond Python's recursion limit, a zero that `or` would take for missing, true where a number belongs.
Each is one line and exit status 2, never a traceback and never a silent default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app
from zicht.config import load_config
from zicht.errors import ConfigError
from zicht.store import connect

_register_stage_commands()


def _one_line_exit_2(args: list[str]) -> str:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return lines[0]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    connect(tmp_path / "z.duckdb").close()
    return tmp_path / "z.duckdb"


@pytest.fixture
def ads(tmp_path: Path) -> Path:
    path = tmp_path / "ads.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "Lisa, 06 12345678", "fields": {}}) + "\n")
    return path


@pytest.mark.parametrize("command", ["ingest", "purge", "report", "simulate"])
def test_config_that_is_a_folder(tmp_path: Path, store: Path, command: str) -> None:
    (tmp_path / "archive").mkdir()
    args = {
        "ingest": ["ingest", "--store", str(store), "--archive", str(tmp_path / "archive")],
        "purge": ["purge", "--store", str(store), "--archive", str(tmp_path / "archive")],
        "report": ["report", "--store", str(store), "--out", str(tmp_path / "report")],
        "simulate": ["simulate", "--out", str(tmp_path / "sim")],
    }[command]
    line = _one_line_exit_2([*args, "--config", str(tmp_path)])
    assert "config" in line


@pytest.mark.parametrize("nesting", ["[" * 100_000, '{"id": "1", "fields": ' + '{"a": ' * 50_000])
def test_extract_input_nested_too_deep(tmp_path: Path, nesting: str) -> None:
    source = tmp_path / "deep.jsonl"
    source.write_text(json.dumps({"id": "0", "text": "hoi"}) + "\n" + nesting + "\n")
    line = _one_line_exit_2(["extract", "--jsonl", str(source), "--out", str(tmp_path / "out.jsonl")])
    assert "line 2" in line
    assert not (tmp_path / "out.jsonl").exists()


def test_extract_out_that_is_a_folder(tmp_path: Path, ads: Path) -> None:
    (tmp_path / "out").mkdir()
    _one_line_exit_2(["extract", "--jsonl", str(ads), "--out", str(tmp_path / "out")])


def test_extract_out_below_a_file(tmp_path: Path, ads: Path) -> None:
    _one_line_exit_2(["extract", "--jsonl", str(ads), "--out", str(ads / "out.jsonl")])


@pytest.fixture
def no_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wrong --out is refused before the report is computed (minutes on a large store)."""
    import zicht.report

    def computed(*args: object, **kwargs: object) -> None:
        raise AssertionError("the report was computed")

    monkeypatch.setattr(zicht.report, "write_report", computed)


@pytest.mark.usefixtures("no_report")
def test_report_out_that_is_a_file(tmp_path: Path, store: Path) -> None:
    (tmp_path / "report").write_text("mine")
    _one_line_exit_2(["report", "--store", str(store), "--out", str(tmp_path / "report")])
    assert (tmp_path / "report").read_text() == "mine"


@pytest.mark.usefixtures("no_report")
def test_report_out_below_a_file(tmp_path: Path, store: Path) -> None:
    (tmp_path / "report").write_text("mine")
    _one_line_exit_2(["report", "--store", str(store), "--out", str(tmp_path / "report" / "html")])


def test_demo_scale_zero_is_an_error_not_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zicht.pipeline.demo

    def no_demo(*args: object, **kwargs: object) -> None:
        raise AssertionError("the demo ran")

    monkeypatch.setattr(zicht.pipeline.demo, "run_demo", no_demo)
    line = _one_line_exit_2(["demo", "--scale", "0", "--out", str(tmp_path / "demo")])
    assert "scale" in line


@pytest.mark.parametrize(
    "setting", ["seed = true", "weeks = true", "scale = true", "[store]\nraw_retention_days = false"]
)
def test_true_or_false_is_not_a_number(tmp_path: Path, setting: str) -> None:
    config = tmp_path / "zicht.toml"
    config.write_text(setting + "\n")
    with pytest.raises(ConfigError, match="true or false"):
        load_config(config)
    _one_line_exit_2(["simulate", "--config", str(config), "--out", str(tmp_path / "sim")])
    assert not (tmp_path / "sim").exists()

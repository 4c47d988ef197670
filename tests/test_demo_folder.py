"""`zicht demo --out DIR` rewrites only a folder it made: a new or empty one (marked first), or one an earlier
demo marked; any other non-empty folder is refused in one line, and nothing in it is touched."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app
from zicht.errors import InputError
from zicht.pipeline.demo import DEMO_MARKER, prepare_demo_folder

_register_stage_commands()


def _someone_elses_folder(out: Path) -> None:
    (out / "archive" / "2026-12-01").mkdir(parents=True)
    (out / "archive" / "2026-12-01" / "a.warc.gz").write_bytes(b"the only copy")
    (out / "zicht.duckdb").write_bytes(b"a store")


def test_demo_refuses_a_folder_it_did_not_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zicht.simulate.market

    def no_simulation(*args: object, **kwargs: object) -> None:
        raise AssertionError("the demo went ahead in someone else's folder")

    monkeypatch.setattr(zicht.simulate.market, "simulate", no_simulation)
    _someone_elses_folder(tmp_path)
    result = CliRunner().invoke(app, ["demo", "--out", str(tmp_path), "--weeks", "1"])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in result.output
    assert (tmp_path / "archive" / "2026-12-01" / "a.warc.gz").read_bytes() == b"the only copy"
    assert (tmp_path / "zicht.duckdb").read_bytes() == b"a store"
    assert not (tmp_path / DEMO_MARKER).exists()


def test_a_file_as_demo_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "report").write_text("mine")
    with pytest.raises(InputError, match="file"):
        prepare_demo_folder(tmp_path / "report")


@pytest.mark.parametrize("exists", [False, True])
def test_a_new_or_empty_folder_is_marked_first(tmp_path: Path, exists: bool) -> None:
    out = tmp_path / "demo"
    if exists:
        out.mkdir()
    prepare_demo_folder(out)
    assert (out / DEMO_MARKER).is_file()


def test_a_folder_an_earlier_demo_marked_is_cleared_for_the_next(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    prepare_demo_folder(out)
    _someone_elses_folder(out)  # what the earlier demo wrote
    (out / "sim").mkdir()
    prepare_demo_folder(out)
    assert not (out / "archive" / "2026-12-01").exists() and not (out / "sim").exists()
    assert not (out / "zicht.duckdb").exists() and (out / DEMO_MARKER).is_file()

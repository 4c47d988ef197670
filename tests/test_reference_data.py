"""Where reference data comes from: a named folder, the fetched cache, or the copy shipped in the package."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zicht.errors import DataDirMissing
from zicht.refdata import MUNICIPALITIES_FILE, load_reference, resolve_data_dir, shipped_data_dir


@pytest.fixture
def empty_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user with no cache and no ZICHT_DATA_DIR, as on a fresh machine."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("ZICHT_DATA_DIR", raising=False)
    return home


def test_fresh_machine_uses_the_shipped_copy(empty_home: Path) -> None:
    assert resolve_data_dir() == shipped_data_dir()
    assert len(load_reference(resolve_data_dir()).municipalities) == 352


def test_a_complete_fetched_cache_wins_over_the_shipped_copy(empty_home: Path) -> None:
    cache = empty_home / ".cache" / "zicht" / "data"
    shutil.copytree(shipped_data_dir(), cache)
    assert resolve_data_dir() == cache


def test_a_half_filled_cache_is_not_used(empty_home: Path) -> None:
    cache = empty_home / ".cache" / "zicht" / "data"
    cache.mkdir(parents=True)
    shutil.copy(shipped_data_dir() / MUNICIPALITIES_FILE, cache)
    assert resolve_data_dir() == shipped_data_dir()


def test_a_named_folder_without_data_is_an_error_not_a_fallback(tmp_path: Path) -> None:
    for explicit, env_value in ((tmp_path / "nowhere", None), (None, str(tmp_path / "nowhere"))):
        with pytest.raises(DataDirMissing) as caught:
            resolve_data_dir(explicit, env_value)
        assert "nowhere" in caught.value.one_line()
        assert "\n" not in caught.value.one_line()


def test_shipped_files_are_the_ones_sources_md_describes() -> None:
    """SOURCES.md records each file's sha256: the package's copy must be exactly those files."""
    sources = (shipped_data_dir() / "SOURCES.md").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"^\| (\S+\.(?:csv|geojson)) \| .*? \| ([0-9a-f]{64}) \|$", sources, re.M))
    assert len(recorded) == 3
    for name, digest in recorded.items():
        assert hashlib.sha256((shipped_data_dir() / name).read_bytes()).hexdigest() == digest, name


def test_data_where_on_a_fresh_machine_names_the_shipped_copy(empty_home: Path, tmp_path: Path) -> None:
    """Run from a folder with nothing beside it: no ../shared, no cache, no environment variable."""
    alone = tmp_path / "alone" / "cwd"
    alone.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if k not in ("ZICHT_DATA_DIR", "XDG_CACHE_HOME")}
    env["HOME"] = str(empty_home)
    where = subprocess.run(
        [sys.executable, "-c", "from zicht.cli import main; main()", "data", "where"],
        cwd=alone,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()) == shipped_data_dir()

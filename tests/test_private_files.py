"""Raw archives hold clear phone numbers: every file Zicht writes is readable by its owner only (the CLI sets
umask 077), and zicht.fsmodes gives the folders and files of the archive owner-only modes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from archivefixtures import CRAWL_CONFIG, tiny_sites

from zicht.fsmodes import private_dir, private_file

ZICHT = [sys.executable, "-m", "zicht"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_private_dir_creates_and_tightens_owner_only_folders(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        created = private_dir(tmp_path / "new" / "archive")
        loose = tmp_path / "loose"
        loose.mkdir(mode=0o755)
        private_dir(loose)
    finally:
        os.umask(previous)
    assert _mode(created) == 0o700 and _mode(loose) == 0o700


def test_private_file_tightens_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    path.write_bytes(b"x")
    path.chmod(0o644)
    private_file(path)
    assert _mode(path) == 0o600


def test_nothing_under_the_archive_is_readable_by_others_after_crawl_and_ingest(
    tmp_path: Path, data_dir: Path
) -> None:
    archive, store, config = tmp_path / "archive", tmp_path / "z.duckdb", tmp_path / "zicht.toml"
    config.write_text(CRAWL_CONFIG, encoding="utf-8")
    previous = os.umask(0o022)  # as a login shell would have it
    try:
        with tiny_sites(tmp_path / "sim", weeks=1) as urls:
            crawl = [*ZICHT, "crawl", "--archive", str(archive), "--run-id", "w000", "--no-progress"]
            crawl += ["--config", str(config), *[f"--base-url={site}={url}" for site, url in urls.items()]]
            subprocess.run(crawl, check=True, capture_output=True, timeout=300)
        ingest = [
            *ZICHT,
            "ingest",
            "--store",
            str(store),
            "--archive",
            str(archive),
            "--data-dir",
            str(data_dir),
        ]
        subprocess.run(ingest, check=True, capture_output=True, timeout=300)
    finally:
        os.umask(previous)
    written = [archive, *archive.rglob("*"), store, Path(f"{store}.secret")]
    assert any(p.name.endswith(".warc.gz") for p in written)
    loose = {str(p.relative_to(tmp_path)): oct(_mode(p)) for p in written if _mode(p) & 0o077}
    assert not loose

"""Retention: raw pages (WARC archives) are kept only for a configured period, then purged.

The store keeps the extracted, pseudonymised observations; purging clears their pointers into the archive.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from zicht.runids import is_run_id


@dataclass(frozen=True)
class PurgeResult:
    runs_removed: tuple[str, ...]
    bytes_freed: int
    refused: tuple[str, ...] = ()  # past retention but not a folder strictly inside the archive (a symlink)


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def strictly_inside(root: Path, path: Path) -> bool:
    """Whether `path` is a real folder strictly inside `root`: not a symlink, not the root, not elsewhere
    once every link and '..' is resolved. Purge deletes nothing else, whatever a store or a link says."""
    if path.is_symlink() or not path.is_dir():
        return False
    resolved_root, resolved = root.resolve(), path.resolve()
    return resolved != resolved_root and resolved.is_relative_to(resolved_root)


def purge_archive(con: duckdb.DuckDBPyConnection, archive: Path, before: dt.date) -> PurgeResult:
    """Delete the archived runs of every moment measured before `before` and clear their WARC pointers."""
    rows = con.execute(
        "SELECT moment_id FROM moments WHERE measured_on < ? ORDER BY moment_id", [before]
    ).fetchall()
    removed, refused, freed = [], [], 0
    for (moment_id,) in rows:
        folder = Path(archive) / moment_id
        if not is_run_id(moment_id) or (folder.exists() and not strictly_inside(Path(archive), folder)):
            refused.append(moment_id)
            continue
        if folder.is_dir():
            freed += _size(folder)
            shutil.rmtree(folder)
            removed.append(moment_id)
        con.execute(
            "UPDATE observations SET warc_file = NULL, warc_offset = NULL WHERE moment_id = ?", [moment_id]
        )
    return PurgeResult(tuple(removed), freed, tuple(refused))


def retention_cutoff(today: dt.date, retention_days: int) -> dt.date:
    return today - dt.timedelta(days=retention_days)

"""Retention: raw pages (WARC archives) are kept only for a configured period, then purged.

Every run folder in the archive holds clear phone numbers, whether its run was ingested, failed or was killed
half way, so purge goes over the folders, dated by their crawl, not over the store's moments. The store keeps
the extracted, pseudonymised observations; purging clears their pointers into the archive.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

MANIFEST, JOURNAL = "manifest.json", "journal.jsonl"  # zicht.crawl.archive's layout, read without scrapy


@dataclass(frozen=True)
class PurgeResult:
    runs_removed: tuple[str, ...]
    bytes_freed: int
    refused: tuple[str, ...] = ()  # not a real folder strictly inside the archive (a symlink): left alone


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def strictly_inside(root: Path, path: Path) -> bool:
    """Whether `path` is a real folder strictly inside `root`: not a symlink, not the root, not elsewhere
    once every link and '..' is resolved. Purge deletes nothing else, whatever a store or a link says."""
    if path.is_symlink() or not path.is_dir():
        return False
    resolved_root, resolved = root.resolve(), path.resolve()
    return resolved != resolved_root and resolved.is_relative_to(resolved_root)


def run_folders(archive: Path) -> list[Path]:
    """Every entry of the archive root but plain files (a lock file is not a run): folders and symlinks."""
    return sorted(p for p in Path(archive).iterdir() if p.is_symlink() or p.is_dir())


def crawl_date(folder: Path) -> dt.date:
    """The day a run's crawl started: its manifest's started_at; for a crawl killed before writing one, its
    journal's first session_started note; else the day the folder last changed."""
    started = _manifest_start(folder) or _journal_start(folder)
    if started:
        try:
            return dt.datetime.fromisoformat(started).date()
        except ValueError:
            pass
    return dt.datetime.fromtimestamp(folder.lstat().st_mtime, dt.UTC).date()


def _manifest_start(folder: Path) -> str | None:
    try:
        started = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("started_at")
    except (OSError, ValueError, AttributeError):
        return None
    return started if isinstance(started, str) else None


def _journal_start(folder: Path) -> str | None:
    try:
        with open(folder / JOURNAL, encoding="utf-8", errors="replace") as journal:
            for line in journal:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue  # a line cut short when the crawl was killed
                if isinstance(entry, dict) and isinstance(entry.get("session_started"), str):
                    return str(entry["session_started"])
    except OSError:
        return None
    return None


def purge_archive(con: duckdb.DuckDBPyConnection, archive: Path, before: dt.date) -> PurgeResult:
    """Delete every run folder whose crawl started before `before` and clear the store's pointers into it."""
    root = Path(archive)
    removed, refused, freed = [], [], 0
    for folder in run_folders(root):
        if not strictly_inside(root, folder):
            refused.append(folder.name)
            continue
        if crawl_date(folder) >= before:
            continue
        # pointers first: a purge killed after this line leaves a folder the next purge removes
        con.execute(
            "UPDATE observations SET warc_file = NULL, warc_offset = NULL WHERE moment_id = ?", [folder.name]
        )
        freed += _size(folder)
        shutil.rmtree(folder)
        removed.append(folder.name)
    return PurgeResult(tuple(removed), freed, tuple(refused))


def retention_cutoff(today: dt.date, retention_days: int) -> dt.date:
    return today - dt.timedelta(days=retention_days)

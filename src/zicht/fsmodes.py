"""Owner-only files and folders. Raw archives hold clear phone numbers, the store holds pseudonyms and the
secret holds the key to them: none of it may be readable by other users of the machine.

The CLI sets umask 077 (zicht.cli.main), so everything Zicht creates is private from the start; these
functions make a folder or file private explicitly (for library use, and for archives written before)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from zicht.errors import InputError

PRIVATE_UMASK = 0o077
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) as an owner-only folder (0700), or tighten an existing one."""
    path = Path(path)
    try:
        path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        _tighten(path, PRIVATE_DIR)
    except OSError as error:
        raise InputError(f"cannot make {path} a private folder: {error.strerror}") from None
    return path


def private_file(path: Path) -> Path:
    """Make an existing file owner-only (0600)."""
    path = Path(path)
    try:
        _tighten(path, PRIVATE_FILE)
    except OSError as error:
        raise InputError(f"cannot make {path} a private file: {error.strerror}") from None
    return path


def _tighten(path: Path, mode: int) -> None:
    # a folder that exists already keeps the mode it was made with (mkdir's mode applies to new ones only)
    if stat.S_IMODE(os.stat(path).st_mode) != mode:
        os.chmod(path, mode)

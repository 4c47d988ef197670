"""Exclusive locks between Zicht processes: one weekly run per store and per archive at a time.

flock locks belong to the open file: the kernel releases them when the holder dies, however it dies, so a
killed run never leaves a stale lock behind and the next run needs no clean-up.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from zicht.errors import ZichtError


class Busy(ZichtError):
    """Another Zicht process holds the lock."""


@contextmanager
def exclusive(lock_file: Path, what: str) -> Iterator[None]:
    """Hold an exclusive lock on `lock_file` (created 0600) or fail at once naming the holder's pid."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "?"
            raise Busy(
                f"{what} is in use by another Zicht process (pid {holder})",
                "wait for it to finish; a killed run releases it at once",
            ) from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(descriptor)

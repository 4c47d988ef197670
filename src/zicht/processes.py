"""Child processes that never outlive their parent (the crawl worker, the ingest pool's workers).

A killed parent must not leave children behind that go on writing a run or hold the pseudonym secret. On
Linux the kernel sends the child a signal when its parent dies (PR_SET_PDEATHSIG); the signal follows the
*thread* that started the child, so callers start children from a thread that lives as long as they do.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent: int, death_signal: int = signal.SIGKILL, exit_code: int = 1) -> None:
    """Ask Linux to send `death_signal` to this process when `parent` dies; exit now if it already has."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, death_signal, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the death signal was armed
        os._exit(exit_code)

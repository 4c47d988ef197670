"""Run ids name folders in the archive (ARCHIVE/<run_id>/), so every run id that enters Zicht is checked here:
letters, digits, '-', '_' and '.', not starting with '.', at most 64 characters. Nothing else can climb out
of the archive ('../x', '/abs') or hide in it ('.x')."""

from __future__ import annotations

import re

from zicht.errors import InputError

MAX_LENGTH = 64
_RUN_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")


def is_run_id(name: str) -> bool:
    return len(name) <= MAX_LENGTH and _RUN_ID.fullmatch(name) is not None


def check_run_id(run_id: str) -> str:
    """The run id unchanged, or an InputError naming it."""
    if not is_run_id(run_id):
        raise InputError(
            f"bad run id {run_id!r}",
            f"use letters, digits, '-', '_' or '.', not starting with '.', at most {MAX_LENGTH} characters",
        )
    return run_id
